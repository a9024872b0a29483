//! Instances on one PostgreSQL database wake each other: NOTIFY after a change, LISTEN for the
//! others'. A notification carries only what changed (changes or presence) and who sent it; the
//! tables stay the truth.

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgListener;
use tokio::sync::watch;

use super::Signal;
use crate::server::db::Db;

/// The channel every instance listens on.
const CHANNEL: &str = "comtem_board";
/// The prefix of a notification about new board events.
pub(super) const CHANGES: &str = "c";
/// The prefix of a notification about who follows the board.
pub(super) const PRESENCE: &str = "p";
/// The longest wait between two attempts to reconnect.
const MAX_BACK_OFF: Duration = Duration::from_secs(10);

/// Sends `payload` to every instance listening.
pub(super) async fn notify(db: Db, payload: String) {
    let sent = sqlx::query("SELECT 1 FROM (SELECT pg_notify('comtem_board', $1)) AS sent")
        .bind(payload)
        .execute(&db)
        .await;
    if let Err(error) = sent {
        tracing::warn!(%error, "board hub: cannot notify the other instances");
    }
}

/// Listens for the other instances' notifications and wakes the pump, reconnecting with
/// back-off when the connection drops; after every (re)connection it wakes the pump anyway,
/// since notifications sent meanwhile are lost. Stops when `stopped` closes.
pub(super) async fn run(
    url: String,
    own: String,
    signal: Arc<Signal>,
    mut stopped: watch::Receiver<()>,
) {
    let mut back_off = Duration::from_millis(100);
    loop {
        match listen(&url).await {
            Ok(mut listener) => {
                back_off = Duration::from_millis(100);
                signal.presence();
                loop {
                    let received = tokio::select! {
                        received = listener.try_recv() => received,
                        _ = stopped.changed() => return,
                    };
                    match received {
                        Ok(Some(notification)) => {
                            let payload = notification.payload();
                            if payload.ends_with(own.as_str()) {
                                continue;
                            }
                            if payload.starts_with(PRESENCE) {
                                signal.presence();
                            } else {
                                signal.changes();
                            }
                        }
                        // Reconnected: what was sent meanwhile is lost.
                        Ok(None) => signal.presence(),
                        Err(error) => {
                            tracing::warn!(%error, "board hub: lost the PostgreSQL listener");
                            break;
                        }
                    }
                }
            }
            Err(error) => tracing::warn!(%error, "board hub: cannot listen on PostgreSQL"),
        }
        tokio::select! {
            () = tokio::time::sleep(back_off) => {},
            _ = stopped.changed() => return,
        }
        back_off = (back_off * 2).min(MAX_BACK_OFF);
    }
}

async fn listen(url: &str) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}
