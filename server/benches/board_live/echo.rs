//! The baseline: a bare axum WebSocket echo on its own port, and its round trip.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ws::{WebSocket, WebSocketUpgrade};
use axum::response::Response;
use axum::routing::get;
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::Message;

/// Serves `/echo` on a free port: every message comes back as it was.
pub async fn serve() -> SocketAddr {
    async fn upgrade(ws: WebSocketUpgrade) -> Response {
        ws.on_upgrade(echo)
    }
    async fn echo(mut socket: WebSocket) {
        while let Some(Ok(message)) = socket.recv().await {
            if socket.send(message).await.is_err() {
                return;
            }
        }
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = Router::new().route("/echo", get(upgrade));
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

/// `count` round trips of a message the size of a board change, one every `every`.
pub async fn round_trips(addr: SocketAddr, count: usize, every: Duration) -> Vec<Duration> {
    let (mut socket, _) = connect_async(format!("ws://{addr}/echo")).await.unwrap();
    let payload = vec![b'x'; 700];
    let mut slot = tokio::time::interval(every);
    let mut times = Vec::with_capacity(count);
    for _ in 0..count {
        slot.tick().await;
        let start = Instant::now();
        socket.send(Message::binary(payload.clone())).await.unwrap();
        loop {
            match socket.next().await {
                Some(Ok(Message::Binary(_))) => break,
                Some(Ok(_)) => continue,
                other => panic!("echo ended: {other:?}"),
            }
        }
        times.push(start.elapsed());
    }
    times
}
