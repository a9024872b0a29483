//! The activity plans through the router and the real repositories: versions and their
//! comparison, two people saving at once, ids that survive reordering. The phases and who may
//! do what in each are in `plans/phases.rs`, refused input in `plans/inputs.rs`.

mod announced;
mod inputs;
mod phases;

use std::collections::BTreeMap;

use app::api::plans::{CompareVersions, PlanVersions, ReadPlan, SavePlan};
use app::domain::cycle::Phase;
use app::domain::plan::diff::{Field, FieldChange, ItemChange, merge};
use app::domain::plan::pages::{Comparison, Plan, PlanView, SaveOutcome, VersionList};
use app::domain::plan::{ItemId, PlanAction, PlanContent, VersionInfo};
use app::domain::role::RoleKind;
use app::error::AppError;
use app::server::db::{self, Db};
use axum::http::StatusCode;

use crate::support::{Page, TestApp, lead, ok};

on_both_databases!(
    versions_are_listed_read_and_compared,
    a_save_on_a_stale_version_is_a_conflict_that_writes_nothing,
    concurrent_saves_on_one_version_make_exactly_one_new_version,
    ids_and_links_survive_reordering,
);

/// The year of the cycle these tests open.
const YEAR: i32 = 2024;
const NOW: &str = "2024-04-02T07:00:00Z";

/// Opens the cycle of [`YEAR`] in drafting, with the deadlines of the demo.
async fn open_cycle(db: &Db) {
    let deadlines = [
        (Phase::Drafting, "2024-04-30"),
        (Phase::Shared, "2024-05-10"),
        (Phase::CrossReading, "2024-05-14"),
    ]
    .map(|(phase, day)| (phase, day.to_owned()));
    assert!(db::cycles::open(db, YEAR, &deadlines, NOW).await.unwrap());
}

/// The demo's plan of `community`: realistic content that passes the checks.
fn demo_plan(community: &str) -> PlanContent {
    app::server::demo::plans::plans()
        .unwrap()
        .into_iter()
        .find(|(slug, _)| slug.as_str() == community)
        .map(|(_, plan)| plan)
        .expect("a demo plan")
}

/// `save_plan` (a JSON server function) for the plan of `community` in [`YEAR`].
async fn save_in(
    app: &TestApp,
    session: Option<&str>,
    year: i32,
    community: &str,
    base: i64,
    content: &PlanContent,
) -> Page {
    let args = SavePlan {
        anno: year,
        comunita: community.into(),
        base,
        contenuto: content.clone(),
    };
    app.call_json(&args, session).await
}

async fn save(
    app: &TestApp,
    session: Option<&str>,
    community: &str,
    base: i64,
    content: &PlanContent,
) -> Page {
    save_in(app, session, YEAR, community, base, content).await
}

/// The version a save made; fails if the save was refused or conflicted.
fn saved(page: &Page) -> VersionInfo {
    match ok(page) {
        SaveOutcome::Saved(info) => info,
        SaveOutcome::Conflict(plan) => panic!("conflict with version {}", plan.version.number),
    }
}

/// The newer version a save was told of; fails if the save went through or was refused.
fn conflict(page: &Page) -> Plan {
    match ok(page) {
        SaveOutcome::Conflict(plan) => *plan,
        SaveOutcome::Saved(info) => panic!("saved as version {}", info.number),
    }
}

/// The status and error of a refused call.
fn refusal(page: &Page) -> (StatusCode, AppError) {
    let error = page
        .error()
        .unwrap_or_else(|| panic!("not an error: {} {}", page.status, page.body));
    (page.status, error)
}

async fn read_in(app: &TestApp, session: Option<&str>, year: i32, community: &str) -> Page {
    let args = ReadPlan {
        anno: year,
        comunita: community.into(),
    };
    app.call(&args, session).await
}

async fn read(app: &TestApp, session: Option<&str>, community: &str) -> Page {
    read_in(app, session, YEAR, community).await
}

async fn versions(app: &TestApp, session: Option<&str>, community: &str) -> Page {
    let args = PlanVersions {
        anno: YEAR,
        comunita: community.into(),
    };
    app.call(&args, session).await
}

async fn compare(app: &TestApp, session: &str, community: &str, from: i64, to: i64) -> Comparison {
    let args = CompareVersions {
        anno: YEAR,
        comunita: community.into(),
        da: from,
        a: to,
    };
    ok(&app.call(&args, Some(session)).await)
}

/// The version numbers of a plan, newest first, with their authors.
async fn history(app: &TestApp, session: &str, community: &str) -> Vec<(i64, String)> {
    let list: VersionList = ok(&versions(app, Some(session), community).await);
    list.versions
        .into_iter()
        .map(|v| (v.number, v.saved_by))
        .collect()
}

