//! Next year's plan starts from this year's approved one.

use super::PlanContent;

/// The draft of next year's plan made from `approved`, the plan approved for `year`: the context
/// and objectives as they were, the actions not completed carried over (marked with `year`),
/// the indicators with their targets to set again, no meetings (they were dated). Every item
/// keeps its id, so next year's cross-reading can link them.
pub fn next_year_draft(approved: &PlanContent, year: i32) -> PlanContent {
    let mut draft = approved.clone();
    draft.actions.retain(|action| !action.completed);
    for action in &mut draft.actions {
        action.carried_from = Some(year);
    }
    for indicator in &mut draft.indicators {
        indicator.target.clear();
    }
    draft.meetings.clear();
    draft
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Indicator, ItemId, Meeting, Objective, PlanAction};

    #[test]
    fn unfinished_actions_are_carried_and_indicators_reset_with_their_ids() {
        let id = |text: &str| ItemId(text.into());
        let action = |key: &str, completed| PlanAction {
            id: id(key),
            title: format!("Azione {key} di Nicolò D'Alì"),
            objectives: vec![id("o1")],
            completed,
            ..PlanAction::default()
        };
        let approved = PlanContent {
            context: "Contesto".into(),
            objectives: vec![Objective {
                id: id("o1"),
                title: "Obiettivo".into(),
                description: String::new(),
            }],
            actions: vec![action("a1", true), action("a2", false)],
            indicators: vec![Indicator {
                id: id("i1"),
                name: "Enti coinvolti".into(),
                target: "30".into(),
            }],
            meetings: vec![Meeting {
                id: id("m1"),
                date: "2024-09-12".into(),
                title: "Incontro".into(),
                announces: None,
            }],
        };
        let draft = next_year_draft(&approved, 2024);
        assert_eq!(draft.context, approved.context);
        assert_eq!(draft.objectives, approved.objectives);
        assert_eq!(draft.actions.len(), 1);
        assert_eq!(draft.actions[0].id, id("a2"));
        assert_eq!(draft.actions[0].carried_from, Some(2024));
        assert_eq!(draft.actions[0].objectives, [id("o1")]);
        assert_eq!(draft.indicators[0].id, id("i1"));
        assert!(draft.indicators[0].target.is_empty());
        assert!(draft.meetings.is_empty());
    }
}
