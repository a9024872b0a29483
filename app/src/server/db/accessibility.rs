//! Accessibility reports (see migrations/…_accessibility_reports.sql).

use super::Db;
use super::outbox::{self, Mail};
use crate::domain::accessibility::Report;
use crate::error::AppError;
use crate::server::tokens::new_id;

/// Stores `report` and queues `mails` about it, together.
pub async fn store(db: &Db, report: &Report, mails: &[Mail], now: &str) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO accessibility_reports (id, name, email, page, message, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(&report.name)
    .bind(report.email.as_str())
    .bind(&report.page)
    .bind(&report.message)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    for mail in mails {
        outbox::enqueue(&mut tx, mail).await?;
    }
    tx.commit().await?;
    Ok(())
}
