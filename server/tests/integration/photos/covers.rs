//! A news post's cover: uploaded with its alternative text by who may edit the post, replacing
//! the one before.

use app::api::news::ReadNews;
use app::domain::news::NewsPage;
use app::domain::role::RoleKind;
use app::server::db::Db;
use axum::http::StatusCode;

use super::{fixture, post_multipart};
use crate::news::{form, save, saved_id};
use crate::support::{TestApp, lead, logged_in, ok};

on_both_databases!(a_post_gets_a_cover_with_its_alternative_text);

async fn cover(app: &TestApp, session: Option<&str>, post: i64, alt: &str, file: &str) -> String {
    let (name, bytes) = fixture(file);
    let parts = [
        ("testo_alternativo", None, alt.as_bytes()),
        ("foto", Some(name.as_str()), bytes.as_slice()),
    ];
    let path = format!("/notizie/{post}/copertina");
    let page = post_multipart(app, session, &path, &parts, "text/html").await;
    match page.status {
        StatusCode::SEE_OTHER => page.location().to_owned(),
        status => status.to_string(),
    }
}

async fn a_post_gets_a_cover_with_its_alternative_text(db: Db) {
    let app = TestApp::new(&db);
    let coordinator = lead(&app, "Chiara Neri", RoleKind::Coordinator, "dati").await;
    let post = saved_id(
        &save(
            &app,
            Some(&coordinator),
            0,
            0,
            form("Con copertina", &["dati"], "pubblicata"),
        )
        .await,
    );
    let told = |outcome: &str| format!("/notizie/{post}?copertina={outcome}");
    let session = Some(coordinator.as_str());
    assert_eq!(
        cover(&app, session, post, " ", "foto.webp").await,
        told("testo")
    );
    assert_eq!(
        cover(&app, session, post, "Una sala", "finta.jpg").await,
        told("formato")
    );
    assert_eq!(
        cover(&app, session, post, "Una sala", "iphone.heic").await,
        told("heic")
    );
    let read = |app: &TestApp| {
        let app = app.clone();
        async move {
            ok::<NewsPage>(&app.call(&ReadNews { id: post }, None).await)
                .post
                .cover
        }
    };
    assert_eq!(read(&app).await, None, "nothing refused was kept");
    let alt = "Nicolò D'Alì al tavolo della <b>sala</b>";
    assert_eq!(
        cover(&app, session, post, alt, "schermata.png").await,
        told("salvata")
    );
    let first = read(&app).await.expect("a cover");
    assert_eq!(first.alt, alt);
    assert_eq!(
        cover(&app, session, post, "Il cortile", "ruotata-con-gps.jpg").await,
        told("salvata")
    );
    let second = read(&app).await.expect("a cover");
    assert_eq!(
        (second.alt.as_str(), second.size()),
        ("Il cortile", (800, 1200))
    );
    for file in &first.files {
        let gone = app.get(&file.href(), &[]).await;
        assert_eq!(
            gone.status,
            StatusCode::NOT_FOUND,
            "the cover replaced is removed"
        );
    }
    let html = app.get(&format!("/notizie/{post}"), &[]).await;
    assert!(html.body.contains(&second.srcset()), "{}", html.body);
    let member = logged_in(&app, "Sara Socia", &["dati"], None).await;
    assert_eq!(
        cover(&app, Some(&member), post, "x", "foto.webp").await,
        "403 Forbidden"
    );
    assert_eq!(
        cover(&app, None, post, "x", "foto.webp").await,
        "401 Unauthorized"
    );
    assert_eq!(
        cover(&app, session, 999_999, "x", "foto.webp").await,
        "404 Not Found"
    );
}
