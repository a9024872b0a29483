//! The cycle's phases through the router: who may read and save in each, who may move the cycle
//! on, what each phase freezes, and the demo cycle of 2024.

use app::api::plans::{AdvanceCycle, Calendar, CurrentCycle, PlanVersions};
use app::domain::cycle::{CalendarView, Cycle, Phase};
use app::domain::plan::pages::{PlanView, VersionList};
use app::domain::role::{Role, RoleKind};
use app::domain::validation::Problem;
use app::error::AppError;
use app::server::db::Db;
use axum::http::StatusCode;

use super::{YEAR, demo_plan, open_cycle, read, refusal, save, saved, versions};
use crate::support::Told::{self, Done, Login, Refused};
use crate::support::{Page, TestApp, admin, approve, lead, log_in, logged_in, ok, slug, told};

on_both_databases!(
    each_role_reads_and_saves_in_exactly_its_phases,
    only_regional_staff_move_the_cycle_on_from_the_phase_it_is_in,
    each_phase_freezes_the_versions_it_starts_with,
    the_demo_cycle_stands_in_the_cross_reading_of_2024,
);

async fn advance(app: &TestApp, session: Option<&str>, from: &str) -> Page {
    let args = AdvanceCycle {
        anno: YEAR,
        fase: from.into(),
    };
    app.call(&args, session).await
}

async fn each_role_reads_and_saves_in_exactly_its_phases(db: Db) {
    use Phase::*;
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let staff = admin(&app).await;
    let coordinator = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let member = logged_in(&app, "Marta Dati", &["dati"], None).await;
    let outsider = logged_in(&app, "Olga Imprese", &["imprese"], None).await;
    let other_role = Role::in_community(RoleKind::Coordinator, slug("imprese"));
    let other_lead = logged_in(&app, "Ivo Imprese", &["imprese"], Some(other_role)).await;
    let plan = demo_plan("dati");

    // Reading: visitor, member of dati, member of imprese, coordinator of imprese.
    // The coordinator of dati and regional staff read in every phase.
    let readers: [(Phase, [Told; 4]); 6] = [
        (Drafting, [Login, Refused, Refused, Refused]),
        (Shared, [Login, Done, Refused, Refused]),
        (CrossReading, [Login, Done, Refused, Done]),
        (FinalReading, [Login, Done, Refused, Done]),
        (Validation, [Login, Done, Refused, Done]),
        (Approved, [Done, Done, Done, Done]),
    ];
    let mut latest = 0;
    for (i, (phase, expected)) in readers.into_iter().enumerate() {
        match Phase::ALL.get(i.wrapping_sub(1)) {
            Some(Validation) => approve(&app, &staff, YEAR).await,
            Some(from) => {
                let _: () = ok(&advance(&app, Some(&staff), from.code()).await);
            }
            None => {}
        }
        let cycle: Cycle = ok(&app.call(&CurrentCycle {}, None).await);
        assert_eq!(cycle.phase, phase);

        // Saving: the coordinator of dati and staff in drafting and final re-reading only.
        let editable = matches!(phase, Drafting | FinalReading);
        for (who, session) in [("coordinator", &coordinator), ("admin", &staff)] {
            let page = save(&app, Some(session), "dati", latest, &plan).await;
            if editable {
                latest = saved(&page).number;
            } else {
                assert_eq!(told(&page), Refused, "{who} saving in {phase:?}");
            }
        }
        for (who, session) in [
            ("visitor", None),
            ("member", Some(&member)),
            ("coordinator of imprese", Some(&other_lead)),
        ] {
            let page = save(&app, session.map(String::as_str), "dati", latest, &plan).await;
            let expected = if session.is_some() { Refused } else { Login };
            assert_eq!(told(&page), expected, "{who} saving in {phase:?}");
        }

        let view: PlanView = ok(&read(&app, Some(&coordinator), "dati").await);
        assert_eq!(
            view.can_edit, editable,
            "the coordinator's edit button in {phase:?}"
        );
        assert_eq!(view.plan.version.number, latest);
        assert_eq!(told(&read(&app, Some(&staff), "dati").await), Done);
        let people = [None, Some(&member), Some(&outsider), Some(&other_lead)];
        let names = ["visitor", "member", "outsider", "coordinator of imprese"];
        for ((who, session), expected) in names.iter().zip(people).zip(expected) {
            let session = session.map(String::as_str);
            let page = read(&app, session, "dati").await;
            assert_eq!(told(&page), expected, "{who} reading in {phase:?}");
            let page = versions(&app, session, "dati").await;
            assert_eq!(told(&page), expected, "{who} listing versions in {phase:?}");
        }
    }
    assert_eq!(latest, 4, "two saves in drafting, two in final re-reading");
}

