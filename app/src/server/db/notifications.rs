//! Notifications and what people chose about them (see migrations/…_notifications.sql).

pub mod mail;
pub mod preferences;
pub mod unsubscribe;

use std::collections::HashSet;

use sqlx::{AnyConnection, Row};

use super::Db;
use crate::domain::community::CommunitySlug;
use crate::domain::notification::{Kind, MailMode, Notification};
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::failure::Context;

/// What happened, once for all the people it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub kind: Kind,
    pub community: Option<CommunitySlug>,
    /// What it is about (`notizia:12`): repeats on one object fold into one line of a digest.
    pub object: String,
    /// What a person must still be allowed to read to be told (see `server::notifications`).
    pub scope: String,
    pub subject: String,
    pub href: String,
    pub actor: Option<PersonId>,
}

/// One person told of an event, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub person: PersonId,
    pub in_app: bool,
    pub mail: MailMode,
}

/// Columns written per notification, and rows per `INSERT` (2,600 parameters, well under both
/// databases' limits).
const COLUMNS: usize = 13;
const ROWS_PER_INSERT: usize = 200;

/// Stores `event` for every recipient at `now`, numbered in one block from the counter. The
/// counter is written first, so on SQLite the transaction waits for other writers rather than
/// failing as one that read first would.
pub async fn insert(
    conn: &mut AnyConnection,
    event: &Event,
    recipients: &[Recipient],
    now: i64,
) -> Result<(), AppError> {
    if recipients.is_empty() {
        return Ok(());
    }
    let count =
        i64::try_from(recipients.len()).context("counting the recipients of a notification")?;
    let last: i64 = sqlx::query_scalar(
        "UPDATE notification_counter SET last_id = last_id + $1 WHERE id = 1 RETURNING last_id",
    )
    .bind(count)
    .fetch_one(&mut *conn)
    .await?;
    let mut id = last - count;
    for chunk in recipients.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO notifications (id, person_id, kind, community_slug, object, scope, \
             subject, href, place, actor_id, created_at, in_app, mail) VALUES {}",
            placeholders(chunk.len())
        );
        // Only the number of placeholders varies; every value is bound.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for recipient in chunk {
            id += 1;
            query = query
                .bind(id)
                .bind(recipient.person.0.as_str().to_owned())
                .bind(event.kind.code())
                .bind(event.community.as_ref().map(|c| c.as_str().to_owned()))
                .bind(event.object.clone())
                .bind(event.scope.clone())
                .bind(event.subject.clone())
                .bind(event.href.clone())
                .bind(place(&event.href).to_owned())
                .bind(event.actor.as_ref().map(|a| a.0.clone()))
                .bind(now)
                .bind(i64::from(recipient.in_app))
                .bind(recipient.mail.code());
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// `($1, …, $13), ($14, …)` for `rows` rows of [`COLUMNS`] values.
fn placeholders(rows: usize) -> String {
    (0..rows)
        .map(|row| {
            let values: Vec<String> = (1..=COLUMNS)
                .map(|column| format!("${}", row * COLUMNS + column))
                .collect();
            format!("({})", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Up to `limit` of `person`'s notifications shown in the application, newest first, each
/// with its scope.
pub async fn list(
    db: &Db,
    person: &PersonId,
    limit: i64,
) -> Result<Vec<(Notification, String)>, AppError> {
    let rows = sqlx::query(
        "SELECT n.id, n.kind, n.subject, n.href, n.created_at, n.read_at, n.scope, \
         p.first_name || ' ' || p.last_name AS actor FROM notifications n \
         LEFT JOIN people p ON p.id = n.actor_id \
         WHERE n.person_id = $1 AND n.in_app = 1 ORDER BY n.id DESC LIMIT $2",
    )
    .bind(person.0.as_str())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| Ok((notification(row)?, row.try_get("scope")?)))
        .collect()
}

fn notification(row: &sqlx::any::AnyRow) -> Result<Notification, AppError> {
    let kind: String = row.try_get("kind")?;
    let read_at: Option<i64> = row.try_get("read_at")?;
    Ok(Notification {
        id: row.try_get("id")?,
        kind: Kind::parse(&kind).context("reading a notification's kind")?,
        subject: row.try_get("subject")?,
        // A deleted account's row keeps a pseudonym (see `erasure::erase`).
        actor: row.try_get("actor")?,
        href: row.try_get("href")?,
        created_at: row.try_get("created_at")?,
        read: read_at.is_some(),
    })
}

/// The people with an unread notification of `kind` on `object`.
pub async fn unread_on(db: &Db, kind: Kind, object: &str) -> Result<HashSet<String>, AppError> {
    let people: Vec<String> = sqlx::query_scalar(
        "SELECT person_id FROM notifications WHERE object = $1 AND kind = $2 AND read_at IS NULL",
    )
    .bind(object)
    .bind(kind.code())
    .fetch_all(db)
    .await?;
    Ok(people.into_iter().collect())
}

/// How many of `person`'s notifications in the application are unread, per scope.
pub async fn unread(db: &Db, person: &PersonId) -> Result<Vec<(String, i64)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT scope, COUNT(*) FROM notifications \
         WHERE person_id = $1 AND in_app = 1 AND read_at IS NULL GROUP BY scope",
    )
    .bind(person.0.as_str())
    .fetch_all(db)
    .await?)
}

/// The path of `href`, without its query and fragment: the page a notification is read on.
pub fn place(href: &str) -> &str {
    href.split(['?', '#']).next().unwrap_or(href)
}

/// Marks `person`'s unread notifications read at `now`: all of them, or those read on the page
/// at `path`; how many.
pub async fn mark_read(
    db: &Db,
    person: &PersonId,
    path: Option<&str>,
    now: i64,
) -> Result<u64, AppError> {
    let done = sqlx::query(
        "UPDATE notifications SET read_at = $1 \
         WHERE person_id = $2 AND read_at IS NULL AND ($3 = '' OR place = $3)",
    )
    .bind(now)
    .bind(person.0.as_str())
    .bind(path.map_or("", place))
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}
