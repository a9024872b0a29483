//! Where an annotation sits in the plans, in words and links.

use super::labels::{board_href, item_href, item_line, item_name};
use crate::domain::board::anchor::{Placement, locate};
use crate::domain::board::{Annotation, BoardView};
use crate::domain::community::CommunitySlug;

/// An annotation's plan and item, the item its synergy links to, and the communities of its
/// proposal, as the list shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// «Dati · O2 Titolo» (or just «Dati» for an item that is gone).
    pub line: String,
    pub href: String,
    /// The annotated passage or item is no longer in the plan.
    pub detached: bool,
    /// «Documenti · A1 Titolo» and its link.
    pub synergy: Option<(String, String)>,
    /// The names of the proposal's communities.
    pub communities: Vec<String>,
}

impl Place {
    /// Where `annotation` sits in the plans of `view`.
    pub fn of(annotation: &Annotation, view: &BoardView) -> Self {
        let name = |slug: &CommunitySlug| {
            view.plan(slug)
                .map_or_else(|| slug.to_string(), |plan| plan.name.clone())
        };
        let plan = view.plan(&annotation.community);
        let anchor = &annotation.anchor;
        let detached =
            plan.is_none_or(|plan| matches!(locate(anchor, &plan.content), Placement::Detached));
        let plan_name = name(&annotation.community);
        let item = plan.and_then(|plan| item_name(&plan.content, &anchor.item));
        let line = match item {
            Some(_) => item_line(&plan_name, plan.map(|p| &p.content), &anchor.item),
            None => plan_name,
        };
        let synergy = annotation.synergy.as_ref().map(|target| {
            let content = view.plan(&target.community).map(|p| &p.content);
            let line = item_line(&name(&target.community), content, &target.item.0);
            (line, item_href(target))
        });
        let communities = annotation
            .proposal
            .iter()
            .flat_map(|proposal| proposal.communities.iter().map(name))
            .collect();
        Self {
            line,
            href: board_href(&annotation.community, &anchor.item),
            detached,
            synergy,
            communities,
        }
    }
}
