//! One of a person's sessions, as their profile lists it.

use serde::{Deserialize, Serialize};

/// A logged-in browser of the person: what it is, where from, since when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySession {
    /// A handle to end it by (not its token).
    pub handle: String,
    pub browser: String,
    pub system: String,
    /// The network address, shortened (`192.0.2.x`).
    pub network: String,
    /// Italian time, to the minute.
    pub started: String,
    pub last_seen: String,
    /// Whether it is the session of the page showing the list.
    pub current: bool,
}
