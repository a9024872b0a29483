//! `/calendario`: the phases of the latest cycle with their deadlines; regional staff move the
//! cycle on and change the deadlines here.

mod manage;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::plans::{AdvanceCycle, OpenCycle, SetDeadline, calendar};
use crate::components::cycle_status::CycleStatus;
use crate::components::error_notice::ErrorNotice;
use crate::domain::cycle::{CalendarView, Cycle};
use crate::i18n::{plan_texts, texts};
use manage::{ManageCycle, OpenNext};

/// The calendar of the yearly cycle.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let t = plan_texts();
    let advance = ServerAction::<AdvanceCycle>::new();
    let deadline = ServerAction::<SetDeadline>::new();
    let open = ServerAction::<OpenCycle>::new();
    let view = Resource::new(
        move || {
            (
                advance.version().get(),
                deadline.version().get(),
                open.version().get(),
            )
        },
        |_| calendar(),
    );
    view! {
        <Title text=format!("{} · {}", t.calendar_title, texts().site_name) />
        <div class="container section">
            <h1>{t.calendar_title}</h1>
            <p class="lead">{t.calendar_lead}</p>
            <Transition fallback=move || {
                view! { <p>{texts().loading}</p> }
            }>
                {move || Suspend::new(async move {
                    match view.await {
                        Ok(CalendarView { cycle, can_manage, next_year }) => {
                            let manage = cycle
                                .clone()
                                .filter(|_| can_manage)
                                .map(|cycle| view! { <ManageCycle cycle advance deadline /> });
                            let open_next = next_year
                                .filter(|_| can_manage)
                                .map(|year| view! { <OpenNext year open /> });
                            view! {
                                {match cycle {
                                    Some(cycle) => view! { <Timeline cycle /> }.into_any(),
                                    None => view! { <p>{t.no_cycle}</p> }.into_any(),
                                }}
                                {manage}
                                {open_next}
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// The phases in order, each with its deadline and whether it is over, current or to come.
#[component]
fn Timeline(cycle: Cycle) -> impl IntoView {
    let t = plan_texts();
    let steps = cycle
        .deadlines
        .iter()
        .map(|deadline| {
            let (state, class) = match deadline.phase.cmp(&cycle.phase) {
                std::cmp::Ordering::Less => (t.phase_done, "timeline-step done"),
                std::cmp::Ordering::Equal => (t.phase_now, "timeline-step current"),
                std::cmp::Ordering::Greater => (t.phase_next, "timeline-step"),
            };
            let current = deadline.phase == cycle.phase;
            view! {
                <li class=class aria-current=current.then_some("step")>
                    <h3>
                        {deadline.phase.label()}" "<span class="step-state">"(" {state} ")"</span>
                    </h3>
                    <p>{deadline.phase.description()}</p>
                    <p>
                        {t.deadline}": "
                        <time datetime=deadline.day.clone()>{t.long_date(&deadline.day)}</time>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="ciclo-anno">
            <h2 id="ciclo-anno">{(t.cycle_title)(cycle.year)}</h2>
            <CycleStatus cycle=cycle.clone() />
            <p>
                <a href=format!("/piani/{}", cycle.year)>{(t.plans_title)(cycle.year)}</a>
            </p>
            <ol class="timeline">{steps}</ol>
        </section>
    }
}
