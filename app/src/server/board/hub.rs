//! The live fast path: after a change is committed, [`Hub::wake`] makes this instance (and,
//! on PostgreSQL, every instance through NOTIFY) read the new events from the events table and
//! broadcast them, in event order, to the live connections it serves. The hub also keeps the
//! list of who follows each year's board, from the `board_presence` table.

mod listen;
pub mod presence;
mod pump;
mod seats;

pub use seats::Seat;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use tokio::sync::{Notify, broadcast, watch};

use crate::domain::board::Annotation;
use crate::domain::board::live::Presence;
use crate::server::db::Db;
use crate::server::tokens::new_id;

/// Who follows each year's board (sorted, without repeats).
pub type PresenceByYear = BTreeMap<i32, Vec<Presence>>;

/// How many changes a connection may fall behind before it re-reads them from the table.
const CAPACITY: usize = 1024;

/// The broadcast of committed board changes to this instance's live connections.
#[derive(Clone)]
pub struct Hub {
    shared: Arc<Shared>,
}

struct Shared {
    changes: broadcast::Sender<Arc<Annotation>>,
    presence: watch::Receiver<Arc<PresenceByYear>>,
    ready: watch::Receiver<bool>,
    signal: Arc<Signal>,
    /// This instance's id: it prefixes its connection ids and marks its own notifications.
    instance: String,
    next_connection: AtomicU64,
    seats: seats::Seats,
    /// The pool NOTIFY is sent through, on PostgreSQL.
    notify_db: Option<Db>,
    /// Dropped with the last hub, which stops its tasks.
    _alive: watch::Sender<()>,
}

/// What the pump is asked to do.
#[derive(Default)]
struct Signal {
    wake: Notify,
    presence_changed: AtomicBool,
}

impl Signal {
    fn changes(&self) {
        self.wake.notify_one();
    }

    fn presence(&self) {
        self.presence_changed.store(true, Ordering::SeqCst);
        self.wake.notify_one();
    }
}

impl Hub {
    /// Starts the hub over `db`: a task that broadcasts new events when woken. With
    /// `postgres_url`, it also listens for the other instances' wake-ups.
    pub fn start(db: Db, postgres_url: Option<String>) -> Self {
        let (changes, _) = broadcast::channel(CAPACITY);
        let (presence_tx, presence) = watch::channel(Arc::default());
        let (ready_tx, ready) = watch::channel(false);
        let (alive, stopped) = watch::channel(());
        let signal = Arc::new(Signal::default());
        let instance = new_id();
        tokio::spawn(pump::run(pump::Pump {
            db: db.clone(),
            changes: changes.clone(),
            presence: presence_tx,
            ready: ready_tx,
            signal: signal.clone(),
            instance: instance.clone(),
            stopped: stopped.clone(),
        }));
        if let Some(url) = &postgres_url {
            let own = instance.clone();
            tokio::spawn(listen::run(url.clone(), own, signal.clone(), stopped));
        }
        Self {
            shared: Arc::new(Shared {
                changes,
                presence,
                ready,
                signal,
                instance,
                next_connection: AtomicU64::new(0),
                seats: Default::default(),
                notify_db: postgres_url.map(|_| db),
                _alive: alive,
            }),
        }
    }

    /// Signals that a change was committed.
    pub fn wake(&self) {
        self.shared.signal.changes();
        self.notify_others(listen::CHANGES);
    }

    /// Signals that someone started or stopped following a board, or looks at another plan.
    pub fn presence_changed(&self) {
        self.shared.signal.presence();
        self.notify_others(listen::PRESENCE);
    }

    /// Resolves once the hub broadcasts every change committed from then on: subscribe after
    /// this, then read the table, and nothing falls between the two.
    pub async fn ready(&self) {
        let mut ready = self.shared.ready.clone();
        let _ = ready.wait_for(|ready| *ready).await;
    }

    /// A receiver of every change broadcast from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Annotation>> {
        self.shared.changes.subscribe()
    }

    /// Who follows each year's board, updated as it changes.
    pub fn presence(&self) -> watch::Receiver<Arc<PresenceByYear>> {
        self.shared.presence.clone()
    }

    /// A new connection id, unique across instances (it starts with this instance's id).
    pub fn connection_id(&self) -> String {
        let number = self.shared.next_connection.fetch_add(1, Ordering::Relaxed);
        format!("{}-{number}", self.shared.instance)
    }

    /// Wakes the other instances (PostgreSQL only), without waiting.
    fn notify_others(&self, kind: &'static str) {
        if let Some(db) = &self.shared.notify_db {
            tokio::spawn(listen::notify(
                db.clone(),
                format!("{kind}{}", self.shared.instance),
            ));
        }
    }
}
