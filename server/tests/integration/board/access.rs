//! Who may read and change the board, in which phase, and whose texts: through the real router
//! and real sessions.

use app::api::board::{Board, IntegratedActions, Synergies};
use app::domain::board::ops::BoardOp;
use app::domain::board::{Annotation, BoardView, Outcome};
use app::domain::cycle::Phase;
use app::domain::role::{Role, RoleKind};
use app::server::db::{self, Db};

use super::{YEAR, comment, events, id, submit, view};
use crate::support::Told::{Done, Login, Refused};
use crate::support::{TestApp, admin, lead, logged_in, ok, open_board, slug, told};

on_both_databases!(
    only_leads_and_regional_staff_read_and_write_the_board,
    the_board_takes_changes_only_in_the_cross_reading_and_final_re_reading,
    only_authors_change_their_texts_and_only_leads_resolve,
);

async fn only_leads_and_regional_staff_read_and_write_the_board(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let member = logged_in(&app, "Marta Dati", &["dati"], None).await;
    let validator = Role::global(RoleKind::Cner);
    let validator = logged_in(&app, "Paolo Benassi", &[], Some(validator)).await;
    let coordinator = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let referent = lead(&app, "Rocco Bassi", RoleKind::Referent, "imprese").await;
    let admin = admin(&app).await;
    let people = [
        ("visitor", None, Login),
        ("member", Some(&member), Refused),
        ("validator", Some(&validator), Refused),
        ("coordinator", Some(&coordinator), Done),
        ("referent", Some(&referent), Done),
        ("admin", Some(&admin), Done),
    ];
    for (n, (who, session, expected)) in people.into_iter().enumerate() {
        let session = session.map(String::as_str);
        assert_eq!(
            told(&app.call(&Board {}, session).await),
            expected,
            "{who} reads"
        );
        let pages = [
            app.call(&Synergies {}, session).await,
            app.call(&IntegratedActions {}, session).await,
        ];
        for page in pages {
            assert_eq!(told(&page), expected, "{who} reads the secondary pages");
        }
        let op = comment(&format!("nota{n:08}"), "imprese", "oc4s6", "Una nota.");
        let key = format!("chiave{n:06}");
        let page = submit(&app, session, &key, &op).await;
        assert_eq!(told(&page), expected, "{who} writes");
    }
    assert_eq!(events(&db).await, [1, 2, 3], "the three allowed wrote");

    let board = view(&app, &coordinator).await;
    assert_eq!(board.me.resolves, [slug("dati")]);
    assert!(board.me.can_write);
    assert_eq!(board.me.name, "Carla Neri");
    assert_eq!(board.plans.len(), 10, "every plan");
    assert_eq!(board.plans[1].community, slug("dati"), "in display order");
    let staff = view(&app, &admin).await;
    assert_eq!(
        staff.me.resolves.len(),
        10,
        "regional staff resolve anywhere"
    );
}

async fn the_board_takes_changes_only_in_the_cross_reading_and_final_re_reading(db: Db) {
    use Phase::*;
    let app = TestApp::new(&db);
    open_board(&db, Drafting).await;
    let coordinator = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let expected = [
        (Drafting, Refused, Refused),
        (Shared, Refused, Refused),
        (CrossReading, Done, Done),
        (FinalReading, Done, Done),
        (Validation, Done, Refused),
        (Approved, Done, Refused),
    ];
    for (n, (phase, reads, writes)) in expected.into_iter().enumerate() {
        if n > 0 {
            let from = Phase::ALL[n - 1];
            assert!(
                db::cycles::advance(&db, YEAR, from, "2024-05-20T07:00:00Z")
                    .await
                    .unwrap()
            );
        }
        let page = app.call(&Board {}, Some(&coordinator)).await;
        assert_eq!(told(&page), reads, "reading in {phase:?}");
        if reads == Done {
            let board: BoardView = ok(&page);
            assert_eq!(board.me.can_write, writes == Done, "{phase:?}");
        }
        let op = comment(&format!("nota{n:08}"), "dati", "ob69j", "Una nota.");
        let page = submit(&app, Some(&coordinator), &format!("chiave{n:06}"), &op).await;
        assert_eq!(told(&page), writes, "writing in {phase:?}");
    }
    assert_eq!(events(&db).await, [1, 2], "written in two phases only");
}

async fn only_authors_change_their_texts_and_only_leads_resolve(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let ivo = lead(&app, "Ivo Imprese", RoleKind::Coordinator, "imprese").await;
    let note = id("nota00000001");
    let reply = id("risposta00001");
    let create = comment(&note.0, "documenti", "okkn3", "Anche i dati dei verticali?");
    ok::<Annotation>(&submit(&app, Some(&carla), "chiave000001", &create).await);
    let answer = BoardOp::Reply {
        annotation: note.clone(),
        reply: reply.clone(),
        body: "Sì, nel censimento.".into(),
    };
    let before: Annotation = ok(&submit(&app, Some(&rocco), "chiave000002", &answer).await);

    let edit = |reply| BoardOp::Edit {
        annotation: note.clone(),
        reply,
        body: "Riscritto da altri.".into(),
    };
    let delete = |reply| BoardOp::Delete {
        annotation: note.clone(),
        reply,
    };
    let resolve = BoardOp::Resolve {
        annotation: note.clone(),
        outcome: Outcome::Parked,
        reason: String::new(),
    };
    let refused = [
        ("rocco edits carla's note", &rocco, edit(None)),
        ("rocco deletes carla's note", &rocco, delete(None)),
        (
            "carla edits rocco's reply",
            &carla,
            edit(Some(reply.clone())),
        ),
        (
            "carla deletes rocco's reply",
            &carla,
            delete(Some(reply.clone())),
        ),
        ("ivo resolves a thread on documenti", &ivo, resolve.clone()),
    ];
    for (n, (what, session, op)) in refused.iter().enumerate() {
        let page = submit(&app, Some(session), &format!("rifiuto{n:05}"), op).await;
        assert_eq!(told(&page), Refused, "{what}");
    }
    assert_eq!(events(&db).await, [1, 2], "nothing written");
    assert_eq!(view(&app, &carla).await.annotations, [before]);

    // The referent of the annotated plan resolves; the author reopens.
    let resolved: Annotation = ok(&submit(&app, Some(&rocco), "chiave000003", &resolve).await);
    assert!(!resolved.is_open());
    let reopen = BoardOp::Reopen { annotation: note };
    let reopened: Annotation = ok(&submit(&app, Some(&carla), "chiave000004", &reopen).await);
    assert!(reopened.is_open());
}
