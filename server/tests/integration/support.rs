//! Fresh databases for tests, the application over one, requests to it, and the people and
//! boards the tests share.

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};

use app::api::account::LogIn;
use app::api::review::RecordDecision;
use app::domain::community::CommunitySlug;
use app::domain::cycle::Phase;
use app::domain::role::{Role, RoleKind};
use app::server::db::{self, Db, plans::Saved};
use app::server::seed;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
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

pub fn unique_suffix() -> String {
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
    /// The body as sent, for files that are not text.
    pub bytes: Vec<u8>,
}

impl Page {
    /// The value of header `name`, if present and readable.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)?.to_str().ok()
    }

    /// The session token the response set, if any.
    pub fn session(&self) -> Option<String> {
        self.cookie("comtem_session")
    }

    /// The value the response set for cookie `name` (with or without the `__Host-` prefix).
    pub fn cookie(&self, name: &str) -> Option<String> {
        let prefix = format!("{name}=");
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .map(|cookie| cookie.strip_prefix("__Host-").unwrap_or(cookie))
            .filter_map(|cookie| cookie.strip_prefix(prefix.as_str()))
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
                bells: Default::default(),
                pages: Default::default(),
            },
        }
    }

    /// A `Cookie` header value that sends `value` as cookie `base` (named as these settings
    /// name it).
    pub fn cookie(&self, base: &str, value: &str) -> String {
        let name = app::server::request::cookie_name(&self.state.settings, base);
        format!("{name}={value}")
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
            bytes: bytes.to_vec(),
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
        let cookie = self.cookie("comtem_session", session);
        self.get(uri, &[("cookie", &cookie)]).await
    }

    /// Calls server function `F` as a same-site page would (with `session`, if any).
    pub async fn call<F>(&self, args: &F, session: Option<&str>) -> Page
    where
        F: leptos::server_fn::ServerFn + serde::Serialize,
    {
        let body = serde_qs::to_string(args).unwrap();
        self.post(F::PATH, "application/x-www-form-urlencoded", body, session)
            .await
    }

    /// Calls server function `F` as a same-site page would, sending the `cookies` header.
    pub async fn call_with_cookies<F>(&self, args: &F, cookies: &str) -> Page
    where
        F: leptos::server_fn::ServerFn + serde::Serialize,
    {
        self.call_with(args, &[("cookie", cookies)]).await
    }

    /// Calls server function `F` as a same-site page would, with extra `headers`.
    pub async fn call_with<F>(&self, args: &F, headers: &[(&str, &str)]) -> Page
    where
        F: leptos::server_fn::ServerFn + serde::Serialize,
    {
        let request = headers.iter().fold(
            axum::http::Request::post(F::PATH)
                .header("host", "comtem.test")
                .header("origin", "http://comtem.test")
                .header("content-type", "application/x-www-form-urlencoded"),
            |request, (name, value)| request.header(*name, *value),
        );
        let body = axum::body::Body::from(serde_qs::to_string(args).unwrap());
        self.send(request.body(body).unwrap()).await
    }

    /// Calls server function `F`, which takes JSON, as a same-site page would.
    pub async fn call_json<F>(&self, args: &F, session: Option<&str>) -> Page
    where
        F: leptos::server_fn::ServerFn + serde::Serialize,
    {
        let body = serde_json::to_string(args).unwrap();
        self.post(F::PATH, "application/json", body, session).await
    }

    /// A same-site POST of `body` to `path`, with `session`, if any.
    async fn post(
        &self,
        path: &str,
        content_type: &str,
        body: String,
        session: Option<&str>,
    ) -> Page {
        let mut request = axum::http::Request::post(path)
            .header("host", "comtem.test")
            .header("origin", "http://comtem.test")
            .header("content-type", content_type);
        if let Some(session) = session {
            request = request.header("cookie", self.cookie("comtem_session", session));
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
        communities: communities.iter().map(|text| slug(text)).collect(),
        password: None,
    };
    let hash = app::server::auth::passwords::hash_now(PASSWORD).unwrap();
    db::people::enrol(db, &signup, "037006", Some(&hash), SIGNED_UP, None)
        .await
        .unwrap()
        .person
}

/// The password of people made with [`person`].
pub const PASSWORD: &str = "una password lunga";

/// When people made with [`person`] signed up and got their roles.
const SIGNED_UP: &str = "2024-05-06T10:00:00Z";

/// Logs in through the router; the session.
pub async fn log_in(app: &TestApp, email: &str, password: &str) -> String {
    let login = LogIn {
        email: email.to_owned(),
        password: password.to_owned(),
        next: String::new(),
    };
    app.call(&login, None).await.session().expect("logged in")
}

