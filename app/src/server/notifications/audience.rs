//! Who an event concerns: the members of communities, their coordinators and referents, or
//! everyone with an account.

use crate::domain::community::CommunitySlug;
use crate::domain::meeting::Audience;
use crate::domain::person::PersonId;
use crate::domain::role::RoleKind;
use crate::error::AppError;
use crate::server::db::Db;

/// The members, coordinators and referents of `communities`.
pub async fn of_communities(
    db: &Db,
    communities: &[CommunitySlug],
) -> Result<Vec<PersonId>, AppError> {
    let mut people = Vec::new();
    for community in communities {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT s.person_id FROM signups s JOIN people p ON p.id = s.person_id \
             WHERE s.community_slug = $1 AND p.deleted_at IS NULL \
             UNION SELECT person_id FROM roles WHERE community_slug = $1",
        )
        .bind(community.as_str())
        .fetch_all(db)
        .await?;
        people.extend(ids.into_iter().map(PersonId));
    }
    Ok(people)
}

/// The coordinators and referents of `community`.
pub async fn leads_of(db: &Db, community: &CommunitySlug) -> Result<Vec<PersonId>, AppError> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT person_id FROM roles WHERE community_slug = $1 AND role IN ($2, $3)",
    )
    .bind(community.as_str())
    .bind(RoleKind::Coordinator.code())
    .bind(RoleKind::Referent.code())
    .fetch_all(db)
    .await?;
    Ok(ids.into_iter().map(PersonId).collect())
}

/// Every coordinator and referent.
pub async fn leads(db: &Db) -> Result<Vec<PersonId>, AppError> {
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT person_id FROM roles WHERE role IN ($1, $2)")
            .bind(RoleKind::Coordinator.code())
            .bind(RoleKind::Referent.code())
            .fetch_all(db)
            .await?;
    Ok(ids.into_iter().map(PersonId).collect())
}

/// The members of the validating bodies (the CNER table, the Cabina di Regia).
pub async fn validators(db: &Db) -> Result<Vec<PersonId>, AppError> {
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT person_id FROM roles WHERE role IN ($1, $2)")
            .bind(RoleKind::Cner.code())
            .bind(RoleKind::CabinaDiRegia.code())
            .fetch_all(db)
            .await?;
    Ok(ids.into_iter().map(PersonId).collect())
}

/// Everyone with an account.
pub async fn everyone(db: &Db) -> Result<Vec<PersonId>, AppError> {
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM people WHERE deleted_at IS NULL")
        .fetch_all(db)
        .await?;
    Ok(ids.into_iter().map(PersonId).collect())
}

/// The people a meeting for `audience` is for.
pub async fn of_meeting(db: &Db, audience: &Audience) -> Result<Vec<PersonId>, AppError> {
    match audience {
        Audience::Everyone => everyone(db).await,
        Audience::Communities(communities) => of_communities(db, communities).await,
        Audience::Leads => leads(db).await,
    }
}

/// The community an event about `communities` is filed under: the one, when there is one.
pub fn single(communities: &[CommunitySlug]) -> Option<CommunitySlug> {
    match communities {
        [one] => Some(one.clone()),
        _ => None,
    }
}
