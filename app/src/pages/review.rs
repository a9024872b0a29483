//! `/piano-generale/{year}/validazione`: where each plan stands in the validation, every
//! decision and presentation; regional staff record the decisions and present the general
//! plan again here.

mod decide;
mod history;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::review::{PresentAgain, RecordDecision, read_validation};
use crate::components::action_error::{ActionDone, ActionError};
use crate::components::cycle_status::CycleStatus;
use crate::components::form_field::{field_error, rejection_of};
use crate::components::loaded_page::loaded_page;
use crate::domain::general_plan::DocumentKind;
use crate::domain::review::{PlanStanding, ReviewView};
use crate::error::AppError;
use crate::i18n::{general_plan_texts, plan_texts, review_texts, texts};
use crate::pages::general_plan::route_year;
pub use decide::FieldError;
use decide::{CabinaForm, CnerForm};
pub use history::DecisionEntry;
use history::decision_line;

/// The validation of the route's year; loaded again after each decision or presentation.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let year = route_year();
    let record = ServerAction::<RecordDecision>::new();
    let present = ServerAction::<PresentAgain>::new();
    let page = Resource::new(
        move || (year.get(), record.version().get(), present.version().get()),
        |(year, ..)| async move {
            match year {
                Some(year) => read_validation(year).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(page, move |view| view! { <Review view record present /> })
}

#[component]
fn Review(
    view: ReviewView,
    record: ServerAction<RecordDecision>,
    present: ServerAction<PresentAgain>,
) -> impl IntoView {
    let t = review_texts();
    let year = view.cycle.year;
    let title = (t.review_title)(year);
    let presentations = view
        .presentations
        .iter()
        .map(|(number, at)| {
            let g = general_plan_texts();
            view! {
                <li>
                    <a href=format!(
                        "/piano-generale/{year}?versione={number}",
                    )>{(g.version_open)(*number)}</a>
                    {format!(" · {} · ", plan_texts().long_date(at))}
                    <a href=DocumentKind::Pdf.href(year, *number)>"PDF"</a>
                    " · "
                    <a href=DocumentKind::Odt.href(year, *number)>"ODT"</a>
                </li>
            }
        })
        .collect_view();
    let rows = view
        .plans
        .iter()
        .map(|plan| view! { <StandingRow plan=plan.clone() year /> })
        .collect_view();
    let decidable: Vec<(String, String)> = view
        .plans
        .iter()
        .filter(|p| view.can_record && p.decidable)
        .map(|p| (p.community.to_string(), p.name.clone()))
        .collect();
    let cner_form =
        (!decidable.is_empty()).then(|| view! { <CnerForm year plans=decidable record /> });
    let cabina_form = view
        .cabina_decidable
        .then(|| view! { <CabinaForm year record /> });
    let stale = field_error(
        Signal::derive(move || rejection_of(present.value().get())),
        "presentazione",
    );
    let present_form = view.presentable.then(|| {
        view! {
            <section aria-labelledby="ripresenta" class="card">
                <h2 id="ripresenta">{t.present_again_title}</h2>
                <p>{t.present_again_hint}</p>
                <ActionForm action=present>
                    <input type="hidden" name="anno" value=year />
                    <p class="field-error" role="alert">
                        {move || stale.get()}
                    </p>
                    <button type="submit" class="btn btn-primary">
                        {t.present_again}
                    </button>
                </ActionForm>
            </section>
        }
    });
    let history = view
        .decisions
        .iter()
        .rev()
        .map(|d| view! { <DecisionEntry decision=d.clone() year /> })
        .collect_view();
    view! {
        <Title text=format!("{title} · {}", texts().site_name) />
        <div class="container section review-page">
            <h1>{title}</h1>
            <p class="lead">{t.review_lead}</p>
            <CycleStatus cycle=view.cycle.clone() />
            <p>
                <a href=format!("/piano-generale/{year}")>{(general_plan_texts().title)(year)}</a>
            </p>
            <h2>{t.presented_title}</h2>
            <ul>{presentations}</ul>
            <h2 id="piani-validazione">{t.plans_title}</h2>
            <div class="table-wrap">
                <table class="data-table" aria-labelledby="piani-validazione">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_community}</th>
                            <th scope="col">{t.col_version}</th>
                            <th scope="col">{t.col_remarks}</th>
                            <th scope="col">{t.col_decision}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ActionError result=record.value().into() />
            <ActionDone result=record.value().into() message=t.recorded />
            <ActionError result=present.value().into() />
            <ActionDone result=present.value().into() message=t.presented_again />
            {cner_form}
            {present_form}
            {cabina_form}
            <h2>{t.history_title}</h2>
            {view.decisions.is_empty().then(|| view! { <p>{t.no_decisions}</p> })}
            <ol class="decision-history" reversed>
                {history}
            </ol>
        </div>
    }
}

/// One plan's row: its version, its remarks and where it stands with the CNER table.
#[component]
fn StandingRow(plan: PlanStanding, year: i32) -> impl IntoView {
    let t = review_texts();
    let remarks = format!("/piani/{year}/{}/osservazioni", plan.community);
    let standing = match &plan.decision {
        Some(decision) => decision_line(decision),
        None => t.awaiting.to_owned(),
    };
    view! {
        <tr>
            <th scope="row">
                <a href=format!("/piani/{year}/{}", plan.community)>{plan.name.clone()}</a>
            </th>
            <td>{plan.version}</td>
            <td>
                <a href=remarks>{(t.remarks_count)(plan.remarks)}</a>
            </td>
            <td>{standing}</td>
        </tr>
    }
}
