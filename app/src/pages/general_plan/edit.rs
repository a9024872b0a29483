//! `/piano-generale/{year}/modifica`: regional staff write the introduction and the summary and
//! choose the day of the numbers. A moment after the last keystroke the form saves itself as a
//! new version; without JavaScript the button does the same.

use gloo_timers::callback::Timeout;
use leptos::form::ActionForm;
use leptos::html::Form;
use leptos::prelude::*;
use leptos_meta::Title;
use send_wrapper::SendWrapper;

use super::route_year;
use crate::api::general_plan::{SaveGeneralPlan, read_general_plan};
use crate::components::action_error::ActionError;
use crate::components::form_field::{FieldError, TextField, field_error, rejection_of};
use crate::components::loaded_page::loaded_page;
use crate::domain::general_plan::{GeneralPlanView, GeneralSaveOutcome};
use crate::error::AppError;
use crate::i18n::{general_plan_texts, texts};
use crate::pages::plan_edit::fields::escape_text;

/// How long after the last keystroke the text is saved, in milliseconds.
const AUTOSAVE_AFTER_MS: u32 = 1_500;

/// The editor of the route's year; refused to anyone who may not write the general plan now.
#[component]
pub fn GeneralPlanEditPage() -> impl IntoView {
    let year = route_year();
    let page = Resource::new(
        move || year.get(),
        |year| async move {
            match year {
                Some(year) => read_general_plan(year, None).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(page, |view| {
        if view.can_edit {
            view! { <Editor view /> }.into_any()
        } else {
            crate::components::error_notice::page_error(AppError::Forbidden)
        }
    })
}

#[component]
fn Editor(view: GeneralPlanView) -> impl IntoView {
    let t = general_plan_texts();
    let year = view.cycle.year;
    let base = view.plan.as_ref().map_or(0, |plan| plan.version.number);
    let text = view.text;
    let save = ServerAction::<SaveGeneralPlan>::new();
    let base = RwSignal::new(base);
    let form = NodeRef::<Form>::new();
    let timer: StoredValue<Option<SendWrapper<Timeout>>> = StoredValue::new(None);
    let dirty = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(GeneralSaveOutcome::Saved(version))) = save.value().get() {
            base.set(version.number);
        }
    });
    let result = Signal::derive(move || save.value().get().map(|r| r.map(|_| ())));
    let rejection = Signal::derive(move || rejection_of(result.get()));
    let schedule = move |_| {
        dirty.set(true);
        let submit = move || {
            if save.pending().get_untracked() {
                return;
            }
            if let Some(form) = form.get_untracked() {
                dirty.set(false);
                let _ = form.request_submit();
            }
        };
        timer.set_value(Some(SendWrapper::new(Timeout::new(
            AUTOSAVE_AFTER_MS,
            submit,
        ))));
    };
    let status = move || match save.value().get() {
        _ if dirty.get() => None,
        Some(Ok(GeneralSaveOutcome::Saved(version))) => Some((t.saved)(version.number)),
        Some(Ok(GeneralSaveOutcome::Conflict { number, .. })) => Some((t.conflict)(number)),
        _ => None,
    };
    view! {
        <Title text=format!("{} · {}", (t.edit_title)(year), texts().site_name) />
        <div class="container section">
            <h1>{(t.edit_title)(year)}</h1>
            <p class="lead">{t.edit_lead}</p>
            <p>
                <a href=format!("/piano-generale/{year}")>{(t.title)(year)}</a>
            </p>
            <ActionError result />
            <ActionForm action=save node_ref=form attr:class="form" on:input=schedule>
                <input type="hidden" name="anno" value=year />
                <input
                    type="hidden"
                    name="base"
                    value=base.get_untracked()
                    prop:value=move || base.get()
                />
                <TextArea
                    id="introduzione"
                    label=t.introduction
                    hint=t.introduction_hint
                    value=text.introduction
                    error=field_error(rejection, "introduzione")
                />
                <TextArea
                    id="sintesi"
                    label=t.summary
                    hint=t.summary_hint
                    value=text.summary
                    error=field_error(rejection, "sintesi")
                />
                <TextField
                    id="numeri_al"
                    name="numeri_al"
                    label=t.numbers_day
                    hint=t.numbers_day_hint
                    value=text.numbers_day
                    error=field_error(rejection, "numeri_al")
                />
                <div class="save-bar">
                    <p role="status">{status}</p>
                    <button type="submit" class="btn btn-primary">
                        {t.save}
                    </button>
                </div>
            </ActionForm>
        </div>
    }
}

/// A labelled text area named as its id, its hint and error announced with it.
#[component]
fn TextArea(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: String,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-aiuto");
    let error_id = format!("{id}-errore");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="form-group" class:has-error=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <p id=hint_id class="form-hint">
                {hint}
            </p>
            <FieldError id=error_id error />
            <textarea
                id=id
                name=id
                rows="8"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            >
                {escape_text(&value)}
            </textarea>
        </div>
    }
}
