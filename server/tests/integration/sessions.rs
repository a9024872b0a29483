//! Sessions people control: a new password needs the current one (or a fresh login by link)
//! and ends every other session; the profile lists the sessions and ends any of them.

use app::api::account::{ConfirmSignup, CurrentViewer, LogIn};
use app::api::profile::{ChangePassword, EndOtherSessions, EndSession, MySessions};
use app::domain::my_session::MySession;
use app::domain::signup_form::SignupForm;
use app::domain::validation::Problem;
use app::error::AppError;
use app::server::db::Db;
use app::server::settings::Settings;

use crate::membership::{confirmation_tokens, form, sign_up};
use crate::support::{PASSWORD, Page, TestApp, ok, person};

on_both_databases!(
    a_new_password_needs_the_current_one_and_ends_the_other_sessions,
    a_fresh_login_by_link_sets_a_password_without_the_current_one,
    people_see_and_end_their_sessions_and_only_theirs,
    https_sites_send_hsts_and_host_prefixed_cookies,
);

const PHONE: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const DESKTOP: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

/// Logs `email` in with `password` from a browser that sends `user_agent`; the session.
async fn log_in_from(app: &TestApp, email: &str, password: &str, user_agent: &str) -> String {
    let login = LogIn {
        email: email.to_owned(),
        password: password.to_owned(),
        next: String::new(),
    };
    let page = app.call_with(&login, &[("user-agent", user_agent)]).await;
    page.session()
        .unwrap_or_else(|| panic!("logged in: {}", page.body))
}

async fn is_valid(app: &TestApp, session: &str) -> bool {
    app.call(&CurrentViewer {}, Some(session)).await.body != "null"
}

fn problem(page: &Page, field: &str) -> Option<Problem> {
    match page.error() {
        Some(AppError::Invalid(rejection)) => rejection.problem(field).cloned(),
        other => panic!("expected a refused field, got {other:?}: {}", page.body),
    }
}

async fn a_new_password_needs_the_current_one_and_ends_the_other_sessions(db: Db) {
    let app = TestApp::new(&db);
    person(&db, "ada.rossi@comune.it", &["dati"]).await;
    let phone = log_in_from(&app, "ada.rossi@comune.it", PASSWORD, PHONE).await;
    let desktop = log_in_from(&app, "ada.rossi@comune.it", PASSWORD, DESKTOP).await;
    let change = |current: &str| ChangePassword {
        password: "una nuova frase segreta".to_owned(),
        attuale: current.to_owned(),
    };
    for wrong in ["", "non è questa", &"x".repeat(10_000)] {
        let page = app.call(&change(wrong), Some(&desktop)).await;
        assert_eq!(
            problem(&page, "attuale"),
            Some(Problem::WrongCurrentPassword)
        );
    }
    assert!(is_valid(&app, &phone).await, "nothing changed yet");
    let changed = app.call(&change(PASSWORD), Some(&desktop)).await;
    assert_eq!(changed.error(), None, "{}", changed.body);
    let fresh = changed.session().expect("a fresh session for this browser");
    assert!(is_valid(&app, &fresh).await);
    assert!(
        !is_valid(&app, &desktop).await,
        "the old token of this browser ended"
    );
    assert!(
        !is_valid(&app, &phone).await,
        "the other browser is logged out"
    );
    let old = LogIn {
        email: "ada.rossi@comune.it".to_owned(),
        password: PASSWORD.to_owned(),
        next: String::new(),
    };
    assert_eq!(
        app.call(&old, None).await.error(),
        Some(AppError::BadCredentials)
    );
    log_in_from(
        &app,
        "ada.rossi@comune.it",
        "una nuova frase segreta",
        PHONE,
    )
    .await;
}

async fn a_fresh_login_by_link_sets_a_password_without_the_current_one(db: Db) {
    let app = TestApp::new(&db);
    let no_password = SignupForm {
        password: String::new(),
        ..form("bea@comune.it", &["dati"])
    };
    sign_up(&app, no_password).await;
    let token = confirmation_tokens(&db, "bea@comune.it").await.remove(0);
    let session = app
        .call(&ConfirmSignup { token }, None)
        .await
        .session()
        .unwrap();
    let set = |password: &str| ChangePassword {
        password: password.to_owned(),
        attuale: String::new(),
    };
    // Ten minutes after the login by link, a password needs a new link.
    sqlx::query("UPDATE sessions SET created_at = created_at - 601")
        .execute(&db)
        .await
        .unwrap();
    let late = app
        .call(&set("la mia prima password"), Some(&session))
        .await;
    assert_eq!(
        problem(&late, "attuale"),
        Some(Problem::RecentLinkLoginRequired)
    );
    sqlx::query("UPDATE sessions SET created_at = created_at + 601")
        .execute(&db)
        .await
        .unwrap();
    let set_now = app
        .call(&set("la mia prima password"), Some(&session))
        .await;
    assert_eq!(set_now.error(), None, "{}", set_now.body);
    let session = set_now.session().unwrap();
    // Now a password exists, and this session began with it: the current one is asked for.
    let again = app.call(&set("una seconda password"), Some(&session)).await;
    assert_eq!(
        problem(&again, "attuale"),
        Some(Problem::WrongCurrentPassword)
    );
    log_in_from(&app, "bea@comune.it", "la mia prima password", DESKTOP).await;
}

