//! A real server on a TCP port, and the clients a browser would be: a WebSocket on the board's
//! live connection, and plain HTTP for submits.

use std::net::SocketAddr;
use std::time::Duration;

use app::api::board::{BoardLive, SubmitBoard};
use app::domain::board::live::{ClientMessage, ServerMessage};
use app::domain::board::ops::BoardOp;
use app::domain::board::{Annotation, AnnotationId};
use app::error::AppError;
use app::server::state::AppState;
use axum::http::StatusCode;
use comtem::serve::ServeLimits;
use futures::{SinkExt, StreamExt};
use leptos::server_fn::ServerFn;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::{Error, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};

/// How long a test waits for a message before failing.
const PATIENCE: Duration = Duration::from_secs(10);

/// Serves the whole application on a free port of 127.0.0.1, until the test ends.
pub async fn serve(state: AppState) -> SocketAddr {
    serve_within(state, ServeLimits::default()).await
}

/// Serves the whole application as [`serve`] does, within `limits`.
pub async fn serve_within(state: AppState, limits: ServeLimits) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = comtem::router::router(state);
    let forever = std::future::pending();
    tokio::spawn(comtem::serve::serve(listener, app, limits, forever));
    addr
}

/// A browser's live connection to the board.
pub struct Client {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Client {
    /// Opens the live connection as the holder of `session`, from a page of `origin`; the
    /// status the server answered with when it refused to upgrade.
    pub async fn open(
        addr: SocketAddr,
        session: Option<&str>,
        origin: Option<&str>,
    ) -> Result<Self, StatusCode> {
        let mut request = format!("ws://{addr}{}", BoardLive::PATH)
            .into_client_request()
            .unwrap();
        let headers = request.headers_mut();
        if let Some(session) = session {
            let cookie = session_cookie(session);
            headers.insert("cookie", cookie.parse().unwrap());
        }
        if let Some(origin) = origin {
            headers.insert("origin", origin.parse().unwrap());
        }
        match connect_async(request).await {
            Ok((ws, _)) => Ok(Self { ws }),
            Err(Error::Http(response)) => Err(response.status()),
            Err(error) => panic!("cannot connect: {error}"),
        }
    }

    /// Opens the live connection as a page of the server itself would, and follows the board
    /// of `year` after `since`.
    pub async fn follow(addr: SocketAddr, session: &str, year: i32, since: i64) -> Self {
        let origin = format!("http://{addr}");
        let mut client = Self::open(addr, Some(session), Some(&origin))
            .await
            .expect("upgraded");
        client.send(&ClientMessage::Follow { year, since }).await;
        client
    }

    /// Sends a message as the browser encodes it: a binary frame, tag 0, then JSON.
    pub async fn send(&mut self, message: &ClientMessage) {
        let mut frame = vec![0];
        frame.extend(serde_json::to_vec(message).unwrap());
        self.ws.send(Message::binary(frame)).await.unwrap();
    }

    /// Sends `bytes` as one binary frame, whatever they hold.
    pub async fn send_raw(&mut self, bytes: Vec<u8>) -> Result<(), Error> {
        self.ws.send(Message::binary(bytes)).await
    }

    /// The next message; `None` when the server closed the connection.
    pub async fn next(&mut self) -> Option<Result<ServerMessage, AppError>> {
        self.next_within(PATIENCE).await.expect("a message in time")
    }

    /// The next message if one comes within `wait` (`Some(None)`: closed).
    pub async fn next_within(
        &mut self,
        wait: Duration,
    ) -> Option<Option<Result<ServerMessage, AppError>>> {
        loop {
            let frame = tokio::time::timeout(wait, self.ws.next()).await.ok()?;
            let bytes = match frame {
                Some(Ok(Message::Binary(bytes))) => bytes,
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return Some(None),
                Some(Ok(_)) => continue,
            };
            let (tag, json) = bytes.split_first().expect("a tag");
            return Some(Some(match tag {
                0 => Ok(serde_json::from_slice(json).expect("a server message")),
                _ => Err(serde_json::from_slice(json).expect("an error")),
            }));
        }
    }

    /// The changes received until `count` annotations came, skipping other messages.
    pub async fn changes(&mut self, count: usize) -> Vec<Annotation> {
        let mut changes = Vec::new();
        while changes.len() < count {
            if let Some(Ok(ServerMessage::Changes(more))) = self.next().await {
                changes.extend(more);
            }
        }
        changes
    }

    /// Asserts that no change arrives within `wait`.
    pub async fn no_changes_within(&mut self, wait: Duration) {
        let deadline = tokio::time::Instant::now() + wait;
        while let Some(left) = deadline.checked_duration_since(tokio::time::Instant::now()) {
            match self.next_within(left).await {
                None => return,
                Some(Some(Ok(ServerMessage::Changes(more)))) => panic!("unexpected: {more:?}"),
                Some(_) => {}
            }
        }
    }

    /// Closes the connection as a browser leaving the page does.
    pub async fn close(mut self) {
        let _ = self.ws.close(None).await;
    }
}

/// Submits `op` to the board of `year` over a new HTTP connection to `addr`, as the holder of
/// `session`, and returns the annotation answered (the submit must succeed).
pub async fn submit(
    addr: SocketAddr,
    session: &str,
    year: i32,
    key: &str,
    op: &BoardOp,
) -> Annotation {
    let args = SubmitBoard {
        anno: year,
        chiave: AnnotationId(key.to_owned()),
        op: op.clone(),
    };
    let body = serde_json::to_string(&args).unwrap();
    let cookie = session_cookie(session);
    let request = format!(
        "POST {} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\
         Cookie: {cookie}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        SubmitBoard::PATH,
        body.len()
    );
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    let (head, body) = response.split_once("\r\n\r\n").expect("a response");
    assert!(head.starts_with("HTTP/1.1 200"), "{response}");
    serde_json::from_str(body).unwrap_or_else(|error| panic!("{error}: {response}"))
}

/// The `Cookie` header value for `session` under the tests' default settings.
fn session_cookie(session: &str) -> String {
    let settings = app::server::settings::Settings::default();
    format!(
        "{}={session}",
        app::server::auth::sessions::session_cookie(&settings)
    )
}
