//! The database going away and coming back while the server runs (PostgreSQL, through a proxy
//! the test stops): the health check and pages say "temporarily unavailable", and once the
//! database is back everything works again without a restart.

use std::time::{Duration, Instant};

use app::server::db;
use axum::http::StatusCode;

use crate::proxy::Proxy;
use crate::support::{TestApp, TestDb};

mod postgres {
    /// Named under `postgres::` so that a run without PostgreSQL skips it with the others.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_server_recovers_when_the_database_comes_back() {
        super::the_server_recovers_when_the_database_comes_back().await;
    }
}

async fn the_server_recovers_when_the_database_comes_back() {
    TestDb::postgres()
        .await
        .run(|direct| async move {
            let name: String = sqlx::query_scalar("SELECT CAST(current_database() AS TEXT)")
                .fetch_one(&direct)
                .await
                .unwrap();
            let mut proxy = Proxy::start(vec!["127.0.0.1:5432".parse().unwrap()]).await;
            let url = format!("postgres://postgres@{}/{name}", proxy.addr());
            let db = db::open(&url).await.unwrap();
            let app = TestApp::new(&db);
            assert_eq!(app.get("/healthz", &[]).await.status, StatusCode::OK);
            assert_eq!(app.get("/comunita", &[]).await.status, StatusCode::OK);

            proxy.stop();
            assert_eq!(
                app.get("/healthz", &[]).await.status,
                StatusCode::SERVICE_UNAVAILABLE
            );
            // A page a visitor saw within the last second may still come from the page cache
            // (it was right then): ask for one not rendered before the database went away.
            let page = app.get("/comunita/dati", &[]).await;
            assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
            assert!(
                page.body.contains("temporaneamente non disponibile"),
                "a clear message: {}",
                page.body
            );

            proxy.resume().await;
            let back = Instant::now();
            while app.get("/healthz", &[]).await.status != StatusCode::OK {
                assert!(back.elapsed() < Duration::from_secs(10), "back within 10 s");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            println!(
                "recovered {} ms after the database came back",
                back.elapsed().as_millis()
            );
            let page = app.get("/comunita", &[]).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(page.body.contains("Cybersecurity e Cloud"));
            db.close().await;
        })
        .await;
}
