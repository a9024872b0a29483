//! The communities repository.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::Db;
use crate::domain::community::{Community, CommunitySlug, CommunitySummary, Declaratoria};
use crate::error::AppError;

/// The columns of a [`CommunitySummary`], as a literal so queries stay static strings.
macro_rules! summary_columns {
    () => {
        "c.slug, c.name, c.summary, \
         (SELECT COUNT(*) FROM signups s WHERE s.community_slug = c.slug) AS member_count"
    };
}

/// All communities in display order, with their member counts.
pub async fn list(db: &Db) -> Result<Vec<CommunitySummary>, AppError> {
    let sql = concat!(
        "SELECT ",
        summary_columns!(),
        " FROM communities c ORDER BY c.position"
    );
    let rows = sqlx::query(sql).fetch_all(db).await?;
    rows.iter().map(summary_from_row).collect()
}

/// The community with `slug`, if there is one.
pub async fn find(db: &Db, slug: &CommunitySlug) -> Result<Option<Community>, AppError> {
    let sql = concat!(
        "SELECT ",
        summary_columns!(),
        ", c.themes, c.mission, c.objectives, c.audience FROM communities c WHERE c.slug = $1"
    );
    let row = sqlx::query(sql)
        .bind(slug.as_str())
        .fetch_optional(db)
        .await?;
    row.map(|row| {
        Ok(Community {
            summary: summary_from_row(&row)?,
            declaratoria: Declaratoria {
                themes: json_list(&row, "themes")?,
                mission: row.try_get("mission")?,
                objectives: json_list(&row, "objectives")?,
                audience: row.try_get("audience")?,
            },
        })
    })
    .transpose()
}

/// Stores a community at `position` in the display order.
pub async fn insert(db: &Db, position: i64, community: &Community) -> Result<(), AppError> {
    let Community {
        summary,
        declaratoria,
    } = community;
    sqlx::query(
        "INSERT INTO communities (slug, name, position, summary, themes, mission, objectives, audience) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (slug) DO NOTHING",
    )
    .bind(summary.slug.as_str())
    .bind(&summary.name)
    .bind(position)
    .bind(&summary.summary)
    .bind(to_json(&declaratoria.themes))
    .bind(&declaratoria.mission)
    .bind(to_json(&declaratoria.objectives))
    .bind(&declaratoria.audience)
    .execute(db)
    .await?;
    Ok(())
}

/// How many communities are stored.
pub async fn count(db: &Db) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM communities")
        .fetch_one(db)
        .await?)
}

fn summary_from_row(row: &AnyRow) -> Result<CommunitySummary, AppError> {
    let slug: String = row.try_get("slug")?;
    Ok(CommunitySummary {
        slug: CommunitySlug::parse(&slug).map_err(|_| corrupt("communities.slug", &slug))?,
        name: row.try_get("name")?,
        summary: row.try_get("summary")?,
        member_count: row.try_get("member_count")?,
    })
}

fn json_list(row: &AnyRow, column: &str) -> Result<Vec<String>, AppError> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|_| corrupt(column, &text))
}

fn to_json(items: &[String]) -> String {
    serde_json::Value::from(items).to_string()
}

fn corrupt(column: &str, value: &str) -> AppError {
    tracing::error!(column, value, "stored value does not parse");
    AppError::Internal
}
