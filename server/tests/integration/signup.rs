//! A signup is a request until the owner of the address confirms it: the same answer for every
//! address, nothing counts and no password works before, an impostor gains nothing, nobody
//! signs up over their own session, and old requests go.

use app::api::account::{ConfirmSignup, CurrentViewer, LogIn, SearchEnti};
use app::domain::signup_form::SignupForm;
use app::error::AppError;
use app::server::clock::unix_now;
use app::server::db::{self, Db};
use axum::http::StatusCode;

use crate::membership::{confirmation_tokens, form, sign_up, signed_up};
use crate::support::TestApp;

on_both_databases!(
    nothing_counts_and_no_password_works_before_confirmation,
    every_address_gets_the_same_answer,
    an_impostor_gains_nothing_from_anothers_address,
    a_password_takes_effect_only_in_the_browser_that_chose_it,
    signing_up_while_logged_in_never_swaps_the_session,
    links_expire_and_old_requests_are_removed,
);

async fn count(db: &Db, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(db).await.unwrap()
}

fn log_in(email: &str, password: &str) -> LogIn {
    LogIn {
        email: email.to_owned(),
        password: password.to_owned(),
        next: String::new(),
    }
}

async fn nothing_counts_and_no_password_works_before_confirmation(db: Db) {
    let app = TestApp::new(&db);
    let unlisted = SignupForm {
        ente_nome: "Unione dei Comuni Nuovissima".into(),
        ente_nuovo: Some("on".into()),
        ente_tipo: "unione_comuni".into(),
        ente_provincia: "BO".into(),
        ..form("nicolo.dali@comune.it", &["dati", "documenti"])
    };
    let page = sign_up(&app, unlisted).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(page.location(), "/iscriviti/fatto");
    assert!(page.session().is_none(), "nobody is logged in");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM people").await, 0);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signups").await, 0);
    let proposed = app
        .call(
            &SearchEnti {
                query: "Nuovissima".into(),
            },
            None,
        )
        .await;
    assert_eq!(
        proposed.body, "[]",
        "the body proposed is offered to nobody"
    );
    let numbers = app.get("/api/v1/numeri.json", &[]).await.body;
    let before: serde_json::Value = serde_json::from_str(&numbers).unwrap();
    let wrong = app
        .call(
            &log_in("nicolo.dali@comune.it", "una frase lunga e mia"),
            None,
        )
        .await;
    assert_eq!(wrong.error(), Some(AppError::BadCredentials));
    let page_html = app.get("/iscriviti/fatto", &[]).await.body;
    assert!(page_html.contains("Ti abbiamo scritto: apri il link per confermare"));

    let token = confirmation_tokens(&db, "nicolo.dali@comune.it")
        .await
        .remove(0);
    let cookie = app.cookie("comtem_signup", &page.cookie("comtem_signup").unwrap());
    let confirm = ConfirmSignup {
        token: token.clone(),
    };
    let confirmed = app.call_with_cookies(&confirm, &cookie).await;
    assert_eq!(confirmed.location(), "/profilo?benvenuto=1");
    assert!(confirmed.session().is_some());
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signups").await, 2);
    let after = app.get("/api/v1/numeri.json", &[]).await.body;
    assert_ne!(
        before,
        serde_json::from_str::<serde_json::Value>(&after).unwrap()
    );
    let right = app
        .call(
            &log_in("nicolo.dali@comune.it", "una frase lunga e mia"),
            None,
        )
        .await;
    assert!(
        right.session().is_some(),
        "the password works once confirmed"
    );
    let again = app
        .call_with_cookies(&ConfirmSignup { token }, &cookie)
        .await;
    assert_eq!(again.error(), Some(AppError::ConfirmationInvalid));
    assert_eq!(again.status, StatusCode::GONE);
    let request: String = sqlx::query_scalar("SELECT request FROM pending_signups")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(
        request, "",
        "the request (and its password hash) is forgotten once used"
    );
}

