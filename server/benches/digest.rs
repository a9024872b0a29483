//! Digest benchmark: 10,000 synthetic members with a week of events (each day a news post in
//! every community, a meeting every other day), then the weekly digest run: the time to compose
//! and queue every digest, the mails per second from the outbox to the tests' real SMTP server
//! (`scripts/smtp_sink.py`: STARTTLS, AUTH), the process's peak memory, and `/healthz` latency
//! through the router during the whole run against the same probe before it (the baseline).
//! Targets: under 5 minutes in all, `/healthz` p99 under 50 ms.
//!
//! `CARGO_TARGET_DIR=target/bench cargo bench -p comtem --bench digest [-- people days]`
//! (defaults 10000, 7; SQLite in a temporary file).

/// Shared with the tests; the benchmark uses part of it.
#[allow(dead_code)]
#[path = "../tests/integration/smtp_sink.rs"]
mod smtp_sink;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use app::domain::notification::Kind;
use app::domain::notification::preferences::DigestFrequency;
use app::server::clock::unix_now;
use app::server::db::{self, notifications::Event};
use app::server::mail::Dispatcher;
use app::server::notifications::mail::send_digests;
use app::server::notifications::{audience, notify, scope};
use app::server::settings::Settings;
use app::server::state::AppState;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use tower::ServiceExt;

#[path = "shared/people.rs"]
mod people;
#[path = "shared/state.rs"]
mod state;

use smtp_sink::SmtpSink;

/// How often the probe asks `/healthz`.
const PROBE_EVERY: Duration = Duration::from_millis(10);

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let members = args.first().copied().unwrap_or(10_000);
    let days = args.get(1).copied().unwrap_or(7);
    let path = std::env::temp_dir().join(format!("comtem-bench-digest-{}.db", std::process::id()));
    let db = db::open(&format!("sqlite:{}?mode=rwc", path.display()))
        .await
        .unwrap();
    app::server::seed::load_if_empty(&db).await.unwrap();
    let sink = SmtpSink::start();
    let settings = Settings {
        public_url: "https://comtem.test".to_owned(),
        mail: sink.settings(),
        ..Settings::default()
    };
    let state = state::app_state(&db, settings);
    let communities = people::enrol(&db, members).await;
    let started = Instant::now();
    let mut told = 0;
    for day in 0..days {
        for community in &communities {
            let mut kinds = vec![Kind::News];
            if day % 2 == 0 {
                kinds.push(Kind::Meeting);
            }
            for kind in kinds {
                let event = Event {
                    kind,
                    community: Some(community.clone()),
                    object: format!("{}:{day}:{community}", kind.code()),
                    scope: scope::PUBLIC.to_owned(),
                    subject: format!("Giorno {day} della comunità {community}: Nicolò D'Alì"),
                    href: format!("/notizie/{day}"),
                    actor: None,
                };
                let people = audience::of_communities(&db, std::slice::from_ref(community))
                    .await
                    .unwrap();
                told += notify(&state, &event, people).await.unwrap();
            }
        }
    }
    println!(
        "## A week of events: {told} notifications for {members} members written in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let baseline = probe_for(&state, Duration::from_secs(5)).await;
    let running = Arc::new(AtomicBool::new(true));
    let probe = tokio::spawn(probe_while(state.clone(), running.clone()));
    let dispatcher =
        Dispatcher::new(db.clone(), &state.settings.mail, &state.settings.public_url).unwrap();
    let started = Instant::now();
    let queued = send_digests(&state, DigestFrequency::Weekly, unix_now())
        .await
        .unwrap();
    let composed = started.elapsed();
    let mut sent = 0;
    while sent < queued {
        sent += dispatcher.deliver_due().await.unwrap();
    }
    let total = started.elapsed();
    running.store(false, Ordering::Relaxed);
    let during = probe.await.unwrap();
    let arrived = sink.wait_for(queued, Duration::from_secs(120)).await.len();
    let delivery = total - composed;
    println!("## Weekly digest for {members} people ({days} days of events)");
    println!(
        "composed and queued:  {queued} digests in {:.1} s",
        composed.as_secs_f64()
    );
    println!(
        "outbox -> SMTP:       {:.0} mails/s ({sent} in {:.1} s); {arrived} arrived",
        sent as f64 / delivery.as_secs_f64(),
        delivery.as_secs_f64()
    );
    println!(
        "total:                {:.1} s (target < 300 s)",
        total.as_secs_f64()
    );
    println!("peak memory (VmHWM):  {}", peak_memory());
    println!(
        "/healthz before:      p50 {:.2} ms, p99 {:.2} ms ({} requests)",
        ms(at(&baseline, 0.5)),
        ms(at(&baseline, 0.99)),
        baseline.len()
    );
    println!(
        "/healthz during:      p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} requests; target p99 < 50 ms)",
        ms(at(&during, 0.5)),
        ms(at(&during, 0.99)),
        ms(at(&during, 1.0)),
        during.len()
    );
    db.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// `/healthz` latencies through the router, one request every [`PROBE_EVERY`], for `length`.
async fn probe_for(state: &AppState, length: Duration) -> Vec<Duration> {
    let running = Arc::new(AtomicBool::new(true));
    let probe = tokio::spawn(probe_while(state.clone(), running.clone()));
    tokio::time::sleep(length).await;
    running.store(false, Ordering::Relaxed);
    probe.await.unwrap()
}

/// `/healthz` latencies, sorted, while `running` holds.
async fn probe_while(state: AppState, running: Arc<AtomicBool>) -> Vec<Duration> {
    let router = comtem::router::router(state);
    let mut latencies = Vec::new();
    while running.load(Ordering::Relaxed) {
        let started = Instant::now();
        let request = Request::get("/healthz").body(Body::empty()).unwrap();
        let response = router.clone().oneshot(request).await.unwrap();
        assert!(response.status().is_success());
        response.into_body().collect().await.unwrap();
        latencies.push(started.elapsed());
        tokio::time::sleep(PROBE_EVERY).await;
    }
    latencies.sort();
    latencies
}

/// The latency at `share` (0.5 for the median, 1.0 for the maximum) of sorted `latencies`.
fn at(latencies: &[Duration], share: f64) -> Duration {
    let index = ((latencies.len() as f64 * share).ceil() as usize).clamp(1, latencies.len());
    latencies[index - 1]
}

/// The process's peak resident memory, as Linux reports it.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .map(|line| line.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
