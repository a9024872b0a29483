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

impl Page {
    /// The session token the response set, if any.
    pub fn session(&self) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .filter_map(|cookie| cookie.strip_prefix("comtem_session="))
            .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
            .find(|token| !token.is_empty())
    }

    /// Where the response redirects to.
    pub fn location(&self) -> &str {
        self.headers
            .get("location")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }

    /// The server function's error, if the body is one.
    pub fn error(&self) -> Option<app::error::AppError> {
        serde_json::from_str(&self.body).ok()
    }
}

/// The whole application over one database, as the server would serve it.
#[derive(Clone)]
pub struct TestApp {
    pub state: app::server::state::AppState,
}

impl TestApp {
    /// The application with default settings.
    pub fn new(db: &Db) -> Self {
        Self::with_settings(db, app::server::settings::Settings::default())
    }

    /// The application with the given settings.
    pub fn with_settings(db: &Db, settings: app::server::settings::Settings) -> Self {
        let options = leptos::config::LeptosOptions::builder()
            .output_name("comtem")
            .site_root("target/site")
            .build();
        Self {
            state: app::server::state::AppState {
                db: db.clone(),
                leptos_options: options,
                settings: std::sync::Arc::new(settings),
                hub: app::server::board::hub::Hub::start(db.clone(), None),
            },
        }
    }

    /// Sends a request through the whole router.
    pub async fn send(&self, request: axum::http::Request<axum::body::Body>) -> Page {
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let response = comtem::router::router(self.state.clone())
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

    /// A GET with extra headers.
    pub async fn get(&self, uri: &str, headers: &[(&str, &str)]) -> Page {
        let request = headers
            .iter()
            .fold(axum::http::Request::get(uri), |request, (name, value)| {
                request.header(*name, *value)
            })
            .body(axum::body::Body::empty())
            .unwrap();
        self.send(request).await
    }

    /// A GET as the holder of `session`.
    pub async fn get_as(&self, uri: &str, session: &str) -> Page {
        let cookie = format!("comtem_session={session}");
        self.get(uri, &[("cookie", &cookie)]).await
    }

    /// Calls server function `F` as a same-site page would (with `session`, if any).
    pub async fn call<F>(&self, args: &F, session: Option<&str>) -> Page
    where
        F: leptos::server_fn::ServerFn + serde::Serialize,
    {
        let body = serde_qs::to_string(args).unwrap();
        let mut request = axum::http::Request::post(F::PATH)
            .header("host", "comtem.test")
            .header("origin", "http://comtem.test")
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(session) = session {
            request = request.header("cookie", format!("comtem_session={session}"));
        }
        self.send(request.body(axum::body::Body::from(body)).unwrap())
            .await
    }
}

/// Sends one GET through the whole router, as the server would serve it.
pub async fn get(db: &Db, uri: &str, headers: &[(&str, &str)]) -> Page {
    TestApp::new(db).get(uri, headers).await
}

/// Signs up a person with `email` (and the demo password) to `communities`, directly in storage.
pub async fn person(db: &Db, email: &str, communities: &[&str]) -> app::domain::person::PersonId {
    use app::domain::community::CommunitySlug;
    use app::domain::person::Email;
    use app::domain::signup_form::{EnteChoice, Signup};
    let signup = Signup {
        first_name: "Ada".to_owned(),
        last_name: "Rossi".to_owned(),
        email: Email::parse(email).unwrap(),
        ente: EnteChoice::Registered {
            code: "037006".to_owned(),
            name: String::new(),
        },
        job_title: "Istruttrice".to_owned(),
        communities: communities
            .iter()
            .map(|slug| CommunitySlug::parse(slug).unwrap())
            .collect(),
        password: None,
    };
    let hash = app::server::auth::passwords::hash_now(PASSWORD).unwrap();
    db::people::enrol(
        db,
        &signup,
        "037006",
        Some(&hash),
        "2024-05-06T10:00:00Z",
        None,
    )
    .await
    .unwrap()
    .person
}

/// The password of people made with [`person`].
pub const PASSWORD: &str = "una password lunga";
