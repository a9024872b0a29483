//! The accessibility statement and its feedback: anyone reports a problem, the report reaches
//! every member of regional staff through the SMTP server with the sender to reply to, bad
//! reports are refused field by field and store nothing, and a flood is throttled.

use app::api::accessibility::ReportAccessibilityProblem;
use app::domain::accessibility::ReportForm;
use app::domain::validation::Problem;
use app::error::AppError;
use app::server::db::Db;
use axum::http::StatusCode;

use crate::mail::app_mailing_to;
use crate::smtp_sink::SmtpSink;
use crate::support::{Page, TestApp, admin};

on_both_databases!(
    a_report_reaches_regional_staff_who_can_reply,
    bad_reports_are_refused_and_floods_throttled,
    the_statement_and_the_legal_notes_are_linked_from_every_page,
);

fn report(message: &str) -> ReportForm {
    ReportForm {
        name: "Nicolò D'Alì".into(),
        email: "nicolo.dali@comune.it".into(),
        page: "/numeri".into(),
        message: message.into(),
    }
}

async fn send(app: &TestApp, form: ReportForm) -> Page {
    app.call(&ReportAccessibilityProblem { form }, None).await
}

async fn stored(db: &Db) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM accessibility_reports")
        .fetch_one(db)
        .await
        .unwrap()
}

async fn a_report_reaches_regional_staff_who_can_reply(db: Db) {
    let sink = SmtpSink::start();
    let (app, dispatcher) = app_mailing_to(&db, &sink);
    admin(&app).await;
    let message = "Il grafico non si legge con il lettore di schermo.\n<script>alert(1)</script>";
    let page = send(&app, report(message)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(page.location(), "/accessibilita?inviata=1");
    assert_eq!(stored(&db).await, 1);
    assert_eq!(dispatcher.deliver_due().await.unwrap(), 1);
    let mail = sink
        .wait_for(1, std::time::Duration::from_secs(20))
        .await
        .remove(0);
    assert_eq!(mail.rcpt_to, ["giulia.ferri@comune.it"]);
    assert_eq!(mail.reply_to.as_deref(), Some("nicolo.dali@comune.it"));
    assert_eq!(
        mail.subject,
        "COMTem: segnalazione di accessibilità da Nicolò D'Alì"
    );
    // Mail lines end in CRLF.
    let text = mail.text().replace("\r\n", "\n");
    assert!(text.contains(message), "{text:?}");
    assert!(text.contains("Pagina: /numeri"));
    let html = mail.html.unwrap_or_default();
    assert!(!html.contains("<script>"), "{html}");
}

async fn bad_reports_are_refused_and_floods_throttled(db: Db) {
    let app = TestApp::new(&db);
    let page = send(&app, ReportForm::default()).await;
    let Some(AppError::Invalid(rejection)) = page.error() else {
        panic!("not refused: {}", page.body);
    };
    for field in ["nome", "email", "messaggio"] {
        assert_eq!(
            rejection.problem(field),
            Some(&Problem::Required),
            "{field}"
        );
    }
    let page = send(
        &app,
        ReportForm {
            email: "nicolò@".into(),
            ..report("x")
        },
    )
    .await;
    assert!(
        matches!(page.error(), Some(AppError::Invalid(_))),
        "{}",
        page.body
    );
    assert_eq!(stored(&db).await, 0, "nothing refused is stored");
    // With no regional staff the report is still kept for them.
    for n in 0..3 {
        let page = send(&app, report(&format!("Segnalazione {n}"))).await;
        assert_eq!(page.location(), "/accessibilita?inviata=1", "{}", page.body);
    }
    let page = send(&app, report("Una di troppo")).await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS, "{}", page.body);
    assert_eq!(stored(&db).await, 3);
}

async fn the_statement_and_the_legal_notes_are_linked_from_every_page(db: Db) {
    let app = TestApp::new(&db);
    for path in ["/", "/incontri", "/accessibilita"] {
        let page = app.get(path, &[]).await;
        assert!(
            page.body
                .contains(r#"<a href="/accessibilita">Dichiarazione di accessibilità</a>"#),
            "{path}"
        );
        assert!(
            page.body
                .contains(r#"<a href="/note-legali">Note legali</a>"#),
            "{path}"
        );
    }
    let statement = app.get("/accessibilita", &[]).await;
    assert_eq!(statement.status, StatusCode::OK);
    for text in [
        "Stato di conformità",
        "Contenuti non accessibili",
        "Segnala un problema di accessibilità",
    ] {
        assert!(statement.body.contains(text), "{text}");
    }
    let notes = app.get("/note-legali", &[]).await;
    assert_eq!(notes.status, StatusCode::OK);
    assert!(notes.body.contains("CC BY 4.0"));
}
