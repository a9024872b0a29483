//! The three-way merge that saves an edit made while someone else saved another version.

use serde::{Deserialize, Serialize};

use super::Field;
use super::item::{Item, find, index_of};
use crate::domain::plan::{
    Indicator, ItemId, Meeting, Objective, PlanAction, PlanContent, section,
};

/// Something both sides of a merge changed differently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The section's id, one of [`section`].
    pub section: String,
    /// The item, or `None` for the context.
    pub item: Option<ItemId>,
    /// The item's label in the merged plan (in theirs if the merged plan lacks it); empty for
    /// the context.
    pub label: String,
    /// The field, or `None` when one side removed the item and the other changed it.
    pub field: Option<Field>,
    /// Each side's value as text (linked objectives by their labels in the merged plan). For a
    /// removed item: its title on the side that changed it, an empty text on the side that
    /// removed it.
    pub mine: String,
    pub theirs: String,
}

/// The outcome of a three-way merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merge {
    /// The merged plan, keeping mine wherever there is a conflict.
    pub content: PlanContent,
    /// In section order, then by position in the merged plan.
    pub conflicts: Vec<Conflict>,
}

/// Merges `mine` (edited from `base`) with `theirs` (saved meanwhile, also from `base`).
///
/// Each field takes the side that changed it (an action's objectives, and its period, are one
/// field each); changed differently on both sides, it keeps mine and is a conflict. An item
/// added on either side is kept; one removed on a side is removed, unless the other changed it:
/// then it is a conflict, and keeps mine (removed or changed). The order is theirs, unless only
/// mine reordered; the items missing from it follow the item that precedes them on the other
/// side. Links to objectives that no longer exist are dropped.
pub fn merge(base: &PlanContent, mine: &PlanContent, theirs: &PlanContent) -> Merge {
    let mut conflicts = Vec::new();
    let context = match side(Some(&base.context), &mine.context, &theirs.context) {
        Side::Mine => mine.context.clone(),
        Side::Theirs => theirs.context.clone(),
        Side::Conflict => {
            conflicts.push(Conflict {
                section: section::CONTEXT.to_owned(),
                item: None,
                label: String::new(),
                field: Some(Field::Context),
                mine: mine.context.clone(),
                theirs: theirs.context.clone(),
            });
            mine.context.clone()
        }
    };
    let mut content = PlanContent {
        context,
        ..PlanContent::default()
    };
    content.objectives = merge_items(base, mine, theirs, &content, &mut conflicts);
    content.actions = merge_items(base, mine, theirs, &content, &mut conflicts);
    content.indicators = merge_items(base, mine, theirs, &content, &mut conflicts);
    content.meetings = merge_items(base, mine, theirs, &content, &mut conflicts);
    prune_links(&mut content);
    Merge { content, conflicts }
}

/// Resolves `conflict` the other way: replaces, in `merged`, the conflicting field or whole
/// item with its version in `theirs` (removing the item if they removed it, putting it back
/// after the item that precedes it in theirs if mine removed it), then drops links to
/// objectives that no longer exist.
pub fn take_theirs(merged: &mut PlanContent, theirs: &PlanContent, conflict: &Conflict) {
    match conflict.section.as_str() {
        section::CONTEXT => merged.context.clone_from(&theirs.context),
        section::OBJECTIVES => take_item::<Objective>(merged, theirs, conflict),
        section::ACTIONS => take_item::<PlanAction>(merged, theirs, conflict),
        section::INDICATORS => take_item::<Indicator>(merged, theirs, conflict),
        section::MEETINGS => take_item::<Meeting>(merged, theirs, conflict),
        _ => {}
    }
    prune_links(merged);
}

/// [`take_theirs`] for the items of one section.
fn take_item<T: Item>(merged: &mut PlanContent, theirs: &PlanContent, conflict: &Conflict) {
    let Some(id) = &conflict.item else { return };
    let (list, theirs) = (T::list_mut(merged), T::list(theirs));
    match (conflict.field, index_of(theirs, id)) {
        (Some(field), Some(their_index)) => {
            if let Some(item) = list.iter_mut().find(|item| item.id() == id) {
                item.copy_field(field, &theirs[their_index]);
            }
        }
        (None, Some(their_index)) => {
            let item = theirs[their_index].clone();
            match index_of(list, id) {
                Some(index) => list[index] = item,
                None => insert_after(list, item, &theirs[..their_index]),
            }
        }
        (None, None) => list.retain(|item| item.id() != id),
        (Some(_), None) => {}
    }
}

