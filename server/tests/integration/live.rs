//! The live board over real TCP and real WebSockets: a change reaches the other clients, a
//! client back after a disconnect gets exactly what it missed, presence, and who may not
//! connect. The hub and the catch-up are in `live/hub.rs`; two instances on one PostgreSQL
//! database in `live/instances.rs`.

mod client;
mod hub;
mod instances;

use std::time::Duration;

use app::api::account::LogIn;
use app::domain::board::live::{ClientMessage, Presence, ServerMessage};
use app::domain::board::ops::{BoardOp, NewAnnotation};
use app::domain::board::{Anchor, AnnotationId, AnnotationKind};
use app::domain::community::CommunitySlug;
use app::domain::cycle::Phase;
use app::domain::role::{Role, RoleKind};
use app::error::AppError;
use app::server::db::{self, Db, plans::Saved};
use axum::http::StatusCode;

use crate::support::{PASSWORD, TestApp, person};
use client::{Client, serve, submit};

on_both_databases!(
    a_change_reaches_another_client_live,
    visitors_members_and_other_sites_cannot_connect,
    a_client_back_after_a_disconnect_gets_exactly_what_it_missed,
    presence_shows_who_follows_and_which_plan,
);

/// The year of the board these tests open.
const YEAR: i32 = 2024;
const NOW: &str = "2024-05-13T07:00:00Z";

/// Opens the cycle of [`YEAR`] with every demo plan, and moves it on to `phase`.
async fn open_board(db: &Db, phase: Phase) {
    let deadlines = [(Phase::CrossReading, "2024-05-14".to_owned())];
    assert!(db::cycles::open(db, YEAR, &deadlines, NOW).await.unwrap());
    for (slug, plan) in app::server::demo::plans::plans().unwrap() {
        let saved = db::plans::save(db, YEAR, &slug, 0, &plan, None, NOW).await;
        assert_eq!(saved.unwrap(), Saved::Yes);
    }
    for from in Phase::ALL.iter().take_while(|p| **p < phase) {
        assert!(db::cycles::advance(db, YEAR, *from, NOW).await.unwrap());
    }
}

/// Signs up `name` to `community`, grants `role`, logs them in and returns the session.
async fn someone(app: &TestApp, name: &str, community: &str, role: Option<RoleKind>) -> String {
    let db = &app.state.db;
    let email = format!("{}@comune.it", name.to_lowercase().replace(' ', "."));
    let id = person(db, &email, &[community]).await;
    let (first, last) = name.split_once(' ').expect("first and last name");
    db::people::update_details(db, &id, first, last, "Istruttrice")
        .await
        .unwrap();
    if let Some(kind) = role {
        let role = Role::in_community(kind, slug(community));
        db::roles::grant(db, &id, &role, NOW).await.unwrap();
    }
    let login = LogIn {
        email,
        password: PASSWORD.into(),
        next: String::new(),
    };
    app.call(&login, None).await.session().expect("logged in")
}

fn slug(text: &str) -> CommunitySlug {
    CommunitySlug::parse(text).unwrap()
}

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
    let carla = someone(&app, "Carla Neri", "dati", Some(RoleKind::Coordinator)).await;
    let rocco = someone(&app, "Rocco Bassi", "documenti", Some(RoleKind::Referent)).await;
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
    let carla = someone(&app, "Carla Neri", "dati", Some(RoleKind::Coordinator)).await;
    let mario = someone(&app, "Mario Verdi", "dati", None).await;
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
    let carla = someone(&app, "Carla Neri", "dati", Some(RoleKind::Coordinator)).await;
    let rocco = someone(&app, "Rocco Bassi", "documenti", Some(RoleKind::Referent)).await;
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

async fn presence_shows_who_follows_and_which_plan(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = someone(&app, "Carla Neri", "dati", Some(RoleKind::Coordinator)).await;
    let rocco = someone(&app, "Rocco Bassi", "documenti", Some(RoleKind::Referent)).await;
    let addr = serve(app.state.clone()).await;
    let mut first = Client::follow(addr, &carla, YEAR, 0).await;
    let mut second = Client::follow(addr, &rocco, YEAR, 0).await;
    first
        .send(&ClientMessage::Viewing(Some(slug("dati"))))
        .await;
    let both = vec![
        Presence {
            name: "Carla Neri".into(),
            viewing: Some(slug("dati")),
        },
        Presence {
            name: "Rocco Bassi".into(),
            viewing: None,
        },
    ];
    for client in [&mut first, &mut second] {
        presence_until(client, &both).await;
    }
    second.close().await;
    presence_until(&mut first, &both[..1]).await;
}

/// Waits until `client` is told that `expected` follow the board.
async fn presence_until(client: &mut Client, expected: &[Presence]) {
    loop {
        match client.next().await {
            Some(Ok(ServerMessage::Presence(list))) if list == expected => return,
            None => panic!("closed before the presence {expected:?}"),
            _ => {}
        }
    }
}
