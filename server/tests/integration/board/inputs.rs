//! Hostile and mistaken input on the board: refused with 422 and nothing stored; markup and
//! SQL kept as text; annotations whose text left the plan stay on the board.

use app::domain::board::anchor::{Placement, field, locate};
use app::domain::board::ops::BoardOp;
use app::domain::board::{Anchor, Annotation, AnnotationKind, Outcome, Status};
use app::domain::cycle::Phase;
use app::domain::role::RoleKind;
use app::error::AppError;
use app::server::db::{self, Db, plans::Saved};
use axum::http::StatusCode;

use super::{YEAR, comment, events, id, new, proposal, submit, synergy, view};
use crate::support::{TestApp, lead, ok, open_board, slug};

on_both_databases!(
    hostile_changes_are_refused_and_store_nothing,
    markup_and_sql_round_trip_as_text,
    annotations_whose_item_left_the_plan_stay_on_the_board,
);

async fn hostile_changes_are_refused_and_store_nothing(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let note = "nota00000001";
    let existing = comment(note, "documenti", "os3mq", "Una nota.");
    ok::<Annotation>(&submit(&app, Some(&carla), "chiave000001", &existing).await);

    let on_note = |body: &str| BoardOp::Reply {
        annotation: id(note),
        reply: id("risposta00001"),
        body: body.into(),
    };
    let mut passage = new(
        "nota00000002",
        "dati",
        "ob69j",
        AnnotationKind::Comment,
        "Sì.",
    );
    passage.anchor.field = "inesistente".into();
    let mut unknown_plan = new(
        "nota00000002",
        "dati",
        "ob69j",
        AnnotationKind::Comment,
        "Sì.",
    );
    unknown_plan.community = slug("non-esiste");
    let mut lonely = new(
        "nota00000002",
        "dati",
        "ob69j",
        AnnotationKind::Synergy,
        "Sì.",
    );
    lonely.synergy = None;
    let ok_key = "chiave000002";
    #[rustfmt::skip]
    let cases: Vec<(&str, &str, BoardOp, &str)> = vec![
        ("an empty comment", ok_key, comment("nota00000002", "dati", "ob69j", ""), "testo"),
        ("a blank comment", ok_key, comment("nota00000002", "dati", "ob69j", " \n "), "testo"),
        ("4001 characters", ok_key, comment("nota00000002", "dati", "ob69j", &"è".repeat(4001)), "testo"),
        ("a NUL", ok_key, comment("nota00000002", "dati", "ob69j", "a\u{0}b"), "testo"),
        ("a bell", ok_key, comment("nota00000002", "dati", "ob69j", "a\u{7}b"), "testo"),
        ("an empty reply", ok_key, on_note(""), "testo"),
        ("a reply of 4001 characters", ok_key, on_note(&"x".repeat(4001)), "testo"),
        ("an id in capitals", ok_key, comment("NOTA00000002", "dati", "ob69j", "Sì."), "id"),
        ("a short id", ok_key, comment("nota2", "dati", "ob69j", "Sì."), "id"),
        ("a path for an id", ok_key, comment("../../etc/passwd", "dati", "ob69j", "Sì."), "id"),
        ("a malformed reply id", ok_key, BoardOp::Reply { annotation: id(note), reply: id("r'; --"), body: "Sì.".into() }, "id"),
        ("a short key", "chiave", comment("nota00000002", "dati", "ob69j", "Sì."), "chiave"),
        ("SQL for a key", "'; DROP TABLE board_events; --", comment("nota00000002", "dati", "ob69j", "Sì."), "chiave"),
        ("an unknown community", ok_key, BoardOp::Create(unknown_plan), "ancora"),
        ("a missing item", ok_key, comment("nota00000002", "dati", "onessuno", "Sì."), "ancora"),
        ("a missing field", ok_key, BoardOp::Create(passage), "ancora"),
        ("a synergy with its own plan", ok_key, synergy("nota00000002", ("dati", "ob69j"), ("dati", "o56v7")), "sinergia"),
        ("a synergy to a missing item", ok_key, synergy("nota00000002", ("dati", "ob69j"), ("documenti", "onessuno")), "sinergia"),
        ("a synergy to an indicator", ok_key, synergy("nota00000002", ("dati", "ob69j"), ("documenti", "ih3l1")), "sinergia"),
        ("a synergy to an unknown plan", ok_key, synergy("nota00000002", ("dati", "ob69j"), ("boh", "o1")), "sinergia"),
        ("a synergy from the context", ok_key, synergy("nota00000002", ("dati", "contesto"), ("documenti", "os3mq")), "ancora"),
        ("a synergy without a target", ok_key, BoardOp::Create(lonely), "sinergia"),
        ("a proposal without another community", ok_key, proposal("nota00000002", "dati", "ob69j", &["dati"]), "comunita"),
        ("a proposal with an unknown community", ok_key, proposal("nota00000002", "dati", "ob69j", &["dati", "boh"]), "comunita"),
        ("a rejection without a reason", ok_key, BoardOp::Resolve { annotation: id(note), outcome: Outcome::Rejected, reason: " ".into() }, "motivo"),
    ];
    for (what, key, op, field) in cases {
        let page = submit(&app, Some(&carla), key, &op).await;
        assert_eq!(
            page.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{what}: {}",
            page.body
        );
        let error = page
            .error()
            .unwrap_or_else(|| panic!("{what}: {}", page.body));
        let rejection = error
            .rejection()
            .unwrap_or_else(|| panic!("{what}: {error:?}"));
        assert!(rejection.problem(field).is_some(), "{what}: {rejection:?}");
    }
    assert_eq!(events(&db).await, [1], "nothing stored");
    let board = view(&app, &carla).await;
    assert_eq!(board.annotations.len(), 1);
    assert!(board.annotations[0].replies.is_empty());

    // Changing what does not exist is not found.
    let missing = BoardOp::Reopen {
        annotation: id("nota00000009"),
    };
    let page = submit(&app, Some(&carla), "chiave000003", &missing).await;
    assert_eq!(
        (page.status, page.error()),
        (StatusCode::NOT_FOUND, Some(AppError::NotFound))
    );
}

