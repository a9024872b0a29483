//! Passwords without composition rules: common ones and the person's own email or name are
//! refused; wrong guesses lock the account's password login for a while, never its login link.

use app::api::account::{LogIn, RedeemLoginLink, RequestLoginLink};
use app::api::profile::ChangePassword;
use app::domain::signup_form::SignupForm;
use app::domain::validation::Problem;
use app::error::AppError;
use app::server::db::Db;

use crate::membership::{form, sign_up};
use crate::support::{PASSWORD, TestApp, log_in, person};

on_both_databases!(
    own_and_common_passwords_are_refused,
    a_locked_password_login_leaves_the_link_login_open,
);

fn password_problem(page: &crate::support::Page) -> Option<Problem> {
    match page.error() {
        Some(AppError::Invalid(rejection)) => rejection.problem("password").cloned(),
        other => panic!("expected a refused password, got {other:?}: {}", page.body),
    }
}

async fn own_and_common_passwords_are_refused(db: Db) {
    let app = TestApp::new(&db);
    for password in [
        "Nicolò D'Alì",
        "d'alì nicolò!",
        "nicolo.dali@comune.it",
        "NICOLO DALI COMUNE IT",
        "qwerty123456",
        "1qaz2wsx3edc",
    ] {
        let signup = SignupForm {
            password: password.into(),
            ..form("nicolo.dali@comune.it", &["dati"])
        };
        let page = sign_up(&app, signup).await;
        assert_eq!(
            password_problem(&page),
            Some(Problem::CommonPassword),
            "{password}"
        );
        assert!(page.session().is_none());
    }
    person(&db, "ada.rossi@comune.it", &["dati"]).await;
    let session = log_in(&app, "ada.rossi@comune.it", PASSWORD).await;
    for password in [
        "ada.rossi@comune.it",
        "Ada Rossi",
        "ROSSI, ADA!!",
        "1q2w3e4r5t6y",
    ] {
        let change = ChangePassword {
            password: password.to_owned(),
            attuale: PASSWORD.to_owned(),
        };
        let page = app.call(&change, Some(&session)).await;
        let expected = if password.chars().count() < 12 {
            Problem::TooShort { min: 12 }
        } else {
            Problem::CommonPassword
        };
        assert_eq!(password_problem(&page), Some(expected), "{password}");
    }
    let fine = ChangePassword {
        password: "Ada Rossi ama la montagna".to_owned(),
        attuale: PASSWORD.to_owned(),
    };
    assert_eq!(app.call(&fine, Some(&session)).await.error(), None);
}

async fn a_locked_password_login_leaves_the_link_login_open(db: Db) {
    let app = TestApp::new(&db);
    person(&db, "ada.rossi@comune.it", &["dati"]).await;
    let guess = |password: &str| LogIn {
        email: "ada.rossi@comune.it".to_owned(),
        password: password.to_owned(),
        next: String::new(),
    };
    for n in 0..8 {
        let page = app.call(&guess(&format!("indovino {n} volte")), None).await;
        assert_eq!(page.error(), Some(AppError::BadCredentials));
    }
    let page = app.call(&guess(PASSWORD), None).await;
    assert!(
        matches!(page.error(), Some(AppError::Throttled { .. })),
        "locked: {}",
        page.body
    );
    let request = RequestLoginLink {
        email: "ada.rossi@comune.it".to_owned(),
    };
    assert_eq!(
        app.call(&request, None).await.location(),
        "/accedi?inviato=1"
    );
    let body: String =
        sqlx::query_scalar("SELECT body FROM outbox WHERE recipient = 'ada.rossi@comune.it'")
            .fetch_one(&db)
            .await
            .unwrap();
    let token = body
        .split("/accedi/link/")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a link in the message")
        .to_owned();
    let redeemed = app.call(&RedeemLoginLink { token }, None).await;
    assert!(redeemed.session().is_some(), "{}", redeemed.body);
}
