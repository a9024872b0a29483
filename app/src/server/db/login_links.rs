//! One-time login links, by the digest of their token.

use super::Db;
use crate::domain::person::PersonId;
use crate::error::AppError;

/// Stores a link for `person`, valid until `expires_at`, with the email that carries it.
pub async fn insert_with_mail(
    db: &Db,
    token_hash: &str,
    person: &PersonId,
    expires_at: i64,
    mail: &super::outbox::Mail,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    insert(&mut tx, token_hash, person, expires_at).await?;
    super::outbox::enqueue(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(())
}

/// Stores a link for `person`, valid until `expires_at`, without sending it.
pub async fn insert(
    conn: &mut sqlx::AnyConnection,
    token_hash: &str,
    person: &PersonId,
    expires_at: i64,
) -> Result<(), AppError> {
    sqlx::query("INSERT INTO login_links (token_hash, person_id, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(&person.0)
        .bind(expires_at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Uses the link once: the person it logs in, if it exists, is unused and has not expired.
pub async fn redeem(db: &Db, token_hash: &str, now: i64) -> Result<Option<PersonId>, AppError> {
    let person: Option<String> = sqlx::query_scalar(
        "UPDATE login_links SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING person_id",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(db)
    .await?;
    Ok(person.map(PersonId))
}