async fn markup_and_sql_round_trip_as_text(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let texts = [
        "<script>alert('nota')</script>",
        "Nicolò D'Alì & «amici» 🎉",
        "'; DROP TABLE board_events; --",
    ];
    for (n, text) in texts.iter().enumerate() {
        let mut create = new(
            &format!("nota{n:08}"),
            "dati",
            "ob69j",
            AnnotationKind::Proposal,
            text,
        );
        create.proposal = Some(app::domain::board::Proposal {
            title: (*text).into(),
            communities: vec![slug("dati"), slug("documenti")],
        });
        let note: Annotation = ok(&submit(
            &app,
            Some(&carla),
            &format!("chiave{n:06}"),
            &BoardOp::Create(create),
        )
        .await);
        let reply = BoardOp::Reply {
            annotation: note.id.clone(),
            reply: id(&format!("risposta{n:06}")),
            body: (*text).into(),
        };
        ok::<Annotation>(&submit(&app, Some(&carla), &format!("risposta{n:06}"), &reply).await);
        let reject = BoardOp::Resolve {
            annotation: note.id,
            outcome: Outcome::Rejected,
            reason: (*text).into(),
        };
        ok::<Annotation>(&submit(&app, Some(&carla), &format!("rifiuto{n:05}"), &reject).await);
    }
    let board = view(&app, &carla).await;
    assert_eq!(board.annotations.len(), 3);
    for (note, text) in board.annotations.iter().zip(texts) {
        assert_eq!(note.body, text);
        assert_eq!(note.proposal.as_ref().map(|p| p.title.as_str()), Some(text));
        assert_eq!(note.replies[0].body, text);
        match &note.status {
            Status::Resolved { reason, .. } => assert_eq!(reason, text),
            Status::Open => panic!("still open"),
        }
    }
    assert_eq!(
        events(&db).await.len(),
        9,
        "the events table is still there"
    );
}

async fn annotations_whose_item_left_the_plan_stay_on_the_board(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let (_, documenti) = app::server::demo::plans::plans()
        .unwrap()
        .into_iter()
        .find(|(slug, _)| slug.as_str() == "documenti")
        .unwrap();
    let text = &documenti.actions[5].description;
    let start = text.find("metadati obbligatori").unwrap();
    let start = text[..start].chars().count();
    let mut quoted = new(
        "nota00000001",
        "documenti",
        "agyw2",
        AnnotationKind::Comment,
        "Bene.",
    );
    quoted.anchor = Anchor::passage("agyw2", field::DESCRIPTION, text, start, start + 20);
    assert_eq!(quoted.anchor.quote, "metadati obbligatori");
    let quoted: Annotation =
        ok(&submit(&app, Some(&carla), "chiave000001", &BoardOp::Create(quoted)).await);
    let linked = synergy("nota00000002", ("dati", "a2suk"), ("documenti", "agyw2"));
    let linked: Annotation = ok(&submit(&app, Some(&carla), "chiave000002", &linked).await);

    // In the final re-reading the action goes, in a new version of the plan.
    assert!(
        db::cycles::advance(&db, YEAR, Phase::CrossReading, "2024-05-15T06:00:00Z")
            .await
            .unwrap()
    );
    let mut edited = documenti.clone();
    edited.actions.retain(|action| action.id.0 != "agyw2");
    let at = "2024-05-16T08:00:00Z";
    let saved = db::plans::save(&db, YEAR, &slug("documenti"), 1, &edited, None, at).await;
    assert_eq!(saved.unwrap(), Saved::Yes);

    let board = view(&app, &carla).await;
    assert_eq!(board.plan(&slug("documenti")).unwrap().version, 2);
    assert_eq!(
        board.annotations,
        [quoted.clone(), linked],
        "both kept, unchanged"
    );
    assert_eq!(locate(&quoted.anchor, &edited), Placement::Detached);
    assert!(matches!(
        locate(&quoted.anchor, &documenti),
        Placement::Passage { .. }
    ));
}
