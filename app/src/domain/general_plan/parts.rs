//! The parts of the general plan, each with the anchor id the table of contents links to, and
//! which of them the current plans and board have left out of date.

use super::{Assembled, GeneralPlan};
use crate::domain::community::CommunitySlug;

pub const INTRODUCTION: &str = "introduzione";
pub const CALENDAR: &str = "calendario";
pub const NUMBERS: &str = "numeri";
pub const INTEGRATED: &str = "azioni-integrate";
pub const SYNERGIES: &str = "sinergie";
pub const PLANS: &str = "piani";
pub const SUMMARY: &str = "sintesi";

/// The anchor of a community's plan in the general plan.
pub fn plan_anchor(community: &CommunitySlug) -> String {
    format!("piano-{community}")
}

/// The anchor of one item of a community's plan: plan item ids are unique only in their plan.
pub fn item_anchor(community: &CommunitySlug, item: &str) -> String {
    format!("{community}-{item}")
}

/// The parts of `saved` that differ from what would be assembled now: the calendar, numbers,
/// integrated actions or matrix in `current`, and each plan whose current version (in
/// `current_plans`) is not the one it was built from.
pub fn stale(
    saved: &GeneralPlan,
    current: &Assembled,
    current_plans: &[(CommunitySlug, i64)],
) -> Vec<String> {
    let was = &saved.assembled;
    let mut parts: Vec<String> = [
        (CALENDAR, was.deadlines != current.deadlines),
        (NUMBERS, was.numbers != current.numbers),
        (
            INTEGRATED,
            was.integrated != current.integrated || was.sources != current.sources,
        ),
        (SYNERGIES, was.matrix != current.matrix),
    ]
    .into_iter()
    .filter(|(_, changed)| *changed)
    .map(|(part, _)| part.to_owned())
    .collect();
    for (community, version) in current_plans {
        let built = saved
            .version
            .built_from
            .iter()
            .find(|(c, _)| c == community);
        if built.map(|(_, v)| v) != Some(version) {
            parts.push(plan_anchor(community));
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::general_plan::{GeneralText, GeneralVersion};

    fn slug(text: &str) -> CommunitySlug {
        CommunitySlug::parse(text).unwrap()
    }

    fn saved(built_from: Vec<(CommunitySlug, i64)>) -> GeneralPlan {
        GeneralPlan {
            year: 2024,
            version: GeneralVersion {
                number: 1,
                saved_at: "2024-05-24 10:00".into(),
                saved_by: "Ada".into(),
                built_from,
                presented_at: None,
                digest: String::new(),
            },
            text: GeneralText::default(),
            assembled: Assembled::default(),
            plans: vec![],
        }
    }

    #[test]
    fn a_plan_saved_again_and_a_new_plan_are_out_of_date() {
        let plan = saved(vec![(slug("dati"), 3), (slug("imprese"), 2)]);
        let now = [(slug("dati"), 3), (slug("imprese"), 4), (slug("scuola"), 1)];
        assert_eq!(
            stale(&plan, &Assembled::default(), &now),
            vec!["piano-imprese", "piano-scuola"]
        );
    }

    #[test]
    fn board_and_numbers_changes_name_their_part() {
        let plan = saved(vec![]);
        let mut now = Assembled::default();
        assert!(stale(&plan, &now, &[]).is_empty());
        now.numbers.signups = 5;
        now.integrated
            .push(crate::domain::board::synergies::IntegratedAction {
                title: "Insieme".into(),
                lead: slug("dati"),
                communities: vec![slug("dati")],
                items: vec![],
                sources: vec![],
                description: String::new(),
            });
        assert_eq!(stale(&plan, &now, &[]), vec![NUMBERS, INTEGRATED]);
    }
}
