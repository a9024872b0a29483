//! Random plans, and the random edits two people make to them, for the property tests.

use proptest::prelude::*;
use proptest::sample::Index;

use crate::domain::plan::edit::Part;
use crate::domain::plan::{Indicator, ItemId, Meeting, Objective, PlanAction, PlanContent};

/// Few values, so that two people often type the same thing.
const TEXTS: [&str; 5] = [
    "Inclusione",
    "Nicolò D'Alì",
    "dati **aperti**",
    "😀 città",
    "",
];

const PARTS: [Part; 4] = [
    Part::Objectives,
    Part::Actions,
    Part::Indicators,
    Part::Meetings,
];

/// One edit of the plan editor.
#[derive(Clone, Debug)]
enum Edit {
    Context(String),
    /// Sets one field of an item (fields numbered in the order of the form); `number` gives
    /// months and meeting links, `link` the objective whose link is toggled.
    Set {
        part: Part,
        item: Index,
        field: u8,
        text: String,
        number: u8,
        link: Index,
    },
    /// Adds an empty item with the id `{part}{tag}{n}` at a position, unless it exists.
    Add {
        part: Part,
        tag: char,
        n: u8,
        at: Index,
    },
    Remove {
        part: Part,
        item: Index,
    },
    Move {
        part: Part,
        from: Index,
        to: Index,
    },
}

fn text() -> impl Strategy<Value = String> {
    prop::sample::select(&TEXTS[..]).prop_map(str::to_owned)
}

/// An edit; items added get ids tagged `tag`, from a pool of three per part.
fn edit(tag: char) -> impl Strategy<Value = Edit> {
    let part = || prop::sample::select(&PARTS[..]);
    prop_oneof![
        1 => text().prop_map(Edit::Context),
        4 => (part(), any::<Index>(), 0..9u8, text(), any::<u8>(), any::<Index>()).prop_map(
            |(part, item, field, text, number, link)| {
                Edit::Set { part, item, field, text, number, link }
            }
        ),
        2 => (part(), 0..3u8, any::<Index>())
            .prop_map(move |(part, n, at)| Edit::Add { part, tag, n, at }),
        1 => (part(), any::<Index>()).prop_map(|(part, item)| Edit::Remove { part, item }),
        1 => (part(), any::<Index>(), any::<Index>())
            .prop_map(|(part, from, to)| Edit::Move { part, from, to }),
    ]
}

/// A base plan, then mine and theirs, each edited from it; both sides add ids from one pool,
/// so they sometimes add the same item.
pub(super) fn sides() -> impl Strategy<Value = (PlanContent, PlanContent, PlanContent)> {
    let base = (text(), prop::collection::vec(edit('b'), 0..24));
    let side = || prop::collection::vec(edit('x'), 0..8);
    (base, side(), side()).prop_map(|((context, made), mine, theirs)| {
        let base = applied(
            &PlanContent {
                context,
                ..PlanContent::default()
            },
            &made,
        );
        let (mine, theirs) = (applied(&base, &mine), applied(&base, &theirs));
        (base, mine, theirs)
    })
}

/// `plan` after `edits`.
fn applied(plan: &PlanContent, edits: &[Edit]) -> PlanContent {
    let mut plan = plan.clone();
    for edit in edits {
        apply(&mut plan, edit);
    }
    plan
}

