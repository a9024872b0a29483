//! What changed between two versions of a plan, and the three-way merge that saves an edit made
//! while someone else saved another version. Items are always matched by their id.

use serde::{Deserialize, Serialize};

use super::{Indicator, ItemId, Meeting, Objective, PlanAction, PlanContent};

mod item;
mod merge;
#[cfg(test)]
mod tests;

use item::{Item, find, index_of};
pub use merge::{Conflict, Merge, merge, take_theirs};

code_enum! {
    /// A field of a plan item (or the context).
    Field {
        Context = "contesto",
        Title = "titolo",
        Description = "descrizione",
        Objectives = "obiettivi",
        Period = "periodo",
        Lead = "responsabile",
        Bodies = "enti",
        Outputs = "prodotti",
        Audience = "destinatari",
        Status = "stato",
        Name = "nome",
        Target = "target",
        Date = "data",
        Announces = "incontro",
    }
}

/// A field's value before and after, as text: linked objectives by their labels in each
/// version ("O1, O3"; a missing one by its id), a period as "3–5" (or "4" for one month).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: Field,
    pub before: String,
    pub after: String,
}

/// How one item changed; labels are positions in their version (O1, A2, I3, C4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemChange {
    Added {
        id: ItemId,
        label: String,
        title: String,
    },
    Removed {
        id: ItemId,
        label: String,
        title: String,
    },
    /// Fields changed and/or the item moved (its label changed with its position).
    Changed {
        id: ItemId,
        label_before: String,
        label_after: String,
        title: String,
        fields: Vec<FieldChange>,
    },
}

/// What changed between two versions of a plan, section by section.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDiff {
    pub context: Option<FieldChange>,
    pub objectives: Vec<ItemChange>,
    pub actions: Vec<ItemChange>,
    pub indicators: Vec<ItemChange>,
    pub meetings: Vec<ItemChange>,
}

impl PlanDiff {
    /// The changes from `before` to `after`. In each section: the items of `after` that were
    /// added, changed or moved, in its order, then those removed, in the order of `before`.
    /// Linked objectives count as changed when the links are, not when only their labels are.
    pub fn between(before: &PlanContent, after: &PlanContent) -> Self {
        Self {
            context: (before.context != after.context).then(|| FieldChange {
                field: Field::Context,
                before: before.context.clone(),
                after: after.context.clone(),
            }),
            objectives: changes::<Objective>(before, after),
            actions: changes::<PlanAction>(before, after),
            indicators: changes::<Indicator>(before, after),
            meetings: changes::<Meeting>(before, after),
        }
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.context.is_none()
            && self.objectives.is_empty()
            && self.actions.is_empty()
            && self.indicators.is_empty()
            && self.meetings.is_empty()
    }
}

/// The changes to one section's items.
fn changes<T: Item>(before: &PlanContent, after: &PlanContent) -> Vec<ItemChange> {
    let (old, new) = (T::list(before), T::list(after));
    let mut changes: Vec<ItemChange> = new
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let (id, label_after) = (item.id().clone(), T::label(index));
            let title = item.title().to_owned();
            let Some(old_index) = index_of(old, item.id()) else {
                return Some(ItemChange::Added {
                    id,
                    label: label_after,
                    title,
                });
            };
            let fields: Vec<FieldChange> = old[old_index]
                .fields()
                .into_iter()
                .zip(item.fields())
                .filter(|((_, was), (_, is))| was != is)
                .map(|((field, was), (_, is))| FieldChange {
                    field,
                    before: was.shown(before),
                    after: is.shown(after),
                })
                .collect();
            let label_before = T::label(old_index);
            (!fields.is_empty() || label_before != label_after).then_some(ItemChange::Changed {
                id,
                label_before,
                label_after,
                title,
                fields,
            })
        })
        .collect();
    let removed = old
        .iter()
        .enumerate()
        .filter(|(_, item)| find(new, item.id()).is_none());
    changes.extend(removed.map(|(index, item)| ItemChange::Removed {
        id: item.id().clone(),
        label: T::label(index),
        title: item.title().to_owned(),
    }));
    changes
}
