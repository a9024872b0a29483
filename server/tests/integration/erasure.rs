//! Erasure and export: the board never stores a name, an erased author reads as "Persona
//! cancellata" everywhere, their address leaves the outbox, the throttle and the reports, and
//! before that their export holds everything they wrote, as JSON and as a page.

use app::api::account::LogIn;
use app::api::personal_data::MyPersonalData;
use app::api::profile::DeleteAccount;
use app::domain::board::ops::BoardOp;
use app::domain::board::{Annotation, Outcome, Status};
use app::domain::cycle::Phase;
use app::domain::general_plan::{Assembled, SourceNote};
use app::domain::personal_data::PersonalData;
use app::domain::role::RoleKind;
use app::error::AppError;
use app::server::db::{self, Db};
use axum::http::StatusCode;

use crate::board::{comment, id, submit};
use crate::support::{BOARD_YEAR as YEAR, TestApp, lead, ok, open_board, slug};

on_both_databases!(
    an_erased_author_leaves_no_name_or_address_behind,
    the_export_holds_everything_the_person_wrote,
    names_stored_by_earlier_versions_are_forgotten,
);

const ROCCO: &str = "rocco.bassi@comune.it";
const ERASED: &str = "Persona cancellata";

/// Carla comments on the plan of `documenti`; Rocco, its referent, replies (with markup) and
/// closes the thread.
async fn thread(app: &TestApp) -> (String, String) {
    open_board(&app.state.db, Phase::CrossReading).await;
    let carla = lead(app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let note = id("nota00000001");
    let steps = [
        (
            &carla,
            comment(&note.0, "documenti", "os3mq", "Va collegato al catalogo."),
        ),
        (
            &rocco,
            BoardOp::Reply {
                annotation: note.clone(),
                reply: id("risposta00001"),
                body: "D'Alì <script>alert(1)</script> ne parla.".into(),
            },
        ),
        (
            &rocco,
            BoardOp::Resolve {
                annotation: note.clone(),
                outcome: Outcome::Accepted,
                reason: "Lo colleghiamo entro giugno.".into(),
            },
        ),
    ];
    for (n, (session, op)) in steps.into_iter().enumerate() {
        let page = submit(app, Some(session), &format!("chiave{n:06}"), &op).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    }
    (carla, rocco)
}

/// How many rows of `table` have `text` in `column`.
async fn rows_holding(db: &Db, table: &str, column: &str, text: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE LOWER({column}) LIKE $1");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(format!("%{}%", text.to_lowercase()))
        .fetch_one(db)
        .await
        .unwrap()
}

async fn annotation(db: &Db) -> Annotation {
    let all = db::board::annotations(db, YEAR).await.unwrap();
    all.into_iter().next().expect("the annotation")
}

async fn an_erased_author_leaves_no_name_or_address_behind(db: Db) {
    let app = TestApp::new(&db);
    let (_, rocco) = thread(&app).await;
    // Names are read from the accounts, never stored with the board.
    for table in ["board_annotations", "board_events"] {
        assert_eq!(rows_holding(&db, table, "snapshot", "Rocco").await, 0);
    }
    let shown = annotation(&db).await;
    assert_eq!(shown.replies[0].author.name, "Rocco Bassi");
    // A mistyped password leaves a throttle count under the address; mail waits for it.
    let wrong = LogIn {
        email: ROCCO.into(),
        password: "non-è-questa".into(),
        next: String::new(),
    };
    assert!(app.call(&wrong, None).await.error().is_some());
    sqlx::query(
        "INSERT INTO outbox (id, recipient, subject, body, created_at) \
         VALUES ('attesa', $1, 'Oggetto', 'Testo', 0)",
    )
    .bind(ROCCO)
    .execute(&db)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO accessibility_reports (id, name, email, page, message, created_at) \
         VALUES ('r1', 'Rocco Bassi', 'Rocco.Bassi@comune.it', '/numeri', 'Contrasto', 'ora')",
    )
    .execute(&db)
    .await
    .unwrap();
    assert_eq!(rows_holding(&db, "throttle", "key", ROCCO).await, 1);
    let assembled = Assembled {
        sources: vec![SourceNote {
            id: shown.id.0.clone(),
            community: slug("documenti"),
            item: "os3mq".into(),
            quote: String::new(),
            body: shown.body.clone(),
            author: "Carla Neri".into(),
        }],
        ..Assembled::default()
    };
    let quoted_reply_author = Assembled {
        sources: vec![SourceNote {
            author: "Rocco Bassi".into(),
            id: "altra".into(),
            ..assembled.sources[0].clone()
        }],
        ..Assembled::default()
    };
    for (number, assembled) in [(1, &assembled), (2, &quoted_reply_author)] {
        sqlx::query(
            "INSERT INTO general_plan_versions \
             (year, number, text, assembled, built_from, saved_at) VALUES ($1, $2, '{}', $3, '[]', 'ora')",
        )
        .bind(i64::from(YEAR))
        .bind(number)
        .bind(serde_json::to_string(assembled).unwrap())
        .execute(&db)
        .await
        .unwrap();
    }

    let delete = DeleteAccount {
        conferma: Some("on".into()),
    };
    assert_eq!(
        app.call(&delete, Some(&rocco)).await.location(),
        "/?account=eliminato"
    );

    let shown = annotation(&db).await;
    assert_eq!(shown.replies[0].author.name, ERASED);
    assert_eq!(shown.author.name, "Carla Neri");
    let Status::Resolved { by, .. } = &shown.status else {
        panic!("the thread stays closed");
    };
    assert_eq!(by.name, ERASED);
    let events = db::board::events_after(&db, Some(YEAR), 0, 10)
        .await
        .unwrap();
    let named: Vec<String> = events
        .into_iter()
        .filter_map(|(_, change)| change)
        .flat_map(|mut a| a.authors_mut().map(|x| x.name.clone()).collect::<Vec<_>>())
        .collect();
    assert!(named.contains(&ERASED.to_owned()) && named.iter().all(|n| !n.contains("Rocco")));
    for (table, column) in [
        ("people", "first_name || last_name || email"),
        ("outbox", "recipient"),
        ("throttle", "key"),
        ("accessibility_reports", "name || email"),
    ] {
        assert_eq!(
            rows_holding(&db, table, column, "rocco").await,
            0,
            "{table}"
        );
    }
    // Carla is quoted in the general plan and keeps her name; nothing there names Rocco (the
    // second version quotes an annotation he did not write, so it is left as it was).
    assert_eq!(
        rows_holding(&db, "general_plan_versions", "assembled", "Carla").await,
        1
    );
    assert_eq!(
        rows_holding(&db, "general_plan_versions", "assembled", "Rocco").await,
        1
    );
}

