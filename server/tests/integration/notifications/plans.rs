//! What a plan's cycle tells: a new version its other leads (once until read), a phase who acts
//! in it, a deadline (3 days and 1 day before) who acts before it.

use app::api::plans::{AdvanceCycle, SavePlan};
use app::domain::cycle::Phase;
use app::domain::italian_time::ItalianTime;
use app::domain::notification::Kind;
use app::domain::plan::pages::SaveOutcome;
use app::domain::role::RoleKind;
use app::server::clock::{rfc3339_now, unix_now};
use app::server::db::{self, Db};
use app::server::notifications::reminders::remind_deadlines;

use super::{bell, list};
use crate::support::{TestApp, admin, lead, logged_in, ok};

on_both_databases!(
    a_new_version_tells_the_other_leads_once_until_they_read_it,
    a_phase_tells_who_acts_in_it,
    a_deadline_reminds_who_acts_three_days_and_one_day_before,
);

/// The app over `db` with the cycle of 2024 open in drafting.
async fn drafting_2024(db: &Db) -> TestApp {
    let deadlines = [(Phase::Drafting, "2024-04-30".to_owned())];
    let opened = db::cycles::open(db, 2024, &deadlines, "2024-04-02T07:00:00Z").await;
    assert!(opened.unwrap());
    TestApp::new(db)
}

async fn a_new_version_tells_the_other_leads_once_until_they_read_it(db: Db) {
    let app = drafting_2024(&db).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let luca = lead(&app, "Luca Zanetti", RoleKind::Referent, "dati").await;
    let marta = lead(&app, "Marta Bruni", RoleKind::Coordinator, "imprese").await;
    let plan = app::server::demo::plans::plans()
        .unwrap()
        .into_iter()
        .find(|(slug, _)| slug.as_str() == "dati")
        .unwrap()
        .1;
    let save = async |base: i64| {
        let args = SavePlan {
            anno: 2024,
            comunita: "dati".into(),
            base,
            contenuto: plan.clone(),
        };
        let outcome: SaveOutcome = ok(&app.call_json(&args, Some(&carla)).await);
        assert!(matches!(outcome, SaveOutcome::Saved(_)), "{outcome:?}");
    };
    save(0).await;
    save(1).await;
    let told = list(&app, &luca).await;
    let lines: Vec<(Kind, &str, &str)> = told
        .notifications
        .iter()
        .map(|n| (n.kind, n.subject.as_str(), n.href.as_str()))
        .collect();
    assert_eq!(
        lines,
        [(
            Kind::PlanVersion,
            "il piano 2024 della comunità Dati",
            "/piani/2024/dati"
        )],
        "two saves, one line until it is read"
    );
    assert!(
        list(&app, &carla).await.notifications.is_empty(),
        "not the author"
    );
    assert!(
        list(&app, &marta).await.notifications.is_empty(),
        "not another community's leads"
    );

    assert_eq!(
        bell(&app, &luca, "/piani/2024/dati").await,
        0,
        "opening the plan reads it"
    );
    save(2).await;
    let again = list(&app, &luca).await;
    assert_eq!((again.notifications.len(), again.unread), (2, 1));
}

async fn a_phase_tells_who_acts_in_it(db: Db) {
    let app = drafting_2024(&db).await;
    let staff = admin(&app).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let nicolo = logged_in(&app, "Nicolò D'Alì", &["dati"], None).await;
    let advance = async |from: Phase| {
        let args = AdvanceCycle {
            anno: 2024,
            fase: from.code().into(),
        };
        let _: () = ok(&app.call(&args, Some(&staff)).await);
    };
    let told = async |session: &str| -> Vec<(Kind, String, String)> {
        list(&app, session)
            .await
            .notifications
            .into_iter()
            .map(|n| (n.kind, n.subject, n.href))
            .collect()
    };

    advance(Phase::Drafting).await;
    let shared = (
        Kind::Plan,
        "il piano 2024 della comunità Dati è condiviso con gli iscritti".to_owned(),
        "/piani/2024/dati".to_owned(),
    );
    assert_eq!(told(&nicolo).await, std::slice::from_ref(&shared));
    assert!(told(&staff).await.is_empty(), "not who moved the cycle");

    advance(Phase::Shared).await;
    let cross_reading = (
        Kind::Phase,
        "Lettura trasversale (2024)".to_owned(),
        "/lettura-trasversale".to_owned(),
    );
    assert_eq!(told(&carla).await, [cross_reading, shared.clone()]);
    assert_eq!(
        told(&nicolo).await,
        [shared],
        "members do not act in the cross-reading"
    );
}

async fn a_deadline_reminds_who_acts_three_days_and_one_day_before(db: Db) {
    const DAY: i64 = 24 * 60 * 60;
    let now = unix_now();
    let day = ItalianTime::at(now + 2 * DAY).day();
    let opened = db::cycles::open(&db, 2030, &[(Phase::Drafting, day)], &rfc3339_now()).await;
    assert!(opened.unwrap());
    let app = TestApp::new(&db);
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let nicolo = logged_in(&app, "Nicolò D'Alì", &["dati"], None).await;
    assert_eq!(
        remind_deadlines(&app.state, now).await.unwrap(),
        1,
        "3 days before"
    );
    assert_eq!(
        remind_deadlines(&app.state, now + 60).await.unwrap(),
        0,
        "once"
    );
    assert_eq!(
        remind_deadlines(&app.state, now + 2 * DAY).await.unwrap(),
        1,
        "1 day before"
    );
    assert_eq!(
        remind_deadlines(&app.state, now + 2 * DAY + 60)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        remind_deadlines(&app.state, now + 4 * DAY).await.unwrap(),
        0,
        "past"
    );
    let told = list(&app, &carla).await;
    let kinds: Vec<Kind> = told.notifications.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, [Kind::Deadline, Kind::Deadline]);
    let subject = &told.notifications[0].subject;
    assert!(subject.starts_with("Redazione"), "{subject}");
    assert!(subject.contains("(2030) si chiude il "), "{subject}");
    assert_eq!(told.notifications[0].href, "/piani/2030");
    assert!(
        list(&app, &nicolo).await.notifications.is_empty(),
        "members do not draft"
    );
}
