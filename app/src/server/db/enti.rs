//! The registry of public bodies.

use sqlx::Row;

use super::Db;
use crate::domain::ente::{Ente, EnteKind, Province};
use crate::error::AppError;

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
            kind: EnteKind::parse(&kind).ok_or(AppError::Internal)?,
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
                EnteKind::parse(&kind).ok_or(AppError::Internal)?,
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
