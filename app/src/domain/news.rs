//! News posts: regional staff publish for the whole system, coordinators for their community.

pub mod form;

use serde::{Deserialize, Serialize};

use super::community::CommunitySlug;
use super::photo::Photo;
use super::role::{RoleKind, Viewer};

/// A news post as pages and feeds show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsPost {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// The small markdown of the plans.
    pub body: String,
    /// The communities it concerns (none: the whole system).
    pub communities: Vec<CommunitySlug>,
    /// The meetings it tells about, number and title.
    pub meetings: Vec<(i64, String)>,
    /// When it was published (RFC 3339, UTC); `None` for a draft.
    pub published_at: Option<String>,
    pub revision: i64,
    /// When it last changed (RFC 3339, UTC).
    pub updated_at: String,
    pub author: String,
    /// The cover photo, if it has one.
    pub cover: Option<Photo>,
}

impl NewsPost {
    /// Its page.
    pub fn href(&self) -> String {
        format!("/notizie/{}", self.id)
    }
}

/// Whether `viewer` may publish a post concerning `communities`: regional staff always, the
/// coordinators of every community named when there are some.
pub fn publishes(viewer: &Viewer, communities: &[CommunitySlug]) -> bool {
    viewer.has(RoleKind::Admin)
        || (!communities.is_empty()
            && communities.iter().all(|community| {
                viewer.roles.iter().any(|role| {
                    role.kind == RoleKind::Coordinator && role.community.as_ref() == Some(community)
                })
            }))
}

/// `/notizie` (or a community's news): the published posts, the latest first, and the drafts
/// the viewer may finish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsList {
    pub published: Vec<NewsPost>,
    pub drafts: Vec<NewsPost>,
    pub can_publish: bool,
    /// Every community's slug and name.
    pub names: Vec<(String, String)>,
}

/// `/notizie/{id}`: a post, and whether the viewer may change it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsPage {
    pub post: NewsPost,
    pub names: Vec<(String, String)>,
    pub can_edit: bool,
}

/// The news form: the post changed (none for a new one), the communities the viewer may
/// publish for, whether they may publish for the whole system, and the meetings to link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsFormPage {
    pub post: Option<NewsPost>,
    pub communities: Vec<(String, String)>,
    pub whole_system: bool,
    pub meetings: Vec<(i64, String)>,
}

#[cfg(test)]
mod tests;
