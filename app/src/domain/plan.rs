//! The activity plan of one community for one year: context, objectives, actions, indicators
//! and meetings. Every item carries a stable [`ItemId`] that annotations and synergies point at;
//! it survives reordering and edits, while the labels (O1, A2, …) follow the current order.

pub mod carry;
pub mod check;
pub mod diff;
pub mod edit;
pub mod pages;

pub use pages::{Plan, VersionInfo};

use serde::{Deserialize, Serialize};

use crate::i18n::texts;

/// A plan item's stable id: 1 to 16 lowercase ASCII letters and digits, unique in its plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub String);

impl ItemId {
    /// Whether the id has the allowed shape.
    pub fn is_well_formed(&self) -> bool {
        (1..=16).contains(&self.0.len())
            && self
                .0
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    }
}

/// An objective of the plan (labelled O1, O2, … by position).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    pub id: ItemId,
    pub title: String,
    pub description: String,
}

/// An action of the plan (labelled A1, A2, … by position).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    pub id: ItemId,
    pub title: String,
    pub description: String,
    /// The objectives the action serves.
    pub objectives: Vec<ItemId>,
    /// The first and last month of the action, 1 to 12.
    pub start_month: u8,
    pub end_month: u8,
    /// Who leads the action (a body or a person).
    pub lead: String,
    /// The participating bodies.
    pub bodies: String,
    pub outputs: String,
    pub audience: String,
    /// Whether the action is done; an action not done is carried over to next year's draft.
    #[serde(default)]
    pub completed: bool,
    /// The year of the approved plan this action was carried over from, unfinished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<i32>,
}

impl PlanAction {
    /// Whether the action is done, in words.
    pub fn status(&self) -> &'static str {
        let t = crate::i18n::plan_texts();
        if self.completed {
            t.action_completed
        } else {
            t.action_in_progress
        }
    }

    /// Its status and, when carried over, the plan it comes from («In corso · Ripresa dal
    /// piano 2024»).
    pub fn status_line(&self) -> String {
        match self.carried_from {
            Some(year) => format!(
                "{} · {}",
                self.status(),
                (crate::i18n::plan_texts().action_carried)(year)
            ),
            None => self.status().to_owned(),
        }
    }
}

/// An indicator and its target.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: ItemId,
    pub name: String,
    pub target: String,
}

/// A meeting in the plan's calendar, on a day `YYYY-MM-DD`, and the meeting of `/incontri`
/// it announces, once there is one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: ItemId,
    pub date: String,
    pub title: String,
    /// Left out of the stored JSON when empty, so the versions saved before keep their digest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announces: Option<i64>,
}

/// What a plan says: everything a version stores.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanContent {
    pub context: String,
    pub objectives: Vec<Objective>,
    pub actions: Vec<PlanAction>,
    pub indicators: Vec<Indicator>,
    pub meetings: Vec<Meeting>,
}

/// The fixed ids of the plan's sections, for links and annotations.
pub mod section {
    pub const CONTEXT: &str = "contesto";
    pub const OBJECTIVES: &str = "obiettivi";
    pub const ACTIONS: &str = "azioni";
    pub const INDICATORS: &str = "indicatori";
    pub const MEETINGS: &str = "calendario";
}

impl PlanContent {
    /// The label of objective `id` by its position (O1, O2, …), if it exists.
    pub fn objective_label(&self, id: &ItemId) -> Option<String> {
        let index = self.objectives.iter().position(|o| &o.id == id)?;
        Some(format!("O{}", index + 1))
    }

    /// Every item id in the plan, in order.
    pub fn item_ids(&self) -> impl Iterator<Item = &ItemId> {
        let objectives = self.objectives.iter().map(|o| &o.id);
        let actions = self.actions.iter().map(|a| &a.id);
        let indicators = self.indicators.iter().map(|i| &i.id);
        let meetings = self.meetings.iter().map(|m| &m.id);
        objectives.chain(actions).chain(indicators).chain(meetings)
    }

    /// An id not used in the plan, derived from `seed` (any number; the browser passes a
    /// random one so two people adding items at once rarely pick the same id).
    pub fn fresh_id(&self, prefix: char, seed: u64) -> ItemId {
        let mut n = seed;
        loop {
            let id = ItemId(format!("{prefix}{}", base36(n)));
            if !self.item_ids().any(|used| used == &id) {
                return id;
            }
            n = n.wrapping_mul(6364136223846793005).wrapping_add(1);
        }
    }
}

/// A period of months, as in «marzo – giugno» or «maggio».
pub fn period(start: u8, end: u8) -> String {
    let month = |m: u8| {
        texts()
            .months
            .get(usize::from(m).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
    };
    if start == end {
        month(start).to_owned()
    } else {
        format!("{} – {}", month(start), month(end))
    }
}

fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize]);
        n /= 36;
        if n == 0 || digits.len() == 8 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_a_strict_shape() {
        assert!(ItemId("o1".into()).is_well_formed());
        assert!(!ItemId("".into()).is_well_formed());
        assert!(!ItemId("O1".into()).is_well_formed());
        assert!(!ItemId("a-1".into()).is_well_formed());
        assert!(!ItemId("x".repeat(17)).is_well_formed());
    }

    #[test]
    fn fresh_ids_avoid_those_in_use() {
        let mut plan = PlanContent::default();
        let first = plan.fresh_id('o', 35);
        assert_eq!(first, ItemId("oz".into()));
        plan.objectives.push(Objective {
            id: first.clone(),
            ..Default::default()
        });
        let second = plan.fresh_id('o', 35);
        assert_ne!(second, first);
        assert!(second.is_well_formed());
        assert_eq!(plan.objective_label(&first), Some("O1".into()));
    }
}
