//! Creating annotations: every rule, on ordinary and hostile input.

use super::*;
use crate::domain::board::{Revision, Status, anchor::CONTEXT_CHARS};
use crate::domain::person::PersonId;
use crate::domain::plan::ItemId;

mod thread;

const NOW: &str = "2025-03-10T09:30:00Z";

fn slug(text: &str) -> CommunitySlug {
    CommunitySlug::parse(text).expect("slug")
}

fn actor(id: &str) -> Actor {
    Actor {
        author: Author {
            id: PersonId(id.into()),
            name: format!("Persona {id}"),
        },
        resolves: Vec::new(),
    }
}

fn new(kind: AnnotationKind) -> NewAnnotation {
    NewAnnotation {
        id: AnnotationId("annotazione001".into()),
        community: slug("dati"),
        anchor: Anchor::passage("o1", "titolo", "Dati aperti per tutti", 0, 11),
        kind,
        body: "  Un commento di Nicolò D'Alì 🎉  ".into(),
        synergy: Some(ItemRef {
            community: slug("imprese"),
            item: ItemId("a2".into()),
        }),
        proposal: Some(Proposal {
            title: " Sportello unico ".into(),
            communities: vec![
                slug("imprese"),
                slug("dati"),
                slug("imprese"),
                slug("scuola"),
            ],
        }),
    }
}

fn create(new: NewAnnotation) -> Result<Annotation, AppError> {
    apply(&BoardOp::Create(new), None, &actor("ada"), 2025, NOW, 7)
}

/// The problems of a refused change, or nothing.
fn problems(result: Result<Annotation, AppError>) -> Vec<(String, Problem)> {
    match result {
        Err(AppError::Invalid(rejection)) => rejection.problems,
        other => panic!("not refused as invalid: {other:?}"),
    }
}

fn problem(field: &str, problem: Problem) -> Vec<(String, Problem)> {
    vec![(field.to_owned(), problem)]
}

#[test]
fn a_comment_is_created_open_by_its_author() {
    let created = create(new(AnnotationKind::Comment)).expect("created");
    assert_eq!(created.id, AnnotationId("annotazione001".into()));
    assert_eq!((created.year, created.event), (2025, 7));
    assert_eq!(created.community, slug("dati"));
    assert_eq!(created.anchor.quote, "Dati aperti");
    assert_eq!(created.body, "Un commento di Nicolò D'Alì 🎉");
    assert_eq!(created.author, actor("ada").author);
    assert_eq!(created.created_at, NOW);
    assert_eq!(created.status, Status::Open);
    assert!(created.replies.is_empty() && created.history.is_empty() && !created.deleted);
    // Only synergies and proposals keep their extras.
    assert_eq!((created.synergy, created.proposal), (None, None));
    let question = create(new(AnnotationKind::Question)).expect("created");
    assert_eq!((question.synergy, question.proposal), (None, None));
}

#[test]
fn an_id_is_created_once_and_well_formed() {
    let first = create(new(AnnotationKind::Comment)).expect("created");
    let again = apply(
        &BoardOp::Create(new(AnnotationKind::Comment)),
        Some(&first),
        &actor("ada"),
        2025,
        NOW,
        8,
    );
    assert_eq!(problems(again), problem("id", Problem::Stale));
    for bad in [
        "corto",
        "MAIUSCOLE000001",
        "con-trattino001",
        "x'; DROP TABLE a;--",
    ] {
        let mut malformed = new(AnnotationKind::Comment);
        malformed.id = AnnotationId(bad.into());
        assert_eq!(
            problems(create(malformed)),
            problem("id", Problem::UnknownChoice)
        );
    }
}

#[test]
fn bodies_are_trimmed_bounded_and_kept_as_text() {
    let with_body = |body: &str| {
        let mut annotation = new(AnnotationKind::Comment);
        annotation.body = body.into();
        create(annotation)
    };
    for empty in ["", "  \n\t "] {
        assert_eq!(
            problems(with_body(empty)),
            problem("testo", Problem::Required)
        );
    }
    assert_eq!(
        problems(with_body(&"è".repeat(MAX_BODY + 1))),
        problem("testo", Problem::TooLong { max: MAX_BODY })
    );
    let longest = with_body(&format!(" {} ", "è".repeat(MAX_BODY))).expect("4000 chars");
    assert_eq!(longest.body.chars().count(), MAX_BODY);
    for control in ["a\u{0}b", "a\u{7}b", "a\rb", "a\u{1b}[31mb"] {
        assert_eq!(
            problems(with_body(control)),
            problem("testo", Problem::ControlCharacters)
        );
    }
    let lines = with_body("riga uno\r\n\triga due\n").expect("lines");
    assert_eq!(lines.body, "riga uno\n\triga due");
    for hostile in [
        "<script>alert(1)</script>",
        "'; DROP TABLE board_events; --",
        "<img src=x onerror=alert(1)>",
        "Ünïcødé 🇮🇹 ﷽ \u{202e}abc",
    ] {
        assert_eq!(with_body(hostile).expect("kept").body, hostile);
    }
}

