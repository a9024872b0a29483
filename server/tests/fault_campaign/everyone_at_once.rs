//! Everyone at once: thousands of live board clients on one release instance (SQLite), each
//! held by one of hundreds of distinct people, while three coordinators annotate. Every client
//! must receive every change (0 lost); the delay from the write's acknowledgement to each
//! client's receipt and the server's memory per connection are reported.
//!
//! Short form (`scripts/test.sh`): 200 clients, 10 changes per coordinator; asserts 0 lost and
//! reports the timings. Full form (`COMTEM_FAULT_FULL=1`): 2,000 clients, 20 changes each, and
//! asserts p95 ≤ 100 ms too. `COMTEM_FAULT_LIVE_CLIENTS` and `COMTEM_FAULT_LIVE_WRITES` set
//! the sizes. The server may hold `COMTEM_MAX_CONNECTIONS` (set to the clients plus a margin)
//! connections; a person at most 4 live ones, so the clients are shared among up to 700 people.

use std::time::{Duration, Instant};

use app::server::db;
use tokio::task::JoinSet;

use super::crowd;
use super::live::{self, Follower};
use super::measure::{self, mib, rss_kib, summary};
use super::server::{Server, free_addr};
use super::writers::{self, PLANS};

/// The most people the clients are shared among (the demo has 855 without a password).
const PEOPLE: usize = 700;
/// How many connections are opened before waiting for them to follow.
const BATCH: usize = 100;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the release build: scripts/test.sh runs it"]
async fn everyone_at_once_every_change_reaches_every_live_client() {
    let clients = measure::size("COMTEM_FAULT_LIVE_CLIENTS", 200, 2000);
    let writes = measure::size("COMTEM_FAULT_LIVE_WRITES", 10, 20);
    // Each client holds one descriptor here and one in the server.
    let files = measure::open_files_limit().unwrap_or(1024);
    assert!(
        files > clients as u64 + 256,
        "`ulimit -n` is {files}: raise it above {} for {clients} clients",
        clients + 256
    );
    let file = std::env::temp_dir().join(format!("comtem-crowd-{}.db", std::process::id()));
    let url = format!("sqlite:{}?mode=rwc", file.display());
    let addr = free_addr();
    let most = (clients + 256).to_string();
    let server = Server::start_with(&url, addr, &[("COMTEM_MAX_CONNECTIONS", &most)]).await;
    let db = db::open(&url).await.expect("the database");
    let people = clients.min(PEOPLE);
    let cookies = crowd::referents(addr, &db, people).await;
    let mut coordinators = Vec::new();
    for community in PLANS {
        let who = format!("coordinatore.{community}@comtem.demo");
        let cookie = writers::log_in(addr, &who).await;
        let item = live::first_objective(addr, &cookie, community).await;
        coordinators.push((cookie, community, item));
    }
    let since = db::board::latest_event(&db).await.expect("the last event");
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_before = rss_kib(server.pid());

    let started = Instant::now();
    let mut followers = Vec::with_capacity(clients);
    for n in 0..clients {
        followers.push(Follower::start(addr, cookies[n % people].clone(), since));
        if followers.len() % BATCH == 0 || followers.len() == clients {
            let batch = &followers[followers.len().saturating_sub(BATCH)..];
            let patience = Duration::from_secs(60);
            assert!(
                live::wait_following(batch, patience).await,
                "clients follow"
            );
        }
    }
    let connected = started.elapsed();
    // The presence list settles once everyone is in.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let rss_after = rss_kib(server.pid());

    let mut writers = JoinSet::new();
    for (cookie, community, item) in coordinators {
        writers.spawn(async move {
            let mut acked = Vec::new();
            for _ in 0..writes {
                let made = live::annotate(addr, &cookie, community, &item).await;
                acked.push(made.expect("an annotation acknowledged"));
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            acked
        });
    }
    let acked: Vec<(String, Instant)> = writers.join_all().await.into_iter().flatten().collect();
    let ids: Vec<String> = acked.iter().map(|(id, _)| id.clone()).collect();
    let lost = live::wait_for_all(&followers, &ids, Duration::from_secs(30)).await;

    let mut delays = Vec::with_capacity(clients * ids.len());
    let mut reconnects = 0;
    for follower in &followers {
        let seen = follower.seen.lock().expect("seen");
        reconnects += seen.reconnects;
        for (id, at) in &acked {
            if let Some(arrived) = seen.arrived.get(id) {
                delays.push(arrived.saturating_duration_since(*at));
            }
        }
    }
    let per_connection = rss_after.saturating_sub(rss_before) as f64 / clients as f64;
    println!(
        "everyone at once: {clients} live clients of {people} people (connected in {:.1} s), \
         {} changes by {} coordinators: {} deliveries, {lost} lost, {reconnects} reconnections; \
         from acknowledgement to receipt {}; server RSS {} MiB before, {} MiB with every client \
         connected: {per_connection:.1} KiB per connection",
        connected.as_secs_f64(),
        ids.len(),
        PLANS.len(),
        delays.len(),
        summary(&mut delays),
        mib(rss_before),
        mib(rss_after),
    );
    let p95 = measure::percentile(&mut delays, 95);
    let mut stopping = JoinSet::new();
    for follower in followers {
        stopping.spawn(follower.stop());
    }
    stopping.join_all().await;
    server.kill();
    db.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
    assert_eq!(lost, 0, "every client receives every change");
    if measure::full() {
        assert!(
            p95 <= Duration::from_millis(100),
            "p95 delivery {} ms",
            measure::millis(p95)
        );
    }
}
