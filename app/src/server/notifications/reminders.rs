//! Deadline reminders: 3 days and 1 day before the current phase's deadline, the people who
//! must act in it are told, each reminder once (whichever instance claims it first).

use crate::domain::cycle::Phase;
use crate::domain::notification::Kind;
use crate::domain::role::RoleKind;
use crate::error::AppError;
use crate::i18n::plan_texts;
use crate::server::db::notifications::Event;
use crate::server::plans::cycle;
use crate::server::state::AppState;

use super::{audience, notify, scope};

const DAY: i64 = 24 * 60 * 60;
/// The reminders, in days before the deadline, furthest first.
const BEFORE_DAYS: [i64; 2] = [3, 1];

/// Gives the reminder due at `now` of the latest cycle's current deadline, if one is due and
/// was not given; how many people were told.
pub async fn remind_deadlines(state: &AppState, now: i64) -> Result<usize, AppError> {
    let cycle = match cycle(state, None).await {
        Ok(cycle) => cycle,
        Err(AppError::NotFound) => return Ok(0),
        Err(error) => return Err(error),
    };
    let Some(deadline) = cycle.deadlines.iter().find(|d| d.phase == cycle.phase) else {
        return Ok(0);
    };
    let left = deadline.ends_at - now;
    // The nearest reminder whose time has come (after a pause, the 3-day one is skipped).
    let Some(days) = BEFORE_DAYS
        .iter()
        .rev()
        .copied()
        .find(|days| left > 0 && left <= days * DAY)
    else {
        return Ok(0);
    };
    let (who, href) = match cycle.phase {
        Phase::Drafting => (audience::LEADS, format!("/piani/{}", cycle.year)),
        Phase::CrossReading => (LEADS_AND_STAFF, "/lettura-trasversale".to_owned()),
        Phase::FinalReading => (LEADS_AND_STAFF, format!("/piani/{}", cycle.year)),
        Phase::Validation => (
            VALIDATORS_AND_STAFF,
            format!("/piano-generale/{}/validazione", cycle.year),
        ),
        Phase::Shared | Phase::Approved => return Ok(0),
    };
    let object = format!("scadenza:{}:{}:{days}", cycle.year, cycle.phase.code());
    if !claim(state, &object, now).await? {
        return Ok(0);
    }
    let event = Event {
        kind: Kind::Deadline,
        community: None,
        object,
        scope: scope::PUBLIC.to_owned(),
        subject: format!(
            "{} ({}) si chiude il {}",
            cycle.phase.label(),
            cycle.year,
            plan_texts().long_date(&deadline.day)
        ),
        href,
        actor: None,
    };
    let people = audience::holding(&state.db, who, None).await?;
    notify(state, &event, people).await
}

const LEADS_AND_STAFF: &[RoleKind] = &[RoleKind::Coordinator, RoleKind::Referent, RoleKind::Admin];
const VALIDATORS_AND_STAFF: &[RoleKind] =
    &[RoleKind::Cner, RoleKind::CabinaDiRegia, RoleKind::Admin];

/// Records that reminder `object` is given; whether this call did.
async fn claim(state: &AppState, object: &str, now: i64) -> Result<bool, AppError> {
    let done = sqlx::query(
        "INSERT INTO notification_reminders (object, told_at) VALUES ($1, $2) \
         ON CONFLICT (object) DO NOTHING",
    )
    .bind(object)
    .bind(now)
    .execute(&state.db)
    .await?;
    Ok(done.rows_affected() == 1)
}
