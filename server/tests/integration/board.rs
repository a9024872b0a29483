//! The cross-reading board through the router and the real repository, on a board of the
//! demo plans: the events in `board/events.rs`, who may do what in which phase in
//! `board/access.rs`, refused input in `board/inputs.rs`, the demo board in `board/demo.rs`.

mod access;
mod demo;
mod events;
mod inputs;

use app::api::account::LogIn;
use app::api::board::{Board, SubmitBoard};
use app::domain::board::ops::{BoardOp, NewAnnotation};
use app::domain::board::{Anchor, AnnotationId, AnnotationKind, BoardView, ItemRef, Proposal};
use app::domain::community::CommunitySlug;
use app::domain::cycle::Phase;
use app::domain::plan::ItemId;
use app::domain::role::{Role, RoleKind};
use app::server::db::{self, Db, plans::Saved};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;
use serde::de::DeserializeOwned;

use crate::support::{PASSWORD, Page, TestApp, person};

/// The year of the board these tests open.
const YEAR: i32 = 2024;
const NOW: &str = "2024-05-13T07:00:00Z";

/// Opens the cycle of [`YEAR`] with every demo plan saved as version 1, and moves it on to
/// `phase`.
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

/// Signs up `name` to `communities`, grants `role`, logs them in through the router and returns
/// the session.
async fn someone(
    app: &TestApp,
    db: &Db,
    name: &str,
    communities: &[&str],
    role: Option<Role>,
) -> String {
    let email = format!("{}@comune.it", name.to_lowercase().replace(' ', "."));
    let id = person(db, &email, communities).await;
    let (first, last) = name.split_once(' ').expect("first and last name");
    db::people::update_details(db, &id, first, last, "Istruttrice")
        .await
        .unwrap();
    if let Some(role) = role {
        db::roles::grant(db, &id, &role, NOW).await.unwrap();
    }
    let login = LogIn {
        email,
        password: PASSWORD.into(),
        next: String::new(),
    };
    app.call(&login, None).await.session().expect("logged in")
}

/// A coordinator or referent (`kind`) of `community`, who also belongs to it.
async fn lead(app: &TestApp, db: &Db, name: &str, kind: RoleKind, community: &str) -> String {
    let role = Role::in_community(kind, slug(community));
    someone(app, db, name, &[community], Some(role)).await
}

/// `submit_board` (a JSON server function) for the board of [`YEAR`].
async fn submit(app: &TestApp, session: Option<&str>, key: &str, op: &BoardOp) -> Page {
    let args = SubmitBoard {
        anno: YEAR,
        chiave: AnnotationId(key.to_owned()),
        op: op.clone(),
    };
    let mut request = axum::http::Request::post(SubmitBoard::PATH)
        .header("host", "comtem.test")
        .header("origin", "http://comtem.test")
        .header("content-type", "application/json");
    if let Some(session) = session {
        request = request.header("cookie", format!("comtem_session={session}"));
    }
    let body = axum::body::Body::from(serde_json::to_vec(&args).unwrap());
    app.send(request.body(body).unwrap()).await
}

/// The value a server function answered with, after checking it answered `200`.
fn ok<T: DeserializeOwned>(page: &Page) -> T {
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    serde_json::from_str(&page.body).unwrap_or_else(|error| panic!("{error}: {}", page.body))
}

/// The board as `session` sees it.
async fn view(app: &TestApp, session: &str) -> BoardView {
    ok(&app.call(&Board {}, Some(session)).await)
}

/// The ids of every event stored for [`YEAR`], in order.
async fn events(db: &Db) -> Vec<i64> {
    let changes = db::board::changes_after(db, YEAR, 0, 1000).await.unwrap();
    changes.iter().map(|a| a.event).collect()
}

fn slug(text: &str) -> CommunitySlug {
    CommunitySlug::parse(text).unwrap()
}

fn id(text: &str) -> AnnotationId {
    AnnotationId(text.to_owned())
}

/// A new annotation `key` of `kind` on the whole of `item` in the plan of `community`.
fn new(key: &str, community: &str, item: &str, kind: AnnotationKind, body: &str) -> NewAnnotation {
    NewAnnotation {
        id: id(key),
        community: slug(community),
        anchor: Anchor::whole(item),
        kind,
        body: body.into(),
        synergy: None,
        proposal: None,
    }
}

/// A comment on the whole of `item` in the plan of `community`.
fn comment(key: &str, community: &str, item: &str, body: &str) -> BoardOp {
    BoardOp::Create(new(key, community, item, AnnotationKind::Comment, body))
}

/// A synergy from `item` of `community` to `to` of `other`.
fn synergy(key: &str, (community, item): (&str, &str), (other, to): (&str, &str)) -> BoardOp {
    let mut new = new(
        key,
        community,
        item,
        AnnotationKind::Synergy,
        "Stesso tema.",
    );
    new.synergy = Some(ItemRef {
        community: slug(other),
        item: ItemId(to.into()),
    });
    BoardOp::Create(new)
}

/// A proposal of integrated action on `item` of `community`, involving `communities`.
fn proposal(key: &str, community: &str, item: &str, communities: &[&str]) -> BoardOp {
    let mut new = new(
        key,
        community,
        item,
        AnnotationKind::Proposal,
        "Lavoriamo insieme.",
    );
    new.proposal = Some(Proposal {
        title: "Un'azione comune".into(),
        communities: communities.iter().map(|c| slug(c)).collect(),
    });
    BoardOp::Create(new)
}
