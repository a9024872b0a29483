//! What a live connection's client sends, within limits: silence past [`LiveLimits::idle`] or
//! more than [`LiveLimits::messages`] per window ends the connection (their size is capped
//! below, by the connection's [`ReadBudget`](crate::server::read_budget::ReadBudget)).

use futures::StreamExt;
use leptos::server_fn::BoxedStream;
use tokio::time::{Duration, Instant, timeout_at};

use super::connection::Outgoing;
use crate::domain::board::live::ClientMessage;
use crate::error::AppError;
use crate::server::read_budget::WINDOW;
use crate::server::settings::LiveLimits;

/// The client's messages, counted and timed.
pub(super) struct Metered {
    input: BoxedStream<ClientMessage, AppError>,
    idle: Duration,
    max: u32,
    last_heard: Instant,
    window_start: Instant,
    count: u32,
}

/// Why the client's messages ended.
pub(super) enum Ended {
    /// The client closed the connection, or sent what could not be read.
    Gone,
    /// Nothing came for [`LiveLimits::idle`].
    Silent,
    /// Too many messages came.
    Flooding,
}

impl Ended {
    /// Tells the client, when it should know why.
    pub async fn tell(self, out: &Outgoing) {
        match self {
            Self::Flooding => {
                tracing::warn!("live connection: too many messages, closed");
                let _ = out.send(Err(AppError::Throttled { minutes: 1 })).await;
            }
            Self::Silent => tracing::debug!("live connection: silent, closed"),
            Self::Gone => {}
        }
    }
}

impl Metered {
    pub fn new(input: BoxedStream<ClientMessage, AppError>, limits: &LiveLimits) -> Self {
        let now = Instant::now();
        Self {
            input,
            idle: limits.idle,
            max: limits.messages,
            last_heard: now,
            window_start: now,
            count: 0,
        }
    }

    /// The next message. Cancel-safe: the silence is counted from the last message, not from
    /// the call.
    pub async fn next(&mut self) -> Result<ClientMessage, Ended> {
        let message = timeout_at(self.last_heard + self.idle, self.input.next())
            .await
            .map_err(|_| Ended::Silent)?;
        let Some(Ok(message)) = message else {
            return Err(Ended::Gone);
        };
        let now = Instant::now();
        self.last_heard = now;
        if now.duration_since(self.window_start) >= WINDOW {
            self.window_start = now;
            self.count = 0;
        }
        self.count += 1;
        if self.count > self.max {
            return Err(Ended::Flooding);
        }
        Ok(message)
    }
}
