//! The fault campaign against the release server (`target/release/comtem`, from
//! `scripts/build.sh`): the server is killed with SIGKILL at random moments while clients sign
//! up, save plan versions, annotate the board, and join and leave communities; after each
//! restart every acknowledged write is there, none twice, and the figures equal a recount.
//!
//! Beside it: everyone at once (thousands of live board clients, [`everyone_at_once`]), slow
//! and hostile clients ([`slow_and_hostile`]), the database restarting under live clients
//! ([`database_restart`]) and one of two instances killed ([`instance_killed`]).
//!
//! Ignored by a plain `cargo test` (it needs the release build). `scripts/test.sh` runs a
//! short form; `COMTEM_FAULT_KILLS=50` (SQLite), `COMTEM_FAULT_KILLS_PG=20` and
//! `COMTEM_FAULT_FULL=1` (the other tests' full sizes and timing targets) the full one:
//! `cargo test -p app -p comtem --test fault_campaign -- --ignored --nocapture --test-threads=1`.

mod crowd;
mod database_restart;
mod everyone_at_once;
mod http;
mod instance_killed;
mod live;
mod measure;
mod postgres;
#[path = "../shared/proxy.rs"]
mod proxy;
mod server;
mod slow_and_hostile;
mod verify;
mod writers;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use app::server::db;
use sqlx::{Connection, Executor};
use tokio::task::JoinSet;

use server::{Server, free_addr};
use verify::Tally;
use writers::{Ledger, MOVERS, PLANS, Shared};