fn apply(plan: &mut PlanContent, edit: &Edit) {
    match edit {
        Edit::Context(text) => plan.context.clone_from(text),
        Edit::Set { part, item, .. } => {
            let objectives = plan.ids(Part::Objectives);
            match part {
                Part::Objectives => pick(&mut plan.objectives, *item)
                    .map(|objective| set_objective(objective, edit)),
                Part::Actions => pick(&mut plan.actions, *item)
                    .map(|action| set_action(action, edit, &objectives)),
                Part::Indicators => pick(&mut plan.indicators, *item)
                    .map(|indicator| set_indicator(indicator, edit)),
                Part::Meetings => {
                    pick(&mut plan.meetings, *item).map(|meeting| set_meeting(meeting, edit))
                }
            };
        }
        Edit::Add { part, tag, n, at } => {
            let letter = part.letter().to_ascii_lowercase();
            let id = ItemId(format!("{letter}{tag}{n}"));
            if plan.ids(*part).contains(&id) {
                return;
            }
            match part {
                Part::Objectives => insert(
                    &mut plan.objectives,
                    *at,
                    Objective {
                        id,
                        ..Default::default()
                    },
                ),
                Part::Actions => insert(
                    &mut plan.actions,
                    *at,
                    PlanAction {
                        id,
                        ..Default::default()
                    },
                ),
                Part::Indicators => insert(
                    &mut plan.indicators,
                    *at,
                    Indicator {
                        id,
                        ..Default::default()
                    },
                ),
                Part::Meetings => insert(
                    &mut plan.meetings,
                    *at,
                    Meeting {
                        id,
                        ..Default::default()
                    },
                ),
            }
        }
        Edit::Remove { part, item } => match part {
            Part::Objectives => remove(&mut plan.objectives, *item),
            Part::Actions => remove(&mut plan.actions, *item),
            Part::Indicators => remove(&mut plan.indicators, *item),
            Part::Meetings => remove(&mut plan.meetings, *item),
        },
        Edit::Move { part, from, to } => match part {
            Part::Objectives => move_item(&mut plan.objectives, *from, *to),
            Part::Actions => move_item(&mut plan.actions, *from, *to),
            Part::Indicators => move_item(&mut plan.indicators, *from, *to),
            Part::Meetings => move_item(&mut plan.meetings, *from, *to),
        },
    }
}

/// The item at `index` of `list`, unless it is empty.
fn pick<T>(list: &mut [T], index: Index) -> Option<&mut T> {
    let at = (!list.is_empty()).then(|| index.index(list.len()))?;
    list.get_mut(at)
}

fn insert<T>(list: &mut Vec<T>, at: Index, item: T) {
    list.insert(at.index(list.len() + 1), item);
}

fn remove<T>(list: &mut Vec<T>, item: Index) {
    if !list.is_empty() {
        list.remove(item.index(list.len()));
    }
}

fn move_item<T>(list: &mut Vec<T>, from: Index, to: Index) {
    if !list.is_empty() {
        let item = list.remove(from.index(list.len()));
        list.insert(to.index(list.len() + 1), item);
    }
}

fn set_objective(objective: &mut Objective, edit: &Edit) {
    let Edit::Set { field, text, .. } = edit else {
        return;
    };
    match field % 2 {
        0 => objective.title.clone_from(text),
        _ => objective.description.clone_from(text),
    }
}

fn set_action(action: &mut PlanAction, edit: &Edit, objectives: &[ItemId]) {
    let Edit::Set {
        field,
        text,
        number,
        link,
        ..
    } = edit
    else {
        return;
    };
    match field % 9 {
        0 => action.title.clone_from(text),
        1 => action.description.clone_from(text),
        2 => toggle_link(action, objectives, *link),
        3 => {
            action.start_month = 1 + number % 12;
            action.end_month = action.start_month.max(1 + number / 12 % 12);
        }
        4 => action.lead.clone_from(text),
        5 => action.bodies.clone_from(text),
        6 => action.outputs.clone_from(text),
        7 => action.audience.clone_from(text),
        _ => action.completed = !action.completed,
    }
}

/// Links `action` to the objective at `link`, or unlinks it if it was linked.
fn toggle_link(action: &mut PlanAction, objectives: &[ItemId], link: Index) {
    if objectives.is_empty() {
        return;
    }
    let id = &objectives[link.index(objectives.len())];
    match action.objectives.iter().position(|linked| linked == id) {
        Some(at) => {
            action.objectives.remove(at);
        }
        None => action.objectives.push(id.clone()),
    }
}

fn set_indicator(indicator: &mut Indicator, edit: &Edit) {
    let Edit::Set { field, text, .. } = edit else {
        return;
    };
    match field % 2 {
        0 => indicator.name.clone_from(text),
        _ => indicator.target.clone_from(text),
    }
}

fn set_meeting(meeting: &mut Meeting, edit: &Edit) {
    let Edit::Set {
        field,
        text,
        number,
        ..
    } = edit
    else {
        return;
    };
    match field % 3 {
        0 => meeting.date.clone_from(text),
        1 => meeting.title.clone_from(text),
        _ => meeting.announces = (number % 3 != 0).then(|| i64::from(number % 3)),
    }
}
