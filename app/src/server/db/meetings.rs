//! Meetings, who will attend them, and people's calendar addresses (see
//! migrations/…_meetings.sql).

pub mod feeds;
pub mod materials;

use std::collections::HashMap;

use sqlx::Row;
use sqlx::any::AnyRow;

use super::Db;
use crate::domain::community::CommunitySlug;
use crate::domain::meeting::form::MeetingDraft;
use crate::domain::meeting::{Attendee, Audience, AudienceKind, Material, Meeting};
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::failure::Context;

const COLUMNS: &str = "m.id, m.title, m.audience, m.starts_at, m.ends_at, m.place, m.address, \
     m.online_url, m.agenda, m.minutes, m.revision, m.updated_at, \
     (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS attending";

/// Every meeting, the earliest first.
pub async fn all(db: &Db) -> Result<Vec<Meeting>, AppError> {
    let sql = format!("SELECT {COLUMNS} FROM meetings m ORDER BY m.starts_at, m.id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(db).await?;
    let communities = sqlx::query("SELECT meeting_id, community_slug FROM meeting_communities")
        .fetch_all(db)
        .await?;
    let materials = sqlx::query(
        "SELECT meeting_id, number, title, size FROM meeting_materials ORDER BY number",
    )
    .fetch_all(db)
    .await?;
    assemble(rows, communities, materials)
}

/// The meeting `id`, if there is one.
pub async fn find(db: &Db, id: i64) -> Result<Option<Meeting>, AppError> {
    let sql = format!("SELECT {COLUMNS} FROM meetings m WHERE m.id = $1");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_all(db)
        .await?;
    let communities = sqlx::query(
        "SELECT meeting_id, community_slug FROM meeting_communities WHERE meeting_id = $1",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    let materials = sqlx::query(
        "SELECT meeting_id, number, title, size FROM meeting_materials WHERE meeting_id = $1 \
         ORDER BY number",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    Ok(assemble(rows, communities, materials)?.pop())
}

/// Stores a new meeting, numbered after the last one; its number.
pub async fn create(
    db: &Db,
    draft: &MeetingDraft,
    by: &PersonId,
    now: &str,
) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "UPDATE meeting_counter SET last_number = last_number + 1 WHERE id = 1 \
         RETURNING last_number",
    )
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO meetings (id, title, audience, starts_at, ends_at, place, address, \
         online_url, agenda, minutes, revision, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $12)",
    )
    .bind(id)
    .bind(&draft.title)
    .bind(draft.audience.kind().code())
    .bind(draft.starts_at)
    .bind(draft.ends_at)
    .bind(&draft.place)
    .bind(&draft.address)
    .bind(&draft.online_url)
    .bind(&draft.agenda)
    .bind(&draft.minutes)
    .bind(by.0.as_str())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    insert_communities(&mut tx, id, &draft.audience).await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces meeting `id` with `draft` if it is still at `revision`; whether it was.
pub async fn update(
    db: &Db,
    id: i64,
    revision: i64,
    draft: &MeetingDraft,
    now: &str,
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    let changed = sqlx::query(
        "UPDATE meetings SET title = $1, audience = $2, starts_at = $3, ends_at = $4, \
         place = $5, address = $6, online_url = $7, agenda = $8, minutes = $9, \
         revision = revision + 1, updated_at = $10 WHERE id = $11 AND revision = $12",
    )
    .bind(&draft.title)
    .bind(draft.audience.kind().code())
    .bind(draft.starts_at)
    .bind(draft.ends_at)
    .bind(&draft.place)
    .bind(&draft.address)
    .bind(&draft.online_url)
    .bind(&draft.agenda)
    .bind(&draft.minutes)
    .bind(now)
    .bind(id)
    .bind(revision)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM meeting_communities WHERE meeting_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    insert_communities(&mut tx, id, &draft.audience).await?;
    tx.commit().await?;
    Ok(true)
}

async fn insert_communities(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    audience: &Audience,
) -> Result<(), AppError> {
    for community in audience.communities() {
        sqlx::query("INSERT INTO meeting_communities (meeting_id, community_slug) VALUES ($1, $2)")
            .bind(id)
            .bind(community.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Records whether `person` will attend meeting `id` (saying it twice changes nothing).
pub async fn set_attending(
    db: &Db,
    id: i64,
    person: &PersonId,
    attends: bool,
    now: &str,
) -> Result<(), AppError> {
    let query = if attends {
        sqlx::query(
            "INSERT INTO meeting_attendance (meeting_id, person_id, created_at) \
             VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(person.0.as_str())
        .bind(now)
    } else {
        sqlx::query("DELETE FROM meeting_attendance WHERE meeting_id = $1 AND person_id = $2")
            .bind(id)
            .bind(person.0.as_str())
    };
    query.execute(db).await?;
    Ok(())
}

/// Whether `person` said they will attend meeting `id`.
pub async fn attends(db: &Db, id: i64, person: &PersonId) -> Result<bool, AppError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM meeting_attendance WHERE meeting_id = $1 AND person_id = $2",
    )
    .bind(id)
    .bind(person.0.as_str())
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// Who said they will attend meeting `id`, by name.
pub async fn attendees(db: &Db, id: i64) -> Result<Vec<Attendee>, AppError> {
    let rows = sqlx::query(
        "SELECT p.first_name || ' ' || p.last_name AS name, COALESCE(e.name, '') AS ente \
         FROM meeting_attendance a JOIN people p ON p.id = a.person_id \
         LEFT JOIN enti e ON e.code = p.ente_code \
         WHERE a.meeting_id = $1 ORDER BY p.last_name, p.first_name",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Attendee {
                name: row.try_get("name")?,
                ente: row.try_get("ente")?,
            })
        })
        .collect()
}

/// Builds meetings from their rows, their communities' rows and their materials' rows.
fn assemble(
    rows: Vec<AnyRow>,
    communities: Vec<AnyRow>,
    materials: Vec<AnyRow>,
) -> Result<Vec<Meeting>, AppError> {
    let mut named: HashMap<i64, Vec<CommunitySlug>> = HashMap::new();
    for row in &communities {
        let slug: String = row.try_get("community_slug")?;
        let slug = CommunitySlug::parse(&slug).context("reading a meeting's community")?;
        named
            .entry(row.try_get("meeting_id")?)
            .or_default()
            .push(slug);
    }
    let mut attached: HashMap<i64, Vec<Material>> = HashMap::new();
    for row in &materials {
        attached
            .entry(row.try_get("meeting_id")?)
            .or_default()
            .push(Material {
                number: row.try_get("number")?,
                title: row.try_get("title")?,
                size: row.try_get("size")?,
            });
    }
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            let kind: String = row.try_get("audience")?;
            let audience =
                match AudienceKind::parse(&kind).context("reading a meeting's audience")? {
                    AudienceKind::Everyone => Audience::Everyone,
                    AudienceKind::Leads => Audience::Leads,
                    AudienceKind::Communities => {
                        let mut slugs = named.remove(&id).unwrap_or_default();
                        slugs.sort();
                        Audience::Communities(slugs)
                    }
                };
            Ok(Meeting {
                id,
                title: row.try_get("title")?,
                audience,
                starts_at: row.try_get("starts_at")?,
                ends_at: row.try_get("ends_at")?,
                place: row.try_get("place")?,
                address: row.try_get("address")?,
                online_url: row.try_get("online_url")?,
                agenda: row.try_get("agenda")?,
                minutes: row.try_get("minutes")?,
                revision: row.try_get("revision")?,
                updated_at: row.try_get("updated_at")?,
                materials: attached.remove(&id).unwrap_or_default(),
                attending: row.try_get("attending")?,
            })
        })
        .collect()
}
