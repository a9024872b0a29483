//! The messages of the board's live connection (a WebSocket server function).

use serde::{Deserialize, Serialize};

use super::Annotation;
use crate::domain::community::CommunitySlug;
use crate::domain::person::PersonId;

/// What the browser sends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClientMessage {
    /// Start (or resume) following the board of `year` after event `since`. Sent first.
    Follow { year: i32, since: i64 },
    /// The plan the person is looking at now (`None`: several, or none).
    Viewing(Option<CommunitySlug>),
    /// Keeps the connection (and the person's presence) alive.
    Ping,
}

/// What the server sends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServerMessage {
    /// Changes after the last one sent, in event order.
    Changes(Vec<Annotation>),
    /// Everyone following the board now, and the plan each is looking at.
    Presence(Vec<Presence>),
    /// The answer to a ping.
    Pong,
}

/// Someone following the board.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Presence {
    /// First and last name.
    pub name: String,
    /// Who it is, so a page can leave its own person out.
    pub person: PersonId,
    pub viewing: Option<CommunitySlug>,
}
