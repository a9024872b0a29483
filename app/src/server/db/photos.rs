//! Photos and the files they are served in (see migrations/…_photos.sql).

use std::collections::{BTreeMap, HashMap};

use super::Db;
use crate::domain::person::PersonId;
use crate::domain::photo::{Photo, PhotoFile};
use crate::error::AppError;
use crate::server::photos::pipeline::Rendition;

/// Stores a photo of `meeting` with its files, waiting for its alternative text; its number.
pub async fn add(
    db: &Db,
    meeting: i64,
    files: &[Rendition],
    by: &PersonId,
    now: &str,
) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let id = insert(&mut tx, Some(meeting), "", files, by, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Makes a new photo the cover of news post `post`, removing the cover it had.
pub async fn set_cover(
    db: &Db,
    post: i64,
    alt: &str,
    files: &[Rendition],
    by: &PersonId,
    now: &str,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    // A write first: on SQLite a transaction that read before writing fails at once when
    // another connection wrote meanwhile, while one that starts by writing waits its turn.
    let id = insert(&mut tx, None, alt, files, by, now).await?;
    let old: Option<Option<i64>> =
        sqlx::query_scalar("SELECT cover_photo_id FROM news_posts WHERE id = $1")
            .bind(post)
            .fetch_optional(&mut *tx)
            .await?;
    sqlx::query("UPDATE news_posts SET cover_photo_id = $1 WHERE id = $2")
        .bind(id)
        .bind(post)
        .execute(&mut *tx)
        .await?;
    if let Some(old) = old.flatten() {
        delete(&mut tx, old).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn insert(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    meeting: Option<i64>,
    alt: &str,
    files: &[Rendition],
    by: &PersonId,
    now: &str,
) -> Result<i64, AppError> {
    let id: i64 = sqlx::query_scalar(
        "UPDATE photo_counter SET last_number = last_number + 1 WHERE id = 1 \
         RETURNING last_number",
    )
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO photos (id, meeting_id, alt, caption, added_by, added_at) \
         VALUES ($1, $2, $3, '', $4, $5)",
    )
    .bind(id)
    .bind(meeting)
    .bind(alt)
    .bind(by.0.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    for file in files {
        sqlx::query(
            "INSERT INTO photo_files (name, photo_id, width, height, bytes) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(format!("{id}-{}.jpg", file.hash))
        .bind(id)
        .bind(i64::from(file.width))
        .bind(i64::from(file.height))
        .bind(file.jpeg.as_slice())
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}

/// The cover photos of the news posts (every post, or only post `only`), by post.
pub async fn covers(db: &Db, only: Option<i64>) -> Result<HashMap<i64, Photo>, AppError> {
    let only = only.unwrap_or(0);
    let posts: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, cover_photo_id FROM news_posts \
         WHERE cover_photo_id IS NOT NULL AND ($1 = 0 OR id = $1)",
    )
    .bind(only)
    .fetch_all(db)
    .await?;
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT p.id, p.alt, p.caption FROM photos p JOIN news_posts n ON n.cover_photo_id = p.id \
         WHERE $1 = 0 OR n.id = $1",
    )
    .bind(only)
    .fetch_all(db)
    .await?;
    let files: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT f.photo_id, f.name, f.width, f.height FROM photo_files f \
         JOIN news_posts n ON n.cover_photo_id = f.photo_id WHERE $1 = 0 OR n.id = $1 \
         ORDER BY f.width",
    )
    .bind(only)
    .fetch_all(db)
    .await?;
    let mut photos: HashMap<i64, Photo> = assemble(rows, files)
        .into_iter()
        .map(|photo| (photo.id, photo))
        .collect();
    Ok(posts
        .into_iter()
        .filter_map(|(post, photo)| Some((post, photos.remove(&photo)?)))
        .collect())
}

/// The photos of `meeting`, in the order they were added, described or not.
pub async fn of_meeting(db: &Db, meeting: i64) -> Result<Vec<Photo>, AppError> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, alt, caption FROM photos WHERE meeting_id = $1 ORDER BY id")
            .bind(meeting)
            .fetch_all(db)
            .await?;
    let files: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT f.photo_id, f.name, f.width, f.height FROM photo_files f \
         JOIN photos p ON p.id = f.photo_id WHERE p.meeting_id = $1 ORDER BY f.width",
    )
    .bind(meeting)
    .fetch_all(db)
    .await?;
    Ok(assemble(rows, files))
}

/// The photo `id`, if there is one.
pub async fn find(db: &Db, id: i64) -> Result<Option<Photo>, AppError> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, alt, caption FROM photos WHERE id = $1")
            .bind(id)
            .fetch_all(db)
            .await?;
    let files: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT photo_id, name, width, height FROM photo_files WHERE photo_id = $1 \
         ORDER BY width",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    Ok(assemble(rows, files).pop())
}

/// The meeting a photo belongs to (`None` for a cover or an unknown photo).
pub async fn meeting_of(db: &Db, id: i64) -> Result<Option<i64>, AppError> {
    let meeting: Option<Option<i64>> =
        sqlx::query_scalar("SELECT meeting_id FROM photos WHERE id = $1")
            .bind(id)
            .fetch_optional(db)
            .await?;
    Ok(meeting.flatten())
}

/// Sets the alternative text and caption of a photo.
pub async fn describe(db: &Db, id: i64, alt: &str, caption: &str) -> Result<(), AppError> {
    sqlx::query("UPDATE photos SET alt = $1, caption = $2 WHERE id = $3")
        .bind(alt)
        .bind(caption)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Removes a photo and its files, and the cover it was.
pub async fn remove(db: &Db, id: i64) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    delete(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

async fn delete(tx: &mut sqlx::Transaction<'_, sqlx::Any>, id: i64) -> Result<(), AppError> {
    for sql in [
        "UPDATE news_posts SET cover_photo_id = NULL WHERE cover_photo_id = $1",
        "DELETE FROM photo_files WHERE photo_id = $1",
        "DELETE FROM photos WHERE id = $1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut **tx).await?;
    }
    Ok(())
}

/// The bytes of the file `name`.
pub async fn file(db: &Db, name: &str) -> Result<Option<Vec<u8>>, AppError> {
    Ok(
        sqlx::query_scalar("SELECT bytes FROM photo_files WHERE name = $1")
            .bind(name)
            .fetch_optional(db)
            .await?,
    )
}

fn assemble(rows: Vec<(i64, String, String)>, files: Vec<(i64, String, i64, i64)>) -> Vec<Photo> {
    let mut by_photo: BTreeMap<i64, Vec<PhotoFile>> = BTreeMap::new();
    for (photo, name, width, height) in files {
        let side = |value: i64| u32::try_from(value).unwrap_or_default();
        by_photo.entry(photo).or_default().push(PhotoFile {
            name,
            width: side(width),
            height: side(height),
        });
    }
    rows.into_iter()
        .map(|(id, alt, caption)| Photo {
            id,
            alt,
            caption,
            files: by_photo.remove(&id).unwrap_or_default(),
        })
        .collect()
}
