//! Two release instances on one PostgreSQL database behind a small proxy the test starts, which
//! sends each new connection to instance A while it accepts, else to B. The live clients follow
//! the board through the proxy, on A; A is killed with SIGKILL; the clients reconnect by
//! themselves through the proxy, now to B, resume after the last event they saw, and have every
//! change acknowledged before and after the kill.
//!
//! Asserts 0 lost and every client following again in both forms, and reports how long the
//! move took. `COMTEM_FAULT_INSTANCE_CLIENTS` (20; full 100) sets the clients.

use std::time::{Duration, Instant};

use app::server::db;

use super::crowd;
use super::live::{self, Follower};
use super::measure;
use super::postgres::Scratch;
use super::proxy::Proxy;
use super::server::{Server, free_addr};
use super::writers::PLANS;

/// Changes written before the kill and after it.
const WRITES: usize = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the release build and PostgreSQL: scripts/test.sh runs it"]
async fn instance_killed_on_postgres_its_clients_move_to_the_other() {
    let clients = measure::size("COMTEM_FAULT_INSTANCE_CLIENTS", 20, 100);
    let scratch = Scratch::create("instances").await;
    let (addr_a, addr_b) = (free_addr(), free_addr());
    // A loads the demo into the empty database; B starts on it once it is there.
    let a = Server::start(&scratch.url, addr_a).await;
    let b = Server::start(&scratch.url, addr_b).await;
    let front = Proxy::start(vec![addr_a, addr_b]).await;
    let addr = front.addr();
    let db = db::open(&scratch.url).await.expect("the database");
    let (followers, writer) = crowd::audience(addr, &db, clients, PLANS[1]).await;
    let mut acked = Vec::new();
    for _ in 0..WRITES {
        acked.push(live::acknowledged(addr, &writer.session, writer.community, &writer.item).await);
    }
    let before_kill = live::wait_for_all(&followers, &acked, Duration::from_secs(10)).await;

    a.kill();
    let killed = Instant::now();
    // The clients notice the connection ended, then come back through the proxy, to B.
    let deadline = killed + Duration::from_secs(30);
    while followers
        .iter()
        .any(|f| f.seen.lock().expect("seen").reconnects == 0)
        || !followers.iter().all(Follower::following)
    {
        assert!(Instant::now() < deadline, "the clients move to B");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let moved = killed.elapsed();
    for _ in 0..WRITES {
        acked.push(live::acknowledged(addr, &writer.session, writer.community, &writer.item).await);
    }
    let lost = live::wait_for_all(&followers, &acked, Duration::from_secs(30)).await;
    let caught_up = killed.elapsed();
    let reconnects: usize = followers
        .iter()
        .map(|f| f.seen.lock().expect("seen").reconnects)
        .sum();
    println!(
        "instance killed (PostgreSQL, two instances behind a proxy): {clients} live clients on A, \
         A killed with SIGKILL; all following on B {} ms later ({reconnects} reconnections), \
         every change there {} ms after the kill; {} changes acknowledged ({before_kill} missing \
         before the kill), {lost} lost",
        measure::millis(moved),
        measure::millis(caught_up),
        acked.len(),
    );
    for follower in followers {
        follower.stop().await;
    }
    b.kill();
    db.close().await;
    drop(front);
    scratch.drop_now().await;
    assert_eq!(before_kill, 0, "every change reached A's clients");
    assert_eq!(lost, 0, "every client catches up on B");
}
