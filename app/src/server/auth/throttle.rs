//! Throttling of signups, logins and link requests, counted in the database so that every
//! instance shares the counts.

use crate::error::AppError;
use crate::server::clock::unix_now;
use crate::server::db::{self, Db};
use crate::server::settings::Limit;

/// What is throttled per account, each under the key `<action>:account:<address>`.
const ACCOUNT_ACTIONS: [&str; 3] = ["login", "link", "signup"];

/// The throttle key of `action` (one of [`ACCOUNT_ACTIONS`]) for the address `email`.
pub fn account_key(action: &str, email: &str) -> String {
    debug_assert!(ACCOUNT_ACTIONS.contains(&action));
    format!("{action}:account:{email}")
}

/// Every throttle key of the address `email`, for erasure.
pub fn account_keys(email: &str) -> [String; 3] {
    ACCOUNT_ACTIONS.map(|action| account_key(action, email))
}

/// Counts one attempt under `key`; [`AppError::Throttled`] once the limit is passed.
pub async fn attempt(db: &Db, key: &str, limit: Limit) -> Result<(), AppError> {
    let now = unix_now();
    let (attempts, window_start) = db::throttle::hit(db, key, now, limit.window_secs).await?;
    if attempts > limit.attempts {
        let seconds_left = (window_start + limit.window_secs - now).max(60);
        // The kind of key only: the rest is an address, personal data the log does not keep.
        let kind: Vec<&str> = key.splitn(3, ':').take(2).collect();
        tracing::warn!(kind = kind.join(":"), attempts, "throttled");
        Err(AppError::Throttled {
            minutes: (seconds_left as u64).div_ceil(60),
        })
    } else {
        Ok(())
    }
}
