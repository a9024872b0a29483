//! Attempt counters in fixed windows.

use super::Db;
use crate::error::AppError;

/// Counts one attempt under `key` at `now`, starting a new window when the last one is over.
/// Returns the attempts in the current window and when it started.
pub async fn hit(db: &Db, key: &str, now: i64, window_secs: i64) -> Result<(i64, i64), AppError> {
    let (attempts, window_start): (i64, i64) = sqlx::query_as(
        "INSERT INTO throttle (key, window_start, attempts) VALUES ($1, $2, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           attempts = CASE WHEN throttle.window_start <= $2 - $3 THEN 1 ELSE throttle.attempts + 1 END, \
           window_start = CASE WHEN throttle.window_start <= $2 - $3 THEN $2 ELSE throttle.window_start END \
         RETURNING attempts, window_start",
    )
    .bind(key)
    .bind(now)
    .bind(window_secs)
    .fetch_one(db)
    .await?;
    Ok((attempts, window_start))
}

/// Forgets the attempts counted under `key`.
pub async fn clear(db: &Db, key: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM throttle WHERE key = $1")
        .bind(key)
        .execute(db)
        .await?;
    Ok(())
}
