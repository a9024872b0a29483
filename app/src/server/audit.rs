//! The audit log: the entries services write with their changes, and reading it.

use super::auth::{authorize, permit};
use super::clock::unix_now;
use super::db::{self, audit::Entry};
use super::request::client_ip;
use super::state::AppState;
use crate::domain::audit::{AUDIT_PAGE_SIZE, AuditAction, AuditPage, AuditQuery, AuditRecord};
use crate::domain::person::PersonId;
use crate::domain::policy::Action;
use crate::domain::role::Viewer;
use crate::error::AppError;

/// Most rows one CSV export holds.
const EXPORT_MAX: i64 = 100_000;

/// An entry for `action` on `target` by `actor`, now, from this request's address.
pub fn entry(state: &AppState, actor: &PersonId, action: AuditAction, target: &str) -> Entry {
    Entry {
        at: unix_now(),
        actor: Some(actor.clone()),
        address: client_ip(&state.settings),
        action,
        target: target.to_owned(),
        before: None,
        after: None,
    }
}

/// Writes `entry` in a transaction of its own, for what changes nothing else (a failed login).
pub async fn record_alone(state: &AppState, entry: &Entry) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    db::audit::record(&mut tx, entry).await?;
    Ok(tx.commit().await?)
}

/// One page of the log, for regional staff.
#[tracing::instrument(skip_all)]
pub async fn page(state: &AppState, query: &AuditQuery) -> Result<AuditPage, AppError> {
    authorize(state, &Action::ReadAuditLog).await?;
    let filter = query.filter()?;
    let size = i64::from(AUDIT_PAGE_SIZE);
    let offset = i64::from(filter.page.saturating_sub(1)) * size;
    let mut records = db::audit::list(&state.db, &filter, offset, size + 1).await?;
    let more = records.len() > AUDIT_PAGE_SIZE as usize;
    records.truncate(AUDIT_PAGE_SIZE as usize);
    Ok(AuditPage {
        filter,
        records,
        more,
    })
}

/// Every row the filter selects (up to a bound), for `viewer` if they may read the log.
#[tracing::instrument(skip_all)]
pub async fn export(
    state: &AppState,
    viewer: Option<Viewer>,
    query: &AuditQuery,
) -> Result<Vec<AuditRecord>, AppError> {
    permit(viewer, &Action::ReadAuditLog)?;
    db::audit::list(&state.db, &query.filter()?, 0, EXPORT_MAX).await
}
