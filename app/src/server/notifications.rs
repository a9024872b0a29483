//! Notifications: who an event concerns, and telling them. An event is written once per person
//! in one transaction, as each person's preferences say (under the bell, by email at once after
//! a hold, in the digest, or not at all); the author of the change is never told of it.

pub mod access;
pub mod audience;
pub mod bells;
pub mod mail;
mod mentioned;
pub mod reminders;
pub mod unsubscribe;

pub use mentioned::{excerpt, mentioned};

use std::collections::HashSet;

use access::Access;

use super::auth::{authorize, sessions};
use super::clock::unix_now;
use super::db::notifications::preferences::{self, Choices};
use super::db::notifications::{self, Event, Recipient};
use super::db::{self, Db};
use super::state::AppState;
use crate::domain::community::CommunitySlug;
use crate::domain::notification::NotificationList;
use crate::domain::notification::form::{NotificationForm, NotificationSettings};
use crate::domain::person::PersonId;
use crate::domain::policy::Action;
use crate::domain::role::Viewer;
use crate::error::AppError;

/// What a person must still be allowed to read to be told of an event (checked again before
/// a held mail goes out).
pub mod scope {
    use crate::domain::community::CommunitySlug;

    /// Anyone may read it: a meeting, a news post.
    pub const PUBLIC: &str = "pubblico";
    pub(super) const PLAN: &str = "piano";
    pub(super) const BOARD: &str = "bacheca";
    pub(super) const REMARKS: &str = "osservazioni";
    pub(super) const VALIDATION: &str = "validazione";

    /// Who may read `community`'s plan of `year` in the cycle's phase.
    pub fn plan(year: i32, community: &CommunitySlug) -> String {
        format!("{PLAN}:{year}:{community}")
    }

    /// Who may read the cross-reading board of `year` in the cycle's phase.
    pub fn board(year: i32) -> String {
        format!("{BOARD}:{year}")
    }

    /// Who may read the state and decisions of the validation of `year`.
    pub fn validation(year: i32) -> String {
        format!("{VALIDATION}:{year}")
    }

    /// Who may read the remarks of the validation on `community`'s plan of `year`.
    pub fn remarks(year: i32, community: &CommunitySlug) -> String {
        format!("{REMARKS}:{year}:{community}")
    }
}

/// How many notifications the list shows.
const LIST_LIMIT: i64 = 200;

/// Tells `people` of `event`, except its author; how many were told.
pub async fn notify(
    state: &AppState,
    event: &Event,
    people: Vec<PersonId>,
) -> Result<usize, AppError> {
    if people.is_empty() {
        return Ok(0);
    }
    let mut seen = HashSet::new();
    // Who has not read the last one on this object is not told again: repeats fold into it.
    let unread = notifications::unread_on(&state.db, event.kind, &event.object).await?;
    let people: Vec<PersonId> = people
        .into_iter()
        .filter(|person| Some(person) != event.actor.as_ref() && !unread.contains(&person.0))
        .filter(|person| seen.insert(person.clone()))
        .collect();
    // Read before the transaction, which starts by writing (see `notifications::insert`).
    let choices = Choices::read(
        &mut *state.db.acquire().await?,
        event.kind,
        event.community.as_ref(),
    )
    .await?;
    let recipients: Vec<Recipient> = people
        .iter()
        .filter_map(|person| {
            let preferences = choices.of(person, event.kind, event.community.as_ref());
            let delivery = preferences.delivery(event.kind, event.community.as_ref())?;
            Some(Recipient {
                person: person.clone(),
                in_app: delivery.in_app,
                mail: delivery.mail,
            })
        })
        .collect();
    let mut tx = state.db.begin().await?;
    notifications::insert(&mut tx, event, &recipients, unix_now()).await?;
    tx.commit().await?;
    let rung: Vec<PersonId> = recipients
        .into_iter()
        .filter(|r| r.in_app)
        .map(|r| r.person)
        .collect();
    let told = rung.len();
    state.bells.ring(rung);
    Ok(told)
}

/// Tells `people` of `event` and logs a failure instead of failing the change that caused it:
/// the change is saved, and a missed notification must not undo it.
pub async fn notify_or_log(state: &AppState, event: Event, people: Vec<PersonId>) {
    if let Err(error) = notify(state, &event, people).await {
        tracing::error!(?error, object = %event.object, "notifications: cannot tell of an event");
    }
}

/// The viewer's notifications, newest first.
#[tracing::instrument(skip_all)]
pub async fn list(state: &AppState) -> Result<NotificationList, AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let mut access = Access::of(&state.db, &viewer);
    let mut shown = Vec::new();
    for (notification, scope) in
        notifications::list(&state.db, &viewer.person_id, LIST_LIMIT).await?
    {
        if access.allows(&viewer.person_id, &scope).await? {
            shown.push(notification);
        }
    }
    Ok(NotificationList {
        notifications: shown,
        unread: unread(&state.db, &viewer).await?,
    })
}

/// How many of `viewer`'s notifications in the application are unread, of the places they
/// may still read.
pub async fn unread(db: &Db, viewer: &Viewer) -> Result<i64, AppError> {
    let mut access = Access::of(db, viewer);
    let mut count = 0;
    let person = &viewer.person_id;
    for (scope, unread) in notifications::unread(db, person).await? {
        if access.allows(person, &scope).await? {
            count += unread;
        }
    }
    Ok(count)
}

/// The signed-in person for the header, if any, and how many of their notifications are unread
/// once those of the page at `path` are read.
#[tracing::instrument(skip_all)]
pub async fn header(state: &AppState, path: &str) -> Result<Option<(Viewer, i64)>, AppError> {
    let Some(viewer) = sessions::current(state).await? else {
        return Ok(None);
    };
    let unread = bell(state, &viewer, path).await?;
    Ok(Some((viewer, unread)))
}

/// Marks `viewer`'s notifications of the page at `path` read, then counts those still unread.
async fn bell(state: &AppState, viewer: &Viewer, path: &str) -> Result<i64, AppError> {
    let person = &viewer.person_id;
    if notifications::mark_read(&state.db, person, Some(path), unix_now()).await? > 0 {
        state.bells.ring(vec![person.clone()]);
    }
    unread(&state.db, viewer).await
}

/// The viewer's preferences, with every community.
#[tracing::instrument(skip_all)]
pub async fn settings(state: &AppState) -> Result<NotificationSettings, AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let mut conn = state.db.acquire().await?;
    let preferences = preferences::load(&mut conn, &viewer.person_id).await?;
    let communities = db::communities::list(&state.db)
        .await?
        .into_iter()
        .map(|c| (c.slug.to_string(), c.name))
        .collect();
    Ok(NotificationSettings {
        preferences,
        communities,
    })
}

/// Replaces the viewer's preferences with those of `form`.
#[tracing::instrument(skip_all)]
pub async fn save_settings(state: &AppState, form: NotificationForm) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let known: Vec<CommunitySlug> = db::communities::list(&state.db)
        .await?
        .into_iter()
        .map(|c| c.slug)
        .collect();
    let chosen = form
        .check(&known)
        .map_err(|rejection| AppError::Invalid(Box::new(rejection)))?;
    let mut tx = state.db.begin().await?;
    preferences::save(&mut tx, &viewer.person_id, &chosen).await?;
    tx.commit().await?;
    Ok(())
}

/// Marks all the viewer's notifications read.
#[tracing::instrument(skip_all)]
pub async fn mark_all_read(state: &AppState) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    notifications::mark_read(&state.db, &viewer.person_id, None, unix_now()).await?;
    state.bells.ring(vec![viewer.person_id]);
    Ok(())
}
