//! A search box that filters as you type, once the person pauses.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::i18n::texts;

/// How long typing must pause before the filter applies.
const DEBOUNCE_MS: u32 = 250;

/// A GET search form: without JavaScript it submits `?q=`; once hydrated it calls `on_search`
/// with the text a moment after typing stops, without reloading the page.
#[component]
pub fn SearchFilter(
    /// The query the page was loaded with.
    initial: String,
    /// Called with the text once typing pauses.
    on_search: Callback<String>,
) -> impl IntoView {
    let t = texts();
    // Only the browser ever stores a timeout; the server renders with `None`, so the
    // thread-bound wrapper is never dropped on another thread.
    let pending = StoredValue::new(None::<SendWrapper<Timeout>>);
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        // Replacing the stored timeout drops, and so cancels, the one still waiting.
        let timeout = Timeout::new(DEBOUNCE_MS, move || on_search.run(text));
        pending.set_value(Some(SendWrapper::new(timeout)));
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        pending.set_value(None);
        if let Some(input) = input.get() {
            on_search.run(input.value());
        }
    };
    view! {
        <form class="search-filter" role="search" method="get" on:submit=on_submit>
            <label for="filtro-comunita">{t.filter_label}</label>
            <p id="filtro-comunita-aiuto" class="form-hint">
                {t.filter_hint}
            </p>
            <div class="search-row">
                <input
                    id="filtro-comunita"
                    name="q"
                    type="search"
                    autocomplete="off"
                    aria-describedby="filtro-comunita-aiuto"
                    value=initial
                    on:input=on_input
                    node_ref=input
                />
                <button type="submit" class="btn btn-primary">
                    {t.filter_submit}
                </button>
            </div>
        </form>
    }
}
