//! Throttling of signups, logins and link requests, counted in the database so that every
//! instance shares the counts.

use crate::error::AppError;
use crate::server::clock::unix_now;
use crate::server::db::{self, Db};
use crate::server::settings::Limit;

/// Counts one attempt under `key`; [`AppError::Throttled`] once the limit is passed.
pub async fn attempt(db: &Db, key: &str, limit: Limit) -> Result<(), AppError> {
    let now = unix_now();
    let (attempts, window_start) = db::throttle::hit(db, key, now, limit.window_secs).await?;
    if attempts > limit.attempts {
        let seconds_left = (window_start + limit.window_secs - now).max(60);
        tracing::warn!(key, attempts, "throttled");
        Err(AppError::Throttled {
            minutes: (seconds_left as u64).div_ceil(60),
        })
    } else {
        Ok(())
    }
}
