//! Properties of the diff and of the three-way merge on random plans edited on two sides:
//! merging never loses a change the other side did not touch, and the diff misses nothing.

use proptest::prelude::*;
use proptest::test_runner::TestCaseResult;

use super::super::item::Value;
use super::plans::sides;
use super::*;
use crate::domain::plan::section;

/// A conflict as the merge's specification names it: section, item, field.
type Key = (String, Option<ItemId>, Option<Field>);

/// `plan` without links to objectives it does not have, as every merge leaves it.
fn pruned(plan: &PlanContent) -> PlanContent {
    let mut plan = plan.clone();
    let objectives = plan.ids(crate::domain::plan::edit::Part::Objectives);
    for action in &mut plan.actions {
        action.objectives.retain(|id| objectives.contains(id));
    }
    plan
}

/// The value the merge must give a field, by its documentation: the side that changed it,
/// and mine when both changed it differently (`None` then: a conflict).
fn expected<'v, V: PartialEq>(base: Option<&V>, mine: &'v V, theirs: &'v V) -> Option<&'v V> {
    if mine == theirs || base == Some(theirs) {
        Some(mine)
    } else if base == Some(mine) {
        Some(theirs)
    } else {
        None
    }
}

/// Whether a merged field holds `wanted`, links to objectives `merged` lacks left out.
fn holds(merged: &PlanContent, actual: &Value, wanted: &Value) -> bool {
    match (actual, wanted) {
        (Value::Objectives(actual), Value::Objectives(wanted)) => {
            let kept = wanted
                .iter()
                .filter(|id| merged.objective_label(id).is_some());
            actual.iter().eq(kept)
        }
        _ => actual == wanted,
    }
}

/// Whether `side` changed the relative order of the items it shares with `base`.
fn reordered<T: Item>(base: &[T], side: &[T]) -> bool {
    let shared = base.iter().filter(|item| find(side, item.id()).is_some());
    let kept = side.iter().filter(|item| find(base, item.id()).is_some());
    shared.map(Item::id).ne(kept.map(Item::id))
}

/// Checks one section of `merged` item by item and field by field against the merge's
/// specification, collecting the conflicts it must report.
fn check_section<T: Item + std::fmt::Debug>(
    (base, mine, theirs): (&PlanContent, &PlanContent, &PlanContent),
    merged: &PlanContent,
    conflicts: &mut Vec<Key>,
) -> TestCaseResult {
    let (b, m, t, r) = (
        T::list(base),
        T::list(mine),
        T::list(theirs),
        T::list(merged),
    );
    let mut ids: Vec<&ItemId> = b.iter().chain(m).chain(t).map(Item::id).collect();
    ids.sort();
    ids.dedup();
    let mut merged_ids: Vec<&ItemId> = r.iter().map(Item::id).collect();
    merged_ids.sort();
    prop_assert_eq!(
        &merged_ids,
        &ids.iter()
            .copied()
            .filter(|id| find(r, id).is_some())
            .collect::<Vec<_>>()
    );
    merged_ids.dedup();
    prop_assert_eq!(merged_ids.len(), r.len(), "an item twice in {:?}", r);
    for id in ids {
        let conflict = |field| (T::SECTION.to_owned(), Some(id.clone()), field);
        let result = find(r, id);
        let kept = match (find(b, id), find(m, id), find(t, id)) {
            (base, Some(mine), Some(theirs)) => {
                let result = result.ok_or_else(|| TestCaseError::fail(format!("{id:?} lost")))?;
                let base_fields = base.map(Item::fields);
                let sides = mine
                    .fields()
                    .into_iter()
                    .zip(theirs.fields())
                    .zip(result.fields());
                for (index, (((field, mine), (_, theirs)), (_, merged_value))) in sides.enumerate()
                {
                    let base = base_fields.as_ref().map(|fields| &fields[index].1);
                    let wanted = expected(base, &mine, &theirs).unwrap_or_else(|| {
                        conflicts.push(conflict(Some(field)));
                        &mine
                    });
                    prop_assert!(
                        holds(merged, &merged_value, wanted),
                        "{:?} of {:?}",
                        field,
                        id
                    );
                }
                continue;
            }
            (None, mine, theirs) => mine.or(theirs),
            (Some(_), None, None) => None,
            (Some(base), Some(kept), None) | (Some(base), None, Some(kept)) if kept == base => None,
            (Some(_), mine, _) => {
                conflicts.push(conflict(None));
                mine
            }
        };
        match (kept, result) {
            (None, None) => {}
            (Some(kept), Some(result)) => {
                for ((field, wanted), (_, actual)) in kept.fields().into_iter().zip(result.fields())
                {
                    prop_assert!(holds(merged, &actual, &wanted), "{:?} of {:?}", field, id);
                }
            }
            (kept, result) => prop_assert!(false, "{id:?}: wanted {kept:?}, merged {result:?}"),
        }
    }
    let lead = if reordered(b, m) && !reordered(b, t) {
        m
    } else {
        t
    };
    let in_lead: Vec<&ItemId> = r
        .iter()
        .map(Item::id)
        .filter(|id| find(lead, id).is_some())
        .collect();
    let lead_order: Vec<&ItemId> = lead
        .iter()
        .map(Item::id)
        .filter(|id| find(r, id).is_some())
        .collect();
    prop_assert_eq!(
        in_lead,
        lead_order,
        "not in the order of the side that leads"
    );
    Ok(())
}

