//! Where an annotation points: a block of a plan (the context, or one field of an objective,
//! action, indicator or meeting) plus, for a passage, the quoted text with a little context on
//! each side and its position. [`locate`] finds the passage again after the plan was edited.

use serde::{Deserialize, Serialize};

use crate::domain::markdown;
use crate::domain::plan::{PlanContent, section};

mod find;

/// The anchor of an annotation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The item id, or `contesto` for the context section.
    pub item: String,
    /// The item's field (`titolo`, `descrizione`, …; `testo` for the context); empty when the
    /// annotation is on the whole item.
    pub field: String,
    /// The quoted passage, as plain text; empty for a whole item.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before and after the quote.
    pub prefix: String,
    pub suffix: String,
    /// The quote's position in the block's plain text when it was made, in characters.
    pub start: u32,
}

/// How many characters of context an anchor keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

/// One annotatable text of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub item: String,
    pub field: String,
    /// The field's visible text (markdown rendered to plain text).
    pub text: String,
}

/// Where an anchor lands in the current plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// The passage was found: characters `start..end` of the block's plain text.
    Passage {
        item: String,
        field: String,
        start: usize,
        end: usize,
    },
    /// The annotation is on a whole item that still exists.
    Item { item: String },
    /// The passage or the item is gone: show the annotation apart, with its quote.
    Detached,
}

/// The field names of a plan's annotatable texts.
pub mod field {
    /// The context section's text.
    pub const TEXT: &str = "testo";
    pub const TITLE: &str = "titolo";
    pub const DESCRIPTION: &str = "descrizione";
    /// An action's lead.
    pub const LEAD: &str = "capofila";
    /// An action's participating bodies.
    pub const BODIES: &str = "enti";
    /// An action's outputs.
    pub const OUTPUTS: &str = "realizzazioni";
    /// An action's audience.
    pub const AUDIENCE: &str = "destinatari";
    /// An indicator's name.
    pub const NAME: &str = "nome";
    pub const TARGET: &str = "target";
}

impl Anchor {
    /// An anchor on characters `start..end` of `text`, the visible text of `field` of `item`,
    /// with its context; offsets past the end are clamped to it.
    pub fn passage(item: &str, field: &str, text: &str, start: usize, end: usize) -> Anchor {
        let chars: Vec<char> = text.chars().collect();
        let end = end.min(chars.len());
        let start = start.min(end);
        let collect = |range: &[char]| range.iter().collect::<String>();
        Anchor {
            item: item.to_owned(),
            field: field.to_owned(),
            quote: collect(&chars[start..end]),
            prefix: collect(&chars[start.saturating_sub(CONTEXT_CHARS)..start]),
            suffix: collect(&chars[end..(end + CONTEXT_CHARS).min(chars.len())]),
            start: u32::try_from(start).unwrap_or(u32::MAX),
        }
    }

    /// An anchor on the whole of `item` (an item id, or `contesto`).
    pub fn whole(item: &str) -> Anchor {
        Anchor {
            item: item.to_owned(),
            ..Anchor::default()
        }
    }
}

/// Every annotatable text of `plan`, in reading order.
pub fn blocks(plan: &PlanContent) -> Vec<Block> {
    sources(plan).into_iter().map(Source::block).collect()
}

/// Finds `anchor` in `plan`. An anchor on a field without a quote covers the whole field.
pub fn locate(anchor: &Anchor, plan: &PlanContent) -> Placement {
    if anchor.field.is_empty() && anchor.quote.is_empty() {
        let exists =
            anchor.item == section::CONTEXT || plan.item_ids().any(|id| id.0 == anchor.item);
        return if exists {
            Placement::Item {
                item: anchor.item.clone(),
            }
        } else {
            Placement::Detached
        };
    }
    let source = sources(plan)
        .into_iter()
        .find(|source| source.item == anchor.item && source.field == anchor.field);
    let Some(block) = source.map(Source::block) else {
        return Placement::Detached;
    };
    let found = if anchor.quote.is_empty() {
        Some((0, block.text.chars().count()))
    } else {
        find::passage(anchor, &block.text)
    };
    match found {
        Some((start, end)) => Placement::Passage {
            item: block.item,
            field: block.field,
            start,
            end,
        },
        None => Placement::Detached,
    }
}

/// One annotatable field, before its markdown is rendered.
struct Source<'a> {
    item: &'a str,
    field: &'static str,
    value: &'a str,
    markdown: bool,
}

impl Source<'_> {
    /// The block with the field's visible text.
    fn block(self) -> Block {
        Block {
            item: self.item.to_owned(),
            field: self.field.to_owned(),
            text: if self.markdown {
                markdown::plain_text(self.value)
            } else {
                self.value.to_owned()
            },
        }
    }
}

/// A field shown as typed.
fn plain<'a>(item: &'a str, field: &'static str, value: &'a str) -> Source<'a> {
    Source {
        item,
        field,
        value,
        markdown: false,
    }
}

/// A field shown as rendered markdown.
fn rich<'a>(item: &'a str, field: &'static str, value: &'a str) -> Source<'a> {
    Source {
        markdown: true,
        ..plain(item, field, value)
    }
}

/// Every annotatable field of `plan`, in the order the plan page shows them.
fn sources(plan: &PlanContent) -> Vec<Source<'_>> {
    let mut out = vec![rich(section::CONTEXT, field::TEXT, &plan.context)];
    for objective in &plan.objectives {
        let id = objective.id.0.as_str();
        out.push(plain(id, field::TITLE, &objective.title));
        out.push(rich(id, field::DESCRIPTION, &objective.description));
    }
    for action in &plan.actions {
        let id = action.id.0.as_str();
        out.push(plain(id, field::TITLE, &action.title));
        out.push(rich(id, field::DESCRIPTION, &action.description));
        out.push(plain(id, field::LEAD, &action.lead));
        out.push(plain(id, field::BODIES, &action.bodies));
        out.push(plain(id, field::OUTPUTS, &action.outputs));
        out.push(plain(id, field::AUDIENCE, &action.audience));
    }
    for indicator in &plan.indicators {
        let id = indicator.id.0.as_str();
        out.push(plain(id, field::NAME, &indicator.name));
        out.push(plain(id, field::TARGET, &indicator.target));
    }
    for meeting in &plan.meetings {
        out.push(plain(&meeting.id.0, field::TITLE, &meeting.title));
    }
    out
}

#[cfg(test)]
mod tests;
