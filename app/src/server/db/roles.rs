//! Roles held by people.

use sqlx::any::AnyExecutor;

use super::Db;
use crate::domain::community::CommunitySlug;
use crate::domain::person::PersonId;
use crate::domain::role::{Role, RoleHolder, RoleKind};
use crate::error::AppError;
use crate::server::failure::Context;

/// The roles `person` holds.
pub async fn of(db: &Db, person: &PersonId) -> Result<Vec<Role>, AppError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT role, community_slug FROM roles WHERE person_id = $1 ORDER BY role, community_slug",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|(kind, community)| role_from(kind, community))
        .collect()
}

/// Gives `person` the role; whether they did not hold it already.
pub async fn grant<'e>(
    db: impl AnyExecutor<'e>,
    person: &PersonId,
    role: &Role,
    now: &str,
) -> Result<bool, AppError> {
    let result = sqlx::query(
        "INSERT INTO roles (person_id, role, community_slug, granted_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (person_id, role, community_slug) DO NOTHING",
    )
    .bind(&person.0)
    .bind(role.kind.code())
    .bind(community_column(role))
    .bind(now)
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Takes the role away; whether the person held it.
pub async fn revoke<'e>(
    db: impl AnyExecutor<'e>,
    person: &PersonId,
    role: &Role,
) -> Result<bool, AppError> {
    let result =
        sqlx::query("DELETE FROM roles WHERE person_id = $1 AND role = $2 AND community_slug = $3")
            .bind(&person.0)
            .bind(role.kind.code())
            .bind(community_column(role))
            .execute(db)
            .await?;
    Ok(result.rows_affected() == 1)
}

/// Everyone holding a role, by role and community, then name.
pub async fn holders(db: &Db) -> Result<Vec<RoleHolder>, AppError> {
    let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT p.id, p.first_name, p.last_name, p.email, r.role, r.community_slug \
         FROM roles r JOIN people p ON p.id = r.person_id \
         ORDER BY r.role, r.community_slug, p.last_name, p.first_name",
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(id, first, last, email, kind, community)| {
            Ok(RoleHolder {
                person_id: PersonId(id),
                name: format!("{first} {last}"),
                email,
                role: role_from(&kind, &community)?,
            })
        })
        .collect()
}

/// The coordinators and referents of `community`: role and full name.
pub async fn leaders_of(
    db: &Db,
    community: &CommunitySlug,
) -> Result<Vec<(RoleKind, String)>, AppError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT r.role, p.first_name, p.last_name FROM roles r JOIN people p ON p.id = r.person_id \
         WHERE r.community_slug = $1 ORDER BY r.role, p.last_name, p.first_name",
    )
    .bind(community.as_str())
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(kind, first, last)| {
            Ok((
                RoleKind::parse(&kind).context("reading a role's kind")?,
                format!("{first} {last}"),
            ))
        })
        .collect()
}

fn community_column(role: &Role) -> &str {
    role.community.as_ref().map_or("", CommunitySlug::as_str)
}

fn role_from(kind: &str, community: &str) -> Result<Role, AppError> {
    let kind = RoleKind::parse(kind).context("reading a role's kind")?;
    let community = match community {
        "" => None,
        slug => Some(CommunitySlug::parse(slug).context("reading a role's community")?),
    };
    Ok(Role { kind, community })
}
