//! Closing a thread with an outcome, and reopening it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::focus::focus_later;
use super::sending::Sending;
use super::text_box::TextBox;
use crate::domain::board::ops::BoardOp;
use crate::domain::board::{AnnotationId, Outcome};
use crate::domain::validation::Problem;
use crate::error::AppError;
use crate::i18n::board_threads::board_thread_texts;
use crate::i18n::texts;

/// «Risolvi» (with the outcome, and the reason a rejection needs) while the thread is open,
/// «Riapri» once it is resolved. Only for those allowed.
#[component]
pub fn ResolveControls(annotation: AnnotationId, year: i32, open: Signal<bool>) -> impl IntoView {
    let t = board_thread_texts();
    let choosing = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let reason = RwSignal::new(String::new());
    let sending = Sending::new();
    let key = annotation.0.clone();
    let (open_id, reopen_id) = (format!("risolvi-{key}"), format!("riapri-{key}"));
    let first_id = format!("esito-{key}-accolta");
    // Closes the form and puts the focus on the button that replaces it.
    let close = move |focus: &str| {
        choosing.set(false);
        focus_later(focus.to_owned());
    };
    let submit = {
        let (annotation, reopen_id) = (annotation.clone(), reopen_id.clone());
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let text = reason.get_untracked().trim().to_owned();
            let refusal = match outcome.get_untracked() {
                None => Some(("stato", Problem::Required)),
                Some(Outcome::Rejected) if text.is_empty() => Some(("motivo", Problem::Required)),
                Some(_) => None,
            };
            if let Some((field, problem)) = refusal {
                sending
                    .error
                    .set(Some(AppError::invalid_field(field, problem)));
                return;
            }
            let op = BoardOp::Resolve {
                annotation: annotation.clone(),
                outcome: outcome.get_untracked().unwrap_or(Outcome::Parked),
                reason: text,
            };
            let reopen_id = reopen_id.clone();
            sending.run(year, op, move || close(&reopen_id));
        }
    };
    let reopen = {
        let (annotation, open_id) = (annotation.clone(), open_id.clone());
        move |_| {
            let op = BoardOp::Reopen {
                annotation: annotation.clone(),
            };
            let open_id = open_id.clone();
            sending.run(year, op, move || focus_later(open_id));
        }
    };
    let busy = move || sending.pending.get();
    let general = sending.general(&["stato", "motivo"]);
    let status_error = sending.field("stato");
    let radios = move || {
        Outcome::ALL
            .iter()
            .map(|&choice| {
                let id = format!("esito-{key}-{}", choice.code());
                view! {
                    <div class="radio">
                        <input
                            type="radio"
                            id=id.clone()
                            name=format!("esito-{key}")
                            value=choice.code()
                            prop:checked=move || outcome.get() == Some(choice)
                            on:change=move |_| outcome.set(Some(choice))
                        />
                        <label for=id>{(t.outcome)(choice)}</label>
                    </div>
                }
            })
            .collect_view()
    };
    let form = {
        let open_id = open_id.clone();
        move || {
            let (submit, open_id) = (submit.clone(), open_id.clone());
            view! {
                <form class="thread-form resolve-form" on:submit=submit>
                    <fieldset class:has-error=move || status_error.with(Option::is_some)>
                        <legend>{t.resolve_legend}</legend>
                        <p class="field-error">{move || status_error.get()}</p>
                        {radios.clone()}
                    </fieldset>
                    <TextBox
                        id=format!("motivo-{}", annotation.0)
                        label=t.reason
                        draft=reason
                        error=sending.field("motivo")
                        hint=t.reason_hint
                        rows=2
                    />
                    <p class="field-error">{move || general.get()}</p>
                    <div class="thread-buttons">
                        <button type="submit" class="btn btn-primary btn-sm" disabled=busy>
                            {move || if busy() { texts().sending } else { t.resolve_submit }}
                        </button>
                        <button
                            type="button"
                            class="btn btn-outline btn-sm"
                            on:click=move |_| close(&open_id)
                        >
                            {t.cancel}
                        </button>
                    </div>
                </form>
            }
        }
    };
    move || {
        if !open.get() {
            view! {
                <p class="field-error">{move || general.get()}</p>
                <button
                    type="button"
                    id=reopen_id.clone()
                    class="btn btn-outline btn-sm"
                    disabled=busy
                    on:click=reopen.clone()
                >
                    {move || if busy() { texts().sending } else { t.reopen }}
                </button>
            }
            .into_any()
        } else if choosing.get() {
            form().into_any()
        } else {
            let first_id = first_id.clone();
            view! {
                <button
                    type="button"
                    id=open_id.clone()
                    class="btn btn-outline btn-sm"
                    on:click=move |_| {
                        sending.clear();
                        choosing.set(true);
                        focus_later(first_id.clone());
                    }
                >
                    {t.resolve}
                </button>
            }
            .into_any()
        }
    }
}
