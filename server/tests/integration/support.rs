//! Fresh databases for tests, and a request helper for the router.

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};

use app::server::db::{self, Db};
use app::server::seed;
use sqlx::{Connection, Executor};

/// Where the PostgreSQL suite connects to create its databases.
const DEFAULT_POSTGRES_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

static NEXT: AtomicU32 = AtomicU32::new(0);

/// A migrated, seeded database that exists for one test only.
pub struct TestDb {
    db: Db,
    cleanup: Cleanup,
}

enum Cleanup {
    SqliteFile(std::path::PathBuf),
    PostgresDatabase { admin_url: String, name: String },
}

impl TestDb {
    /// A new SQLite file in the temporary directory.
    pub async fn sqlite() -> Self {
        let path = std::env::temp_dir().join(format!("comtem-test-{}.db", unique_suffix()));
        let db = open_seeded(&format!("sqlite:{}?mode=rwc", path.display())).await;
        Self {
            db,
            cleanup: Cleanup::SqliteFile(path),
        }
    }

    /// A new database on the PostgreSQL server of `COMTEM_TEST_POSTGRES_URL` (default: local).
    pub async fn postgres() -> Self {
        sqlx::any::install_default_drivers();
        let admin_url = std::env::var("COMTEM_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| DEFAULT_POSTGRES_ADMIN_URL.to_owned());
        let name = format!("comtem_test_{}", unique_suffix());
        let mut admin = sqlx::AnyConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|error| panic!("PostgreSQL not reachable at {admin_url}: {error}"));
        admin
            .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .expect("create test database");
        let (base, _) = admin_url
            .rsplit_once('/')
            .expect("URL with a database path");
        let db = open_seeded(&format!("{base}/{name}")).await;
        Self {
            db,
            cleanup: Cleanup::PostgresDatabase { admin_url, name },
        }
    }

    /// Runs `test` against the database, then removes the database.
    pub async fn run<F, Fut>(self, test: F)
    where
        F: FnOnce(Db) -> Fut,
        Fut: Future<Output = ()>,
    {
        test(self.db.clone()).await;
        self.db.close().await;
        match self.cleanup {
            Cleanup::SqliteFile(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::PostgresDatabase { admin_url, name } => {
                let mut admin = sqlx::AnyConnection::connect(&admin_url)
                    .await
                    .expect("reconnect");
                admin
                    .execute(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE {name} WITH (FORCE)"
                    )))
                    .await
                    .expect("drop");
            }
        }
    }
}

async fn open_seeded(url: &str) -> Db {
    let db = db::open(url)
        .await
        .unwrap_or_else(|error| panic!("open {url}: {error}"));
    seed::load_if_empty(&db).await.expect("seed");
    db
}

fn unique_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{}_{}_{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// A response reduced to what the router tests look at.
pub struct Page {
    pub status: axum::http::StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

/// Sends one GET through the whole router, as the server would serve it.
pub async fn get(db: &Db, uri: &str, headers: &[(&str, &str)]) -> Page {
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let options = leptos::config::LeptosOptions::builder()
        .output_name("comtem")
        .site_root("target/site")
        .build();
    let state = app::server::state::AppState {
        db: db.clone(),
        leptos_options: options,
    };
    let request = headers
        .iter()
        .fold(axum::http::Request::get(uri), |request, (name, value)| {
            request.header(*name, *value)
        })
        .body(axum::body::Body::empty())
        .unwrap();
    let response = comtem::router::router(state)
        .oneshot(request)
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    Page {
        status: parts.status,
        headers: parts.headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}
