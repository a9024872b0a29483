//! The cross-reading board through the router and the real repository, on a board of the
//! demo plans: the events in `board/events.rs`, who may do what in which phase in
//! `board/access.rs`, refused input in `board/inputs.rs`, the demo board in `board/demo.rs`.

mod access;
mod demo;
mod events;
mod inputs;

use app::api::board::{Board, SubmitBoard};
use app::domain::board::ops::{BoardOp, NewAnnotation};
use app::domain::board::{
    Anchor, Annotation, AnnotationId, AnnotationKind, BoardView, ItemRef, Proposal,
};
use app::domain::plan::ItemId;
use app::server::db::{self, Db};

use crate::support::{BOARD_YEAR as YEAR, Page, TestApp, ok, slug};

/// `submit_board` (a JSON server function) for the board of [`YEAR`].
pub async fn submit(app: &TestApp, session: Option<&str>, key: &str, op: &BoardOp) -> Page {
    let args = SubmitBoard {
        anno: YEAR,
        chiave: AnnotationId(key.to_owned()),
        op: op.clone(),
    };
    app.call_json(&args, session).await
}

/// The board as `session` sees it.
async fn view(app: &TestApp, session: &str) -> BoardView {
    ok(&app.call(&Board {}, Some(session)).await)
}

/// The readable changes to the board of `year` after event `since` (at most `limit` events
/// read), in order.
async fn changes_after(db: &Db, year: i32, since: i64, limit: i64) -> Vec<Annotation> {
    let events = db::board::events_after(db, Some(year), since, limit).await;
    events
        .unwrap()
        .into_iter()
        .filter_map(|(_, change)| change)
        .collect()
}

/// The ids of every event stored for [`YEAR`], in order.
async fn events(db: &Db) -> Vec<i64> {
    let changes = changes_after(db, YEAR, 0, 1000).await;
    changes.iter().map(|a| a.event).collect()
}

pub fn id(text: &str) -> AnnotationId {
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
pub fn comment(key: &str, community: &str, item: &str, body: &str) -> BoardOp {
    BoardOp::Create(new(key, community, item, AnnotationKind::Comment, body))
}

/// A synergy from `item` of `community` to `to` of `other`.
pub fn synergy(key: &str, (community, item): (&str, &str), (other, to): (&str, &str)) -> BoardOp {
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
pub fn proposal(key: &str, community: &str, item: &str, communities: &[&str]) -> BoardOp {
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
