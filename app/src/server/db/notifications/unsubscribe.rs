//! One-click unsubscribe links: each mail of a notification carries one, stored by the digest
//! of its token; using it turns off that kind's mails, or the digest.

use sqlx::{AnyConnection, Row};

use super::super::Db;
use crate::domain::notification::preferences::{DigestFrequency, KindChoice};
use crate::domain::notification::{Kind, MailMode};
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::tokens::{digest, secret_token};

/// What a link turns off for its person: one kind's mails, or the digest (`None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub person: PersonId,
    pub kind: Option<Kind>,
    pub used: bool,
}

/// A new link for `person` turning off `kind`'s mails (the digest when `None`); its token.
pub async fn create(
    conn: &mut AnyConnection,
    person: &PersonId,
    kind: Option<Kind>,
    now: i64,
) -> Result<String, AppError> {
    let token = secret_token();
    sqlx::query(
        "INSERT INTO unsubscribe_links (token_hash, person_id, kind, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(digest(&token))
    .bind(person.0.as_str())
    .bind(kind.map(Kind::code))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(token)
}

/// The link of `token`, if there is one.
pub async fn find(db: &Db, token: &str) -> Result<Option<Link>, AppError> {
    let row = sqlx::query(
        "SELECT l.person_id, l.kind, l.used_at FROM unsubscribe_links l \
         JOIN people p ON p.id = l.person_id WHERE l.token_hash = $1 AND p.deleted_at IS NULL",
    )
    .bind(digest(token))
    .fetch_optional(db)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let kind: Option<String> = row.try_get("kind")?;
    let used_at: Option<i64> = row.try_get("used_at")?;
    Ok(Some(Link {
        person: PersonId(row.try_get("person_id")?),
        kind: kind.as_deref().and_then(Kind::parse),
        used: used_at.is_some(),
    }))
}

/// Turns off what `link` names (again, if it was used before), and records when.
pub async fn apply(
    conn: &mut AnyConnection,
    token: &str,
    link: &Link,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query("UPDATE unsubscribe_links SET used_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(digest(token))
        .execute(&mut *conn)
        .await?;
    let person = link.person.0.as_str();
    match link.kind {
        Some(kind) => {
            // Under the bell it stays as chosen (by default, on).
            let in_app = i64::from(KindChoice::default_for(kind).in_app);
            sqlx::query(
                "INSERT INTO notification_kinds (person_id, kind, in_app, mail) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (person_id, kind) DO UPDATE SET mail = $4",
            )
            .bind(person)
            .bind(kind.code())
            .bind(in_app)
            .bind(MailMode::Off.code())
            .execute(&mut *conn)
            .await?;
        }
        None => {
            sqlx::query(
                "INSERT INTO notification_settings (person_id, digest) VALUES ($1, $2) \
                 ON CONFLICT (person_id) DO UPDATE SET digest = $2",
            )
            .bind(person)
            .bind(DigestFrequency::Off.code())
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}
