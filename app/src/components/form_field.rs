//! Form fields that carry their label, hint and error, wired for screen readers.

use leptos::prelude::*;

use crate::domain::validation::Rejection;
use crate::error::AppError;

/// The refused form in an action's latest result, if that is what it holds.
pub fn rejection_of(result: Option<Result<(), AppError>>) -> Option<Rejection> {
    match result {
        Some(Err(AppError::Invalid(rejection))) => Some(*rejection),
        _ => None,
    }
}

/// The message of the problem with `field`, if the form was refused because of it.
pub fn field_error(
    rejection: Signal<Option<Rejection>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        rejection.with(|r| {
            r.as_ref()
                .and_then(|r| r.problem(field))
                .map(|p| p.message())
        })
    })
}

/// A labelled text input. The error (when present) is announced with the field.
#[component]
pub fn TextField(
    /// The element id, also used to link the error summary to the field.
    id: &'static str,
    /// The name the server function expects.
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// What the field shows when the page loads.
    #[prop(optional, into)]
    value: String,
    error: Signal<Option<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] readonly: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-aiuto");
    let error_id = format!("{id}-errore");
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
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
            <label for=id>{label}</label>
            {hint
                .map(|hint| {
                    view! {
                        <p id=hint_id.clone() class="form-hint">
                            {hint}
                        </p>
                    }
                })}
            <FieldError id=error_id error />
            <input
                id=id
                name=name
                type=input_type
                autocomplete=autocomplete
                value=value
                readonly=readonly
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            />
        </div>
    }
}

/// The error message of one field, or nothing.
#[component]
pub fn FieldError(id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <p id=id.clone() class="field-error">
                    {message}
                </p>
            }
        })
    }
}

/// A group of checkboxes named `form[{name}][]`, one per `(value, label)`, ticked if `chosen`.
pub fn checkboxes(name: &'static str, options: &[(String, String)], chosen: &[String]) -> AnyView {
    options
        .iter()
        .map(|(value, label)| {
            let id = format!("{name}-{value}");
            view! {
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=format!("form[{name}][]")
                        value=value.clone()
                        checked=chosen.contains(value)
                    />
                    <label for=id>{label.clone()}</label>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

/// A group of radio buttons named `form[{name}]`, one per `(value, label)`, `chosen` checked.
pub fn radios(
    name: &'static str,
    options: &[(&'static str, &'static str)],
    chosen: &str,
) -> AnyView {
    options
        .iter()
        .map(|&(value, label)| {
            let id = format!("{name}-{value}");
            view! {
                <div class="checkbox">
                    <input
                        type="radio"
                        id=id.clone()
                        name=format!("form[{name}]")
                        value=value
                        checked=value == chosen
                    />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view()
        .into_any()
}