async fn only_regional_staff_move_the_cycle_on_from_the_phase_it_is_in(db: Db) {
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let staff = admin(&app).await;
    let coordinator = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;

    assert_eq!(
        refusal(&advance(&app, None, "redazione").await),
        (StatusCode::UNAUTHORIZED, AppError::LoginRequired)
    );
    assert_eq!(
        refusal(&advance(&app, Some(&coordinator), "redazione").await),
        (StatusCode::FORBIDDEN, AppError::Forbidden)
    );
    let calendar: CalendarView = ok(&app.call(&Calendar {}, Some(&coordinator)).await);
    assert!(!calendar.can_manage);
    assert_eq!(
        calendar.cycle.map(|c| c.phase),
        Some(Phase::Drafting),
        "nothing moved"
    );

    let _: () = ok(&advance(&app, Some(&staff), "redazione").await);
    // A second click on the same button, from a page still showing drafting.
    let (status, error) = refusal(&advance(&app, Some(&staff), "redazione").await);
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let rejection = error.rejection().expect("a rejection");
    assert_eq!(rejection.problem("fase"), Some(&Problem::Stale));
    // A phase the cycle is not in yet is stale too.
    let (status, _) = refusal(&advance(&app, Some(&staff), "validazione").await);
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refusal(&advance(&app, Some(&staff), "boh").await),
        (StatusCode::NOT_FOUND, AppError::NotFound)
    );
    let calendar: CalendarView = ok(&app.call(&Calendar {}, Some(&staff)).await);
    assert!(calendar.can_manage);
    assert_eq!(
        calendar.cycle.map(|c| c.phase),
        Some(Phase::Shared),
        "moved exactly once"
    );
}

async fn each_phase_freezes_the_versions_it_starts_with(db: Db) {
    use Phase::*;
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let staff = admin(&app).await;
    let coordinator = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let mut plan = demo_plan("dati");
    saved(&save(&app, Some(&coordinator), "dati", 0, &plan).await);
    let frozen = || async {
        let list: VersionList = ok(&versions(&app, Some(&coordinator), "dati").await);
        let versions = list.versions.into_iter();
        versions
            .map(|v| (v.number, v.frozen_for))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        frozen().await,
        [(1, vec![])],
        "opening the cycle freezes nothing"
    );

    for from in ["redazione", "condivisione", "lettura-trasversale"] {
        let _: () = ok(&advance(&app, Some(&staff), from).await);
    }
    assert_eq!(
        frozen().await,
        [(1, vec![Shared, CrossReading, FinalReading])]
    );
    plan.context
        .push_str("\n\nRivisto dopo la lettura trasversale.");
    saved(&save(&app, Some(&coordinator), "dati", 1, &plan).await);
    assert_eq!(
        frozen().await,
        [(2, vec![]), (1, vec![Shared, CrossReading, FinalReading])],
        "a later save changes nothing frozen"
    );
    let _: () = ok(&advance(&app, Some(&staff), "rilettura-finale").await);
    assert_eq!(
        frozen().await,
        [
            (2, vec![Validation]),
            (1, vec![Shared, CrossReading, FinalReading])
        ]
    );
}

async fn the_demo_cycle_stands_in_the_cross_reading_of_2024(db: Db) {
    use Phase::*;
    assert!(app::server::demo::load_if_empty(&db).await.unwrap());
    let app = TestApp::new(&db);
    let calendar: CalendarView = ok(&app.call(&Calendar {}, None).await);
    let cycle = calendar.cycle.expect("the demo cycle");
    assert_eq!((cycle.year, cycle.phase), (2024, CrossReading));
    let day = |phase| {
        let deadline = cycle.deadlines.iter().find(|d| d.phase == phase);
        deadline.map(|d| d.day.as_str()).unwrap_or_default()
    };
    assert_eq!(day(CrossReading), "2024-05-14");
    assert_eq!(day(FinalReading), "2024-05-24");
    assert_eq!(day(Validation), "2024-06-07");
    assert_eq!(
        cycle.current_deadline().map(|d| d.ends_at),
        Some(time::macros::datetime!(2024-05-14 22:00 UTC).unix_timestamp()),
        "cross-reading ends at midnight of 14 May, Italian summer time (22:00 UTC)"
    );

    let staff = log_in(&app, "admin@comtem.demo", app::server::demo::DEMO_PASSWORD).await;
    for (slug, _) in app::server::demo::plans::plans().unwrap() {
        let args = PlanVersions {
            anno: 2024,
            comunita: slug.as_str().into(),
        };
        let list: VersionList = ok(&app.call(&args, Some(&staff)).await);
        let frozen: Vec<(i64, Vec<Phase>)> = list
            .versions
            .into_iter()
            .map(|v| (v.number, v.frozen_for))
            .collect();
        assert_eq!(
            frozen,
            [(2, vec![Shared, CrossReading]), (1, vec![Drafting])],
            "{slug}"
        );
    }
    let dati: PlanView = ok(&super::read_in(&app, Some(&staff), 2024, "dati").await);
    assert_eq!(
        dati.plan.content,
        demo_plan("dati"),
        "version 2 is the shared plan"
    );
}
