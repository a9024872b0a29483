//! The application's state over a benchmark's database.

use app::server::db::Db;
use app::server::settings::Settings;
use app::server::state::AppState;

/// The state the router serves `db` with, under `settings`.
pub fn app_state(db: &Db, settings: Settings) -> AppState {
    AppState {
        db: db.clone(),
        leptos_options: leptos::config::LeptosOptions::builder()
            .output_name("comtem")
            .build(),
        settings: std::sync::Arc::new(settings),
        hub: app::server::board::hub::Hub::start(db.clone(), None),
        bells: Default::default(),
        pages: Default::default(),
    }
}
