//! What the application assembles for the general plan from the cycle as it stands.

use super::super::board::plans;
use super::super::clock::italian_today;
use super::super::db;
use super::super::state::AppState;
use crate::domain::board::synergies::{integrated_actions, matrix};
use crate::domain::community::CommunitySlug;
use crate::domain::cycle::{Cycle, Phase};
use crate::domain::general_plan::{Assembled, GeneralText, SourceNote};
use crate::domain::numbers::Day;
use crate::error::AppError;

/// The assembled parts and the plan versions they were read from.
pub struct Current {
    pub assembled: Assembled,
    pub built_from: Vec<(CommunitySlug, i64)>,
}

/// The parts of the general plan of `cycle` as they would be built now, with the numbers of
/// the day `text` names.
pub async fn assemble(
    state: &AppState,
    cycle: &Cycle,
    text: &GeneralText,
) -> Result<Current, AppError> {
    let plans = plans(state, cycle.year).await?;
    let annotations = db::board::annotations(&state.db, cycle.year).await?;
    let day = Day::from_trusted(text.numbers_day.clone());
    let numbers = db::numbers::as_of(&state.db, &day).await?;
    let integrated = integrated_actions(&annotations);
    let sources = annotations
        .iter()
        .filter(|a| {
            integrated
                .iter()
                .any(|action| action.sources.contains(&a.id))
        })
        .map(|a| SourceNote {
            id: a.id.0.clone(),
            community: a.community.clone(),
            item: a.anchor.item.clone(),
            quote: a.anchor.quote.clone(),
            body: a.body.clone(),
            author: a.author.name.clone(),
        })
        .collect();
    let communities: Vec<CommunitySlug> = plans.iter().map(|p| p.community.clone()).collect();
    Ok(Current {
        assembled: Assembled {
            deadlines: cycle.deadlines.clone(),
            numbers: numbers.into(),
            matrix: matrix(&communities, &annotations),
            integrated,
            sources,
        },
        built_from: plans
            .into_iter()
            .map(|plan| (plan.community, plan.version))
            .collect(),
    })
}

/// The text a first version starts from: nothing written, the numbers of today, or of the
/// final re-reading's last day once it is past.
pub fn default_text(cycle: &Cycle) -> GeneralText {
    let today = italian_today();
    let end_of_reading = cycle
        .deadlines
        .iter()
        .find(|d| d.phase == Phase::FinalReading)
        .map(|d| d.day.clone());
    let numbers_day = match end_of_reading {
        Some(day) if day < today => day,
        _ => today,
    };
    GeneralText {
        numbers_day,
        ..GeneralText::default()
    }
}
