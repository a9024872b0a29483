//! Deleting what is no longer needed: ended sessions, used or expired login links, mail sent or
//! given up long ago, finished throttle windows, and names copied into old board snapshots.

use super::Db;
use crate::error::AppError;

/// What one purge removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    pub login_links: u64,
    pub mails: u64,
    pub throttle_rows: u64,
    /// Board snapshots that still held authors' names.
    pub board_names: u64,
}

/// The moments before which each kind of row goes, in Unix seconds.
#[derive(Clone, Copy, Debug)]
pub struct Cutoffs {
    /// Sessions last used before this have ended by inactivity.
    pub session_idle: i64,
    /// Sessions begun before this have ended, however active.
    pub session_start: i64,
    /// Login links that expired or were used before this.
    pub link: i64,
    /// Mail sent or given up before this (its recipient's address goes with it).
    pub mail: i64,
    /// Throttle windows begun before this.
    pub throttle: i64,
}

/// Deletes every row older than its cutoff.
pub async fn purge(db: &Db, cutoffs: &Cutoffs) -> Result<Purged, AppError> {
    let sessions = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(cutoffs.session_idle)
        .bind(cutoffs.session_start)
        .execute(db)
        .await?
        .rows_affected();
    let login_links = sqlx::query(
        "DELETE FROM login_links WHERE expires_at < $1 OR (used_at IS NOT NULL AND used_at < $1)",
    )
    .bind(cutoffs.link)
    .execute(db)
    .await?
    .rows_affected();
    let mails = sqlx::query(
        "DELETE FROM outbox WHERE (sent_at IS NOT NULL AND sent_at < $1) \
         OR (failed_at IS NOT NULL AND failed_at < $1)",
    )
    .bind(cutoffs.mail)
    .execute(db)
    .await?
    .rows_affected();
    let throttle_rows = sqlx::query("DELETE FROM throttle WHERE window_start < $1")
        .bind(cutoffs.throttle)
        .execute(db)
        .await?
        .rows_affected();
    Ok(Purged {
        sessions,
        login_links,
        mails,
        throttle_rows,
        board_names: super::board::forget_stored_names(db).await?,
    })
}
