//! The plans: every saved version of each community's plan for each year.

use sqlx::Row;

use super::Db;
use crate::domain::community::CommunitySlug;
use crate::domain::cycle::Phase;
use crate::domain::person::PersonId;
use crate::domain::plan::{PlanContent, VersionInfo};
use crate::error::AppError;
use crate::server::failure::Context;

/// One version: who saved it, when, and what the plan said.
pub struct StoredVersion {
    pub info: VersionInfo,
    pub content: PlanContent,
    /// The SHA-256 of the content as stored, hexadecimal.
    pub digest: String,
}

/// Columns of a version with its author's name ('' once their account is deleted).
const VERSION_COLUMNS: &str = "v.number, v.saved_at, v.content, \
     COALESCE(p.first_name, '') || ' ' || COALESCE(p.last_name, '') AS author";

/// The current (latest) version of a plan.
pub async fn current(
    db: &Db,
    year: i32,
    community: &CommunitySlug,
) -> Result<Option<StoredVersion>, AppError> {
    version(db, year, community, None).await
}

/// Version `number` of a plan, or the latest when `None`.
pub async fn version(
    db: &Db,
    year: i32,
    community: &CommunitySlug,
    number: Option<i64>,
) -> Result<Option<StoredVersion>, AppError> {
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM plan_versions v LEFT JOIN people p ON p.id = v.saved_by \
         WHERE v.year = $1 AND v.community_slug = $2 AND ($3 IS NULL OR v.number = $3) \
         ORDER BY v.number DESC LIMIT 1"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(i64::from(year))
        .bind(community.as_str())
        .bind(number)
        .fetch_optional(db)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let content: String = row.try_get("content")?;
    let number: i64 = row.try_get("number")?;
    Ok(Some(StoredVersion {
        info: VersionInfo {
            number,
            saved_at: shown_time(row.try_get("saved_at")?),
            saved_by: row.try_get::<String, _>("author")?.trim().to_owned(),
            frozen_for: frozen_for(db, year, community, number).await?,
        },
        content: serde_json::from_str(&content).context("reading a plan version's content")?,
        digest: crate::server::tokens::digest(&content),
    }))
}

/// The phases version `number` was frozen for.
async fn frozen_for(
    db: &Db,
    year: i32,
    community: &CommunitySlug,
    number: i64,
) -> Result<Vec<Phase>, AppError> {
    let phases: Vec<String> = sqlx::query_scalar(
        "SELECT phase FROM plan_phase_versions WHERE year = $1 AND community_slug = $2 AND number = $3",
    )
    .bind(i64::from(year))
    .bind(community.as_str())
    .bind(number)
    .fetch_all(db)
    .await?;
    let mut phases: Vec<Phase> = phases.iter().filter_map(|p| Phase::parse(p)).collect();
    phases.sort();
    Ok(phases)
}

/// Every version of a plan, newest first, without their content.
pub async fn versions(
    db: &Db,
    year: i32,
    community: &CommunitySlug,
) -> Result<Vec<VersionInfo>, AppError> {
    let rows = sqlx::query(
        "SELECT v.number, v.saved_at, \
         COALESCE(p.first_name, '') || ' ' || COALESCE(p.last_name, '') AS author, \
         f.phase FROM plan_versions v LEFT JOIN people p ON p.id = v.saved_by \
         LEFT JOIN plan_phase_versions f ON f.year = v.year \
           AND f.community_slug = v.community_slug AND f.number = v.number \
         WHERE v.year = $1 AND v.community_slug = $2 ORDER BY v.number DESC, f.phase",
    )
    .bind(i64::from(year))
    .bind(community.as_str())
    .fetch_all(db)
    .await?;
    let mut versions: Vec<VersionInfo> = Vec::new();
    for row in rows {
        let number: i64 = row.try_get("number")?;
        let phase: Option<String> = row.try_get("phase")?;
        let phase = phase.as_deref().and_then(Phase::parse);
        match versions.last_mut() {
            Some(last) if last.number == number => last.frozen_for.extend(phase),
            _ => versions.push(VersionInfo {
                number,
                saved_at: shown_time(row.try_get("saved_at")?),
                saved_by: row.try_get::<String, _>("author")?.trim().to_owned(),
                frozen_for: phase.into_iter().collect(),
            }),
        }
    }
    for version in &mut versions {
        version.frozen_for.sort();
    }
    Ok(versions)
}

