//! What a saved plan must satisfy, checked in the browser before saving and on the server.
//! Problems are keyed `contesto`, `piano` (the plan as a whole) or `{item id}.{field}`.

use std::collections::HashSet;

use super::{ItemId, PlanContent};
use crate::domain::numbers::Day;
use crate::domain::validation::{Problem, Rejection};

/// Longest context, in characters.
pub const CONTEXT_MAX: usize = 20_000;
/// Longest title or one-line field, in characters.
pub const LINE_MAX: usize = 200;
/// Longest description or list of bodies, in characters.
pub const TEXT_MAX: usize = 5_000;
/// Most items of one kind in a plan.
pub const ITEMS_MAX: usize = 60;

/// Refuses a plan with a field too long, a required title missing, control characters, an id
/// malformed or used twice, a link to an objective that does not exist, an impossible period or
/// meeting day, or too many items.
pub fn check(plan: &PlanContent) -> Result<(), Rejection> {
    let mut rejection = Rejection::default();
    text(
        &mut rejection,
        "contesto",
        &plan.context,
        CONTEXT_MAX,
        false,
    );
    let sections = [
        plan.objectives.len(),
        plan.actions.len(),
        plan.indicators.len(),
        plan.meetings.len(),
    ];
    if sections.iter().any(|n| *n > ITEMS_MAX) {
        rejection.add("piano", Problem::TooLong { max: ITEMS_MAX });
    }
    let mut seen = HashSet::new();
    for id in plan.item_ids() {
        if !id.is_well_formed() || !seen.insert(id) {
            rejection.add("piano", Problem::UnknownChoice);
        }
    }
    for objective in &plan.objectives {
        let key = |field: &str| format!("{}.{field}", objective.id.0);
        text(
            &mut rejection,
            &key("titolo"),
            &objective.title,
            LINE_MAX,
            true,
        );
        text(
            &mut rejection,
            &key("descrizione"),
            &objective.description,
            TEXT_MAX,
            false,
        );
    }
    let objectives: HashSet<&ItemId> = plan.objectives.iter().map(|o| &o.id).collect();
    for action in &plan.actions {
        let key = |field: &str| format!("{}.{field}", action.id.0);
        text(
            &mut rejection,
            &key("titolo"),
            &action.title,
            LINE_MAX,
            true,
        );
        text(
            &mut rejection,
            &key("descrizione"),
            &action.description,
            TEXT_MAX,
            false,
        );
        text(
            &mut rejection,
            &key("responsabile"),
            &action.lead,
            LINE_MAX,
            false,
        );
        text(
            &mut rejection,
            &key("enti"),
            &action.bodies,
            TEXT_MAX,
            false,
        );
        text(
            &mut rejection,
            &key("prodotti"),
            &action.outputs,
            TEXT_MAX,
            false,
        );
        text(
            &mut rejection,
            &key("destinatari"),
            &action.audience,
            TEXT_MAX,
            false,
        );
        if action.objectives.iter().any(|id| !objectives.contains(id)) {
            rejection.add(&key("obiettivi"), Problem::UnknownChoice);
        }
        let months = 1..=12;
        if !months.contains(&action.start_month)
            || !months.contains(&action.end_month)
            || action.start_month > action.end_month
        {
            rejection.add(&key("periodo"), Problem::UnknownChoice);
        }
    }
    for indicator in &plan.indicators {
        let key = |field: &str| format!("{}.{field}", indicator.id.0);
        text(
            &mut rejection,
            &key("nome"),
            &indicator.name,
            LINE_MAX,
            true,
        );
        text(
            &mut rejection,
            &key("target"),
            &indicator.target,
            LINE_MAX,
            false,
        );
    }
    for meeting in &plan.meetings {
        let key = |field: &str| format!("{}.{field}", meeting.id.0);
        text(
            &mut rejection,
            &key("titolo"),
            &meeting.title,
            LINE_MAX,
            true,
        );
        if !is_day(&meeting.date) {
            rejection.add(&key("data"), Problem::UnknownChoice);
        }
    }
    if rejection.is_empty() {
        Ok(())
    } else {
        Err(rejection)
    }
}

/// Checks one text field: length, presence when `required`, and no control characters other
/// than line breaks and tabs in multi-line text.
pub(crate) fn text(rejection: &mut Rejection, key: &str, value: &str, max: usize, required: bool) {
    let multiline = max > LINE_MAX;
    if required && value.trim().is_empty() {
        rejection.add(key, Problem::Required);
    } else if value.chars().count() > max {
        rejection.add(key, Problem::TooLong { max });
    } else if value
        .chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
    {
        rejection.add(key, Problem::ControlCharacters);
    }
}

/// Whether `text` is a real day written `YYYY-MM-DD`, nothing around it.
pub fn is_day(text: &str) -> bool {
    Day::parse_any(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Meeting, Objective, PlanAction};

    fn plan() -> PlanContent {
        PlanContent {
            context: "Contesto con **grassetto**\n\ne un a capo.".into(),
            objectives: vec![Objective {
                id: ItemId("oab12".into()),
                title: "Dati aperti per Nicolò D'Alì".into(),
                description: "<script>alert(1)</script>".into(),
            }],
            actions: vec![PlanAction {
                id: ItemId("acd34".into()),
                title: "Catalogo".into(),
                objectives: vec![ItemId("oab12".into())],
                start_month: 3,
                end_month: 6,
                ..Default::default()
            }],
            indicators: vec![],
            meetings: vec![Meeting {
                id: ItemId("mef56".into()),
                date: "2024-05-14".into(),
                title: "Lettura trasversale".into(),
                announces: None,
            }],
        }
    }

    fn problems(plan: &PlanContent) -> Vec<(String, Problem)> {
        check(plan).err().map(|r| r.problems).unwrap_or_default()
    }

    #[test]
    fn a_sound_plan_passes_and_script_is_just_text() {
        assert_eq!(check(&plan()), Ok(()));
    }

    #[test]
    fn bad_fields_are_named() {
        let mut bad = plan();
        bad.context = "x".repeat(CONTEXT_MAX + 1);
        bad.objectives[0].title = "  ".into();
        bad.actions[0].objectives = vec![ItemId("ozzzz".into())];
        bad.actions[0].start_month = 7;
        bad.actions[0].lead = "a\u{0}b".into();
        bad.meetings[0].date = "2024-02-30".into();
        let keys: Vec<String> = problems(&bad).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            [
                "contesto",
                "oab12.titolo",
                "acd34.responsabile",
                "acd34.obiettivi",
                "acd34.periodo",
                "mef56.data"
            ]
        );
    }

    #[test]
    fn ids_must_be_well_formed_and_unique() {
        let mut twice = plan();
        twice.actions[0].id = ItemId("oab12".into());
        twice.actions[0].objectives.clear();
        assert_eq!(
            problems(&twice)[0],
            ("piano".into(), Problem::UnknownChoice)
        );
        let mut shouting = plan();
        shouting.meetings[0].id = ItemId("M1".into());
        assert_eq!(problems(&shouting).len(), 1);
    }

    #[test]
    fn days_are_real() {
        assert!(is_day("2024-02-29"));
        assert!(!is_day("2023-02-29"));
        assert!(!is_day("2024-13-01"));
        assert!(!is_day("2024-5-14"));
        assert!(!is_day("'; DROP TABLE plans; --"));
        assert!(!is_day("2024-+5-27"));
        assert!(!is_day("2024-05-+1"));
    }
}
