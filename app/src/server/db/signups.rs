//! Signups: one person in one community.

use sqlx::AnyConnection;

use super::Db;
use super::tallies::{self, Scope};
use crate::domain::community::CommunitySlug;
use crate::domain::person::PersonId;
use crate::domain::signup::SignupRow;
use crate::error::AppError;
use crate::server::clock::italian_day;
use crate::server::failure::Context;

/// Adds `person` to `community` at `now` (RFC 3339), with the tallies; whether they were not a
/// member already.
pub async fn join_one(
    db: &Db,
    person: &PersonId,
    community: &CommunitySlug,
    now: &str,
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    let scope = Scope::Person(&person.0);
    let before = tallies::begin(&mut tx, scope).await?;
    let joined = join(&mut tx, person, community, now).await?;
    tallies::finish(&mut tx, scope, before).await?;
    tx.commit().await?;
    Ok(joined)
}

/// Adds `person` to `community` at `now` (RFC 3339); whether they were not a member already.
/// The caller keeps the tallies: see [`tallies`].
pub async fn join(
    conn: &mut AnyConnection,
    person: &PersonId,
    community: &CommunitySlug,
    now: &str,
) -> Result<bool, AppError> {
    let day = italian_day(now).context("the day of joining a community")?;
    let result = sqlx::query(
        "INSERT INTO signups (person_id, community_slug, created_at, created_on) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (person_id, community_slug) DO NOTHING",
    )
    .bind(&person.0)
    .bind(community.as_str())
    .bind(now)
    .bind(day)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Ends `person`'s signup to `community` at `now` (RFC 3339), with the tallies; whether they were
/// a member. The signup moves to `past_signups`, ending on `now`'s Italian day (never before its
/// own), so it still counts on the days before.
pub async fn leave(
    db: &Db,
    person: &PersonId,
    community: &CommunitySlug,
    now: &str,
) -> Result<bool, AppError> {
    let day = italian_day(now).ok_or_else(|| {
        tracing::error!(now, "leaving a community: the time is not RFC 3339");
        AppError::Internal
    })?;
    let mut tx = db.begin().await?;
    let scope = Scope::Person(&person.0);
    let before = tallies::begin(&mut tx, scope).await?;
    sqlx::query(
        "INSERT INTO past_signups \
         (person_id, community_slug, created_at, created_on, left_at, left_on) \
         SELECT person_id, community_slug, created_at, created_on, $3, \
         CASE WHEN created_on > $4 THEN created_on ELSE $4 END FROM signups \
         WHERE person_id = $1 AND community_slug = $2",
    )
    .bind(&person.0)
    .bind(community.as_str())
    .bind(now)
    .bind(day)
    .execute(&mut *tx)
    .await?;
    let result = sqlx::query("DELETE FROM signups WHERE person_id = $1 AND community_slug = $2")
        .bind(&person.0)
        .bind(community.as_str())
        .execute(&mut *tx)
        .await?;
    tallies::finish(&mut tx, scope, before).await?;
    tx.commit().await?;
    Ok(result.rows_affected() == 1)
}

/// The communities `person` belongs to, in display order.
pub async fn communities_of(db: &Db, person: &PersonId) -> Result<Vec<CommunitySlug>, AppError> {
    let slugs: Vec<String> = sqlx::query_scalar(
        "SELECT s.community_slug FROM signups s JOIN communities c ON c.slug = s.community_slug \
         WHERE s.person_id = $1 ORDER BY c.position",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    slugs
        .iter()
        .map(|slug| CommunitySlug::parse(slug).context("reading a person's community"))
        .collect()
}

/// Every signup, or those of one community, newest first.
pub async fn list(db: &Db, community: Option<&CommunitySlug>) -> Result<Vec<SignupRow>, AppError> {
    let rows: Vec<Listed> = sqlx::query_as(
        "SELECT s.community_slug, s.created_at, p.first_name, p.last_name, p.email, \
         COALESCE(e.name, '') AS ente, COALESCE(e.kind, '') AS ente_kind, \
         COALESCE(e.province, '') AS province, p.job_title \
         FROM signups s JOIN people p ON p.id = s.person_id \
         LEFT JOIN enti e ON e.code = p.ente_code \
         WHERE ($1 = '' OR s.community_slug = $1) \
         ORDER BY s.created_at DESC, p.last_name, p.first_name",
    )
    .bind(community.map_or("", CommunitySlug::as_str))
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(Listed::into_row).collect())
}

/// One row of [`list`], as the database returns it.
#[derive(sqlx::FromRow)]
struct Listed {
    community_slug: String,
    created_at: String,
    first_name: String,
    last_name: String,
    email: String,
    ente: String,
    ente_kind: String,
    province: String,
    job_title: String,
}

impl Listed {
    fn into_row(self) -> SignupRow {
        SignupRow {
            community: self.community_slug,
            created_at: self.created_at,
            first_name: self.first_name,
            last_name: self.last_name,
            email: self.email,
            ente: self.ente,
            ente_kind: self.ente_kind,
            province: self.province,
            job_title: self.job_title,
        }
    }
}
