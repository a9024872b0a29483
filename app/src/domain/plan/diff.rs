//! What changed between two versions of a plan, and the three-way merge that saves an edit made
//! while someone else saved another version. Items are always matched by their id.

use serde::{Deserialize, Serialize};

use super::{Indicator, ItemId, Meeting, Objective, PlanAction, PlanContent, section};

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
        Name = "nome",
        Target = "target",
        Date = "data",
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

/// The item with `id` in `list`.
fn find<'a, T: Item>(list: &'a [T], id: &ItemId) -> Option<&'a T> {
    list.iter().find(|item| item.id() == id)
}

/// The position of the item with `id` in `list`.
fn index_of<T: Item>(list: &[T], id: &ItemId) -> Option<usize> {
    list.iter().position(|item| item.id() == id)
}

/// What the diff and the merge need of each kind of item.
trait Item: Clone + PartialEq {
    /// The section's id, one of [`section`].
    const SECTION: &'static str;
    /// The first letter of the items' labels.
    const LETTER: char;

    /// The section's items in `plan`.
    fn list(plan: &PlanContent) -> &[Self];
    /// The section's items in `plan`, to change.
    fn list_mut(plan: &mut PlanContent) -> &mut Vec<Self>;
    fn id(&self) -> &ItemId;
    /// What names the item in lists of changes and conflicts.
    fn title(&self) -> &str;
    /// Every field with its value, always in the same order.
    fn fields(&self) -> Vec<(Field, Value<'_>)>;
    /// Sets `field` to its value in `other` (no effect for a field the item does not have).
    fn copy_field(&mut self, field: Field, other: &Self);

    /// The label of the item at `index`: O1, A2, I3, C4.
    fn label(index: usize) -> String {
        format!("{}{}", Self::LETTER, index + 1)
    }
}

/// A field's value: compared as stored, shown as text.
#[derive(PartialEq)]
enum Value<'a> {
    Text(&'a str),
    /// Links to objectives.
    Objectives(&'a [ItemId]),
    /// The first and last month.
    Period(u8, u8),
}

impl Value<'_> {
    /// The value as text, linked objectives by their labels in `plan` (a missing one by its id).
    fn shown(&self, plan: &PlanContent) -> String {
        match *self {
            Self::Text(text) => text.to_owned(),
            Self::Objectives(ids) => ids
                .iter()
                .map(|id| plan.objective_label(id).unwrap_or_else(|| id.0.clone()))
                .collect::<Vec<_>>()
                .join(", "),
            Self::Period(start, end) if start == end => start.to_string(),
            Self::Period(start, end) => format!("{start}–{end}"),
        }
    }
}

impl Item for Objective {
    const SECTION: &'static str = section::OBJECTIVES;
    const LETTER: char = 'O';

    fn list(plan: &PlanContent) -> &[Self] {
        &plan.objectives
    }

    fn list_mut(plan: &mut PlanContent) -> &mut Vec<Self> {
        &mut plan.objectives
    }

    fn id(&self) -> &ItemId {
        &self.id
    }

    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(Field, Value<'_>)> {
        vec![
            (Field::Title, Value::Text(&self.title)),
            (Field::Description, Value::Text(&self.description)),
        ]
    }

    fn copy_field(&mut self, field: Field, other: &Self) {
        match field {
            Field::Title => self.title.clone_from(&other.title),
            Field::Description => self.description.clone_from(&other.description),
            _ => {}
        }
    }
}

impl Item for PlanAction {
    const SECTION: &'static str = section::ACTIONS;
    const LETTER: char = 'A';

    fn list(plan: &PlanContent) -> &[Self] {
        &plan.actions
    }

    fn list_mut(plan: &mut PlanContent) -> &mut Vec<Self> {
        &mut plan.actions
    }

