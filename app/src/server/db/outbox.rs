//! Email waiting to be sent: written with its cause, delivered by the mail dispatcher.

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
}

/// A stored message with its identifier.
pub struct Queued {
    pub id: String,
    pub mail: Mail,
}

/// Queues `mail` on `conn`, typically inside the transaction that caused it.
pub async fn enqueue(conn: &mut AnyConnection, mail: &Mail) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO outbox (id, recipient, subject, body, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(&mail.recipient)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(unix_now())
    .execute(conn)
    .await?;
    Ok(())
}

/// Up to `limit` messages not sent yet, oldest first.
pub async fn unsent(db: &Db, limit: i64) -> Result<Vec<Queued>, AppError> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT id, recipient, subject, body FROM outbox WHERE sent_at IS NULL \
         ORDER BY created_at, id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, recipient, subject, body)| Queued {
            id,
            mail: Mail {
                recipient,
                subject,
                body,
            },
        })
        .collect())
}

/// Marks a message as sent, unless another instance already did; whether this call did.
pub async fn mark_sent(db: &Db, id: &str) -> Result<bool, AppError> {
    let result = sqlx::query("UPDATE outbox SET sent_at = $1 WHERE id = $2 AND sent_at IS NULL")
        .bind(unix_now())
        .bind(id)
        .execute(db)
        .await?;
    Ok(result.rows_affected() == 1)
}
