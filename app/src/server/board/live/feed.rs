//! The changes one live connection sends: first those after the client's last event, read from
//! the table, then each new one from the hub's broadcast; after falling behind the broadcast,
//! the table again. In event order, each once.

use std::sync::Arc;

use tokio::sync::broadcast::{self, error::RecvError, error::TryRecvError};

use crate::domain::board::Annotation;
use crate::server::board::hub::Hub;
use crate::server::db::{self, Db};

/// How many changes one read of the table returns at most (and one message carries).
pub const BATCH: i64 = 200;

/// The changes to one year's board after the last one handed out.
pub struct Feed {
    db: Db,
    year: i32,
    /// The last event handed out.
    sent: i64,
    /// Whether the table may hold changes the broadcast will not bring.
    behind: bool,
    changes: broadcast::Receiver<Arc<Annotation>>,
}

impl Feed {
    /// Follows the board of `year` after event `since` through `hub`.
    pub async fn start(hub: &Hub, db: Db, year: i32, since: i64) -> Self {
        // Subscribed before reading the table: a change committed after the read is broadcast
        // after the subscription, so it is received.
        hub.ready().await;
        Self::new(db, year, since, hub.subscribe())
    }

    /// Follows the board of `year` after event `since`, with `changes` already subscribed
    /// (before anything is read from the table).
    pub fn new(
        db: Db,
        year: i32,
        since: i64,
        changes: broadcast::Receiver<Arc<Annotation>>,
    ) -> Self {
        Self {
            db,
            year,
            sent: since,
            behind: true,
            changes,
        }
    }

    /// The last event handed out.
    pub fn last(&self) -> i64 {
        self.sent
    }

    /// The next changes, in event order, none handed out before (at most [`BATCH`] from the
    /// table at once); waits until there are some. `None` once the broadcast is gone.
    /// Cancel-safe: nothing is lost when the future is dropped before it resolves.
    pub async fn next(&mut self) -> Result<Option<Vec<Annotation>>, sqlx::Error> {
        loop {
            if self.behind {
                let batch =
                    db::board::events_after(&self.db, Some(self.year), self.sent, BATCH).await?;
                self.behind = batch.len() as i64 == BATCH;
                if let Some((last, _)) = batch.last() {
                    self.sent = *last;
                }
                let changes: Vec<_> = batch.into_iter().filter_map(|(_, change)| change).collect();
                if !changes.is_empty() {
                    return Ok(Some(changes));
                }
                if self.behind {
                    continue;
                }
            }
            let first = match self.changes.recv().await {
                Ok(change) => change,
                Err(RecvError::Lagged(missed)) => {
                    tracing::debug!(missed, "live connection behind: reading the table");
                    self.behind = true;
                    continue;
                }
                Err(RecvError::Closed) => return Ok(None),
            };
            let mut fresh = Vec::new();
            self.take(&first, &mut fresh);
            // Whatever else is already waiting goes in the same message.
            while fresh.len() < BATCH as usize {
                match self.changes.try_recv() {
                    Ok(change) => self.take(&change, &mut fresh),
                    Err(TryRecvError::Lagged(_)) => {
                        self.behind = true;
                        break;
                    }
                    Err(TryRecvError::Empty | TryRecvError::Closed) => break,
                }
            }
            if !fresh.is_empty() {
                return Ok(Some(fresh));
            }
        }
    }

    /// Adds `change` to `fresh` if it is about this board and newer than what was handed out.
    fn take(&mut self, change: &Arc<Annotation>, fresh: &mut Vec<Annotation>) {
        if change.year == self.year && change.event > self.sent {
            self.sent = change.event;
            fresh.push(Annotation::clone(change));
        }
    }
}
