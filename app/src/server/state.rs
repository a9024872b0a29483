//! The state every request handler and server function can reach.

use axum::extract::FromRef;
use leptos::prelude::*;

use std::sync::Arc;

use super::board::hub::Hub;
use super::db::Db;
use super::notifications::bells::Bells;
use super::page_cache::PageCache;
use super::settings::Settings;
use crate::error::AppError;
use crate::server::failure::Context;

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
    /// Pages rendered for visitors, served again for a moment.
    pub pages: PageCache,
}

/// The state provided to server functions and rendering by the router.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().context("reading AppState from the reactive context")
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
