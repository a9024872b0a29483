//! What the board keeps in the browser's local storage: the annotation being written (so a
//! reload loses nothing) and the plans chosen for the columns.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::board::{Anchor, AnnotationId, AnnotationKind, ItemRef};
use crate::domain::community::CommunitySlug;

/// The key of the half-written annotation.
const DRAFT_KEY: &str = "comtem-annotazione-bozza";
/// The key of the plans shown side by side.
const COLUMNS_KEY: &str = "comtem-lettura-piani";

/// A half-written annotation, with the id chosen when the form opened (so sending it again
/// after a reload never makes a second one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft {
    pub year: i32,
    pub id: AnnotationId,
    pub community: CommunitySlug,
    pub anchor: Anchor,
    pub kind: AnnotationKind,
    pub body: String,
    pub synergy: Option<ItemRef>,
    pub title: String,
    pub communities: Vec<CommunitySlug>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn store<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

/// The annotation left half-written in this browser, if any.
pub fn load_form() -> Option<FormDraft> {
    load(DRAFT_KEY)
}

/// Keeps the annotation being written.
pub fn store_form(draft: &FormDraft) {
    store(DRAFT_KEY, draft);
}

/// Forgets the annotation being written (sent or cancelled).
pub fn clear_form() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DRAFT_KEY);
    }
}

/// The plans last chosen for the columns, if any.
pub fn load_columns() -> Option<Vec<CommunitySlug>> {
    load(COLUMNS_KEY)
}

/// Remembers the plans chosen for the columns.
pub fn store_columns(columns: &[CommunitySlug]) {
    store(COLUMNS_KEY, &columns);
}
