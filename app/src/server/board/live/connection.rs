//! Serving one live connection, once the person was allowed in: what the client sends, the
//! board's changes, and who follows it.

use leptos::server_fn::BoxedStream;
use tokio::sync::mpsc;

use super::feed::Feed;
use super::metered::Metered;
use crate::domain::board::live::{ClientMessage, Presence, ServerMessage};
use crate::domain::community::CommunitySlug;
use crate::domain::person::PersonId;
use crate::domain::policy::{Action, allows};
use crate::error::AppError;
use crate::server::auth::sessions::viewer_for_token;
use crate::server::board::hub::Seat;
use crate::server::board::hub::presence::{self, Follower};
use crate::server::clock::unix_now;
use crate::server::plans::cycle;
use crate::server::state::AppState;

/// Where the connection's messages go.
pub(super) type Outgoing = mpsc::Sender<Result<ServerMessage, AppError>>;

/// What a connection knows of the person, taken from the request that opened it.
pub(super) struct Connection {
    pub state: AppState,
    /// The latest cycle's year: the only board one may follow.
    pub year: i32,
    pub person: PersonId,
    /// First and last name, as others see it.
    pub name: String,
    /// The session token the connection was opened with.
    pub session: String,
    /// Counts the connection among the person's; freed when it ends.
    pub _seat: Seat,
}

impl Connection {
    /// Serves the connection until the client goes or falls silent, sends too much, the
    /// session ends or loses the role (re-checked on a timer, whatever the client sends), or
    /// the hub stops.
    pub async fn serve(self, input: BoxedStream<ClientMessage, AppError>, out: Outgoing) {
        let limits = self.state.settings.live.clone();
        let mut input = Metered::new(input, &limits);
        let since = loop {
            match input.next().await {
                Ok(ClientMessage::Follow { year, since }) if year == self.year => break since,
                Ok(ClientMessage::Follow { .. }) => {
                    let _ = out.send(Err(AppError::NotFound)).await;
                    return;
                }
                Ok(_) => continue,
                Err(ended) => return ended.tell(&out).await,
            }
        };
        let hub = &self.state.hub;
        let id = hub.connection_id();
        let mut followers = hub.presence();
        followers.mark_changed();
        let mut feed = Feed::start(hub, self.state.db.clone(), self.year, since).await;
        let mut viewing = None;
        self.show(&id, viewing.as_ref()).await;
        let mut shown: Option<Vec<Presence>> = None;
        let mut recheck = tokio::time::interval(limits.recheck);
        recheck.reset();
        loop {
            let reply = tokio::select! {
                message = input.next() => match message {
                    Ok(ClientMessage::Ping) => {
                        self.touch(&id, viewing.as_ref()).await;
                        Some(Ok(ServerMessage::Pong))
                    }
                    Ok(ClientMessage::Viewing(plan)) => {
                        viewing = plan;
                        self.show(&id, viewing.as_ref()).await;
                        None
                    }
                    Ok(ClientMessage::Follow { .. }) => None,
                    Err(ended) => {
                        ended.tell(&out).await;
                        break;
                    }
                },
                _ = recheck.tick() => self.still_allowed().await.err().map(Err),
                changes = feed.next() => match changes {
                    Ok(Some(changes)) => Some(Ok(ServerMessage::Changes(changes))),
                    Ok(None) => break,
                    Err(error) => {
                        tracing::error!(%error, "live connection: cannot read the board's changes");
                        Some(Err(AppError::Internal))
                    }
                },
                Ok(()) = followers.changed() => {
                    let now = followers.borrow_and_update().get(&self.year).cloned();
                    let now = now.unwrap_or_default();
                    (shown.as_ref() != Some(&now)).then(|| {
                        shown = Some(now.clone());
                        Ok(ServerMessage::Presence(now))
                    })
                }
                () = out.closed() => break,
            };
            let Some(reply) = reply else { continue };
            let failed = reply.is_err();
            if out.send(reply).await.is_err() || failed {
                break;
            }
        }
        if let Err(error) = presence::remove(&self.state.db, &id).await {
            tracing::error!(%error, "live connection: cannot remove its presence");
        }
        hub.presence_changed();
    }

    /// Records what the person is looking at, and tells everyone.
    async fn show(&self, id: &str, viewing: Option<&CommunitySlug>) {
        self.touch(id, viewing).await;
        self.state.hub.presence_changed();
    }

    /// Records that the connection is alive and what the person is looking at.
    async fn touch(&self, id: &str, viewing: Option<&CommunitySlug>) {
        let follower = Follower {
            connection: id,
            year: self.year,
            person: &self.person,
            name: &self.name,
            viewing,
        };
        if let Err(error) = presence::upsert(&self.state.db, &follower, unix_now()).await {
            tracing::error!(%error, "live connection: cannot record its presence");
        }
    }

    /// Whether the session is still valid and its person still allowed to read the board.
    async fn still_allowed(&self) -> Result<(), AppError> {
        let viewer = viewer_for_token(&self.state, &self.session)
            .await?
            .filter(|viewer| viewer.person_id == self.person)
            .ok_or(AppError::LoginRequired)?;
        let phase = cycle(&self.state, Some(self.year)).await?.phase;
        if allows(Some(&viewer), &Action::ReadBoard(phase)) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}
