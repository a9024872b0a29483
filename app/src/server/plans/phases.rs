//! Moving the cycle on and changing its deadlines, each recorded in the audit log.

use super::told;
use crate::domain::audit::AuditAction;
use crate::domain::cycle::Phase;
use crate::domain::plan::check::is_day;
use crate::domain::policy::Action;
use crate::domain::validation::Problem;
use crate::error::AppError;
use crate::server::audit::entry;
use crate::server::auth::authorize;
use crate::server::clock::rfc3339_now;
use crate::server::db::{self, audit};
use crate::server::state::AppState;

/// Moves the cycle of `year` on from phase `from`, freezing every plan for the new phase (and,
/// into validation, the general plan as presented). Out of validation only the Cabina di
/// Regia's approval moves it.
#[tracing::instrument(skip_all, fields(year = year, phase = from))]
pub async fn advance(state: &AppState, year: i32, from: &str) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageCycle).await?;
    let from = Phase::parse(from).ok_or(AppError::NotFound)?;
    let moved = if from == Phase::FinalReading {
        crate::server::general_plans::present(state, year, &viewer).await?
    } else if from == Phase::Validation {
        // The plans are approved by recording the Cabina di Regia's decision, not by a button.
        return Err(AppError::invalid_field("fase", Problem::ApprovalByDecision));
    } else {
        let mut tx = state.db.begin().await?;
        let moved = db::cycles::advance_in(&mut tx, year, from, &rfc3339_now()).await?;
        if let (true, Some(to)) = (moved, from.next()) {
            let target = year.to_string();
            let row = entry(
                state,
                &viewer.person_id,
                AuditAction::PhaseAdvanced,
                &target,
            );
            audit::record(&mut tx, &row.before(from.code()).after(to.code())).await?;
            tx.commit().await?;
        }
        moved
    };
    if !moved {
        return Err(AppError::invalid_field("fase", Problem::Stale));
    }
    if let Some(started) = from.next() {
        told::phase_started(state, year, started, &viewer.person_id).await;
    }
    Ok(())
}

/// Sets the deadline of `phase` in the cycle of `year` to `day` (`YYYY-MM-DD`).
#[tracing::instrument(skip_all, fields(year = year, phase = phase, day = day))]
pub async fn set_deadline(
    state: &AppState,
    year: i32,
    phase: &str,
    day: &str,
) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageCycle).await?;
    let phase = Phase::parse(phase)
        .ok_or_else(|| AppError::invalid_field("fase", Problem::UnknownChoice))?;
    let day = day.trim();
    if !is_day(day) {
        return Err(AppError::invalid_field("scadenza", Problem::InvalidDay));
    }
    // Read before the transaction, which on SQLite must write first.
    let before = db::cycles::find(&state.db, year)
        .await?
        .and_then(|cycle| cycle.deadlines.into_iter().find(|(p, _)| *p == phase))
        .map(|(_, day)| day);
    let mut tx = state.db.begin().await?;
    if !db::cycles::set_deadline(&mut *tx, year, phase, day).await? {
        return Err(AppError::NotFound);
    }
    let target = format!("{year}:{}", phase.code());
    let mut changed = entry(
        state,
        &viewer.person_id,
        AuditAction::DeadlineChanged,
        &target,
    );
    if let Some(before) = before {
        changed = changed.before(before);
    }
    audit::record(&mut tx, &changed.after(day)).await?;
    Ok(tx.commit().await?)
}
