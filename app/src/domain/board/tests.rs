//! Applying changes to the board a browser holds.

use super::*;

/// An open annotation `id` on the plan of `community`, by Ada, at board event `event`.
pub(super) fn annotation(
    id: &str,
    community: &str,
    kind: AnnotationKind,
    event: i64,
) -> Annotation {
    Annotation {
        id: AnnotationId(id.into()),
        year: 2025,
        community: slug(community),
        anchor: Anchor::whole("o1"),
        kind,
        body: format!("Testo di {id}"),
        synergy: None,
        proposal: None,
        author: Author {
            id: PersonId("ada".into()),
            name: "Ada Rossi".into(),
        },
        created_at: format!("2025-03-10T09:00:{:02}Z", event % 60),
        history: Vec::new(),
        deleted: false,
        status: Status::Open,
        replies: Vec::new(),
        event,
    }
}

pub(super) fn slug(text: &str) -> CommunitySlug {
    CommunitySlug::parse(text).expect("slug")
}

fn board(annotations: Vec<Annotation>, last_event: i64) -> BoardView {
    BoardView {
        year: 2025,
        phase: Phase::CrossReading,
        plans: Vec::new(),
        annotations,
        last_event,
        me: BoardMe {
            person_id: PersonId("ada".into()),
            name: "Ada Rossi".into(),
            resolves: Vec::new(),
            can_write: true,
            mentionable: Vec::new(),
        },
    }
}

#[test]
fn a_new_annotation_is_added() {
    let first = annotation("annotazione001", "dati", AnnotationKind::Comment, 3);
    let mut view = board(vec![first.clone()], 3);
    let second = annotation("annotazione002", "imprese", AnnotationKind::Question, 5);
    assert!(view.apply(second.clone()));
    assert_eq!(view.annotations, [first, second]);
    assert_eq!(view.last_event, 5);
}

#[test]
fn applying_twice_changes_nothing() {
    let mut view = board(Vec::new(), 0);
    let change = annotation("annotazione001", "dati", AnnotationKind::Comment, 4);
    assert!(view.apply(change.clone()));
    let once = view.clone();
    assert!(!view.apply(change));
    assert_eq!(view, once);
}

#[test]
fn a_newer_state_replaces_and_an_older_one_never_does() {
    let created = annotation("annotazione001", "dati", AnnotationKind::Comment, 4);
    let mut edited = created.clone();
    edited.body = "Corretto".into();
    edited.event = 9;
    let mut view = board(vec![created.clone()], 4);
    assert!(view.apply(edited.clone()));
    assert_eq!(view.annotations, [edited.clone()]);
    assert_eq!(view.last_event, 9);
    // The creation arriving late (from a catch-up) leaves the edit in place.
    assert!(!view.apply(created));
    assert_eq!(view.annotations, [edited]);
    assert_eq!(view.last_event, 9);
}

#[test]
fn last_event_only_grows() {
    let mut view = board(Vec::new(), 12);
    let old = annotation("annotazione001", "dati", AnnotationKind::Comment, 7);
    assert!(view.apply(old));
    assert_eq!(view.last_event, 12);
    let new = annotation("annotazione002", "dati", AnnotationKind::Comment, 15);
    assert!(view.apply(new));
    assert_eq!(view.last_event, 15);
    assert_eq!(view.annotations.len(), 2);
    assert_eq!(view.plan(&slug("dati")), None);
}
