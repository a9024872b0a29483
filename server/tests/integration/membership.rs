//! Signup, login, links, throttling and the account's own actions, through the real router.

use app::api::account::{
    ConfirmSignup, CurrentViewer, LogIn, LogOut, RedeemLoginLink, RequestLoginLink, SignUp,
};
use app::api::profile::{DeleteAccount, JoinCommunity, LeaveCommunity, MyProfile};
use app::domain::signup_form::SignupForm;
use app::domain::validation::Problem;
use app::error::AppError;
use app::server::db::Db;
use axum::http::StatusCode;

use crate::support::{Page, TestApp, person};

on_both_databases!(
    a_new_person_confirms_and_is_logged_in,
    twenty_identical_signups_confirmed_at_once_make_one_person,
    hostile_input_is_refused_or_stored_as_text,
    an_unlisted_body_becomes_pending,
    login_rotates_the_session_and_logout_ends_it,
    wrong_passwords_are_throttled_per_account,
    login_links_work_once,
    members_join_leave_and_delete_their_account,
    cross_site_posts_are_refused,
    sessions_end_when_idle_or_too_old,
);

/// A valid signup form for `email`.
pub fn form(email: &str, communities: &[&str]) -> SignupForm {
    SignupForm {
        nome: "Nicolò".into(),
        cognome: "D'Alì".into(),
        email: email.into(),
        ente_nome: "Castel San Pietro Terme".into(),
        ruolo: "Responsabile transizione digitale".into(),
        comunita: communities.iter().map(|slug| slug.to_string()).collect(),
        password: "una frase lunga e mia".into(),
        privacy: Some("on".into()),
        ..SignupForm::default()
    }
}

/// Signs up through the router.
pub async fn sign_up(app: &TestApp, form: SignupForm) -> Page {
    app.call(&SignUp { form }, None).await
}

/// Signs up through the router and confirms from the same browser; the session.
pub async fn signed_up(app: &TestApp, form: SignupForm) -> String {
    let email = form.email.trim().to_lowercase();
    let page = sign_up(app, form).await;
    assert_eq!(page.location(), "/iscriviti/fatto", "{}", page.body);
    let browser = page.cookie("comtem_signup").expect("the browser's cookie");
    let token = confirmation_tokens(&app.state.db, &email)
        .await
        .pop()
        .expect("a confirmation link");
    let cookie = app.cookie("comtem_signup", &browser);
    let confirmed = app
        .call_with_cookies(&ConfirmSignup { token }, &cookie)
        .await;
    confirmed.session().expect("confirmed and logged in")
}

