//! The feedback form of the accessibility statement: anyone reports a problem to regional staff.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::accessibility::ReportAccessibilityProblem;
use crate::components::action_error::ActionError;
use crate::components::error_summary::ErrorSummary;
use crate::components::form_field::{TextField, field_error, rejection_of};
use crate::domain::accessibility::MESSAGE_MAX;
use crate::i18n::legal_texts;
use crate::pages::plan_edit::fields::escape_text;
use crate::pages::review::FieldError;

/// The form, or the thanks once it has been sent.
#[component]
pub fn ReportForm() -> impl IntoView {
    let t = legal_texts();
    let send = ServerAction::<ReportAccessibilityProblem>::new();
    let result = Signal::derive(move || send.value().get());
    let rejection = Signal::derive(move || rejection_of(result.get()));
    // Once sent, the form is emptied for a next report.
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move || {
        if matches!(send.value().get(), Some(Ok(())))
            && let Some(form) = form.get()
        {
            form.reset();
        }
    });
    let query = use_query_map();
    let sent = move || query.with(|q| q.get("inviata").is_some());
    let typed = rejection.get_untracked();
    let value = move |field: &str| typed.as_ref().map(|r| r.typed(field)).unwrap_or_default();
    let (name, email, page, message) = (
        value("nome"),
        value("email"),
        value("pagina"),
        value("messaggio"),
    );
    let fields = vec![
        ("nome", "segnala-nome", t.field_name),
        ("email", "segnala-email", t.field_email),
        ("pagina", "segnala-pagina", t.field_page),
        ("messaggio", "segnala-messaggio", t.field_message),
    ];
    view! {
        <section aria-labelledby="segnala" class="card">
            <h2 id="segnala">{t.feedback_title}</h2>
            <p role="status" class:alert=sent class:alert-success=sent>
                {move || sent().then_some(t.feedback_sent)}
            </p>
            <p>{t.feedback_intro}</p>
            <ErrorSummary rejection fields />
            <ActionError result />
            <ActionForm action=send node_ref=form attr:class="form" attr:novalidate=true>
                <TextField
                    id="segnala-nome"
                    name="form[nome]"
                    label=t.field_name
                    value=name
                    error=field_error(rejection, "nome")
                    autocomplete="name"
                />
                <TextField
                    id="segnala-email"
                    name="form[email]"
                    label=t.field_email
                    hint=t.field_email_hint
                    value=email
                    error=field_error(rejection, "email")
                    input_type="email"
                    autocomplete="email"
                />
                <TextField
                    id="segnala-pagina"
                    name="form[pagina]"
                    label=t.field_page
                    hint=t.field_page_hint
                    value=page
                    error=field_error(rejection, "pagina")
                />
                <label for="segnala-messaggio">{t.field_message}</label>
                <textarea
                    id="segnala-messaggio"
                    name="form[messaggio]"
                    rows="6"
                    maxlength=MESSAGE_MAX
                    aria-describedby="segnala-messaggio-errore"
                    prop:value=message.clone()
                >
                    {escape_text(&message)}
                </textarea>
                <FieldError id="segnala-messaggio-errore" rejection field="messaggio" />
                <button type="submit" class="btn btn-primary">
                    {t.feedback_button}
                </button>
            </ActionForm>
        </section>
    }
}
