//! The live board over real TCP and real WebSockets: a change reaches the other clients, a
//! client back after a disconnect gets exactly what it missed, presence, and who may not
//! connect. The hub and the catch-up are in `live/hub.rs`; two instances on one PostgreSQL
//! database in `live/instances.rs`.

pub mod client;
mod hub;
mod instances;
mod limits;

use std::time::Duration;

use app::api::account::LogOut;
use app::domain::board::live::{ClientMessage, Presence, ServerMessage};
use app::domain::board::ops::{BoardOp, NewAnnotation};
use app::domain::board::{Anchor, AnnotationId, AnnotationKind};
use app::domain::cycle::Phase;
use app::domain::person::Email;
use app::domain::role::{Role, RoleKind};
use app::error::AppError;
use app::server::db::{self, Db};
use app::server::settings::Settings;
use axum::http::StatusCode;

use crate::support::{BOARD_YEAR as YEAR, TestApp, lead, logged_in, open_board, slug};
use client::{Client, serve, submit};

on_both_databases!(
    a_change_reaches_another_client_live,
    visitors_members_and_other_sites_cannot_connect,
    a_client_back_after_a_disconnect_gets_exactly_what_it_missed,
    presence_shows_who_follows_and_which_plan,
    logging_out_or_losing_the_role_ends_the_connection,
);

/// When the cycle moves on and comments are made in these tests.
const NOW: &str = "2024-05-13T07:00:00Z";

/// A comment `key` on the whole objective `ob69j` of the plan of `dati`.
fn comment(key: &str) -> BoardOp {
    BoardOp::Create(NewAnnotation {
        id: AnnotationId(key.to_owned()),
        community: slug("dati"),
        anchor: Anchor::whole("ob69j"),
        kind: AnnotationKind::Comment,
        body: format!("Nota {key}."),
        synergy: None,
        proposal: None,
    })
}

/// The event ids of `changes`.
fn events(changes: &[app::domain::board::Annotation]) -> Vec<i64> {
    changes.iter().map(|change| change.event).collect()
}

async fn a_change_reaches_another_client_live(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let addr = serve(app.state.clone()).await;
    let mut follower = Client::follow(addr, &carla, YEAR, 0).await;
    follower.send(&ClientMessage::Ping).await;
    while !matches!(follower.next().await, Some(Ok(ServerMessage::Pong))) {}

    let made = submit(addr, &rocco, YEAR, "chiave000001", &comment("nota00000001")).await;
    assert_eq!(follower.changes(1).await, [made], "live, as submitted");
    let next = submit(addr, &rocco, YEAR, "chiave000002", &comment("nota00000002")).await;
    assert_eq!(follower.changes(1).await, [next], "the next one only");
    follower.no_changes_within(Duration::from_millis(300)).await;
    follower.close().await;
}

async fn visitors_members_and_other_sites_cannot_connect(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::Shared).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let mario = logged_in(&app, "Mario Verdi", &["dati"], None).await;
    let addr = serve(app.state.clone()).await;
    let here = format!("http://{addr}");
    let refused = |result: Result<Client, StatusCode>| result.err();

    let before = Client::open(addr, Some(&carla), Some(&here)).await;
    assert_eq!(
        refused(before),
        Some(StatusCode::FORBIDDEN),
        "not before the cross-reading"
    );
    assert!(
        db::cycles::advance(&db, YEAR, Phase::Shared, NOW)
            .await
            .unwrap()
    );
    let cases = [
        (
            None,
            Some(here.as_str()),
            StatusCode::UNAUTHORIZED,
            "a visitor",
        ),
        (Some(&mario), Some(&here), StatusCode::FORBIDDEN, "a member"),
        (
            Some(&carla),
            Some("https://evil.example"),
            StatusCode::FORBIDDEN,
            "another site",
        ),
        (Some(&carla), None, StatusCode::FORBIDDEN, "no origin"),
    ];
    for (session, origin, status, who) in cases {
        let result = Client::open(addr, session.map(String::as_str), origin).await;
        assert_eq!(refused(result), Some(status), "{who}");
    }
    let mut carla = Client::open(addr, Some(&carla), Some(&here))
        .await
        .expect("a coordinator");
    carla
        .send(&ClientMessage::Follow {
            year: YEAR - 1,
            since: 0,
        })
        .await;
    assert_eq!(
        carla.next().await,
        Some(Err(AppError::NotFound)),
        "another year"
    );
    assert_eq!(carla.next().await, None, "then closed");
}

