//! The secret addresses of people's own calendars.

use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::db::Db;

/// The token of `person`'s calendar address, if they asked for one.
pub async fn token(db: &Db, person: &PersonId) -> Result<Option<String>, AppError> {
    let token = sqlx::query_scalar("SELECT token FROM calendar_feeds WHERE person_id = $1")
        .bind(person.0.as_str())
        .fetch_optional(db)
        .await?;
    Ok(token)
}

/// Gives `person`'s calendar the address `token`; the one before stops working.
pub async fn renew(db: &Db, person: &PersonId, token: &str, now: &str) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO calendar_feeds (person_id, token, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (person_id) DO UPDATE SET token = excluded.token, \
         created_at = excluded.created_at",
    )
    .bind(person.0.as_str())
    .bind(token)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// The active person whose calendar has the address `token`.
pub async fn owner(db: &Db, token: &str) -> Result<Option<PersonId>, AppError> {
    let person: Option<String> = sqlx::query_scalar(
        "SELECT f.person_id FROM calendar_feeds f JOIN people p ON p.id = f.person_id \
         WHERE f.token = $1 AND p.deleted_at IS NULL",
    )
    .bind(token)
    .fetch_optional(db)
    .await?;
    Ok(person.map(PersonId))
}
