//! The headline figures: signups, bodies and people, large.

use leptos::prelude::*;

use crate::domain::numbers::{Numbers, thousands};
use crate::i18n::texts;

/// The totals of `numbers`; with `others`, also the people from the "altri enti".
#[component]
pub fn Totals(numbers: Numbers, #[prop(optional)] others: bool) -> impl IntoView {
    let t = texts();
    let mut totals = vec![
        (t.numbers_signups, numbers.signups),
        (t.numbers_bodies, numbers.bodies),
        (t.numbers_people, numbers.people),
    ];
    if others {
        totals.push((t.numbers_people_other, numbers.people_other_bodies));
    }
    view! {
        <ul class="totals">
            {totals
                .into_iter()
                .map(|(label, value)| {
                    view! {
                        <li>
                            <span class="total-value">{thousands(value)}</span>
                            <span class="total-label">{label}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
