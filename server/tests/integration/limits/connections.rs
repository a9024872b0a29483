//! The connection limits over real TCP: a client that never finishes its headers, or keeps a
//! connection idle, is dropped; past the cap, new clients wait for a free connection.

use std::time::Duration;

use comtem::serve::ServeLimits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::live::client::serve_within;
use crate::support::{TestApp, TestDb};

/// A request for the health check, complete.
const HEALTH: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: comtem.test\r\n\r\n";

/// A request whose headers never end.
const UNFINISHED: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: comtem.test\r\nX-Slow: ";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_or_idle_clients_are_dropped_and_others_served() {
    TestDb::sqlite()
        .await
        .run(|db| async move {
            let limits = ServeLimits {
                header_read: Duration::from_secs(1),
                ..ServeLimits::default()
            };
            let addr = serve_within(TestApp::new(&db).state, limits).await;
            let mut slow = Vec::new();
            for _ in 0..50 {
                let mut stream = TcpStream::connect(addr).await.unwrap();
                stream.write_all(UNFINISHED).await.unwrap();
                slow.push(stream);
            }
            let mut kept_alive = TcpStream::connect(addr).await.unwrap();
            assert!(answer(&mut kept_alive).await.starts_with("HTTP/1.1 200"));
            assert!(
                answer(&mut TcpStream::connect(addr).await.unwrap())
                    .await
                    .starts_with("HTTP/1.1 200")
            );
            for stream in &mut slow {
                assert!(
                    closed_within(stream, Duration::from_secs(5)).await,
                    "headers never ended"
                );
            }
            assert!(
                closed_within(&mut kept_alive, Duration::from_secs(5)).await,
                "an idle kept-alive connection is closed too"
            );
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_cap_a_client_waits_for_a_free_connection() {
    TestDb::sqlite()
        .await
        .run(|db| async move {
            let limits = ServeLimits {
                max_connections: 2,
                header_read: Duration::from_secs(60),
                ..ServeLimits::default()
            };
            let addr = serve_within(TestApp::new(&db).state, limits).await;
            let mut held = Vec::new();
            for _ in 0..2 {
                let mut stream = TcpStream::connect(addr).await.unwrap();
                stream.write_all(UNFINISHED).await.unwrap();
                held.push(stream);
            }
            // Let the server accept the two before the third arrives.
            tokio::time::sleep(Duration::from_millis(200)).await;
            let waiting = tokio::spawn(async move {
                let mut stream = TcpStream::connect(addr).await.unwrap();
                answer(&mut stream).await
            });
            tokio::time::sleep(Duration::from_millis(500)).await;
            assert!(
                !waiting.is_finished(),
                "not served while both connections are held"
            );
            drop(held.pop());
            let served = tokio::time::timeout(Duration::from_secs(5), waiting).await;
            let served = served.expect("served once one is free").unwrap();
            assert!(served.starts_with("HTTP/1.1 200"), "{served}");
        })
        .await;
}

/// Sends the health check on `stream` and reads its answer's head.
async fn answer(stream: &mut TcpStream) -> String {
    stream.write_all(HEALTH).await.unwrap();
    let mut buffer = vec![0; 1024];
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer))
        .await
        .expect("an answer in time")
        .unwrap();
    String::from_utf8_lossy(&buffer[..read]).into_owned()
}

/// Whether the server closes `stream` within `wait`.
async fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut buffer = [0; 256];
    loop {
        match tokio::time::timeout(wait, stream.read(&mut buffer)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            Ok(Ok(_)) => {}
        }
    }
}
