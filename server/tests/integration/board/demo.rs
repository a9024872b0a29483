//! The demo's board of 2024: loaded with the demo, on real passages of the plans, with
//! threads in every state, synergies between the plans that overlap and one integrated action.

use app::api::board::{IntegratedActions, Synergies};
use app::domain::board::anchor::{Placement, locate};
use app::domain::board::pages::{IntegratedPage, SynergyPage};
use app::domain::board::{AnnotationKind, Outcome, Status};
use app::domain::cycle::Phase;
use app::server::db::Db;
use app::server::demo::{self, DEMO_PASSWORD};

use super::{YEAR, changes_after, view};
use crate::support::{TestApp, log_in, ok, slug};

on_both_databases!(the_demo_board_has_threads_synergies_and_an_integrated_action);

async fn the_demo_board_has_threads_synergies_and_an_integrated_action(db: Db) {
    assert!(demo::load_if_empty(&db).await.unwrap());
    let app = TestApp::new(&db);
    let session = log_in(&app, "coordinatore.dati@comtem.demo", DEMO_PASSWORD).await;
    let board = view(&app, &session).await;
    assert_eq!((board.year, board.phase), (YEAR, Phase::CrossReading));
    assert!((10..=14).contains(&board.annotations.len()));
    let events = changes_after(&db, YEAR, 0, 1000).await;
    assert_eq!(board.last_event, i64::try_from(events.len()).unwrap());

    for note in &board.annotations {
        let plan = board.plan(&note.community).expect("an annotated plan");
        let placement = locate(&note.anchor, &plan.content);
        assert_ne!(placement, Placement::Detached, "{} lands", note.id.0);
        assert!(
            note.author.name.contains(' '),
            "{} has a named author",
            note.id.0
        );
        assert!(
            note.created_at.starts_with("2024-05-1"),
            "{}",
            note.created_at
        );
    }
    let outcome = |outcome: Outcome| {
        let resolved = |note: &&app::domain::board::Annotation| {
            matches!(&note.status, Status::Resolved { outcome: o, reason, .. }
                if *o == outcome && !reason.is_empty())
        };
        board.annotations.iter().filter(resolved).count()
    };
    assert!(outcome(Outcome::Accepted) >= 1);
    assert_eq!(
        outcome(Outcome::Rejected),
        1,
        "one rejected, with its reason"
    );
    assert_eq!(outcome(Outcome::Parked), 1);
    let lively = |note: &app::domain::board::Annotation| note.is_open() && note.replies.len() == 2;
    assert!(
        board.annotations.iter().any(lively),
        "an open thread of two replies"
    );
    for kind in AnnotationKind::ALL {
        assert!(
            board.annotations.iter().any(|note| note.kind == *kind),
            "{kind:?}"
        );
    }

    let synergies: SynergyPage = ok(&app.call(&Synergies {}, Some(&session)).await);
    let matrix = &synergies.matrix;
    let at = |community: &str| {
        matrix
            .communities
            .iter()
            .position(|c| *c == slug(community))
    };
    for (one, other) in [
        ("documenti", "dati"),
        ("cybersecurity-e-cloud", "integrazioni-digitali"),
        ("digital-gender-gap", "facilitazione-digitale"),
        ("internet-of-things", "dati"),
    ] {
        let (i, j) = (at(one).unwrap(), at(other).unwrap());
        assert!(matrix.counts[i][j] >= 1, "{one} and {other}");
        assert_eq!(matrix.counts[i][j], matrix.counts[j][i]);
    }

    let integrated: IntegratedPage = ok(&app.call(&IntegratedActions {}, Some(&session)).await);
    let [action] = integrated.actions.as_slice() else {
        panic!("one integrated action: {:?}", integrated.actions);
    };
    assert_eq!(action.lead, slug("dati"));
    assert_eq!(action.communities, [slug("dati"), slug("documenti")]);
    let items: Vec<(&str, &str)> = action
        .items
        .iter()
        .map(|item| (item.community.as_str(), item.item.0.as_str()))
        .collect();
    assert!(items.contains(&("dati", "a2suk")), "{items:?}");
    assert!(items.contains(&("documenti", "agyw2")), "{items:?}");
    assert_eq!(integrated.sources.len(), action.sources.len());

    // Loading the board again changes nothing: each step has its key.
    demo::board::load(&db).await.unwrap();
    let again = changes_after(&db, YEAR, 0, 1000).await;
    assert_eq!(again, events);
}
