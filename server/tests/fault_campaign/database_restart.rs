//! The database restarting while live clients are connected (PostgreSQL). The release server
//! reaches PostgreSQL through a proxy the test stops (every connection cut, new ones refused:
//! the database is gone) and resumes (it is back); the machine's PostgreSQL itself is never
//! restarted. Half the clients lose their connection during the outage, as a reloaded page or
//! a network blip would, and keep trying by themselves; the other half stay connected. After
//! the database is back, every client has every acknowledged change, and the time from the
//! database's return to the first acknowledged write is the recovery time.
//!
//! Asserts 0 lost and recovery under 5 s in both forms (the recovery is a bound, not a ratio).
//! `COMTEM_FAULT_RESTART_CLIENTS` (20; full 100) sets the clients; the outage lasts
//! `COMTEM_FAULT_OUTAGE_MS` (2000) or as long as `/healthz` takes to answer `503` (the pool's
//! 5 s wait for a connection), whichever is longer.

use std::time::{Duration, Instant};

use app::server::db;

use super::crowd;
use super::http;
use super::live;
use super::measure;
use super::postgres::Scratch;
use super::proxy::Proxy;
use super::server::{Server, free_addr};
use super::writers::PLANS;

/// Changes written before the outage and after the recovery.
const WRITES: usize = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the release build and PostgreSQL: scripts/test.sh runs it"]
async fn database_restart_on_postgres_live_clients_reconnect_and_catch_up() {
    let clients = measure::size("COMTEM_FAULT_RESTART_CLIENTS", 20, 100);
    let outage = Duration::from_millis(measure::size("COMTEM_FAULT_OUTAGE_MS", 2000, 2000) as u64);
    let scratch = Scratch::create("restart").await;
    let mut proxy = Proxy::start(vec![scratch.host]).await;
    let addr = free_addr();
    let server = Server::start(&scratch.url_through(proxy.addr()), addr).await;
    let db = db::open(&scratch.url).await.expect("the database");
    let (followers, writer) = crowd::audience(addr, &db, clients, PLANS[0]).await;

    let mut acked = Vec::new();
    for _ in 0..WRITES {
        acked.push(live::acknowledged(addr, &writer.session, writer.community, &writer.item).await);
    }

    proxy.stop();
    let gone = Instant::now();
    for follower in followers.iter().step_by(2) {
        follower.cut();
    }
    let health = http::get(addr, "/healthz").await.expect("answered").status;
    tokio::time::sleep(outage.saturating_sub(gone.elapsed())).await;
    let rejoined_during = followers.iter().filter(|f| f.following()).count();
    let outage = gone.elapsed();
    proxy.resume().await;
    let back = Instant::now();
    let first = loop {
        if let Some(made) =
            live::annotate(addr, &writer.session, writer.community, &writer.item).await
        {
            break made;
        }
        assert!(
            back.elapsed() < Duration::from_secs(30),
            "a write succeeds again"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let recovery = first.1.saturating_duration_since(back);
    acked.push(first.0);
    for _ in 0..WRITES {
        acked.push(live::acknowledged(addr, &writer.session, writer.community, &writer.item).await);
    }
    let lost = live::wait_for_all(&followers, &acked, Duration::from_secs(30)).await;
    let all_following = live::wait_following(&followers, Duration::from_secs(10)).await;
    let reconnects: usize = followers
        .iter()
        .map(|f| f.seen.lock().expect("seen").reconnects)
        .sum();
    println!(
        "database restart (PostgreSQL): {} ms outage, /healthz {health} meanwhile; {clients} live \
         clients, {} cut during the outage ({rejoined_during} following while it lasted), \
         {reconnects} reconnections; first write acknowledged {} ms after the database came \
         back; {} changes acknowledged, {lost} lost",
        outage.as_millis(),
        clients.div_ceil(2),
        measure::millis(recovery),
        acked.len(),
    );
    for follower in followers {
        follower.stop().await;
    }
    server.kill();
    db.close().await;
    drop(proxy);
    scratch.drop_now().await;
    assert_eq!(health, 503, "the database was unreachable");
    assert_eq!(lost, 0, "every client catches up");
    assert!(all_following, "every client follows the board again");
    assert!(
        reconnects >= clients / 2,
        "the cut clients reconnected by themselves"
    );
    assert!(recovery < Duration::from_secs(5), "recovery under 5 s");
}
