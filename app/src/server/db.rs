//! Storage: one sqlx `Any` pool, an embedded SQLite file by default or PostgreSQL, chosen by URL.
//! Queries use `$1` placeholders and portable SQL so one code path serves both engines.

pub mod accessibility;
pub mod audit;
pub mod board;
pub mod communities;
pub mod cycles;
pub mod enti;
pub mod erasure;
pub mod general_plans;
pub mod login_links;
pub mod meetings;
pub mod news;
pub mod notifications;
pub mod numbers;
pub mod outbox;
pub mod pending_signups;
pub mod people;
pub mod personal_data;
pub mod photos;
pub mod plans;
pub mod retention;
pub mod reviews;
pub mod roles;
pub mod sessions;
pub mod signups;
pub mod tallies;
pub mod throttle;

use sqlx::any::AnyPoolOptions;
use sqlx::{Executor, migrate::Migrator};

use crate::error::AppError;

/// The connection pool handed to repositories.
pub type Db = sqlx::AnyPool;

/// How long a request waits for a free connection (and start-up for a first one) before failing.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

static MIGRATOR: Migrator = sqlx::migrate!("../migrations");

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("DATABASE_URL must start with sqlite: or postgres://, got {0:?}")]
    UnsupportedUrl(String),
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[source] sqlx::migrate::MigrateError),
    #[error("cannot make the audit log append-only: {0}")]
    AuditGuard(#[source] sqlx::Error),
}

/// Connects to `url`, tunes SQLite for durability, and applies pending migrations.
pub async fn open(url: &str) -> Result<Db, OpenError> {
    sqlx::any::install_default_drivers();
    let is_sqlite = url.starts_with("sqlite:");
    let is_postgres = url.starts_with("postgres://") || url.starts_with("postgresql://");
    if !is_sqlite && !is_postgres {
        return Err(OpenError::UnsupportedUrl(url.to_owned()));
    }
    let db = AnyPoolOptions::new()
        .max_connections(if is_sqlite { 8 } else { 16 })
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if is_sqlite {
                    for pragma in SQLITE_PRAGMAS {
                        conn.execute(*pragma).await?;
                    }
                }
                Ok(())
            })
        })
        .connect(url)
        .await
        .map_err(OpenError::Connect)?;
    MIGRATOR.run(&db).await.map_err(OpenError::Migrate)?;
    audit::refuse_changes(&db, is_postgres)
        .await
        .map_err(OpenError::AuditGuard)?;
    Ok(db)
}

/// Write-ahead log, a full sync on commit, and waiting (not failing) when another writer holds the lock.
const SQLITE_PRAGMAS: &[&str] = &[
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA foreign_keys = ON",
];

/// Whether the database answers a trivial query.
pub async fn is_healthy(db: &Db) -> bool {
    sqlx::query("SELECT 1").execute(db).await.is_ok()
}

/// A database error, logged here, once, with its cause: the span of the service that ran the
/// query (`#[tracing::instrument]`) says which step it was.
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        if is_outage(&error) {
            tracing::warn!(%error, "database unavailable");
            AppError::TemporarilyUnavailable
        } else {
            tracing::error!(%error, "database error");
            AppError::Internal
        }
    }
}

/// Whether `error` says the database cannot be reached now (down, restarting, the pool
/// exhausted) rather than that a query is wrong: the pool reconnects once it is back.
pub fn is_outage(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => true,
        // PostgreSQL's connection exceptions (08) and operator intervention (57P: shutdown,
        // restart).
        sqlx::Error::Database(database) => database
            .code()
            .is_some_and(|code| code.starts_with("08") || code.starts_with("57P")),
        _ => false,
    }
}
