//! A meeting's materials: PDF files kept whole, numbered within the meeting.

use super::super::Db;
use crate::domain::person::PersonId;
use crate::error::AppError;

/// Attaches the PDF `bytes` titled `title` to meeting `id`; its number there.
pub async fn add(
    db: &Db,
    id: i64,
    title: &str,
    bytes: &[u8],
    by: &PersonId,
    now: &str,
) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    // The meeting's row is locked first, so that two materials added at once get two numbers.
    sqlx::query("UPDATE meetings SET updated_at = updated_at WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let number: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM meeting_materials WHERE meeting_id = $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO meeting_materials (meeting_id, number, title, bytes, size, added_by, added_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(number)
    .bind(title)
    .bind(bytes)
    .bind(i64::try_from(bytes.len()).unwrap_or(i64::MAX))
    .bind(by.0.as_str())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(number)
}

/// The title and bytes of material `number` of meeting `id`.
pub async fn file(db: &Db, id: i64, number: i64) -> Result<Option<(String, Vec<u8>)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT title, bytes FROM meeting_materials WHERE meeting_id = $1 AND number = $2",
    )
    .bind(id)
    .bind(number)
    .fetch_optional(db)
    .await?)
}

/// Removes material `number` of meeting `id`.
pub async fn remove(db: &Db, id: i64, number: i64) -> Result<(), AppError> {
    sqlx::query("DELETE FROM meeting_materials WHERE meeting_id = $1 AND number = $2")
        .bind(id)
        .bind(number)
        .execute(db)
        .await?;
    Ok(())
}