fn id(text: &str) -> ItemId {
    ItemId(text.to_owned())
}

async fn versions_are_listed_read_and_compared(db: Db) {
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let first = demo_plan("dati");
    let v1 = saved(&save(&app, Some(&carla), "dati", 0, &first).await);
    assert_eq!((v1.number, v1.saved_by.as_str()), (1, "Carla Neri"));

    let mut second = first.clone();
    second.objectives[1].title = "Dataset di elevato valore, tutti tramite API".into();
    second.actions.push(PlanAction {
        id: id("asportello"),
        title: "Sportello dati per i piccoli comuni".into(),
        objectives: vec![id("o56v7"), id("ob69j")],
        start_month: 9,
        end_month: 12,
        lead: "Regione Emilia-Romagna".into(),
        ..PlanAction::default()
    });
    let v2 = saved(&save(&app, Some(&carla), "dati", 1, &second).await);
    assert_eq!(v2.number, 2);
    assert!(v2.frozen_for.is_empty(), "nothing frozen in drafting");

    assert_eq!(
        history(&app, &carla, "dati").await,
        [(2, "Carla Neri".to_owned()), (1, "Carla Neri".to_owned())],
        "newest first, with the author's name"
    );
    let view: PlanView = ok(&read(&app, Some(&carla), "dati").await);
    assert_eq!(view.plan.version.number, 2);
    assert_eq!(view.plan.content, second, "the current version is v2");
    assert!(view.can_edit, "the coordinator edits in drafting");

    let comparison = compare(&app, &carla, "dati", 1, 2).await;
    assert_eq!((comparison.from.number, comparison.to.number), (1, 2));
    let diff = comparison.diff;
    assert_eq!(diff.context, None);
    assert_eq!(
        diff.objectives,
        [ItemChange::Changed {
            id: id("ow0wp"),
            label_before: "O2".into(),
            label_after: "O2".into(),
            title: second.objectives[1].title.clone(),
            fields: vec![FieldChange {
                field: Field::Title,
                before: first.objectives[1].title.clone(),
                after: second.objectives[1].title.clone(),
            }],
        }],
        "exactly the retitled objective"
    );
    assert_eq!(
        diff.actions,
        [ItemChange::Added {
            id: id("asportello"),
            label: "A8".into(),
            title: "Sportello dati per i piccoli comuni".into(),
        }],
        "exactly the added action"
    );
    assert!(diff.indicators.is_empty() && diff.meetings.is_empty());
    assert!(compare(&app, &carla, "dati", 2, 2).await.diff.is_empty());
}

async fn a_save_on_a_stale_version_is_a_conflict_that_writes_nothing(db: Db) {
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "dati").await;
    saved(&save(&app, Some(&carla), "dati", 0, &demo_plan("dati")).await);

    // Both open version 1.
    let loaded: PlanView = ok(&read(&app, Some(&carla), "dati").await);
    let again: PlanView = ok(&read(&app, Some(&rocco), "dati").await);
    assert_eq!(loaded, again);
    let (base, original) = (loaded.plan.version.number, loaded.plan.content);
    assert_eq!(base, 1);

    let mut carlas = original.clone();
    carlas
        .context
        .push_str("\n\nNel 2024 si aggiunge il catalogo regionale.");
    let mut roccos = original.clone();
    roccos.objectives[0].description = "Più dataset, aggiornati ogni trimestre.".into();

    let first = saved(&save(&app, Some(&carla), "dati", base, &carlas).await);
    assert_eq!((first.number, first.saved_by.as_str()), (2, "Carla Neri"));
    let theirs = conflict(&save(&app, Some(&rocco), "dati", base, &roccos).await);
    assert_eq!(theirs.version.number, 2, "the conflict carries version 2");
    assert_eq!(theirs.version.saved_by, "Carla Neri");
    assert_eq!(
        theirs.content, carlas,
        "the conflict carries Carla's content"
    );

    // Nothing of Rocco's was written.
    assert_eq!(
        history(&app, &rocco, "dati").await,
        [(2, "Carla Neri".to_owned()), (1, "Carla Neri".to_owned())]
    );
    let current: PlanView = ok(&read(&app, Some(&rocco), "dati").await);
    assert_eq!(current.plan.content, carlas);

    // Rocco merges his edit onto Carla's version and saves on top of it.
    let merged = merge(&original, &roccos, &theirs.content);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let third = saved(&save(&app, Some(&rocco), "dati", 2, &merged.content).await);
    assert_eq!((third.number, third.saved_by.as_str()), (3, "Rocco Bassi"));
    let last: PlanView = ok(&read(&app, Some(&carla), "dati").await);
    assert_eq!(last.plan.content.context, carlas.context, "Carla's change");
    assert_eq!(
        last.plan.content.objectives[0].description, roccos.objectives[0].description,
        "Rocco's change"
    );
    assert_eq!(
        compare(&app, &carla, "dati", 2, 3)
            .await
            .diff
            .objectives
            .len(),
        1
    );
}

