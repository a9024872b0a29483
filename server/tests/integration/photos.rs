//! Photos through the router: uploaded as a phone would, checked by content, served upright,
//! in several widths and without any metadata, as read back by an independent tool (Pillow, in
//! `scripts/photo_tool.py`); described before they are shown; removed with their files.
//! Hostile files and who may do what are in `photos/refusals.rs`, news covers in
//! `photos/covers.rs`.

mod covers;
mod refusals;

use std::path::{Path, PathBuf};
use std::process::Command;

use app::api::photos::{DescribePhoto, ReadGallery, RemovePhoto};
use app::domain::photo::GalleryPage;
use app::domain::role::RoleKind;
use app::server::db::Db;
use axum::http::StatusCode;
use serde_json::Value;

use crate::meetings::{form, save, saved_id};
use crate::support::{Page, TestApp, lead, ok};

on_both_databases!(
    photos_are_served_upright_in_several_widths_without_metadata,
    photos_are_shown_once_described_and_removed_with_their_files,
);

/// The upload fixtures, made once per test process by `photo_tool.py make`.
pub fn fixture(name: &str) -> (String, Vec<u8>) {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("comtem-photos-{}", std::process::id()));
        photo_tool(&["make", dir.to_str().unwrap()]);
        dir
    });
    (name.to_owned(), std::fs::read(dir.join(name)).unwrap())
}

