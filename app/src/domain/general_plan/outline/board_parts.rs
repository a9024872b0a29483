//! The parts read off the cross-reading board: the integrated actions and the synergy matrix.

use super::{Block, Table, community_name, heading, joined};
use crate::domain::community::CommunitySlug;
use crate::domain::general_plan::GeneralPlan;
use crate::domain::general_plan::parts::{INTEGRATED, SYNERGIES};
use crate::i18n::general_plan_texts;

/// The integrated actions: title, communities, linked items, description and sources.
pub fn integrated(plan: &GeneralPlan, blocks: &mut Vec<Block>) {
    let t = general_plan_texts();
    blocks.push(heading(2, INTEGRATED, t.integrated));
    if plan.assembled.integrated.is_empty() {
        blocks.push(Block::Text(t.integrated_none.to_owned()));
    }
    let name = |slug: &CommunitySlug| community_name(plan, slug);
    for (i, action) in plan.assembled.integrated.iter().enumerate() {
        let label = (t.integrated_label)(i + 1);
        let id = format!("{INTEGRATED}-{}", i + 1);
        blocks.push(heading(3, &id, &format!("{label} {}", action.title)));
        let others: Vec<String> = action.communities.iter().skip(1).map(name).collect();
        let items: Vec<String> = action
            .items
            .iter()
            .map(|item| {
                format!(
                    "{} · {}",
                    name(&item.community),
                    item_label(plan, &item.community, &item.item.0)
                )
            })
            .collect();
        blocks.push(Block::Facts(vec![
            (t.integrated_lead.to_owned(), name(&action.lead)),
            (t.integrated_communities.to_owned(), joined(&others)),
            (t.integrated_items.to_owned(), joined(&items)),
        ]));
        if !action.description.trim().is_empty() {
            blocks.push(Block::Text(action.description.clone()));
        }
        let sources = plan
            .assembled
            .sources
            .iter()
            .filter(|s| action.sources.iter().any(|id| id.0 == s.id));
        for source in sources {
            // The proposal's own text is the description, given just above.
            let body = if source.body == action.description {
                String::new()
            } else {
                source.body.clone()
            };
            blocks.push(Block::Quote {
                quote: source.quote.clone(),
                body,
                by: (t.source_by)(&source.author, &name(&source.community)),
            });
        }
    }
}

/// The synergy matrix as a table, the diagonal blank.
pub fn synergies(plan: &GeneralPlan, blocks: &mut Vec<Block>) {
    let t = general_plan_texts();
    let matrix = &plan.assembled.matrix;
    blocks.push(heading(2, SYNERGIES, t.synergies));
    let names: Vec<String> = matrix
        .communities
        .iter()
        .map(|c| community_name(plan, c))
        .collect();
    let rows = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut cells = vec![name.clone()];
            cells.extend((0..names.len()).map(
                |j| match matrix.counts.get(i).and_then(|r| r.get(j)) {
                    _ if i == j => "—".to_owned(),
                    Some(n) => n.to_string(),
                    None => "0".to_owned(),
                },
            ));
            (None, cells)
        })
        .collect();
    let mut head = vec![t.synergies_corner.to_owned()];
    head.extend(names.iter().cloned());
    blocks.push(Block::Table(Table {
        caption: t.synergies_caption.to_owned(),
        head,
        rows,
    }));
}

/// The label and title of an item of a community's plan («O2 Dati aperti»), or its id.
fn item_label(plan: &GeneralPlan, community: &CommunitySlug, item: &str) -> String {
    let Some(part) = plan.plans.iter().find(|p| &p.community == community) else {
        return item.to_owned();
    };
    let content = &part.content;
    let objective = content.objectives.iter().position(|o| o.id.0 == item);
    let action = content.actions.iter().position(|a| a.id.0 == item);
    match (objective, action) {
        (Some(i), _) => format!("O{} {}", i + 1, content.objectives[i].title),
        (_, Some(i)) => format!("A{} {}", i + 1, content.actions[i].title),
        _ => item.to_owned(),
    }
}
