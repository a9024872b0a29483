//! Slow and hostile clients against the release server (SQLite): connections that never finish
//! their headers do not stop a normal client from being served, and a burst of concurrent
//! logins stays within a memory bound, because argon2id runs behind a semaphore of one permit
//! per core.
//!
//! Short form (`scripts/test.sh`): 100 slow connections and 100 logins; asserts that every
//! normal request is answered and the memory bound, and reports the latency ratio. Full form
//! (`COMTEM_FAULT_FULL=1`): 500 slow connections and 200 logins, and asserts the normal
//! client's p99 within 3× of the quiet run too. `COMTEM_FAULT_SLOW_CONNECTIONS` and
//! `COMTEM_FAULT_LOGINS` set the sizes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use app::api::account::LogIn;
use app::server::db;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::http;
use super::measure::{self, mib, rss_kib, summary};
use super::server::{Server, free_addr};
use super::writers;

/// Requests the normal client sends, one after another, quiet and under attack: enough that
/// the p99 is not one scheduling hiccup (each takes under a millisecond).
const NORMAL_REQUESTS: usize = 1000;
/// Argon2id's memory per hash with the crate's default cost (m = 19,456 KiB).
const ARGON2_KIB: u64 = 19_456;
/// Logins one demo account may make in 15 minutes before it is throttled.
const LOGINS_PER_ACCOUNT: usize = 8;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the release build: scripts/test.sh runs it"]
async fn slow_connections_do_not_stop_a_normal_client() {
    let slow = measure::size("COMTEM_FAULT_SLOW_CONNECTIONS", 100, 500);
    let (file, url) = scratch("slow");
    let addr = free_addr();
    let server = Server::start(&url, addr).await;
    let mut quiet = normal_client(addr).await;

    let (stop, stopped) = watch::channel(false);
    let open = Arc::new(AtomicUsize::new(0));
    let dropped = Arc::new(AtomicU64::new(0));
    let mut attackers = JoinSet::new();
    for _ in 0..slow {
        let (stopped, open, dropped) = (stopped.clone(), open.clone(), dropped.clone());
        attackers.spawn(hold_unfinished(addr, stopped, open, dropped));
    }
    let started = Instant::now();
    while open.load(Ordering::SeqCst) < slow {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "slow connections open"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut attacked = normal_client(addr).await;
    let held = open.load(Ordering::SeqCst);
    let _ = stop.send(true);
    attackers.join_all().await;

    let quiet_p99 = measure::percentile(&mut quiet, 99);
    let attacked_p99 = measure::percentile(&mut attacked, 99);
    let ratio = attacked_p99.as_secs_f64() / quiet_p99.as_secs_f64().max(1e-6);
    println!(
        "slow clients: GET /healthz x{NORMAL_REQUESTS} quiet {}; with {slow} connections that \
         never finish their headers ({held} open at the end, {} cut by the server's header \
         deadline and opened again) {}; p99 ratio {ratio:.2}",
        summary(&mut quiet),
        dropped.load(Ordering::SeqCst),
        summary(&mut attacked),
    );
    server.kill();
    remove(&file);
    assert!(held >= slow * 9 / 10, "the slow connections stayed open");
    if measure::full() {
        assert!(ratio <= 3.0, "p99 within 3x of the quiet run: {ratio:.2}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the release build: scripts/test.sh runs it"]
async fn a_login_burst_stays_within_its_memory_bound() {
    let logins = measure::size("COMTEM_FAULT_LOGINS", 100, 200);
    let (file, url) = scratch("logins");
    let addr = free_addr();
    let server = Server::start(&url, addr).await;
    let db = db::open(&url).await.expect("the database");
    let accounts: Vec<String> = sqlx::query_scalar(
        "SELECT email FROM people WHERE password_hash IS NOT NULL ORDER BY email",
    )
    .fetch_all(&db)
    .await
    .expect("the demo accounts");
    db.close().await;
    // Past what the accounts may do, addresses nobody has: the same argon2id work is spent.
    let emails: Vec<String> = (0..logins)
        .map(|n| match accounts.get(n % accounts.len()) {
            Some(email) if n < accounts.len() * LOGINS_PER_ACCOUNT => email.clone(),
            _ => format!("nessuno.{n}@comune.it"),
        })
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, usize::from) as u64;
    // The semaphore lets one hash per core hold its 19 MiB block at a time. The blocks freed
    // stay in the server's resident memory, though: the hashes run on tokio's blocking threads,
    // glibc gives threads up to 8 per core arenas (and the main one), and an arena keeps up to
    // twice the block size free at its top. So: the blocks in use, at most two kept by each
    // arena, and 64 MiB for the requests themselves, however many logins come at once.
    let arenas = 8 * cores + 1;
    let bound_kib = cores * ARGON2_KIB + arenas * 2 * ARGON2_KIB + 64 * 1024;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = rss_kib(server.pid());
    let peak = Arc::new(AtomicU64::new(before));
    let sampling = Arc::new(AtomicBool::new(true));
    let sampler = {
        let (peak, sampling, pid) = (peak.clone(), sampling.clone(), server.pid());
        std::thread::spawn(move || {
            while sampling.load(Ordering::SeqCst) {
                peak.fetch_max(rss_kib(pid), Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    let started = Instant::now();
    let mut burst = JoinSet::new();
    for email in emails {
        burst.spawn(async move {
            let login = LogIn {
                email,
                password: "comtem-demo-2024".to_owned(),
                next: String::new(),
            };
            let reply = writers::call(addr, &login, None).await.expect("answered");
            (reply.status, reply.cookie("comtem_session").is_some())
        });
    }
    let answers = burst.join_all().await;
    let took = started.elapsed();
    tokio::time::sleep(Duration::from_millis(200)).await;
    sampling.store(false, Ordering::SeqCst);
    sampler.join().expect("the sampler");
    let peak = peak.load(Ordering::SeqCst);
    let signed_in = answers.iter().filter(|(_, cookie)| *cookie).count();
    let busy = answers.iter().filter(|(status, _)| *status == 503).count();
    let growth = peak.saturating_sub(before);
    println!(
        "login burst: {logins} concurrent logins in {:.1} s ({signed_in} signed in, {busy} told \
         busy, {} refused); server RSS {} MiB before, peak {} MiB (+{} MiB); bound +{} MiB \
         ({cores} hashes of 19 MiB at once, {arenas} allocator arenas keeping two blocks each, \
         64 MiB; without the semaphore {} MiB)",
        took.as_secs_f64(),
        answers.len() - signed_in - busy,
        mib(before),
        mib(peak),
        mib(growth),
        mib(bound_kib),
        mib(logins as u64 * ARGON2_KIB),
    );
    server.kill();
    remove(&file);
    assert!(signed_in > 0, "the burst logged people in");
    assert!(
        growth <= bound_kib,
        "peak growth {} MiB over the bound {} MiB",
        mib(growth),
        mib(bound_kib)
    );
}

/// `NORMAL_REQUESTS` health checks one after another, each on a new connection: how long each
/// took. Every one must be answered `200`.
async fn normal_client(addr: std::net::SocketAddr) -> Vec<Duration> {
    let mut took = Vec::with_capacity(NORMAL_REQUESTS);
    for _ in 0..NORMAL_REQUESTS {
        let started = Instant::now();
        let reply = http::get(addr, "/healthz").await.expect("answered");
        took.push(started.elapsed());
        assert_eq!(reply.status, 200, "the normal client is served");
    }
    took
}

/// Holds a connection that sends part of a request's headers and never the rest; when the
/// server cuts it, opens another, until `stop` (no timer: the attackers cost the normal
/// client's process nothing while they wait).
async fn hold_unfinished(
    addr: std::net::SocketAddr,
    mut stop: watch::Receiver<bool>,
    open: Arc<AtomicUsize>,
    dropped: Arc<AtomicU64>,
) {
    while !*stop.borrow() {
        let Ok(mut stream) = TcpStream::connect(addr).await else {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        let head = format!("GET / HTTP/1.1\r\nHost: {addr}\r\nX-Lento: ");
        if stream.write_all(head.as_bytes()).await.is_err() {
            continue;
        }
        open.fetch_add(1, Ordering::SeqCst);
        let mut byte = [0; 1];
        loop {
            tokio::select! {
                read = stream.read(&mut byte) => {
                    if !matches!(read, Ok(n) if n > 0) {
                        dropped.fetch_add(1, Ordering::SeqCst);
                        break;
                    }
                }
                _ = stop.changed() => return,
            }
        }
        open.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A SQLite database file of the campaign's own, and its URL.
fn scratch(purpose: &str) -> (std::path::PathBuf, String) {
    let name = format!("comtem-{purpose}-{}.db", std::process::id());
    let file = std::env::temp_dir().join(name);
    let url = format!("sqlite:{}?mode=rwc", file.display());
    (file, url)
}

fn remove(file: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
}
