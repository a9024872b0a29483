//! A live countdown to a deadline.

use leptos::prelude::*;

use crate::domain::cycle::Remaining;
use crate::i18n::plan_texts;

/// «Tempo rimasto: 3 giorni e 4 ore», or how long ago the deadline passed, updated every
/// second once the page is live. `now` is the server's clock when the page was made, so the
/// page reads the same before and after hydration. `data-ends-at` is for the code that counts
/// without hydrating the page (see [`crate::bundles::countdown`]).
#[component]
pub fn Countdown(ends_at: i64, now: i64) -> impl IntoView {
    let now = RwSignal::new(now);
    tick_every_second(now);
    let left = move || Remaining::between(now.get(), ends_at);
    view! {
        <span class="countdown" data-ends-at=ends_at class:overdue=move || left().overdue>
            {move || plan_texts().countdown(&left())}
        </span>
    }
}

/// Keeps `now` on the browser's clock, in Unix seconds, while the component lives (effects run
/// in the browser only).
fn tick_every_second(now: RwSignal<i64>) {
    use gloo_timers::callback::Interval;
    let clock = || (web_sys::js_sys::Date::now() / 1000.0) as i64;
    Effect::new(move || {
        now.set(clock());
        let interval = Interval::new(1_000, move || now.set(clock()));
        let interval = send_wrapper::SendWrapper::new(interval);
        on_cleanup(move || drop(interval));
    });
}
