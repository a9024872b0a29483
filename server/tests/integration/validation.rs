//! The validation through the router on the demo: remarks of the bodies' members, the CNER
//! table's decisions with one plan sent back, its revision, the general plan presented again,
//! the Cabina di Regia's approval, and the public approved pages. Who may do what in each phase
//! is in `validation/access.rs`; refused input in `validation/inputs.rs`.

mod access;
mod demo_year;
mod inputs;

use app::api::general_plan::ReadGeneralPlan;
use app::api::plans::{AdvanceCycle, OpenCycle, ReadPlan, SavePlan};
use app::api::review::{AddRemark, HandBackRevision, PlanRemarks, PresentAgain, ReadValidation};
use app::domain::cycle::Phase;
use app::domain::general_plan::GeneralPlanView;
use app::domain::plan::pages::{PlanView, SaveOutcome};
use app::domain::review::{Outcome, RemarksView, ReviewView};
use app::domain::validation::Problem;
use app::error::AppError;
use app::server::db::Db;
use app::server::demo::{self, DEMO_PASSWORD};
use axum::http::StatusCode;

use crate::support::{Page, TestApp, decision, log_in, ok};

on_both_databases!(the_plans_are_validated_revised_and_approved);

const YEAR: i32 = 2024;

/// Loads the demo (2024 in cross-reading), logs regional staff in and moves the cycle into
/// validation, presenting the general plan.
async fn in_validation(db: &Db) -> (TestApp, String) {
    assert!(demo::load_if_empty(db).await.unwrap());
    let app = TestApp::new(db);
    let staff = log_in(&app, "admin@comtem.demo", DEMO_PASSWORD).await;
    for from in [Phase::CrossReading, Phase::FinalReading] {
        let _: () = ok(&advance(&app, &staff, from).await);
    }
    (app, staff)
}

async fn advance(app: &TestApp, session: &str, from: Phase) -> Page {
    let args = AdvanceCycle {
        anno: YEAR,
        fase: from.code().into(),
    };
    app.call(&args, Some(session)).await
}

fn remark(community: &str, body: &str, target: &str, quote: &str, text: &str) -> AddRemark {
    AddRemark {
        anno: YEAR,
        comunita: community.into(),
        organo: body.into(),
        punto: target.into(),
        citazione: quote.into(),
        osservazione: text.into(),
    }
}

async fn remarks(app: &TestApp, session: Option<&str>, community: &str) -> Page {
    let args = PlanRemarks {
        anno: YEAR,
        comunita: community.into(),
    };
    app.call(&args, session).await
}

async fn plan(app: &TestApp, session: Option<&str>, community: &str) -> PlanView {
    let args = ReadPlan {
        anno: YEAR,
        comunita: community.into(),
    };
    ok(&app.call(&args, session).await)
}

/// The field problems of a refused form.
fn problems(page: &Page) -> Vec<(String, Problem)> {
    match page.error() {
        Some(AppError::Invalid(rejection)) => rejection.problems,
        other => panic!("not refused: {other:?} {}", page.body),
    }
}

