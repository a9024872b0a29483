//! Email waiting to be sent: written with its cause, delivered by the mail dispatcher.
//!
//! A message is claimed for a while before each attempt, so that of several instances one sends
//! it; a claim left by an instance that stopped expires, and the message is sent again with the
//! same `Message-ID` (at least once). Once sent or given up, its body and unsubscribe address are blanked.

use sqlx::AnyConnection;

use super::Db;
use crate::error::AppError;
use crate::server::clock::unix_now;
use crate::server::tokens::new_id;

/// One email message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// Where answers go, when not to the sender (a person who wrote to the staff).
    pub reply_to: Option<String>,
    /// The one-click unsubscribe address (`List-Unsubscribe`), for a notification's mail.
    pub unsubscribe: Option<String>,
}

/// A stored message due for an attempt.
#[derive(Clone, Debug)]
pub struct Queued {
    /// Its identifier, also the local part of its `Message-ID`.
    pub id: String,
    pub mail: Mail,
    /// When it was queued (Unix seconds).
    pub created_at: i64,
    /// How many attempts were made before this one.
    pub attempts: i64,
}

/// Queues `mail` on `conn`, typically inside the transaction that caused it.
pub async fn enqueue(conn: &mut AnyConnection, mail: &Mail) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO outbox (id, recipient, subject, body, reply_to, unsubscribe_url, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(&mail.recipient)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(mail.reply_to.as_deref())
    .bind(mail.unsubscribe.as_deref())
    .bind(unix_now())
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct DueRow {
    id: String,
    recipient: String,
    subject: String,
    body: String,
    reply_to: Option<String>,
    unsubscribe_url: Option<String>,
    created_at: i64,
    attempts: i64,
}

/// Up to `limit` messages neither sent nor given up, due at `now` and not claimed, oldest first.
pub async fn due(db: &Db, now: i64, limit: i64) -> Result<Vec<Queued>, AppError> {
    let rows: Vec<DueRow> = sqlx::query_as(
        "SELECT id, recipient, subject, body, reply_to, unsubscribe_url, created_at, attempts \
         FROM outbox \
         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 \
         AND (claimed_until IS NULL OR claimed_until < $1) \
         ORDER BY created_at, id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Queued {
            id: row.id,
            mail: Mail {
                recipient: row.recipient,
                subject: row.subject,
                body: row.body,
                reply_to: row.reply_to,
                unsubscribe: row.unsubscribe_url,
            },
            created_at: row.created_at,
            attempts: row.attempts,
        })
        .collect())
}

/// Claims a message for an attempt until `until`, unless it was sent, given up or claimed
/// meanwhile; whether this call claimed it.
pub async fn claim(db: &Db, id: &str, now: i64, until: i64) -> Result<bool, AppError> {
    let result = sqlx::query(
        "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1 \
         WHERE id = $2 AND sent_at IS NULL AND failed_at IS NULL \
         AND (claimed_until IS NULL OR claimed_until < $3)",
    )
    .bind(until)
    .bind(id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Records that the mail server accepted the message, and forgets its body.
pub async fn mark_sent(db: &Db, id: &str, now: i64) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE outbox SET sent_at = $1, body = '', unsubscribe_url = NULL, claimed_until = NULL, \
         last_error = NULL WHERE id = $2",
    )
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

/// Releases the claim after a failed attempt; the next attempt is due at `at`.
pub async fn retry_at(db: &Db, id: &str, at: i64, error: &str) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE outbox SET next_attempt_at = $1, claimed_until = NULL, last_error = $2 \
         WHERE id = $3",
    )
    .bind(at)
    .bind(error)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

/// Gives the message up (refused by the server, or too old), and forgets its body.
pub async fn give_up(db: &Db, id: &str, now: i64, error: &str) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE outbox SET failed_at = $1, body = '', unsubscribe_url = NULL, claimed_until = NULL, \
         last_error = $2 WHERE id = $3",
    )
    .bind(now)
    .bind(error)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}
