//! The hub and the catch-up, without HTTP: every committed event is broadcast once, in order;
//! a connection that falls behind the broadcast reads the rest from the table, and gets each
//! event once.

use std::sync::Arc;

use app::domain::board::live::Presence;
use app::domain::board::{Anchor, Annotation, AnnotationId, AnnotationKind, Author, Status};
use app::domain::cycle::Phase;
use app::domain::person::PersonId;
use app::server::board::hub::Hub;
use app::server::board::live::feed::{BATCH, Feed};
use app::server::db::{self, Db, board::Submit};
use tokio::sync::broadcast;

use super::{NOW, YEAR, events};
use crate::support::{open_board, person, slug};

on_both_databases!(
    the_hub_broadcasts_every_event_once_in_order,
    a_lagged_connection_catches_up_from_the_table,
    a_connection_far_behind_the_hub_loses_nothing,
    catch_up_starts_after_since,
);

/// Commits new annotations `first..=last` (one event each) by Ada Rossi, waking `hub` after each.
async fn append(db: &Db, hub: Option<&Hub>, first: usize, last: usize) -> Vec<Annotation> {
    let person = person(db, "ada.rossi@comune.it", &[]).await;
    let mut made = Vec::new();
    for n in first..=last {
        let key = AnnotationId(format!("nota{n:08}"));
        let submit = Submit {
            year: YEAR,
            key: &key,
            person: &person,
            annotation: &key,
            now: NOW,
        };
        let note = db::board::apply(db, &submit, |_, event| Ok(note(&key, &person, event)));
        made.push(note.await.unwrap());
        if let Some(hub) = hub {
            hub.wake();
        }
    }
    made
}

/// A comment `id` as event `event` made it.
fn note(id: &AnnotationId, person: &PersonId, event: i64) -> Annotation {
    Annotation {
        id: id.clone(),
        year: YEAR,
        community: slug("dati"),
        anchor: Anchor::whole("ob69j"),
        kind: AnnotationKind::Comment,
        body: format!("Nota {}.", id.0),
        synergy: None,
        proposal: None,
        author: Author {
            id: person.clone(),
            name: "Ada Rossi".into(),
        },
        created_at: NOW.into(),
        history: Vec::new(),
        deleted: false,
        status: Status::Open,
        replies: Vec::new(),
        event,
    }
}

/// Everything `feed` hands out until it has handed out event `last`.
async fn drain(feed: &mut Feed, last: i64) -> Vec<Annotation> {
    let mut got = Vec::new();
    while feed.last() < last {
        let wait = std::time::Duration::from_secs(20);
        let more = tokio::time::timeout(wait, feed.next())
            .await
            .expect("in time");
        got.extend(more.unwrap().expect("the hub is running"));
    }
    got
}

async fn the_hub_broadcasts_every_event_once_in_order(db: Db) {
    open_board(&db, Phase::CrossReading).await;
    let hub = Hub::start(db.clone(), None);
    hub.ready().await;
    let mut changes = hub.subscribe();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (db, hub) = (db.clone(), hub.clone());
            tokio::spawn(async move { append(&db, Some(&hub), w * 10 + 1, w * 10 + 10).await })
        })
        .collect();
    for writer in writers {
        writer.await.unwrap();
    }
    let mut got = Vec::new();
    while got.len() < 40 {
        got.push(changes.recv().await.unwrap().event);
    }
    assert_eq!(got, (1..=40).collect::<Vec<i64>>(), "each once, in order");
    let quiet = tokio::time::timeout(std::time::Duration::from_millis(300), changes.recv());
    assert!(quiet.await.is_err(), "nothing twice");
    assert_eq!(hub.presence().borrow().get(&YEAR), None::<&Vec<Presence>>);
}

async fn a_lagged_connection_catches_up_from_the_table(db: Db) {
    open_board(&db, Phase::CrossReading).await;
    let first = append(&db, None, 1, 10).await;
    // A tiny channel standing for the hub's broadcast.
    let (broadcast, changes) = broadcast::channel(4);
    let mut feed = Feed::new(db.clone(), YEAR, 0, changes);
    assert_eq!(drain(&mut feed, 10).await, first, "the table first");

    let later = append(&db, None, 11, 30).await;
    for change in first.iter().skip(4).chain(&later) {
        broadcast.send(Arc::new(change.clone())).unwrap();
    }
    let got = drain(&mut feed, 30).await;
    assert_eq!(
        events(&got),
        (11..=30).collect::<Vec<i64>>(),
        "none lost, none twice"
    );
    assert_eq!(got, later);

    let last = append(&db, None, 31, 31).await;
    for change in later.iter().rev().take(3).chain(&last) {
        broadcast.send(Arc::new(change.clone())).unwrap();
    }
    assert_eq!(
        drain(&mut feed, 31).await,
        last,
        "what was sent is not sent again"
    );
}

async fn a_connection_far_behind_the_hub_loses_nothing(db: Db) {
    open_board(&db, Phase::CrossReading).await;
    let hub = Hub::start(db.clone(), None);
    let mut feed = Feed::start(&hub, db.clone(), YEAR, 0).await;
    let mut probe = hub.subscribe();
    let total = 1100;
    let writer = {
        let (db, hub) = (db.clone(), hub.clone());
        tokio::spawn(async move { append(&db, Some(&hub), 1, total).await })
    };
    // The feed reads nothing until the hub has broadcast more than its channel holds.
    let mut seen = 0;
    while seen < total {
        match probe.recv().await {
            Ok(change) => seen = usize::try_from(change.event).unwrap(),
            Err(broadcast::error::RecvError::Lagged(_)) => {}
            Err(error) => panic!("{error}"),
        }
    }
    let made = writer.await.unwrap();
    let mut first = feed.next().await.unwrap().unwrap();
    assert_eq!(
        first.len(),
        usize::try_from(BATCH).unwrap(),
        "from the table, in batches"
    );
    first.extend(drain(&mut feed, 1100).await);
    assert_eq!(first, made, "every event once, in order");
}

async fn catch_up_starts_after_since(db: Db) {
    open_board(&db, Phase::CrossReading).await;
    let hub = Hub::start(db.clone(), None);
    let made = append(&db, Some(&hub), 1, 12).await;
    let mut feed = Feed::start(&hub, db.clone(), YEAR, 5).await;
    assert_eq!(drain(&mut feed, 12).await, made[5..]);
    let more = append(&db, Some(&hub), 13, 13).await;
    assert_eq!(drain(&mut feed, 13).await, more, "then live");
    let mut other_year = Feed::start(&hub, db.clone(), YEAR + 1, 0).await;
    let nothing = tokio::time::timeout(std::time::Duration::from_millis(300), other_year.next());
    assert!(nothing.await.is_err(), "another year's board is apart");
}
