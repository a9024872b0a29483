//! The unsaved edits of a plan, kept in the browser's local storage so that a reload, a crash
//! or a lost connection loses nothing.

use serde::{Deserialize, Serialize};

use crate::domain::plan::PlanContent;

/// What the editor holds: the version the edits started from, and the edited plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub base: i64,
    pub base_content: PlanContent,
    pub content: PlanContent,
}

fn key(year: i32, slug: &str) -> String {
    format!("comtem-piano-{year}-{slug}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The draft left for this plan, if any.
pub fn load(year: i32, slug: &str) -> Option<Draft> {
    let text = storage()?.get_item(&key(year, slug)).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Keeps `draft` for this plan.
pub fn store(year: i32, slug: &str, draft: &Draft) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(draft)) {
        let _ = storage.set_item(&key(year, slug), &text);
    }
}

/// Forgets the draft of this plan once it is saved.
pub fn clear(year: i32, slug: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key(year, slug));
    }
}
