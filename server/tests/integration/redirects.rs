//! After logging in, `next` leads only to a path of this site; nothing typed there can lead
//! elsewhere or make the handler fail.

use app::api::account::LogIn;
use app::server::db::Db;
use axum::http::StatusCode;

use crate::support::{PASSWORD, TestApp, person};

on_both_databases!(next_leads_only_to_this_site);

async fn next_leads_only_to_this_site(db: Db) {
    let app = TestApp::new(&db);
    person(&db, "nicolo.dali@comune.it", &["dati"]).await;
    let cases = [
        ("/piani/2024/dati", "/piani/2024/dati"),
        (
            "/lettura-trasversale?anno=2024",
            "/lettura-trasversale?anno=2024",
        ),
        ("", "/profilo"),
        ("/\t/evil.example", "/profilo"),
        ("/%09/evil.example", "/profilo"),
        ("/profilo\r\nSet-Cookie: preso=1", "/profilo"),
        ("/profilo\nLocation: https://evil.example", "/profilo"),
        ("//evil.example", "/profilo"),
        ("/\\evil.example", "/profilo"),
        ("\\\\evil.example", "/profilo"),
        ("/%2F%2Fevil.example", "/profilo"),
        ("https://evil.example", "/profilo"),
        ("javascript:alert(1)", "/profilo"),
        ("/%6A%61vascript%3Aalert(1)", "/profilo"),
        ("data:text/html,<script>alert(1)</script>", "/profilo"),
        ("/<script>alert(1)</script>", "/profilo"),
        ("/' OR 1=1 --", "/profilo"),
    ];
    for (next, expected) in cases {
        let login = LogIn {
            email: "nicolo.dali@comune.it".to_owned(),
            password: PASSWORD.to_owned(),
            next: next.to_owned(),
        };
        let page = app.call(&login, None).await;
        assert_eq!(page.status, StatusCode::OK, "{next:?}: {}", page.body);
        assert_eq!(page.location(), expected, "{next:?}");
        assert!(page.session().is_some(), "{next:?}: logged in");
    }
    // The login page never carries an unsafe `next` into its form.
    let html = app.get("/accedi?next=//evil.example", &[]).await.body;
    assert!(!html.contains("evil.example"), "{html}");
    let html = app.get("/accedi?next=/piani/2024/dati", &[]).await.body;
    assert!(html.contains(r#"value="/piani/2024/dati""#), "{html}");
}
