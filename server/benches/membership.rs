//! Membership benchmark: the cost of an argon2id password hash, and signup throughput through
//! the whole router, each next to a baseline measured in the same run on the same machine.
//!
//! `cargo bench -p comtem --bench membership` (SQLite in a temporary file; PostgreSQL too when
//! `COMTEM_TEST_POSTGRES_URL`, default the local server, answers).

use std::time::{Duration, Instant};

use app::server::auth::passwords::hash_now;
use app::server::db;
use app::server::settings::{Limits, Settings};
use app::server::state::AppState;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use sqlx::{Connection, Executor};
use tower::ServiceExt;

#[path = "shared/signup.rs"]
mod signup;
#[path = "shared/state.rs"]
mod state;

use signup::signup_request;
use state::app_state;

const CONCURRENCY: usize = 8;

#[tokio::main]
async fn main() {
    argon2_against_a_commit().await;
    let sqlite = std::env::temp_dir().join(format!("comtem-bench-{}.db", std::process::id()));
    throughput("SQLite", &format!("sqlite:{}?mode=rwc", sqlite.display())).await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", sqlite.display()));
    }
    let admin = std::env::var("COMTEM_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    sqlx::any::install_default_drivers();
    match sqlx::AnyConnection::connect(&admin).await {
        Ok(mut conn) => {
            let name = format!("comtem_bench_{}", std::process::id());
            conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .await
                .unwrap();
            let (base, _) = admin.rsplit_once('/').unwrap();
            throughput("PostgreSQL", &format!("{base}/{name}")).await;
            conn.execute(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE {name} WITH (FORCE)"
            )))
            .await
            .unwrap();
        }
        Err(error) => println!("PostgreSQL skipped: {error}"),
    }
}

/// The median of `runs` timings of `work`.
async fn median<F, Fut>(runs: usize, mut work: F) -> Duration
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::with_capacity(runs);
    for run in 0..runs {
        let start = Instant::now();
        work(run).await;
        times.push(start.elapsed());
    }
    times.sort();
    times[runs / 2]
}

async fn argon2_against_a_commit() {
    let path = std::env::temp_dir().join(format!("comtem-bench-commit-{}.db", std::process::id()));
    let db = db::open(&format!("sqlite:{}?mode=rwc", path.display()))
        .await
        .unwrap();
    let commit = median(50, |run| {
        let db = db.clone();
        async move {
            sqlx::query("INSERT INTO throttle (key, window_start, attempts) VALUES ($1, 0, 1)")
                .bind(format!("bench-{run}"))
                .execute(&db)
                .await
                .unwrap();
        }
    })
    .await;
    db.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let hash = median(20, |_| async {
        hash_now("una frase lunga e mia").unwrap();
    })
    .await;
    println!("## argon2id (m=19 MiB, t=2, p=1), median of 20");
    println!(
        "hash: {:.1} ms; one SQLite commit (synchronous=FULL): {:.2} ms; ratio {:.0} commits per hash",
        ms(hash),
        ms(commit),
        hash.as_secs_f64() / commit.as_secs_f64()
    );
}

async fn throughput(engine: &str, url: &str) {
    let db = db::open(url).await.unwrap();
    app::server::seed::load_if_empty(&db).await.unwrap();
    let settings = Settings {
        limits: Limits::default().with_ip_attempts(1_000_000),
        ..Settings::default()
    };
    let state = app_state(&db, settings);
    println!("\n## {engine}: {CONCURRENCY} concurrent clients through the router");
    let health = rate(&state, 2000, |_| {
        Request::get("/healthz").body(Body::empty()).unwrap()
    })
    .await;
    println!("GET /healthz (baseline):          {health:8.0} requests/s");
    for (label, password, count) in [
        ("signup, login link (no hash)", "", 400),
        (
            "signup with a password (argon2)",
            "una frase lunga e mia",
            100,
        ),
    ] {
        let offset = if password.is_empty() { 0 } else { 1_000_000 };
        let signups = rate(&state, count, move |i| {
            let email = format!("persona{}@comune.it", i + offset);
            signup_request(&email, password, &["dati", "documenti"])
        })
        .await;
        println!(
            "{label:34}{signups:8.0} signups/s  (ratio to /healthz {:.4})",
            signups / health
        );
    }
    db.close().await;
}

/// Requests per second for `count` requests made by `CONCURRENCY` clients.
async fn rate(
    state: &AppState,
    count: usize,
    request: impl Fn(usize) -> Request<Body> + Clone + Send + 'static,
) -> f64 {
    let router = comtem::router::router(state.clone());
    let start = Instant::now();
    let mut clients = tokio::task::JoinSet::new();
    for client in 0..CONCURRENCY {
        let (router, request) = (router.clone(), request.clone());
        clients.spawn(async move {
            for i in (client..count).step_by(CONCURRENCY) {
                let response = router.clone().oneshot(request(i)).await.unwrap();
                assert!(response.status().is_success(), "{}", response.status());
                response.into_body().collect().await.unwrap();
            }
        });
    }
    while clients.join_next().await.is_some() {}
    count as f64 / start.elapsed().as_secs_f64()
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
