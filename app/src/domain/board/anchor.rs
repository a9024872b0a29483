//! Where an annotation points: a block of a plan (the context, or one field of an objective,
//! action, indicator or meeting) plus, for a passage, the quoted text with a little context on
//! each side and its position. [`locate`] finds the passage again after the plan was edited.

use serde::{Deserialize, Serialize};

use crate::domain::plan::PlanContent;

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

/// Every annotatable text of `plan`, in reading order.
pub fn blocks(plan: &PlanContent) -> Vec<Block> {
    todo!("{plan:?}")
}

/// Finds `anchor` in `plan`.
pub fn locate(anchor: &Anchor, plan: &PlanContent) -> Placement {
    todo!("{anchor:?} {plan:?}")
}
