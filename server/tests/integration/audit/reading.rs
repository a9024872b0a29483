//! Reading the audit log: only regional staff, on the page and as CSV; filters and pages; a
//! change that fails or is rolled back leaves no row, and the database refuses to change one.

use app::api::admin::RevokeRole;
use app::api::plans::AdvanceCycle;
use app::domain::audit::{AuditAction, AuditPage, AuditRecord};
use app::domain::cycle::Phase;
use app::domain::role::{Role, RoleKind};
use app::server::clock::italian_today;
use app::server::db::{self, Db, audit::Entry};
use axum::http::StatusCode;

use super::{filter, pending, rows};
use crate::support::Told::{Login, Refused};
use crate::support::{
    BOARD_YEAR, TestApp, admin, lead, logged_in, ok, open_board, person, slug, told,
};

on_both_databases!(
    only_regional_staff_read_the_log,
    a_failed_or_rolled_back_change_leaves_no_row,
    filters_select_and_pages_follow,
);

async fn only_regional_staff_read_the_log(db: Db) {
    let app = TestApp::new(&db);
    let staff = admin(&app).await;
    let coordinator = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let member = logged_in(&app, "Marta Dati", &["dati"], None).await;
    let all = filter("", "", "", "", 1);
    assert_eq!(told(&app.call(&all, None).await), Login);
    for session in [&coordinator, &member] {
        assert_eq!(told(&app.call(&all, Some(session)).await), Refused);
        let csv = app.get_as("/amministrazione/registro.csv", session).await;
        assert_eq!(csv.status, StatusCode::FORBIDDEN);
        assert!(!csv.body.contains("\"accesso\""));
    }
    let visitor = app.get("/amministrazione/registro.csv", &[]).await;
    assert_eq!(visitor.status, StatusCode::UNAUTHORIZED);

    let csv = app
        .get_as(
            "/amministrazione/registro.csv?azione=accesso&chi=neri",
            &staff,
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, AuditRecord::CSV_HEADER);
    let lines: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(lines.len(), 1, "Carla's login alone: {}", csv.body);
    assert_eq!(&lines[0][2], "accesso");
    assert_eq!(&lines[0][4], "Carla Neri");
    assert!(
        lines[0][1].starts_with(&italian_today()),
        "{}",
        &lines[0][1]
    );

    let page = app
        .get_as("/amministrazione/registro?azione=accesso", &staff)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Registro delle attività"));
    assert!(page.body.contains("Carla Neri"));
    let admin_page = app.get_as("/amministrazione", &staff).await;
    assert!(
        admin_page
            .body
            .contains("href=\"/amministrazione/registro\"")
    );
}

async fn a_failed_or_rolled_back_change_leaves_no_row(db: Db) {
    let app = TestApp::new(&db);
    let staff = admin(&app).await;
    let target = person(&db, "bersaglio@comune.it", &["dati"]).await;
    let revoke = RevokeRole {
        persona: target.0.clone(),
        ruolo: "coordinator".into(),
        comunita: "dati".into(),
    };
    assert_eq!(
        app.call(&revoke, Some(&staff)).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        rows(&app, &staff, AuditAction::RoleRevoked)
            .await
            .is_empty()
    );

    // A change and its row, rolled back together.
    let role = Role::in_community(RoleKind::Referent, slug("dati"));
    let mut tx = db.begin().await.unwrap();
    assert!(
        db::roles::grant(&mut *tx, &target, &role, "2024-05-06T10:00:00Z")
            .await
            .unwrap()
    );
    let entry = Entry::system(AuditAction::RoleGranted, &target.0);
    db::audit::record(&mut tx, &entry).await.unwrap();
    tx.rollback().await.unwrap();
    assert!(
        rows(&app, &staff, AuditAction::RoleGranted)
            .await
            .is_empty()
    );
    assert!(db::roles::of(&db, &target).await.unwrap().is_empty());

    // A merge that finds nothing to merge writes nothing either.
    let code = pending(&db, "Ente Orfano").await;
    let entry = Entry::system(AuditAction::EnteMerged, &code);
    assert!(
        !db::enti::merge(&db, &code, "non-esiste", &entry)
            .await
            .unwrap()
    );
    assert!(rows(&app, &staff, AuditAction::EnteMerged).await.is_empty());

    // A second click on the same phase button moves nothing and records nothing.
    open_board(&db, Phase::Drafting).await;
    let advance = AdvanceCycle {
        anno: BOARD_YEAR,
        fase: "redazione".into(),
    };
    let _: () = ok(&app.call(&advance, Some(&staff)).await);
    assert_eq!(
        app.call(&advance, Some(&staff)).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        rows(&app, &staff, AuditAction::PhaseAdvanced).await.len(),
        1
    );

    // Nor does the database let a row be changed or removed.
    for sql in [
        "UPDATE audit_log SET target = 'altro'",
        "DELETE FROM audit_log",
    ] {
        assert!(sqlx::query(sql).execute(&db).await.is_err(), "{sql}");
    }
    assert_eq!(rows(&app, &staff, AuditAction::Login).await.len(), 1);
}

async fn filters_select_and_pages_follow(db: Db) {
    let app = TestApp::new(&db);
    let staff = admin(&app).await;
    for n in 0..60 {
        let mut tx = db.begin().await.unwrap();
        let entry = Entry::system(AuditAction::EnteValidated, &format!("ente-{n}"));
        db::audit::record(&mut tx, &entry).await.unwrap();
        tx.commit().await.unwrap();
    }
    let first: AuditPage = ok(&app
        .call(&filter("ente-validato", "", "", "", 1), Some(&staff))
        .await);
    assert_eq!((first.records.len(), first.more), (50, true));
    assert_eq!(first.records[0].target, "ente-59", "newest first");
    assert_eq!(first.records[0].actor_id, None, "done by the system");
    let second: AuditPage = ok(&app
        .call(&filter("ente-validato", "", "", "", 2), Some(&staff))
        .await);
    assert_eq!((second.records.len(), second.more), (10, false));
    assert_eq!(second.records[9].target, "ente-0");

    let mine: AuditPage = ok(&app
        .call(&filter("", "GIULIA", "", "", 1), Some(&staff))
        .await);
    assert_eq!(mine.records.len(), 1, "her login");
    assert_eq!(mine.records[0].action, AuditAction::Login);
    let wildcard: AuditPage = ok(&app.call(&filter("", "%", "", "", 1), Some(&staff)).await);
    assert!(wildcard.records.is_empty(), "% is taken literally");

    let today = italian_today();
    let today_only: AuditPage = ok(&app
        .call(&filter("", "", &today, &today, 1), Some(&staff))
        .await);
    assert_eq!(today_only.records.len(), 50);
    let past: AuditPage = ok(&app
        .call(&filter("", "", "2020-01-01", "2020-12-31", 1), Some(&staff))
        .await);
    assert!(past.records.is_empty());
    let bad = app.call(&filter("", "", "ieri", "", 1), Some(&staff)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}
