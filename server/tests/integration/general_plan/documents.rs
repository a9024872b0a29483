//! The documents of a version through the router: who may download them, the addresses that
//! name one, the text of that version read back by poppler, and built once per version.

use std::process::Command;

use app::domain::general_plan::DocumentKind;
use app::server::db;
use app::server::db::Db;
use app::server::demo::DEMO_PASSWORD;
use axum::http::StatusCode;

use super::{INTRODUCTION, demo_staff, save, saved};
use crate::support::{Page, TestApp, log_in};

on_both_databases!(documents_are_served_to_readers_built_once_and_carry_the_version);

async fn download(app: &TestApp, session: Option<&str>, file: &str) -> Page {
    let uri = format!("/piano-generale/2024/versioni/{file}");
    match session {
        Some(session) => app.get_as(&uri, session).await,
        None => app.get(&uri, &[]).await,
    }
}

/// Text without spaces, hyphens and soft hyphens: lines broken and words hyphenated by the
/// typesetter compare equal to the text typed.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '‐'))
        .collect()
}

async fn documents_are_served_to_readers_built_once_and_carry_the_version(db: Db) {
    let (app, staff) = demo_staff(&db).await;
    let version = saved(&save(&app, &staff, 0, INTRODUCTION, "2024-05-06").await);
    let member = log_in(&app, "nicolo.dali@comtem.demo", DEMO_PASSWORD).await;
    assert_eq!(
        download(&app, None, "1.pdf").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        download(&app, Some(&member), "1.pdf").await.status,
        StatusCode::FORBIDDEN,
        "members read it from validation on"
    );
    for missing in ["9.pdf", "1.docx", "1", "uno.pdf", "0.odt"] {
        let page = download(&app, Some(&staff), missing).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{missing}");
    }

    let pdf = download(&app, Some(&staff), "1.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.body);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert_eq!(
        pdf.header("content-disposition"),
        Some("inline; filename=\"piano-generale-2024-versione-1.pdf\"")
    );
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    let path = std::env::temp_dir().join(format!("comtem-route-{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf.bytes).unwrap();
    let text = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext from poppler-utils (scripts/setup.sh installs it)");
    let text = squeezed(&String::from_utf8(text.stdout).unwrap());
    for expected in [
        "Versione 1, salvata il",
        "Giulia Ferri",
        INTRODUCTION,
        "Al 6 maggio 2024: 1.216 iscrizioni",
        &(app::i18n::review_texts().digest)(&version.digest),
    ] {
        assert!(
            text.contains(&squeezed(expected)),
            "the PDF says {expected:?}"
        );
    }
    let again = download(&app, Some(&staff), "1.pdf").await;
    assert_eq!(again.bytes, pdf.bytes, "the kept document");
    let kept = db::general_plans::document(&db, 2024, 1, DocumentKind::Pdf.code())
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some(&pdf.bytes[..]));

    let odt = download(&app, Some(&staff), "1.odt").await;
    assert_eq!(odt.status, StatusCode::OK);
    assert_eq!(
        odt.header("content-type"),
        Some(DocumentKind::Odt.media_type())
    );
    assert_eq!(
        &odt.bytes[30..38],
        b"mimetype",
        "the ODF zip starts with its media type"
    );
}
