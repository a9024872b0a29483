//! A visitor reading a page with nothing interactive gets it without the application's code;
//! every other page starts the bundle holding it (once built, see `app::bundles`), for members
//! also the pages a visitor only reads.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use app::server::db::Db;
use axum::http::StatusCode;

use crate::support::{TestApp, logged_in, unique_suffix};

on_both_databases!(
    only_pages_with_something_to_do_start_the_code,
    a_visitor_gets_the_bundle_of_the_page_once_built
);

/// The module script that downloads and starts `code` (`comtem` is the whole application).
fn starts(code: &str) -> String {
    format!("import('/pkg/{code}.js')")
}

/// Any of them.
const STARTS_CODE: &str = "import('/pkg/comtem";

/// The application, serving its code from a new, empty site folder.
fn app_with_site(db: &Db) -> (TestApp, PathBuf) {
    let mut app = TestApp::new(db);
    let site = std::env::temp_dir().join(format!("comtem-site-{}", unique_suffix()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    app.state.leptos_options.site_root = site.to_string_lossy().into_owned().into();
    (app, site)
}

/// Writes `pkg/<name>.wasm` under `site`, modified at `at`.
fn build(site: &Path, name: &str, at: SystemTime) {
    let file = std::fs::File::create(site.join("pkg").join(format!("{name}.wasm"))).unwrap();
    file.set_modified(at).unwrap();
}

async fn only_pages_with_something_to_do_start_the_code(db: Db) {
    let (app, site) = app_with_site(&db);
    for path in [
        "/comunita/dati",
        "/notizie",
        "/incontri",
        "/privacy",
        "/note-legali",
    ] {
        let page = app.get(path, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains("</main>"), "{path}");
        assert!(
            !page.body.contains(STARTS_CODE),
            "{path} sends code to a visitor"
        );
    }
    // No bundle built (as in a development build): the whole application.
    for path in [
        "/",
        "/comunita",
        "/iscriviti",
        "/accedi",
        "/numeri",
        "/calendario",
    ] {
        let page = app.get(path, &[]).await;
        assert!(
            page.body.contains(&starts("comtem")),
            "{path} sends no code"
        );
    }
    // Fixed member paths are not read as a visitor's page with a parameter.
    let new_post = app.get("/notizie/nuova", &[]).await;
    assert!(new_post.body.contains(&starts("comtem")));
    let session = logged_in(&app, "Nicolò D'Alì", &["dati"], None).await;
    for path in ["/comunita/dati", "/notizie", "/privacy"] {
        let page = app.get_as(path, &session).await;
        assert!(
            page.body.contains(&starts("comtem")),
            "{path} sends no code to a member"
        );
    }
    std::fs::remove_dir_all(site).unwrap();
}

async fn a_visitor_gets_the_bundle_of_the_page_once_built(db: Db) {
    let (app, site) = app_with_site(&db);
    let now = SystemTime::now();
    build(&site, "comtem", now);
    for bundle in app::bundles::BUNDLES {
        build(&site, &format!("comtem-{}", bundle.name), now);
    }
    build(&site, &format!("comtem-{}", app::bundles::COUNTDOWN), now);
    for (path, code) in [
        ("/iscriviti", "comtem-signup"),
        ("/accedi", "comtem-login"),
        ("/", "comtem-countdown"),
        ("/piano-generale/2023", "comtem-countdown"),
        ("/numeri", "comtem-numbers"),
        ("/notizie/nuova", "comtem-publishing"),
        ("/lettura-trasversale", "comtem-board"),
    ] {
        let page = app.get(path, &[]).await;
        assert!(
            page.body.contains(&starts(code)),
            "{path} does not start {code}"
        );
    }
    let session = logged_in(&app, "Nicolò D'Alì", &["dati"], None).await;
    for (path, code) in [
        ("/iscriviti", "comtem-signup"),
        ("/", "comtem-home"),
        ("/calendario", "comtem-calendar"),
        ("/comunita/dati", "comtem-reading"),
        ("/notizie/3", "comtem-reading"),
        ("/piani/2024/dati/modifica", "comtem-plan-editing"),
        ("/profilo", "comtem-account"),
    ] {
        let page = app.get_as(path, &session).await;
        assert!(
            page.body.contains(&starts(code)),
            "{path} does not start {code} for a member"
        );
    }
    let nowhere = app.get_as("/nowhere", &session).await;
    assert!(
        !nowhere.body.contains(STARTS_CODE),
        "a missing page has no code"
    );

    // The whole application built again after the bundles (a development build): the bundles
    // are out of date and the whole application takes their place. A new application state, so
    // that no page stored by the page cache answers.
    build(&site, "comtem", now + Duration::from_secs(60));
    let mut fresh = TestApp::new(&db);
    fresh.state.leptos_options = app.state.leptos_options.clone();
    let page = fresh.get("/iscriviti", &[]).await;
    assert!(
        page.body.contains(&starts("comtem")),
        "an old bundle is not sent"
    );
    std::fs::remove_dir_all(site).unwrap();
}
