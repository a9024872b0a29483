//! Signups waiting for the owner of the address to follow the link mailed to it.

use serde::{Deserialize, Serialize};

use super::Db;
use super::outbox::{Mail, enqueue};
use crate::domain::community::CommunitySlug;
use crate::domain::signup_form::EnteChoice;
use crate::error::AppError;
use crate::server::failure::Context;

/// What a signup asked for, kept until confirmed. For an address already known only the
/// communities matter: the rest belongs to the account's owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupRequest {
    pub first_name: String,
    pub last_name: String,
    pub job_title: String,
    pub ente: EnteChoice,
    pub communities: Vec<CommunitySlug>,
    /// The argon2id hash of the password chosen, if any.
    pub password_hash: Option<String>,
}

/// A confirmed request: its address, what it asked for, and the digest of the browser that
/// made it.
pub struct Confirmed {
    pub email: String,
    pub request: SignupRequest,
    pub browser_hash: String,
}

/// Where a request is filed: the digests of its link's token and of the browser that made it,
/// the address, and when it was made and stops being valid (Unix seconds).
pub struct Filing<'a> {
    pub token_hash: &'a str,
    pub browser_hash: &'a str,
    pub email: &'a str,
    pub created_at: i64,
    pub expires_at: i64,
}

/// Stores a request, with the email carrying its link.
pub async fn insert_with_mail(
    db: &Db,
    filing: &Filing<'_>,
    request: &SignupRequest,
    mail: &Mail,
) -> Result<(), AppError> {
    let json = serde_json::to_string(request).context("writing a signup request as JSON")?;
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO pending_signups (token_hash, email, request, browser_hash, created_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(filing.token_hash)
    .bind(filing.email)
    .bind(json)
    .bind(filing.browser_hash)
    .bind(filing.created_at)
    .bind(filing.expires_at)
    .execute(&mut *tx)
    .await?;
    enqueue(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(())
}

/// Uses a request's link once: what it asked for, if the link exists, is unused and has not
/// expired. The stored request is blanked.
pub async fn confirm(db: &Db, token_hash: &str, now: i64) -> Result<Option<Confirmed>, AppError> {
    let mut tx = db.begin().await?;
    let used = sqlx::query(
        "UPDATE pending_signups SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(token_hash)
    .execute(&mut *tx)
    .await?;
    if used.rows_affected() != 1 {
        return Ok(None);
    }
    let (email, json, browser_hash): (String, String, String) = sqlx::query_as(
        "SELECT email, request, browser_hash FROM pending_signups WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE pending_signups SET request = '' WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    let request = serde_json::from_str(&json).context("reading a stored signup request")?;
    Ok(Some(Confirmed {
        email,
        request,
        browser_hash,
    }))
}

/// Removes the requests made before `before`, confirmed or not; how many.
pub async fn remove_older_than(db: &Db, before: i64) -> Result<u64, AppError> {
    let result = sqlx::query("DELETE FROM pending_signups WHERE created_at < $1")
        .bind(before)
        .execute(db)
        .await?;
    Ok(result.rows_affected())
}
