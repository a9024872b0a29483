//! The registry of public bodies.

use sqlx::Row;
use sqlx::any::AnyExecutor;

use super::Db;
use super::audit::{self, Entry};
use super::tallies::{self, Scope};
use crate::domain::ente::{Ente, EnteKind, EnteOption, Province};
use crate::domain::signup_form::ProposedEnte;
use crate::error::AppError;
use crate::server::failure::Context;
use crate::server::tokens::new_id;

/// Stores the bodies of `enti` in one transaction, marking each as plausible or official.
pub async fn insert_all(db: &Db, enti: &[(Ente, bool)]) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    for (ente, plausible) in enti {
        sqlx::query(
            "INSERT INTO enti (code, name, kind, province, plausible) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (code) DO NOTHING",
        )
        .bind(&ente.code)
        .bind(&ente.name)
        .bind(ente.kind.code())
        .bind(ente.province.map(Province::code))
        .bind(i64::from(*plausible))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The body with `code`, if registered.
pub async fn find(db: &Db, code: &str) -> Result<Option<Ente>, AppError> {
    let row = sqlx::query("SELECT code, name, kind, province FROM enti WHERE code = $1")
        .bind(code)
        .fetch_optional(db)
        .await?;
    row.map(|row| {
        let kind: String = row.try_get("kind")?;
        let province: Option<String> = row.try_get("province")?;
        Ok(Ente {
            code: row.try_get("code")?,
            name: row.try_get("name")?,
            kind: EnteKind::parse(&kind).context("reading a body's kind")?,
            province: province.as_deref().and_then(Province::parse),
        })
    })
    .transpose()
}

/// How many bodies of each kind are registered, most numerous first.
pub async fn count_by_kind(db: &Db) -> Result<Vec<(EnteKind, i64)>, AppError> {
    let rows =
        sqlx::query("SELECT kind, COUNT(*) AS n FROM enti GROUP BY kind ORDER BY n DESC, kind")
            .fetch_all(db)
            .await?;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            Ok((
                EnteKind::parse(&kind).context("reading a body's kind")?,
                row.try_get("n")?,
            ))
        })
        .collect()
}

/// How many bodies are registered.
pub async fn count(db: &Db) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM enti")
        .fetch_one(db)
        .await?)
}

/// Every body as the type-ahead offers it, validated or pending.
pub async fn options(db: &Db) -> Result<Vec<EnteOption>, AppError> {
    let rows: Vec<(String, String, String, Option<String>, i64)> =
        sqlx::query_as("SELECT code, name, kind, province, pending FROM enti ORDER BY name")
            .fetch_all(db)
            .await?;
    rows.into_iter()
        .map(|(code, name, kind, province, pending)| {
            Ok(EnteOption {
                code,
                name,
                kind: EnteKind::parse(&kind).context("reading a body's kind")?,
                province: province.as_deref().and_then(Province::parse),
                pending: pending == 1,
            })
        })
        .collect()
}

/// Stores a body named at signup as pending, or finds the one already stored under that name.
pub async fn insert_pending(db: &Db, proposed: &ProposedEnte) -> Result<String, AppError> {
    sqlx::query(
        "INSERT INTO enti (code, name, kind, province, plausible, pending) VALUES ($1, $2, $3, $4, 0, 1) \
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(format!("proposto-{}", &new_id()[..12]))
    .bind(&proposed.name)
    .bind(proposed.kind.code())
    .bind(proposed.province.map(Province::code))
    .execute(db)
    .await?;
    Ok(sqlx::query_scalar("SELECT code FROM enti WHERE name = $1")
        .bind(&proposed.name)
        .fetch_one(db)
        .await?)
}

/// The pending bodies with how many people named each, oldest names first.
pub async fn pending(db: &Db) -> Result<Vec<(EnteOption, i64)>, AppError> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT e.code, (SELECT COUNT(*) FROM people p WHERE p.ente_code = e.code) \
         FROM enti e WHERE e.pending = 1 ORDER BY e.name",
    )
    .fetch_all(db)
    .await?;
    let all = options(db).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(code, people)| {
            all.iter()
                .find(|option| option.code == code)
                .map(|option| (option.clone(), people))
        })
        .collect())
}

/// Accepts a pending body into the registry; whether it was pending.
pub async fn validate<'e>(db: impl AnyExecutor<'e>, code: &str) -> Result<bool, AppError> {
    let result = sqlx::query("UPDATE enti SET pending = 0 WHERE code = $1 AND pending = 1")
        .bind(code)
        .execute(db)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Moves the people of pending body `from` to registered body `into` and removes `from`, with
/// `entry` in the audit log; whether `from` was pending and `into` exists.
pub async fn merge(db: &Db, from: &str, into: &str, entry: &Entry) -> Result<bool, AppError> {
    if from == into {
        return Ok(false);
    }
    let mut tx = db.begin().await?;
    // The locks first: on SQLite a transaction that reads before it writes fails at once when
    // another connection wrote meanwhile.
    let into_scope = Scope::Ente(into);
    let mut before = tallies::begin(&mut tx, Scope::Ente(from)).await?;
    before.add(tallies::begin(&mut tx, into_scope).await?);
    let target: Option<String> = sqlx::query_scalar("SELECT code FROM enti WHERE code = $1")
        .bind(into)
        .fetch_optional(&mut *tx)
        .await?;
    if target.is_none() {
        return Ok(false);
    }
    sqlx::query("UPDATE people SET ente_code = $1 WHERE ente_code = $2")
        .bind(into)
        .bind(from)
        .execute(&mut *tx)
        .await?;
    tallies::finish(&mut tx, into_scope, before).await?;
    let removed = sqlx::query("DELETE FROM enti WHERE code = $1 AND pending = 1")
        .bind(from)
        .execute(&mut *tx)
        .await?;
    if removed.rows_affected() != 1 {
        return Ok(false);
    }
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(true)
}

/// The code of the body with exactly this `code`, or else exactly this `name`.
pub async fn code_named(db: &Db, code: &str, name: &str) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT code FROM enti WHERE code = $1 OR name = $2 \
         ORDER BY CASE WHEN code = $1 THEN 0 ELSE 1 END LIMIT 1",
    )
    .bind(code)
    .bind(name.trim())
    .fetch_optional(db)
    .await?)
}
