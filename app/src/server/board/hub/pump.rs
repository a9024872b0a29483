//! The hub's task: reads new events after the last one it broadcast, and the presence list.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use tokio::sync::{broadcast, watch};
use tokio::time::{Instant, MissedTickBehavior, interval_at, sleep_until};

use super::{PresenceByYear, Signal, presence};
use crate::domain::board::Annotation;
use crate::server::clock::unix_now;
use crate::server::db::{self, Db};

/// How often the pump refreshes its connections' presence, forgets stale rows, and looks for
/// events even without a wake-up (a lost NOTIFY costs at most this delay).
const SWEEP_EVERY: Duration = Duration::from_secs(15);
/// The presence list is read at most this often: a crowd arriving at once costs a few reads,
/// and each connection a few messages, not one per arrival.
const PRESENCE_EVERY: Duration = Duration::from_millis(250);
/// How long the pump waits before retrying after a database error.
const RETRY_AFTER: Duration = Duration::from_millis(500);
/// How many events one read returns at most.
const BATCH: i64 = 256;

/// What the pump owns.
pub(super) struct Pump {
    pub db: Db,
    pub changes: broadcast::Sender<Arc<Annotation>>,
    pub presence: watch::Sender<Arc<PresenceByYear>>,
    pub ready: watch::Sender<bool>,
    pub signal: Arc<Signal>,
    pub instance: String,
    /// Closed when the last hub is dropped.
    pub stopped: watch::Receiver<()>,
}

/// Broadcasts every event after the latest one at start, in order, each once; refreshes the
/// presence list when told (at most every [`PRESENCE_EVERY`]) and every [`SWEEP_EVERY`].
/// Stops with the hub.
pub(super) async fn run(mut pump: Pump) {
    let Some(mut last) = pump.start().await else {
        return;
    };
    pump.ready.send_replace(true);
    let mut sweep = interval_at(Instant::now() + SWEEP_EVERY, SWEEP_EVERY);
    sweep.set_missed_tick_behavior(MissedTickBehavior::Delay);
    // When the presence list may be read next, and whether it should be.
    let (mut presence_at, mut presence_due) = (Instant::now(), true);
    loop {
        if let Err(error) = pump.broadcast_after(&mut last).await {
            tracing::error!(%error, "board hub: cannot read new events");
            pump.retry_later();
        }
        presence_due |= pump.signal.presence_changed.swap(false, Ordering::SeqCst);
        if presence_due && Instant::now() >= presence_at {
            presence_at = Instant::now() + PRESENCE_EVERY;
            // On failure, retried after PRESENCE_EVERY.
            presence_due = !pump.refresh_presence().await;
        }
        tokio::select! {
            () = pump.signal.wake.notified() => {},
            () = sleep_until(presence_at), if presence_due => {},
            _ = sweep.tick() => {
                if let Err(error) = presence::sweep(&pump.db, &pump.instance, unix_now()).await {
                    tracing::error!(%error, "board hub: cannot sweep the presence table");
                }
                presence_due = true;
            },
            _ = pump.stopped.changed() => return,
        }
    }
}

impl Pump {
    /// The latest event at start, retried until the database answers (`None`: stopped).
    async fn start(&mut self) -> Option<i64> {
        loop {
            match db::board::latest_event(&self.db).await {
                Ok(last) => return Some(last),
                Err(error) => tracing::error!(%error, "board hub: cannot read the latest event"),
            }
            tokio::select! {
                () = tokio::time::sleep(RETRY_AFTER) => {},
                _ = self.stopped.changed() => return None,
            }
        }
    }

    /// Broadcasts the events after `last`, in order, moving `last` on with each one (so that
    /// after a failure half-way none is broadcast again).
    async fn broadcast_after(&self, last: &mut i64) -> Result<(), sqlx::Error> {
        loop {
            let batch = db::board::events_after(&self.db, None, *last, BATCH).await?;
            let full = batch.len() as i64 == BATCH;
            for (id, change) in batch {
                *last = id;
                if let Some(change) = change {
                    // No receiver is not an error: nobody is following.
                    let _ = self.changes.send(Arc::new(change));
                }
            }
            if !full {
                return Ok(());
            }
        }
    }

    /// Reads who follows the boards and publishes the list if it changed; whether it could.
    async fn refresh_presence(&self) -> bool {
        match presence::current(&self.db, unix_now()).await {
            Ok(current) => {
                self.presence.send_if_modified(|published| {
                    let changed = **published != current;
                    if changed {
                        *published = Arc::new(current);
                    }
                    changed
                });
                true
            }
            Err(error) => {
                tracing::error!(%error, "board hub: cannot read who follows the board");
                false
            }
        }
    }

    /// Wakes the pump again after a pause, to retry what failed.
    fn retry_later(&self) {
        let signal = self.signal.clone();
        tokio::spawn(async move {
            tokio::time::sleep(RETRY_AFTER).await;
            signal.changes();
        });
    }
}
