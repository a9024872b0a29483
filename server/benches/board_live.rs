//! Live board benchmark: N clients follow the board over real WebSockets (as up to 50 distinct
//! coordinators, so beyond 50 clients each has several tabs, and the presence list names each
//! once) while one more person submits annotations over HTTP. For every annotation and client:
//! the delay from the submit being sent to the client receiving it (p50/p95/p99, max); the
//! delay from the submit's answer (the change committed) to the receipt, which leaves out the
//! submit's own work; annotations lost and received twice. One client in ten drops its
//! connection half-way and comes back with its last event (counted for lost and duplicated, not
//! for delays). Next to it, in the same run: the submits' round trips and a bare axum WebSocket
//! echo's.
//!
//! `scripts/bench-board.sh` (or `cargo bench -p comtem --bench board_live`): SQLite with one
//! instance, then PostgreSQL with two instances on two ports and the clients split across them
//! (submits go to the first), when `COMTEM_TEST_POSTGRES_URL` (default the local server)
//! answers. `COMTEM_BENCH_CLIENTS` (default `50,500`), `COMTEM_BENCH_ANNOTATIONS` (default 100),
//! `COMTEM_BENCH_EVERY_MS` (default 10, between two submits) and `COMTEM_BENCH_PEOPLE` (default
//! 50) change the run.

#[path = "board_live/clients.rs"]
mod clients;
#[path = "board_live/echo.rs"]
mod echo;
#[path = "board_live/setup.rs"]
mod setup;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use app::server::db;
use sqlx::{Connection, Executor};
use tokio::sync::{mpsc, watch};

use clients::{Follower, Receipts, Submitted};

/// How the run is shaped.
struct Run {
    annotations: usize,
    /// How many distinct people the clients are.
    people: usize,
    every: Duration,
    echo: SocketAddr,
}

#[tokio::main]
async fn main() {
    let setting = |name: &str, default: &str| std::env::var(name).unwrap_or(default.to_owned());
    let sizes: Vec<usize> = setting("COMTEM_BENCH_CLIENTS", "50,500")
        .split(',')
        .map(|size| size.trim().parse().expect("a number of clients"))
        .collect();
    let run = Run {
        annotations: setting("COMTEM_BENCH_ANNOTATIONS", "100").parse().unwrap(),
        people: setting("COMTEM_BENCH_PEOPLE", "50").parse().unwrap(),
        every: Duration::from_millis(setting("COMTEM_BENCH_EVERY_MS", "10").parse().unwrap()),
        echo: echo::serve().await,
    };
    println!(
        "{} annotations, one every {:?}, clients as up to {} people; delays from the submit \
         sent to each client's receipt\n",
        run.annotations, run.every, run.people
    );
    println!(
        "| setup | clients | p50 | p95 | p99 | max | after the answer p50 / p95 | lost | twice | submit round trip p50 / p95 | echo p50 / p95 / p99 | p95 : echo p95 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for &clients in &sizes {
        let path =
            std::env::temp_dir().join(format!("comtem-bench-live-{}.db", std::process::id()));
        let url = format!("sqlite:{}?mode=rwc", path.display());
        measure("SQLite, 1 instance", &url, 1, clients, &run).await;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    let admin = setting(
        "COMTEM_TEST_POSTGRES_URL",
        "postgres://postgres@127.0.0.1:5432/postgres",
    );
    sqlx::any::install_default_drivers();
    let mut conn = match sqlx::AnyConnection::connect(&admin).await {
        Ok(conn) => conn,
        Err(error) => return println!("\nPostgreSQL skipped: {error}"),
    };
    for &clients in &sizes {
        let name = format!("comtem_bench_live_{}_{clients}", std::process::id());
        conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .unwrap();
        let (base, _) = admin.rsplit_once('/').unwrap();
        let url = format!("{base}/{name}");
        measure("PostgreSQL, 2 instances", &url, 2, clients, &run).await;
        let drop = format!("DROP DATABASE {name} WITH (FORCE)");
        conn.execute(sqlx::AssertSqlSafe(drop)).await.unwrap();
    }
}

/// One row (two with several instances: all clients, then those of the other instances).
async fn measure(setup: &str, url: &str, instances: usize, clients: usize, run: &Run) {
    let db = db::open(url).await.unwrap();
    app::server::seed::load_if_empty(&db).await.unwrap();
    setup::open_board(&db).await;
    let people = run.people.clamp(1, clients);
    let sessions = setup::coordinators(&db, people + 1).await;
    let mut addrs = Vec::new();
    for _ in 0..instances {
        addrs.push(setup::instance(url).await);
    }
    let (settled, mut all_settled) = mpsc::channel(clients);
    let (stop, stopped) = watch::channel(false);
    let followers: Vec<_> = (0..clients)
        .map(|n| {
            let follower = Follower {
                addr: addrs[n % instances],
                session: sessions[1 + n % people].clone(),
                reconnect_after: (n % 10 == 0).then_some(run.annotations / 2),
            };
            let task = clients::follow(
                follower,
                run.annotations,
                people,
                settled.clone(),
                stopped.clone(),
            );
            (n % instances, tokio::spawn(task))
        })
        .collect();
    let started = Instant::now();
    for _ in 0..clients {
        tokio::time::timeout(Duration::from_secs(300), all_settled.recv())
            .await
            .expect("every client connected and sees everyone");
    }
    let connect_time = started.elapsed();
    let mut echo = echo::round_trips(run.echo, run.annotations, run.every).await;
    let submitted = clients::submit_all(addrs[0], &sessions[0], run.annotations, run.every).await;
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(30)).await;
        let _ = stop.send(true);
    });
    let mut received = Vec::new();
    for (instance, follower) in followers {
        received.push((instance, follower.await.unwrap()));
    }
    echo.sort();
    let mut answered: Vec<Duration> = submitted
        .values()
        .map(|submit| submit.answered - submit.sent)
        .collect();
    answered.sort();
    let baselines = [echo.as_slice(), answered.as_slice()];
    let all = Tally::of(&submitted, received.iter().map(|(_, receipts)| receipts));
    all.print(setup, &clients.to_string(), baselines);
    if instances > 1 {
        let others = received.iter().filter(|(instance, _)| *instance > 0);
        let label = format!("{setup}: clients of the other instance");
        let tally = Tally::of(&submitted, others.map(|(_, receipts)| receipts));
        tally.print(&label, &format!("{}", clients / 2), baselines);
    }
    eprintln!("({setup}, {clients} clients connected and settled in {connect_time:.1?})");
    db.close().await;
}

