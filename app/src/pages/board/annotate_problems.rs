//! What the new-annotation form can tell without the server, and how the problems read.

use crate::domain::board::AnnotationKind;
use crate::domain::board::ops::NewAnnotation;
use crate::domain::validation::{Problem, Rejection};
use crate::i18n::board_texts;

/// The fields the server may refuse, and the element that takes the focus for each.
pub const FIELDS: [(&str, &str); 5] = [
    ("ancora", "annotazione-ancora"),
    ("testo", "annotazione-testo"),
    ("sinergia", "annotazione-sinergia"),
    ("titolo", "annotazione-titolo"),
    ("comunita", "annotazione-comunita"),
];

/// What can be told without the server: the missing parts.
pub fn check(new: &NewAnnotation) -> Option<Rejection> {
    let mut rejection = Rejection::default();
    if new.body.is_empty() {
        rejection.add("testo", Problem::Required);
    }
    if new.kind == AnnotationKind::Synergy && new.synergy.is_none() {
        rejection.add("sinergia", Problem::Required);
    }
    if let Some(proposal) = &new.proposal {
        if proposal.title.is_empty() {
            rejection.add("titolo", Problem::Required);
        }
        if proposal.communities.len() < 2 {
            rejection.add("comunita", Problem::Required);
        }
    }
    (!rejection.is_empty()).then_some(rejection)
}

/// The message for `field`'s problem, specific to the board where it can be.
pub fn problem_message(rejection: &Rejection, field: &str) -> Option<String> {
    let problem = rejection.problem(field)?;
    let t = board_texts();
    let specific = match (field, problem) {
        ("ancora", _) => t.anchor_gone,
        (_, Problem::TooLong { .. } | Problem::TooShort { .. } | Problem::ControlCharacters) => {
            return Some(problem.message());
        }
        ("testo", _) => t.need_body,
        ("titolo", _) => t.need_title,
        ("sinergia", _) => t.need_synergy,
        ("comunita", _) => t.need_communities,
        _ => return Some(problem.message()),
    };
    Some(specific.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board::{Anchor, AnnotationId, ItemRef, Proposal};
    use crate::domain::community::CommunitySlug;
    use crate::domain::plan::ItemId;

    fn slug(text: &str) -> CommunitySlug {
        CommunitySlug::parse(text).expect("a valid slug")
    }

    fn new(kind: AnnotationKind, body: &str) -> NewAnnotation {
        NewAnnotation {
            id: AnnotationId("abcdefghijkl".into()),
            community: slug("dati"),
            anchor: Anchor::whole("contesto"),
            kind,
            body: body.into(),
            synergy: None,
            proposal: None,
        }
    }

    fn fields(rejection: Option<Rejection>) -> Vec<&'static str> {
        let rejection = rejection.unwrap_or_default();
        FIELDS
            .iter()
            .map(|(field, _)| *field)
            .filter(|field| rejection.problem(field).is_some())
            .collect()
    }

    #[test]
    fn a_comment_needs_a_text() {
        assert_eq!(fields(check(&new(AnnotationKind::Comment, ""))), ["testo"]);
        assert!(check(&new(AnnotationKind::Question, "Perché?")).is_none());
    }

    #[test]
    fn a_synergy_needs_its_target() {
        let mut synergy = new(AnnotationKind::Synergy, "Collegati");
        assert_eq!(fields(check(&synergy)), ["sinergia"]);
        synergy.synergy = Some(ItemRef {
            community: slug("imprese"),
            item: ItemId("o1".into()),
        });
        assert!(check(&synergy).is_none());
    }

    #[test]
    fn a_proposal_needs_a_title_and_another_community() {
        let mut proposal = new(AnnotationKind::Proposal, "Insieme");
        proposal.proposal = Some(Proposal {
            title: String::new(),
            communities: vec![slug("dati")],
        });
        assert_eq!(fields(check(&proposal)), ["titolo", "comunita"]);
        proposal.proposal = Some(Proposal {
            title: "Catalogo comune".into(),
            communities: vec![slug("dati"), slug("imprese")],
        });
        assert!(check(&proposal).is_none());
    }

    #[test]
    fn problems_read_as_what_to_do() {
        let mut rejection = Rejection::default();
        rejection.add("sinergia", Problem::Required);
        rejection.add("testo", Problem::TooLong { max: 4000 });
        let t = board_texts();
        assert_eq!(
            problem_message(&rejection, "sinergia").as_deref(),
            Some(t.need_synergy)
        );
        assert_eq!(
            problem_message(&rejection, "testo"),
            Some(Problem::TooLong { max: 4000 }.message())
        );
        assert_eq!(problem_message(&rejection, "titolo"), None);
    }
}
