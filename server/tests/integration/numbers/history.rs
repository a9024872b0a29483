//! Past days stay past: a signup counts from its day to the day before it ended, so leaving or
//! rejoining never changes an earlier day, and only erasure takes a person out of past figures.

use app::api::profile::{JoinCommunity, LeaveCommunity};
use app::domain::audit::AuditAction::AccountDeleted;
use app::domain::numbers::{Day, Numbers};
use app::domain::person::PersonId;
use app::server::clock::{italian_today, rfc3339_now};
use app::server::db::audit::Entry;
use app::server::db::{self, Db};
use axum::http::StatusCode;

use super::{assert_recount, csv, json, slug};
use crate::support::{TestApp, person};

on_both_databases!(
    a_signup_today_leaves_past_days_unchanged,
    leaving_counts_from_its_day_and_rejoining_counts_again,
    erasure_removes_a_person_from_past_days,
);

async fn as_of(db: &Db, day: &str) -> Numbers {
    let day = Day::from_trusted(day.into());
    db::numbers::as_of(db, &day).await.unwrap()
}

/// `(signups, people, bodies)` as of `day`, checked against a recount.
async fn totals(db: &Db, day: &str) -> (i64, i64, i64) {
    assert_recount(db, &Day::from_trusted(day.into())).await;
    let numbers = as_of(db, day).await;
    (numbers.signups, numbers.people, numbers.bodies)
}

async fn join(db: &Db, person: &PersonId, community: &str, at: &str) {
    let joined = db::signups::join_one(db, person, &slug(community), at).await;
    assert!(joined.unwrap());
}

async fn leave(db: &Db, person: &PersonId, community: &str, at: &str) -> bool {
    db::signups::leave(db, person, &slug(community), at)
        .await
        .unwrap()
}

/// Recounts the tallies from scratch.
async fn rebuild(db: &Db) {
    let mut conn = db.acquire().await.unwrap();
    db::tallies::rebuild(&mut conn).await.unwrap();
}

