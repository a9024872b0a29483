//! The clients: live followers that note when each annotation reaches them (some drop and
//! reconnect half-way), and one person submitting annotations over HTTP.

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use app::api::board::{BoardLive, SubmitBoard};
use app::domain::board::live::ClientMessage;
use app::domain::board::ops::{BoardOp, NewAnnotation};
use app::domain::board::{Anchor, AnnotationId, AnnotationKind};
use app::domain::community::CommunitySlug;
use futures::{SinkExt, StreamExt};
use leptos::server_fn::ServerFn;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async_with_config};

use super::setup::YEAR;

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// What a follower reads of `ServerMessage`: the ids and events of changes, the size of the
/// presence list. (Decoding whole annotations in the clients would take CPU from the server
/// they share the machine with, and measure the clients.)
#[derive(serde::Deserialize)]
enum Received {
    Changes(Vec<Change>),
    Presence(Vec<serde::de::IgnoredAny>),
    Pong,
}

#[derive(serde::Deserialize)]
struct Change {
    id: String,
    event: i64,
}

/// One follower's part in the run.
pub struct Follower {
    pub addr: SocketAddr,
    pub session: String,
    /// Drop the connection after this many annotations, and come back with `since`.
    pub reconnect_after: Option<usize>,
}

/// What one follower received.
pub struct Receipts {
    /// When each annotation first arrived, by id.
    pub got: HashMap<String, Instant>,
    pub duplicates: usize,
    pub reconnected: bool,
}

/// Opens a live connection and follows the board after `since`.
async fn open(addr: SocketAddr, session: &str, since: i64) -> Socket {
    let mut request = format!("ws://{addr}{}", BoardLive::PATH)
        .into_client_request()
        .unwrap();
    let headers = request.headers_mut();
    headers.insert("cookie", session_cookie(session).parse().unwrap());
    headers.insert("origin", format!("http://{addr}").parse().unwrap());
    // Browsers send small messages at once (no Nagle); and tungstenite's default 128 KiB read
    // buffer, zeroed before every read, would make the clients cost more than the server.
    let config = WebSocketConfig::default().read_buffer_size(8 * 1024);
    let (mut socket, _) = connect_async_with_config(request, Some(config), true)
        .await
        .expect("upgraded");
    let follow = ClientMessage::Follow { year: YEAR, since };
    let mut frame = vec![0];
    frame.extend(serde_json::to_vec(&follow).unwrap());
    socket.send(Message::binary(frame)).await.unwrap();
    socket
}

/// Follows until `expected` annotations arrived or `stop` turns true; `settled` is told once
/// this follower sees `everyone` on the board.
pub async fn follow(
    follower: Follower,
    expected: usize,
    everyone: usize,
    settled: tokio::sync::mpsc::Sender<()>,
    mut stop: watch::Receiver<bool>,
) -> Receipts {
    let mut socket = open(follower.addr, &follower.session, 0).await;
    let mut receipts = Receipts {
        got: HashMap::new(),
        duplicates: 0,
        reconnected: false,
    };
    let (mut events, mut last, mut told) = (HashSet::new(), 0, false);
    while receipts.got.len() < expected {
        let frame = tokio::select! {
            frame = socket.next() => frame,
            _ = stop.wait_for(|stop| *stop) => break,
        };
        let bytes = match frame {
            Some(Ok(Message::Binary(bytes))) => bytes,
            Some(Ok(_)) => continue,
            Some(Err(_)) | None => break,
        };
        let arrived = Instant::now();
        match serde_json::from_slice::<Received>(&bytes[1..]) {
            Ok(Received::Presence(list)) if !told && list.len() >= everyone => {
                told = true;
                let _ = settled.send(()).await;
            }
            Ok(Received::Changes(changes)) => {
                for change in changes {
                    last = last.max(change.event);
                    if events.insert(change.event) {
                        receipts.got.insert(change.id, arrived);
                    } else {
                        receipts.duplicates += 1;
                    }
                }
            }
            _ => {}
        }
        let due = follower
            .reconnect_after
            .is_some_and(|after| receipts.got.len() >= after);
        if due && !receipts.reconnected {
            receipts.reconnected = true;
            let _ = socket.close(None).await;
            tokio::time::sleep(Duration::from_millis(50)).await;
            socket = open(follower.addr, &follower.session, last).await;
        }
    }
    let _ = socket.close(None).await;
    receipts
}

/// When a submit was sent, and when its answer (the change committed) came back.
pub struct Submitted {
    pub sent: Instant,
    pub answered: Instant,
}

/// Submits `count` comments, one every `every` (or as soon as the previous one was answered),
/// over one HTTP connection to `addr`, as the holder of `session`; each by annotation id.
pub async fn submit_all(
    addr: SocketAddr,
    session: &str,
    count: usize,
    every: Duration,
) -> HashMap<String, Submitted> {
    let mut http = BufReader::new(TcpStream::connect(addr).await.unwrap());
    let mut submitted = HashMap::new();
    let mut slot = tokio::time::interval(every);
    for n in 0..count {
        slot.tick().await;
        let id = format!("nota{n:08}");
        let body = serde_json::to_string(&SubmitBoard {
            anno: YEAR,
            chiave: AnnotationId(format!("chiave{n:08}")),
            op: BoardOp::Create(NewAnnotation {
                id: AnnotationId(id.clone()),
                community: CommunitySlug::parse("dati").unwrap(),
                anchor: Anchor::whole("ob69j"),
                kind: AnnotationKind::Comment,
                body: format!("Nota {n} della prova di carico."),
                synergy: None,
                proposal: None,
            }),
        })
        .unwrap();
        let cookie = session_cookie(session);
        let request = format!(
            "POST {} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\
             Cookie: {cookie}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            SubmitBoard::PATH,
            body.len()
        );
        let sent = Instant::now();
        http.get_mut().write_all(request.as_bytes()).await.unwrap();
        read_response(&mut http).await;
        let answered = Instant::now();
        submitted.insert(id, Submitted { sent, answered });
    }
    submitted
}

/// Reads one response with a `Content-Length` body, and checks it is a success.
async fn read_response(http: &mut BufReader<TcpStream>) {
    let (mut status, mut length) = (String::new(), 0);
    http.read_line(&mut status).await.unwrap();
    assert!(
        status.starts_with("HTTP/1.1 200"),
        "submit refused: {status}"
    );
    loop {
        let mut line = String::new();
        http.read_line(&mut line).await.unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    http.read_exact(&mut body).await.unwrap();
}

/// The `Cookie` header value for `session` under the benchmark's default settings.
fn session_cookie(session: &str) -> String {
    let settings = app::server::settings::Settings::default();
    format!(
        "{}={session}",
        app::server::auth::sessions::session_cookie(&settings)
    )
}
