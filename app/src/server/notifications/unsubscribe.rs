//! The one-click unsubscribe of notification mails (RFC 8058): the link is the credential, so
//! it works without logging in; a `POST` turns off what it names, a `GET` only asks.

use crate::domain::notification::Unsubscribe;
use crate::domain::policy::Action;
use crate::error::AppError;
use crate::server::auth::permit;
use crate::server::clock::unix_now;
use crate::server::db::notifications::unsubscribe::{self, Link};
use crate::server::state::AppState;

/// What the link of `token` turns off, and whether it was used; `NotFound` for an unknown one.
#[tracing::instrument(skip_all)]
pub async fn describe(state: &AppState, token: &str) -> Result<Unsubscribe, AppError> {
    let link = find(state, token).await?;
    Ok(Unsubscribe {
        kind: link.kind,
        done: link.used,
    })
}

/// Turns off what the link of `token` names (using it again changes nothing more).
#[tracing::instrument(skip_all)]
pub async fn unsubscribe(state: &AppState, token: &str) -> Result<Unsubscribe, AppError> {
    let link = find(state, token).await?;
    let mut tx = state.db.begin().await?;
    unsubscribe::apply(&mut tx, token, &link, unix_now()).await?;
    tx.commit().await?;
    tracing::info!(person = %link.person.0, kind = ?link.kind, "notifications: unsubscribed");
    Ok(Unsubscribe {
        kind: link.kind,
        done: true,
    })
}

async fn find(state: &AppState, token: &str) -> Result<Link, AppError> {
    permit(None, &Action::UseUnsubscribeLink)?;
    if token.is_empty() || token.len() > 64 {
        return Err(AppError::NotFound);
    }
    unsubscribe::find(&state.db, token)
        .await?
        .ok_or(AppError::NotFound)
}
