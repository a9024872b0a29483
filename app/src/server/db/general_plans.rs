//! The general plan: every saved version of each year's, and the versions presented for
//! validation.

use sqlx::Row;

use super::Db;
use super::audit::Entry;
use super::plans::Saved;
use crate::domain::community::CommunitySlug;
use crate::domain::cycle::Phase;
use crate::domain::general_plan::{Assembled, GeneralText, GeneralVersion};
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::failure::Context;

/// One stored version: its facts, what regional staff wrote and what was assembled.
pub struct StoredGeneral {
    pub version: GeneralVersion,
    pub text: GeneralText,
    pub assembled: Assembled,
}

/// A version to write: its text, what was assembled, the plan versions it holds, who and when.
pub struct NewGeneral<'a> {
    pub text: &'a GeneralText,
    pub assembled: &'a Assembled,
    pub built_from: &'a [(CommunitySlug, i64)],
    pub author: Option<&'a PersonId>,
    /// RFC 3339, UTC.
    pub now: &'a str,
}

const COLUMNS: &str = "v.number, v.text, v.assembled, v.built_from, v.saved_at, g.presented_at, \
     COALESCE(p.first_name, '') || ' ' || COALESCE(p.last_name, '') AS author \
     FROM general_plan_versions v LEFT JOIN people p ON p.id = v.saved_by \
     LEFT JOIN general_plan_presentations g ON g.year = v.year AND g.number = v.number";

/// Version `number` of the general plan of `year`, or the latest when `None`.
pub async fn version(
    db: &Db,
    year: i32,
    number: Option<i64>,
) -> Result<Option<StoredGeneral>, AppError> {
    let sql = format!(
        "SELECT {COLUMNS} WHERE v.year = $1 AND ($2 IS NULL OR v.number = $2) \
         ORDER BY v.number DESC LIMIT 1"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(i64::from(year))
        .bind(number)
        .fetch_optional(db)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let text: String = row.try_get("text")?;
    let assembled: String = row.try_get("assembled")?;
    Ok(Some(StoredGeneral {
        version: general_version(&row)?,
        text: json(&text)?,
        assembled: json(&assembled)?,
    }))
}

/// Every version of the general plan of `year`, newest first.
pub async fn versions(db: &Db, year: i32) -> Result<Vec<GeneralVersion>, AppError> {
    let sql = format!("SELECT {COLUMNS} WHERE v.year = $1 ORDER BY v.number DESC");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(i64::from(year))
        .fetch_all(db)
        .await?;
    rows.iter().map(general_version).collect()
}

/// Saves `new` as version `base + 1` while the cycle is in a phase where the general plan is
/// edited (its row locked, as for plans); `Stale` when someone saved since `base`.
pub async fn save(db: &Db, year: i32, base: i64, new: &NewGeneral<'_>) -> Result<Saved, AppError> {
    let mut tx = db.begin().await?;
    let open = sqlx::query("UPDATE cycles SET phase = phase WHERE year = $1 AND phase IN ($2, $3)")
        .bind(i64::from(year))
        .bind(Phase::CrossReading.code())
        .bind(Phase::FinalReading.code())
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if !open {
        return Ok(Saved::Closed);
    }
    let saved = insert(&mut tx, year, base, new).await?;
    tx.commit().await?;
    Ok(if saved { Saved::Yes } else { Saved::Stale })
}

/// Moves the cycle from the final re-reading to validation, freezing the plans, and presents
/// the general plan: `new` saved as the next version, or the latest as it is when `None`.
/// Whether the cycle was in the final re-reading and a version was presented; if so, `entry`
/// is in the audit log.
pub async fn advance_and_present(
    db: &Db,
    year: i32,
    new: Option<&NewGeneral<'_>>,
    now: &str,
    entry: &Entry,
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    if !super::cycles::advance_in(&mut tx, year, Phase::FinalReading, now).await?
        || !present_in(&mut tx, year, new, now).await?
    {
        return Ok(false);
    }
    super::audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(true)
}

/// Presents the general plan again during validation, after revisions: `new` saved as the next
/// version. Whether the cycle was in validation and it was presented.
pub async fn present_again(
    db: &Db,
    year: i32,
    new: &NewGeneral<'_>,
    now: &str,
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    if !super::reviews::lock_validation(&mut tx, year).await?
        || !present_in(&mut tx, year, Some(new), now).await?
    {
        return Ok(false);
    }
    tx.commit().await?;
    Ok(true)
}

/// Saves `new` (if any) on top of the latest version and records the latest as presented;
/// whether it was (not when someone saved meanwhile, or when there is nothing to present).
async fn present_in(
    conn: &mut sqlx::AnyConnection,
    year: i32,
    new: Option<&NewGeneral<'_>>,
    now: &str,
) -> Result<bool, AppError> {
    let latest: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(number), 0) FROM general_plan_versions WHERE year = $1",
    )
    .bind(i64::from(year))
    .fetch_one(&mut *conn)
    .await?;
    let presented = match new {
        Some(new) if insert(conn, year, latest, new).await? => latest + 1,
        Some(_) => return Ok(false),
        None if latest > 0 => latest,
        None => return Ok(false),
    };
    let inserted = sqlx::query(
        "INSERT INTO general_plan_presentations (year, number, presented_at) VALUES ($1, $2, $3) \
         ON CONFLICT (year, number) DO NOTHING",
    )
    .bind(i64::from(year))
    .bind(presented)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// Inserts `new` as version `base + 1` unless a version after `base` exists.
