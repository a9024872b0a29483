//! The daily purge: nothing personal is kept longer than it serves (see [`db::retention`]).

use std::time::Duration;

use crate::server::clock::unix_now;
use crate::server::db::retention::Cutoffs;
use crate::server::db::{self, Db};
use crate::server::settings::Settings;

/// How long sent mail stays in the outbox, for support questions ("did my link go out?").
pub const KEEP_MAIL_SECS: i64 = 30 * 24 * 60 * 60;

/// How long a used or expired login link, or a finished throttle window, is kept.
pub const KEEP_SHORT_SECS: i64 = 24 * 60 * 60;

/// How often the purge runs.
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// The cutoffs of a purge at `now` under `settings`.
pub fn cutoffs(settings: &Settings, now: i64) -> Cutoffs {
    Cutoffs {
        session_idle: now - settings.session_idle_secs,
        session_start: now - settings.session_absolute_secs,
        link: now - KEEP_SHORT_SECS,
        mail: now - KEEP_MAIL_SECS,
        throttle: now - KEEP_SHORT_SECS,
    }
}

/// Purges at start-up and then every day, until the database closes; logs how many rows of
/// each kind went.
pub fn spawn(db: Db, settings: Settings) {
    tokio::spawn(async move {
        while !db.is_closed() {
            match db::retention::purge(&db, &cutoffs(&settings, unix_now())).await {
                Ok(purged) => tracing::info!(
                    sessions = purged.sessions,
                    login_links = purged.login_links,
                    mails = purged.mails,
                    throttle_rows = purged.throttle_rows,
                    board_names = purged.board_names,
                    "retention: purged"
                ),
                Err(error) => tracing::warn!(?error, "retention: purge failed, retried tomorrow"),
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}
