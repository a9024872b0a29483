//! Email through a real SMTP server (STARTTLS, AUTH): the link a signup sends arrives and can be used,
//! waits while the server is down and then arrives once; a refused mailbox is given up; the body
//! is blanked once sent and never logged.

use std::time::Duration;

use app::api::account::ConfirmSignup;
use app::domain::signup_form::SignupForm;
use app::server::db::Db;
use app::server::mail::Dispatcher;
use app::server::settings::Settings;

use crate::membership::{form, sign_up};
use crate::process_log::process_log;
use crate::smtp_sink::SmtpSink;
use crate::support::TestApp;

on_both_databases!(
    a_confirmation_link_arrives_by_smtp_and_logs_in,
    mail_waits_while_the_server_is_down_and_arrives_once,
    a_refused_mailbox_is_given_up,
);

/// Up to this long for a message to arrive.
const ARRIVAL: Duration = Duration::from_secs(20);

/// The application mailing through `sink`, and its dispatcher.
pub fn app_mailing_to(db: &Db, sink: &SmtpSink) -> (TestApp, Dispatcher) {
    let settings = Settings {
        public_url: "https://comtem.test".to_owned(),
        mail: sink.settings(),
        ..Settings::default()
    };
    let dispatcher = Dispatcher::new(db.clone(), &settings.mail, &settings.public_url).unwrap();
    (TestApp::with_settings(db, settings), dispatcher)
}

fn without_password(email: &str) -> SignupForm {
    SignupForm {
        password: String::new(),
        ..form(email, &["dati"])
    }
}

/// The outbox ids, bodies and delivery times of the messages for `recipient`.
async fn outbox_of(db: &Db, recipient: &str) -> Vec<(String, String, Option<i64>)> {
    sqlx::query_as("SELECT id, body, sent_at FROM outbox WHERE recipient = $1 ORDER BY id")
        .bind(recipient)
        .fetch_all(db)
        .await
        .unwrap()
}

async fn a_confirmation_link_arrives_by_smtp_and_logs_in(db: Db) {
    let sink = SmtpSink::start();
    let (app, dispatcher) = app_mailing_to(&db, &sink);
    let email = "nicolo.dali@comune.it";
    let page = sign_up(&app, without_password(email)).await;
    assert_eq!(page.location(), "/iscriviti/fatto");
    assert_eq!(dispatcher.deliver_due().await.unwrap(), 1);
    let mail = sink.wait_for(1, ARRIVAL).await.remove(0);
    assert!(
        mail.tls && mail.authenticated,
        "STARTTLS and AUTH: {mail:?}"
    );
    assert_eq!(mail.rcpt_to, [email]);
    assert_eq!(mail.from, "COMTem <noreply@comtem.test>");
    assert_eq!(mail.subject, "COMTem: conferma la tua iscrizione");
    let stored = outbox_of(&db, email).await;
    let (id, body, sent_at) = &stored[0];
    assert_eq!(mail.message_id, format!("<{id}@comtem.test>"));
    assert!(sent_at.is_some());
    assert_eq!(body, "", "the body (with its link) is forgotten once sent");
    let link = mail
        .text()
        .split_whitespace()
        .find(|word| word.starts_with("https://comtem.test/iscriviti/conferma/"))
        .unwrap_or_else(|| panic!("no link in {:?}", mail.text))
        .to_owned();
    let html = mail.html.as_deref().unwrap_or_default();
    assert!(html.contains(&format!("href=\"{link}\"")), "{html}");
    assert!(html.contains("<html lang=\"it\">") && html.contains("https://comtem.test"));
    assert!(mail.text().contains("COMTem · https://comtem.test"));
    let logged = process_log().lines_with(&format!("id=\"{id}\""));
    assert!(
        logged.iter().any(|line| line.contains(email)
            && line.contains("outcome=\"sent\"")
            && line.contains(&mail.subject)),
        "{logged:?}"
    );
    let token = link.rsplit('/').next().unwrap().to_owned();
    assert!(
        process_log().lines_with(&token).is_empty(),
        "the link is never logged"
    );
    let confirmed = app.call(&ConfirmSignup { token }, None).await;
    assert!(confirmed.session().is_some(), "{}", confirmed.body);
    assert_eq!(
        dispatcher.deliver_due().await.unwrap(),
        0,
        "nothing sent twice"
    );
}

async fn mail_waits_while_the_server_is_down_and_arrives_once(db: Db) {
    let mut sink = SmtpSink::start();
    let (app, dispatcher) = app_mailing_to(&db, &sink);
    sink.stop();
    let people: Vec<String> = (1..=6).map(|n| format!("persona.{n}@comune.it")).collect();
    for (n, email) in people.iter().enumerate() {
        // Half with a password (a welcome message), half without (a login link).
        let signup = if n % 2 == 0 {
            form(email, &["dati"])
        } else {
            without_password(email)
        };
        let page = sign_up(&app, signup).await;
        assert_eq!(page.status, axum::http::StatusCode::OK, "{}", page.body);
    }
    assert_eq!(dispatcher.deliver_due().await.unwrap(), 0);
    let waiting: Vec<(i64, Option<String>, String)> =
        sqlx::query_as("SELECT attempts, last_error, body FROM outbox WHERE sent_at IS NULL")
            .fetch_all(&db)
            .await
            .unwrap();
    assert_eq!(waiting.len(), people.len(), "every message waits");
    for (attempts, error, body) in &waiting {
        assert_eq!(*attempts, 1);
        assert!(error.is_some(), "the failure is recorded");
        assert!(!body.is_empty(), "a waiting message keeps its body");
    }
    dispatcher.clone().spawn();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(sink.received().is_empty());
    sink.restart();
    let received = sink.wait_for(people.len(), ARRIVAL).await;
    // Long enough for any duplicate to arrive too.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let received_later = sink.received();
    assert_eq!(
        received_later.len(),
        people.len(),
        "none twice: {received:?}"
    );
    let mut ids: Vec<String> = received_later
        .iter()
        .map(|mail| mail.message_id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), people.len(), "distinct Message-IDs");
    for email in &people {
        assert_eq!(
            received_later
                .iter()
                .filter(|mail| mail.rcpt_to == [email.as_str()])
                .count(),
            1,
            "{email}"
        );
        let stored = outbox_of(&db, email).await;
        assert!(
            stored
                .iter()
                .all(|(_, body, sent)| body.is_empty() && sent.is_some())
        );
    }
}

async fn a_refused_mailbox_is_given_up(db: Db) {
    let sink = SmtpSink::start();
    let (app, dispatcher) = app_mailing_to(&db, &sink);
    sign_up(&app, without_password("nessuno@rifiutato.invalid")).await;
    sign_up(&app, without_password("ada@comune.it")).await;
    assert_eq!(dispatcher.deliver_due().await.unwrap(), 1);
    let (failed_at, error, body): (Option<i64>, Option<String>, String) = sqlx::query_as(
        "SELECT failed_at, last_error, body FROM outbox WHERE recipient = 'nessuno@rifiutato.invalid'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(failed_at.is_some(), "given up");
    assert!(error.unwrap_or_default().contains("550"));
    assert_eq!(body, "");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(dispatcher.deliver_due().await.unwrap(), 0, "never retried");
    let received = sink.wait_for(1, ARRIVAL).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].rcpt_to, ["ada@comune.it"]);
}
