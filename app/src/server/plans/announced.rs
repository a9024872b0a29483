//! The meetings of `/incontri` that the lines of a plan's calendar announce.

use crate::domain::community::CommunitySlug;
use crate::domain::italian_time::ItalianTime;
use crate::domain::plan::PlanContent;
use crate::domain::plan::pages::MeetingChoice;
use crate::domain::validation::Problem;
use crate::error::AppError;
use crate::server::db;
use crate::server::state::AppState;

/// The meetings `community`'s plan of `year` may announce: those of the year that concern the
/// community, and those `content` already announces, by when they start.
pub(super) async fn choices(
    state: &AppState,
    year: i32,
    community: &CommunitySlug,
    content: &PlanContent,
) -> Result<Vec<MeetingChoice>, AppError> {
    let announced: Vec<i64> = content
        .meetings
        .iter()
        .filter_map(|m| m.announces)
        .collect();
    let year = year.to_string();
    Ok(db::meetings::all(&state.db)
        .await?
        .into_iter()
        .filter_map(|meeting| {
            let day = ItalianTime::at(meeting.starts_at).day();
            let offered = (day.starts_with(&year) && meeting.audience.concerns(community))
                || announced.contains(&meeting.id);
            offered.then_some(MeetingChoice {
                id: meeting.id,
                title: meeting.title,
                day,
            })
        })
        .collect())
}

/// Refuses a line that announces a meeting that does not exist.
pub(super) async fn check(state: &AppState, content: &PlanContent) -> Result<(), AppError> {
    for line in &content.meetings {
        let Some(id) = line.announces else { continue };
        if db::meetings::find(&state.db, id).await?.is_none() {
            let key = format!("{}.incontro", line.id.0);
            return Err(AppError::invalid_field(&key, Problem::UnknownChoice));
        }
    }
    Ok(())
}
