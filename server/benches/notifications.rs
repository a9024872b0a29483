//! Notification fan-out benchmark: the time from a news post that concerns every community to
//! the notifications of all their members being written (1,216 members by default: who they
//! are, their preferences, the rows), next to a baseline in the same run: one notification for
//! one person. Target: under 1 s. On SQLite, then on PostgreSQL when one answers.
//!
//! `CARGO_TARGET_DIR=target/bench cargo bench -p comtem --bench notifications [-- members
//! rounds]` (defaults 1216, 10; SQLite in a temporary file, PostgreSQL in a fresh database at
//! `COMTEM_TEST_POSTGRES_URL`'s server).

use std::time::{Duration, Instant};

use app::domain::notification::Kind;
use app::domain::person::PersonId;
use app::server::db;
use app::server::db::notifications::Event;
use app::server::notifications::{audience, notify, scope};
use app::server::settings::Settings;
use sqlx::{Connection, Executor};

#[path = "shared/people.rs"]
mod people;
#[path = "shared/state.rs"]
mod state;

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let members = args.first().copied().unwrap_or(1216);
    let rounds = args.get(1).copied().unwrap_or(10);
    let path = std::env::temp_dir().join(format!("comtem-bench-notify-{}.db", std::process::id()));
    let sqlite = format!("sqlite:{}?mode=rwc", path.display());
    run("SQLite", &sqlite, members, rounds).await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let admin = std::env::var("COMTEM_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    sqlx::any::install_default_drivers();
    let Ok(mut conn) = sqlx::AnyConnection::connect(&admin).await else {
        println!("PostgreSQL skipped: no server at {admin}");
        return;
    };
    let name = format!("comtem_notify_{}", std::process::id());
    conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .await
        .unwrap();
    let (base, _) = admin.rsplit_once('/').unwrap();
    run("PostgreSQL", &format!("{base}/{name}"), members, rounds).await;
    conn.execute(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE {name} WITH (FORCE)"
    )))
    .await
    .unwrap();
}

async fn run(name: &str, url: &str, members: usize, rounds: usize) {
    let db = db::open(url).await.unwrap();
    app::server::seed::load_if_empty(&db).await.unwrap();
    let communities = people::enrol(&db, members).await;
    let state = state::app_state(&db, Settings::default());
    let event = |round: usize| Event {
        kind: Kind::News,
        community: None,
        object: format!("notizia:{round}"),
        scope: scope::PUBLIC.to_owned(),
        subject: format!("Notizia per tutte le comunità {round}"),
        href: format!("/notizie/{round}"),
        actor: None,
    };
    let (mut fan_out, mut single) = (Vec::new(), Vec::new());
    let someone = vec![PersonId("bench-0".to_owned())];
    for round in 0..rounds {
        let started = Instant::now();
        let people = audience::of_communities(&db, &communities).await.unwrap();
        let told = notify(&state, &event(round), people).await.unwrap();
        fan_out.push(started.elapsed());
        assert_eq!(told, members, "every member told once");
        let started = Instant::now();
        notify(&state, &event(rounds + round), someone.clone())
            .await
            .unwrap();
        single.push(started.elapsed());
    }
    let (fan_out, single) = (median(fan_out), median(single));
    println!(
        "{name}: fan-out to {members} members {:.1} ms (median of {rounds}; target < 1000 ms), \
         one notification {:.2} ms, ratio {:.0}×",
        ms(fan_out),
        ms(single),
        fan_out.as_secs_f64() / single.as_secs_f64(),
    );
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
