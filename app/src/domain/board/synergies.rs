//! The synergy matrix and the integrated actions, both read off the annotations.

use serde::{Deserialize, Serialize};

use super::{Annotation, AnnotationId, AnnotationKind, ItemRef, Outcome, Proposal, Status};
use crate::domain::community::CommunitySlug;
use crate::domain::plan::{ItemId, section};

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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    let index = |community: &CommunitySlug| communities.iter().position(|c| c == community);
    let mut counts = vec![vec![0; communities.len()]; communities.len()];
    let mut links = Vec::new();
    for link in live_links(annotations) {
        let (Some(from), Some(to)) = (index(&link.from.community), index(&link.to.community))
        else {
            continue;
        };
        if from == to {
            continue;
        }
        for (row, column) in [(from, to), (to, from)] {
            if let Some(cell) = counts.get_mut(row).and_then(|cells| cells.get_mut(column)) {
                *cell += 1;
            }
        }
        links.push(link);
    }
    SynergyMatrix {
        communities: communities.to_vec(),
        counts,
        links,
    }
}

/// The accepted, not deleted proposals as integrated actions, oldest first.
pub fn integrated_actions(annotations: &[Annotation]) -> Vec<IntegratedAction> {
    let links: Vec<SynergyLink> = live_links(annotations).collect();
    let mut accepted: Vec<(&Annotation, &Proposal)> = annotations
        .iter()
        .filter(|a| {
            a.kind == AnnotationKind::Proposal
                && !a.deleted
                && outcome(a) == Some(Outcome::Accepted)
        })
        .filter_map(|a| Some((a, a.proposal.as_ref()?)))
        .collect();
    accepted.sort_by(|(a, _), (b, _)| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
    accepted
        .into_iter()
        .map(|(annotation, proposal)| integrated(annotation, proposal, &links))
        .collect()
}

/// The integrated action an accepted proposal becomes, drawing on the synergies `links`.
fn integrated(
    annotation: &Annotation,
    proposal: &Proposal,
    links: &[SynergyLink],
) -> IntegratedAction {
    let lead = annotation.community.clone();
    let mut communities = vec![lead.clone()];
    for community in &proposal.communities {
        if !communities.contains(community) {
            communities.push(community.clone());
        }
    }
    let mut items = Vec::new();
    let mut sources = vec![annotation.id.clone()];
    if annotation.anchor.item != section::CONTEXT {
        let anchored = ItemRef {
            community: lead.clone(),
            item: ItemId(annotation.anchor.item.clone()),
        };
        for link in links {
            let other = if link.from == anchored {
                &link.to
            } else if link.to == anchored {
                &link.from
            } else {
                continue;
            };
            if !items.contains(other) {
                items.push(other.clone());
            }
            if !sources.contains(&link.annotation) {
                sources.push(link.annotation.clone());
            }
        }
        items.insert(0, anchored);
    }
    IntegratedAction {
        title: proposal.title.clone(),
        lead,
        communities,
        items,
        sources,
        description: annotation.body.clone(),
    }
}

/// The live synergies: not deleted, not rejected.
fn live_links(annotations: &[Annotation]) -> impl Iterator<Item = SynergyLink> + '_ {
    annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::Synergy && !a.deleted)
        .filter(|a| outcome(a) != Some(Outcome::Rejected))
        .filter_map(|a| {
            Some(SynergyLink {
                annotation: a.id.clone(),
                from: ItemRef {
                    community: a.community.clone(),
                    item: ItemId(a.anchor.item.clone()),
                },
                to: a.synergy.clone()?,
                body: a.body.clone(),
                open: a.is_open(),
            })
        })
}

/// How the thread was closed, if it was.
fn outcome(annotation: &Annotation) -> Option<Outcome> {
    match annotation.status {
        Status::Resolved { outcome, .. } => Some(outcome),
        Status::Open => None,
    }
}

#[cfg(test)]
mod tests;