    fn id(&self) -> &ItemId {
        &self.id
    }

    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(Field, Value<'_>)> {
        vec![
            (Field::Title, Value::Text(&self.title)),
            (Field::Description, Value::Text(&self.description)),
            (Field::Objectives, Value::Objectives(&self.objectives)),
            (
                Field::Period,
                Value::Period(self.start_month, self.end_month),
            ),
            (Field::Lead, Value::Text(&self.lead)),
            (Field::Bodies, Value::Text(&self.bodies)),
            (Field::Outputs, Value::Text(&self.outputs)),
            (Field::Audience, Value::Text(&self.audience)),
        ]
    }

    fn copy_field(&mut self, field: Field, other: &Self) {
        match field {
            Field::Title => self.title.clone_from(&other.title),
            Field::Description => self.description.clone_from(&other.description),
            Field::Objectives => self.objectives.clone_from(&other.objectives),
            Field::Period => {
                (self.start_month, self.end_month) = (other.start_month, other.end_month)
            }
            Field::Lead => self.lead.clone_from(&other.lead),
            Field::Bodies => self.bodies.clone_from(&other.bodies),
            Field::Outputs => self.outputs.clone_from(&other.outputs),
            Field::Audience => self.audience.clone_from(&other.audience),
            _ => {}
        }
    }
}

impl Item for Indicator {
    const SECTION: &'static str = section::INDICATORS;
    const LETTER: char = 'I';

    fn list(plan: &PlanContent) -> &[Self] {
        &plan.indicators
    }

    fn list_mut(plan: &mut PlanContent) -> &mut Vec<Self> {
        &mut plan.indicators
    }

    fn id(&self) -> &ItemId {
        &self.id
    }

    fn title(&self) -> &str {
        &self.name
    }

    fn fields(&self) -> Vec<(Field, Value<'_>)> {
        vec![
            (Field::Name, Value::Text(&self.name)),
            (Field::Target, Value::Text(&self.target)),
        ]
    }

    fn copy_field(&mut self, field: Field, other: &Self) {
        match field {
            Field::Name => self.name.clone_from(&other.name),
            Field::Target => self.target.clone_from(&other.target),
            _ => {}
        }
    }
}

impl Item for Meeting {
    const SECTION: &'static str = section::MEETINGS;
    const LETTER: char = 'C';

    fn list(plan: &PlanContent) -> &[Self] {
        &plan.meetings
    }

    fn list_mut(plan: &mut PlanContent) -> &mut Vec<Self> {
        &mut plan.meetings
    }

    fn id(&self) -> &ItemId {
        &self.id
    }

    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(Field, Value<'_>)> {
        vec![
            (Field::Date, Value::Text(&self.date)),
            (Field::Title, Value::Text(&self.title)),
        ]
    }

