//! The forms regional staff record the bodies' decisions with.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::review::RecordDecision;
use crate::components::form_field::{field_error, rejection_of};
use crate::domain::review::{Body, Outcome};
use crate::domain::validation::Rejection;
use crate::i18n::review_texts;

/// The CNER table's decision on one of the `plans` it can decide on: (slug, name).
#[component]
pub fn CnerForm(
    year: i32,
    plans: Vec<(String, String)>,
    record: ServerAction<RecordDecision>,
) -> impl IntoView {
    let t = review_texts();
    let rejection = Signal::derive(move || rejection_of(record.value().get()));
    let options = plans
        .into_iter()
        .map(|(slug, name)| view! { <option value=slug>{name}</option> })
        .collect_view();
    view! {
        <section aria-labelledby="decisione-cner" class="card">
            <h2 id="decisione-cner">{t.cner_form_title}</h2>
            <ActionForm action=record attr:class="form">
                <input type="hidden" name="anno" value=year />
                <label for="cner-comunita">{t.field_plan}</label>
                <select id="cner-comunita" name="comunita" required>
                    {options}
                </select>
                <DecisionFields body=Body::Cner rejection />
                <label for="cner-revisione">{t.field_revision_until}</label>
                <p id="cner-revisione-aiuto" class="form-hint">
                    {t.field_revision_hint}
                </p>
                <input
                    id="cner-revisione"
                    type="date"
                    name="revisione_entro"
                    aria-describedby="cner-revisione-aiuto cner-revisione-errore"
                />
                <FieldError id="cner-revisione-errore" rejection field="revisione_entro" />
                <button type="submit" class="btn btn-primary">
                    {t.record}
                </button>
            </ActionForm>
        </section>
    }
}

/// The Cabina di Regia's decision on the general plan.
#[component]
pub fn CabinaForm(year: i32, record: ServerAction<RecordDecision>) -> impl IntoView {
    let t = review_texts();
    let rejection = Signal::derive(move || rejection_of(record.value().get()));
    view! {
        <section aria-labelledby="decisione-cabina" class="card">
            <h2 id="decisione-cabina">{t.cabina_form_title}</h2>
            <p>{t.cabina_form_hint}</p>
            <ActionForm action=record attr:class="form">
                <input type="hidden" name="anno" value=year />
                <input type="hidden" name="comunita" value="" />
                <input type="hidden" name="revisione_entro" value="" />
                <DecisionFields body=Body::CabinaDiRegia rejection />
                <button type="submit" class="btn btn-primary">
                    {t.record}
                </button>
            </ActionForm>
        </section>
    }
}

/// The outcome, the requested changes, the meeting's day and its minutes.
#[component]
fn DecisionFields(body: Body, rejection: Signal<Option<Rejection>>) -> impl IntoView {
    let t = review_texts();
    let id = |name: &str| format!("{}-{name}", body.code());
    let outcomes = Outcome::of(body)
        .map(|outcome| {
            let option_id = id(outcome.code());
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        id=option_id.clone()
                        name="esito"
                        value=outcome.code()
                        required
                    />
                    <label for=option_id>{outcome.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{t.field_outcome}</legend>
            {outcomes}
            <FieldError id=id("esito-errore") rejection field="esito" />
        </fieldset>
        <label for=id("richieste")>{t.field_changes}</label>
        <p id=id("richieste-aiuto") class="form-hint">
            {t.field_changes_hint}
        </p>
        <textarea
            id=id("richieste")
            name="richieste"
            rows="4"
            aria-describedby=format!("{} {}", id("richieste-aiuto"), id("richieste-errore"))
        ></textarea>
        <FieldError id=id("richieste-errore") rejection field="richieste" />
        <label for=id("riunione")>{t.field_meeting}</label>
        <input
            id=id("riunione")
            type="date"
            name="riunione"
            required
            aria-describedby=id("riunione-errore")
        />
        <FieldError id=id("riunione-errore") rejection field="riunione" />
        <label for=id("verbale")>{t.field_minutes}</label>
        <textarea
            id=id("verbale")
            name="verbale"
            rows="5"
            required
            aria-describedby=id("verbale-errore")
        ></textarea>
        <FieldError id=id("verbale-errore") rejection field="verbale" />
    }
}

/// The message of the problem with `field`, announced as it appears.
#[component]
pub fn FieldError(
    #[prop(into)] id: String,
    rejection: Signal<Option<Rejection>>,
    field: &'static str,
) -> impl IntoView {
    let error = field_error(rejection, field);
    view! {
        <p id=id class="field-error" role="alert">
            {move || error.get()}
        </p>
    }
}