/// Kills from `variable`, or `default`.
fn kills(variable: &str, default: usize) -> usize {
    std::env::var(variable)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the release build: scripts/test.sh runs it"]
async fn killed_mid_write_on_sqlite_nothing_acknowledged_is_lost() {
    let file = std::env::temp_dir().join(format!("comtem-campaign-{}.db", std::process::id()));
    let url = format!("sqlite:{}?mode=rwc", file.display());
    campaign(&url, kills("COMTEM_FAULT_KILLS", 5)).await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the release build and PostgreSQL: scripts/test.sh runs it"]
async fn killed_mid_write_on_postgres_nothing_acknowledged_is_lost() {
    let admin_url = std::env::var("COMTEM_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    sqlx::any::install_default_drivers();
    let name = format!("comtem_campaign_{}", std::process::id());
    let mut admin = sqlx::AnyConnection::connect(&admin_url)
        .await
        .expect("PostgreSQL");
    let create = format!("CREATE DATABASE {name}");
    admin
        .execute(sqlx::AssertSqlSafe(create))
        .await
        .expect("a database");
    let (base, _) = admin_url.rsplit_once('/').expect("a database path");
    campaign(&format!("{base}/{name}"), kills("COMTEM_FAULT_KILLS_PG", 3)).await;
    let drop = format!("DROP DATABASE {name} WITH (FORCE)");
    admin
        .execute(sqlx::AssertSqlSafe(drop))
        .await
        .expect("dropped");
}

/// Runs `rounds` rounds of writing and killing on `url`, then checks and reports.
async fn campaign(url: &str, rounds: usize) {
    let addr = free_addr();
    let shared: Shared = Arc::default();
    let mut random = Random::seeded();
    let mut server = Server::start(url, addr).await;
    let mut tally = Tally::default();
    let db = db::open(url).await.expect("the database");
    let sessions = prepare(&server).await;
    for round in 0..rounds {
        let mut writers = JoinSet::new();
        writers.spawn(writers::sign_up(
            addr,
            shared.clone(),
            format!("campagna.{round}"),
        ));
        for (community, (cookie, item)) in &sessions.plans {
            let (cookie, item) = (cookie.clone(), item.clone());
            let community: &'static str = PLANS.iter().find(|c| *c == community).expect("a plan");
            writers.spawn(writers::save_plans(
                addr,
                shared.clone(),
                cookie.clone(),
                community,
            ));
            writers.spawn(writers::annotate(
                addr,
                shared.clone(),
                cookie,
                community,
                item,
            ));
        }
        for ((who, community), cookie) in MOVERS.iter().zip(&sessions.movers) {
            writers.spawn(writers::move_around(
                addr,
                shared.clone(),
                cookie.clone(),
                who,
                community,
            ));
        }
        tokio::time::sleep(Duration::from_millis(random.between(300, 1500))).await;
        server.kill();
        writers.join_all().await;
        server = Server::start(url, addr).await;
        retry_unacknowledged(&server, &shared, &sessions).await;
        let ledger = shared.lock().expect("the ledger").clone();
        tally = verify::check(&db, &server, &ledger).await;
        tally.assert_whole(round);
    }
    server.kill();
    db.close().await;
    report(url, rounds, &tally, &shared.lock().expect("the ledger"));
}

/// The sessions the writers use, made once (they survive restarts, as sessions do).
struct Sessions {
    /// Per community: its coordinator's cookie and an objective of its plan.
    plans: BTreeMap<&'static str, (String, String)>,
    movers: Vec<String>,
}

/// Logs everyone in, and moves the demo cycle to the final re-reading, where plans are both
/// edited and annotated.
async fn prepare(server: &Server) -> Sessions {
    let admin = writers::log_in(server.addr, "admin@comtem.demo").await;
    let advance = app::api::plans::AdvanceCycle {
        anno: writers::YEAR,
        // The phase it moves on from.
        fase: "lettura-trasversale".to_owned(),
    };
    let moved = writers::call(server.addr, &advance, Some(&admin))
        .await
        .expect("answered");
    assert_eq!(moved.status, 200, "{}", moved.body);
    let mut plans = BTreeMap::new();
    for community in PLANS {
        let cookie = writers::log_in(
            server.addr,
            &format!("coordinatore.{community}@comtem.demo"),
        )
        .await;
        let read = app::api::plans::ReadPlan {
            anno: writers::YEAR,
            comunita: community.to_owned(),
        };
        let reply = writers::call(server.addr, &read, Some(&cookie))
            .await
            .expect("the plan");
        let view: app::domain::plan::pages::PlanView =
            serde_json::from_str(&reply.body).expect("a plan");
        let item = view.plan.content.objectives[0].id.0.clone();
        plans.insert(community, (cookie, item));
    }
    let mut movers = Vec::new();
    for (who, _) in MOVERS {
        movers.push(writers::log_in(server.addr, who).await);
    }
    Sessions { plans, movers }
}

/// Sends again, with the same key, every annotation the server did not acknowledge: a retry
/// applies once.
async fn retry_unacknowledged(server: &Server, shared: &Shared, sessions: &Sessions) {
    let waiting: Vec<_> = {
        let ledger = shared.lock().expect("the ledger");
        ledger
            .notes
            .values()
            .filter(|(_, acked)| !acked)
            .map(|(op, _)| op.clone())
            .collect()
    };
    for op in waiting {
        let app::domain::board::ops::BoardOp::Create(note) = &op else {
            continue;
        };
        let (cookie, _) = &sessions.plans[note.community.as_str()];
        let acked = writers::submit(server.addr, shared, cookie, &op).await;
        assert_eq!(acked, Some(true), "a retried annotation is accepted");
    }
}

fn report(url: &str, rounds: usize, tally: &Tally, ledger: &Ledger) {
    let engine = if url.starts_with("sqlite") {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    println!(
        "fault campaign ({engine}): {rounds} kills survived; {} writes acknowledged, {} found, \
         {} lost, {} duplicated; {} recount mismatches; {} refused answers",
        tally.acknowledged,
        tally.found,
        tally.lost.len(),
        tally.duplicated.len(),
        tally.recount_mismatches.len(),
        ledger.refused.len(),
    );
    assert!(tally.lost.is_empty(), "lost: {:?}", tally.lost);
    assert!(
        tally.duplicated.is_empty(),
        "duplicated: {:?}",
        tally.duplicated
    );
    assert!(
        tally.recount_mismatches.is_empty(),
        "{:?}",
        tally.recount_mismatches
    );
    assert!(tally.acknowledged > 0, "the writers wrote");
}

/// A small generator for the kill moments (xorshift), seeded from the clock and printed.
struct Random(u64);

impl Random {
    fn seeded() -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |since| since.as_nanos() as u64)
            | 1;
        println!("fault campaign: seed {seed}");
        Self(seed)
    }

    fn between(&mut self, low: u64, high: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        low + self.0 % (high - low)
    }
}
