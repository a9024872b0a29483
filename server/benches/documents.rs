//! General plan documents benchmark: the PDF and the ODT of the demo general plan (ten plans)
//! built (the kept copy removed before each run: first in the process, then again with
//! typst's memoized layout warm) and served from the kept copy, next to the render of a plan
//! page and of the general plan page, all through the whole router in the same run, on SQLite.
//!
//! `CARGO_TARGET_DIR=target/bench cargo bench -p comtem --bench documents [-- runs]`

use std::time::{Duration, Instant};

use app::api::account::LogIn;
use app::api::general_plan::SaveGeneralPlan;
use app::server::db::{self, Db};
use app::server::demo::{self, DEMO_PASSWORD};
use app::server::settings::Settings;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use leptos::server_fn::ServerFn;
use tower::ServiceExt;

#[path = "shared/state.rs"]
mod state;

#[tokio::main]
async fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let path = std::env::temp_dir().join(format!("comtem-documents-{}.db", std::process::id()));
    let db = db::open(&format!("sqlite:{}?mode=rwc", path.display()))
        .await
        .unwrap();
    app::server::seed::load_if_empty(&db).await.unwrap();
    assert!(demo::load_if_empty(&db).await.unwrap());
    let bench = Bench {
        state: state::app_state(&db, Settings::default()),
        db: db.clone(),
        session: String::new(),
    };
    let bench = Bench {
        session: bench.log_in("admin@comtem.demo").await,
        ..bench
    };
    let save = SaveGeneralPlan {
        anno: 2024,
        base: 0,
        introduzione: "Il piano generale delle dieci comunità.".into(),
        sintesi: "Dieci piani e le loro azioni integrate.".into(),
        numeri_al: "2024-05-06".into(),
    };
    let (status, _) = bench.post(SaveGeneralPlan::PATH, &save).await;
    assert_eq!(status, StatusCode::OK);

    println!("| what | median of {runs} | ratio to the plan page | bytes |");
    println!("|---|---|---|---|");
    let (plan_page, size) = bench.median(runs, "/piani/2024/dati", None).await;
    row("plan page `/piani/2024/dati`", plan_page, plan_page, size);
    let (general, size) = bench.median(runs, "/piano-generale/2024", None).await;
    row("general plan page", general, plan_page, size);
    for kind in ["pdf", "odt"] {
        let uri = format!("/piano-generale/2024/versioni/1.{kind}");
        // The first build in the process is the cold one: typst keeps memoized layout for the
        // next few builds, so the same document built again is faster.
        let (first, size) = bench.median(1, &uri, Some(kind)).await;
        row(&format!("{kind}, first build"), first, plan_page, size);
        let (again, size) = bench.median(runs, &uri, Some(kind)).await;
        row(&format!("{kind}, built again"), again, plan_page, size);
        let (kept, size) = bench.median(runs, &uri, None).await;
        row(&format!("{kind}, kept copy"), kept, plan_page, size);
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn row(what: &str, time: Duration, baseline: Duration, bytes: usize) {
    let ratio = time.as_secs_f64() / baseline.as_secs_f64();
    let ms = time.as_secs_f64() * 1000.0;
    println!("| {what} | {ms:.1} ms | {ratio:.2} | {bytes} |");
}

struct Bench {
    state: app::server::state::AppState,
    db: Db,
    session: String,
}

impl Bench {
    /// The median time of `runs` GETs of `uri` as regional staff, and the answer's size; with
    /// `cold`, the kept document of that kind is removed before each.
    async fn median(&self, runs: usize, uri: &str, cold: Option<&str>) -> (Duration, usize) {
        let mut times = Vec::with_capacity(runs);
        let mut size = 0;
        for _ in 0..runs {
            if let Some(kind) = cold {
                sqlx::query("DELETE FROM general_plan_documents WHERE kind = $1")
                    .bind(kind)
                    .execute(&self.db)
                    .await
                    .unwrap();
            }
            let request = Request::get(uri)
                .header("cookie", &self.session)
                .body(Body::empty())
                .unwrap();
            let started = Instant::now();
            let (status, body) = self.send(request).await;
            times.push(started.elapsed());
            assert_eq!(status, StatusCode::OK, "{uri}");
            size = body.len();
        }
        times.sort();
        (times[runs / 2], size)
    }

    /// Logs `email` in with the demo password; the session's cookie, as sent back.
    async fn log_in(&self, email: &str) -> String {
        let login = LogIn {
            email: email.into(),
            password: DEMO_PASSWORD.into(),
            next: String::new(),
        };
        let request = same_site_post(LogIn::PATH, &login);
        let response = app_router(&self.state).oneshot(request).await.unwrap();
        let cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.contains("comtem_session"))
            .expect("a session cookie");
        cookie.split(';').next().unwrap().to_owned()
    }

    async fn post<T: serde::Serialize>(&self, path: &str, args: &T) -> (StatusCode, Vec<u8>) {
        let mut request = same_site_post(path, args);
        request
            .headers_mut()
            .insert("cookie", self.session.parse().unwrap());
        self.send(request).await
    }

    async fn send(&self, request: Request<Body>) -> (StatusCode, Vec<u8>) {
        let response = app_router(&self.state).oneshot(request).await.unwrap();
        let status = response.status();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        (status, body.to_vec())
    }
}

fn app_router(state: &app::server::state::AppState) -> axum::Router {
    comtem::router::router(state.clone())
}

/// A form POST as a page of the site sends it.
fn same_site_post<T: serde::Serialize>(path: &str, args: &T) -> Request<Body> {
    Request::post(path)
        .header("host", "comtem.test")
        .header("origin", "http://comtem.test")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(serde_qs::to_string(args).unwrap()))
        .unwrap()
}
