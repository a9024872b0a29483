//! A meeting's materials through the router: PDF files added by its organisers (and refused when
//! they are not PDF, empty or too large, whatever their name), downloaded by everyone byte for
//! byte and read back by poppler's `pdftotext`, numbered apart when added at once, removed.

use std::process::Command;

use app::api::meetings::RemoveMaterial;
use app::domain::meeting::MeetingPage;
use app::domain::role::RoleKind;
use app::server::db::Db;
use axum::http::StatusCode;

use super::{form, read, save, saved_id};
use crate::photos::post_multipart;
use crate::support::{TestApp, lead, logged_in, ok};

on_both_databases!(materials_are_added_downloaded_and_removed_by_the_organisers);

/// A one-page PDF saying `text` (ASCII), as small as a valid PDF gets.
fn pdf(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 18 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", n + 1).bytes());
    }
    let xref = out.len();
    let count = objects.len() + 1;
    out.extend(format!("xref\n0 {count}\n0000000000 65535 f \n").bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!("trailer\n<< /Size {count} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").bytes(),
    );
    out
}

/// Adds `bytes` titled `title` to meeting `id`; where the form was sent back, or the status.
async fn add(app: &TestApp, session: Option<&str>, id: i64, title: &str, bytes: &[u8]) -> String {
    let parts = [
        ("titolo", None, title.as_bytes()),
        ("file", Some("materiale.pdf"), bytes),
    ];
    let path = format!("/incontri/{id}/materiali");
    let page = post_multipart(app, session, &path, &parts, "text/html").await;
    match page.status {
        StatusCode::SEE_OTHER => page.location().to_owned(),
        status => status.to_string(),
    }
}

fn pdftotext(bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!(
        "comtem-material-{}-{}.pdf",
        std::process::id(),
        crate::support::unique_suffix()
    ));
    std::fs::write(&path, bytes).unwrap();
    let output = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext from poppler-utils (scripts/setup.sh installs it)");
    std::fs::remove_file(&path).ok();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

async fn materials_are_added_downloaded_and_removed_by_the_organisers(db: Db) {
    let app = TestApp::new(&db);
    let coordinator = lead(&app, "Chiara Neri", RoleKind::Coordinator, "dati").await;
    let id = saved_id(&save(&app, &coordinator, 0, 0, form("Incontro con materiali")).await);
    let session = Some(coordinator.as_str());
    let told = |code: &str| format!("/incontri/{id}?materiale={code}#materiali");
    let slides = pdf("Il piano 2031 della comunita Dati");
    let title = "Presentazione di Nicolò D'Alì <b>";
    assert_eq!(
        add(&app, session, id, title, &slides).await,
        told("salvato")
    );
    assert_eq!(add(&app, session, id, " ", &slides).await, told("titolo"));
    let fake = b"<script>alert(1)</script> saved as presentazione.pdf";
    assert_eq!(add(&app, session, id, "Finta", fake).await, told("formato"));
    assert_eq!(add(&app, session, id, "Vuota", b"").await, told("vuoto"));
    let mut huge = b"%PDF-1.4\n".to_vec();
    huge.resize(21 * 1024 * 1024, b' ');
    assert_eq!(add(&app, session, id, "Enorme", &huge).await, told("peso"));
    let page: MeetingPage = ok(&read(&app, None, id).await);
    assert_eq!(page.meeting.materials.len(), 1, "nothing refused was kept");
    let material = &page.meeting.materials[0];
    assert_eq!(
        (material.number, material.title.as_str()),
        (1, "Presentazione di Nicolò D'Alì <b>")
    );
    assert_eq!(material.size, i64::try_from(slides.len()).unwrap());

    let download = app.get(&material.href(id), &[]).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.header("content-type"), Some("application/pdf"));
    assert_eq!(
        download.header("content-disposition"),
        Some(
            "attachment; filename=\"materiale-1.pdf\"; filename*=UTF-8''Presentazione%20di%20Nicol%C3%B2%20D%27Al%C3%AC%20%3Cb%3E.pdf"
        )
    );
    assert_eq!(download.bytes, slides, "the file comes back byte for byte");
    assert!(pdftotext(&download.bytes).contains("Il piano 2031 della comunita Dati"));
    let html = app.get(&format!("/incontri/{id}"), &[]).await;
    assert!(
        html.body
            .contains(&format!("href=\"/incontri/{id}/materiali/1.pdf\""))
    );
    assert!(html.body.contains("PDF, 1 kB"), "{}", html.body);

    // Two added at once get two numbers.
    let (first, second) = (pdf("Primo"), pdf("Secondo"));
    let (a, b) = tokio::join!(
        add(&app, session, id, "Primo", &first),
        add(&app, session, id, "Secondo", &second)
    );
    assert_eq!(
        (a.as_str(), b.as_str()),
        (told("salvato").as_str(), told("salvato").as_str())
    );
    let page: MeetingPage = ok(&read(&app, None, id).await);
    let numbers: Vec<i64> = page.meeting.materials.iter().map(|m| m.number).collect();
    assert_eq!(numbers, [1, 2, 3]);

    let member = logged_in(&app, "Sara Socia", &["dati"], None).await;
    let other = lead(&app, "Aldo Altri", RoleKind::Coordinator, "imprese").await;
    assert_eq!(add(&app, None, id, "x", &slides).await, "401 Unauthorized");
    for session in [&member, &other] {
        assert_eq!(
            add(&app, Some(session), id, "x", &slides).await,
            "403 Forbidden"
        );
        let page = app
            .call(&RemoveMaterial { id, numero: 1 }, Some(session))
            .await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    }
    assert_eq!(
        add(&app, session, 999_999, "x", &slides).await,
        "404 Not Found"
    );
    let removed = app.call(&RemoveMaterial { id, numero: 1 }, session).await;
    assert_eq!(removed.location(), told("eliminato"));
    assert_eq!(
        app.get(&material.href(id), &[]).await.status,
        StatusCode::NOT_FOUND
    );
    let again = app.call(&RemoveMaterial { id, numero: 1 }, session).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    for path in [
        "/incontri/1/materiali/x.pdf",
        "/incontri/abc/materiali/1.pdf",
    ] {
        assert_eq!(
            app.get(path, &[]).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}
