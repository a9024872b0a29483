//! The calendars read back by an independent parser (Python `icalendar`, through
//! `scripts/read_calendar.py` in the `.venv` of `scripts/setup.sh`): every meeting in Italian
//! time on both sides of the end of summer time, hostile text literally, the cycle's deadlines
//! as whole days; a community's calendar, a person's own at an address they can renew, and one
//! meeting to add.

use app::api::meetings::RenewCalendar;
use app::domain::cycle::{Phase, default_deadlines};
use app::domain::role::RoleKind;
use app::server::db::{self, Db};
use axum::http::StatusCode;
use serde_json::Value;

use super::{form, save, saved_id};
use crate::feed_reader;
use crate::support::{Page, TestApp, admin, lead, logged_in, ok};

on_both_databases!(calendars_open_in_an_independent_reader);

const HOSTILE: &str = "<script>alert('x')</script>, Nicolò D'Alì; \\ fine";

/// What `read_calendar.py` makes of `page`'s body.
fn read_back(page: &Page) -> Value {
    feed_reader::read_back("read_calendar.py", page, "text/calendar; charset=utf-8")
}

/// The summaries of the events, in order.
fn summaries(calendar: &Value) -> Vec<String> {
    calendar["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["summary"].as_str().unwrap().to_owned())
        .collect()
}

fn event<'a>(calendar: &'a Value, summary: &str) -> &'a Value {
    calendar["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|event| event["summary"] == summary)
        .unwrap_or_else(|| panic!("no {summary} in {calendar}"))
}

async fn calendars_open_in_an_independent_reader(db: Db) {
    let app = TestApp::new(&db);
    let staff = admin(&app).await;
    let deadlines = default_deadlines(2030, None);
    assert!(
        db::cycles::open(&db, 2030, &deadlines, "2030-04-01T08:00:00Z")
            .await
            .unwrap()
    );

    let mut summer = form("Sabato in ora legale");
    summer.starts = "2030-10-26T10:00".into();
    summer.ends = "2030-10-26T12:00".into();
    let summer = saved_id(&save(&app, &staff, 0, 0, summer).await);
    let mut winter = form(HOSTILE);
    winter.place = String::new();
    winter.address = String::new();
    winter.agenda = format!("- Primo punto; secondo, terzo\n- {}", "lungo ".repeat(60));
    let winter = saved_id(&save(&app, &staff, 0, 0, winter).await);
    let mut imprese = form("Incontro Imprese");
    imprese.communities = vec!["imprese".into()];
    saved_id(&save(&app, &staff, 0, 0, imprese).await);
    let mut leads = form("Coordinatori e referenti");
    leads.audience = "coordinatori".into();
    saved_id(&save(&app, &staff, 0, 0, leads).await);
    let mut everyone = form("Presentazione del modello");
    everyone.audience = "tutti".into();
    saved_id(&save(&app, &staff, 0, 0, everyone).await);

    let all = read_back(&app.get("/incontri.ics", &[]).await);
    assert_eq!(all["name"], "COMTem: incontri e scadenze");
    assert_eq!(summaries(&all).len(), 5 + Phase::ALL.len());
    let saturday = event(&all, "Sabato in ora legale");
    assert_eq!(saturday["start"], "2030-10-26T10:00:00+02:00");
    assert_eq!(saturday["end"], "2030-10-26T12:00:00+02:00");
    assert_eq!(
        saturday["location"],
        "Sala 1, Regione Emilia-Romagna, Viale Aldo Moro 52, Bologna"
    );
    let sunday = event(&all, HOSTILE);
    assert_eq!(sunday["start"], "2030-10-27T10:00:00+01:00");
    assert_eq!(sunday["location"], "https://meet.example.it/dati");
    assert!(
        sunday["description"]
            .as_str()
            .unwrap()
            .starts_with("- Primo punto; secondo, terzo\n- lungo lungo")
    );
    assert!(
        sunday["uid"]
            .as_str()
            .unwrap()
            .starts_with(&format!("incontro-{winter}@"))
    );
    let first = event(&all, "Scadenza: Redazione (2030)");
    assert_eq!(
        (first["start"].as_str(), first["end"].as_str()),
        (Some("2030-04-30"), Some("2030-05-01"))
    );

    let dati = read_back(&app.get("/comunita/dati/incontri.ics", &[]).await);
    let meetings: Vec<String> = summaries(&dati)
        .into_iter()
        .filter(|s| !s.starts_with("Scadenza"))
        .collect();
    assert_eq!(
        meetings,
        ["Sabato in ora legale", HOSTILE, "Presentazione del modello"]
    );
    let unknown = app.get("/comunita/nessuna/incontri.ics", &[]).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    // One meeting to add, as a file.
    let one = app
        .get(&format!("/incontri/{summer}/incontro.ics"), &[])
        .await;
    assert_eq!(
        one.header("content-disposition"),
        Some(format!("attachment; filename=\"incontro-{summer}.ics\"").as_str())
    );
    assert_eq!(summaries(&read_back(&one)), ["Sabato in ora legale"]);
    for missing in ["/incontri/999/incontro.ics", "/incontri/abc/incontro.ics"] {
        assert_eq!(app.get(missing, &[]).await.status, StatusCode::NOT_FOUND);
    }

    // A member's own calendar: their community's meetings and those for everyone; renewed,
    // the old address stops working. A coordinator's includes the coordinators' meetings.
    let member = logged_in(&app, "Ada Rossi", &["dati"], None).await;
    let first: String = ok(&app.call(&RenewCalendar {}, Some(&member)).await);
    let own = read_back(&app.get(&first, &[]).await);
    assert_eq!(own["name"], "COMTem: i miei incontri");
    let theirs: Vec<String> = summaries(&own)
        .into_iter()
        .filter(|s| !s.starts_with("Scadenza"))
        .collect();
    assert_eq!(
        theirs,
        ["Sabato in ora legale", HOSTILE, "Presentazione del modello"]
    );
    let second: String = ok(&app.call(&RenewCalendar {}, Some(&member)).await);
    assert_ne!(first, second);
    assert_eq!(app.get(&first, &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&second, &[]).await.status, StatusCode::OK);
    let coordinator = lead(&app, "Carla Bianchi", RoleKind::Coordinator, "imprese").await;
    let path: String = ok(&app.call(&RenewCalendar {}, Some(&coordinator)).await);
    let led = read_back(&app.get(&path, &[]).await);
    assert!(summaries(&led).contains(&"Coordinatori e referenti".to_owned()));
    assert!(summaries(&led).contains(&"Incontro Imprese".to_owned()));
    assert!(!summaries(&led).contains(&"Sabato in ora legale".to_owned()));
    assert_eq!(
        app.call(&RenewCalendar {}, None).await.status,
        StatusCode::UNAUTHORIZED
    );
}
