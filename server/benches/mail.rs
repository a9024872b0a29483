//! Mail benchmark, against the tests' real SMTP server (`scripts/smtp_sink.py`: STARTTLS, AUTH):
//! the dispatcher's throughput in messages per second, next to `/healthz` requests per second
//! through the router in the same run; then the delay from a signup's answer to its login link
//! at the SMTP server, p50 and p95, while signups arrive at a steady rate (budget: p95 <= 2 s at
//! 100 signups a minute).
//!
//! `CARGO_TARGET_DIR=target/bench cargo bench -p comtem --bench mail [-- messages signups-per-minute
//! minutes]` (SQLite in a temporary file; defaults 2000, 100, 1).

/// Shared with the tests; the benchmark uses part of it.
#[allow(dead_code)]
#[path = "../tests/integration/smtp_sink.rs"]
mod smtp_sink;

use std::time::{Duration, Instant};

use app::server::db::{self, Db, outbox::Mail};
use app::server::mail::Dispatcher;
use app::server::settings::{Limits, Settings};
use app::server::state::AppState;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use tower::ServiceExt;

#[path = "shared/signup.rs"]
mod signup;
#[path = "shared/state.rs"]
mod state;

use signup::signup_request;
use smtp_sink::SmtpSink;
use state::app_state;

#[tokio::main]
async fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let messages = args.first().copied().unwrap_or(2000) as usize;
    let per_minute = args.get(1).copied().unwrap_or(100);
    let minutes = args.get(2).copied().unwrap_or(1);
    let path = std::env::temp_dir().join(format!("comtem-bench-mail-{}.db", std::process::id()));
    let db = db::open(&format!("sqlite:{}?mode=rwc", path.display()))
        .await
        .unwrap();
    app::server::seed::load_if_empty(&db).await.unwrap();
    let sink = SmtpSink::start();
    let settings = Settings {
        limits: Limits::default().with_ip_attempts(1_000_000),
        public_url: "https://comtem.test".to_owned(),
        mail: sink.settings(),
        ..Settings::default()
    };
    let state = app_state(&db, settings);
    let dispatcher =
        Dispatcher::new(db.clone(), &state.settings.mail, &state.settings.public_url).unwrap();
    throughput(&state, &dispatcher, &sink, messages).await;
    delay(&state, dispatcher, &sink, per_minute, minutes).await;
    db.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// Messages per second from the outbox to the SMTP server, against `/healthz` per second.
async fn throughput(state: &AppState, dispatcher: &Dispatcher, sink: &SmtpSink, count: usize) {
    let router = comtem::router::router(state.clone());
    let start = Instant::now();
    for _ in 0..count {
        let request = Request::get("/healthz").body(Body::empty()).unwrap();
        let response = router.clone().oneshot(request).await.unwrap();
        response.into_body().collect().await.unwrap();
    }
    let health = count as f64 / start.elapsed().as_secs_f64();
    enqueue(&state.db, count).await;
    let start = Instant::now();
    let mut sent = 0;
    while sent < count {
        sent += dispatcher.deliver_due().await.unwrap();
    }
    let elapsed = start.elapsed();
    let arrived = sink.wait_for(count, Duration::from_secs(60)).await.len();
    let rate = count as f64 / elapsed.as_secs_f64();
    println!("## Dispatcher throughput, {count} messages, one client each");
    println!("GET /healthz (baseline):      {health:8.0} requests/s");
    println!(
        "outbox -> SMTP (STARTTLS):    {rate:8.0} messages/s  (ratio to /healthz {:.4})",
        rate / health
    );
    println!("arrived at the server:        {arrived:8}");
}

async fn enqueue(db: &Db, count: usize) {
    let mut tx = db.begin().await.unwrap();
    for i in 0..count {
        let mail = Mail {
            recipient: format!("lettore{i}@comune.it"),
            subject: "COMTem: prova".to_owned(),
            body: format!("Buongiorno,\n\nmessaggio {i}.\n\nComunità Tematiche"),
            reply_to: None,
            unsubscribe: None,
        };
        db::outbox::enqueue(&mut tx, &mail).await.unwrap();
    }
    tx.commit().await.unwrap();
}

/// Signups without a password at `per_minute` for `minutes`, with the dispatcher running: the
/// delay from each signup's answer to its login link at the SMTP server.
async fn delay(
    state: &AppState,
    dispatcher: Dispatcher,
    sink: &SmtpSink,
    per_minute: u64,
    minutes: u64,
) {
    dispatcher.spawn();
    let router = comtem::router::router(state.clone());
    let before = sink.received().len();
    let total = (per_minute * minutes) as usize;
    let every = Duration::from_secs(60) / per_minute as u32;
    let mut answered = Vec::with_capacity(total);
    let mut delays = Vec::with_capacity(total);
    let start = Instant::now();
    for i in 0..total {
        let due = start + every * i as u32;
        while Instant::now() < due {
            note_arrivals(sink, before, &answered, &mut delays);
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let request = signup_request(&format!("nuovo{i}@comune.it"), "", &["dati"]);
        let response = router.clone().oneshot(request).await.unwrap();
        assert!(response.status().is_success(), "{}", response.status());
        answered.push((format!("nuovo{i}@comune.it"), Instant::now()));
    }
    while delays.len() < total {
        assert!(
            start.elapsed() < Duration::from_secs(60 * minutes + 120),
            "links missing"
        );
        note_arrivals(sink, before, &answered, &mut delays);
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    delays.sort();
    let at = |share: f64| delays[((total as f64 * share).ceil() as usize).clamp(1, total) - 1];
    println!(
        "\n## Signup to login link at the SMTP server, {per_minute} signups a minute, {total} signups"
    );
    println!(
        "p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms  (budget: p95 <= 2000 ms)",
        ms(at(0.5)),
        ms(at(0.95)),
        ms(delays[total - 1])
    );
}

/// Adds the delay of every login link that arrived since the last call.
fn note_arrivals(
    sink: &SmtpSink,
    before: usize,
    answered: &[(String, Instant)],
    delays: &mut Vec<Duration>,
) {
    while let Some(mail) = sink.message(before + delays.len() + 1) {
        let sent = answered
            .iter()
            .find(|(email, _)| mail.rcpt_to == [email.as_str()])
            .map(|(_, at)| *at)
            .expect("a link for a signup made");
        delays.push(sent.elapsed());
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
