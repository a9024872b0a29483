//! A labelled text area of a thread form, with its error beside it.

use leptos::prelude::*;

/// A text area whose text lives in `draft` (owned by the form's component, so nothing that
/// arrives live can reset it). Only rendered in the browser.
#[component]
pub fn TextBox(
    /// The element id; the error's id is `{id}-errore`, the hint's `{id}-aiuto`.
    id: String,
    label: &'static str,
    draft: RwSignal<String>,
    error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] rows: Option<u8>,
) -> impl IntoView {
    let error_id = format!("{id}-errore");
    let hint_id = format!("{id}-aiuto");
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="form-group" class:has-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {hint
                .map(|hint| {
                    view! {
                        <p class="form-hint" id=hint_id>
                            {hint}
                        </p>
                    }
                })}
            <textarea
                id=id
                rows=rows.unwrap_or(3)
                required=required
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
            ></textarea>
            <p class="field-error" id=error_id>
                {move || error.get()}
            </p>
        </div>
    }
}