async fn insert(
    conn: &mut sqlx::AnyConnection,
    year: i32,
    base: i64,
    new: &NewGeneral<'_>,
) -> Result<bool, AppError> {
    let result = sqlx::query(
        "INSERT INTO general_plan_versions \
         (year, number, text, assembled, built_from, saved_at, saved_by) \
         SELECT $1, $2 + 1, $3, $4, $5, $6, $7 \
         WHERE $2 = (SELECT COALESCE(MAX(number), 0) FROM general_plan_versions WHERE year = $1) \
         ON CONFLICT (year, number) DO NOTHING",
    )
    .bind(i64::from(year))
    .bind(base)
    .bind(to_json(new.text)?)
    .bind(to_json(new.assembled)?)
    .bind(to_json(new.built_from)?)
    .bind(new.now)
    .bind(new.author.map(|p| p.0.as_str()))
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// A value as stored in a JSON column.
fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).context("writing a general plan column as JSON")
}

fn general_version(row: &sqlx::any::AnyRow) -> Result<GeneralVersion, AppError> {
    let built_from: String = row.try_get("built_from")?;
    let presented_at: Option<String> = row.try_get("presented_at")?;
    let text: String = row.try_get("text")?;
    let assembled: String = row.try_get("assembled")?;
    Ok(GeneralVersion {
        digest: crate::server::tokens::digest(&format!("{text}\n{assembled}\n{built_from}")),
        number: row.try_get("number")?,
        saved_at: shown_time(row.try_get("saved_at")?),
        saved_by: row.try_get::<String, _>("author")?.trim().to_owned(),
        built_from: json(&built_from)?,
        presented_at: presented_at.map(shown_time),
    })
}

fn json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, AppError> {
    serde_json::from_str(text).context("reading a general plan's JSON column")
}

fn shown_time(at: String) -> String {
    crate::server::clock::italian_minute(&at).unwrap_or(at)
}

/// The stored document `kind` (`pdf`, `odt`) of version `number`, if it was built.
pub async fn document(
    db: &Db,
    year: i32,
    number: i64,
    kind: &str,
) -> Result<Option<Vec<u8>>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT bytes FROM general_plan_documents WHERE year = $1 AND number = $2 AND kind = $3",
    )
    .bind(i64::from(year))
    .bind(number)
    .bind(kind)
    .fetch_optional(db)
    .await?)
}

/// Keeps a built document; the first one stored wins when two requests build it at once.
pub async fn store_document(
    db: &Db,
    year: i32,
    number: i64,
    kind: &str,
    bytes: &[u8],
    now: &str,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO general_plan_documents (year, number, kind, bytes, built_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (year, number, kind) DO NOTHING",
    )
    .bind(i64::from(year))
    .bind(number)
    .bind(kind)
    .bind(bytes.to_vec())
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}
