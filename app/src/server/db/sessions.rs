//! Stored sessions, by the digest of their token.

use sqlx::any::AnyExecutor;

use super::Db;
use crate::domain::person::PersonId;
use crate::error::AppError;

/// A stored session.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Session {
    /// The first 16 hex digits of the token's digest: a handle to end it by, which reveals
    /// nothing of the token.
    pub handle: String,
    pub person_id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// The browser's user agent, as sent at login.
    pub user_agent: String,
    /// The network address shortened (see `auth::device::network`).
    pub network: String,
    /// How it began: `password` or `link`.
    pub method: String,
}

/// Where and how a session began.
pub struct Origin<'a> {
    pub user_agent: &'a str,
    pub network: &'a str,
    pub method: &'a str,
}

const COLUMNS: &str = "substr(token_hash, 1, 16) AS handle, person_id, created_at, last_seen_at, \
                       user_agent, network, method";

/// Stores a new session for `person`.
pub async fn insert<'e>(
    db: impl AnyExecutor<'e>,
    token_hash: &str,
    person: &PersonId,
    now: i64,
    origin: &Origin<'_>,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, person_id, created_at, last_seen_at, user_agent, \
         network, method) VALUES ($1, $2, $3, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(&person.0)
    .bind(now)
    .bind(origin.user_agent)
    .bind(origin.network)
    .bind(origin.method)
    .execute(db)
    .await?;
    Ok(())
}

/// The session with this token digest, if any.
pub async fn find(db: &Db, token_hash: &str) -> Result<Option<Session>, AppError> {
    let sql = format!("SELECT {COLUMNS} FROM sessions WHERE token_hash = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(token_hash)
        .fetch_optional(db)
        .await?)
}

/// Every session of `person`, the most recently used first.
pub async fn of_person(db: &Db, person: &PersonId) -> Result<Vec<Session>, AppError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM sessions WHERE person_id = $1 ORDER BY last_seen_at DESC, created_at DESC"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(&person.0)
        .fetch_all(db)
        .await?)
}

/// Ends `person`'s session with `handle`; whether there was one.
pub async fn delete_by_handle(db: &Db, person: &PersonId, handle: &str) -> Result<bool, AppError> {
    let result =
        sqlx::query("DELETE FROM sessions WHERE person_id = $1 AND substr(token_hash, 1, 16) = $2")
            .bind(&person.0)
            .bind(handle)
            .execute(db)
            .await?;
    Ok(result.rows_affected() > 0)
}

/// Ends every session of `person` except the one with digest `keep`; how many ended.
pub async fn delete_others(db: &Db, person: &PersonId, keep: &str) -> Result<u64, AppError> {
    let result = sqlx::query("DELETE FROM sessions WHERE person_id = $1 AND token_hash <> $2")
        .bind(&person.0)
        .bind(keep)
        .execute(db)
        .await?;
    Ok(result.rows_affected())
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
