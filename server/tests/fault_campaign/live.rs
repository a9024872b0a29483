//! Live board clients as the browser runs them: a WebSocket to the board's live connection that
//! follows the board, pings every 20 s, notes when each change arrives and, when the connection
//! ends (the server or the database went away), opens it again after the last event it saw,
//! as the page does. And the coordinators' side: annotating through the submit server function.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::api::board::{BoardLive, SubmitBoard};
use app::api::plans::ReadPlan;
use app::domain::board::live::{ClientMessage, ServerMessage};
use app::domain::board::{Annotation, AnnotationId};
use app::domain::plan::pages::PlanView;
use futures::{SinkExt, StreamExt};
use leptos::server_fn::ServerFn;
use tokio::net::TcpStream;
use tokio::sync::{Notify, watch};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};

use super::http;
use super::writers::{self, YEAR};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// How often a client pings, as the browser does.
const PING_EVERY: Duration = Duration::from_secs(20);

/// What one client saw.
#[derive(Debug, Default)]
pub struct Seen {
    /// Each annotation received, by id: when it first arrived.
    pub arrived: HashMap<String, Instant>,
    /// The last board event received: where a new connection resumes.
    pub last: i64,
    /// Whether the connection answered after `Follow` (the server then broadcasts to it).
    pub following: bool,
    /// Connections opened after the first.
    pub reconnects: usize,
}

/// A live client running in its own task until [`Follower::stop`].
pub struct Follower {
    pub seen: Arc<Mutex<Seen>>,
    stop: watch::Sender<bool>,
    cut: Arc<Notify>,
    task: tokio::task::JoinHandle<()>,
}

impl Follower {
    /// Follows the board through `addr` as the holder of `cookie`, from event `since`.
    pub fn start(addr: SocketAddr, cookie: String, since: i64) -> Self {
        let seen = Arc::new(Mutex::new(Seen {
            last: since,
            ..Seen::default()
        }));
        let (stop, stopped) = watch::channel(false);
        let cut = Arc::new(Notify::new());
        let ends = Ends {
            stop: stopped,
            cut: cut.clone(),
        };
        let task = tokio::spawn(run(addr, cookie, seen.clone(), ends));
        Self {
            seen,
            stop,
            cut,
            task,
        }
    }

    /// Drops the connection as a lost network or a reloaded page does: the client opens it
    /// again by itself.
    pub fn cut(&self) {
        self.cut.notify_one();
    }

    /// Whether the client follows the board now.
    pub fn following(&self) -> bool {
        self.seen.lock().expect("seen").following
    }