/// What `photo_tool.py` prints.
fn photo_tool(args: &[&str]) -> Vec<u8> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let setup = "run scripts/setup.sh, which installs scripts/photo-requirements.txt into .venv";
    let output = Command::new(repo.join(".venv/bin/python"))
        .arg(repo.join("scripts/photo_tool.py"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run photo_tool.py: {e}; {setup}"));
    assert!(
        output.status.success(),
        "photo_tool.py failed ({setup}):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Pillow's reading of an image file served.
fn read_back(page: &Page) -> Value {
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let file = std::env::temp_dir().join(format!(
        "comtem-photo-{}-{}.jpg",
        std::process::id(),
        crate::support::unique_suffix()
    ));
    std::fs::write(&file, &page.bytes).unwrap();
    let read = photo_tool(&["read", file.to_str().unwrap()]);
    std::fs::remove_file(&file).ok();
    serde_json::from_slice(&read).unwrap()
}

/// Sends `files` to meeting `id`'s photos as a multipart form, with `session`; `json` as the
/// application's own upload asks.
pub async fn upload(
    app: &TestApp,
    session: Option<&str>,
    id: i64,
    files: &[(String, Vec<u8>)],
    json: bool,
) -> Page {
    let parts: Vec<Part> = files
        .iter()
        .map(|(name, bytes)| ("foto", Some(name.as_str()), bytes.as_slice()))
        .collect();
    let accept = if json {
        "application/json"
    } else {
        "text/html"
    };
    post_multipart(
        app,
        session,
        &format!("/incontri/{id}/foto"),
        &parts,
        accept,
    )
    .await
}

/// A form field: its name, the file name (for a file), the content.
pub type Part<'a> = (&'a str, Option<&'a str>, &'a [u8]);

/// A same-site multipart POST of `parts` to `path`, with `session`, accepting `accept`.
pub async fn post_multipart(
    app: &TestApp,
    session: Option<&str>,
    path: &str,
    parts: &[Part<'_>],
    accept: &str,
) -> Page {
    let boundary = "----comtem-prova-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (field, file, bytes) in parts {
        let head = match file {
            Some(file) => format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; \
                 filename=\"{file}\"\r\nContent-Type: image/jpeg\r\n\r\n"
            ),
            None => {
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n")
            }
        };
        body.extend_from_slice(head.as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let mut request = axum::http::Request::post(path)
        .header("host", "comtem.test")
        .header("origin", "http://comtem.test")
        .header("accept", accept)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        );
    if let Some(session) = session {
        request = request.header("cookie", app.cookie("comtem_session", session));
    }
    app.send(request.body(axum::body::Body::from(body)).unwrap())
        .await
}

/// A meeting of `dati` organised by its coordinator; the app, their session and the meeting.
pub async fn meeting_of_dati(db: &Db) -> (TestApp, String, i64) {
    let app = TestApp::new(db);
    let coordinator = lead(&app, "Chiara Neri", RoleKind::Coordinator, "dati").await;
    let id = saved_id(&save(&app, &coordinator, 0, 0, form("Incontro con foto")).await);
    (app, coordinator, id)
}

pub async fn gallery(app: &TestApp, session: Option<&str>, id: i64) -> GalleryPage {
    ok(&app.call(&ReadGallery { id }, session).await)
}

pub async fn describe(app: &TestApp, session: &str, photo: i64, alt: &str, caption: &str) -> Page {
    let args = DescribePhoto {
        foto: photo,
        testo_alternativo: alt.into(),
        didascalia: caption.into(),
    };
    app.call(&args, Some(session)).await
}

async fn photos_are_served_upright_in_several_widths_without_metadata(db: Db) {
    let (app, coordinator, id) = meeting_of_dati(&db).await;
    let files = [
        fixture("ruotata-con-gps.jpg"),
        fixture("schermata.png"),
        fixture("foto.webp"),
    ];
    let page = upload(&app, Some(&coordinator), id, &files, false).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(page.location(), format!("/incontri/{id}/foto?caricate=3"));
    let waiting = gallery(&app, Some(&coordinator), id).await.undescribed;
    assert_eq!(waiting.len(), 3);
    let widths = |n: usize| -> Vec<(u32, u32)> {
        waiting[n]
            .files
            .iter()
            .map(|f| (f.width, f.height))
            .collect()
    };
    // Stored 1200 × 800 lying on its side: served upright, 800 wide.
    assert_eq!(widths(0), [(480, 720), (800, 1200)]);
    assert_eq!(widths(1), [(480, 320), (900, 600)]);
    assert_eq!(widths(2), [(480, 343), (700, 500)]);
    for photo in &waiting {
        for file in &photo.files {
            let served = app.get(&file.href(), &[]).await;
            assert_eq!(served.header("content-type"), Some("image/jpeg"));
            assert_eq!(
                served.header("cache-control"),
                Some("public, max-age=31536000, immutable")
            );
            let read = read_back(&served);
            assert_eq!(read["format"], "JPEG");
            assert_eq!(
                (read["width"].as_u64(), read["height"].as_u64()),
                (Some(u64::from(file.width)), Some(u64::from(file.height)))
            );
            assert_eq!(read["exif"], serde_json::json!({}), "no EXIF: {read}");
            assert_eq!(read["gps"], false);
            let kept: Vec<&str> = read["info"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .filter(|key| !key.starts_with("jfif") && *key != "dpi")
                .collect();
            assert!(kept.is_empty(), "no metadata block but JFIF's: {kept:?}");
            assert!(
                !String::from_utf8_lossy(&served.bytes).contains("Nicol"),
                "no name left anywhere in the file"
            );
        }
    }
    let upright = read_back(&app.get(&waiting[0].files[1].href(), &[]).await);
    let (top, bottom) = (&upright["top"], &upright["bottom"]);
    assert!(
        top[0].as_u64() > Some(150) && top[2].as_u64() < Some(90),
        "red on top: {top}"
    );
    assert!(bottom[2].as_u64() > Some(150), "blue below: {bottom}");
}

async fn photos_are_shown_once_described_and_removed_with_their_files(db: Db) {
    let (app, coordinator, id) = meeting_of_dati(&db).await;
    let page = upload(&app, Some(&coordinator), id, &[fixture("foto.webp")], true).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let outcomes: Value = serde_json::from_str(&page.body).unwrap();
    let photo = outcomes[0]["result"]["Ok"]
        .as_i64()
        .expect("a photo number");
    assert_eq!(outcomes[0]["file"], "foto.webp");
    let visitor = gallery(&app, None, id).await;
    assert!(visitor.photos.is_empty() && visitor.undescribed.is_empty());
    let page_of = format!("/incontri/{id}/foto/{photo}");
    assert_eq!(app.get(&page_of, &[]).await.status, StatusCode::NOT_FOUND);
    let described = describe(&app, &coordinator, photo, "  ", "").await;
    assert!(
        described.error().is_some(),
        "an alternative text is required"
    );
    let alt = "La sala: Nicolò D'Alì presenta <script>alert(1)</script>";
    let described = describe(&app, &coordinator, photo, alt, "Bologna, 6 maggio").await;
    assert_eq!(
        described.location(),
        format!("/incontri/{id}/foto?descritta={photo}")
    );
    let shown = gallery(&app, None, id).await.photos;
    assert_eq!(
        (shown[0].alt.as_str(), shown[0].caption.as_str()),
        (alt, "Bologna, 6 maggio")
    );
    let html = app.get(&page_of, &[]).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(
        html.body.contains("alt=\"La sala: Nicolò D"),
        "{}",
        html.body
    );
    assert!(!html.body.contains("<script>alert(1)"), "markup stays text");
    assert!(
        html.body
            .contains(&format!("srcset=\"{} 480w, ", shown[0].files[0].href()))
    );
    let meeting_page = app.get(&format!("/incontri/{id}"), &[]).await;
    assert!(
        meeting_page.body.contains(&shown[0].src()),
        "the meeting shows its photos"
    );
    let removed = app
        .call(&RemovePhoto { foto: photo }, Some(&coordinator))
        .await;
    assert_eq!(
        removed.location(),
        format!("/incontri/{id}/foto?eliminata=1")
    );
    assert!(gallery(&app, None, id).await.photos.is_empty());
    for file in &shown[0].files {
        assert_eq!(
            app.get(&file.href(), &[]).await.status,
            StatusCode::NOT_FOUND
        );
    }
}
