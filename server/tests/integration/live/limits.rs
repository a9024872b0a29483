//! What one live connection may do: fall silent, flood, send one huge message, or be opened
//! again and again by the same person. Each ends that connection only; the others carry on.

use std::time::Duration;

use app::domain::board::live::{ClientMessage, ServerMessage};
use app::domain::cycle::Phase;
use app::domain::role::RoleKind;
use app::error::AppError;
use app::server::db::Db;
use app::server::settings::Settings;
use axum::http::StatusCode;

use super::client::{Client, serve, submit};
use super::{YEAR, comment};
use crate::support::{TestApp, lead, open_board};

on_both_databases!(
    a_silent_connection_is_closed,
    a_flood_or_a_huge_message_ends_that_connection_only,
    a_person_holds_a_few_connections_at_most,
);

async fn a_silent_connection_is_closed(db: Db) {
    let mut settings = Settings::default();
    settings.live.idle = Duration::from_millis(800);
    let app = TestApp::with_settings(&db, settings);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let addr = serve(app.state.clone()).await;
    let mut silent = Client::follow(addr, &carla, YEAR, 0).await;
    let mut talking = Client::follow(addr, &rocco, YEAR, 0).await;
    for _ in 0..4 {
        tokio::time::sleep(Duration::from_millis(400)).await;
        talking.send(&ClientMessage::Ping).await;
    }
    let made = submit(addr, &rocco, YEAR, "chiave000001", &comment("nota00000001")).await;
    assert_eq!(
        talking.changes(1).await,
        [made],
        "a client that pings stays"
    );
    assert!(
        closes_within(&mut silent, Duration::from_secs(5)).await,
        "silent for longer than the limit: closed"
    );
}

async fn a_flood_or_a_huge_message_ends_that_connection_only(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let addr = serve(app.state.clone()).await;
    let mut bystander = Client::follow(addr, &carla, YEAR, 0).await;

    let mut flooding = Client::follow(addr, &rocco, YEAR, 0).await;
    let limit = app.state.settings.live.messages;
    for _ in 0..=limit {
        flooding.send(&ClientMessage::Ping).await;
    }
    let mut told = None;
    while let Some(message) = flooding.next().await {
        if let Err(error) = message {
            told = Some(error);
        }
    }
    assert_eq!(
        told,
        Some(AppError::Throttled { minutes: 1 }),
        "told, then closed"
    );

    let mut huge = Client::follow(addr, &rocco, YEAR, 0).await;
    let mut frame = vec![0];
    frame.extend(format!("\"{}\"", "x".repeat(app.state.settings.live.bytes * 2)).bytes());
    // The server may close before the whole frame is written.
    let _ = huge.send_raw(frame).await;
    assert!(
        closes_within(&mut huge, Duration::from_secs(5)).await,
        "a message over the byte budget closes the connection"
    );

    let made = submit(addr, &rocco, YEAR, "chiave000001", &comment("nota00000001")).await;
    assert_eq!(bystander.changes(1).await, [made], "the others carry on");
    bystander.send(&ClientMessage::Ping).await;
    while !matches!(bystander.next().await, Some(Ok(ServerMessage::Pong))) {}
}

async fn a_person_holds_a_few_connections_at_most(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let addr = serve(app.state.clone()).await;
    let here = format!("http://{addr}");
    let most = app.state.settings.live.per_person;
    let mut open = Vec::new();
    for _ in 0..most {
        open.push(Client::follow(addr, &carla, YEAR, 0).await);
    }
    let one_more = Client::open(addr, Some(&carla), Some(&here)).await;
    assert_eq!(one_more.err(), Some(StatusCode::TOO_MANY_REQUESTS));
    assert!(
        Client::open(addr, Some(&rocco), Some(&here)).await.is_ok(),
        "another person is not counted with her"
    );
    open.pop().expect("one open").close().await;
    // The seat frees once the server has seen the connection go.
    let mut again = None;
    for _ in 0..50 {
        if let Ok(client) = Client::open(addr, Some(&carla), Some(&here)).await {
            again = Some(client);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(again.is_some(), "a closed connection frees its seat");
}

/// Whether the server closes `client`'s connection within `wait`, whatever it sends first.
async fn closes_within(client: &mut Client, wait: Duration) -> bool {
    let deadline = tokio::time::Instant::now() + wait;
    while let Some(left) = deadline.checked_duration_since(tokio::time::Instant::now()) {
        match client.next_within(left).await {
            Some(None) => return true,
            None => return false,
            Some(Some(_)) => {}
        }
    }
    false
}
