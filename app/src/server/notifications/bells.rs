//! The header's bell, live: after notifications are written or read, the people concerned are
//! announced here, and each open bell of theirs reads its count again.

use std::sync::Arc;
use std::time::Duration;

use axum::http::HeaderMap;
use futures::Stream;
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

use crate::domain::person::PersonId;
use crate::server::auth::sessions;
use crate::server::state::AppState;

/// How many announcements a slow bell may fall behind before it re-reads its count anyway.
const CAPACITY: usize = 64;

/// Announces whose notifications changed, on this instance.
#[derive(Clone)]
pub struct Bells {
    sender: broadcast::Sender<Arc<Vec<PersonId>>>,
}

impl Default for Bells {
    fn default() -> Self {
        Self {
            sender: broadcast::channel(CAPACITY).0,
        }
    }
}

impl Bells {
    /// Announces that `people`'s notifications changed.
    pub fn ring(&self, people: Vec<PersonId>) {
        if !people.is_empty() {
            // No bell open anywhere is not an error.
            let _ = self.sender.send(Arc::new(people));
        }
    }

    /// Every announcement from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Vec<PersonId>>> {
        self.sender.subscribe()
    }
}

/// How often an open bell reads its count anyway: what other instances wrote arrives within it,
/// and a session that ended closes the bell.
const RECHECK: Duration = Duration::from_secs(20);

/// The unread count of the person logged in with `headers`: now, then whenever it changes.
/// Ends when the session does.
pub fn live_count(state: AppState, headers: HeaderMap) -> impl Stream<Item = i64> + Send {
    let receiver = state.bells.subscribe();
    futures::stream::unfold(
        (state, headers, receiver, None::<(PersonId, i64)>),
        |(state, headers, mut receiver, last)| async move {
            let mut wait = last.is_some();
            loop {
                if wait {
                    tokio::select! {
                        received = receiver.recv() => match received {
                            Ok(people) if last.as_ref().is_some_and(|(me, _)| !people.contains(me)) => continue,
                            Ok(_) | Err(RecvError::Lagged(_)) => {}
                            Err(RecvError::Closed) => return None,
                        },
                        () = tokio::time::sleep(RECHECK) => {}
                    }
                }
                wait = true;
                let viewer = sessions::from_headers(&state, &headers)
                    .await
                    .ok()
                    .flatten()?;
                let count = super::unread(&state.db, &viewer).await.ok()?;
                if last.as_ref().map(|(_, sent)| *sent) != Some(count) {
                    let last = Some((viewer.person_id, count));
                    return Some((count, (state, headers, receiver, last)));
                }
            }
        },
    )
}
