//! Notifications by email: the held ones falling due, what each digest holds, its watermark,
//! and the digest runs.

use sqlx::{AnyConnection, Row};

use super::super::Db;
use crate::domain::notification::preferences::DigestFrequency;
use crate::domain::notification::{Kind, MailMode};
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::failure::Context;

/// A notification to be mailed, with what its mail needs.
#[derive(Clone, Debug)]
pub struct Mailable {
    pub id: i64,
    pub person: PersonId,
    pub email: String,
    pub first_name: String,
    pub kind: Kind,
    pub community: Option<String>,
    pub object: String,
    pub scope: String,
    pub subject: String,
    pub href: String,
    pub actor: Option<String>,
}

const COLUMNS: &str = "SELECT n.id, n.person_id, p.email, p.first_name, n.kind, n.community_slug, \
     n.object, n.scope, n.subject, n.href, a.first_name || ' ' || a.last_name AS actor \
     FROM notifications n JOIN people p ON p.id = n.person_id \
     LEFT JOIN people a ON a.id = n.actor_id";

fn mailable(row: &sqlx::any::AnyRow) -> Result<Mailable, AppError> {
    let kind: String = row.try_get("kind")?;
    Ok(Mailable {
        id: row.try_get("id")?,
        person: PersonId(row.try_get("person_id")?),
        email: row.try_get("email")?,
        first_name: row.try_get("first_name")?,
        kind: Kind::parse(&kind).context("reading a queued mail's kind")?,
        community: row.try_get("community_slug")?,
        object: row.try_get("object")?,
        scope: row.try_get("scope")?,
        subject: row.try_get("subject")?,
        href: row.try_get("href")?,
        actor: row.try_get("actor")?,
    })
}

/// Up to `limit` notifications to be mailed alone, created by `until` and still unread and
/// unmailed, oldest first.
pub async fn held(db: &Db, until: i64, limit: i64) -> Result<Vec<Mailable>, AppError> {
    let sql = format!(
        "{COLUMNS} WHERE n.mail = $1 AND n.mailed_at IS NULL AND n.read_at IS NULL \
         AND n.created_at <= $2 AND p.deleted_at IS NULL ORDER BY n.id LIMIT $3"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(MailMode::Now.code())
        .bind(until)
        .bind(limit)
        .fetch_all(db)
        .await?;
    rows.iter().map(mailable).collect()
}

/// Records that notification `id`'s mail went out (or was passed over) at `now`, unless it was
/// read or mailed meanwhile; whether this call did.
pub async fn mark_mailed(conn: &mut AnyConnection, id: i64, now: i64) -> Result<bool, AppError> {
    let done = sqlx::query(
        "UPDATE notifications SET mailed_at = $1 \
         WHERE id = $2 AND mailed_at IS NULL AND read_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The condition on `n` (a notification), `s` (its person's settings) and `d` (their digest's
/// watermark) for an item waiting for a digest of frequency `$1`.
const WAITING: &str = "n.mail = 'riepilogo' AND n.read_at IS NULL \
     AND n.id > COALESCE(d.last_id, 0) AND COALESCE(s.digest, 'settimanale') = $1";

/// The people with something waiting for a digest of `frequency` (weekly without a choice).
pub async fn digest_people(db: &Db, frequency: DigestFrequency) -> Result<Vec<PersonId>, AppError> {
    let sql = format!(
        "SELECT DISTINCT n.person_id FROM notifications n \
         LEFT JOIN notification_settings s ON s.person_id = n.person_id \
         LEFT JOIN notification_digests d ON d.person_id = n.person_id \
         JOIN people p ON p.id = n.person_id \
         WHERE {WAITING} AND p.deleted_at IS NULL ORDER BY n.person_id"
    );
    let ids: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(frequency.code())
        .fetch_all(db)
        .await?;
    Ok(ids.into_iter().map(PersonId).collect())
}

/// What waits for the digest of `frequency` of `people`, by person, oldest first.
pub async fn digest_items(
    db: &Db,
    frequency: DigestFrequency,
    people: &[PersonId],
) -> Result<Vec<Mailable>, AppError> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    let listed: Vec<String> = (0..people.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "{COLUMNS} LEFT JOIN notification_settings s ON s.person_id = n.person_id \
         LEFT JOIN notification_digests d ON d.person_id = n.person_id \
         WHERE {WAITING} AND n.person_id IN ({}) ORDER BY n.person_id, n.id",
        listed.join(", ")
    );
    // Only the number of placeholders varies; every value is bound.
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(frequency.code());
    for person in people {
        query = query.bind(person.0.as_str());
    }
    let rows = query.fetch_all(db).await?;
    rows.iter().map(mailable).collect()
}

/// Moves `person`'s digest watermark to notification `last_id`, sent at `now`.
pub async fn set_watermark(
    conn: &mut AnyConnection,
    person: &PersonId,
    last_id: i64,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO notification_digests (person_id, last_id, sent_at) VALUES ($1, $2, $3) \
         ON CONFLICT (person_id) DO UPDATE SET last_id = excluded.last_id, sent_at = excluded.sent_at",
    )
    .bind(person.0.as_str())
    .bind(last_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Claims the digest of `frequency` for the Italian `day`; whether this call did (once per
/// day, whichever instance comes first).
pub async fn claim_run(db: &Db, frequency: DigestFrequency, day: &str) -> Result<bool, AppError> {
    let done = sqlx::query(
        "UPDATE notification_digest_runs SET day = $1 WHERE frequency = $2 AND day < $1",
    )
    .bind(day)
    .bind(frequency.code())
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}
