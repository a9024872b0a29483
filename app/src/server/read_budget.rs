//! A cap on the bytes one connection may send, armed by the handler that knows what the
//! connection is for (the board's live connection carries small messages): a client sending
//! more, one huge message or a flood, loses its connection before the bytes pile up in memory.
//! The server's connection loop enforces it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How long a budget lasts before it is renewed.
pub const WINDOW: Duration = Duration::from_secs(10);

/// A connection's allowance of bytes read per [`WINDOW`]: unlimited until [`ReadBudget::limit`].
/// Handlers find it among the request's extensions.
#[derive(Clone, Debug, Default)]
pub struct ReadBudget(Arc<AtomicUsize>);

impl ReadBudget {
    /// From now on the connection may send at most `bytes` per [`WINDOW`]; more closes it.
    pub fn limit(&self, bytes: usize) {
        self.0.store(bytes, Ordering::Relaxed);
    }

    /// The allowance per [`WINDOW`], once limited.
    pub fn bytes(&self) -> Option<usize> {
        Some(self.0.load(Ordering::Relaxed)).filter(|bytes| *bytes > 0)
    }
}