/// Delays (sorted), lost and duplicated annotations over a set of clients.
struct Tally {
    /// From each submit sent to each receipt.
    delays: Vec<Duration>,
    /// From each submit's answer (the change committed) to each receipt (zero if before).
    after_answer: Vec<Duration>,
    lost: usize,
    twice: usize,
}

impl Tally {
    fn of<'a>(
        submitted: &HashMap<String, Submitted>,
        clients: impl Iterator<Item = &'a Receipts>,
    ) -> Self {
        let mut tally = Tally {
            delays: Vec::new(),
            after_answer: Vec::new(),
            lost: 0,
            twice: 0,
        };
        for receipts in clients {
            tally.twice += receipts.duplicates;
            for (id, submit) in submitted {
                match receipts.got.get(id) {
                    Some(got) if !receipts.reconnected => {
                        tally.delays.push(got.duration_since(submit.sent));
                        tally
                            .after_answer
                            .push(got.saturating_duration_since(submit.answered));
                    }
                    Some(_) => {}
                    None => tally.lost += 1,
                }
            }
        }
        tally.delays.sort();
        tally.after_answer.sort();
        tally
    }

    /// One table row; `echo` and `answered` (the submits' own round trips) sorted.
    fn print(&self, setup: &str, clients: &str, [echo, answered]: [&[Duration]; 2]) {
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        let p95 = percentile(&self.delays, 0.95);
        println!(
            "| {setup} | {clients} | {} | {} | {} | {} | {} / {} | {} | {} | {} / {} | {} / {} / {} | {:.0} |",
            ms(percentile(&self.delays, 0.50)),
            ms(p95),
            ms(percentile(&self.delays, 0.99)),
            ms(self.delays.last().copied().unwrap_or_default()),
            ms(percentile(&self.after_answer, 0.50)),
            ms(percentile(&self.after_answer, 0.95)),
            self.lost,
            self.twice,
            ms(percentile(answered, 0.50)),
            ms(percentile(answered, 0.95)),
            ms(percentile(echo, 0.50)),
            ms(percentile(echo, 0.95)),
            ms(percentile(echo, 0.99)),
            p95.as_secs_f64() / percentile(echo, 0.95).as_secs_f64().max(1e-9),
        );
    }
}

/// The `q` quantile of sorted `values` (nearest rank).
fn percentile(values: &[Duration], q: f64) -> Duration {
    if values.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((q * values.len() as f64).ceil() as usize).clamp(1, values.len());
    values[rank - 1]
}
