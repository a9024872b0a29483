//! The matrix and the integrated actions read off a board.

use super::*;
use crate::domain::board::tests::{annotation, slug};
use crate::domain::board::{Anchor, Author};
use crate::domain::person::PersonId;

fn item(community: &str, item: &str) -> ItemRef {
    ItemRef {
        community: slug(community),
        item: ItemId(item.into()),
    }
}

/// A synergy from `from`'s item to `to`, made at `event`.
fn synergy(id: &str, from: (&str, &str), to: (&str, &str), event: i64) -> Annotation {
    let mut synergy = annotation(id, from.0, AnnotationKind::Synergy, event);
    synergy.anchor = Anchor::whole(from.1);
    synergy.synergy = Some(item(to.0, to.1));
    synergy
}

fn resolved(mut annotation: Annotation, outcome: Outcome) -> Annotation {
    annotation.status = Status::Resolved {
        outcome,
        reason: "motivo".into(),
        by: Author {
            id: PersonId("bea".into()),
            name: "Bea Verdi".into(),
        },
        at: "2025-03-12T10:00:00Z".into(),
    };
    annotation
}

fn deleted(mut annotation: Annotation) -> Annotation {
    annotation.deleted = true;
    annotation
}

/// A proposal on `anchored` of `community`'s plan, also involving `others`.
fn proposal(id: &str, community: &str, anchored: &str, others: &[&str], event: i64) -> Annotation {
    let mut proposal = annotation(id, community, AnnotationKind::Proposal, event);
    proposal.anchor = Anchor::passage(anchored, "titolo", "Un titolo", 0, 3);
    proposal.proposal = Some(Proposal {
        title: format!("Azione {id}"),
        communities: others.iter().map(|c| slug(c)).collect(),
    });
    proposal
}

fn communities() -> Vec<CommunitySlug> {
    ["dati", "imprese", "scuola"].map(slug).to_vec()
}

#[test]
fn the_matrix_counts_live_synergies_both_ways() {
    let annotations = [
        synergy("sinergia000001", ("dati", "o1"), ("imprese", "a2"), 1),
        synergy("sinergia000002", ("imprese", "o3"), ("dati", "a1"), 2),
        resolved(
            synergy("sinergia000003", ("dati", "o1"), ("scuola", "o1"), 3),
            Outcome::Accepted,
        ),
        resolved(
            synergy("sinergia000004", ("dati", "o2"), ("scuola", "o1"), 4),
            Outcome::Rejected,
        ),
        resolved(
            synergy("sinergia000005", ("scuola", "o2"), ("imprese", "o1"), 5),
            Outcome::Parked,
        ),
        deleted(synergy(
            "sinergia000006",
            ("dati", "o1"),
            ("imprese", "a2"),
            6,
        )),
        // A community not in the matrix, and a comment: neither counts.
        synergy("sinergia000007", ("dati", "o1"), ("salute", "a1"), 7),
        annotation("commento000001", "dati", AnnotationKind::Comment, 8),
    ];
    let matrix = matrix(&communities(), &annotations);
    assert_eq!(matrix.communities, communities());
    assert_eq!(matrix.counts, [[0, 2, 1], [2, 0, 1], [1, 1, 0]]);
    let ids: Vec<&str> = matrix
        .links
        .iter()
        .map(|l| l.annotation.0.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "sinergia000001",
            "sinergia000002",
            "sinergia000003",
            "sinergia000005"
        ]
    );
    let first = &matrix.links[0];
    assert_eq!(
        (&first.from, &first.to),
        (&item("dati", "o1"), &item("imprese", "a2"))
    );
    assert_eq!(first.body, "Testo di sinergia000001");
    assert!(first.open);
    assert!(!matrix.links[2].open);
}

#[test]
fn the_order_of_communities_is_the_matrix_order() {
    let annotations = [synergy(
        "sinergia000001",
        ("dati", "o1"),
        ("scuola", "a2"),
        1,
    )];
    let order = ["scuola", "imprese", "dati"].map(slug).to_vec();
    let matrix = matrix(&order, &annotations);
    assert_eq!(matrix.counts, [[0, 0, 1], [0, 0, 0], [1, 0, 0]]);
    let empty = super::matrix(&[], &annotations);
    assert!(empty.counts.is_empty() && empty.links.is_empty());
}

#[test]
fn accepted_proposals_become_integrated_actions_oldest_first() {
    let annotations = [
        resolved(
            proposal("proposta000002", "imprese", "a4", &["scuola"], 9),
            Outcome::Accepted,
        ),
        resolved(
            proposal(
                "proposta000001",
                "dati",
                "o1",
                &["scuola", "dati", "imprese", "scuola"],
                2,
            ),
            Outcome::Accepted,
        ),
        synergy("sinergia000001", ("dati", "o1"), ("imprese", "a2"), 3),
        synergy("sinergia000002", ("scuola", "o5"), ("dati", "o1"), 4),
        synergy("sinergia000003", ("dati", "o2"), ("scuola", "o5"), 5),
        resolved(
            synergy("sinergia000004", ("dati", "o1"), ("salute", "a1"), 6),
            Outcome::Rejected,
        ),
        deleted(synergy(
            "sinergia000005",
            ("dati", "o1"),
            ("salute", "a2"),
            7,
        )),
        synergy("sinergia000006", ("imprese", "a2"), ("dati", "o1"), 8),
    ];
    let actions = integrated_actions(&annotations);
    assert_eq!(actions.len(), 2);
    let first = &actions[0];
    assert_eq!(first.title, "Azione proposta000001");
    assert_eq!(first.lead, slug("dati"));
    assert_eq!(first.communities, ["dati", "scuola", "imprese"].map(slug));
    assert_eq!(
        first.items,
        [
            item("dati", "o1"),
            item("imprese", "a2"),
            item("scuola", "o5")
        ]
    );
    let sources: Vec<&str> = first.sources.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(
        sources,
        [
            "proposta000001",
            "sinergia000001",
            "sinergia000002",
            "sinergia000006"
        ]
    );
    assert_eq!(first.description, "Testo di proposta000001");
    let second = &actions[1];
    assert_eq!(second.lead, slug("imprese"));
    assert_eq!(second.items, [item("imprese", "a4")]);
    assert_eq!(second.sources, [AnnotationId("proposta000002".into())]);
}

#[test]
fn only_accepted_live_proposals_count() {
    let on_context = resolved(
        proposal("proposta000001", "dati", "contesto", &["scuola"], 1),
        Outcome::Accepted,
    );
    let annotations = [
        on_context,
        proposal("proposta000002", "dati", "o1", &["scuola"], 2),
        resolved(
            proposal("proposta000003", "dati", "o1", &["scuola"], 3),
            Outcome::Rejected,
        ),
        resolved(
            proposal("proposta000004", "dati", "o1", &["scuola"], 4),
            Outcome::Parked,
        ),
        deleted(resolved(
            proposal("proposta000005", "dati", "o1", &["scuola"], 5),
            Outcome::Accepted,
        )),
        synergy("sinergia000001", ("dati", "contesto"), ("scuola", "o1"), 6),
    ];
    let actions = integrated_actions(&annotations);
    let [only] = actions.as_slice() else {
        panic!("one action expected: {actions:?}")
    };
    assert_eq!(only.sources, [AnnotationId("proposta000001".into())]);
    assert!(only.items.is_empty());
    assert_eq!(only.communities, ["dati", "scuola"].map(slug));
}
