//! The cross-reading board: each annotation as it is now, the append-only events that changed
//! it (the truth the live connections catch up from), and the submits already applied.

mod authors;

pub use authors::forget_stored_names;

use sqlx::AnyConnection;

use super::Db;
use crate::domain::board::{Annotation, AnnotationId, Author};
use crate::domain::cycle::Phase;
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::failure::Context;

/// One change to apply once: who submits it, under which key, to which annotation of which year.
pub struct Submit<'a> {
    pub year: i32,
    /// The browser's idempotency key.
    pub key: &'a AnnotationId,
    pub person: &'a PersonId,
    pub annotation: &'a AnnotationId,
    /// RFC 3339, when the change is made.
    pub now: &'a str,
}

/// Applies a change in one transaction and returns the annotation as it is afterwards.
///
/// The transaction first takes the next event id (locking the counter until it commits, so
/// event ids commit in order); a key already applied returns the annotation as stored now
/// and writes nothing ([`AppError::Forbidden`] if the key is someone else's). Otherwise
/// `change` turns the stored annotation (`None` if new) into its next state as that event,
/// which is stored with the event, while the cycle of `year` takes annotations.
pub async fn apply<F>(db: &Db, submit: &Submit<'_>, change: F) -> Result<Annotation, AppError>
where
    F: FnOnce(Option<&Annotation>, i64) -> Result<Annotation, AppError>,
{
    let mut tx = db.begin().await?;
    let event: i64 = sqlx::query_scalar(
        "UPDATE board_counter SET last_event = last_event + 1 WHERE id = 1 RETURNING last_event",
    )
    .fetch_one(&mut *tx)
    .await?;
    let applied: Option<(String, String)> =
        sqlx::query_as("SELECT person_id, annotation_id FROM board_submits WHERE key = $1")
            .bind(&submit.key.0)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((person, annotation)) = applied {
        if person != submit.person.0 {
            return Err(AppError::Forbidden);
        }
        let stored = stored(&mut tx, &annotation).await?;
        tx.rollback().await?;
        return stored.context("reading the annotation of a submit already applied");
    }
    open_for_annotations(&mut tx, submit.year).await?;
    let current = stored(&mut tx, &submit.annotation.0).await?;
    if current.as_ref().is_some_and(|a| a.year != submit.year) {
        return Err(AppError::NotFound);
    }
    let next = change(current.as_ref(), event)?;
    let snapshot = authors::stored_form(&next)?;
    sqlx::query(
        "INSERT INTO board_annotations (id, year, community_slug, author_id, snapshot, event) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, event = excluded.event",
    )
    .bind(&next.id.0)
    .bind(submit.year)
    .bind(next.community.as_str())
    .bind(&next.author.id.0)
    .bind(&snapshot)
    .bind(event)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO board_events (id, year, annotation_id, person_id, snapshot, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(event)
    .bind(submit.year)
    .bind(&next.id.0)
    .bind(&submit.person.0)
    .bind(&snapshot)
    .bind(submit.now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO board_submits (key, person_id, annotation_id, event) VALUES ($1, $2, $3, $4)",
    )
    .bind(&submit.key.0)
    .bind(&submit.person.0)
    .bind(&next.id.0)
    .bind(event)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(next)
}

/// Locks the cycle of `year` for the transaction (a no-op update, so it cannot move on before
/// the change commits) and checks its phase takes annotations.
async fn open_for_annotations(conn: &mut AnyConnection, year: i32) -> Result<(), AppError> {
    let phase: Option<String> =
        sqlx::query_scalar("UPDATE cycles SET phase = phase WHERE year = $1 RETURNING phase")
            .bind(i64::from(year))
            .fetch_optional(conn)
            .await?;
    match phase.as_deref().map(Phase::parse) {
        None => Err(AppError::NotFound),
        Some(Some(phase)) if phase.allows_annotating() => Ok(()),
        Some(_) => Err(AppError::Forbidden),
    }
}

/// The annotation `id` as stored now, with its authors' names.
async fn stored(conn: &mut AnyConnection, id: &str) -> Result<Option<Annotation>, AppError> {
    let snapshot: Option<String> =
        sqlx::query_scalar("SELECT snapshot FROM board_annotations WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(json) = snapshot else {
        return Ok(None);
    };
    let mut annotation: Annotation =
        serde_json::from_str(&json).context("reading an annotation to change it")?;
    authors::fill_in(conn, std::iter::once(&mut annotation)).await?;
    Ok(Some(annotation))
}

/// Every annotation of the board of `year`, deleted and detached ones included, oldest first.
/// One whose snapshot cannot be read is logged and passed over: the rest of the board shows.
pub async fn annotations(db: &Db, year: i32) -> Result<Vec<Annotation>, AppError> {
    let snapshots: Vec<(String, String)> =
        sqlx::query_as("SELECT id, snapshot FROM board_annotations WHERE year = $1")
            .bind(year)
            .fetch_all(db)
            .await?;
    let mut annotations: Vec<Annotation> = snapshots
        .iter()
        .filter_map(|(id, json)| {
            serde_json::from_str(json)
                .inspect_err(|error| tracing::error!(%error, id, "board annotation unreadable"))
                .ok()
        })
        .collect();
    authors::fill_in(&mut *db.acquire().await?, annotations.iter_mut()).await?;
    annotations.sort_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
    Ok(annotations)
}

/// The events of the board of `year` (of every year when `None`) after event `since`, in
/// order, at most `limit`: each with the annotation as that event left it, or `None` (logged)
/// when its snapshot cannot be read, so that readers still move past it.
pub async fn events_after(
    db: &Db,
    year: Option<i32>,
    since: i64,
    limit: i64,
) -> Result<Vec<(i64, Option<Annotation>)>, sqlx::Error> {
    let rows: Vec<(i64, String)> = match year {
        Some(year) => {
            sqlx::query_as(
                "SELECT id, snapshot FROM board_events WHERE year = $1 AND id > $2 \
                 ORDER BY id LIMIT $3",
            )
            .bind(year)
            .bind(since)
            .bind(limit)
            .fetch_all(db)
            .await?
        }
        None => {
            sqlx::query_as(
                "SELECT id, snapshot FROM board_events WHERE id > $1 ORDER BY id LIMIT $2",
            )
            .bind(since)
            .bind(limit)
            .fetch_all(db)
            .await?
        }
    };
    let mut changes: Vec<(i64, Option<Annotation>)> = rows
        .into_iter()
        .map(|(id, json)| {
            let change = serde_json::from_str(&json)
                .inspect_err(|error| tracing::error!(%error, id, "board event unreadable"))
                .ok();
            (id, change)
        })
        .collect();
    if changes.iter().any(|(_, change)| change.is_some()) {
        let readable = changes.iter_mut().filter_map(|(_, change)| change.as_mut());
        authors::fill_in(&mut *db.acquire().await?, readable).await?;
    }
    Ok(changes)
}

/// The id of the latest board event of any year, 0 when there is none.
pub async fn latest_event(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM board_events")
        .fetch_one(db)
        .await
}

/// `person` as the board shows authors: id, first and last name.
pub async fn author(db: &Db, person: &PersonId) -> Result<Author, AppError> {
    let (first, last): (String, String) =
        sqlx::query_as("SELECT first_name, last_name FROM people WHERE id = $1")
            .bind(&person.0)
            .fetch_optional(db)
            .await?
            .ok_or(AppError::NotFound)?;
    Ok(Author {
        id: person.clone(),
        name: format!("{first} {last}").trim().to_owned(),
    })
}