    /// Closes the connection and ends the task.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

/// What ends a connection from the client's side: the test stopping the client, or cutting
/// the connection.
struct Ends {
    stop: watch::Receiver<bool>,
    cut: Arc<Notify>,
}

/// Opens, follows, reads; opens again after `last` whenever the connection ends.
async fn run(addr: SocketAddr, cookie: String, seen: Arc<Mutex<Seen>>, mut ends: Ends) {
    let mut back_off = Duration::from_millis(100);
    for attempt in 0.. {
        if attempt > 0 {
            seen.lock().expect("seen").reconnects += 1;
        }
        if let Some(mut socket) = open(addr, &cookie).await {
            let since = seen.lock().expect("seen").last;
            if send(&mut socket, &ClientMessage::Follow { year: YEAR, since }).await {
                back_off = Duration::from_millis(100);
                read(&mut socket, &seen, &mut ends).await;
            }
            seen.lock().expect("seen").following = false;
            let _ = socket.close(None).await;
        }
        if *ends.stop.borrow() {
            return;
        }
        tokio::select! {
            () = tokio::time::sleep(back_off) => {}
            _ = ends.stop.changed() => return,
        }
        back_off = (back_off * 2).min(Duration::from_secs(1));
    }
}

/// Opens the live connection as a page of the site would; `None` when refused or unreachable.
async fn open(addr: SocketAddr, cookie: &str) -> Option<Socket> {
    let mut request = format!("ws://{addr}{}", BoardLive::PATH)
        .into_client_request()
        .expect("a request");
    let headers = request.headers_mut();
    headers.insert("cookie", cookie.parse().expect("a cookie"));
    let origin = format!("http://{addr}");
    headers.insert("origin", origin.parse().expect("an origin"));
    let connecting = tokio::time::timeout(Duration::from_secs(10), connect_async(request));
    match connecting.await {
        Ok(Ok((socket, _))) => Some(socket),
        _ => None,
    }
}

/// Sends `message` as the browser encodes it: a binary frame, tag 0, then JSON.
async fn send(socket: &mut Socket, message: &ClientMessage) -> bool {
    let mut frame = vec![0];
    frame.extend(serde_json::to_vec(message).expect("JSON"));
    socket.send(Message::binary(frame)).await.is_ok()
}

/// Reads until the connection ends or the client is stopped, pinging every [`PING_EVERY`].
async fn read(socket: &mut Socket, seen: &Mutex<Seen>, ends: &mut Ends) {
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.reset();
    loop {
        let frame = tokio::select! {
            frame = socket.next() => frame,
            _ = ping.tick() => {
                if send(socket, &ClientMessage::Ping).await { continue } else { return }
            }
            _ = ends.stop.changed() => return,
            () = ends.cut.notified() => return,
        };
        let bytes = match frame {
            Some(Ok(Message::Binary(bytes))) => bytes,
            Some(Ok(Message::Close(_)) | Err(_)) | None => return,
            Some(Ok(_)) => continue,
        };
        let arrived = Instant::now();
        // Tag 0 is a message, any other an error (the server closes after it). The presence
        // list is large with many followers and says nothing here: not parsed.
        let Some((0, json)) = bytes.split_first() else {
            continue;
        };
        let mut seen = seen.lock().expect("seen");
        seen.following = true;
        if json.starts_with(b"{\"Presence\"") {
            continue;
        }
        if let Ok(ServerMessage::Changes(changes)) = serde_json::from_slice(json) {
            for change in changes {
                seen.arrived.entry(change.id.0.clone()).or_insert(arrived);
                seen.last = seen.last.max(change.event);
            }
        }
    }
}

/// The first objective of `community`'s plan, read as the holder of `cookie`.
pub async fn first_objective(addr: SocketAddr, cookie: &str, community: &str) -> String {
    let read = ReadPlan {
        anno: YEAR,
        comunita: community.to_owned(),
    };
    let reply = writers::call(addr, &read, Some(cookie))
        .await
        .expect("the plan");
    let view: PlanView = serde_json::from_str(&reply.body).expect("a plan");
    view.plan.content.objectives[0].id.0.clone()
}

/// Comments on objective `item` of `community`'s plan as the holder of `cookie`: the new
/// annotation's id and when the server acknowledged it, or `None` (not acknowledged).
pub async fn annotate(
    addr: SocketAddr,
    cookie: &str,
    community: &str,
    item: &str,
) -> Option<(String, Instant)> {
    let key = format!("fc{}", writers::unique());
    let args = SubmitBoard {
        anno: YEAR,
        chiave: AnnotationId(key.clone()),
        op: writers::comment(&key, community, item),
    };
    let body = serde_json::to_string(&args).expect("JSON");
    let reply = http::post(
        addr,
        SubmitBoard::PATH,
        "application/json",
        &body,
        Some(cookie),
    )
    .await
    .ok()?;
    let acked = Instant::now();
    let made: Annotation = serde_json::from_str(&reply.body)
        .ok()
        .filter(|_| reply.status == 200)?;
    Some((made.id.0, acked))
}

/// Comments as [`annotate`] does, and fails unless acknowledged: the annotation's id.
pub async fn acknowledged(addr: SocketAddr, cookie: &str, community: &str, item: &str) -> String {
    let made = annotate(addr, cookie, community, item).await;
    made.expect("an annotation acknowledged").0
}

/// Waits until every follower has every one of `ids`, for at most `patience`; how many
/// (follower, id) pairs are still missing.
pub async fn wait_for_all(followers: &[Follower], ids: &[String], patience: Duration) -> usize {
    let deadline = Instant::now() + patience;
    loop {
        let missing: usize = followers
            .iter()
            .map(|follower| {
                let seen = follower.seen.lock().expect("seen");
                ids.iter()
                    .filter(|id| !seen.arrived.contains_key(*id))
                    .count()
            })
            .sum();
        if missing == 0 || Instant::now() >= deadline {
            return missing;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until every follower follows the board, for at most `patience`; whether they do.
pub async fn wait_following(followers: &[Follower], patience: Duration) -> bool {
    let deadline = Instant::now() + patience;
    while !followers.iter().all(Follower::following) {
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    true
}