    fn copy_field(&mut self, field: Field, other: &Self) {
        match field {
            Field::Date => self.date.clone_from(&other.date),
            Field::Title => self.title.clone_from(&other.title),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(value: &str) -> ItemId {
        ItemId(value.to_owned())
    }

    fn objective(key: &str, title: &str) -> Objective {
        Objective {
            id: id(key),
            title: title.to_owned(),
            description: String::new(),
        }
    }

    fn action(key: &str, title: &str, objectives: &[&str]) -> PlanAction {
        PlanAction {
            id: id(key),
            title: title.to_owned(),
            description: String::new(),
            objectives: objectives.iter().map(|key| id(key)).collect(),
            start_month: 1,
            end_month: 3,
            lead: "Comune".to_owned(),
            bodies: String::new(),
            outputs: String::new(),
            audience: String::new(),
        }
    }

    fn base() -> PlanContent {
        PlanContent {
            context: "Un paese di montagna.".to_owned(),
            objectives: vec![
                objective("o1", "Inclusione"),
                objective("o2", "Ambiente"),
                objective("o3", "Cultura"),
            ],
            actions: vec![
                action("a1", "Laboratori", &["o1"]),
                action("a2", "Orti", &["o2", "o3"]),
            ],
            indicators: vec![Indicator {
                id: id("i1"),
                name: "Partecipanti".to_owned(),
                target: "50".to_owned(),
            }],
            meetings: vec![Meeting {
                id: id("m1"),
                date: "2025-03-01".to_owned(),
                title: "Avvio".to_owned(),
            }],
        }
    }

    fn keys<T: Item>(plan: &PlanContent) -> Vec<String> {
        T::list(plan)
            .iter()
            .map(|item| item.id().0.clone())
            .collect()
    }

    fn clean(base: &PlanContent, mine: &PlanContent, theirs: &PlanContent) -> PlanContent {
        let merged = merge(base, mine, theirs);
        assert_eq!(merged.conflicts, vec![]);
        merged.content
    }

    #[test]
    fn identical_contents_have_no_diff() {
        assert!(PlanDiff::between(&base(), &base()).is_empty());
        assert!(!PlanDiff::between(&base(), &PlanContent::default()).is_empty());
    }

    #[test]
    fn diff_lists_changed_added_and_removed_items() {
        let before = base();
        let mut after = base();
        after.context = "Un paese.".to_owned();
        after.actions[1].objectives = vec![id("o3"), id("zz")];
        after.actions[1].start_month = 4;
        after.actions[1].end_month = 4;
        after.indicators[0] = Indicator {
            id: id("i2"),
            name: "Eventi".to_owned(),
            target: "3".to_owned(),
        };
        after.meetings[0].date = "2025-03-08".to_owned();
        let diff = PlanDiff::between(&before, &after);
        assert_eq!(
            diff.context.map(|change| change.after),
            Some("Un paese.".to_owned())
        );
        assert_eq!(diff.objectives, vec![]);
        let change = |field, before: &str, after: &str| FieldChange {
            field,
            before: before.to_owned(),
            after: after.to_owned(),
        };
        assert_eq!(
            diff.actions,
            vec![ItemChange::Changed {
                id: id("a2"),
                label_before: "A2".to_owned(),
                label_after: "A2".to_owned(),
                title: "Orti".to_owned(),
                fields: vec![
                    change(Field::Objectives, "O2, O3", "O3, zz"),
                    change(Field::Period, "1–3", "4"),
                ],
            }]
        );
        assert_eq!(
            diff.indicators,
            vec![
                ItemChange::Added {
                    id: id("i2"),
                    label: "I1".to_owned(),
                    title: "Eventi".to_owned()
                },
                ItemChange::Removed {
                    id: id("i1"),
                    label: "I1".to_owned(),
                    title: "Partecipanti".to_owned()
                },
            ]
        );
        let moved_date = change(Field::Date, "2025-03-01", "2025-03-08");
        assert!(matches!(
            diff.meetings.as_slice(),
            [ItemChange::Changed { label_after, fields, .. }]
                if label_after == "C1" && fields == &[moved_date]
        ));
    }

    #[test]
    fn diff_follows_moved_items_by_id() {
        let before = base();
        let mut after = base();
        after.objectives.remove(0);
        after.objectives.swap(0, 1);
        after.objectives[0].title = "Cultura viva".to_owned();
        let diff = PlanDiff::between(&before, &after);
        let moves: Vec<(&str, &str, &str, usize)> = diff
            .objectives
            .iter()
            .map(|change| match change {
                ItemChange::Changed {
                    id,
                    label_before,
                    label_after,
                    fields,
                    ..
                } => (
                    id.0.as_str(),
                    label_before.as_str(),
                    label_after.as_str(),
                    fields.len(),
                ),
                ItemChange::Removed { id, label, .. } => (id.0.as_str(), label.as_str(), "", 0),
                ItemChange::Added { id, .. } => (id.0.as_str(), "", "", 0),
            })
            .collect();
        // o2 kept its label and fields: it is not listed.
        assert_eq!(moves, [("o3", "O3", "O1", 1), ("o1", "O1", "", 0)]);
        // Links to moved objectives are unchanged: the actions did not change.
        let mut reordered = base();
        reordered.objectives.reverse();
        let diff = PlanDiff::between(&before, &reordered);
        assert_eq!(diff.objectives.len(), 2);
        assert_eq!(diff.actions, vec![]);
    }

    #[test]
    fn edits_to_different_things_merge_cleanly_both_ways() {
        let mut mine = base();
        mine.context = "Un paese di montagna, vivo.".to_owned();
        mine.objectives[0].title = "Inclusione sociale".to_owned();
        let mut theirs = base();
        theirs.objectives[0].description = "Per tutti.".to_owned();
        theirs.actions[0].start_month = 2;
        theirs.meetings[0].title = "Avvio del piano".to_owned();
        let mut expected = mine.clone();
        expected.objectives[0].description = "Per tutti.".to_owned();
        expected.actions[0].start_month = 2;
        expected.meetings[0].title = "Avvio del piano".to_owned();
        assert_eq!(clean(&base(), &mine, &theirs), expected);
        assert_eq!(clean(&base(), &theirs, &mine), expected);
        assert_eq!(clean(&base(), &mine, &mine), mine);
        assert_eq!(clean(&base(), &base(), &theirs), theirs);
    }

    #[test]
    fn the_same_field_changed_differently_is_a_conflict_keeping_mine() {
        let mut mine = base();
        mine.context = "Mio.".to_owned();
        mine.actions[1].start_month = 4;
        mine.actions[1].end_month = 6;
        let mut theirs = base();
        theirs.context = "Loro.".to_owned();
        theirs.actions[1].start_month = 5;
        theirs.actions[1].end_month = 5;
        theirs.actions[1].title = "Orti condivisi".to_owned();
        let Merge {
            mut content,
            conflicts,
        } = merge(&base(), &mine, &theirs);
        assert_eq!(
            conflicts,
            vec![
                Conflict {
                    section: "contesto".to_owned(),
                    item: None,
                    label: String::new(),
                    field: Some(Field::Context),
                    mine: "Mio.".to_owned(),
                    theirs: "Loro.".to_owned(),
                },
                Conflict {
                    section: "azioni".to_owned(),
                    item: Some(id("a2")),
                    label: "A2".to_owned(),
                    field: Some(Field::Period),
                    mine: "4–6".to_owned(),
                    theirs: "5".to_owned(),
                },
            ]
        );
        assert_eq!(content.context, "Mio.");
        assert_eq!(content.actions[1].title, "Orti condivisi");
        assert_eq!(
            (content.actions[1].start_month, content.actions[1].end_month),
            (4, 6)
        );
        for conflict in &conflicts {
            take_theirs(&mut content, &theirs, conflict);
        }
        assert_eq!(content, theirs);
    }

    #[test]
    fn additions_on_both_sides_are_kept_in_order() {
        let mut mine = base();
        mine.objectives.insert(0, objective("o5", "Giovani"));
        mine.objectives.insert(2, objective("o6", "Anziani"));
        mine.objectives.insert(3, objective("o7", "Sport"));
        let mut theirs = base();
        theirs.objectives.insert(2, objective("o8", "Lavoro"));
        theirs.objectives.push(objective("o9", "Turismo"));
        let merged = clean(&base(), &mine, &theirs);
        assert_eq!(
            keys::<Objective>(&merged),
            ["o5", "o1", "o6", "o7", "o2", "o8", "o3", "o9"]
        );
        // The same id added on both sides: agreed fields merge, the others conflict.
        mine.objectives.push(objective("o9", "Turismo lento"));
        let merged = merge(&base(), &mine, &theirs);
        assert_eq!(keys::<Objective>(&merged.content).len(), 8);
        assert!(matches!(
            merged.conflicts.as_slice(),
            [Conflict { label, field: Some(Field::Title), .. }] if label == "O8"
        ));
    }

    #[test]
    fn removing_what_the_other_side_changed_is_a_conflict() {
        let mut edited = base();
        edited.actions[0].description = "Ogni martedì.".to_owned();
        let mut removed = base();
        removed.actions.remove(0);

        // Mine removed it, theirs changed it: removed, put back if theirs is taken.
        let Merge {
            mut content,
            conflicts,
        } = merge(&base(), &removed, &edited);
        assert_eq!(content, removed);
        assert_eq!(
            conflicts,
            vec![Conflict {
                section: "azioni".to_owned(),
                item: Some(id("a1")),
                label: "A1".to_owned(),
                field: None,
                mine: String::new(),
                theirs: "Laboratori".to_owned(),
            }]
        );
        take_theirs(&mut content, &edited, &conflicts[0]);
        assert_eq!(content, edited);

        // Mine changed it, theirs removed it: kept as changed, removed if theirs is taken.
        let Merge {
            mut content,
            conflicts,
        } = merge(&base(), &edited, &removed);
        assert_eq!(content, edited);
        assert_eq!(
            (conflicts[0].mine.as_str(), conflicts[0].theirs.as_str()),
            ("Laboratori", "")
        );
        take_theirs(&mut content, &removed, &conflicts[0]);
        assert_eq!(content, removed);

        // Put back where theirs has it (the links mine removed with it stay removed).
        let mut mine = base();
        mine.objectives.remove(1);
        mine.actions[1].objectives = vec![id("o3")];
        let mut theirs = base();
        theirs.objectives[1].description = "Acqua e boschi.".to_owned();
        let Merge {
            mut content,
            conflicts,
        } = merge(&base(), &mine, &theirs);
        assert_eq!(keys::<Objective>(&content), ["o1", "o3"]);
        assert_eq!(conflicts[0].label, "O2");
        take_theirs(&mut content, &theirs, &conflicts[0]);
        assert_eq!(content.objectives, theirs.objectives);
        assert_eq!(content.actions, mine.actions);

        // Removed on one side and untouched on the other: removed.
        assert_eq!(clean(&base(), &removed, &base()), removed);
        assert_eq!(clean(&base(), &base(), &removed), removed);
    }

    #[test]
    fn a_reorder_on_one_side_merges_with_edits_on_the_other() {
        let mut reordered = base();
        reordered.objectives.rotate_left(1);
        let mut edited = base();
        edited.objectives[0].title = "Inclusione sociale".to_owned();
        edited.objectives.push(objective("o4", "Salute"));
        for (mine, theirs) in [(&reordered, &edited), (&edited, &reordered)] {
            let merged = clean(&base(), mine, theirs);
            // The added o4 follows o3, which precedes it where it was added.
            assert_eq!(keys::<Objective>(&merged), ["o2", "o3", "o4", "o1"]);
            assert_eq!(merged.objectives[3].title, "Inclusione sociale");
        }
        // Both reordered differently: theirs wins.
        let mut mine = base();
        mine.objectives.reverse();
        assert_eq!(
            keys::<Objective>(&clean(&base(), &mine, &reordered)),
            ["o2", "o3", "o1"]
        );
    }

    #[test]
    fn links_to_removed_objectives_are_dropped() {
        let mut mine = base();
        mine.actions[0].objectives.push(id("o3"));
        let mut theirs = base();
        theirs.objectives.remove(2);
        theirs.actions[1].objectives = vec![id("o2")];
        let merged = clean(&base(), &mine, &theirs);
        assert_eq!(keys::<Objective>(&merged), ["o1", "o2"]);
        assert_eq!(merged.actions[0].objectives, [id("o1")]);
        assert_eq!(merged.actions[1].objectives, [id("o2")]);

        // An objective kept by a conflict keeps its links until theirs is taken.
        mine.objectives[2].title = "Cultura e memoria".to_owned();
        let Merge {
            mut content,
            conflicts,
        } = merge(&base(), &mine, &theirs);
        assert_eq!(content.actions[0].objectives, [id("o1"), id("o3")]);
        assert_eq!(conflicts.len(), 1);
        take_theirs(&mut content, &theirs, &conflicts[0]);
        assert_eq!(keys::<Objective>(&content), ["o1", "o2"]);
        assert_eq!(content.actions[0].objectives, [id("o1")]);
    }
}
