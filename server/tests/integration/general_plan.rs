//! The general plan through the router on the demo: assembled from the plans and the board,
//! saved as versions, out of date when a plan changes, frozen when presented for validation.
//! Who may read and write it in each phase is in `general_plan/access.rs`.

mod access;
mod documents;

use app::api::general_plan::{GeneralPlanVersions, ReadGeneralPlan, SaveGeneralPlan};
use app::api::plans::{AdvanceCycle, ReadPlan, SavePlan};
use app::domain::cycle::Phase;
use app::domain::general_plan::parts::plan_anchor;
use app::domain::general_plan::{
    GeneralPlanView, GeneralSaveOutcome, GeneralVersion, GeneralVersionList,
};
use app::domain::plan::pages::{PlanView, SaveOutcome};
use app::domain::validation::Problem;
use app::error::AppError;
use app::server::db::Db;
use app::server::demo::{self, DEMO_PASSWORD};
use axum::http::StatusCode;

use crate::support::{Page, TestApp, log_in, ok, slug};

on_both_databases!(
    the_general_plan_is_assembled_versioned_and_frozen_for_validation,
    bad_text_is_refused_and_nothing_saved_is_lost,
);

const YEAR: i32 = 2024;
const INTRODUCTION: &str = "# Piano 2024\n\nScritto da Nicolò D'Alì: <script>alert(1)</script> \
     e `]` #set page(fill: red) '; DROP TABLE cycles; --";

async fn read(app: &TestApp, session: Option<&str>, version: Option<i64>) -> Page {
    let args = ReadGeneralPlan {
        anno: YEAR,
        versione: version,
    };
    app.call(&args, session).await
}

async fn save(app: &TestApp, session: &str, base: i64, introduction: &str, day: &str) -> Page {
    let args = SaveGeneralPlan {
        anno: YEAR,
        base,
        introduzione: introduction.into(),
        sintesi: "Dieci piani, un'azione integrata.".into(),
        numeri_al: day.into(),
    };
    app.call(&args, Some(session)).await
}

fn saved(page: &Page) -> GeneralVersion {
    match ok(page) {
        GeneralSaveOutcome::Saved(version) => version,
        other => panic!("not saved: {other:?}"),
    }
}

async fn advance(app: &TestApp, session: &str, from: Phase) {
    let args = AdvanceCycle {
        anno: YEAR,
        fase: from.code().into(),
    };
    let _: () = ok(&app.call(&args, Some(session)).await);
}

/// Loads the demo (2024 in cross-reading) and logs regional staff in.
async fn demo_staff(db: &Db) -> (TestApp, String) {
    assert!(demo::load_if_empty(db).await.unwrap());
    let app = TestApp::new(db);
    let staff = log_in(&app, "admin@comtem.demo", DEMO_PASSWORD).await;
    (app, staff)
}

