//! Stored sessions, by the digest of their token.

use super::Db;
use crate::domain::person::PersonId;
use crate::error::AppError;

/// A stored session.
pub struct Session {
    pub person_id: PersonId,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// Stores a new session for `person`.
pub async fn insert(
    db: &Db,
    token_hash: &str,
    person: &PersonId,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, person_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
    )
    .bind(token_hash)
    .bind(&person.0)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// The session with this token digest, if any.
pub async fn find(db: &Db, token_hash: &str) -> Result<Option<Session>, AppError> {
    let row: Option<(String, i64, i64)> = sqlx::query_as(
        "SELECT person_id, created_at, last_seen_at FROM sessions WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(person_id, created_at, last_seen_at)| Session {
        person_id: PersonId(person_id),
        created_at,
        last_seen_at,
    }))
}

/// Records that the session was used at `now`.
pub async fn touch(db: &Db, token_hash: &str, now: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Ends one session.
pub async fn delete(db: &Db, token_hash: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}
