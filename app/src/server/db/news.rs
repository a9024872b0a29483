//! News posts, the communities they concern and the meetings they tell about (see
//! migrations/…_news.sql).

use std::collections::HashMap;

use sqlx::Row;

use super::Db;
use crate::domain::community::CommunitySlug;
use crate::domain::news::NewsPost;
use crate::domain::news::form::NewsDraft;
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::failure::Context;

/// Every post, the latest published first, then the drafts.
pub async fn all(db: &Db) -> Result<Vec<NewsPost>, AppError> {
    load(db, None).await
}

/// The post `id`, if there is one.
pub async fn find(db: &Db, id: i64) -> Result<Option<NewsPost>, AppError> {
    Ok(load(db, Some(id)).await?.pop())
}

async fn load(db: &Db, only: Option<i64>) -> Result<Vec<NewsPost>, AppError> {
    let only = only.unwrap_or(0);
    let rows = sqlx::query(
        "SELECT n.id, n.title, n.summary, n.body, n.published_at, n.revision, n.updated_at, \
         COALESCE(p.first_name, '') || ' ' || COALESCE(p.last_name, '') AS author \
         FROM news_posts n LEFT JOIN people p ON p.id = n.created_by \
         WHERE $1 = 0 OR n.id = $1 \
         ORDER BY n.published_at IS NULL, n.published_at DESC, n.id DESC",
    )
    .bind(only)
    .fetch_all(db)
    .await?;
    let mut communities: HashMap<i64, Vec<CommunitySlug>> = HashMap::new();
    let linked = sqlx::query(
        "SELECT post_id, community_slug FROM news_communities \
         WHERE $1 = 0 OR post_id = $1 ORDER BY community_slug",
    )
    .bind(only)
    .fetch_all(db)
    .await?;
    for row in &linked {
        let slug: String = row.try_get("community_slug")?;
        let slug = CommunitySlug::parse(&slug).context("reading a post's community")?;
        communities
            .entry(row.try_get("post_id")?)
            .or_default()
            .push(slug);
    }
    let mut meetings: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    let told = sqlx::query(
        "SELECT l.post_id, m.id, m.title FROM news_meetings l JOIN meetings m ON m.id = l.meeting_id \
         WHERE $1 = 0 OR l.post_id = $1 ORDER BY m.starts_at",
    )
    .bind(only)
    .fetch_all(db)
    .await?;
    for row in &told {
        let meeting = (row.try_get("id")?, row.try_get("title")?);
        meetings
            .entry(row.try_get("post_id")?)
            .or_default()
            .push(meeting);
    }
    let mut covers = super::photos::covers(db, Some(only).filter(|id| *id != 0)).await?;
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            Ok(NewsPost {
                id,
                cover: covers.remove(&id),
                title: row.try_get("title")?,
                summary: row.try_get("summary")?,
                body: row.try_get("body")?,
                communities: communities.remove(&id).unwrap_or_default(),
                meetings: meetings.remove(&id).unwrap_or_default(),
                published_at: row.try_get("published_at")?,
                revision: row.try_get("revision")?,
                updated_at: row.try_get("updated_at")?,
                author: row.try_get::<String, _>("author")?.trim().to_owned(),
            })
        })
        .collect()
}

/// Stores a new post (published at `now` if it is to be); its number.
pub async fn create(db: &Db, draft: &NewsDraft, by: &PersonId, now: &str) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "UPDATE news_counter SET last_number = last_number + 1 WHERE id = 1 RETURNING last_number",
    )
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO news_posts (id, title, summary, body, published_at, revision, created_by, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $7)",
    )
    .bind(id)
    .bind(&draft.title)
    .bind(&draft.summary)
    .bind(&draft.body)
    .bind(draft.publish.then_some(now))
    .bind(by.0.as_str())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    link(&mut tx, id, draft).await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces post `id` with `draft` if it is still at `revision`; whether it was. A post keeps
/// its first publication date; made a draft again, it loses it.
pub async fn update(
    db: &Db,
    id: i64,
    revision: i64,
    draft: &NewsDraft,
    now: &str,
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    let changed = sqlx::query(
        "UPDATE news_posts SET title = $1, summary = $2, body = $3, \
         published_at = CASE WHEN $4 = 1 THEN COALESCE(published_at, $5) ELSE NULL END, \
         revision = revision + 1, updated_at = $5 WHERE id = $6 AND revision = $7",
    )
    .bind(&draft.title)
    .bind(&draft.summary)
    .bind(&draft.body)
    .bind(i64::from(draft.publish))
    .bind(now)
    .bind(id)
    .bind(revision)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Ok(false);
    }
    for table in ["news_communities", "news_meetings"] {
        let sql = format!("DELETE FROM {table} WHERE post_id = $1");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    link(&mut tx, id, draft).await?;
    tx.commit().await?;
    Ok(true)
}

async fn link(conn: &mut sqlx::AnyConnection, id: i64, draft: &NewsDraft) -> Result<(), AppError> {
    for community in &draft.communities {
        sqlx::query("INSERT INTO news_communities (post_id, community_slug) VALUES ($1, $2)")
            .bind(id)
            .bind(community.as_str())
            .execute(&mut *conn)
            .await?;
    }
    for meeting in &draft.meetings {
        sqlx::query("INSERT INTO news_meetings (post_id, meeting_id) VALUES ($1, $2)")
            .bind(id)
            .bind(meeting)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