async fn a_signup_today_leaves_past_days_unchanged(db: Db) {
    person(&db, "ada@comune.it", &["dati"]).await;
    let app = TestApp::new(&db);
    let before_report = json(&app, "2024-05-06").await;
    let before_today = json(&app, "").await;
    let bea = crate::membership::form("bea@comune.it", &["imprese"]);
    let session = crate::membership::signed_up(&app, bea).await;
    let page = app
        .call(
            &JoinCommunity {
                comunita: "cittadini".into(),
            },
            Some(&session),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let after_today = json(&app, "").await;
    assert_eq!(json(&app, "2024-05-06").await, before_report);
    assert_eq!(
        after_today["iscrizioni"],
        before_today["iscrizioni"].as_i64().unwrap() + 2
    );
    assert_eq!(
        after_today["persone"],
        before_today["persone"].as_i64().unwrap() + 1
    );
    let page = app
        .call(
            &LeaveCommunity {
                comunita: "cittadini".into(),
            },
            Some(&session),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(
        json(&app, "").await["iscrizioni"],
        before_today["iscrizioni"].as_i64().unwrap() + 1
    );
}

async fn leaving_counts_from_its_day_and_rejoining_counts_again(db: Db) {
    // On 6 May 2024 Ada joins dati and documenti, Bea dati, Cleo (of another body) imprese.
    let ada = person(&db, "ada@comune.it", &["dati", "documenti"]).await;
    person(&db, "bea@comune.it", &["dati"]).await;
    let cleo = person(&db, "cleo@comune.it", &["imprese"]).await;
    sqlx::query("UPDATE people SET ente_code = 'ausl-parma' WHERE id = $1")
        .bind(&cleo.0)
        .execute(&db)
        .await
        .unwrap();
    rebuild(&db).await;
    assert!(leave(&db, &ada, "dati", "2024-05-08T10:00:00Z").await);
    assert!(leave(&db, &cleo, "imprese", "2024-05-09T10:00:00Z").await);
    assert!(leave(&db, &ada, "documenti", "2024-05-10T10:00:00Z").await);
    assert!(!leave(&db, &ada, "documenti", "2024-05-10T11:00:00Z").await);
    // Ada rejoins; Cleo joins and leaves within a day, which counts on no day.
    join(&db, &ada, "dati", "2024-05-12T10:00:00Z").await;
    join(&db, &cleo, "imprese", "2024-05-12T14:00:00Z").await;
    assert!(leave(&db, &cleo, "imprese", "2024-05-12T16:00:00Z").await);
    // Ada moves from dati to documenti on one day: a member throughout.
    assert!(leave(&db, &ada, "dati", "2024-05-14T09:00:00Z").await);
    join(&db, &ada, "documenti", "2024-05-14T11:00:00Z").await;
    let expected = [
        ("2024-05-05", (0, 0, 0)),
        ("2024-05-06", (4, 3, 2)),
        ("2024-05-07", (4, 3, 2)),
        ("2024-05-08", (3, 3, 2)),
        ("2024-05-09", (2, 2, 1)),
        ("2024-05-10", (1, 1, 1)),
        ("2024-05-11", (1, 1, 1)),
        ("2024-05-12", (2, 2, 1)),
        ("2024-05-13", (2, 2, 1)),
        ("2024-05-14", (2, 2, 1)),
    ];
    let app = TestApp::new(&db);
    let mut figures = Vec::new();
    for (day, totals_then) in expected {
        assert_eq!(totals(&db, day).await, totals_then, "{day}");
        let numbers = as_of(&db, day).await;
        let served: Numbers = serde_json::from_value(json(&app, day).await).unwrap();
        assert_eq!(served, numbers, "{day}");
        figures.push(numbers);
    }
    let on_8_may = &figures[3];
    let signups = |slug: &str| {
        let community = on_8_may.by_community.iter().find(|c| c.slug == slug);
        community.unwrap().signups
    };
    assert_eq!((signups("dati"), signups("documenti")), (1, 1));
    let rows = csv(&app, "2024-05-08").await;
    let key = (
        "comunita".to_owned(),
        "dati".to_owned(),
        "iscrizioni".to_owned(),
    );
    assert_eq!(rows[&key], 1);
    let key = (
        "andamento".to_owned(),
        "2024-05-08".to_owned(),
        "nuove".to_owned(),
    );
    assert_eq!(rows[&key], -1);
    // Counting everything again from the signups gives the same figures on every day.
    rebuild(&db).await;
    for ((day, _), numbers) in expected.iter().zip(&figures) {
        assert_eq!(&as_of(&db, day).await, numbers, "{day}");
    }
}

async fn erasure_removes_a_person_from_past_days(db: Db) {
    let ada = person(&db, "ada@comune.it", &["dati", "documenti"]).await;
    person(&db, "bea@comune.it", &["dati"]).await;
    assert!(leave(&db, &ada, "dati", "2024-05-08T10:00:00Z").await);
    assert_eq!(totals(&db, "2024-05-06").await, (3, 2, 1));
    assert_eq!(totals(&db, "2024-05-08").await, (2, 2, 1));
    let entry = Entry::system(AccountDeleted, &ada.0);
    db::erasure::erase(&db, &ada, "2024-05-10T10:00:00Z", &entry)
        .await
        .unwrap();
    for day in ["2024-05-06", "2024-05-08", "2024-05-10"] {
        assert_eq!(totals(&db, day).await, (1, 1, 1), "{day}");
    }
    let past: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM past_signups WHERE person_id = $1")
        .bind(&ada.0)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(past, 0);
}

/// Demo people leave communities the day after the report of 6 May 2024 and today: the report
/// says what it said, in the JSON, the CSV and the page, and today's figures lose them.
pub(super) async fn demo_people_leave(db: &Db, app: &TestApp) {
    let report = json(app, "2024-05-06").await;
    let rows = csv(app, "2024-05-06").await;
    let today = italian_today();
    let before = as_of(db, &today).await;
    let signups: Vec<(String, String)> = sqlx::query_as(
        "SELECT person_id, community_slug FROM signups WHERE created_on <= '2024-05-06' \
         ORDER BY person_id, community_slug",
    )
    .fetch_all(db)
    .await
    .unwrap();
    // Of the people counted in the report: every signup of the first three (who so leave every
    // community), then one each of the next five; the first leaves the day after, the rest today.
    let mut people: Vec<&str> = signups.iter().map(|(person, _)| person.as_str()).collect();
    people.dedup();
    let mut leaving: Vec<(&str, &str)> = signups
        .iter()
        .filter(|(person, _)| people[..3].contains(&person.as_str()))
        .map(|(person, community)| (person.as_str(), community.as_str()))
        .collect();
    for person in &people[3..8] {
        let (_, community) = signups.iter().find(|(p, _)| p == person).unwrap();
        leaving.push((person, community));
    }
    for (index, (person, community)) in leaving.iter().enumerate() {
        let at = match index {
            0 => "2024-05-07T08:00:00Z".to_owned(),
            _ => rfc3339_now(),
        };
        assert!(leave(db, &PersonId((*person).to_owned()), community, &at).await);
    }
    assert_eq!(json(app, "2024-05-06").await, report);
    assert_eq!(csv(app, "2024-05-06").await, rows);
    let page = app.get("/numeri?al=2024-05-06", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    for text in [">1.216<", ">522<", ">83<", ">176<", ">162<", ">154<"] {
        assert!(page.body.contains(text), "the page lacks {text}");
    }
    for day in ["2024-05-06", "2024-05-07", today.as_str()] {
        assert_recount(db, &Day::from_trusted(day.into())).await;
    }
    let after = as_of(db, &today).await;
    assert_eq!(after.signups, before.signups - leaving.len() as i64);
    assert!(after.people <= before.people - 3);
}
