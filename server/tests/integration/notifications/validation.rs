//! What the validation tells: a remark reaches the plan's coordinators and referents and whom
//! it mentions among those who may read it; decisions reach the leads; the approval tells the
//! members that their plan is approved. On the demo, moved into validation.

use app::api::plans::AdvanceCycle;
use app::api::review::AddRemark;
use app::domain::cycle::Phase;
use app::domain::notification::Kind;
use app::server::db::Db;
use app::server::demo::{self, DEMO_PASSWORD};

use super::list;
use crate::support::{TestApp, approve, log_in, ok};

on_both_databases!(remarks_decisions_and_the_approval_tell_whom_they_concern);

const YEAR: i32 = 2024;

/// The kinds and subjects of what `email` (a demo account) was told, newest first.
async fn told(app: &TestApp, email: &str) -> Vec<(Kind, String)> {
    let session = log_in(app, email, DEMO_PASSWORD).await;
    let list = list(app, &session).await;
    list.notifications
        .into_iter()
        .map(|n| (n.kind, n.subject))
        .collect()
}

async fn remarks_decisions_and_the_approval_tell_whom_they_concern(db: Db) {
    assert!(demo::load_if_empty(&db).await.unwrap());
    let app = TestApp::new(&db);
    let staff = log_in(&app, "admin@comtem.demo", DEMO_PASSWORD).await;
    for from in [Phase::CrossReading, Phase::FinalReading] {
        let args = AdvanceCycle {
            anno: YEAR,
            fase: from.code().into(),
        };
        let _: () = ok(&app.call(&args, Some(&staff)).await);
    }
    let paolo = log_in(&app, "cner@comtem.demo", DEMO_PASSWORD).await;
    let remark = AddRemark {
        anno: YEAR,
        comunita: "dati".into(),
        organo: "cner".into(),
        punto: "contesto.testo".into(),
        citazione: String::new(),
        osservazione: "Chiarire i tempi, @Luca Zanetti; e @coordinatori-imprese?".into(),
    };
    let _: () = ok(&app.call(&remark, Some(&paolo)).await);
    let chiara = told(&app, "coordinatore.dati@comtem.demo").await;
    assert_eq!(chiara[0].0, Kind::Validation);
    assert!(
        chiara[0]
            .1
            .starts_with("Tavolo CNER, sul piano 2024 della comunità Dati: «Chiarire i tempi"),
        "{:?}",
        chiara[0]
    );
    let luca = told(&app, "referente.dati@comtem.demo").await;
    assert_eq!(
        luca[0].0,
        Kind::Mention,
        "mentioned: told once, as a mention"
    );
    assert_ne!(luca.get(1).map(|t| t.0), Some(Kind::Validation));
    // The coordinator of another community may not read the remarks on this plan.
    let stefano = told(&app, "coordinatore.imprese@comtem.demo").await;
    assert!(
        stefano.iter().all(|(kind, _)| *kind != Kind::Mention),
        "{stefano:?}"
    );

    approve(&app, &staff, YEAR).await;
    let stefano = told(&app, "coordinatore.imprese@comtem.demo").await;
    let subjects: Vec<&str> = stefano.iter().map(|(_, s)| s.as_str()).collect();
    assert!(
        subjects
            .contains(&"Cabina di Regia Digitale Emilia-Romagna, piano generale 2024: Approvato"),
        "{subjects:?}"
    );
    assert!(
        subjects.contains(&"Tavolo CNER, piano 2024 della comunità Imprese: Validato"),
        "{subjects:?}"
    );
    let nicolo = told(&app, "nicolo.dali@comtem.demo").await;
    let approved: Vec<&str> = nicolo
        .iter()
        .filter(|(kind, _)| *kind == Kind::Plan)
        .map(|(_, s)| s.as_str())
        .collect();
    assert_eq!(
        approved,
        [
            "il piano 2024 della comunità Documenti è approvato",
            "il piano 2024 della comunità Dati è approvato",
        ],
        "his two communities, newest first"
    );
}
