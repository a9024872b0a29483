//! Configuration, read once from the environment at start-up.

use leptos::config::{LeptosOptions, get_configuration};

/// Where the embedded database lives when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite:comtem.db?mode=rwc";

/// Everything the server needs to start.
pub struct Config {
    /// `DATABASE_URL`: `sqlite:<file>?mode=rwc` or `postgres://...`.
    pub database_url: String,
    /// Leptos settings; `LEPTOS_SITE_ADDR` chooses the listening address.
    pub leptos_options: LeptosOptions,
    /// `COMTEM_LOG_FORMAT=json` for one JSON object per log line.
    pub json_logs: bool,
}

/// Why the configuration could not be read.
#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {0}")]
pub struct ConfigError(String);

impl Config {
    /// Reads the configuration from the environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        let leptos_options = get_configuration(None)
            .map_err(|error| ConfigError(error.to_string()))?
            .leptos_options;
        Ok(Self {
            database_url: std::env::var("DATABASE_URL")
                .unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_owned()),
            leptos_options,
            json_logs: std::env::var("COMTEM_LOG_FORMAT").is_ok_and(|format| format == "json"),
        })
    }
}
