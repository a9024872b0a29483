//! Hostile and mistaken input through the router: refused plans write nothing, markup is kept
//! as text, unknown plans are not found, deadlines must be real days.

use app::api::plans::{Calendar, SetDeadline};
use app::domain::cycle::{CalendarView, Phase};
use app::domain::plan::pages::PlanView;
use app::domain::plan::{Indicator, Meeting, Objective, PlanAction, PlanContent};
use app::domain::role::RoleKind;
use app::domain::validation::Problem;
use app::error::AppError;
use app::server::db::{self, Db};
use axum::http::StatusCode;

use super::{YEAR, history, id, open_cycle, read, read_in, refusal, save, save_in, saved};
use crate::support::{TestApp, admin, lead, ok, slug};

on_both_databases!(
    hostile_plans_are_refused_and_write_nothing,
    markup_is_kept_as_text,
    unknown_plans_are_not_found_and_other_plans_are_refused,
    deadlines_must_be_real_days_and_end_at_italian_midnight,
);

/// A small plan that passes the checks: objectives o1 and o2, actions a1 and a2, i1 and m1.
pub(super) fn small_plan() -> PlanContent {
    let objective = |key: &str, title: &str| Objective {
        id: id(key),
        title: title.into(),
        description: String::new(),
    };
    let action = |key: &str, title: &str, objectives: &[&str]| PlanAction {
        id: id(key),
        title: title.into(),
        objectives: objectives.iter().map(|key| id(key)).collect(),
        start_month: 3,
        end_month: 6,
        ..PlanAction::default()
    };
    PlanContent {
        context: "Un contesto breve.".into(),
        objectives: vec![
            objective("o1", "Dati aperti"),
            objective("o2", "Competenze"),
        ],
        actions: vec![
            action("a1", "Catalogo", &["o1"]),
            action("a2", "Corsi", &["o1", "o2"]),
        ],
        indicators: vec![Indicator {
            id: id("i1"),
            name: "Dataset pubblicati".into(),
            target: "40".into(),
        }],
        meetings: vec![Meeting {
            id: id("m1"),
            date: "2024-05-14".into(),
            title: "Lettura trasversale".into(),
            announces: None,
        }],
    }
}

async fn hostile_plans_are_refused_and_write_nothing(db: Db) {
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let original = small_plan();
    saved(&save(&app, Some(&carla), "dati", 0, &original).await);

    type Spoil = fn(&mut PlanContent);
    let unknown = Problem::UnknownChoice;
    #[rustfmt::skip]
    let cases: [(&str, Spoil, &str, Problem); 16] = [
        ("20 001 characters of context", |p| p.context = "x".repeat(20_001), "contesto", Problem::TooLong { max: 20_000 }),
        ("a title of 201 characters", |p| p.objectives[0].title = "é".repeat(201), "o1.titolo", Problem::TooLong { max: 200 }),
        ("the same id twice", |p| p.meetings[0].id = id("i1"), "piano", unknown.clone()),
        ("an id in capitals", |p| p.meetings[0].id = id("M1"), "piano", unknown.clone()),
        ("a path for an id", |p| p.indicators[0].id = id("../i1"), "piano", unknown.clone()),
        ("a link to no objective", |p| p.actions[1].objectives.push(id("o9")), "a2.obiettivi", unknown.clone()),
        ("month 0", |p| p.actions[0].start_month = 0, "a1.periodo", unknown.clone()),
        ("month 13", |p| p.actions[0].end_month = 13, "a1.periodo", unknown.clone()),
        ("a period ending before it starts", |p| p.actions[0].start_month = 7, "a1.periodo", unknown.clone()),
        ("30 February", |p| p.meetings[0].date = "2024-02-30".into(), "m1.data", unknown.clone()),
        ("a meeting that does not exist", |p| p.meetings[0].announces = Some(-1), "m1.incontro", unknown.clone()),
        ("SQL for a day", |p| p.meetings[0].date = "'; DROP TABLE plan_versions; --".into(), "m1.data", unknown.clone()),
        ("a bell in a title", |p| p.objectives[1].title = "Compe\u{7}tenze".into(), "o2.titolo", Problem::ControlCharacters),
        ("a line break in a title", |p| p.actions[0].title = "Cata\nlogo".into(), "a1.titolo", Problem::ControlCharacters),
        ("a NUL in a lead", |p| p.actions[1].lead = "Comune\u{0}".into(), "a2.responsabile", Problem::ControlCharacters),
        ("a blank name", |p| p.indicators[0].name = "   ".into(), "i1.nome", Problem::Required),
    ];
    for (what, spoil, field, problem) in cases {
        let mut plan = original.clone();
        spoil(&mut plan);
        let (status, error) = refusal(&save(&app, Some(&carla), "dati", 1, &plan).await);
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{what}");
        let rejection = error
            .rejection()
            .unwrap_or_else(|| panic!("{what}: {error:?}"));
        assert_eq!(
            rejection.problem(field),
            Some(&problem),
            "{what}: {rejection:?}"
        );
    }
    assert_eq!(
        history(&app, &carla, "dati").await.len(),
        1,
        "nothing was saved"
    );
    let current: PlanView = ok(&read(&app, Some(&carla), "dati").await);
    assert_eq!(current.plan.content, original);
}