/// The tokens of the confirmation links mailed to `email` and not sent yet.
pub async fn confirmation_tokens(db: &Db, email: &str) -> Vec<String> {
    let bodies: Vec<String> = sqlx::query_scalar("SELECT body FROM outbox WHERE recipient = $1")
        .bind(email)
        .fetch_all(db)
        .await
        .unwrap();
    bodies
        .iter()
        .filter_map(|body| body.split("/iscriviti/conferma/").nth(1))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

async fn count(db: &Db, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(db).await.unwrap()
}

fn rejection(page: &Page) -> app::domain::validation::Rejection {
    match page.error() {
        Some(AppError::Invalid(rejection)) => *rejection,
        other => panic!("expected a refused form, got {other:?}: {}", page.body),
    }
}

async fn a_new_person_confirms_and_is_logged_in(db: Db) {
    let app = TestApp::new(&db);
    let session = signed_up(&app, form("nicolo.dali@comune.it", &["dati", "documenti"])).await;
    let profile = app.call(&MyProfile {}, Some(&session)).await;
    assert!(
        profile.body.contains("nicolo.dali@comune.it"),
        "{}",
        profile.body
    );
    assert!(
        profile
            .body
            .contains(r#""communities":["dati","documenti"]"#),
        "{}",
        profile.body
    );
    let html = app.get_as("/profilo", &session).await.body;
    assert!(html.contains("Nicolò") && html.contains("Castel San Pietro Terme"));
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM outbox").await,
        1,
        "the confirmation email only"
    );
}

async fn twenty_identical_signups_confirmed_at_once_make_one_person(db: Db) {
    let app = TestApp::new(&db);
    let mut running = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let app = app.clone();
        running.spawn(async move {
            sign_up(&app, form("stessa@comune.it", &["dati", "cittadini"])).await
        });
    }
    while let Some(page) = running.join_next().await {
        let page = page.unwrap();
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    }
    assert_eq!(count(&db, "SELECT COUNT(*) FROM people").await, 0);
    let tokens = confirmation_tokens(&db, "stessa@comune.it").await;
    assert_eq!(tokens.len(), 20);
    for token in tokens {
        let app = app.clone();
        running.spawn(async move { app.call(&ConfirmSignup { token }, None).await });
    }
    while let Some(page) = running.join_next().await {
        let page = page.unwrap();
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    }
    assert_eq!(count(&db, "SELECT COUNT(*) FROM people").await, 1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signups").await, 2);
}

async fn hostile_input_is_refused_or_stored_as_text(db: Db) {
    let app = TestApp::new(&db);
    let refused = rejection(&sign_up(&app, SignupForm::default()).await);
    for field in [
        "nome",
        "cognome",
        "email",
        "ruolo",
        "ente_nome",
        "comunita",
        "privacy",
    ] {
        assert!(
            refused.problem(field).is_some(),
            "{field} should be refused"
        );
    }
    let long = SignupForm {
        nome: "x".repeat(10_000),
        ..form("a@comune.it", &["dati"])
    };
    let refused = rejection(&sign_up(&app, long).await);
    assert_eq!(refused.problem("nome"), Some(&Problem::TooLong { max: 80 }));
    assert_eq!(
        refused.typed("email"),
        "a@comune.it",
        "what was typed comes back"
    );
    let bad_email = rejection(&sign_up(&app, form("nicolo@@comune", &["dati"])).await);
    assert_eq!(bad_email.problem("email"), Some(&Problem::InvalidEmail));
    let unknown =
        rejection(&sign_up(&app, form("b@comune.it", &["'; DROP TABLE signups; --"])).await);
    assert_eq!(
        unknown.problem("comunita"),
        Some(&Problem::UnknownCommunity)
    );

    let script = "<script>alert(1)</script>";
    let hostile = SignupForm {
        nome: script.into(),
        cognome: "'; DROP TABLE people; -- 😀".into(),
        ..form("c@comune.it", &["dati"])
    };
    let session = signed_up(&app, hostile).await;
    let html = app.get_as("/profilo", &session).await.body;
    assert!(!html.contains(script), "rendered as text");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("DROP TABLE people; -- 😀"));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM people").await, 1);
}

async fn an_unlisted_body_becomes_pending(db: Db) {
    let app = TestApp::new(&db);
    let ambiguous = rejection(
        &sign_up(
            &app,
            SignupForm {
                ente_nome: "castel".into(),
                ..form("a@x.it", &["dati"])
            },
        )
        .await,
    );
    assert!(
        matches!(ambiguous.problem("ente_nome"), Some(Problem::AmbiguousEnte(choices)) if choices.len() > 1)
    );
    let unlisted = SignupForm {
        ente_nome: "Consorzio Intercomunale Nuovo".into(),
        ente_nuovo: Some("on".into()),
        ente_tipo: "asp".into(),
        ente_provincia: "RA".into(),
        ..form("b@x.it", &["dati"])
    };
    assert_eq!(sign_up(&app, unlisted.clone()).await.status, StatusCode::OK);
    let pending = app::server::db::enti::pending(&db).await.unwrap();
    assert!(pending.is_empty(), "nothing is stored before confirmation");
    signed_up(&app, unlisted.clone()).await;
    let other = SignupForm {
        email: "c@x.it".into(),
        ..unlisted
    };
    signed_up(&app, other).await;
    let pending = app::server::db::enti::pending(&db).await.unwrap();
    assert_eq!(pending.len(), 1, "one pending body for both people");
    assert_eq!(pending[0].1, 2);
}