/// The latest version number and content of every plan of `year`, by community.
pub async fn latest_of_year(
    db: &Db,
    year: i32,
) -> Result<Vec<(CommunitySlug, VersionInfo, PlanContent)>, AppError> {
    let sql = format!(
        "SELECT v.community_slug, {VERSION_COLUMNS} FROM plan_versions v \
         LEFT JOIN people p ON p.id = v.saved_by \
         WHERE v.year = $1 AND v.number = (SELECT MAX(w.number) FROM plan_versions w \
           WHERE w.year = v.year AND w.community_slug = v.community_slug)"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(i64::from(year))
        .fetch_all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            let slug: String = row.try_get("community_slug")?;
            let content: String = row.try_get("content")?;
            Ok((
                CommunitySlug::parse(&slug).context("reading a plan's community")?,
                VersionInfo {
                    number: row.try_get("number")?,
                    saved_at: shown_time(row.try_get("saved_at")?),
                    saved_by: row.try_get::<String, _>("author")?.trim().to_owned(),
                    frozen_for: Vec::new(),
                },
                serde_json::from_str(&content).context("reading a plan version's content")?,
            ))
        })
        .collect()
}

/// A stored RFC 3339 instant as people read it: Italian time to the minute.
fn shown_time(at: String) -> String {
    crate::server::clock::italian_minute(&at).unwrap_or(at)
}

/// What became of a save.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    /// Written as version `base + 1`.
    Yes,
    /// Someone saved since `base` was read; nothing was written.
    Stale,
    /// The cycle is (no longer) in a phase where plans are edited; nothing was written.
    Closed,
}

/// Saves `content` as version `base + 1`, while the cycle is in a phase that allows editing (or
/// in validation, while the plan's revision window is open at `now`).
/// The cycle's row is locked for the transaction (a no-op update), so the cycle cannot move on
/// between the check and the insert, and freezing a phase always sees the versions saved.
pub async fn save(
    db: &Db,
    year: i32,
    community: &CommunitySlug,
    base: i64,
    content: &PlanContent,
    author: Option<&PersonId>,
    now: &str,
) -> Result<Saved, AppError> {
    let json = serde_json::to_string(content).context("writing a plan version as JSON")?;
    let mut tx = db.begin().await?;
    let unix = crate::server::clock::unix_of(now).context("reading the time of a plan save")?;
    let open = sqlx::query(
        "UPDATE cycles SET phase = phase WHERE year = $1 AND (phase IN ($2, $3) \
         OR (phase = $4 AND EXISTS (SELECT 1 FROM plan_revisions r WHERE r.year = $1 \
             AND r.community_slug = $5 AND r.returned_at IS NULL AND r.ends_at > $6)))",
    )
    .bind(i64::from(year))
    .bind(Phase::Drafting.code())
    .bind(Phase::FinalReading.code())
    .bind(Phase::Validation.code())
    .bind(community.as_str())
    .bind(unix)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !open {
        return Ok(Saved::Closed);
    }
    let result = sqlx::query(
        "INSERT INTO plan_versions (year, community_slug, number, content, saved_at, saved_by) \
         SELECT $1, $2, $3 + 1, $4, $5, $6 \
         WHERE $3 = (SELECT COALESCE(MAX(number), 0) FROM plan_versions \
                     WHERE year = $1 AND community_slug = $2) \
         ON CONFLICT (year, community_slug, number) DO NOTHING",
    )
    .bind(i64::from(year))
    .bind(community.as_str())
    .bind(base)
    .bind(json)
    .bind(now)
    .bind(author.map(|p| p.0.as_str()))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(if result.rows_affected() == 1 {
        Saved::Yes
    } else {
        Saved::Stale
    })
}
