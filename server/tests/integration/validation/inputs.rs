//! Bad decisions and remarks get Italian errors per field and change nothing; a decision taken
//! twice at once is recorded once.

use app::api::review::{PlanRemarks, ReadValidation};
use app::domain::review::rules::QUOTE_MAX;
use app::domain::review::{RemarksView, ReviewView};
use app::domain::validation::Problem;
use app::server::db::Db;
use app::server::demo::DEMO_PASSWORD;
use axum::http::StatusCode;

use super::{YEAR, in_validation, problems, remark};
use crate::support::{decision, log_in, ok};

on_both_databases!(bad_decisions_and_remarks_are_refused_and_change_nothing);

async fn bad_decisions_and_remarks_are_refused_and_change_nothing(db: Db) {
    let (app, staff) = in_validation(&db).await;
    let field = |name: &str, problem| (name.to_owned(), problem);

    let mut bad = decision(YEAR, "dati", "modifiche-richieste", " ", "2020-01-01");
    bad.riunione = "2999-01-01".into();
    bad.verbale = "a\u{7}b".into();
    assert_eq!(
        problems(&app.call(&bad, Some(&staff)).await),
        [
            field("richieste", Problem::Required),
            field("verbale", Problem::ControlCharacters),
            field("riunione", Problem::FutureDay),
            field("revisione_entro", Problem::PastDay),
        ]
    );
    let wrong_body = decision(YEAR, "dati", "approvato", "", "");
    assert_eq!(
        problems(&app.call(&wrong_body, Some(&staff)).await),
        [field("esito", Problem::UnknownChoice)]
    );
    let nowhere = decision(YEAR, "'; DROP TABLE cycles; --", "validato", "", "");
    assert_eq!(
        app.call(&nowhere, Some(&staff)).await.status,
        StatusCode::NOT_FOUND
    );

    let paolo = log_in(&app, "cner@comtem.demo", DEMO_PASSWORD).await;
    let cases = [
        (
            remark("dati", "cner", "contesto.testo", "", "  "),
            field("osservazione", Problem::Required),
        ),
        (
            remark(
                "dati",
                "cner",
                "contesto.testo",
                &"q".repeat(QUOTE_MAX + 1),
                "Troppo.",
            ),
            field("citazione", Problem::TooLong { max: QUOTE_MAX }),
        ),
        (
            remark(
                "dati",
                "cner",
                "contesto.testo",
                "parole che non ci sono",
                "Dove?",
            ),
            field("citazione", Problem::QuoteNotFound),
        ),
        (
            remark("dati", "cner", "zzz.titolo", "", "Quale?"),
            field("punto", Problem::UnknownChoice),
        ),
        (
            remark("dati", "cner", "senza-punto", "", "Quale?"),
            field("punto", Problem::UnknownChoice),
        ),
        (
            remark("dati", "giunta", "contesto.testo", "", "Chi?"),
            field("organo", Problem::UnknownChoice),
        ),
    ];
    for (args, expected) in cases {
        assert_eq!(problems(&app.call(&args, Some(&paolo)).await), [expected]);
    }
    let huge = remark(
        "dati",
        "cner",
        "contesto.testo",
        "",
        &"parola ".repeat(1_000),
    );
    assert_eq!(
        app.call(&huge, Some(&paolo)).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let ghost = remark("inesistente", "cner", "contesto.testo", "", "Ciao");
    assert_eq!(
        app.call(&ghost, Some(&paolo)).await.status,
        StatusCode::NOT_FOUND
    );
    let args = PlanRemarks {
        anno: YEAR,
        comunita: "dati".into(),
    };
    let seen: RemarksView = ok(&app.call(&args, Some(&paolo)).await);
    assert!(seen.remarks.is_empty(), "nothing refused was kept");

    // The same decision sent twice at once is recorded once.
    let twice = decision(YEAR, "dati", "validato", "", "");
    let (a, b) = tokio::join!(
        app.call(&twice, Some(&staff)),
        app.call(&twice, Some(&staff))
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::UNPROCESSABLE_ENTITY]);
    let view: ReviewView = ok(&app.call(&ReadValidation { anno: YEAR }, Some(&staff)).await);
    assert_eq!(view.decisions.len(), 1);
}
