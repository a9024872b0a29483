//! What the board tells: mentions by name and by group (the current holders of the role, and
//! only people who may read the board), replies to the others in the thread, outcomes to the
//! author, synergies and proposals to the leads of the communities they name; a submit sent
//! twice tells once.

use app::domain::board::Outcome;
use app::domain::board::ops::BoardOp;
use app::domain::cycle::Phase;
use app::domain::notification::Kind;
use app::domain::person::PersonId;
use app::domain::role::{Role, RoleKind};
use app::server::db::{self, Db};

use super::list;
use crate::board::{comment, id, proposal, submit, synergy};
use crate::support::{TestApp, lead, logged_in, open_board, slug};

on_both_databases!(
    mentions_reach_named_people_and_current_role_holders_who_read_the_board,
    replies_outcomes_and_synergies_reach_whom_they_concern,
);

/// The kinds and subjects of what `session` was told, newest first.
async fn told(app: &TestApp, session: &str) -> Vec<(Kind, String)> {
    let list = list(app, session).await;
    list.notifications
        .into_iter()
        .map(|n| (n.kind, n.subject))
        .collect()
}

async fn kinds(app: &TestApp, session: &str) -> Vec<Kind> {
    told(app, session)
        .await
        .into_iter()
        .map(|(kind, _)| kind)
        .collect()
}

pub async fn person_named(db: &Db, first: &str) -> PersonId {
    let id: String = sqlx::query_scalar("SELECT id FROM people WHERE first_name = $1")
        .bind(first)
        .fetch_one(db)
        .await
        .unwrap();
    PersonId(id)
}

async fn mentions_reach_named_people_and_current_role_holders_who_read_the_board(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let nicolo = lead(&app, "Nicolò D'Alì", RoleKind::Coordinator, "imprese").await;
    let anna = lead(&app, "Anna Verdi", RoleKind::Coordinator, "imprese").await;
    let luca = lead(&app, "Luca Zanetti", RoleKind::Referent, "imprese").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    // A member of a community reads no board: mentioning her tells her nothing.
    let marta = logged_in(&app, "Marta Bruni", &["dati"], None).await;

    let text = "Ne parlo con @nicolò d'alì e @referenti-imprese; anche @Marta Bruni e @Carla Neri.";
    let page = submit(
        &app,
        Some(&carla),
        "nota00000001",
        &comment("nota00000001", "documenti", "os3mq", text),
    )
    .await;
    assert!(page.status.is_success(), "{}", page.body);
    assert_eq!(kinds(&app, &nicolo).await, [Kind::Mention]);
    assert_eq!(kinds(&app, &luca).await, [Kind::Mention]);
    assert!(
        kinds(&app, &anna).await.is_empty(),
        "not named, not in the group"
    );
    assert!(
        kinds(&app, &marta).await.is_empty(),
        "cannot read the board"
    );
    assert!(
        kinds(&app, &carla).await.is_empty(),
        "not told of her own mention"
    );
    let (_, subject) = &told(&app, &nicolo).await[0];
    assert!(
        subject.starts_with("«Ne parlo con @nicolò d'alì"),
        "{subject}"
    );
    assert!(subject.ends_with("» sul piano Documenti"), "{subject}");

    // A group reaches who holds the role now: Anna, once her role is gone, is not told.
    let anna_id = person_named(&db, "Anna").await;
    let role = Role::in_community(RoleKind::Coordinator, slug("imprese"));
    assert!(db::roles::revoke(&db, &anna_id, &role).await.unwrap());
    let op = comment(
        "nota00000002",
        "dati",
        "ob69j",
        "Serve il parere di @coordinatori.",
    );
    submit(&app, Some(&rocco), "nota00000002", &op).await;
    assert_eq!(kinds(&app, &carla).await, [Kind::Mention]);
    assert_eq!(kinds(&app, &nicolo).await, [Kind::Mention, Kind::Mention]);
    assert!(
        kinds(&app, &anna).await.is_empty(),
        "no longer a coordinator"
    );
    assert_eq!(kinds(&app, &luca).await, [Kind::Mention], "a referent");

    // An edit tells only whom it newly mentions.
    let edit = BoardOp::Edit {
        annotation: id("nota00000002"),
        reply: None,
        body: "Serve il parere di @coordinatori e di @Luca Zanetti.".into(),
    };
    submit(&app, Some(&rocco), "modifica00001", &edit).await;
    assert_eq!(kinds(&app, &luca).await, [Kind::Mention, Kind::Mention]);
    assert_eq!(kinds(&app, &carla).await, [Kind::Mention]);
}

async fn replies_outcomes_and_synergies_reach_whom_they_concern(db: Db) {
    let app = TestApp::new(&db);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let nicolo = lead(&app, "Nicolò D'Alì", RoleKind::Coordinator, "imprese").await;
    let luca = lead(&app, "Luca Zanetti", RoleKind::Referent, "cittadini").await;

    let note = comment(
        "nota00000001",
        "documenti",
        "os3mq",
        "Va collegato al catalogo.",
    );
    submit(&app, Some(&carla), "nota00000001", &note).await;
    let reply = |key: &str, body: &str| BoardOp::Reply {
        annotation: id("nota00000001"),
        reply: id(key),
        body: body.into(),
    };
    submit(
        &app,
        Some(&rocco),
        "risposta00001",
        &reply("risposta00001", "D'accordo."),
    )
    .await;
    // Sent twice (a retry): one reply, one notification.
    submit(
        &app,
        Some(&rocco),
        "risposta00001",
        &reply("risposta00001", "D'accordo."),
    )
    .await;
    assert_eq!(kinds(&app, &carla).await, [Kind::Reply]);
    assert!(kinds(&app, &rocco).await.is_empty());
    submit(
        &app,
        Some(&nicolo),
        "risposta00002",
        &reply("risposta00002", "Anch'io."),
    )
    .await;
    assert_eq!(kinds(&app, &rocco).await, [Kind::Reply], "he took part");
    assert_eq!(
        kinds(&app, &carla).await,
        [Kind::Reply],
        "folded into the unread one"
    );
    assert!(kinds(&app, &luca).await.is_empty(), "not in the thread");

    let resolve = BoardOp::Resolve {
        annotation: id("nota00000001"),
        outcome: Outcome::Accepted,
        reason: String::new(),
    };
    submit(&app, Some(&rocco), "esito00000001", &resolve).await;
    let (kind, subject) = told(&app, &carla).await.remove(0);
    assert_eq!(kind, Kind::Outcome);
    assert!(subject.ends_with(": Accolta"), "{subject}");

    let link = synergy("nota00000002", ("dati", "ob69j"), ("documenti", "os3mq"));
    submit(&app, Some(&carla), "nota00000002", &link).await;
    assert_eq!(kinds(&app, &rocco).await, [Kind::Synergy, Kind::Reply]);
    let together = proposal("nota00000003", "dati", "ob69j", &["dati", "imprese"]);
    submit(&app, Some(&carla), "nota00000003", &together).await;
    assert_eq!(kinds(&app, &nicolo).await, [Kind::Synergy]);
    assert!(
        kinds(&app, &luca).await.is_empty(),
        "his community is not named"
    );
}
