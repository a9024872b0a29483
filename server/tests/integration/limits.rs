//! Holding up under abuse: throttles that an IPv6 block or a forged `X-Forwarded-For` cannot
//! get round, and a burst of logins that waits its turn. The connection limits (slow headers,
//! idle keep-alive, the cap) are in `limits/connections.rs`.

mod connections;

use app::api::account::LogIn;
use app::error::AppError;
use app::server::db::Db;
use app::server::settings::{Limits, Settings};
use axum::http::StatusCode;

use crate::support::{PASSWORD, TestApp, person};

on_both_databases!(
    throttles_count_an_ipv6_block_as_one_client,
    a_burst_of_logins_waits_its_turn,
);

/// A wrong login for `email`, from `forwarded` as the proxy's `X-Forwarded-For` lines.
async fn wrong_login(app: &TestApp, email: &str, forwarded: &[&str]) -> Option<AppError> {
    let wrong = LogIn {
        email: email.into(),
        password: "non è questa".into(),
        next: String::new(),
    };
    let headers: Vec<_> = forwarded
        .iter()
        .map(|hop| ("x-forwarded-for", *hop))
        .collect();
    app.call_with(&wrong, &headers).await.error()
}

async fn throttles_count_an_ipv6_block_as_one_client(db: Db) {
    let settings = Settings {
        trust_proxy: true,
        limits: Limits::default().with_ip_attempts(3),
        ..Settings::default()
    };
    let app = TestApp::with_settings(&db, settings);
    let block = [
        "2001:db8:1:2::a",
        "2001:db8:1:2::b",
        "2001:db8:1:2:ffff:1:2:3",
    ];
    for (n, address) in block.iter().enumerate() {
        let email = format!("persona{n}@comune.it");
        let error = wrong_login(&app, &email, &[address]).await;
        assert_eq!(error, Some(AppError::BadCredentials), "{address}");
    }
    let again = wrong_login(&app, "altra@comune.it", &["2001:db8:1:2::cafe"]).await;
    assert!(
        matches!(again, Some(AppError::Throttled { .. })),
        "a fourth address of the same /64: {again:?}"
    );
    let neighbour = wrong_login(&app, "altra@comune.it", &["2001:db8:1:3::1"]).await;
    assert_eq!(neighbour, Some(AppError::BadCredentials), "another /64");

    // A client's own X-Forwarded-For line comes first; the proxy's, which counts, last.
    let forged = wrong_login(&app, "altra@comune.it", &["192.0.2.99", "2001:db8:1:2::1"]).await;
    assert!(
        matches!(forged, Some(AppError::Throttled { .. })),
        "a forged first line does not escape: {forged:?}"
    );
}

async fn a_burst_of_logins_waits_its_turn(db: Db) {
    let app = TestApp::new(&db);
    let count = 24;
    for n in 0..count {
        person(&db, &format!("persona{n}@comune.it"), &["dati"]).await;
    }
    let logins = (0..count).map(|n| {
        let app = app.clone();
        async move {
            let login = LogIn {
                email: format!("persona{n}@comune.it"),
                password: PASSWORD.into(),
                next: String::new(),
            };
            app.call(&login, None).await.status
        }
    });
    let statuses = futures::future::join_all(logins).await;
    // A login that redirects answers 200 with a Location to the server-function client.
    let logged_in = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(
        logged_in, count,
        "every login served, none busy: {statuses:?}"
    );
}
