//! Regional staff's controls on `/calendario`: the next phase, and each phase's deadline.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::plans::{AdvanceCycle, OpenCycle, SetDeadline};
use crate::components::action_error::{ActionDone, ActionError};
use crate::components::form_field::{field_error, rejection_of};
use crate::domain::cycle::Cycle;
use crate::i18n::plan_texts;

/// Moves the cycle to its next phase and edits the deadlines.
#[component]
pub fn ManageCycle(
    cycle: Cycle,
    advance: ServerAction<AdvanceCycle>,
    deadline: ServerAction<SetDeadline>,
) -> impl IntoView {
    let t = plan_texts();
    let rejection = Signal::derive(move || rejection_of(deadline.value().get()));
    let stale = field_error(
        Signal::derive(move || rejection_of(advance.value().get())),
        "fase",
    );
    let day_error = field_error(rejection, "scadenza");
    let next = cycle.phase.next().map(|next| {
        view! {
            <ActionForm action=advance attr:class="form">
                <input type="hidden" name="anno" value=cycle.year />
                <input type="hidden" name="fase" value=cycle.phase.code() />
                <p id="avanza-aiuto">{t.advance_hint}</p>
                <p class="field-error" role="alert">
                    {move || stale.get()}
                </p>
                <button type="submit" class="btn btn-primary" aria-describedby="avanza-aiuto">
                    {(t.advance_to)(next.label())}
                </button>
            </ActionForm>
        }
    });
    let year = cycle.year;
    let deadlines = cycle
        .deadlines
        .into_iter()
        .map(|d| {
            let id = format!("scadenza-{}", d.phase.code());
            view! {
                <ActionForm action=deadline attr:class="form form-inline">
                    <input type="hidden" name="anno" value=year />
                    <input type="hidden" name="fase" value=d.phase.code() />
                    <label for=id.clone()>{(t.deadline_for)(d.phase.label())}</label>
                    <input id=id type="date" name="scadenza" value=d.day required />
                    <button type="submit" class="btn btn-outline">
                        {t.save_deadline}
                    </button>
                </ActionForm>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="gestione-ciclo" class="manage-cycle">
            <h2 id="gestione-ciclo">{t.manage_title}</h2>
            <ActionError result=advance.value().into() />
            <ActionDone result=advance.value().into() message=t.advanced />
            {next}
            <ActionError result=deadline.value().into() />
            <ActionDone result=deadline.value().into() message=t.deadline_saved />
            <p class="field-error" role="alert">
                {move || day_error.get()}
            </p>
            {deadlines}
        </section>
    }
}

/// Opens the cycle of `year`, with an empty plan for every community.
#[component]
pub fn OpenNext(year: i32, open: ServerAction<OpenCycle>) -> impl IntoView {
    let t = plan_texts();
    let outcome = Signal::derive(move || open.value().get().map(|result| result.map(|_| ())));
    view! {
        <section aria-labelledby="nuovo-ciclo" class="manage-cycle">
            <h2 id="nuovo-ciclo">{(t.open_cycle)(year)}</h2>
            <p>{t.open_cycle_hint}</p>
            <ActionError result=outcome />
            <ActionForm action=open attr:class="form">
                <button type="submit" class="btn btn-primary">
                    {(t.open_cycle)(year)}
                </button>
            </ActionForm>
        </section>
    }
}