async fn a_client_back_after_a_disconnect_gets_exactly_what_it_missed(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let addr = serve(app.state.clone()).await;
    let mut follower = Client::follow(addr, &carla, YEAR, 0).await;
    for n in 1..=2 {
        let key = format!("nota{n:08}");
        submit(addr, &rocco, YEAR, &format!("chiave{n:06}"), &comment(&key)).await;
    }
    let seen = follower.changes(2).await;
    assert_eq!(events(&seen), [1, 2]);
    follower.close().await;

    let mut missed = Vec::new();
    for n in 3..=5 {
        let key = format!("nota{n:08}");
        missed.push(submit(addr, &rocco, YEAR, &format!("chiave{n:06}"), &comment(&key)).await);
    }
    let mut back = Client::follow(addr, &carla, YEAR, 2).await;
    assert_eq!(
        back.changes(3).await,
        missed,
        "exactly the three missed, in order"
    );
    back.no_changes_within(Duration::from_millis(300)).await;
    let mut fresh = Client::follow(addr, &carla, YEAR, 0).await;
    assert_eq!(events(&fresh.changes(5).await), [1, 2, 3, 4, 5]);
    fresh.no_changes_within(Duration::from_millis(300)).await;
}

/// Settings whose live connections re-check the session every `recheck`.
fn rechecking_every(recheck: Duration) -> Settings {
    let mut settings = Settings::default();
    settings.live.recheck = recheck;
    settings
}

async fn logging_out_or_losing_the_role_ends_the_connection(db: Db) {
    // The clients never ping: the server re-checks by itself.
    let app = TestApp::with_settings(&db, rechecking_every(Duration::from_millis(300)));
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let addr = serve(app.state.clone()).await;
    let mut left = Client::follow(addr, &carla, YEAR, 0).await;
    let mut demoted = Client::follow(addr, &rocco, YEAR, 0).await;
    for client in [&mut left, &mut demoted] {
        client.no_changes_within(Duration::from_millis(700)).await;
    }

    app.call(&LogOut {}, Some(&carla)).await;
    assert_eq!(ending(&mut left).await, Some(Err(AppError::LoginRequired)));
    assert_eq!(left.next().await, None, "then closed");

    let email = Email::parse("rocco.bassi@comune.it").unwrap();
    let (rocco_id, _) = db::people::credentials(&db, &email)
        .await
        .unwrap()
        .expect("signed up");
    let role = Role::in_community(RoleKind::Referent, slug("documenti"));
    db::roles::revoke(&db, &rocco_id, &role).await.unwrap();
    assert_eq!(ending(&mut demoted).await, Some(Err(AppError::Forbidden)));
    assert_eq!(demoted.next().await, None, "then closed");
}

/// The first message from `client` that is not a presence list (those come whenever someone
/// arrives or goes).
async fn ending(client: &mut Client) -> Option<Result<ServerMessage, AppError>> {
    loop {
        match client.next().await {
            Some(Ok(ServerMessage::Presence(_))) => {}
            other => return other,
        }
    }
}

async fn presence_shows_who_follows_and_which_plan(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let addr = serve(app.state.clone()).await;
    let mut first = Client::follow(addr, &carla, YEAR, 0).await;
    let mut second = Client::follow(addr, &rocco, YEAR, 0).await;
    first
        .send(&ClientMessage::Viewing(Some(slug("dati"))))
        .await;
    let both = vec![("Carla Neri", Some("dati")), ("Rocco Bassi", None)];
    for client in [&mut first, &mut second] {
        presence_until(client, &both).await;
    }
    second.close().await;
    presence_until(&mut first, &both[..1]).await;
}

/// Waits until `client` is told that `expected` (names, and the plans they view) follow the
/// board.
async fn presence_until(client: &mut Client, expected: &[(&str, Option<&str>)]) {
    let seen = |list: &[Presence]| -> Vec<(String, Option<String>)> {
        list.iter()
            .map(|p| (p.name.clone(), p.viewing.as_ref().map(|v| v.to_string())))
            .collect()
    };
    let expected: Vec<_> = expected
        .iter()
        .map(|(name, viewing)| ((*name).to_owned(), viewing.map(str::to_owned)))
        .collect();
    loop {
        match client.next().await {
            Some(Ok(ServerMessage::Presence(list))) if seen(&list) == expected => return,
            None => panic!("closed before the presence {expected:?}"),
            _ => {}
        }
    }
}