async fn concurrent_saves_on_one_version_make_exactly_one_new_version(db: Db) {
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&app, "Rocco Bassi", RoleKind::Referent, "dati").await;
    let original = demo_plan("dati");
    saved(&save(&app, Some(&carla), "dati", 0, &original).await);

    let mut saves = tokio::task::JoinSet::new();
    for writer in 0..8 {
        let (app, session) = (app.clone(), [&carla, &rocco][writer % 2].clone());
        let mut content = original.clone();
        content.context = format!("Versione dello scrittore {writer}.");
        saves.spawn(async move {
            let outcome: SaveOutcome = ok(&save(&app, Some(&session), "dati", 1, &content).await);
            (content, outcome)
        });
    }
    let mut winners = Vec::new();
    let mut told = Vec::new();
    while let Some(done) = saves.join_next().await {
        match done.unwrap() {
            (content, SaveOutcome::Saved(info)) => winners.push((content, info.number)),
            (_, SaveOutcome::Conflict(plan)) => told.push(*plan),
        }
    }
    assert_eq!(winners.len(), 1, "exactly one save went through");
    assert_eq!(told.len(), 7, "the others were told of it");
    let (winner, number) = winners.pop().unwrap();
    assert_eq!(number, 2);
    for plan in &told {
        assert_eq!(plan.version.number, 2);
        assert_eq!(
            plan.content, winner,
            "each conflict carries the winner's version"
        );
    }
    let numbers: Vec<i64> = history(&app, &carla, "dati")
        .await
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(numbers, [2, 1], "exactly one new version row");
    let current: PlanView = ok(&read(&app, Some(&carla), "dati").await);
    assert_eq!(current.plan.content, winner);
}

async fn ids_and_links_survive_reordering(db: Db) {
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let before = demo_plan("dati");
    saved(&save(&app, Some(&carla), "dati", 0, &before).await);

    // O1 goes last, the actions are reversed, and the (moved) O3 gets a new title.
    let mut after = before.clone();
    after.objectives.rotate_left(1);
    after.actions.reverse();
    after.objectives[1].title = "Governance dei dati in ogni ente, con un referente".into();
    saved(&save(&app, Some(&carla), "dati", 1, &after).await);

    let stored: PlanView = ok(&read(&app, Some(&carla), "dati").await);
    let content = stored.plan.content;
    let ids = |plan: &PlanContent| {
        let mut ids: Vec<ItemId> = plan.item_ids().cloned().collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&content), ids(&before), "no id changed");
    let links = |plan: &PlanContent| -> BTreeMap<ItemId, Vec<ItemId>> {
        plan.actions
            .iter()
            .map(|action| (action.id.clone(), action.objectives.clone()))
            .collect()
    };
    assert_eq!(
        links(&content),
        links(&before),
        "each action links the same objectives"
    );
    for linked in links(&content).values().flatten() {
        assert!(
            content.objective_label(linked).is_some(),
            "{linked:?} still names an objective"
        );
    }

    let diff = compare(&app, &carla, "dati", 1, 2).await.diff;
    let moves = |changes: &[ItemChange]| -> Vec<(String, String, String, Vec<Field>)> {
        changes
            .iter()
            .map(|change| match change {
                ItemChange::Changed {
                    id,
                    label_before,
                    label_after,
                    fields,
                    ..
                } => (
                    id.0.clone(),
                    label_before.clone(),
                    label_after.clone(),
                    fields.iter().map(|f| f.field).collect(),
                ),
                other => panic!("only moves and edits, not {other:?}"),
            })
            .collect()
    };
    let moved = |id: &str, from: &str, to: &str, fields: &[Field]| {
        (
            id.to_owned(),
            from.to_owned(),
            to.to_owned(),
            fields.to_vec(),
        )
    };
    assert_eq!(
        moves(&diff.objectives),
        [
            moved("ow0wp", "O2", "O1", &[]),
            moved("ob69j", "O3", "O2", &[Field::Title]),
            moved("o39pz", "O4", "O3", &[]),
            moved("og5qb", "O5", "O4", &[]),
            moved("o56v7", "O1", "O5", &[]),
        ]
    );
    let actions = moves(&diff.actions);
    assert_eq!(actions.len(), 6, "every action but the middle one moved");
    for (id, from, to, fields) in &actions {
        assert_ne!(from, to, "{id} is listed because it moved");
        assert!(fields.is_empty(), "{id}: the links did not change");
    }
    assert!(diff.context.is_none() && diff.indicators.is_empty());
}
