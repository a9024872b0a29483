//! Every change is one event, in order; a retried submit applies once, and only for its
//! author; concurrent submits get consecutive events and none is lost; an unreadable stored
//! annotation does not stop the board from loading.

use app::domain::board::ops::BoardOp;
use app::domain::board::{Annotation, Outcome};
use app::domain::cycle::Phase;
use app::domain::role::RoleKind;
use app::server::db::{self, Db};
use axum::http::StatusCode;

use super::{YEAR, changes_after, comment, events, id, submit, view};
use crate::support::{TestApp, lead, ok, open_board};

on_both_databases!(
    each_change_appends_one_event_in_order,
    a_retried_submit_applies_once_and_only_for_its_author,
    concurrent_submits_get_consecutive_events_and_none_is_lost,
    an_unreadable_annotation_is_passed_over,
);

async fn each_change_appends_one_event_in_order(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let (note, reply) = (id("nota00000001"), id("risposta00001"));
    let steps = [
        (
            &carla,
            comment(&note.0, "documenti", "os3mq", "Va collegato al catalogo."),
        ),
        (
            &rocco,
            BoardOp::Reply {
                annotation: note.clone(),
                reply: reply.clone(),
                body: "D'accordo, ne parliamo.".into(),
            },
        ),
        (
            &carla,
            BoardOp::Edit {
                annotation: note.clone(),
                reply: None,
                body: "Va collegato al catalogo regionale.".into(),
            },
        ),
        (
            &rocco,
            BoardOp::Delete {
                annotation: note.clone(),
                reply: Some(reply.clone()),
            },
        ),
        (
            &rocco,
            BoardOp::Resolve {
                annotation: note.clone(),
                outcome: Outcome::Accepted,
                reason: String::new(),
            },
        ),
        (
            &carla,
            BoardOp::Reopen {
                annotation: note.clone(),
            },
        ),
    ];
    let mut seen = Vec::new();
    for (n, (session, op)) in steps.iter().enumerate() {
        let key = format!("passo{n:07}");
        let after: Annotation = ok(&submit(&app, Some(session), &key, op).await);
        assert_eq!(after.id, note);
        assert_eq!(db::board::latest_event(&db).await.unwrap(), after.event);
        seen.push(after);
    }
    let numbers: Vec<i64> = seen.iter().map(|a| a.event).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6], "one event per change, growing");
    let changes = changes_after(&db, YEAR, 0, 100).await;
    assert_eq!(changes, seen, "the events are the snapshots, in order");

    let last = seen.last().unwrap();
    assert!(last.is_open(), "reopened");
    assert_eq!(last.body, "Va collegato al catalogo regionale.");
    assert_eq!(last.history.len(), 1, "the first text is kept");
    assert!(last.replies[0].deleted, "the reply is deleted, not dropped");
    let board = view(&app, &carla).await;
    assert_eq!(
        (board.annotations.as_slice(), board.last_event),
        (std::slice::from_ref(last), 6)
    );

    let after = |since, limit| changes_after(&db, YEAR, since, limit);
    let events_of = |changes: Vec<Annotation>| changes.iter().map(|a| a.event).collect::<Vec<_>>();
    assert_eq!(events_of(after(0, 2).await), [1, 2], "at most the limit");
    assert_eq!(events_of(after(4, 100).await), [5, 6]);
    assert!(after(6, 100).await.is_empty());
    let other_year = changes_after(&db, YEAR + 1, 0, 100).await;
    assert!(other_year.is_empty(), "each year's board is apart");

    // An event whose snapshot cannot be read is passed over; the ones after it still come.
    sqlx::query("UPDATE board_events SET snapshot = 'non è JSON' WHERE id = 5")
        .execute(&db)
        .await
        .unwrap();
    let read = db::board::events_after(&db, Some(YEAR), 4, 100)
        .await
        .unwrap();
    let read: Vec<_> = read.iter().map(|(id, c)| (*id, c.is_some())).collect();
    assert_eq!(read, [(5, false), (6, true)]);
    assert_eq!(events_of(after(0, 100).await), [1, 2, 3, 4, 6]);
}

async fn a_retried_submit_applies_once_and_only_for_its_author(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let create = comment("nota00000001", "documenti", "os3mq", "Prima nota.");
    let first: Annotation = ok(&submit(&app, Some(&carla), "chiave000001", &create).await);
    let again: Annotation = ok(&submit(&app, Some(&carla), "chiave000001", &create).await);
    assert_eq!(again, first, "the same result");
    assert_eq!(events(&db).await, [1], "one event");

    let reply = BoardOp::Reply {
        annotation: first.id.clone(),
        reply: id("risposta00001"),
        body: "Una risposta.".into(),
    };
    let replied: Annotation = ok(&submit(&app, Some(&rocco), "chiave000002", &reply).await);
    let retried: Annotation = ok(&submit(&app, Some(&rocco), "chiave000002", &reply).await);
    assert_eq!((retried.replies.len(), retried.event), (1, 2), "one reply");
    assert_eq!(retried, replied);
    // A late retry of the first submit answers with the annotation as it is now.
    let late: Annotation = ok(&submit(&app, Some(&carla), "chiave000001", &create).await);
    assert_eq!(late, replied);

    // Someone else's key is refused, whatever the change.
    for op in [&create, &reply] {
        let page = submit(&app, Some(&rocco), "chiave000001", op).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    }
    assert_eq!(events(&db).await, [1, 2], "nothing more was written");
}

async fn concurrent_submits_get_consecutive_events_and_none_is_lost(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let mut submits = tokio::task::JoinSet::new();
    for n in 0..20 {
        let (app, session) = (app.clone(), [&carla, &rocco][n % 2].clone());
        let op = comment(
            &format!("nota{n:08}"),
            "dati",
            "ob69j",
            &format!("Nota {n}."),
        );
        submits.spawn(async move {
            let key = format!("chiave{n:06}");
            let done: Annotation = ok(&submit(&app, Some(&session), &key, &op).await);
            done
        });
    }
    let mut numbers = Vec::new();
    while let Some(done) = submits.join_next().await {
        numbers.push(done.unwrap().event);
    }
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=20).collect::<Vec<i64>>(),
        "consecutive, each once"
    );
    let changes = changes_after(&db, YEAR, 0, 100).await;
    let in_order: Vec<i64> = changes.iter().map(|a| a.event).collect();
    assert_eq!(in_order, numbers, "stored in event order");
    let mut notes: Vec<&str> = changes.iter().map(|a| a.id.0.as_str()).collect();
    notes.sort_unstable();
    notes.dedup();
    assert_eq!(notes.len(), 20, "none lost");
    assert_eq!(view(&app, &carla).await.annotations.len(), 20);
}

async fn an_unreadable_annotation_is_passed_over(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    for n in 1..=2 {
        let op = comment(&format!("nota{n:08}"), "dati", "ob69j", "Nota.");
        let page = submit(&app, Some(&carla), &format!("chiave{n:06}"), &op).await;
        assert_eq!(page.status, StatusCode::OK);
    }
    sqlx::query("UPDATE board_annotations SET snapshot = '{\"rotto' WHERE id = 'nota00000001'")
        .execute(&db)
        .await
        .unwrap();
    let left = view(&app, &carla).await.annotations;
    let ids: Vec<&str> = left.iter().map(|a| a.id.0.as_str()).collect();
    assert_eq!(
        ids,
        ["nota00000002"],
        "the readable one shows, the broken one is passed over"
    );
}