async fn markup_is_kept_as_text(db: Db) {
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let mut plan = small_plan();
    plan.context = "Vedi [il portale](javascript:alert(1)) e <img src=x onerror=alert(1)>.".into();
    plan.objectives[0].title = "<script>alert('o1')</script>".into();
    plan.objectives[0].description = "<a href=\"javascript:alert(1)\">clic</a>\n\tfine".into();
    plan.actions[0].lead = "Robert'); DROP TABLE plan_versions; --".into();
    plan.meetings[0].title = "Nicolò D'Alì & «amici» 🎉".into();
    saved(&save(&app, Some(&carla), "dati", 0, &plan).await);
    let stored: PlanView = ok(&read(&app, Some(&carla), "dati").await);
    assert_eq!(stored.plan.content, plan, "saved and returned unchanged");
}

async fn unknown_plans_are_not_found_and_other_plans_are_refused(db: Db) {
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let staff = admin(&app).await;
    let plan = small_plan();
    saved(&save(&app, Some(&carla), "dati", 0, &plan).await);

    let not_found = (StatusCode::NOT_FOUND, AppError::NotFound);
    for community in ["non-esiste", "../dati", "DATI", "<script>", ""] {
        let page = save(&app, Some(&carla), community, 1, &plan).await;
        assert_eq!(refusal(&page), not_found, "saving {community:?}");
        let page = read(&app, Some(&staff), community).await;
        assert_eq!(refusal(&page), not_found, "reading {community:?}");
    }
    for year in [2023, 2025, -1] {
        let page = save_in(&app, Some(&carla), year, "dati", 1, &plan).await;
        assert_eq!(refusal(&page), not_found, "saving in {year}");
        let page = read_in(&app, Some(&staff), year, "dati").await;
        assert_eq!(refusal(&page), not_found, "reading in {year}");
    }
    // A plan not written yet is not found either, even by regional staff.
    let page = read(&app, Some(&staff), "imprese").await;
    assert_eq!(refusal(&page), not_found);

    // The coordinator of dati may not write the plan of imprese, even a first version.
    let page = save(&app, Some(&carla), "imprese", 0, &plan).await;
    assert_eq!(refusal(&page), (StatusCode::FORBIDDEN, AppError::Forbidden));
    let written = db::plans::versions(&db, YEAR, &slug("imprese"))
        .await
        .unwrap();
    assert!(written.is_empty(), "nothing written for imprese");
    let dati = db::plans::versions(&db, YEAR, &slug("dati")).await.unwrap();
    assert_eq!(dati.len(), 1, "nor for dati");
}

async fn deadlines_must_be_real_days_and_end_at_italian_midnight(db: Db) {
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let staff = admin(&app).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let deadline = |fase: &str, scadenza: &str| SetDeadline {
        anno: YEAR,
        fase: fase.into(),
        scadenza: scadenza.into(),
    };

    for day in [
        "2024-13-01",
        "2024-02-30",
        "24-05-27",
        "'; DROP TABLE cycles; --",
        "",
    ] {
        let page = app
            .call(&deadline("rilettura-finale", day), Some(&staff))
            .await;
        let (status, error) = refusal(&page);
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{day}");
        let problem = error.rejection().and_then(|r| r.problem("scadenza"));
        assert_eq!(problem, Some(&Problem::InvalidDay), "{day}");
    }
    let page = app.call(&deadline("boh", "2024-05-27"), Some(&staff)).await;
    assert_eq!(refusal(&page).0, StatusCode::UNPROCESSABLE_ENTITY);
    let page = app
        .call(&deadline("rilettura-finale", "2024-05-27"), Some(&carla))
        .await;
    assert_eq!(refusal(&page), (StatusCode::FORBIDDEN, AppError::Forbidden));
    let page = app
        .call(&deadline("rilettura-finale", "2024-05-27"), None)
        .await;
    assert_eq!(
        refusal(&page),
        (StatusCode::UNAUTHORIZED, AppError::LoginRequired)
    );
    let page = app
        .call(
            &SetDeadline {
                anno: 2031,
                fase: "redazione".into(),
                scadenza: "2031-04-30".into(),
            },
            Some(&staff),
        )
        .await;
    assert_eq!(refusal(&page), (StatusCode::NOT_FOUND, AppError::NotFound));

    // Summer time (UTC+2) and winter time (UTC+1); a new deadline and a changed one.
    let _: () = ok(&app
        .call(&deadline("rilettura-finale", "2024-05-27"), Some(&staff))
        .await);
    let _: () = ok(&app
        .call(&deadline("validazione", "2024-11-04"), Some(&staff))
        .await);
    let _: () = ok(&app
        .call(
            &deadline("lettura-trasversale", " 2024-05-15 "),
            Some(&staff),
        )
        .await);
    let calendar: CalendarView = ok(&app.call(&Calendar {}, None).await);
    let shown: Vec<(Phase, String, i64)> = calendar
        .cycle
        .expect("the cycle")
        .deadlines
        .iter()
        .map(|d| (d.phase, d.day.clone(), d.ends_at))
        .collect();
    let at = |instant: time::OffsetDateTime| instant.unix_timestamp();
    use time::macros::datetime;
    assert_eq!(
        shown,
        [
            (
                Phase::Drafting,
                "2024-04-30".into(),
                at(datetime!(2024-04-30 22:00 UTC))
            ),
            (
                Phase::Shared,
                "2024-05-10".into(),
                at(datetime!(2024-05-10 22:00 UTC))
            ),
            (
                Phase::CrossReading,
                "2024-05-15".into(),
                at(datetime!(2024-05-15 22:00 UTC))
            ),
            (
                Phase::FinalReading,
                "2024-05-27".into(),
                at(datetime!(2024-05-27 22:00 UTC))
            ),
            (
                Phase::Validation,
                "2024-11-04".into(),
                at(datetime!(2024-11-04 23:00 UTC))
            ),
        ]
    );
}
