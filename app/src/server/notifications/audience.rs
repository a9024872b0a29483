//! Who an event concerns: the members of communities, their coordinators and referents, or
//! everyone with an account.

use crate::domain::community::CommunitySlug;
use crate::domain::meeting::Audience;
use crate::domain::person::PersonId;
use crate::domain::role::RoleKind;
use crate::error::AppError;
use crate::server::db::{self, Db};

/// The members, coordinators and referents of `communities`.
pub async fn of_communities(
    db: &Db,
    communities: &[CommunitySlug],
) -> Result<Vec<PersonId>, AppError> {
    let mut people = Vec::new();
    for community in communities {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT person_id FROM signups WHERE community_slug = $1 \
             UNION SELECT person_id FROM roles WHERE community_slug = $1",
        )
        .bind(community.as_str())
        .fetch_all(db)
        .await?;
        people.extend(ids.into_iter().map(PersonId));
    }
    Ok(people)
}

/// Coordinators and referents.
pub const LEADS: &[RoleKind] = &[RoleKind::Coordinator, RoleKind::Referent];
/// The members of the validating bodies (the CNER table, the Cabina di Regia).
pub const VALIDATORS: &[RoleKind] = &[RoleKind::Cner, RoleKind::CabinaDiRegia];

/// The people holding one of the roles `kinds`, of `community` when one is given.
pub async fn holding(
    db: &Db,
    kinds: &[RoleKind],
    community: Option<&CommunitySlug>,
) -> Result<Vec<PersonId>, AppError> {
    Ok(db::roles::holders(db)
        .await?
        .into_iter()
        .filter(|holder| kinds.contains(&holder.role.kind))
        .filter(|holder| community.is_none_or(|c| holder.role.community.as_ref() == Some(c)))
        .map(|holder| holder.person_id)
        .collect())
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
        Audience::Leads => holding(db, LEADS, None).await,
    }
}

/// The community an event about `communities` is filed under: the one, when there is one.
pub fn single(communities: &[CommunitySlug]) -> Option<CommunitySlug> {
    match communities {
        [one] => Some(one.clone()),
        _ => None,
    }
}
