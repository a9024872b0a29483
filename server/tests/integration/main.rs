//! Whole-stack tests: repositories and the router, each run on a fresh SQLite file and on a fresh
//! PostgreSQL database. `scripts/test.sh` skips the `postgres::` half (loudly) when no server answers.

mod support;

/// Declares each listed `async fn(Db)` as two tests, `sqlite::name` and `postgres::name`.
macro_rules! on_both_databases {
    ($($test:ident),+ $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $test() {
                crate::process_log::process_log();
                crate::support::TestDb::sqlite().await.run(super::$test).await;
            })+
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $test() {
                crate::process_log::process_log();
                crate::support::TestDb::postgres().await.run(super::$test).await;
            })+
        }
    };
}

mod accessibility;
mod audit;
mod authorization;
mod board;
mod erasure;
mod feed_reader;
mod general_plan;
mod limits;
mod live;
mod mail;
mod meetings;
mod membership;
mod news;
mod notifications;
mod numbers;
mod outage;
mod page_cache;
mod page_code;
mod passwords;
mod photos;
mod plans;
mod process_log;
#[path = "../shared/proxy.rs"]
mod proxy;
mod redirects;
mod repositories;
mod retention;
mod router;
mod sessions;
mod signup;
mod smtp_sink;
mod validation;
