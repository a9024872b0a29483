//! One plan as the board shows it: the context by paragraphs, objectives and actions with
//! their fields and «Annota» buttons, indicators and meetings in short.

use leptos::prelude::*;

use super::blocks::{AnnotateItem, Badge, ContextBlock, RichBlock, TextBlock};
use super::columns::item_dom_id;
use super::marks::Marks;
use crate::domain::board::anchor::field;
use crate::domain::community::CommunitySlug;
use crate::domain::plan::edit::Part;
use crate::domain::plan::period;
use crate::domain::plan::{PlanAction, PlanContent, section};
use crate::i18n::{board_texts, plan_texts};

/// The text of one plan, every block annotatable.
#[component]
pub fn PlanText(
    marks: Marks,
    community: CommunitySlug,
    content: PlanContent,
    can_write: bool,
) -> impl IntoView {
    let (t, pt) = (board_texts(), plan_texts());
    let slug = community.to_string();
    let dom_id = move |item: &str| item_dom_id(&slug, item);
    let objectives = content
        .objectives
        .iter()
        .map(|o| {
            let label = content.label(Part::Objectives, &o.id);
            view! {
                <li class="board-item" id=dom_id(&o.id.0)>
                    <ItemHead
                        marks
                        community=community.clone()
                        item=o.id.0.clone()
                        label
                        title=o.title.clone()
                        can_write
                    />
                    <RichBlock
                        marks
                        item=o.id.0.clone()
                        field=field::DESCRIPTION
                        source=o.description.clone()
                    />
                </li>
            }
        })
        .collect_view();
    let actions = content
        .actions
        .iter()
        .map(|a| {
            let label = content.label(Part::Actions, &a.id);
            view! {
                <li class="board-item" id=dom_id(&a.id.0)>
                    <ItemHead
                        marks
                        community=community.clone()
                        item=a.id.0.clone()
                        label
                        title=a.title.clone()
                        can_write
                    />
                    <RichBlock
                        marks
                        item=a.id.0.clone()
                        field=field::DESCRIPTION
                        source=a.description.clone()
                    />
                    <ActionFacts marks content=content.clone() action=a.clone() />
                </li>
            }
        })
        .collect_view();
    let indicators = content
        .indicators
        .iter()
        .map(|i| {
            view! {
                <li id=dom_id(&i.id.0)>
                    <TextBlock marks item=i.id.0.clone() field=field::NAME text=i.name.clone() />
                    ": "
                    <TextBlock
                        marks
                        item=i.id.0.clone()
                        field=field::TARGET
                        text=i.target.clone()
                    />
                </li>
            }
        })
        .collect_view();
    let meetings = content
        .meetings
        .iter()
        .map(|m| {
            view! {
                <li id=dom_id(&m.id.0)>
                    <time datetime=m.date.clone()>{pt.long_date(&m.date)}</time>
                    " · "
                    <TextBlock marks item=m.id.0.clone() field=field::TITLE text=m.title.clone() />
                </li>
            }
        })
        .collect_view();
    let context_whole = marks.on_item(section::CONTEXT);
    view! {
        <section class="board-section" id=dom_id(section::CONTEXT)>
            <h3>
                {pt.section_context}
                <Badge
                    ids=context_whole.into()
                    describe=move |n| (t.badge_item)(n, pt.section_context)
                />
            </h3>
            <ContextBlock
                marks
                community=community.clone()
                source=content.context.clone()
                can_write
            />
        </section>
        <section class="board-section">
            <h3>{pt.section_objectives}</h3>
            <ol class="board-items">{objectives}</ol>
        </section>
        <section class="board-section">
            <h3>{pt.section_actions}</h3>
            <ol class="board-items">{actions}</ol>
        </section>
        <section class="board-section">
            <h3>{t.indicators_short}</h3>
            <ul class="board-compact">{indicators}</ul>
        </section>
        <section class="board-section">
            <h3>{t.meetings_short}</h3>
            <ul class="board-compact">{meetings}</ul>
        </section>
    }
}

/// The heading of an objective or action: label, title, «Annota» and the whole-item badge.
#[component]
fn ItemHead(
    marks: Marks,
    community: CommunitySlug,
    item: String,
    label: String,
    title: String,
    can_write: bool,
) -> impl IntoView {
    let t = board_texts();
    let whole = marks.on_item(&item);
    let button = can_write.then(|| {
        view! { <AnnotateItem community item=item.clone() label=label.clone() title=title.clone() /> }
    });
    let badge_label = label.clone();
    view! {
        <div class="board-item-head">
            <h4>
                <span class="item-label">{label}</span>
                " "
                <TextBlock marks item field=field::TITLE text=title />
            </h4>
            {button}
            <Badge ids=whole.into() describe=move |n| (t.badge_item)(n, &badge_label) />
        </div>
    }
}

/// An action's objectives, period and the annotatable facts.
#[component]
fn ActionFacts(marks: Marks, content: PlanContent, action: PlanAction) -> impl IntoView {
    let pt = plan_texts();
    let objectives: Vec<String> = action
        .objectives
        .iter()
        .filter_map(|id| content.objective_label(id))
        .collect();
    let objectives = if objectives.is_empty() {
        pt.none.to_owned()
    } else {
        objectives.join(", ")
    };
    let item = action.id.0.clone();
    let fact = move |term: &'static str, field: &'static str, value: String| {
        let none = value.trim().is_empty().then(|| {
            view! { <span class="board-none">{pt.none}</span> }
        });
        view! {
            <dt>{term}</dt>
            <dd>
                <TextBlock marks item=item.clone() field text=value />
                {none}
            </dd>
        }
    };
    view! {
        <dl class="action-facts board-facts">
            <dt>{pt.action_objectives}</dt>
            <dd>{objectives}</dd>
            <dt>{pt.action_period}</dt>
            <dd>{period(action.start_month, action.end_month)}</dd>
            {fact(pt.action_lead, field::LEAD, action.lead.clone())}
            {fact(pt.action_bodies, field::BODIES, action.bodies.clone())}
            {fact(pt.action_outputs, field::OUTPUTS, action.outputs.clone())}
            {fact(pt.action_audience, field::AUDIENCE, action.audience.clone())}
        </dl>
    }
}