async fn login_rotates_the_session_and_logout_ends_it(db: Db) {
    let app = TestApp::new(&db);
    let first = signed_up(&app, form("ada@comune.it", &["dati"])).await;
    let wrong = LogIn {
        email: "ada@comune.it".into(),
        password: "non è questa".into(),
        next: String::new(),
    };
    assert_eq!(
        app.call(&wrong, None).await.error(),
        Some(AppError::BadCredentials)
    );
    let login = LogIn {
        email: " ADA@comune.it".into(),
        password: "una frase lunga e mia".into(),
        next: "//evil.example".into(),
    };
    let page = app.call(&login, Some(&first)).await;
    assert_eq!(page.location(), "/profilo", "never redirects off-site");
    let second = page.session().expect("new session");
    assert_ne!(first, second);
    let viewer = |session: String| {
        let app = app.clone();
        async move { app.call(&CurrentViewer {}, Some(&session)).await.body }
    };
    assert_eq!(
        viewer(first).await,
        "null",
        "the old session ended at login"
    );
    assert!(viewer(second.clone()).await.contains("Nicolò"));
    app.call(&LogOut {}, Some(&second)).await;
    assert_eq!(viewer(second).await, "null");
}

async fn wrong_passwords_are_throttled_per_account(db: Db) {
    let app = TestApp::new(&db);
    signed_up(&app, form("ada@comune.it", &["dati"])).await;
    let wrong = LogIn {
        email: "ada@comune.it".into(),
        password: "sbagliata sbagliata".into(),
        next: String::new(),
    };
    let right = LogIn {
        password: "una frase lunga e mia".into(),
        ..wrong.clone()
    };
    for _ in 0..10 {
        let page = app.call(&right, None).await;
        assert_eq!(
            page.status,
            StatusCode::OK,
            "successful logins never add up"
        );
    }
    for _ in 0..8 {
        assert_eq!(
            app.call(&wrong, None).await.error(),
            Some(AppError::BadCredentials)
        );
    }
    assert!(matches!(
        app.call(&right, None).await.error(),
        Some(AppError::Throttled { minutes: 1..=15 })
    ));
    let other = LogIn {
        email: "altro@comune.it".into(),
        ..wrong
    };
    assert_eq!(
        app.call(&other, None).await.error(),
        Some(AppError::BadCredentials),
        "other accounts unaffected"
    );
}

