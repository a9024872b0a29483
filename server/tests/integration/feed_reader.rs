//! Runs an independent reader (`scripts/read_calendar.py`, `scripts/read_feed.py`, in the `.venv`
//! that `scripts/setup.sh` fills from `scripts/feed-requirements.txt`) on a response's body.

use std::path::Path;
use std::process::Command;

use axum::http::StatusCode;
use serde_json::Value;

use crate::support::Page;

/// What `script` prints (JSON) for `page`'s body, after checking the page answered `200` with
/// `content_type`.
pub fn read_back(script: &str, page: &Page, content_type: &str) -> Value {
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(page.header("content-type"), Some(content_type));
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let file = std::env::temp_dir().join(format!("comtem-{}-{nanos}", std::process::id()));
    std::fs::write(&file, &page.bytes).unwrap();
    let setup = "run scripts/setup.sh, which installs scripts/feed-requirements.txt into .venv";
    let output = Command::new(repo.join(".venv/bin/python"))
        .arg(repo.join("scripts").join(script))
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {script}: {e}; {setup}"));
    std::fs::remove_file(&file).ok();
    assert!(
        output.status.success(),
        "{script} failed ({setup}):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}
