//! Creating an annotation: every field checked at once.

use super::{Actor, MAX_QUOTE, MAX_TITLE, NewAnnotation, Problem, Rejection, body, refused};
use crate::domain::board::anchor::CONTEXT_CHARS;
use crate::domain::board::{Anchor, Annotation, AnnotationKind, ItemRef, Proposal, Status};
use crate::domain::validation::line;
use crate::error::AppError;

/// Longest anchor item (an item id or `contesto`) and field, in characters.
const MAX_ITEM: usize = 64;
const MAX_FIELD: usize = 32;

/// The annotation `new` describes, or every problem with it.
pub(super) fn create(
    new: &NewAnnotation,
    current: Option<&Annotation>,
    actor: &Actor,
    year: i32,
    now: &str,
) -> Result<Annotation, AppError> {
    let mut rejection = Rejection::default();
    if current.is_some() {
        rejection.add("id", Problem::Stale);
    } else if !new.id.is_well_formed() {
        rejection.add("id", Problem::UnknownChoice);
    }
    let text = rejection.check("testo", body(&new.body));
    rejection.check("ancora", anchor(&new.anchor));
    let synergy = match new.kind {
        AnnotationKind::Synergy => rejection.check("sinergia", synergy(new)),
        _ => None,
    };
    let proposal = match new.kind {
        AnnotationKind::Proposal => proposal(new, &mut rejection),
        _ => None,
    };
    match text {
        Some(body) if rejection.is_empty() => Ok(Annotation {
            id: new.id.clone(),
            year,
            community: new.community.clone(),
            anchor: new.anchor.clone(),
            kind: new.kind,
            body,
            synergy,
            proposal,
            author: actor.author.clone(),
            created_at: now.to_owned(),
            history: Vec::new(),
            deleted: false,
            status: Status::Open,
            replies: Vec::new(),
            event: 0,
        }),
        _ => Err(refused(rejection)),
    }
}

/// Refuses an anchor without an item or with a part longer than an anchor can hold.
fn anchor(anchor: &Anchor) -> Result<(), Problem> {
    if anchor.item.is_empty() {
        return Err(Problem::Required);
    }
    let limits = [
        (&anchor.item, MAX_ITEM),
        (&anchor.field, MAX_FIELD),
        (&anchor.quote, MAX_QUOTE),
        (&anchor.prefix, 2 * CONTEXT_CHARS),
        (&anchor.suffix, 2 * CONTEXT_CHARS),
    ];
    match limits
        .into_iter()
        .find(|(text, max)| text.chars().count() > *max)
    {
        Some((_, max)) => Err(Problem::TooLong { max }),
        None => Ok(()),
    }
}

/// The item of another community's plan a synergy links to.
fn synergy(new: &NewAnnotation) -> Result<ItemRef, Problem> {
    match &new.synergy {
        None => Err(Problem::Required),
        Some(target) if target.community == new.community || !target.item.is_well_formed() => {
            Err(Problem::UnknownChoice)
        }
        Some(target) => Ok(target.clone()),
    }
}

/// The proposal with its title checked and its communities listed once each, the annotated
/// one first; problems go to `rejection`.
fn proposal(new: &NewAnnotation, rejection: &mut Rejection) -> Option<Proposal> {
    let Some(proposal) = &new.proposal else {
        rejection.add("titolo", Problem::Required);
        rejection.add("comunita", Problem::NoCommunity);
        return None;
    };
    let title = rejection.check("titolo", line(&proposal.title, MAX_TITLE));
    let mut communities = vec![new.community.clone()];
    for community in &proposal.communities {
        if !communities.contains(community) {
            communities.push(community.clone());
        }
    }
    if communities.len() < 2 {
        rejection.add("comunita", Problem::NoCommunity);
    }
    Some(Proposal {
        title: title?,
        communities,
    })
}
