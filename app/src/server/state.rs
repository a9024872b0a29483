//! The state every request handler and server function can reach.

use axum::extract::FromRef;
use leptos::prelude::*;

use std::sync::Arc;

use super::board::hub::Hub;
use super::db::Db;
use super::notifications::bells::Bells;
use super::settings::Settings;
use crate::error::AppError;

/// Shared application state, cloned cheaply into each request.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub leptos_options: LeptosOptions,
    pub settings: Arc<Settings>,
    /// The live board's broadcast.
    pub hub: Hub,
    /// Whose notifications changed, for the header's bell.
    pub bells: Bells,
}

/// The state provided to server functions and rendering by the router.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the reactive context");
        AppError::Internal
    })
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
