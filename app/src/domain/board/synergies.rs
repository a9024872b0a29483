//! The synergy matrix and the integrated actions, both read off the annotations.

use serde::{Deserialize, Serialize};

use super::{Annotation, AnnotationId, ItemRef};
use crate::domain::community::CommunitySlug;

/// One synergy link between two plans' items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynergyLink {
    pub annotation: AnnotationId,
    /// The annotated objective or action (the anchor's item).
    pub from: ItemRef,
    pub to: ItemRef,
    pub body: String,
    pub open: bool,
}

/// How many synergies link each pair of plans. `counts[i][j]` counts links from plan `i` to
/// plan `j` plus those from `j` to `i` (the matrix is symmetric), in the order of `communities`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynergyMatrix {
    pub communities: Vec<CommunitySlug>,
    pub counts: Vec<Vec<u32>>,
    pub links: Vec<SynergyLink>,
}

/// An integrated action: an accepted proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegratedAction {
    pub title: String,
    /// The annotated plan's community.
    pub lead: CommunitySlug,
    /// Every community involved, the lead first.
    pub communities: Vec<CommunitySlug>,
    /// The objectives and actions it builds on: the proposal's anchor item and the items of
    /// the synergies that link the same items.
    pub items: Vec<ItemRef>,
    /// The proposal and the synergy annotations it draws on.
    pub sources: Vec<AnnotationId>,
    pub description: String,
}

/// The matrix of the live (not deleted, not rejected) synergies among `communities`.
pub fn matrix(communities: &[CommunitySlug], annotations: &[Annotation]) -> SynergyMatrix {
    todo!("{communities:?} {annotations:?}")
}

/// The accepted, not deleted proposals as integrated actions, oldest first.
pub fn integrated_actions(annotations: &[Annotation]) -> Vec<IntegratedAction> {
    todo!("{annotations:?}")
}
