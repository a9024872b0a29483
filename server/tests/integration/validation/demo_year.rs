//! The demo's approved 2023: public to everyone, with its general plan, documents, decisions and
//! remarks.

use app::api::general_plan::ReadGeneralPlan;
use app::api::plans::YearPlans;
use app::api::review::{PlanRemarks, ReadValidation};
use app::domain::cycle::Phase;
use app::domain::general_plan::GeneralPlanView;
use app::domain::plan::pages::PlanYear;
use app::domain::review::{Outcome, RemarksView, ReviewView};
use app::server::db::Db;
use app::server::demo::{self, DEMO_PASSWORD};
use axum::http::StatusCode;

use crate::support::{TestApp, log_in, ok};

on_both_databases!(the_demo_year_2023_is_approved_and_public);

async fn the_demo_year_2023_is_approved_and_public(db: Db) {
    assert!(demo::load_if_empty(&db).await.unwrap());
    let app = TestApp::new(&db);
    let year: PlanYear = ok(&app.call(&YearPlans { anno: 2023 }, None).await);
    assert_eq!(year.cycle.phase, Phase::Approved);
    assert!(year.general_plan_readable);
    assert_eq!(year.plans.len(), 10);
    assert!(year.plans.iter().all(|p| p.readable && p.actions > 0));
    let args = ReadGeneralPlan {
        anno: 2023,
        versione: None,
    };
    let general: GeneralPlanView = ok(&app.call(&args, None).await);
    let approval = general.approval.expect("approved");
    assert_eq!(approval.decision.outcome, Outcome::Approved);
    assert_eq!(approval.decision.meeting_day, "2023-06-14");
    assert_eq!(approval.version, 1);
    let plan = general.plan.expect("its general plan");
    assert_eq!(plan.plans.len(), 10);
    let pdf = app.get("/piano-generale/2023/versioni/1.pdf", &[]).await;
    assert_eq!(pdf.status, StatusCode::OK, "a visitor downloads it");
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    let history: ReviewView = ok(&app.call(&ReadValidation { anno: 2023 }, None).await);
    assert_eq!(history.decisions.len(), 11);
    let paolo = log_in(&app, "cner@comtem.demo", DEMO_PASSWORD).await;
    let args = PlanRemarks {
        anno: 2023,
        comunita: "cittadini".into(),
    };
    let remarks: RemarksView = ok(&app.call(&args, Some(&paolo)).await);
    assert_eq!(remarks.remarks.len(), 1);
    assert!(remarks.bodies.is_empty(), "no more remarks once approved");
    let current: PlanYear = ok(&app.call(&YearPlans { anno: 2024 }, None).await);
    assert_eq!(
        current.cycle.phase,
        Phase::CrossReading,
        "2024 is still being read"
    );
}