async fn the_plans_are_validated_revised_and_approved(db: Db) {
    let (app, staff) = in_validation(&db).await;
    let refused = advance(&app, &staff, Phase::Validation).await;
    assert_eq!(
        problems(&refused),
        [("fase".to_owned(), Problem::ApprovalByDecision)],
        "approval is a decision, not a button"
    );

    // A member of both bodies remarks on a passage of the context of dati.
    let paolo = log_in(&app, "cner@comtem.demo", DEMO_PASSWORD).await;
    let dati = plan(&app, Some(&paolo), "dati").await;
    let context = &app::domain::board::anchor::blocks(&dati.plan.content)[0].text;
    let quote: String = context.chars().take(24).collect();
    let text = "Chiarire i tempi — Nicolò D'Alì <script>alert(1)</script>";
    let args = remark("dati", "cner", "contesto.testo", &quote, text);
    let _: () = ok(&app.call(&args, Some(&paolo)).await);
    let args = remark(
        "dati",
        "cabina-di-regia",
        "contesto.testo",
        "",
        "Bene nel complesso.",
    );
    let _: () = ok(&app.call(&args, Some(&paolo)).await);
    let carla = log_in(&app, "coordinatore.dati@comtem.demo", DEMO_PASSWORD).await;
    let seen: RemarksView = ok(&remarks(&app, Some(&carla), "dati").await);
    assert_eq!(seen.remarks.len(), 2, "the plan's coordinator reads them");
    assert_eq!(seen.remarks[0].anchor.quote, quote.trim());
    assert_eq!(seen.remarks[0].text, text, "kept as typed");
    assert!(!seen.remarks[0].detached);
    assert!(seen.bodies.is_empty() && !seen.can_revise);
    let html = app
        .get_as("/piani/2024/dati/osservazioni", &carla)
        .await
        .body;
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            && !html.contains("<script>alert(1)")
    );

    // The CNER table: nine plans validated, dati sent back until today.
    let today = app::server::clock::italian_today();
    let view: ReviewView = ok(&app.call(&ReadValidation { anno: YEAR }, Some(&staff)).await);
    assert_eq!(view.presentations.len(), 1);
    assert!(view.plans.iter().all(|p| p.decidable) && !view.cabina_decidable);
    for standing in view.plans.iter().filter(|p| p.community.as_str() != "dati") {
        let args = decision(YEAR, standing.community.as_str(), "validato", "", "");
        let _: () = ok(&app.call(&args, Some(&staff)).await);
    }
    let changes = "Indicare i tempi dell'obiettivo O1.";
    let args = decision(YEAR, "dati", "modifiche-richieste", changes, &today);
    let _: () = ok(&app.call(&args, Some(&staff)).await);
    let again = app
        .call(&decision(YEAR, "dati", "validato", "", ""), Some(&staff))
        .await;
    assert_eq!(
        problems(&again),
        [("esito".to_owned(), Problem::Stale)],
        "decided once"
    );
    let early = app
        .call(&decision(YEAR, "", "approvato", "", ""), Some(&staff))
        .await;
    assert_eq!(
        problems(&early),
        [("esito".to_owned(), Problem::Stale)],
        "dati is not validated"
    );
    let early = app.call(&PresentAgain { anno: YEAR }, Some(&staff)).await;
    assert_eq!(
        early.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the revision is open"
    );

    // The revision: only the leads of dati edit, and only until they hand it back.
    let revising = plan(&app, Some(&carla), "dati").await;
    assert!(revising.can_edit, "the revision window is open");
    let mut content = revising.plan.content.clone();
    content.context = "Contesto riscritto: i tempi di O1 sono indicati.".into();
    content.actions[0].completed = true;
    let save = |content| SavePlan {
        anno: YEAR,
        comunita: "dati".into(),
        base: revising.plan.version.number,
        contenuto: content,
    };
    let saved = match ok(&app.call_json(&save(content.clone()), Some(&carla)).await) {
        SaveOutcome::Saved(info) => info.number,
        SaveOutcome::Conflict(_) => panic!("conflict"),
    };
    let rino = log_in(&app, "coordinatore.imprese@comtem.demo", DEMO_PASSWORD).await;
    let imprese = plan(&app, Some(&rino), "imprese").await;
    assert!(!imprese.can_edit, "imprese was validated: no revision");
    let after: RemarksView = ok(&remarks(&app, Some(&carla), "dati").await);
    assert!(after.can_revise);
    assert!(after.remarks[0].detached, "the quoted passage is gone");
    assert!(
        !after.remarks[1].detached,
        "the whole context is still there"
    );
    let hand_back = HandBackRevision {
        anno: YEAR,
        comunita: "dati".into(),
    };
    let _: () = ok(&app.call(&hand_back, Some(&carla)).await);
    let late = app.call_json(&save(content), Some(&carla)).await;
    assert_eq!(late.status, StatusCode::FORBIDDEN, "handed back: closed");

    // Presented again, decided again, approved.
    let _: () = ok(&app.call(&PresentAgain { anno: YEAR }, Some(&staff)).await);
    let view: ReviewView = ok(&app.call(&ReadValidation { anno: YEAR }, Some(&staff)).await);
    assert_eq!(view.presentations.len(), 2);
    let general: GeneralPlanView = ok(&app
        .call(
            &ReadGeneralPlan {
                anno: YEAR,
                versione: None,
            },
            Some(&staff),
        )
        .await);
    let presented = general.plan.unwrap().version;
    assert!(presented.presented_at.is_some());
    assert!(
        presented
            .built_from
            .iter()
            .any(|(c, n)| c.as_str() == "dati" && *n == saved)
    );
    let _: () = ok(&app
        .call(&decision(YEAR, "dati", "validato", "", ""), Some(&staff))
        .await);
    let prescriptions = "Riferire sugli indicatori a dicembre.";
    let args = decision(YEAR, "", "approvato-con-prescrizioni", prescriptions, "");
    let _: () = ok(&app.call(&args, Some(&staff)).await);

    // Approved: public, read-only, with the approval and the digest of what was approved.
    let public: GeneralPlanView = ok(&app
        .call(
            &ReadGeneralPlan {
                anno: YEAR,
                versione: None,
            },
            None,
        )
        .await);
    assert_eq!(public.cycle.phase, Phase::Approved);
    let approval = public.approval.expect("approved");
    assert_eq!(
        approval.decision.outcome,
        Outcome::ApprovedWithPrescriptions
    );
    assert_eq!(approval.version, presented.number);
    assert_eq!(approval.digest, presented.digest);
    assert_eq!(approval.digest.len(), 64);
    let dati = plan(&app, None, "dati").await;
    assert!(!dati.can_edit && dati.approval.is_some());
    assert_eq!(dati.plan.version.number, saved);
    let history: ReviewView = ok(&app.call(&ReadValidation { anno: YEAR }, None).await);
    assert_eq!(
        history.decisions.len(),
        12,
        "ten plans, dati twice, the Cabina once"
    );
    assert!(!history.can_record);
    let returned = history.decisions[9].revision.as_ref().unwrap();
    assert!(returned.returned.is_some() && !returned.open);
    let after = app
        .call(&decision(YEAR, "dati", "validato", "", ""), Some(&staff))
        .await;
    assert_eq!(
        after.status,
        StatusCode::FORBIDDEN,
        "the validation is over"
    );
    let page = app.get("/piano-generale/2024", &[]).await.body;
    let printed = (app::i18n::review_texts().digest)(&approval.digest);
    assert!(page.contains(&printed), "the digest is printed on the page");

    // The next year starts from the approved plans.
    let next: i32 = ok(&app.call(&OpenCycle {}, Some(&staff)).await);
    assert_eq!(next, YEAR + 1);
    let args = ReadPlan {
        anno: next,
        comunita: "dati".into(),
    };
    let draft: PlanView = ok(&app.call(&args, Some(&carla)).await);
    let approved = &dati.plan.content;
    let draft = draft.plan.content;
    assert_eq!(
        draft.objectives, approved.objectives,
        "objectives kept, ids included"
    );
    let carried: Vec<&str> = draft.actions.iter().map(|a| a.id.0.as_str()).collect();
    let unfinished: Vec<&str> = approved.actions[1..]
        .iter()
        .map(|a| a.id.0.as_str())
        .collect();
    assert_eq!(carried, unfinished, "the completed action stays behind");
    assert!(draft.actions.iter().all(|a| a.carried_from == Some(YEAR)));
    assert!(draft.indicators.iter().all(|i| i.target.is_empty()));
    assert_eq!(draft.indicators.len(), approved.indicators.len());
    assert!(draft.meetings.is_empty());
}