/// Merges one section's items; its conflicts are labelled by position in the result.
fn merge_items<T: Item>(
    base: &PlanContent,
    mine: &PlanContent,
    theirs: &PlanContent,
    shown_in: &PlanContent,
    conflicts: &mut Vec<Conflict>,
) -> Vec<T> {
    let (base, mine, theirs) = (T::list(base), T::list(mine), T::list(theirs));
    let mut found = Vec::new();
    let mut resolve = |id: &ItemId| {
        let versions = (find(base, id), find(mine, id), find(theirs, id));
        merge_item(versions, shown_in, &mut found)
    };
    let (lead, other) = if reordered(base, mine) && !reordered(base, theirs) {
        (mine, theirs)
    } else {
        (theirs, mine)
    };
    let mut merged: Vec<T> = lead.iter().filter_map(|item| resolve(item.id())).collect();
    for (index, item) in other.iter().enumerate() {
        if find(lead, item.id()).is_none()
            && let Some(kept) = resolve(item.id())
        {
            insert_after(&mut merged, kept, &other[..index]);
        }
    }
    let position = |conflict: &Conflict| {
        let id = conflict.item.as_ref();
        let index = id.and_then(|id| index_of(&merged, id).or_else(|| index_of(theirs, id)));
        index.unwrap_or(merged.len())
    };
    found.sort_by_key(position);
    for conflict in &mut found {
        conflict.label = T::label(position(conflict));
    }
    conflicts.extend(found);
    merged
}

/// One item's outcome from its `(base, mine, theirs)` versions (`None`: absent there).
fn merge_item<T: Item>(
    versions: (Option<&T>, Option<&T>, Option<&T>),
    shown_in: &PlanContent,
    conflicts: &mut Vec<Conflict>,
) -> Option<T> {
    match versions {
        (base, Some(mine), Some(theirs)) => {
            Some(merge_fields(base, mine, theirs, shown_in, conflicts))
        }
        (None, mine, theirs) => mine.or(theirs).cloned(),
        (Some(base), Some(kept), None) | (Some(base), None, Some(kept)) if kept == base => None,
        (Some(_), mine, theirs) => {
            let changed = mine.or(theirs)?;
            let title =
                |side: Option<&T>| side.map_or_else(String::new, |item| item.title().to_owned());
            conflicts.push(Conflict {
                section: T::SECTION.to_owned(),
                item: Some(changed.id().clone()),
                label: String::new(),
                field: None,
                mine: title(mine),
                theirs: title(theirs),
            });
            mine.cloned()
        }
    }
}

/// Merges two versions of an item field by field; `base` is `None` when both sides added it.
fn merge_fields<T: Item>(
    base: Option<&T>,
    mine: &T,
    theirs: &T,
    shown_in: &PlanContent,
    conflicts: &mut Vec<Conflict>,
) -> T {
    let mut merged = mine.clone();
    let base_fields = base.map_or_else(Vec::new, Item::fields);
    for ((field, mine_value), (_, theirs_value)) in mine.fields().into_iter().zip(theirs.fields()) {
        let base_value = base_fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, value)| value);
        match side(base_value, &mine_value, &theirs_value) {
            Side::Mine => {}
            Side::Theirs => merged.copy_field(field, theirs),
            Side::Conflict => conflicts.push(Conflict {
                section: T::SECTION.to_owned(),
                item: Some(mine.id().clone()),
                label: String::new(),
                field: Some(field),
                mine: mine_value.shown(shown_in),
                theirs: theirs_value.shown(shown_in),
            }),
        }
    }
    merged
}

/// Which version a merged value takes.
enum Side {
    Mine,
    Theirs,
    Conflict,
}

/// The side that changed the value from `base` (`None`: there was none), mine when both agree,
/// a conflict when both changed it differently.
fn side<V: PartialEq>(base: Option<&V>, mine: &V, theirs: &V) -> Side {
    if mine == theirs || base == Some(theirs) {
        Side::Mine
    } else if base == Some(mine) {
        Side::Theirs
    } else {
        Side::Conflict
    }
}

/// Whether `side` changed the relative order of the items it shares with `base`.
fn reordered<T: Item>(base: &[T], side: &[T]) -> bool {
    let shared = base.iter().filter(|item| find(side, item.id()).is_some());
    let kept = side.iter().filter(|item| find(base, item.id()).is_some());
    shared.map(Item::id).ne(kept.map(Item::id))
}

/// Inserts `item` after the last of `preceding` that `list` holds, or first if it holds none.
fn insert_after<T: Item>(list: &mut Vec<T>, item: T, preceding: &[T]) {
    let index = preceding
        .iter()
        .rev()
        .find_map(|before| index_of(list, before.id()))
        .map_or(0, |index| index + 1);
    list.insert(index, item);
}

/// Drops the links of actions to objectives that are not in the plan.
fn prune_links(plan: &mut PlanContent) {
    let PlanContent {
        objectives,
        actions,
        ..
    } = plan;
    for action in actions {
        action
            .objectives
            .retain(|id| find(objectives, id).is_some());
    }
}
