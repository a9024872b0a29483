//! Run-time settings of authentication, throttling and mail, with safe defaults.

use std::path::PathBuf;
use std::time::Duration;

/// At most `attempts` within `window_secs` seconds.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub attempts: i64,
    pub window_secs: i64,
}

/// How many signups, logins and link requests are allowed before a pause is asked for.
/// Per-IP limits are generous because a whole town hall may share one address.
#[derive(Clone, Debug)]
pub struct Limits {
    pub signup_per_ip: Limit,
    pub signup_per_account: Limit,
    pub login_per_ip: Limit,
    pub login_per_account: Limit,
    pub link_per_ip: Limit,
    pub link_per_account: Limit,
    /// Accessibility reports, which are mailed to regional staff.
    pub report_per_ip: Limit,
}

impl Limits {
    /// The same per-IP allowance for signup, login, link and accessibility-report requests,
    /// per 15 minutes.
    pub fn with_ip_attempts(self, attempts: i64) -> Self {
        let per_ip = Limit {
            attempts,
            window_secs: 15 * 60,
        };
        Self {
            signup_per_ip: per_ip,
            login_per_ip: per_ip,
            link_per_ip: per_ip,
            report_per_ip: per_ip,
            ..self
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        let quarter = |attempts| Limit {
            attempts,
            window_secs: 15 * 60,
        };
        Self {
            signup_per_ip: quarter(60),
            signup_per_account: quarter(30),
            login_per_ip: quarter(100),
            login_per_account: quarter(8),
            link_per_ip: quarter(30),
            link_per_account: quarter(3),
            report_per_ip: quarter(5),
        }
    }
}

/// Where outgoing email goes.
#[derive(Clone, Debug, Default)]
pub enum MailTransport {
    /// Nothing is delivered: the log names the recipient and subject (development only).
    #[default]
    Log,
    /// Written as one `.eml` file per message into a directory (local inspection).
    Directory(PathBuf),
    /// Delivered to an SMTP server.
    Smtp {
        /// `smtp://user:pass@host:587?tls=required`, `smtps://user:pass@host:465`, or
        /// `smtp://host:port` for a local relay.
        url: String,
        /// A PEM certificate to trust besides the public authorities (a private relay's).
        ca_file: Option<PathBuf>,
    },
}

/// How email is sent and retried.
#[derive(Clone, Debug)]
pub struct MailSettings {
    pub transport: MailTransport,
    /// The sender, as `Name <address>`.
    pub from: String,
    /// The wait before the first retry; each next wait doubles, up to `retry_max_secs`.
    pub retry_first_secs: i64,
    pub retry_max_secs: i64,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            transport: MailTransport::Log,
            from: "COMTem <noreply@comtem.localhost>".to_owned(),
            retry_first_secs: 5,
            retry_max_secs: 10 * 60,
        }
    }
}

/// Settings read once at start-up.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The address people reach the site at, used in links sent by email.
    pub public_url: String,
    /// Mark the session cookie `Secure` (everywhere but local development over plain HTTP).
    pub secure_cookies: bool,
    /// Take the client address from the last `X-Forwarded-For` hop (behind a reverse proxy).
    pub trust_proxy: bool,
    /// A session unused for this long ends.
    pub session_idle_secs: i64,
    /// A session ends this long after login, however active.
    pub session_absolute_secs: i64,
    pub limits: Limits,
    pub mail: MailSettings,
    /// How long a notification's own mail waits for it to be read in the application.
    pub notification_hold_secs: i64,
    pub live: LiveLimits,
}

/// What one live connection to the board may do.
#[derive(Clone, Debug)]
pub struct LiveLimits {
    /// How often the server re-checks the session and the role, whatever the client sends.
    pub recheck: Duration,
    /// A connection that sends nothing for this long is closed (browsers ping every 20 s).
    pub idle: Duration,
    /// Messages a connection may send per [`WINDOW`](super::read_budget::WINDOW); more ends it.
    pub messages: u32,
    /// Bytes a connection may send per [`WINDOW`](super::read_budget::WINDOW); more, one big message or many,
    /// closes it.
    pub bytes: usize,
    /// Connections one person may hold open on one instance.
    pub per_person: usize,
}

impl Default for LiveLimits {
    fn default() -> Self {
        Self {
            recheck: Duration::from_secs(30),
            idle: Duration::from_secs(60),
            messages: 40,
            bytes: 16 * 1024,
            per_person: 4,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:3000".to_owned(),
            secure_cookies: true,
            trust_proxy: false,
            session_idle_secs: 2 * 60 * 60,
            session_absolute_secs: 12 * 60 * 60,
            limits: Limits::default(),
            mail: MailSettings::default(),
            notification_hold_secs: 10 * 60,
            live: LiveLimits::default(),
        }
    }
}
