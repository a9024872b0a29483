//! The live connection: follows the board from the last event seen, applies every change,
//! announces the new annotations of others, and comes back by itself after a drop.

use futures::channel::mpsc::{UnboundedReceiver, UnboundedSender, unbounded};
use futures::{FutureExt, StreamExt};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::context::BoardContext;
use crate::api::board::board_live;
use crate::domain::board::live::{ClientMessage, Presence, ServerMessage};
use crate::domain::board::{Annotation, BoardView};
use crate::domain::community::CommunitySlug;
use crate::domain::markdown::plain_text;
use crate::error::AppError;
use crate::i18n::board_texts;

/// The wait before the first reconnection, doubled after each failed one.
const FIRST_WAIT_MS: u32 = 1000;
const MAX_WAIT_MS: u32 = 30_000;
/// How often a ping keeps the connection and the presence alive.
const PING_MS: u32 = 20_000;
/// Pings left unanswered before the connection counts as dead.
const SILENT_PINGS: u32 = 2;
/// Failed attempts in a row after which the page says it is offline (still retrying).
const OFFLINE_AFTER: u32 = 3;
/// Characters of an annotation read out when it arrives.
const EXCERPT_CHARS: usize = 120;

/// The state of the live connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connection {
    /// Not hydrated yet: the page shows what the server rendered.
    Static,
    Connecting,
    Live,
    Reconnecting,
    Offline,
}

impl Connection {
    /// The value of `data-connection`: `live`, `reconnecting` or `offline`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Live => "live",
            Self::Connecting | Self::Reconnecting => "reconnecting",
            Self::Static | Self::Offline => "offline",
        }
    }

    /// The state in words.
    pub fn words(self) -> &'static str {
        let t = board_texts();
        match self {
            Self::Static => t.connection_static,
            Self::Connecting => t.connection_connecting,
            Self::Live => t.connection_live,
            Self::Reconnecting => t.connection_reconnecting,
            Self::Offline => t.connection_offline,
        }
    }
}

/// What the page shows of the live connection.
#[derive(Clone, Copy)]
pub struct Live {
    pub connection: RwSignal<Connection>,
    /// Everyone following the board, and what they look at.
    pub presence: RwSignal<Vec<Presence>>,
    /// Set at the first answer of the first connection.
    pub ready: RwSignal<bool>,
}

/// What the page tells the connection task.
enum Control {
    Viewing(Option<CommunitySlug>),
    /// Stop waiting and reconnect now (the browser is back online).
    Now,
    Stop,
}

/// Starts following the board of `year` once hydrated, telling the server what `viewing` says;
/// stops when the page goes.
pub fn start(context: BoardContext, year: i32, viewing: Signal<Option<CommunitySlug>>) -> Live {
    let live = Live {
        connection: RwSignal::new(Connection::Static),
        presence: RwSignal::new(Vec::new()),
        ready: RwSignal::new(false),
    };
    let (control, receiver) = unbounded::<Control>();
    let stop = control.clone();
    on_cleanup(move || {
        let _ = stop.unbounded_send(Control::Stop);
    });
    let mut receiver = Some(receiver);
    let nudge = control.clone();
    Effect::new(move |_| {
        if let Some(receiver) = receiver.take() {
            live.connection.set(Connection::Connecting);
            spawn_local(run(context, year, live, receiver));
            let nudge = nudge.clone();
            let handle = window_event_listener(leptos::ev::online, move |_| {
                let _ = nudge.unbounded_send(Control::Now);
            });
            on_cleanup(move || handle.remove());
        }
    });
    Effect::new(move |_| {
        let _ = control.unbounded_send(Control::Viewing(viewing.get()));
    });
    live
}

/// How a connection ended.
enum Ended {
    Stopped,
    Dropped { answered: bool },
}

/// Connects, follows until the connection drops, waits, and connects again from the last event.
async fn run(
    context: BoardContext,
    year: i32,
    live: Live,
    mut control: UnboundedReceiver<Control>,
) {
    let mut viewing = None;
    let mut wait = FIRST_WAIT_MS;
    let mut failures = 0;
    loop {
        let Some(since) = context.view.try_with_untracked(|v| v.last_event) else {
            return;
        };
        let (input, output) = unbounded::<Result<ClientMessage, AppError>>();
        let _ = input.unbounded_send(Ok(ClientMessage::Follow { year, since }));
        let _ = input.unbounded_send(Ok(ClientMessage::Viewing(viewing.clone())));
        let ended = match board_live(output.into()).await {
            Ok(stream) => {
                follow(
                    stream.into(),
                    &input,
                    &mut control,
                    &mut viewing,
                    context,
                    live,
                )
                .await
            }
            Err(_) => Ended::Dropped { answered: false },
        };
        match ended {
            Ended::Stopped => return,
            Ended::Dropped { answered: true } => {
                wait = FIRST_WAIT_MS;
                failures = 0;
            }
            Ended::Dropped { answered: false } => {}
        }
        failures += 1;
        let state = if failures > OFFLINE_AFTER {
            Connection::Offline
        } else {
            Connection::Reconnecting
        };
        if live.connection.try_set(state).is_some() || pause(wait, &mut control, &mut viewing).await
        {
            return;
        }
        wait = (wait * 2).min(MAX_WAIT_MS);
    }
}

