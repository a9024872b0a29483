//! The page cache through the whole router: visitors share a stored page, each with their own
//! script nonce; a write shows on the next page; members' pages, errors and endless query
//! strings never fill it or reach someone else.

use app::api::profile::JoinCommunity;
use app::server::db::Db;
use app::server::page_cache::MAX_PAGES;
use axum::http::StatusCode;

use crate::support::{Page, TestApp, logged_in, ok};

on_both_databases!(
    visitors_get_the_stored_page_with_their_own_nonce,
    a_write_shows_on_the_next_page,
    members_pages_are_never_stored_or_served,
    errors_are_not_stored_and_the_cache_stays_bounded,
);

const COMMUNITY: &str = "/comunita/dati";

async fn visitors_get_the_stored_page_with_their_own_nonce(db: Db) {
    let app = TestApp::new(&db);
    let first = app.get(COMMUNITY, &[]).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.header("x-cache"), Some("miss"));
    let second = hit(&app, COMMUNITY).await;
    let (old, new) = (nonce(&first), nonce(&second));
    assert_ne!(old, new, "every page gets a fresh nonce");
    let policy = second.header("content-security-policy").unwrap();
    assert!(policy.contains(&format!("'nonce-{new}'")), "{policy}");
    assert!(!second.body.contains(&old), "no trace of the stored nonce");
    assert_eq!(without_nonce(&second), without_nonce(&first));
    // Rendered afresh (a cookie skips the cache), the page reads the same but for its nonce:
    // nothing in it belongs to one request. (The data serialized after it for hydration carries
    // the time of the render, and Leptos may repeat some of it, as its render happens to run.)
    let rendered = app.get(COMMUNITY, &[("cookie", "altro=1")]).await;
    assert_eq!(rendered.header("x-cache"), None);
    assert_eq!(readable(&rendered), readable(&first));
}

async fn a_write_shows_on_the_next_page(db: Db) {
    let app = TestApp::new(&db);
    let member = logged_in(&app, "Ottavia Lanzi", &["internet-of-things"], None).await;
    app.get(COMMUNITY, &[]).await;
    let before = members(&hit(&app, COMMUNITY).await);
    let join = JoinCommunity {
        comunita: "dati".into(),
    };
    let _: () = ok(&app.call(&join, Some(&member)).await);
    let after = app.get(COMMUNITY, &[]).await;
    assert_eq!(after.header("x-cache"), Some("miss"));
    assert_eq!(members(&after), before + 1);
}

async fn members_pages_are_never_stored_or_served(db: Db) {
    let app = TestApp::new(&db);
    let member = logged_in(&app, "Ottavia Lanzi", &["dati"], None).await;
    let own = app.get_as(COMMUNITY, &member).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("Ottavia"), "the member's own page");
    assert_eq!(own.header("x-cache"), None);
    assert_eq!(
        app.state.pages.stored_pages(),
        0,
        "a member's page is not stored"
    );
    let visitor = app.get(COMMUNITY, &[]).await;
    assert_eq!(visitor.header("x-cache"), Some("miss"));
    assert!(!visitor.body.contains("Ottavia"));
    let again = app.get_as(COMMUNITY, &member).await;
    assert_eq!(
        again.header("x-cache"),
        None,
        "a member never gets a visitor's page"
    );
    assert!(again.body.contains("Ottavia"));
    assert!(!hit(&app, COMMUNITY).await.body.contains("Ottavia"));
}

async fn errors_are_not_stored_and_the_cache_stays_bounded(db: Db) {
    let app = TestApp::new(&db);
    for uri in [
        "/comunita/non-esiste",
        "/comunita/non-esiste",
        "/pagina-inesistente",
    ] {
        let page = app.get(uri, &[]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(page.header("x-cache"), None, "{uri}");
    }
    assert_eq!(app.state.pages.stored_pages(), 0);
    for run in 0..MAX_PAGES + 20 {
        let page = app.get(&format!("/note-legali?giro={run}"), &[]).await;
        assert_eq!(page.header("x-cache"), Some("miss"));
        assert!(app.state.pages.stored_pages() <= MAX_PAGES);
    }
}

/// Asks for `uri` until the cache serves it (at once, unless the stored page just expired).
async fn hit(app: &TestApp, uri: &str) -> Page {
    for _ in 0..3 {
        let page = app.get(uri, &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        if page.header("x-cache") == Some("hit") {
            return page;
        }
    }
    panic!("{uri} never came from the cache");
}

/// The nonce of the page's scripts.
fn nonce(page: &Page) -> String {
    let (_, rest) = page
        .body
        .split_once("nonce=\"")
        .expect("a script with a nonce");
    rest.split('"').next().unwrap().to_owned()
}

/// The page with its nonce taken out.
fn without_nonce(page: &Page) -> String {
    page.body.replace(&nonce(page), "")
}

/// The page a person reads (up to `</html>`), with its nonce taken out.
fn readable(page: &Page) -> String {
    let body = without_nonce(page);
    let (html, _hydration_data) = body.split_once("</html>").expect("a whole page");
    html.to_owned()
}

/// The member count the community page shows.
fn members(page: &Page) -> u32 {
    let (_, rest) = page.body.split_once("class=\"member-count\">").unwrap();
    let count = rest.split(' ').next().unwrap();
    count
        .parse()
        .unwrap_or_else(|_| panic!("member count {count:?}"))
}
