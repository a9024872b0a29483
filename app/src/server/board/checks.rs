//! What the server checks before a change reaches `ops::apply`: well-formed ids, and that a new
//! annotation points at things that exist in the plans of its year (the pure function cannot
//! see the plans).

use crate::domain::board::anchor::{Anchor, blocks};
use crate::domain::board::ops::{BoardOp, NewAnnotation};
use crate::domain::board::{AnnotationId, AnnotationKind, BoardPlan};
use crate::domain::plan::{ItemId, PlanContent, section};
use crate::domain::validation::{Problem, Rejection};
use crate::error::AppError;

/// Refuses a malformed submit key (`chiave`) or annotation or reply id (`id`).
pub(super) fn ids(key: &AnnotationId, op: &BoardOp) -> Result<(), AppError> {
    let (annotation, reply) = match op {
        BoardOp::Create(new) => (&new.id, None),
        BoardOp::Reply {
            annotation, reply, ..
        } => (annotation, Some(reply)),
        BoardOp::Edit {
            annotation, reply, ..
        }
        | BoardOp::Delete { annotation, reply } => (annotation, reply.as_ref()),
        BoardOp::Resolve { annotation, .. } | BoardOp::Reopen { annotation } => (annotation, None),
    };
    let mut rejection = Rejection::default();
    if !key.is_well_formed() {
        rejection.add("chiave", Problem::UnknownChoice);
    }
    if !annotation.is_well_formed() || reply.is_some_and(|reply| !reply.is_well_formed()) {
        rejection.add("id", Problem::UnknownChoice);
    }
    refuse_if_any(rejection)
}

/// Refuses a new annotation whose plan or anchored item does not exist (`ancora`; a synergy
/// starts from an objective or action), whose synergy does not reach an objective or action of
/// another community's plan (`sinergia`), or whose proposal names an unknown community
/// (`comunita`).
pub(super) fn targets(new: &NewAnnotation, plans: &[BoardPlan]) -> Result<(), AppError> {
    let content = |community| {
        plans
            .iter()
            .find(|plan| &plan.community == community)
            .map(|plan| &plan.content)
    };
    let mut rejection = Rejection::default();
    let anchored = content(&new.community).is_some_and(|plan| {
        let item = ItemId(new.anchor.item.clone());
        has_block(plan, &new.anchor)
            && (new.kind != AnnotationKind::Synergy || is_objective_or_action(plan, &item))
    });
    if !anchored {
        rejection.add("ancora", Problem::UnknownChoice);
    }
    if let Some(target) = &new.synergy {
        let linked = target.community != new.community
            && content(&target.community).is_some_and(|p| is_objective_or_action(p, &target.item));
        if !linked {
            rejection.add("sinergia", Problem::UnknownChoice);
        }
    }
    if let Some(proposal) = &new.proposal
        && proposal.communities.iter().any(|c| content(c).is_none())
    {
        rejection.add("comunita", Problem::UnknownCommunity);
    }
    refuse_if_any(rejection)
}

/// Whether the anchor's item (the context or an item id) exists in `plan`, and its field too
/// when the anchor names one.
fn has_block(plan: &PlanContent, anchor: &Anchor) -> bool {
    if anchor.field.is_empty() {
        anchor.item == section::CONTEXT || plan.item_ids().any(|id| id.0 == anchor.item)
    } else {
        blocks(plan)
            .iter()
            .any(|block| block.item == anchor.item && block.field == anchor.field)
    }
}

fn is_objective_or_action(plan: &PlanContent, item: &ItemId) -> bool {
    plan.objectives.iter().any(|o| &o.id == item) || plan.actions.iter().any(|a| &a.id == item)
}

fn refuse_if_any(rejection: Rejection) -> Result<(), AppError> {
    if rejection.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(Box::new(rejection)))
    }
}
