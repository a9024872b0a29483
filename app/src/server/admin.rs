//! What regional staff do: roles, pending bodies, signups.

use super::auth::authorize;
use super::clock::rfc3339_now;
use super::db;
use super::state::AppState;
use crate::domain::community::CommunitySlug;
use crate::domain::ente::resolve;
use crate::domain::person::{Email, PersonId};
use crate::domain::policy::Action;
use crate::domain::role::{Role, RoleKind};
use crate::domain::signup::SignupRow;
use crate::domain::validation::Problem;
use crate::error::AppError;

/// Parses a role as the admin forms send it: a kind code and, for community roles, a slug.
pub fn parse_role(kind: &str, community: &str) -> Result<Role, AppError> {
    let kind = RoleKind::parse(kind)
        .ok_or_else(|| AppError::invalid_field("ruolo", Problem::UnknownChoice))?;
    let community = match community {
        "" => None,
        slug => Some(
            CommunitySlug::parse(slug)
                .map_err(|_| AppError::invalid_field("comunita", Problem::UnknownCommunity))?,
        ),
    };
    let role = Role { kind, community };
    if role.is_well_formed() {
        Ok(role)
    } else if kind.is_per_community() {
        Err(AppError::invalid_field("comunita", Problem::Required))
    } else {
        Err(AppError::invalid_field("comunita", Problem::UnknownChoice))
    }
}

/// Gives the person with `email` a role.
pub async fn assign_role(state: &AppState, email: &str, role: &Role) -> Result<(), AppError> {
    authorize(state, &Action::ManageRoles).await?;
    let email = Email::parse(email).map_err(|problem| AppError::invalid_field("email", problem))?;
    let Some((person, _)) = db::people::credentials(&state.db, &email).await? else {
        return Err(AppError::invalid_field("email", Problem::UnknownChoice));
    };
    if let Some(community) = &role.community
        && db::communities::find(&state.db, community).await?.is_none()
    {
        return Err(AppError::invalid_field(
            "comunita",
            Problem::UnknownCommunity,
        ));
    }
    db::roles::grant(&state.db, &person, role, &rfc3339_now()).await?;
    Ok(())
}

/// Takes a role away from a person.
pub async fn revoke_role(state: &AppState, person: &str, role: &Role) -> Result<(), AppError> {
    authorize(state, &Action::ManageRoles).await?;
    if db::roles::revoke(&state.db, &PersonId(person.to_owned()), role).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The signups of one community (`""`: all), for those allowed to see them.
pub async fn signups(state: &AppState, community: &str) -> Result<Vec<SignupRow>, AppError> {
    let community = match community {
        "" => None,
        slug => Some(CommunitySlug::parse(slug).map_err(|_| AppError::NotFound)?),
    };
    let action = match &community {
        Some(slug) => Action::ListMembers(slug.clone()),
        None => Action::ListAllSignups,
    };
    authorize(state, &action).await?;
    db::signups::list(&state.db, community.as_ref()).await
}

/// Merges pending body `code` into the registered body named `target`.
pub async fn merge_ente(state: &AppState, code: &str, target: &str) -> Result<(), AppError> {
    authorize(state, &Action::ManageEnti).await?;
    let registered: Vec<_> = db::enti::options(&state.db)
        .await?
        .into_iter()
        .filter(|option| !option.pending)
        .collect();
    let target = resolve(&registered, target).map_err(|matches| {
        AppError::invalid_field(
            "destinazione",
            if matches.is_empty() {
                Problem::UnknownEnte
            } else {
                Problem::AmbiguousEnte(matches.into_iter().map(|o| (o.code, o.name)).collect())
            },
        )
    })?;
    if db::enti::merge(&state.db, code, &target.code).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
