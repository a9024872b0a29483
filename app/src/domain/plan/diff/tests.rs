//! The diff and the merge, on small plans built by hand.

use super::*;
use crate::domain::plan::{Indicator, Meeting, Objective, PlanAction};

mod plans;
mod props;

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
        completed: false,
        carried_from: None,
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
            announces: None,
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
    after.meetings[0].announces = Some(5);
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
    let linked = change(Field::Announces, "", "/incontri/5");
    assert!(matches!(
        diff.meetings.as_slice(),
        [ItemChange::Changed { label_after, fields, .. }]
            if label_after == "C1" && fields == &[moved_date, linked]
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
    theirs.meetings[0].announces = Some(7);
    let mut expected = mine.clone();
    expected.objectives[0].description = "Per tutti.".to_owned();
    expected.actions[0].start_month = 2;
    expected.meetings[0].title = "Avvio del piano".to_owned();
    expected.meetings[0].announces = Some(7);
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
