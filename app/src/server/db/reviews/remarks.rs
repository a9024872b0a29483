//! The remarks the validating bodies write on the plans under validation.

use sqlx::Row;

use super::{AUTHOR, lock_validation, shown_time};
use crate::domain::board::anchor::Anchor;
use crate::domain::community::CommunitySlug;
use crate::domain::person::PersonId;
use crate::domain::review::Body;
use crate::error::AppError;
use crate::server::db::Db;
use crate::server::failure::Context;

/// A remark as stored, before its anchor is placed in the current plan.
pub struct StoredRemark {
    pub id: String,
    pub body: Body,
    pub anchor: Anchor,
    pub text: String,
    pub author: String,
    pub plan_version: i64,
    pub created_at: String,
}

/// A remark to write.
pub struct NewRemark<'a> {
    pub id: &'a str,
    pub community: &'a CommunitySlug,
    pub plan_version: i64,
    pub body: Body,
    pub anchor: &'a Anchor,
    pub text: &'a str,
    pub author: &'a PersonId,
    pub now: &'a str,
}

/// The remarks on a plan, oldest first.
pub async fn remarks(
    db: &Db,
    year: i32,
    community: &CommunitySlug,
) -> Result<Vec<StoredRemark>, AppError> {
    let sql = format!(
        "SELECT r.id, r.body, r.anchor, r.text, r.plan_version, r.created_at, {AUTHOR} AS author \
         FROM validation_remarks r LEFT JOIN people p ON p.id = r.author_id \
         WHERE r.year = $1 AND r.community_slug = $2 ORDER BY r.number"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(i64::from(year))
        .bind(community.as_str())
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|row| {
            let anchor: String = row.try_get("anchor")?;
            let body: String = row.try_get("body")?;
            Ok(StoredRemark {
                id: row.try_get("id")?,
                body: Body::parse(&body).context("reading a remark's body")?,
                anchor: serde_json::from_str(&anchor).context("reading a remark's anchor")?,
                text: row.try_get("text")?,
                author: row.try_get::<String, _>("author")?.trim().to_owned(),
                plan_version: row.try_get("plan_version")?,
                created_at: shown_time(row.try_get("created_at")?),
            })
        })
        .collect()
}

/// How many remarks each plan of `year` has.
pub async fn remark_counts(db: &Db, year: i32) -> Result<Vec<(String, i64)>, AppError> {
    let rows = sqlx::query(
        "SELECT community_slug, COUNT(*) AS n FROM validation_remarks WHERE year = $1 \
         GROUP BY community_slug",
    )
    .bind(i64::from(year))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("community_slug")?, row.try_get("n")?)))
        .collect()
}

/// Writes a remark while the cycle is in validation (its row locked, so remarks are numbered in
/// order); whether it was.
pub async fn add_remark(db: &Db, year: i32, new: &NewRemark<'_>) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    if !lock_validation(&mut tx, year).await? {
        return Ok(false);
    }
    let anchor = serde_json::to_string(new.anchor).context("writing a remark's anchor")?;
    sqlx::query(
        "INSERT INTO validation_remarks (id, year, number, community_slug, plan_version, body, \
         anchor, text, author_id, created_at) \
         SELECT $1, $2, COALESCE(MAX(number), 0) + 1, $3, $4, $5, $6, $7, $8, $9 \
         FROM validation_remarks WHERE year = $2",
    )
    .bind(new.id)
    .bind(i64::from(year))
    .bind(new.community.as_str())
    .bind(new.plan_version)
    .bind(new.body.code())
    .bind(anchor)
    .bind(new.text)
    .bind(new.author.0.as_str())
    .bind(new.now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}
