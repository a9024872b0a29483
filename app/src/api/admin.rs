//! Regional staff's tools: roles, bodies named at signup, and the signups.

use leptos::prelude::*;

use crate::domain::audit::AuditPage;
use crate::domain::ente::EnteOption;
use crate::domain::role::RoleHolder;
use crate::domain::signup::SignupRow;
use crate::error::AppError;

/// Everyone holding a role.
#[server]
pub async fn role_holders() -> Result<Vec<RoleHolder>, AppError> {
    use crate::server::{admin, state::app_state};
    admin::role_holders(&app_state()?).await
}

/// Gives the person with `email` the role `ruolo` (in `comunita`, for community roles).
#[server]
pub async fn assign_role(
    email: String,
    ruolo: String,
    #[server(default)] comunita: String,
) -> Result<(), AppError> {
    use crate::server::{admin, state::app_state};
    let role = admin::parse_role(&ruolo, &comunita)?;
    admin::assign_role(&app_state()?, &email, &role).await
}

/// Takes the role `ruolo` (in `comunita`) away from person `persona`.
#[server]
pub async fn revoke_role(
    persona: String,
    ruolo: String,
    #[server(default)] comunita: String,
) -> Result<(), AppError> {
    use crate::server::{admin, state::app_state};
    let role = admin::parse_role(&ruolo, &comunita)?;
    admin::revoke_role(&app_state()?, &persona, &role).await
}

/// The bodies named at signup and not validated yet, with how many people named each.
#[server]
pub async fn pending_enti() -> Result<Vec<(EnteOption, i64)>, AppError> {
    use crate::server::{admin, state::app_state};
    admin::pending_enti(&app_state()?).await
}

/// Accepts a pending body into the registry.
#[server]
pub async fn validate_ente(codice: String) -> Result<(), AppError> {
    use crate::server::{admin, state::app_state};
    admin::validate_ente(&app_state()?, &codice).await
}

/// Moves the people of pending body `codice` to the registered body named `destinazione`, and
/// removes `codice`.
#[server]
pub async fn merge_ente(codice: String, destinazione: String) -> Result<(), AppError> {
    use crate::server::{admin, state::app_state};
    admin::merge_ente(&app_state()?, &codice, &destinazione).await
}

/// The signups of community `comunita`, or all of them when it is empty.
#[server]
pub async fn list_signups(#[server(default)] comunita: String) -> Result<Vec<SignupRow>, AppError> {
    use crate::server::{admin, state::app_state};
    admin::signups(&app_state()?, &comunita).await
}

/// One page (`pagina`) of the audit log, filtered by action `azione`, actor `chi` (part of a
/// name or email) and Italian days `dal` to `al`.
#[server]
pub async fn audit_log(
    #[server(default)] azione: String,
    #[server(default)] chi: String,
    #[server(default)] dal: String,
    #[server(default)] al: String,
    #[server(default)] pagina: u32,
) -> Result<AuditPage, AppError> {
    use crate::domain::audit::AuditQuery;
    use crate::server::{audit, state::app_state};
    let query = AuditQuery {
        azione,
        chi,
        dal,
        al,
        pagina,
    };
    audit::page(&app_state()?, &query).await
}
