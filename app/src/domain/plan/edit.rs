//! The structural edits of the plan editor: adding, moving and removing items. Ids never
//! change; labels follow positions.

use super::{Indicator, ItemId, Meeting, Objective, PlanAction, PlanContent};

/// A list of items in a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Objectives,
    Actions,
    Indicators,
    Meetings,
}

impl Part {
    /// The letter of the part's labels (O1, A1, I1, C1) and ids.
    pub fn letter(self) -> char {
        match self {
            Self::Objectives => 'O',
            Self::Actions => 'A',
            Self::Indicators => 'I',
            Self::Meetings => 'C',
        }
    }
}

impl PlanContent {
    /// The ids of one part, in order.
    pub fn ids(&self, part: Part) -> Vec<ItemId> {
        match part {
            Part::Objectives => self.objectives.iter().map(|o| o.id.clone()).collect(),
            Part::Actions => self.actions.iter().map(|a| a.id.clone()).collect(),
            Part::Indicators => self.indicators.iter().map(|i| i.id.clone()).collect(),
            Part::Meetings => self.meetings.iter().map(|m| m.id.clone()).collect(),
        }
    }

    /// The label of item `id` by its position (O1, A2, …), or an empty text.
    pub fn label(&self, part: Part, id: &ItemId) -> String {
        self.ids(part)
            .iter()
            .position(|other| other == id)
            .map(|i| format!("{}{}", part.letter(), i + 1))
            .unwrap_or_default()
    }

    /// Adds an empty item with a fresh id derived from `seed`, and returns the id.
    pub fn add(&mut self, part: Part, seed: u64) -> ItemId {
        let id = self.fresh_id(part.letter().to_ascii_lowercase(), seed);
        match part {
            Part::Objectives => self.objectives.push(Objective {
                id: id.clone(),
                ..Default::default()
            }),
            Part::Actions => self.actions.push(PlanAction {
                id: id.clone(),
                start_month: 1,
                end_month: 12,
                ..Default::default()
            }),
            Part::Indicators => self.indicators.push(Indicator {
                id: id.clone(),
                ..Default::default()
            }),
            Part::Meetings => self.meetings.push(Meeting {
                id: id.clone(),
                ..Default::default()
            }),
        }
        id
    }

    /// Moves item `id` one place up (or down); nothing happens at either end.
    pub fn shift(&mut self, part: Part, id: &ItemId, up: bool) {
        let Some(from) = self.ids(part).iter().position(|other| other == id) else {
            return;
        };
        let len = self.ids(part).len();
        let to = if up {
            from.checked_sub(1)
        } else {
            Some(from + 1).filter(|to| *to < len)
        };
        let Some(to) = to else {
            return;
        };
        match part {
            Part::Objectives => self.objectives.swap(from, to),
            Part::Actions => self.actions.swap(from, to),
            Part::Indicators => self.indicators.swap(from, to),
            Part::Meetings => self.meetings.swap(from, to),
        }
    }

    /// Removes item `id`; removing an objective also unlinks it from every action.
    pub fn remove(&mut self, part: Part, id: &ItemId) {
        match part {
            Part::Objectives => {
                self.objectives.retain(|o| &o.id != id);
                for action in &mut self.actions {
                    action.objectives.retain(|linked| linked != id);
                }
            }
            Part::Actions => self.actions.retain(|a| &a.id != id),
            Part::Indicators => self.indicators.retain(|i| &i.id != id),
            Part::Meetings => self.meetings.retain(|m| &m.id != id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_survive_reordering_while_labels_follow_positions() {
        let mut plan = PlanContent::default();
        let first = plan.add(Part::Objectives, 1);
        let second = plan.add(Part::Objectives, 2);
        let action = plan.add(Part::Actions, 3);
        plan.actions[0].objectives = vec![first.clone(), second.clone()];
        assert_eq!(plan.label(Part::Objectives, &first), "O1");
        plan.shift(Part::Objectives, &second, true);
        assert_eq!(plan.ids(Part::Objectives), [second.clone(), first.clone()]);
        assert_eq!(plan.label(Part::Objectives, &first), "O2");
        plan.shift(Part::Objectives, &second, true);
        plan.shift(Part::Objectives, &first, false);
        assert_eq!(plan.ids(Part::Objectives), [second.clone(), first.clone()]);
        plan.remove(Part::Objectives, &second);
        assert_eq!(plan.actions[0].objectives, [first]);
        assert_eq!(plan.label(Part::Actions, &action), "A1");
        assert_eq!(plan.label(Part::Actions, &ItemId("nope".into())), "");
    }

    #[test]
    fn added_items_get_fresh_ids_and_sane_defaults() {
        let mut plan = PlanContent::default();
        let ids: Vec<ItemId> = (0..4).map(|_| plan.add(Part::Meetings, 7)).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 4);
        let action = plan.add(Part::Actions, 7);
        assert!(action.0.starts_with('a'));
        assert_eq!(
            (plan.actions[0].start_month, plan.actions[0].end_month),
            (1, 12)
        );
    }
}