type Messages =
    std::pin::Pin<Box<dyn futures::Stream<Item = Result<ServerMessage, AppError>> + Send>>;

/// Reads one connection until it drops or the page stops it; pings every [`PING_MS`].
async fn follow(
    stream: Messages,
    input: &UnboundedSender<Result<ClientMessage, AppError>>,
    control: &mut UnboundedReceiver<Control>,
    viewing: &mut Option<CommunitySlug>,
    context: BoardContext,
    live: Live,
) -> Ended {
    let mut stream = stream.fuse();
    let mut answered = false;
    let mut silent = 0;
    let mut tick = TimeoutFuture::new(PING_MS).fuse();
    loop {
        futures::select! {
            message = stream.next() => match message {
                Some(Ok(message)) => {
                    silent = 0;
                    if !answered {
                        answered = true;
                        live.connection.set(Connection::Live);
                        live.ready.set(true);
                    }
                    if receive(message, context, live).is_none() {
                        return Ended::Stopped;
                    }
                }
                Some(Err(_)) | None => return Ended::Dropped { answered },
            },
            command = control.next() => match command {
                Some(Control::Viewing(now)) => {
                    if now != *viewing {
                        viewing.clone_from(&now);
                        if input.unbounded_send(Ok(ClientMessage::Viewing(now))).is_err() {
                            return Ended::Dropped { answered };
                        }
                    }
                }
                Some(Control::Now) => {}
                Some(Control::Stop) | None => return Ended::Stopped,
            },
            () = tick => {
                silent += 1;
                if silent > SILENT_PINGS || input.unbounded_send(Ok(ClientMessage::Ping)).is_err() {
                    return Ended::Dropped { answered };
                }
                tick = TimeoutFuture::new(PING_MS).fuse();
            },
        }
    }
}

/// Waits `ms` (less if the browser comes back online); `true` when the page stopped it.
async fn pause(
    ms: u32,
    control: &mut UnboundedReceiver<Control>,
    viewing: &mut Option<CommunitySlug>,
) -> bool {
    let mut timer = TimeoutFuture::new(ms).fuse();
    loop {
        futures::select! {
            () = timer => return false,
            command = control.next() => match command {
                Some(Control::Viewing(now)) => *viewing = now,
                Some(Control::Now) => return false,
                Some(Control::Stop) | None => return true,
            },
        }
    }
}

/// Handles one message; `None` when the page is gone.
fn receive(message: ServerMessage, context: BoardContext, live: Live) -> Option<()> {
    match message {
        ServerMessage::Changes(changes) => {
            let news = context.view.try_update(|view| {
                let mut fresh = Vec::new();
                for change in changes {
                    let new = !view.annotations.iter().any(|a| a.id == change.id);
                    let theirs = change.author.id != view.me.person_id && !change.deleted;
                    if view.apply(change.clone()) && new && theirs {
                        fresh.push(change);
                    }
                }
                announcement(view, &fresh)
            })?;
            if let Some(text) = news {
                context.announcement.set(text);
            }
        }
        ServerMessage::Presence(presence) => {
            if live.presence.try_set(presence).is_some() {
                return None;
            }
        }
        ServerMessage::Pong => {}
    }
    Some(())
}

/// What the live region reads out about `fresh`, the new annotations of others.
fn announcement(view: &BoardView, fresh: &[Annotation]) -> Option<String> {
    let t = board_texts();
    match fresh {
        [] => None,
        [one] => {
            let plan = view
                .plan(&one.community)
                .map(|p| p.name.as_str())
                .unwrap_or_default();
            let text = plain_text(&one.body);
            let mut excerpt: String = text.chars().take(EXCERPT_CHARS).collect();
            if text.chars().count() > EXCERPT_CHARS {
                excerpt.push('…');
            }
            Some((t.announce_new)(one.kind, &one.author.name, plan, &excerpt))
        }
        many => Some((t.announce_many)(many.len())),
    }
}
