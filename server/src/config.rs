//! Configuration, read once from the environment at start-up.

use std::path::PathBuf;

use app::server::settings::{Limits, MailSettings, MailTransport, Settings};
use leptos::config::{LeptosOptions, get_configuration};

use crate::serve::ServeLimits;

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
    /// `COMTEM_DEMO=1` loads the demo accounts into an empty database.
    pub demo: bool,
    /// Authentication, throttling and mail settings.
    pub settings: Settings,
    /// `COMTEM_MAX_CONNECTIONS` (default 4096) and the connection timeouts.
    pub serve: ServeLimits,
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
        let flag = |name| var(name).is_some_and(|value| value == "1" || value == "true");
        let public_url = var("COMTEM_PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{}", leptos_options.site_addr))
            .trim_end_matches('/')
            .to_owned();
        let secure_cookies = match var("COMTEM_COOKIE_SECURE").as_deref() {
            None | Some("1" | "true") => true,
            Some("0" | "false") => false,
            Some(other) => {
                return Err(ConfigError(format!(
                    "COMTEM_COOKIE_SECURE must be true or false, got {other:?}"
                )));
            }
        };
        let limits = match var("COMTEM_IP_LIMIT") {
            None => Limits::default(),
            Some(text) => match text.parse::<i64>() {
                Ok(attempts) if attempts > 0 => Limits::default().with_ip_attempts(attempts),
                _ => {
                    return Err(ConfigError(format!(
                        "COMTEM_IP_LIMIT must be a positive number, got {text:?}"
                    )));
                }
            },
        };
        let notification_hold_secs = match var("COMTEM_NOTIFICATION_HOLD_SECS") {
            None => Settings::default().notification_hold_secs,
            Some(text) => text.parse().ok().filter(|secs| *secs >= 0).ok_or_else(|| {
                ConfigError(format!(
                    "COMTEM_NOTIFICATION_HOLD_SECS must be a number of seconds, got {text:?}"
                ))
            })?,
        };
        let max_connections = match var("COMTEM_MAX_CONNECTIONS") {
            None => ServeLimits::default().max_connections,
            Some(text) => text.parse().ok().filter(|max| *max > 0).ok_or_else(|| {
                ConfigError(format!(
                    "COMTEM_MAX_CONNECTIONS must be a positive number, got {text:?}"
                ))
            })?,
        };
        let demo = flag("COMTEM_DEMO");
        if demo && public_url.starts_with("https://") {
            return Err(ConfigError(format!(
                "COMTEM_DEMO=1 loads accounts with a published password: refused with \
                 COMTEM_PUBLIC_URL={public_url}"
            )));
        }
        let settings = Settings {
            limits,
            mail: mail_settings()?,
            public_url,
            secure_cookies,
            trust_proxy: flag("COMTEM_TRUST_PROXY"),
            notification_hold_secs,
            ..Settings::default()
        };
        Ok(Self {
            database_url: var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            leptos_options,
            json_logs: var("COMTEM_LOG_FORMAT").is_some_and(|format| format == "json"),
            demo,
            settings,
            serve: ServeLimits {
                max_connections,
                ..ServeLimits::default()
            },
        })
    }
}

/// `COMTEM_SMTP_URL` (with `COMTEM_MAIL_FROM` and, for a private relay, `COMTEM_SMTP_CA`), else
/// `COMTEM_MAIL_DIR`, else the log.
fn mail_settings() -> Result<MailSettings, ConfigError> {
    let transport = match (var("COMTEM_SMTP_URL"), var("COMTEM_MAIL_DIR")) {
        (Some(url), _) => MailTransport::Smtp {
            url,
            ca_file: var("COMTEM_SMTP_CA").map(PathBuf::from),
        },
        (None, Some(dir)) => MailTransport::Directory(PathBuf::from(dir)),
        (None, None) => MailTransport::Log,
    };
    let from = match (&transport, var("COMTEM_MAIL_FROM")) {
        (_, Some(from)) => from,
        (MailTransport::Smtp { .. }, None) => {
            return Err(ConfigError(
                "COMTEM_SMTP_URL needs COMTEM_MAIL_FROM, the sender (\"COMTem <noreply@example.it>\")"
                    .to_owned(),
            ));
        }
        (_, None) => MailSettings::default().from,
    };
    Ok(MailSettings {
        transport,
        from,
        ..MailSettings::default()
    })
}

/// The environment variable `name`, unless unset or empty.
fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}