async fn every_address_gets_the_same_answer(db: Db) {
    let app = TestApp::new(&db);
    signed_up(&app, form("ada@comune.it", &["dati"])).await;
    let known = sign_up(&app, form("ADA@comune.it", &["dati", "imprese"])).await;
    let nothing_new = sign_up(&app, form("ada@comune.it", &["dati"])).await;
    let new = sign_up(&app, form("bea@comune.it", &["dati", "imprese"])).await;
    for page in [&known, &nothing_new] {
        assert_eq!(page.status, new.status);
        assert_eq!(page.location(), new.location());
        assert_eq!(page.body, new.body);
        assert!(page.session().is_none());
    }
    let subjects: Vec<String> = sqlx::query_scalar(
        "SELECT subject FROM outbox WHERE recipient = 'ada@comune.it' ORDER BY subject",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    assert_eq!(
        subjects,
        [
            "COMTem: conferma la tua iscrizione",
            "COMTem: conferma le nuove comunità",
            "COMTem: sei già iscritto",
        ]
    );
}

async fn an_impostor_gains_nothing_from_anothers_address(db: Db) {
    let app = TestApp::new(&db);
    let owner = signed_up(&app, form("ada@comune.it", &["dati"])).await;
    let impostor = SignupForm {
        nome: "Ingannatore".into(),
        password: "la password dell'impostore".into(),
        ..form("ada@comune.it", &["imprese", "cittadini"])
    };
    let page = sign_up(&app, impostor).await;
    assert_eq!(page.location(), "/iscriviti/fatto");
    assert!(page.session().is_none(), "no session for the impostor");
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM signups").await,
        1,
        "nothing changed"
    );
    let body: String = sqlx::query_scalar(
        "SELECT body FROM outbox WHERE subject = 'COMTem: conferma le nuove comunità'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(
        body.contains("- Imprese") && body.contains("- Cittadini"),
        "{body}"
    );
    let tried = app
        .call(&log_in("ada@comune.it", "la password dell'impostore"), None)
        .await;
    assert_eq!(tried.error(), Some(AppError::BadCredentials));
    // The owner confirms from their mailbox, in another browser.
    let token = confirmation_tokens(&db, "ada@comune.it").await;
    let token = token.into_iter().last().unwrap();
    let confirmed = app.call(&ConfirmSignup { token }, None).await;
    assert_eq!(confirmed.location(), "/profilo");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signups").await, 3);
    let name: String = sqlx::query_scalar("SELECT first_name FROM people")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(name, "Nicolò", "the owner's details stay");
    let tried = app
        .call(&log_in("ada@comune.it", "la password dell'impostore"), None)
        .await;
    assert_eq!(tried.error(), Some(AppError::BadCredentials));
    let owners = app
        .call(&log_in("ada@comune.it", "una frase lunga e mia"), None)
        .await;
    assert!(owners.session().is_some());
    let still = app.call(&CurrentViewer {}, Some(&owner)).await.body;
    assert!(still.contains("Nicolò"), "{still}");
}

async fn a_password_takes_effect_only_in_the_browser_that_chose_it(db: Db) {
    let app = TestApp::new(&db);
    sign_up(&app, form("ada@comune.it", &["dati"])).await;
    let token = confirmation_tokens(&db, "ada@comune.it").await.remove(0);
    let elsewhere = app.call(&ConfirmSignup { token }, None).await;
    assert!(elsewhere.session().is_some(), "following the link logs in");
    let with_password = app
        .call(&log_in("ada@comune.it", "una frase lunga e mia"), None)
        .await;
    assert_eq!(
        with_password.error(),
        Some(AppError::BadCredentials),
        "no password set from another browser"
    );
}

async fn signing_up_while_logged_in_never_swaps_the_session(db: Db) {
    let app = TestApp::new(&db);
    let session = signed_up(&app, form("ada@comune.it", &["dati"])).await;
    let signup = app
        .call(
            &app::api::account::SignUp {
                form: form("bea@comune.it", &["imprese"]),
            },
            Some(&session),
        )
        .await;
    assert_eq!(signup.error(), Some(AppError::AlreadyLoggedIn));
    assert_eq!(signup.status, StatusCode::CONFLICT);
    assert!(signup.session().is_none());
    assert!(confirmation_tokens(&db, "bea@comune.it").await.is_empty());
    let viewer = app.call(&CurrentViewer {}, Some(&session)).await.body;
    assert!(viewer.contains("Nicolò"), "{viewer}");
}

async fn links_expire_and_old_requests_are_removed(db: Db) {
    let app = TestApp::new(&db);
    sign_up(&app, form("ada@comune.it", &["dati"])).await;
    let token = confirmation_tokens(&db, "ada@comune.it").await.remove(0);
    sqlx::query("UPDATE pending_signups SET expires_at = $1")
        .bind(unix_now() - 1)
        .execute(&db)
        .await
        .unwrap();
    let late = app.call(&ConfirmSignup { token }, None).await;
    assert_eq!(late.error(), Some(AppError::ConfirmationInvalid));
    let forged = ConfirmSignup {
        token: "x".repeat(43),
    };
    assert_eq!(
        app.call(&forged, None).await.error(),
        Some(AppError::ConfirmationInvalid)
    );
    let week = app::server::signup::KEEP_REQUESTS_SECS;
    let kept = db::pending_signups::remove_older_than(&db, unix_now() - week).await;
    assert_eq!(kept.unwrap(), 0, "a request of today stays");
    let removed = db::pending_signups::remove_older_than(&db, unix_now() + 1).await;
    assert_eq!(removed.unwrap(), 1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM pending_signups").await, 0);
}
