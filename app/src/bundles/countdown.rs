//! The [`COUNTDOWN`](super::COUNTDOWN) code: what a visitor's browser runs on the pages whose
//! only live part is the cycle's countdown. It hydrates nothing and routes nothing: it counts in
//! the countdowns the server rendered, as the component does once hydrated.

use gloo_timers::callback::Interval;
use leptos::wasm_bindgen::JsCast;
use web_sys::Element;
use web_sys::js_sys::Date;

use crate::domain::cycle::Remaining;
use crate::i18n::plan_texts;

/// Keeps every countdown of the page on the browser's clock, every second, then marks `<html>`
/// as `data-hydrated` (the page is live) until a link leads elsewhere.
pub fn count_on_page() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let found = document.query_selector_all(".countdown[data-ends-at]").ok();
    let countdowns: Vec<(Element, i64)> = found
        .iter()
        .flat_map(|list| (0..list.length()).filter_map(|i| list.item(i)))
        .filter_map(|node| {
            let element = node.dyn_into::<Element>().ok()?;
            let ends_at = element.get_attribute("data-ends-at")?.parse().ok()?;
            Some((element, ends_at))
        })
        .collect();
    let show = move || {
        let now = (Date::now() / 1000.0) as i64;
        for (element, ends_at) in &countdowns {
            let left = Remaining::between(now, *ends_at);
            element.set_text_content(Some(&plan_texts().countdown(&left)));
            let _ = element
                .class_list()
                .toggle_with_force("overdue", left.overdue);
        }
    };
    show();
    Interval::new(1_000, show).forget();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
    super::leaving::unmark_on_leaving();
}
