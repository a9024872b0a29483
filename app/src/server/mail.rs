//! Delivers the outbox: each due message is claimed (so of several instances one sends it),
//! handed to the [`Mailer`], and marked sent only once the server accepted it. A failure that
//! may pass is retried with a doubling wait; a refusal, or a message a day old, is given up.
//! The log names the recipient, the subject and the outcome, never the body.

pub mod message;
pub mod transport;

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;

use super::clock::unix_now;
use super::db::Db;
use super::db::outbox::{self, Queued};
use super::settings::MailSettings;
use crate::error::AppError;
pub use transport::{MailConfigError, Mailer, Outcome};

/// How often the outbox is checked for due messages.
const POLL_EVERY: Duration = Duration::from_millis(500);
/// How many messages are due per check, and how many are sent at once.
const BATCH: i64 = 100;
const PARALLEL: usize = 4;
/// A claim lasts this long: past it, a message an instance did not finish is sent again.
const CLAIM_SECS: i64 = 120;
/// A message not delivered within a day is given up (its links have expired anyway).
const GIVE_UP_AFTER_SECS: i64 = 24 * 60 * 60;

/// Sends the outbox through a mailer, with retries.
#[derive(Clone)]
pub struct Dispatcher {
    db: Db,
    mailer: Arc<Mailer>,
    backoff: Backoff,
}

/// The wait before each retry: doubling from the first, up to the maximum (seconds).
#[derive(Clone, Copy, Debug)]
struct Backoff {
    first: i64,
    max: i64,
}

impl Backoff {
    /// The wait after failed attempt number `attempt` (from 1).
    fn wait_after(self, attempt: i64) -> i64 {
        let doublings = u32::try_from(attempt - 1).unwrap_or(0).min(20);
        (self.first << doublings).min(self.max)
    }
}

impl Dispatcher {
    /// A dispatcher for `settings`, whose links point at `public_url`.
    pub fn new(db: Db, settings: &MailSettings, public_url: &str) -> Result<Self, MailConfigError> {
        Ok(Self {
            db,
            mailer: Arc::new(Mailer::new(settings, public_url)?),
            backoff: Backoff {
                first: settings.retry_first_secs.max(1),
                max: settings.retry_max_secs.max(1),
            },
        })
    }

    /// Runs in the background until the database is closed at shutdown.
    pub fn spawn(self) {
        tokio::spawn(async move {
            while !self.db.is_closed() {
                if let Err(error) = self.deliver_due().await {
                    tracing::warn!(?error, "outbox: cannot read the due messages; retrying");
                }
                tokio::time::sleep(POLL_EVERY).await;
            }
        });
    }

    /// Attempts every message due now; how many the server accepted.
    pub async fn deliver_due(&self) -> Result<usize, AppError> {
        let due = outbox::due(&self.db, unix_now(), BATCH).await?;
        let outcomes: Vec<Result<bool, AppError>> = futures::stream::iter(due)
            .map(|queued| self.attempt(queued))
            .buffer_unordered(PARALLEL)
            .collect()
            .await;
        let mut sent = 0;
        for outcome in outcomes {
            sent += usize::from(outcome?);
        }
        Ok(sent)
    }

    /// One attempt at `queued`, if this instance claims it; whether it was sent.
    async fn attempt(&self, queued: Queued) -> Result<bool, AppError> {
        let now = unix_now();
        if !outbox::claim(&self.db, &queued.id, now, now + CLAIM_SECS).await? {
            return Ok(false);
        }
        let (id, mail) = (&queued.id, &queued.mail);
        let (to, subject) = (&mail.recipient, &mail.subject);
        let attempt = queued.attempts + 1;
        match self.mailer.send(id, mail).await {
            Outcome::Sent => {
                outbox::mark_sent(&self.db, id, unix_now()).await?;
                tracing::info!(id, %to, %subject, attempt, outcome = "sent", "email");
                Ok(true)
            }
            Outcome::Dropped => {
                outbox::mark_sent(&self.db, id, unix_now()).await?;
                tracing::info!(id, %to, %subject, outcome = "dropped", "email (no mail transport)");
                Ok(false)
            }
            Outcome::Refused(error) => {
                outbox::give_up(&self.db, id, unix_now(), &error).await?;
                tracing::warn!(id, %to, %subject, attempt, outcome = "refused", %error, "email");
                Ok(false)
            }
            Outcome::Retry(error) if unix_now() - queued.created_at > GIVE_UP_AFTER_SECS => {
                outbox::give_up(&self.db, id, unix_now(), &error).await?;
                tracing::warn!(id, %to, %subject, attempt, outcome = "expired", %error, "email");
                Ok(false)
            }
            Outcome::Retry(error) => {
                let wait = self.backoff.wait_after(attempt);
                outbox::retry_at(&self.db, id, unix_now() + wait, &error).await?;
                tracing::warn!(id, %to, %subject, attempt, outcome = "retry", wait, %error, "email");
                Ok(false)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_up_to_the_maximum() {
        let backoff = Backoff { first: 5, max: 600 };
        let waits: Vec<i64> = (1..=10).map(|n| backoff.wait_after(n)).collect();
        assert_eq!(waits, [5, 10, 20, 40, 80, 160, 320, 600, 600, 600]);
        assert_eq!(backoff.wait_after(1000), 600);
        assert_eq!(backoff.wait_after(0), 5);
    }
}
