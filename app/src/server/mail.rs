//! Delivers the outbox: each message is claimed once (so several instances never send it twice)
//! and handed to the configured transport.

use std::time::Duration;

use super::db::outbox::Mail;
use super::db::{self, Db};
use super::settings::MailTransport;
use crate::error::AppError;

/// How often the outbox is checked.
const POLL_EVERY: Duration = Duration::from_secs(1);

/// Runs the dispatcher in the background until the database is closed at shutdown.
pub fn spawn(db: Db, transport: MailTransport) {
    tokio::spawn(async move {
        while !db.is_closed() {
            if let Err(error) = deliver_pending(&db, &transport).await {
                tracing::warn!(?error, "outbox delivery failed; retrying");
            }
            tokio::time::sleep(POLL_EVERY).await;
        }
    });
}

/// Sends every unsent message; how many this call sent.
pub async fn deliver_pending(db: &Db, transport: &MailTransport) -> Result<usize, AppError> {
    let mut sent = 0;
    for queued in db::outbox::unsent(db, 50).await? {
        if db::outbox::mark_sent(db, &queued.id).await? {
            deliver(transport, &queued.id, &queued.mail)?;
            sent += 1;
        }
    }
    Ok(sent)
}

fn deliver(transport: &MailTransport, id: &str, mail: &Mail) -> Result<(), AppError> {
    match transport {
        MailTransport::Log => {
            tracing::info!(to = %mail.recipient, subject = %mail.subject, body = %mail.body, "email");
            Ok(())
        }
        MailTransport::Directory(dir) => {
            let text = format!(
                "To: {}\nSubject: {}\nContent-Type: text/plain; charset=utf-8\n\n{}\n",
                mail.recipient, mail.subject, mail.body
            );
            std::fs::create_dir_all(dir)
                .and_then(|()| std::fs::write(dir.join(format!("{id}.eml")), text))
                .map_err(|error| {
                    tracing::error!(%error, dir = %dir.display(), "cannot write email");
                    AppError::Internal
                })
        }
    }
}
