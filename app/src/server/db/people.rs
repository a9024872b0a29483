//! People: signup, profile and credentials (erasure is in [`super::erasure`]).

use sqlx::Row;
use sqlx::any::AnyExecutor;

use super::Db;
use super::outbox::{Mail, enqueue};
use super::tallies::{self, Scope};
use crate::domain::community::CommunitySlug;
use crate::domain::person::{Email, PRIVACY_VERSION, PersonId, Profile};
use crate::domain::role::Viewer;
use crate::domain::signup_form::Signup;
use crate::error::AppError;
use crate::server::tokens::new_id;

/// What a signup did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enrolment {
    pub person: PersonId,
    /// Whether the signup created the person (otherwise the email was already known).
    pub created: bool,
    /// The communities this signup added; the others were already joined.
    pub added: Vec<CommunitySlug>,
}

/// Stores a signup in one transaction: the person once per email, whatever the concurrency, and
/// each community once per person. `welcome` is queued only when the person is new.
pub async fn enrol(
    db: &Db,
    signup: &Signup,
    ente_code: &str,
    password_hash: Option<&str>,
    now: &str,
    welcome: Option<Mail>,
) -> Result<Enrolment, AppError> {
    let mut tx = db.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO people (id, email, first_name, last_name, job_title, ente_code, password_hash, \
         privacy_version, privacy_accepted_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (email) DO NOTHING",
    )
    .bind(new_id())
    .bind(signup.email.as_str())
    .bind(&signup.first_name)
    .bind(&signup.last_name)
    .bind(&signup.job_title)
    .bind(ente_code)
    .bind(password_hash)
    .bind(PRIVACY_VERSION)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let person: String = sqlx::query_scalar("SELECT id FROM people WHERE email = $1")
        .bind(signup.email.as_str())
        .fetch_one(&mut *tx)
        .await?;
    let person = PersonId(person);
    let scope = Scope::Person(&person.0);
    let before = tallies::begin(&mut tx, scope).await?;
    let mut added = Vec::new();
    for community in &signup.communities {
        if super::signups::join(&mut tx, &person, community, now).await? {
            added.push(community.clone());
        }
    }
    tallies::finish(&mut tx, scope, before).await?;
    let created = inserted.rows_affected() == 1;
    if let (true, Some(welcome)) = (created, welcome) {
        enqueue(&mut tx, &welcome).await?;
    }
    tx.commit().await?;
    Ok(Enrolment {
        person,
        created,
        added,
    })
}

/// The person with `email` and their password hash, if they have an active account.
pub async fn credentials(
    db: &Db,
    email: &Email,
) -> Result<Option<(PersonId, Option<String>)>, AppError> {
    let row: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT id, password_hash FROM people WHERE email = $1 AND deleted_at IS NULL",
    )
    .bind(email.as_str())
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(id, hash)| (PersonId(id), hash)))
}

/// Replaces the person's password hash.
pub async fn set_password<'e>(
    db: impl AnyExecutor<'e>,
    person: &PersonId,
    hash: &str,
) -> Result<(), AppError> {
    sqlx::query("UPDATE people SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(&person.0)
        .execute(db)
        .await?;
    Ok(())
}

/// Replaces the person's name and job title.
pub async fn update_details(
    db: &Db,
    person: &PersonId,
    first_name: &str,
    last_name: &str,
    job_title: &str,
) -> Result<(), AppError> {
    sqlx::query("UPDATE people SET first_name = $1, last_name = $2, job_title = $3 WHERE id = $4")
        .bind(first_name)
        .bind(last_name)
        .bind(job_title)
        .bind(&person.0)
        .execute(db)
        .await?;
    Ok(())
}

/// The signed-in view of an active person: name, roles and communities.
pub async fn viewer(db: &Db, person: &PersonId) -> Result<Option<Viewer>, AppError> {
    let first_name: Option<String> =
        sqlx::query_scalar("SELECT first_name FROM people WHERE id = $1 AND deleted_at IS NULL")
            .bind(&person.0)
            .fetch_optional(db)
            .await?;
    let Some(first_name) = first_name else {
        return Ok(None);
    };
    Ok(Some(Viewer {
        person_id: person.clone(),
        first_name,
        roles: super::roles::of(db, person).await?,
        communities: super::signups::communities_of(db, person).await?,
    }))
}

/// Everything the profile page shows of an active person.
pub async fn profile(db: &Db, person: &PersonId) -> Result<Option<Profile>, AppError> {
    let row = sqlx::query(
        "SELECT p.first_name, p.last_name, p.email, p.job_title, p.password_hash, \
         e.name AS ente_name, e.pending AS ente_pending \
         FROM people p LEFT JOIN enti e ON e.code = p.ente_code WHERE p.id = $1 AND p.deleted_at IS NULL",
    )
    .bind(&person.0)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let password_hash: Option<String> = row.try_get("password_hash")?;
    let ente_pending: Option<i64> = row.try_get("ente_pending")?;
    Ok(Some(Profile {
        id: person.clone(),
        first_name: row.try_get("first_name")?,
        last_name: row.try_get("last_name")?,
        email: row.try_get("email")?,
        job_title: row.try_get("job_title")?,
        ente_name: row.try_get("ente_name")?,
        ente_pending: ente_pending == Some(1),
        has_password: password_hash.is_some(),
        communities: super::signups::communities_of(db, person).await?,
        roles: super::roles::of(db, person).await?,
    }))
}