/// A change as checked: `+` added, `-` removed or `~` changed, the id, the label(s) and the
/// fields changed.
type Summary = (char, ItemId, String, Vec<Field>);

fn summary(change: &ItemChange) -> Summary {
    match change {
        ItemChange::Added { id, label, .. } => ('+', id.clone(), label.clone(), vec![]),
        ItemChange::Removed { id, label, .. } => ('-', id.clone(), label.clone(), vec![]),
        ItemChange::Changed {
            id,
            label_before,
            label_after,
            fields,
            ..
        } => {
            let fields = fields.iter().map(|change| change.field).collect();
            (
                '~',
                id.clone(),
                format!("{label_before}>{label_after}"),
                fields,
            )
        }
    }
}

/// What the diff of one section must list, by its documentation: the items of `after` added,
/// changed or moved, in its order, then those removed, in the order of `before`.
fn wanted<T: Item>(before: &PlanContent, after: &PlanContent) -> Vec<Summary> {
    let (old, new) = (T::list(before), T::list(after));
    let mut out = Vec::new();
    for (index, item) in new.iter().enumerate() {
        let id = item.id().clone();
        let Some(was) = index_of(old, item.id()) else {
            out.push(('+', id, T::label(index), vec![]));
            continue;
        };
        let pairs = old[was].fields().into_iter().zip(item.fields());
        let fields: Vec<Field> = pairs
            .filter(|(a, b)| a.1 != b.1)
            .map(|(a, _)| a.0)
            .collect();
        if !fields.is_empty() || was != index {
            let labels = format!("{}>{}", T::label(was), T::label(index));
            out.push(('~', id, labels, fields));
        }
    }
    for (index, item) in old.iter().enumerate() {
        if find(new, item.id()).is_none() {
            out.push(('-', item.id().clone(), T::label(index), vec![]));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_side_that_changed_nothing_takes_the_other((base, mine, theirs) in sides()) {
        let merged = merge(&base, &base, &theirs);
        prop_assert_eq!(merged.conflicts, vec![]);
        prop_assert_eq!(merged.content, pruned(&theirs));
        let merged = merge(&base, &mine, &base);
        prop_assert_eq!(merged.conflicts, vec![]);
        prop_assert_eq!(merged.content, pruned(&mine));
    }

    #[test]
    fn the_same_changes_on_both_sides_are_made_once((base, mine, _theirs) in sides()) {
        let merged = merge(&base, &mine, &mine);
        prop_assert_eq!(merged.conflicts, vec![]);
        prop_assert_eq!(merged.content, pruned(&mine));
    }

    /// Every field and item takes the change of the side that made it; what both changed
    /// differently keeps mine and is reported, and nothing else is.
    #[test]
    fn merging_keeps_every_change_the_other_side_did_not_touch((base, mine, theirs) in sides()) {
        let merged = merge(&base, &mine, &theirs);
        let sides = (&base, &mine, &theirs);
        let mut conflicts = Vec::new();
        let context = expected(Some(&base.context), &mine.context, &theirs.context);
        if context.is_none() {
            conflicts.push((section::CONTEXT.to_owned(), None, Some(Field::Context)));
        }
        prop_assert_eq!(&merged.content.context, context.unwrap_or(&mine.context));
        check_section::<Objective>(sides, &merged.content, &mut conflicts)?;
        check_section::<PlanAction>(sides, &merged.content, &mut conflicts)?;
        check_section::<Indicator>(sides, &merged.content, &mut conflicts)?;
        check_section::<Meeting>(sides, &merged.content, &mut conflicts)?;
        let mut reported: Vec<Key> = merged.conflicts.iter()
            .map(|c| (c.section.clone(), c.item.clone(), c.field))
            .collect();
        reported.sort();
        conflicts.sort();
        prop_assert_eq!(reported, conflicts);
    }

    #[test]
    fn the_diff_lists_exactly_what_changed((before, after, _theirs) in sides()) {
        let diff = PlanDiff::between(&before, &after);
        prop_assert_eq!(diff.is_empty(), before == after);
        prop_assert_eq!(diff.context.is_some(), before.context != after.context);
        let listed = |changes: &[ItemChange]| changes.iter().map(summary).collect::<Vec<_>>();
        prop_assert_eq!(listed(&diff.objectives), wanted::<Objective>(&before, &after));
        prop_assert_eq!(listed(&diff.actions), wanted::<PlanAction>(&before, &after));
        prop_assert_eq!(listed(&diff.indicators), wanted::<Indicator>(&before, &after));
        prop_assert_eq!(listed(&diff.meetings), wanted::<Meeting>(&before, &after));
        prop_assert!(PlanDiff::between(&after, &after).is_empty());
    }
}