#[test]
fn anchors_are_bounded() {
    let with_anchor = |change: fn(&mut Anchor)| {
        let mut annotation = new(AnnotationKind::Comment);
        change(&mut annotation.anchor);
        problems(create(annotation))
    };
    let too_long = |max| problem("ancora", Problem::TooLong { max });
    assert_eq!(
        with_anchor(|a| a.item.clear()),
        problem("ancora", Problem::Required)
    );
    assert_eq!(with_anchor(|a| a.item = "o".repeat(65)), too_long(64));
    assert_eq!(with_anchor(|a| a.field = "f".repeat(33)), too_long(32));
    assert_eq!(
        with_anchor(|a| a.quote = "q".repeat(2001)),
        too_long(MAX_QUOTE)
    );
    let context = 2 * CONTEXT_CHARS;
    assert_eq!(
        with_anchor(|a| a.prefix = "p".repeat(65)),
        too_long(context)
    );
    assert_eq!(
        with_anchor(|a| a.suffix = "s".repeat(65)),
        too_long(context)
    );
    let mut whole = new(AnnotationKind::Comment);
    whole.anchor = Anchor::whole("contesto");
    assert_eq!(create(whole).expect("whole").anchor.item, "contesto");
}

#[test]
fn synergies_link_another_plan() {
    let created = create(new(AnnotationKind::Synergy)).expect("created");
    assert_eq!(created.synergy.map(|s| s.item.0), Some("a2".into()));
    assert_eq!(created.proposal, None);
    let mut missing = new(AnnotationKind::Synergy);
    missing.synergy = None;
    assert_eq!(
        problems(create(missing)),
        problem("sinergia", Problem::Required)
    );
    let mut own = new(AnnotationKind::Synergy);
    own.synergy = Some(ItemRef {
        community: slug("dati"),
        item: ItemId("o2".into()),
    });
    assert_eq!(
        problems(create(own)),
        problem("sinergia", Problem::UnknownChoice)
    );
}

#[test]
fn proposals_name_other_communities() {
    let created = create(new(AnnotationKind::Proposal)).expect("created");
    let proposal = created.proposal.expect("proposal");
    assert_eq!(proposal.title, "Sportello unico");
    assert_eq!(
        proposal.communities,
        [slug("dati"), slug("imprese"), slug("scuola")]
    );
    assert_eq!(created.synergy, None);
    let with_proposal = |title: &str, communities: Vec<CommunitySlug>| {
        let mut annotation = new(AnnotationKind::Proposal);
        annotation.proposal = Some(Proposal {
            title: title.into(),
            communities,
        });
        problems(create(annotation))
    };
    let others = || vec![slug("imprese")];
    assert_eq!(
        with_proposal(" ", others()),
        problem("titolo", Problem::Required)
    );
    assert_eq!(
        with_proposal(&"t".repeat(MAX_TITLE + 1), others()),
        problem("titolo", Problem::TooLong { max: MAX_TITLE })
    );
    assert_eq!(
        with_proposal("a\nb", others()),
        problem("titolo", Problem::ControlCharacters)
    );
    assert_eq!(
        with_proposal("Titolo", vec![slug("dati"), slug("dati")]),
        problem("comunita", Problem::NoCommunity)
    );
    let mut missing = new(AnnotationKind::Proposal);
    missing.proposal = None;
    assert_eq!(
        problems(create(missing)),
        [
            ("titolo".to_owned(), Problem::Required),
            ("comunita".to_owned(), Problem::NoCommunity)
        ]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut bad = new(AnnotationKind::Proposal);
    bad.id = AnnotationId("no".into());
    bad.body = "\u{0}".into();
    bad.anchor.item.clear();
    bad.proposal = Some(Proposal::default());
    let keys: Vec<String> = problems(create(bad)).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["id", "testo", "ancora", "titolo", "comunita"]);
}