async fn login_links_work_once(db: Db) {
    let app = TestApp::new(&db);
    person(&db, "ada@comune.it", &["dati"]).await;
    let page = app
        .call(
            &RequestLoginLink {
                email: "nessuno@comune.it".into(),
            },
            None,
        )
        .await;
    assert_eq!(
        page.location(),
        "/accedi?inviato=1",
        "same answer for unknown addresses"
    );
    let request = RequestLoginLink {
        email: "ada@comune.it".into(),
    };
    assert_eq!(
        app.call(&request, None).await.location(),
        "/accedi?inviato=1"
    );
    let bodies: Vec<String> =
        sqlx::query_scalar("SELECT body FROM outbox WHERE recipient = 'ada@comune.it'")
            .fetch_all(&db)
            .await
            .unwrap();
    assert_eq!(bodies.len(), 1);
    let token = bodies[0]
        .split("/accedi/link/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let redeem = RedeemLoginLink { token };
    assert!(app.call(&redeem, None).await.session().is_some());
    assert_eq!(
        app.call(&redeem, None).await.error(),
        Some(AppError::LinkInvalid)
    );
    let forged = RedeemLoginLink {
        token: "x".repeat(43),
    };
    assert_eq!(
        app.call(&forged, None).await.error(),
        Some(AppError::LinkInvalid)
    );
}

async fn members_join_leave_and_delete_their_account(db: Db) {
    let app = TestApp::new(&db);
    let session = signed_up(&app, form("ada@comune.it", &["dati"])).await;
    let s = Some(session.as_str());
    app.call(
        &JoinCommunity {
            comunita: "imprese".into(),
        },
        s,
    )
    .await;
    app.call(
        &JoinCommunity {
            comunita: "imprese".into(),
        },
        s,
    )
    .await;
    app.call(
        &LeaveCommunity {
            comunita: "dati".into(),
        },
        s,
    )
    .await;
    let unknown = app
        .call(
            &JoinCommunity {
                comunita: "nessuna".into(),
            },
            s,
        )
        .await;
    assert_eq!(unknown.error(), Some(AppError::NotFound));
    assert!(
        app.call(&MyProfile {}, s)
            .await
            .body
            .contains(r#""communities":["imprese"]"#)
    );
    let data = app.get_as("/profilo/dati.json", &session).await;
    assert_eq!(data.status, StatusCode::OK);
    assert!(data.body.contains("ada@comune.it") && data.body.contains("imprese"));
    assert_eq!(
        app.get("/profilo/dati.json", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );

    let unconfirmed = app.call(&DeleteAccount { conferma: None }, s).await;
    assert_eq!(
        rejection(&unconfirmed).problem("conferma"),
        Some(&Problem::ConfirmationRequired)
    );
    let deleted = app
        .call(
            &DeleteAccount {
                conferma: Some("on".into()),
            },
            s,
        )
        .await;
    assert_eq!(deleted.location(), "/?account=eliminato");
    assert_eq!(
        app.call(&MyProfile {}, s).await.error(),
        Some(AppError::LoginRequired)
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signups").await, 0);
    let remaining: String = sqlx::query_scalar("SELECT first_name || ' ' || email FROM people")
        .fetch_one(&db)
        .await
        .unwrap();
    assert!(
        !remaining.contains("ada@") && !remaining.contains("Nicolò"),
        "{remaining}"
    );
    let again = signed_up(&app, form("ada@comune.it", &["dati"])).await;
    let profile = app.call(&MyProfile {}, Some(&again)).await;
    assert!(
        profile.body.contains(r#""communities":["dati"]"#),
        "the address is free again: {}",
        profile.body
    );
}

async fn cross_site_posts_are_refused(db: Db) {
    let app = TestApp::new(&db);
    let body = serde_qs::to_string(&SignUp {
        form: form("ada@comune.it", &["dati"]),
    })
    .unwrap();
    for origin in [Some("https://evil.example"), None] {
        let mut request = axum::http::Request::post(<SignUp as leptos::server_fn::ServerFn>::PATH)
            .header("host", "comtem.test")
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let page = app
            .send(request.body(axum::body::Body::from(body.clone())).unwrap())
            .await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{origin:?}");
    }
    assert_eq!(count(&db, "SELECT COUNT(*) FROM people").await, 0);
}

async fn sessions_end_when_idle_or_too_old(db: Db) {
    use app::server::settings::Settings;
    for settings in [
        Settings {
            session_idle_secs: -1,
            ..Settings::default()
        },
        Settings {
            session_absolute_secs: -1,
            ..Settings::default()
        },
    ] {
        let app = TestApp::with_settings(&db, settings);
        let email = format!(
            "ada{}@comune.it",
            count(&db, "SELECT COUNT(*) FROM people").await
        );
        let session = signed_up(&app, form(&email, &["dati"])).await;
        let page = app.call(&MyProfile {}, Some(&session)).await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED);
        assert_eq!(page.error(), Some(AppError::LoginRequired));
    }
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM sessions").await,
        0,
        "expired sessions are removed"
    );
}
