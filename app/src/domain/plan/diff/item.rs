//! What the diff and the merge need of each kind of item: its section, label, title and fields.

use super::Field;
use crate::domain::plan::{
    Indicator, ItemId, Meeting, Objective, PlanAction, PlanContent, section,
};

/// What the diff and the merge need of each kind of item.
pub(super) trait Item: Clone + PartialEq {
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
pub(super) enum Value<'a> {
    Text(&'a str),
    /// Links to objectives.
    Objectives(&'a [ItemId]),
    /// The first and last month.
    Period(u8, u8),
    /// The meeting of `/incontri` announced, by its page.
    Meeting(Option<i64>),
}

impl Value<'_> {
    /// The value as text, linked objectives by their labels in `plan` (a missing one by its id).
    pub(super) fn shown(&self, plan: &PlanContent) -> String {
        match *self {
            Self::Text(text) => text.to_owned(),
            Self::Objectives(ids) => ids
                .iter()
                .map(|id| plan.objective_label(id).unwrap_or_else(|| id.0.clone()))
                .collect::<Vec<_>>()
                .join(", "),
            Self::Period(start, end) if start == end => start.to_string(),
            Self::Period(start, end) => format!("{start}–{end}"),
            Self::Meeting(id) => id.map(|id| format!("/incontri/{id}")).unwrap_or_default(),
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
            (Field::Status, Value::Text(self.status())),
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
            Field::Status => self.completed = other.completed,
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
            (Field::Announces, Value::Meeting(self.announces)),
        ]
    }

    fn copy_field(&mut self, field: Field, other: &Self) {
        match field {
            Field::Date => self.date.clone_from(&other.date),
            Field::Title => self.title.clone_from(&other.title),
            Field::Announces => self.announces = other.announces,
            _ => {}
        }
    }
}

/// The item with `id` in `list`.
pub(super) fn find<'a, T: Item>(list: &'a [T], id: &ItemId) -> Option<&'a T> {
    list.iter().find(|item| item.id() == id)
}

/// The position of the item with `id` in `list`.
pub(super) fn index_of<T: Item>(list: &[T], id: &ItemId) -> Option<usize> {
    list.iter().position(|item| item.id() == id)
}