async fn the_export_holds_everything_the_person_wrote(db: Db) {
    let app = TestApp::new(&db);
    let (carla, rocco) = thread(&app).await;
    let edit = BoardOp::Edit {
        annotation: id("nota00000001"),
        reply: None,
        body: "Va collegato al catalogo regionale.".into(),
    };
    assert_eq!(
        submit(&app, Some(&carla), "chiave000009", &edit)
            .await
            .status,
        StatusCode::OK
    );
    sqlx::query(
        "INSERT INTO plan_versions (year, community_slug, number, content, saved_at, saved_by) \
         SELECT year, community_slug, 99, content, '2024-05-13T08:00:00Z', \
         (SELECT id FROM people WHERE email = 'carla.neri@comune.it') \
         FROM plan_versions WHERE year = $1 AND community_slug = 'dati' AND number = 1",
    )
    .bind(i64::from(YEAR))
    .execute(&db)
    .await
    .unwrap();

    let carla_data: PersonalData = ok(&app.call(&MyPersonalData {}, Some(&carla)).await);
    let [written] = carla_data.annotations.as_slice() else {
        panic!("one annotation: {:?}", carla_data.annotations);
    };
    assert_eq!(written.body, "Va collegato al catalogo regionale.");
    assert_eq!(written.history[0].body, "Va collegato al catalogo.");
    assert!(carla_data.replies.is_empty() && carla_data.outcomes.is_empty());
    assert_eq!(carla_data.plan_versions.len(), 1);
    assert_eq!(carla_data.plan_versions[0].number, 99);
    assert!(!carla_data.plan_versions[0].content.objectives.is_empty());

    let json = app.get_as("/profilo/dati.json", &rocco).await;
    assert_eq!(json.status, StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(data["profilo"]["email"], ROCCO);
    assert_eq!(
        data["risposte"][0]["testo"],
        "D'Alì <script>alert(1)</script> ne parla."
    );
    assert_eq!(data["esiti"][0]["esito"], "accolta");
    assert_eq!(
        data["esiti"][0]["motivazione"],
        "Lo colleghiamo entro giugno."
    );
    assert_eq!(data["annotazioni"].as_array().map(Vec::len), Some(0));
    assert_eq!(data["iscrizioni"][0]["comunita"], "documenti");

    let page = app.get_as("/profilo/dati", &rocco).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Lo colleghiamo entro giugno."));
    assert!(
        page.body.contains("D&#x27;Alì &lt;script&gt;")
            || page.body.contains("D'Alì &lt;script&gt;")
    );
    assert!(!page.body.contains("<script>alert(1)"));
    assert_eq!(
        app.get("/profilo/dati.json", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
    let visitor = app.call(&MyPersonalData {}, None).await;
    assert_eq!(visitor.error(), Some(AppError::LoginRequired));
}

async fn names_stored_by_earlier_versions_are_forgotten(db: Db) {
    let app = TestApp::new(&db);
    thread(&app).await;
    let named = annotation(&db).await;
    let json = serde_json::to_string(&named).unwrap();
    assert!(json.contains("Rocco Bassi"));
    for table in ["board_annotations", "board_events"] {
        let sql =
            format!("UPDATE {table} SET snapshot = $1 WHERE id = (SELECT MAX(id) FROM {table})");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(&json)
            .execute(&db)
            .await
            .unwrap();
    }
    assert_eq!(
        rows_holding(&db, "board_events", "snapshot", "Rocco").await,
        1
    );

    assert_eq!(db::board::forget_stored_names(&db).await.unwrap(), 2);
    for table in ["board_annotations", "board_events"] {
        assert_eq!(rows_holding(&db, table, "snapshot", "Rocco").await, 0);
    }
    assert_eq!(annotation(&db).await, named);
    assert_eq!(db::board::forget_stored_names(&db).await.unwrap(), 0);
}
