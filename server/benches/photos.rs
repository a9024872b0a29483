//! Photo benchmark: a 12-megapixel camera JPEG processed (decoded, resized into three widths,
//! re-encoded) and a 20000 × 20000 PNG bomb refused, each next to the render of the public page
//! `/comunita/dati` through the router in the same run, and that page rendered again while
//! photos are processed as uploads are; and the peak memory the processing adds to the process
//! (its resident high-water mark, `VmHWM`, before and after).
//!
//! `CARGO_TARGET_DIR=target/bench cargo bench -p comtem --bench photos [-- runs]`

use std::io::Cursor;
use std::time::{Duration, Instant};

use app::server::db;
use app::server::photos::{self, pipeline};
use app::server::settings::Settings;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use image::{Rgb, RgbImage};
use tower::ServiceExt;

#[path = "shared/state.rs"]
mod state;

#[tokio::main]
async fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let path = std::env::temp_dir().join(format!("comtem-photos-{}.db", std::process::id()));
    let db = db::open(&format!("sqlite:{}?mode=rwc", path.display()))
        .await
        .unwrap();
    app::server::seed::load_if_empty(&db).await.unwrap();
    let state = state::app_state(&db, Settings::default());
    let router = comtem::router::router(state);
    let page = median(runs, || render(&router)).await;
    let camera = camera_jpeg();
    let bomb = bomb_png();
    let before = memory_kib();
    let photo = median(runs, || async {
        assert_eq!(pipeline::process(&camera).unwrap().len(), 3);
    })
    .await;
    let after = memory_kib();
    let refused = median(runs, || async {
        assert!(pipeline::process(&bomb).is_err());
    })
    .await;
    // The page rendered while photos are processed, as uploads are: on the blocking pool.
    let uploads = tokio::spawn({
        let camera = camera.clone();
        async move {
            for _ in 0..runs {
                photos::process(camera.clone()).await.unwrap();
            }
        }
    });
    let meanwhile = median(runs * 4, || render(&router)).await;
    uploads.await.unwrap();
    println!("| what | median of {runs} | ratio to the page |");
    println!("|---|---|---|");
    row("render `/comunita/dati`", page, page);
    let megabytes = camera.len() as f64 / 1_000_000.0;
    row(
        &format!("12 MP JPEG ({megabytes:.1} MB) processed"),
        photo,
        page,
    );
    row(
        &format!("20000 × 20000 PNG bomb ({} KB) refused", bomb.len() / 1000),
        refused,
        page,
    );
    row(
        "render `/comunita/dati` while photos are processed",
        meanwhile,
        page,
    );
    println!(
        "\npeak resident memory: {} MiB before the photos, {} MiB after (+{} MiB)",
        before.1 / 1024,
        after.1 / 1024,
        after.1.saturating_sub(before.1) / 1024
    );
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// Renders the public page of a community through the whole router (with a cookie, so it is
/// rendered rather than served from the page cache).
async fn render(router: &axum::Router) {
    let request = Request::get("/comunita/dati")
        .header("cookie", "bench=1")
        .body(Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.into_body().collect().await.unwrap();
}

/// A 4000 × 3000 photo with the noise of a camera, as a phone saves it (quality 92).
fn camera_jpeg() -> Vec<u8> {
    let mut state = 0x2545_f491_u32;
    let image = RgbImage::from_fn(4000, 3000, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 24) as u8;
        Rgb([
            (x / 16) as u8 ^ noise,
            (y / 12) as u8 + noise,
            ((x + y) / 28) as u8 + noise,
        ])
    });
    let mut jpeg = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 92)
        .encode_image(&image)
        .unwrap();
    jpeg.into_inner()
}

/// A real 20000 × 20000 PNG of one bit per pixel, 48 KB that decode to 400 MB, made by the tests'
/// own tool (Pillow, in the `.venv` that `scripts/setup.sh` fills).
fn bomb_png() -> Vec<u8> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = std::env::temp_dir().join(format!("comtem-bench-photos-{}", std::process::id()));
    let made = std::process::Command::new(root.join(".venv/bin/python"))
        .arg(root.join("scripts/photo_tool.py"))
        .arg("make")
        .arg(&dir)
        .status()
        .expect("the .venv of scripts/setup.sh");
    assert!(made.success());
    let bomb = std::fs::read(dir.join("bomba.png")).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    bomb
}

/// The process's resident memory now and at its highest so far, in KiB (`VmRSS`, `VmHWM`).
fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

async fn median<F, Fut>(runs: usize, mut run: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        run().await;
        times.push(start.elapsed());
    }
    times.sort();
    times[runs / 2]
}

fn row(what: &str, time: Duration, baseline: Duration) {
    let ratio = time.as_secs_f64() / baseline.as_secs_f64();
    let ms = time.as_secs_f64() * 1000.0;
    println!("| {what} | {ms:.1} ms | {ratio:.1} |");
}
