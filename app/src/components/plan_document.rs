//! A plan as people read it: context, objectives, actions, indicators and meetings. Every item
//! is an anchor named by its stable id, so links and annotations keep pointing at it.

use leptos::prelude::*;

use super::rich_text::RichText;
use crate::domain::plan::{PlanAction, PlanContent, period, section};
use crate::i18n::plan_texts;

/// The whole content of a plan.
#[component]
pub fn PlanDocument(content: PlanContent) -> impl IntoView {
    let t = plan_texts();
    let PlanContent {
        context,
        objectives,
        actions,
        indicators,
        meetings,
    } = content.clone();
    let objective_links = move |action: &PlanAction| {
        let labels: Vec<_> = action
            .objectives
            .iter()
            .filter_map(|id| content.objective_label(id).map(|label| (id.clone(), label)))
            .collect();
        if labels.is_empty() {
            return view! { {t.none} }.into_any();
        }
        labels
            .into_iter()
            .map(|(id, label)| {
                view! {
                    <a href=format!("#{}", id.0)>{label}</a>
                    " "
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <article class="plan-document">
            <section id=section::CONTEXT aria-labelledby="titolo-contesto">
                <h2 id="titolo-contesto">{t.section_context}</h2>
                <RichText text=context />
            </section>
            <section id=section::OBJECTIVES aria-labelledby="titolo-obiettivi">
                <h2 id="titolo-obiettivi">{t.section_objectives}</h2>
                <ol class="plan-items">
                    {objectives
                        .into_iter()
                        .enumerate()
                        .map(|(i, objective)| {
                            view! {
                                <li id=objective.id.0.clone() class="plan-item">
                                    <h3>
                                        <span class="item-label">{format!("O{}", i + 1)}</span>
                                        " "
                                        {objective.title}
                                    </h3>
                                    <RichText text=objective.description />
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
            <section id=section::ACTIONS aria-labelledby="titolo-azioni">
                <h2 id="titolo-azioni">{t.section_actions}</h2>
                <ol class="plan-items">
                    {actions
                        .into_iter()
                        .enumerate()
                        .map(|(i, action)| {
                            let links = objective_links(&action);
                            let status = action.status_line();
                            view! {
                                <li id=action.id.0.clone() class="plan-item">
                                    <h3>
                                        <span class="item-label">{format!("A{}", i + 1)}</span>
                                        " "
                                        {action.title.clone()}
                                    </h3>
                                    <RichText text=action.description.clone() />
                                    <dl class="action-facts">
                                        <dt>{t.action_objectives}</dt>
                                        <dd>{links}</dd>
                                        <dt>{t.action_period}</dt>
                                        <dd>{period(action.start_month, action.end_month)}</dd>
                                        <Fact term=t.action_lead value=action.lead />
                                        <Fact term=t.action_bodies value=action.bodies />
                                        <Fact term=t.action_outputs value=action.outputs />
                                        <Fact term=t.action_audience value=action.audience />
                                        <dt>{t.action_status}</dt>
                                        <dd>{status}</dd>
                                    </dl>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
            <section id=section::INDICATORS aria-labelledby="titolo-indicatori">
                <h2 id="titolo-indicatori">{t.section_indicators}</h2>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.indicator_name}</th>
                            <th scope="col">{t.indicator_target}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {indicators
                            .into_iter()
                            .map(|indicator| {
                                view! {
                                    <tr id=indicator.id.0>
                                        <th scope="row">{indicator.name}</th>
                                        <td>{indicator.target}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </section>
            <section id=section::MEETINGS aria-labelledby="titolo-calendario">
                <h2 id="titolo-calendario">{t.section_meetings}</h2>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.meeting_date}</th>
                            <th scope="col">{t.meeting_title}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {meetings
                            .into_iter()
                            .map(|meeting| {
                                view! {
                                    <tr id=meeting.id.0>
                                        <td>
                                            <time datetime=meeting
                                                .date
                                                .clone()>{t.long_date(&meeting.date)}</time>
                                        </td>
                                        <td>
                                            {match meeting.announces {
                                                Some(id) => {
                                                    view! {
                                                        <a href=format!("/incontri/{id}")>{meeting.title}</a>
                                                    }
                                                        .into_any()
                                                }
                                                None => meeting.title.into_any(),
                                            }}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </section>
        </article>
    }
}

/// One fact of an action; an empty value reads «Nessuno».
#[component]
fn Fact(term: &'static str, value: String) -> impl IntoView {
    let value = if value.trim().is_empty() {
        plan_texts().none.to_owned()
    } else {
        value
    };
    view! {
        <dt>{term}</dt>
        <dd>{value}</dd>
    }
}
