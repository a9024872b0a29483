//! Where the yearly cycle stands: the current phase, its deadline and a countdown.

use leptos::prelude::*;

use super::countdown::Countdown;
use crate::domain::cycle::Cycle;
use crate::i18n::plan_texts;

/// The current phase of `cycle`, its deadline and the time left (or overdue).
#[component]
pub fn CycleStatus(cycle: Cycle) -> impl IntoView {
    let t = plan_texts();
    let deadline = cycle.current_deadline().cloned();
    view! {
        <div class="cycle-status">
            <p class="cycle-phase">{t.current_phase}": "<strong>{cycle.phase.label()}</strong></p>
            {deadline
                .map(|deadline| {
                    view! {
                        <p class="cycle-deadline">
                            {t.deadline}": "
                            <time datetime=deadline.day.clone()>{t.long_date(&deadline.day)}</time>
                            " · " <Countdown ends_at=deadline.ends_at now=cycle.now />
                        </p>
                    }
                })}
        </div>
    }
}
