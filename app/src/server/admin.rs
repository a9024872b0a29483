//! What regional staff do: roles, pending bodies, signups.

use super::audit::entry;
use super::auth::{authorize, permit, sessions};
use super::clock::rfc3339_now;
use super::db::{self, audit};
use super::state::AppState;
use crate::domain::audit::AuditAction;
use crate::domain::community::CommunitySlug;
use crate::domain::ente::{EnteOption, resolve};
use crate::domain::person::{Email, PersonId};
use crate::domain::policy::Action;
use crate::domain::role::{Role, RoleHolder, RoleKind, Viewer};
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

/// Everyone holding a role.
#[tracing::instrument(skip_all)]
pub async fn role_holders(state: &AppState) -> Result<Vec<RoleHolder>, AppError> {
    authorize(state, &Action::ManageRoles).await?;
    db::roles::holders(&state.db).await
}

/// Gives the person with `email` a role, recording it in the audit log.
#[tracing::instrument(skip_all, fields(role = %role_code(role)))]
pub async fn assign_role(state: &AppState, email: &str, role: &Role) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageRoles).await?;
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
    let mut tx = state.db.begin().await?;
    if db::roles::grant(&mut *tx, &person, role, &rfc3339_now()).await? {
        let granted = entry(
            state,
            &viewer.person_id,
            AuditAction::RoleGranted,
            &person.0,
        );
        audit::record(&mut tx, &granted.after(role_code(role))).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Takes a role away from a person, recording it in the audit log.
#[tracing::instrument(skip_all, fields(person = person, role = %role_code(role)))]
pub async fn revoke_role(state: &AppState, person: &str, role: &Role) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageRoles).await?;
    let mut tx = state.db.begin().await?;
    if !db::roles::revoke(&mut *tx, &PersonId(person.to_owned()), role).await? {
        return Err(AppError::NotFound);
    }
    let revoked = entry(state, &viewer.person_id, AuditAction::RoleRevoked, person);
    audit::record(&mut tx, &revoked.before(role_code(role))).await?;
    tx.commit().await?;
    Ok(())
}

/// A role as the audit log keeps it: its kind's code, and `:community` for community roles.
pub fn role_code(role: &Role) -> String {
    match &role.community {
        Some(community) => format!("{}:{}", role.kind.code(), community.as_str()),
        None => role.kind.code().to_owned(),
    }
}

/// The signups of one community (`""`: all), for the signed-in person if they may see them.
pub async fn signups(state: &AppState, community: &str) -> Result<Vec<SignupRow>, AppError> {
    signups_for(state, sessions::current(state).await?, community).await
}

/// The signups of one community (`""`: all), for `viewer` (`None`: a visitor) if they may see
/// them; the CSV download names its viewer from the request's headers.
#[tracing::instrument(skip_all, fields(community = community))]
pub async fn signups_for(
    state: &AppState,
    viewer: Option<Viewer>,
    community: &str,
) -> Result<Vec<SignupRow>, AppError> {
    let community = match community {
        "" => None,
        slug => Some(CommunitySlug::parse(slug).map_err(|_| AppError::NotFound)?),
    };
    let action = match &community {
        Some(slug) => Action::ListMembers(slug.clone()),
        None => Action::ListAllSignups,
    };
    permit(viewer, &action)?;
    db::signups::list(&state.db, community.as_ref()).await
}

/// The bodies named at signup and not validated yet, with how many people named each.
#[tracing::instrument(skip_all)]
pub async fn pending_enti(state: &AppState) -> Result<Vec<(EnteOption, i64)>, AppError> {
    authorize(state, &Action::ManageEnti).await?;
    db::enti::pending(&state.db).await
}

/// Accepts pending body `code` into the registry, recording it in the audit log.
#[tracing::instrument(skip_all, fields(ente = code))]
pub async fn validate_ente(state: &AppState, code: &str) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageEnti).await?;
    let mut tx = state.db.begin().await?;
    if !db::enti::validate(&mut *tx, code).await? {
        return Err(AppError::NotFound);
    }
    let validated = entry(state, &viewer.person_id, AuditAction::EnteValidated, code);
    audit::record(&mut tx, &validated).await?;
    tx.commit().await?;
    Ok(())
}

/// Merges pending body `code` into the registered body named `target`, recording it in the
/// audit log.
#[tracing::instrument(skip_all, fields(ente = code))]
pub async fn merge_ente(state: &AppState, code: &str, target: &str) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageEnti).await?;
    let options = db::enti::options(&state.db).await?;
    let merged_name = options
        .iter()
        .find(|option| option.code == code)
        .map(|option| option.name.clone())
        .unwrap_or_default();
    let registered: Vec<_> = options.into_iter().filter(|o| !o.pending).collect();
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
    let merged = entry(state, &viewer.person_id, AuditAction::EnteMerged, code)
        .before(format!("{code} {merged_name}"))
        .after(format!("{} {}", target.code, target.name));
    if db::enti::merge(&state.db, code, &target.code, &merged).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