async fn people_see_and_end_their_sessions_and_only_theirs(db: Db) {
    let app = TestApp::new(&db);
    person(&db, "ada.rossi@comune.it", &["dati"]).await;
    person(&db, "altro@comune.it", &["dati"]).await;
    let phone = log_in_from(&app, "ada.rossi@comune.it", PASSWORD, PHONE).await;
    let desktop = log_in_from(&app, "ada.rossi@comune.it", PASSWORD, DESKTOP).await;
    let third = log_in_from(&app, "ada.rossi@comune.it", PASSWORD, DESKTOP).await;
    let other = log_in_from(&app, "altro@comune.it", PASSWORD, DESKTOP).await;
    let listed: Vec<MySession> = ok(&app.call(&MySessions {}, Some(&desktop)).await);
    assert_eq!(listed.len(), 3, "{listed:?}");
    let current: Vec<&MySession> = listed.iter().filter(|s| s.current).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(
        (current[0].browser.as_str(), current[0].system.as_str()),
        ("Firefox", "Linux")
    );
    let on_phone = listed
        .iter()
        .find(|s| s.browser == "Chrome" && s.system == "Android")
        .expect("the phone's session");
    assert!(!on_phone.current);
    assert!(!on_phone.handle.is_empty() && on_phone.started.len() == "2026-12-06 10:00".len());

    // Another person's handle is unknown to me, and their session stays.
    let theirs: Vec<MySession> = ok(&app.call(&MySessions {}, Some(&other)).await);
    let steal = EndSession {
        sessione: theirs[0].handle.clone(),
    };
    assert_eq!(
        app.call(&steal, Some(&desktop)).await.error(),
        Some(AppError::NotFound)
    );
    assert!(is_valid(&app, &other).await);

    let end_phone = EndSession {
        sessione: on_phone.handle.clone(),
    };
    assert_eq!(app.call(&end_phone, Some(&desktop)).await.error(), None);
    assert!(!is_valid(&app, &phone).await, "the phone is logged out");
    assert!(is_valid(&app, &desktop).await && is_valid(&app, &third).await);

    let ended: u64 = ok(&app.call(&EndOtherSessions {}, Some(&desktop)).await);
    assert_eq!(ended, 1);
    assert!(!is_valid(&app, &third).await);
    assert!(is_valid(&app, &desktop).await && is_valid(&app, &other).await);

    // Ending the session one is using logs out.
    let mine: Vec<MySession> = ok(&app.call(&MySessions {}, Some(&desktop)).await);
    let end_mine = EndSession {
        sessione: mine[0].handle.clone(),
    };
    assert_eq!(app.call(&end_mine, Some(&desktop)).await.error(), None);
    assert!(!is_valid(&app, &desktop).await);
    assert_eq!(
        app.call(&MySessions {}, None).await.error(),
        Some(AppError::LoginRequired)
    );
}

async fn https_sites_send_hsts_and_host_prefixed_cookies(db: Db) {
    person(&db, "ada.rossi@comune.it", &["dati"]).await;
    let login = LogIn {
        email: "ada.rossi@comune.it".to_owned(),
        password: PASSWORD.to_owned(),
        next: String::new(),
    };
    let header = |page: &Page, name: &str| {
        page.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let https = TestApp::with_settings(
        &db,
        Settings {
            public_url: "https://comtem.test".to_owned(),
            ..Settings::default()
        },
    );
    let home = https.get("/", &[]).await;
    assert_eq!(
        header(&home, "strict-transport-security").as_deref(),
        Some("max-age=31536000; includeSubDomains")
    );
    let cookie = header(&https.call(&login, None).await, "set-cookie").unwrap();
    assert!(cookie.starts_with("__Host-comtem_session="), "{cookie}");
    assert!(
        cookie.contains("; Path=/;") && cookie.ends_with("; Secure"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain"), "{cookie}");

    // Development over plain HTTP: no HSTS, and a cookie a plain-HTTP browser keeps.
    let http = TestApp::with_settings(
        &db,
        Settings {
            secure_cookies: false,
            ..Settings::default()
        },
    );
    assert_eq!(
        header(&http.get("/", &[]).await, "strict-transport-security"),
        None
    );
    let cookie = header(&http.call(&login, None).await, "set-cookie").unwrap();
    assert!(
        cookie.starts_with("comtem_session=") && !cookie.contains("Secure"),
        "{cookie}"
    );
}
