//! The public figures: the demo reproduces the report of 6 May 2024 through the JSON, the CSV
//! and the page, also after people leave; the tallies always equal a recount; bad days are
//! refused with 400. Past days staying past: `numbers/history.rs`.

use std::collections::BTreeMap;

use app::domain::audit::AuditAction::{AccountDeleted, EnteMerged};
use app::domain::community::CommunitySlug;
use app::domain::numbers::{Day, Numbers};
use app::server::db::audit::Entry;
use app::server::db::{self, Db};
use axum::http::StatusCode;
use serde_json::Value;

use crate::support::{TestApp, person};

mod history;
mod recount;

use recount::assert_recount;

on_both_databases!(
    the_demo_reproduces_the_report_of_6_may_2024,
    tallies_equal_a_recount_after_every_kind_of_change,
    concurrent_changes_keep_the_tallies_exact,
    bad_days_are_refused_with_400,
);

async fn json(app: &TestApp, day: &str) -> Value {
    let page = app.get(&format!("/api/v1/numeri.json?al={day}"), &[]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    serde_json::from_str(&page.body).unwrap()
}

/// The CSV as `(section, code, measure) -> value`.
async fn csv(app: &TestApp, day: &str) -> BTreeMap<(String, String, String), i64> {
    let page = app.get(&format!("/api/v1/numeri.csv?al={day}"), &[]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let mut lines = page.body.lines();
    assert_eq!(
        lines.next(),
        Some("\"al\",\"sezione\",\"codice\",\"nome\",\"misura\",\"valore\"")
    );
    lines
        .map(|line| {
            let cells: Vec<String> = line
                .split("\",\"")
                .map(|cell| cell.trim_matches('"').to_owned())
                .collect();
            assert_eq!(cells[0], day);
            (
                (cells[1].clone(), cells[2].clone(), cells[4].clone()),
                cells[5].parse().unwrap(),
            )
        })
        .collect()
}

async fn the_demo_reproduces_the_report_of_6_may_2024(db: Db) {
    assert!(app::server::demo::load_if_empty(&db).await.unwrap());
    let app = TestApp::new(&db);
    let report = json(&app, "2024-05-06").await;
    assert_eq!(report["al"], "2024-05-06");
    assert_eq!(report["iscrizioni"], 1216);
    assert_eq!(report["enti"], 522);
    assert_eq!(report["persone_altri_enti"], 83);
    let communities: Vec<(String, i64)> = report["per_comunita"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["slug"].as_str().unwrap().to_owned(),
                c["iscrizioni"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(communities.len(), 10);
    assert_eq!(
        communities[..3],
        [
            ("documenti".to_owned(), 176),
            ("cybersecurity-e-cloud".to_owned(), 162),
            ("cittadini".to_owned(), 154)
        ]
    );
    assert!(communities[3..].iter().all(|(_, n)| *n < 154));
    assert_eq!(communities.iter().map(|(_, n)| n).sum::<i64>(), 1216);
    let provinces: Vec<&str> = report["per_provincia"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["sigla"].as_str().unwrap())
        .collect();
    assert_eq!(provinces[..4], ["BO", "RA", "MO", "FC"]);
    let by_day = report["andamento"].as_array().unwrap();
    assert_eq!(by_day.first().unwrap()["data"], "2024-04-02");
    assert_eq!(by_day.last().unwrap()["iscrizioni"], 1216);

    // The CSV says the same, figure by figure.
    let rows = csv(&app, "2024-05-06").await;
    let figure = |section: &str, code: &str, measure: &str| {
        rows[&(section.to_owned(), code.to_owned(), measure.to_owned())]
    };
    assert_eq!(figure("totale", "", "iscrizioni"), 1216);
    assert_eq!(figure("totale", "", "enti"), 522);
    assert_eq!(
        figure("totale", "", "persone"),
        report["persone"].as_i64().unwrap()
    );
    assert_eq!(figure("totale", "", "persone_altri_enti"), 83);
    for (slug, signups) in &communities {
        assert_eq!(figure("comunita", slug, "iscrizioni"), *signups);
    }
    for province in report["per_provincia"].as_array().unwrap() {
        let code = province["sigla"].as_str().unwrap();
        assert_eq!(
            figure("provincia", code, "iscrizioni"),
            province["iscrizioni"].as_i64().unwrap()
        );
        assert_eq!(
            figure("provincia", code, "enti"),
            province["enti"].as_i64().unwrap()
        );
    }

    // And the page, rendered on the server.
    let page = app.get("/numeri?al=2024-05-06", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    for text in [
        "Dati al 6 maggio 2024",
        ">1.216<",
        ">522<",
        ">83<",
        ">176<",
        ">162<",
        ">154<",
    ] {
        assert!(page.body.contains(text), "the page lacks {text}");
    }
    let people = app::domain::numbers::thousands(report["persone"].as_i64().unwrap());
    assert!(page.body.contains(&format!(">{people}<")));

    // Every figure equals a direct count of the signups.
    let day = Day::from_trusted("2024-05-06".into());
    assert_recount(&db, &day).await;

    // And the report stays exact after demo people leave, the day after it or today.
    history::demo_people_leave(&db, &app).await;
}

fn slug(slug: &str) -> CommunitySlug {
    CommunitySlug::parse(slug).unwrap()
}

async fn tallies_equal_a_recount_after_every_kind_of_change(db: Db) {
    let ada = person(&db, "ada@comune.it", &["dati", "documenti"]).await;
    let bea = person(&db, "bea@comune.it", &["dati"]).await;
    // A later join, then a leave of the person's first community.
    db::signups::join_one(&db, &ada, &slug("cittadini"), "2024-05-20T09:00:00Z")
        .await
        .unwrap();
    db::signups::leave(&db, &bea, &slug("dati"), "2024-05-20T10:00:00Z")
        .await
        .unwrap();
    db::signups::join_one(&db, &bea, &slug("imprese"), "2024-06-01T23:30:00Z")
        .await
        .unwrap();
    // A body named at signup, then merged into a registered one of another kind and province.
    let pending = app::domain::signup_form::ProposedEnte {
        name: "Azienda Speciale Nuova".into(),
        kind: app::domain::ente::EnteKind::Asp,
        province: Some(app::domain::ente::Province::Ravenna),
    };
    let pending_code = db::enti::insert_pending(&db, &pending).await.unwrap();
    let cleo = person(&db, "cleo@comune.it", &["imprese"]).await;
    sqlx::query("UPDATE people SET ente_code = $1 WHERE id = $2")
        .bind(&pending_code)
        .bind(&cleo.0)
        .execute(&db)
        .await
        .unwrap();
    let mut conn = db.acquire().await.unwrap();
    db::tallies::rebuild(&mut conn).await.unwrap();
    drop(conn);
    let days = [
        "2024-05-05",
        "2024-05-06",
        "2024-05-20",
        "2024-06-01",
        "2024-06-02",
    ];
    for day in days {
        assert_recount(&db, &Day::from_trusted(day.into())).await;
    }
    assert!(
        db::enti::merge(
            &db,
            &pending_code,
            "ausl-parma",
            &Entry::system(EnteMerged, &pending_code)
        )
        .await
        .unwrap()
    );
    // A deleted account.
    let deleted = Entry::system(AccountDeleted, &ada.0);
    db::erasure::erase(&db, &ada, "2024-06-03T10:00:00Z", &deleted)
        .await
        .unwrap();
    for day in days {
        assert_recount(&db, &Day::from_trusted(day.into())).await;
    }
    // 23:30 UTC on 1 June is 2 June in Italy.
    let numbers = db::numbers::as_of(&db, &Day::from_trusted("2024-06-01".into()))
        .await
        .unwrap();
    let later = db::numbers::as_of(&db, &Day::from_trusted("2024-06-02".into()))
        .await
        .unwrap();
    assert_eq!(later.signups, numbers.signups + 1);
}

async fn concurrent_changes_keep_the_tallies_exact(db: Db) {
    let mut people = Vec::new();
    for i in 0..8 {
        people.push(person(&db, &format!("p{i}@comune.it"), &["dati"]).await);
    }
    let mut leaving = Vec::new();
    for i in 0..4 {
        leaving.push(person(&db, &format!("e{i}@comune.it"), &["dati", "imprese"]).await);
    }
    // Each person joins three communities and leaves one, while others erase their accounts, all
    // at once.
    let mut changes = tokio::task::JoinSet::new();
    for id in leaving {
        let db = db.clone();
        changes.spawn(async move {
            let deleted = Entry::system(AccountDeleted, &id.0);
            db::erasure::erase(&db, &id, "2024-05-06T10:00:00Z", &deleted)
                .await
                .unwrap();
        });
    }
    for id in &people {
        for community in ["documenti", "cittadini", "imprese"] {
            let (db, id) = (db.clone(), id.clone());
            changes.spawn(async move {
                db::signups::join_one(&db, &id, &slug(community), "2024-05-06T08:00:00Z")
                    .await
                    .unwrap();
                db::signups::leave(&db, &id, &slug("dati"), "2024-05-06T12:00:00Z")
                    .await
                    .unwrap();
            });
        }
    }
    while let Some(done) = changes.join_next().await {
        done.unwrap();
    }
    let day = Day::from_trusted("2024-05-06".into());
    assert_recount(&db, &day).await;
    assert_eq!(db::numbers::as_of(&db, &day).await.unwrap().signups, 24);
}

async fn bad_days_are_refused_with_400(db: Db) {
    let app = TestApp::new(&db);
    let cases = [
        ("2024-02-30", "Questa data non esiste"),
        ("06-05-2024", "AAAA-MM-GG"),
        (
            "2024-05-06%27%3B%20DROP%20TABLE%20signups%3B--",
            "AAAA-MM-GG",
        ),
        ("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "AAAA-MM-GG"),
        ("9999-12-31", "successiva a oggi"),
    ];
    for (day, message) in cases {
        let page = app.get(&format!("/api/v1/numeri.json?al={day}"), &[]).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{day}");
        let body: Value = serde_json::from_str(&page.body).unwrap();
        assert!(
            body["errore"].as_str().unwrap().contains(message),
            "{day}: {body}"
        );
        let page = app.get(&format!("/api/v1/numeri.csv?al={day}"), &[]).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{day}");
        assert!(page.body.contains(message));
        let page = app.get(&format!("/numeri?al={day}"), &[]).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{day}");
        assert!(page.body.contains(message), "{day}");
        assert!(!page.body.contains("<script>alert"));
    }
    let numbers: Numbers =
        serde_json::from_str(&app.get("/api/v1/numeri.json", &[]).await.body).unwrap();
    assert_eq!(numbers.signups, 0);
}
