//! Open-data benchmark: the latency of `/api/v1/numeri.json` through the whole router with 1 k,
//! 100 k and 1 M synthetic signups, on SQLite and on PostgreSQL, next to `/healthz` measured in
//! the same run. Budget: 200 ms at 1 M signups.
//!
//! `cargo bench -p comtem --bench numbers` (sizes from `COMTEM_BENCH_SIZES`, default
//! `1000,100000,1000000`; PostgreSQL when `COMTEM_TEST_POSTGRES_URL`, default the local server,
//! answers).

use std::time::{Duration, Instant};

use app::server::db::{self, Db};
use app::server::state::AppState;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use sqlx::{Connection, Executor};
use tower::ServiceExt;

/// Synthetic signups spread over two years, the last day included.
const FIRST_DAY: &str = "2023-01-01";
const DAYS: usize = 730;
/// Rows per INSERT statement.
const BATCH: usize = 500;

#[tokio::main]
async fn main() {
    let sizes: Vec<usize> = std::env::var("COMTEM_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,100000,1000000".to_owned())
        .split(',')
        .map(|size| size.trim().parse().expect("COMTEM_BENCH_SIZES: numbers"))
        .collect();
    println!(
        "| engine | signups | fill | /healthz p50 | numeri.json p50 | p95 | p99 | ratio p50 |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for &size in &sizes {
        let path =
            std::env::temp_dir().join(format!("comtem-numbers-{}-{size}.db", std::process::id()));
        measure(
            "SQLite",
            &format!("sqlite:{}?mode=rwc", path.display()),
            size,
        )
        .await;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    let admin = std::env::var("COMTEM_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    sqlx::any::install_default_drivers();
    let Ok(mut conn) = sqlx::AnyConnection::connect(&admin).await else {
        println!("PostgreSQL skipped: no server at {admin}");
        return;
    };
    for &size in &sizes {
        let name = format!("comtem_numbers_{}_{size}", std::process::id());
        conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .unwrap();
        let (base, _) = admin.rsplit_once('/').unwrap();
        measure("PostgreSQL", &format!("{base}/{name}"), size).await;
        conn.execute(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE {name} WITH (FORCE)"
        )))
        .await
        .unwrap();
    }
}

/// Fills a fresh database with `size` signups, then times the JSON endpoint.
async fn measure(engine: &str, url: &str, size: usize) {
    let db = db::open(url).await.unwrap();
    app::server::seed::load_if_empty(&db).await.unwrap();
    let started = Instant::now();
    fill(&db, size).await;
    if engine == "PostgreSQL" {
        sqlx::query("ANALYZE").execute(&db).await.unwrap();
    }
    let fill_time = started.elapsed();
    let state = AppState {
        db: db.clone(),
        leptos_options: leptos::config::LeptosOptions::builder()
            .output_name("comtem")
            .build(),
        settings: Default::default(),
        hub: app::server::board::hub::Hub::start(db.clone(), None),
        bells: Default::default(),
        pages: Default::default(),
    };
    let runs = if size >= 1_000_000 { 30 } else { 100 };
    let health = latencies(&state, "/healthz", runs).await;
    let last_day = day(DAYS - 1);
    let numbers = latencies(&state, &format!("/api/v1/numeri.json?al={last_day}"), runs).await;
    println!(
        "| {engine} | {size} | {:.1} s | {:.2} ms | {:.1} ms | {:.1} ms | {:.1} ms | {:.0} |",
        fill_time.as_secs_f64(),
        ms(health[runs / 2]),
        ms(numbers[runs / 2]),
        ms(numbers[runs * 95 / 100]),
        ms(numbers[runs * 99 / 100]),
        numbers[runs / 2].as_secs_f64() / health[runs / 2].as_secs_f64(),
    );
    db.close().await;
}

