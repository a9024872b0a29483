//! A labelled text area of a thread form, with its error beside it.

use leptos::prelude::*;

use crate::pages::board::mentions::{MentionList, MentionPicker};

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
    /// Offers the people and groups one can mention as `@` is typed.
    #[prop(optional)]
    mentions: bool,
) -> impl IntoView {
    let picker = mentions.then(|| MentionPicker::new(&id, draft));
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
                aria-autocomplete=picker.map(|_| "list")
                aria-controls=move || picker.and_then(MentionPicker::controls)
                aria-activedescendant=move || picker.and_then(MentionPicker::active_id)
                prop:value=move || draft.get()
                on:input=move |ev| {
                    draft.set(event_target_value(&ev));
                    if let Some(picker) = picker {
                        picker.update();
                    }
                }
                on:keydown=move |ev| {
                    if let Some(picker) = picker {
                        picker.key(&ev);
                    }
                }
                on:click=move |_| {
                    if let Some(picker) = picker {
                        picker.update();
                    }
                }
            ></textarea>
            {picker.map(|picker| view! { <MentionList picker /> })}
            <p class="field-error" id=error_id>
                {move || error.get()}
            </p>
        </div>
    }
}