async fn the_general_plan_is_assembled_versioned_and_frozen_for_validation(db: Db) {
    let (app, staff) = demo_staff(&db).await;
    let empty: GeneralPlanView = ok(&read(&app, Some(&staff), None).await);
    assert!(
        empty.plan.is_none() && empty.can_edit,
        "none yet; staff may write it"
    );

    let first = saved(&save(&app, &staff, 0, INTRODUCTION, "2024-05-06").await);
    assert_eq!((first.number, first.saved_by.as_str()), (1, "Giulia Ferri"));
    assert_eq!(first.built_from.len(), 10, "every community's plan");
    let view: GeneralPlanView = ok(&read(&app, Some(&staff), None).await);
    let plan = view.plan.expect("version 1");
    assert_eq!(
        plan.text.introduction, INTRODUCTION,
        "hostile text kept as typed"
    );
    assert_eq!(plan.assembled.numbers.day, "2024-05-06");
    assert_eq!(plan.assembled.numbers.signups, 1216, "the figures of 6 May");
    assert!(
        !plan.assembled.integrated.is_empty(),
        "the accepted proposals"
    );
    let action = &plan.assembled.integrated[0];
    for source in &action.sources {
        assert!(
            plan.assembled.sources.iter().any(|s| s.id == source.0),
            "source {} quoted",
            source.0
        );
    }
    assert!(
        plan.assembled
            .matrix
            .counts
            .iter()
            .flatten()
            .any(|n| *n > 0)
    );
    assert_eq!(plan.plans.len(), 10);
    let dati = plan
        .plans
        .iter()
        .find(|p| p.community.as_str() == "dati")
        .unwrap();
    assert!(!dati.content.objectives.is_empty());
    assert!(view.stale.is_empty(), "just built: nothing out of date");
    let html = app.get_as("/piano-generale/2024", &staff).await.body;
    std::fs::write(std::env::temp_dir().join("piano-generale.html"), &html).unwrap();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "typed text is text"
    );
    assert!(!html.contains("<script>alert(1)"));
    for anchor in [
        "#introduzione",
        "#sintesi",
        "#calendario",
        "#numeri",
        "#azioni-integrate",
        "#sinergie",
        "#piano-dati",
    ] {
        assert!(
            html.contains(&format!("href=\"{anchor}\"")),
            "the contents link {anchor}"
        );
    }
    assert!(
        html.contains("id=\"dati-contesto\""),
        "item anchors carry the community"
    );

    // The final re-reading: a coordinator saves the plan of dati again.
    advance(&app, &staff, Phase::CrossReading).await;
    let carla = log_in(&app, "coordinatore.dati@comtem.demo", DEMO_PASSWORD).await;
    let args = ReadPlan {
        anno: YEAR,
        comunita: "dati".into(),
    };
    let current: PlanView = ok(&app.call(&args, Some(&carla)).await);
    let mut content = current.plan.content.clone();
    content.objectives[0].title = "Dati aperti per tutti gli enti".into();
    let args = SavePlan {
        anno: YEAR,
        comunita: "dati".into(),
        base: current.plan.version.number,
        contenuto: content,
    };
    let revised = match ok(&app.call_json(&args, Some(&carla)).await) {
        SaveOutcome::Saved(info) => info.number,
        SaveOutcome::Conflict(_) => panic!("conflict"),
    };
    let coordinator_view: GeneralPlanView = ok(&read(&app, Some(&carla), None).await);
    assert_eq!(coordinator_view.stale, vec![plan_anchor(&slug("dati"))]);
    assert!(!coordinator_view.can_edit);

    // A save on a stale version writes nothing and returns the newer text.
    let second = saved(&save(&app, &staff, 1, "Introduzione rivista", "2024-05-06").await);
    assert_eq!(second.number, 2);
    let dati_version = |v: &GeneralVersion| {
        v.built_from
            .iter()
            .find(|(c, _)| c.as_str() == "dati")
            .unwrap()
            .1
    };
    assert_eq!(
        dati_version(&second),
        revised,
        "rebuilt from the current plan"
    );
    match ok(&save(&app, &staff, 1, "Mia", "2024-05-06").await) {
        GeneralSaveOutcome::Conflict { number, text } => {
            assert_eq!(
                (number, text.introduction.as_str()),
                (2, "Introduzione rivista")
            );
        }
        other => panic!("not a conflict: {other:?}"),
    }

    // Into validation: the plan changed again, so a new version is frozen as presented.
    let args = SavePlan {
        anno: YEAR,
        comunita: "dati".into(),
        base: revised,
        contenuto: current.plan.content.clone(),
    };
    let _: SaveOutcome = ok(&app.call_json(&args, Some(&carla)).await);
    advance(&app, &staff, Phase::FinalReading).await;
    let list: GeneralVersionList = ok(&app
        .call(&GeneralPlanVersions { anno: YEAR }, Some(&staff))
        .await);
    let numbers: Vec<(i64, bool)> = list
        .versions
        .iter()
        .map(|v| (v.number, v.presented_at.is_some()))
        .collect();
    assert_eq!(numbers, [(3, true), (2, false), (1, false)]);
    assert_eq!(dati_version(&list.versions[0]), revised + 1);
    assert_eq!(
        save(&app, &staff, 3, "Dopo", "2024-05-06").await.status,
        StatusCode::FORBIDDEN,
        "frozen in validation"
    );
    let member = log_in(&app, "nicolo.dali@comtem.demo", DEMO_PASSWORD).await;
    let frozen: GeneralPlanView = ok(&read(&app, Some(&member), None).await);
    let frozen = frozen.plan.unwrap();
    assert_eq!(frozen.version.number, 3);
    assert_eq!(frozen.text.introduction, "Introduzione rivista");
    let old: GeneralPlanView = ok(&read(&app, Some(&member), Some(1)).await);
    assert_eq!(
        old.plan.unwrap().text.introduction,
        INTRODUCTION,
        "every version stays readable"
    );
    assert!(!old.latest);
    assert_eq!(
        read(&app, Some(&member), Some(9)).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn bad_text_is_refused_and_nothing_saved_is_lost(db: Db) {
    let (app, staff) = demo_staff(&db).await;
    saved(&save(&app, &staff, 0, "Prima", "2024-05-06").await);
    let problems = |page: &Page| match page.error() {
        Some(AppError::Invalid(rejection)) => rejection.problems,
        other => panic!("not refused: {other:?} {}", page.body),
    };
    let future = save(&app, &staff, 1, "Seconda", "2999-01-01").await;
    assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problems(&future),
        [("numeri_al".to_owned(), Problem::FutureDay)]
    );
    let huge = "parola".repeat(4_000);
    let too_long = problems(&save(&app, &staff, 1, &huge, "06/05/2024").await);
    assert_eq!(
        too_long,
        [
            ("introduzione".to_owned(), Problem::TooLong { max: 20_000 }),
            ("numeri_al".to_owned(), Problem::InvalidDay)
        ]
    );
    let view: GeneralPlanView = ok(&read(&app, Some(&staff), None).await);
    let plan = view.plan.unwrap();
    assert_eq!(
        (plan.version.number, plan.text.introduction.as_str()),
        (1, "Prima")
    );
    let other_year = ReadGeneralPlan {
        anno: 1999,
        versione: None,
    };
    assert_eq!(
        app.call(&other_year, Some(&staff)).await.status,
        StatusCode::NOT_FOUND
    );
}