/// Signs up `name` (first and last) to `communities` with `role`, if any, and logs them in;
/// the session.
pub async fn logged_in(
    app: &TestApp,
    name: &str,
    communities: &[&str],
    role: Option<Role>,
) -> String {
    let db = &app.state.db;
    let email = format!("{}@comune.it", name.to_lowercase().replace(' ', "."));
    let id = person(db, &email, communities).await;
    let (first, last) = name.split_once(' ').expect("first and last name");
    db::people::update_details(db, &id, first, last, "Istruttrice")
        .await
        .unwrap();
    if let Some(role) = role {
        db::roles::grant(db, &id, &role, SIGNED_UP).await.unwrap();
    }
    log_in(app, &email, PASSWORD).await
}

/// A coordinator or referent (`kind`) of `community`, who also belongs to it, logged in.
pub async fn lead(app: &TestApp, name: &str, kind: RoleKind, community: &str) -> String {
    let role = Role::in_community(kind, slug(community));
    logged_in(app, name, &[community], Some(role)).await
}

/// Regional staff, member of no community, logged in.
pub async fn admin(app: &TestApp) -> String {
    let role = Role::global(RoleKind::Admin);
    logged_in(app, "Giulia Ferri", &[], Some(role)).await
}

/// The value a server function answered with, after checking it answered `200`.
pub fn ok<T: DeserializeOwned>(page: &Page) -> T {
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    serde_json::from_str(&page.body).unwrap_or_else(|error| panic!("{error}: {}", page.body))
}

/// The community `text` names, known to be a valid slug.
pub fn slug(text: &str) -> CommunitySlug {
    CommunitySlug::parse(text).unwrap()
}

/// The year of the board [`open_board`] opens.
pub const BOARD_YEAR: i32 = 2024;

/// Opens the cycle of [`BOARD_YEAR`] with every demo plan saved as version 1, and moves it on
/// to `phase`.
pub async fn open_board(db: &Db, phase: Phase) {
    let now = "2024-05-13T07:00:00Z";
    let deadlines = [(Phase::CrossReading, "2024-05-14".to_owned())];
    assert!(
        db::cycles::open(db, BOARD_YEAR, &deadlines, now)
            .await
            .unwrap()
    );
    for (slug, plan) in app::server::demo::plans::plans().unwrap() {
        let saved = db::plans::save(db, BOARD_YEAR, &slug, 0, &plan, None, now).await;
        assert_eq!(saved.unwrap(), Saved::Yes);
    }
    for from in Phase::ALL.iter().take_while(|p| **p < phase) {
        assert!(
            db::cycles::advance(db, BOARD_YEAR, *from, now)
                .await
                .unwrap()
        );
    }
}

/// A decision recorded by regional staff, at a meeting held today: the CNER table's on the plan
/// of `community`, or the Cabina di Regia's on the general plan when `community` is empty.
pub fn decision(
    year: i32,
    community: &str,
    outcome: &str,
    changes: &str,
    until: &str,
) -> RecordDecision {
    RecordDecision {
        anno: year,
        comunita: community.into(),
        esito: outcome.into(),
        richieste: changes.into(),
        riunione: app::server::clock::italian_today(),
        verbale: "Seduta del tavolo: presenti i membri.".into(),
        revisione_entro: until.into(),
    }
}

/// Takes the cycle of `year` out of validation the one way there is: regional staff (`staff`)
/// record the CNER table validating every plan, then the Cabina di Regia approving.
pub async fn approve(app: &TestApp, staff: &str, year: i32) {
    for community in db::communities::list(&app.state.db).await.unwrap() {
        let args = decision(year, community.slug.as_str(), "validato", "", "");
        let _: () = ok(&app.call(&args, Some(staff)).await);
    }
    let _: () = ok(&app
        .call(&decision(year, "", "approvato", "", ""), Some(staff))
        .await);
}

/// What someone was told: done, asked to log in, or refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Told {
    Done,
    Login,
    Refused,
}

/// What `page` told: `200` done, `401` asked to log in, `403` refused; anything else fails.
pub fn told(page: &Page) -> Told {
    match (page.status, page.error()) {
        (StatusCode::OK, _) => Told::Done,
        (StatusCode::UNAUTHORIZED, Some(app::error::AppError::LoginRequired)) => Told::Login,
        (StatusCode::FORBIDDEN, Some(app::error::AppError::Forbidden)) => Told::Refused,
        (status, _) => panic!("unexpected answer {status}: {}", page.body),
    }
}