/// `runs` sequential GETs of `uri` through the router, after one warm-up; sorted.
async fn latencies(state: &AppState, uri: &str, runs: usize) -> Vec<Duration> {
    let router = comtem::router::router(state.clone());
    let mut times = Vec::with_capacity(runs);
    for run in 0..=runs {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let start = Instant::now();
        let response = router.clone().oneshot(request).await.unwrap();
        assert!(
            response.status().is_success(),
            "{uri}: {}",
            response.status()
        );
        response.into_body().collect().await.unwrap();
        if run > 0 {
            times.push(start.elapsed());
        }
    }
    times.sort();
    times
}

/// Inserts people (1.4 signups each on average, from every body of the registry) and `size`
/// signups spread over [`DAYS`] days, in one transaction, then recounts the tallies.
async fn fill(db: &Db, size: usize) {
    let bodies: Vec<String> = sqlx::query_scalar("SELECT code FROM enti ORDER BY code")
        .fetch_all(db)
        .await
        .unwrap();
    let communities: Vec<String> =
        sqlx::query_scalar("SELECT slug FROM communities ORDER BY position")
            .fetch_all(db)
            .await
            .unwrap();
    // Person i joins 1, 2 or 3 communities (pattern 1,1,2,1,2,3,1: 11 signups per 7 people).
    let joins = |person: usize| [1, 1, 2, 1, 2, 3, 1][person % 7];
    let mut people: Vec<(usize, usize)> = Vec::new(); // (person, communities)
    let mut signups = 0;
    while signups < size {
        let count = joins(people.len()).min(size - signups);
        people.push((people.len(), count));
        signups += count;
    }
    let mut tx = db.begin().await.unwrap();
    for batch in people.chunks(BATCH) {
        let mut sql = String::from(
            "INSERT INTO people (id, email, first_name, last_name, job_title, ente_code, \
             privacy_version, privacy_accepted_at, created_at) VALUES ",
        );
        for (row, _) in batch.iter().enumerate() {
            let p = row * 4;
            sql.push_str(&format!(
                "{}(${}, ${}, 'Persona', 'Sintetica', 'Istruttore', ${}, '2024-04', ${}, ${})",
                if row == 0 { "" } else { "," },
                p + 1,
                p + 2,
                p + 3,
                p + 4,
                p + 4
            ));
        }
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (person, _) in batch {
            query = query
                .bind(format!("b{person}"))
                .bind(format!("persona{person}@bench.test"))
                .bind(bodies[person * 7 % bodies.len()].clone())
                .bind(format!("{}T10:00:00Z", day_of(*person, people.len())));
        }
        query.execute(&mut *tx).await.unwrap();
        let mut sql = String::from(
            "INSERT INTO signups (person_id, community_slug, created_at, created_on) VALUES ",
        );
        let mut values = Vec::new();
        for (person, count) in batch {
            let day = day_of(*person, people.len());
            for join in 0..*count {
                let community = &communities[(person * 3 + join * 4) % communities.len()];
                values.push((
                    format!("b{person}"),
                    community.clone(),
                    format!("{day}T10:00:00Z"),
                    day.clone(),
                ));
            }
        }
        for (row, _) in values.iter().enumerate() {
            let p = row * 4;
            sql.push_str(&format!(
                "{}(${}, ${}, ${}, ${})",
                if row == 0 { "" } else { "," },
                p + 1,
                p + 2,
                p + 3,
                p + 4
            ));
        }
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (person, community, at, day) in values {
            query = query.bind(person).bind(community).bind(at).bind(day);
        }
        query.execute(&mut *tx).await.unwrap();
    }
    db::tallies::rebuild(&mut tx).await.unwrap();
    tx.commit().await.unwrap();
}

/// The day of the `person`-th of `people`, spread evenly over [`DAYS`] days.
fn day_of(person: usize, people: usize) -> String {
    day(person * DAYS / people.max(1))
}

/// [`FIRST_DAY`] plus `offset` days, as `YYYY-MM-DD`.
fn day(offset: usize) -> String {
    let first = time::Date::parse(
        FIRST_DAY,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    (first + time::Duration::days(offset as i64)).to_string()
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
