//! The cross-reading board: annotations on the plans of a cycle, their threads, and the events
//! that carry every change to every screen.
//!
//! An [`Annotation`] is stored whole, as a snapshot; every change to it appends an event holding
//! the new snapshot (numbered in [`Annotation::event`]), so applying events is replacing by id,
//! which is idempotent and order-safe: an older event never replaces a newer one.

pub mod anchor;
pub mod live;
pub mod ops;
pub mod pages;
pub mod synergies;

use serde::{Deserialize, Serialize};

pub use anchor::Anchor;

use super::community::CommunitySlug;
use super::cycle::Phase;
use super::person::PersonId;
use super::plan::{ItemId, PlanContent};

code_enum! {
    /// What an annotation is.
    AnnotationKind {
        Comment = "commento",
        Question = "domanda",
        Synergy = "sinergia",
        Proposal = "proposta",
    }
}

code_enum! {
    /// How a thread was closed.
    Outcome {
        Accepted = "accolta",
        Rejected = "respinta",
        Parked = "rinviata",
    }
}

/// An annotation's id, chosen by the browser (12 to 32 lowercase letters and digits). Creating
/// an annotation twice with the same id creates it once, so it doubles as the submit's
/// idempotency key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub String);

impl AnnotationId {
    /// Whether the id has the allowed shape (also used for reply ids and submit keys).
    pub fn is_well_formed(&self) -> bool {
        is_key(&self.0)
    }
}

/// Whether `text` is a client-chosen key: 12 to 32 lowercase ASCII letters and digits.
pub fn is_key(text: &str) -> bool {
    (12..=32).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// An objective or action of one community's plan.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemRef {
    pub community: CommunitySlug,
    pub item: ItemId,
}

/// Who wrote something, as shown on the board. The name is never stored: it is read from the
/// person's account when the annotation is read, so erasing the account erases it here too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub id: PersonId,
    /// First and last name, as the account says now.
    pub name: String,
}

/// A proposal of integrated action: its title and the communities it would involve (the
/// annotated plan's community always among them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub title: String,
    pub communities: Vec<CommunitySlug>,
}

/// An earlier text of an annotation or reply, kept when it is edited or deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub body: String,
    /// RFC 3339, when this text was replaced.
    pub replaced_at: String,
}

/// A reply in an annotation's thread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub id: AnnotationId,
    pub author: Author,
    pub body: String,
    /// RFC 3339.
    pub created_at: String,
    pub history: Vec<Revision>,
    pub deleted: bool,
}

/// Whether a thread is open or how it was closed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Open,
    Resolved {
        outcome: Outcome,
        /// Required when rejected, optional otherwise.
        reason: String,
        by: Author,
        /// RFC 3339.
        at: String,
    },
}

/// An annotation on one community's plan, with its thread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: AnnotationId,
    pub year: i32,
    /// The community whose plan is annotated.
    pub community: CommunitySlug,
    pub anchor: Anchor,
    pub kind: AnnotationKind,
    pub body: String,
    /// For a synergy: the objective or action of another community's plan it links to.
    pub synergy: Option<ItemRef>,
    /// For a proposal of integrated action.
    pub proposal: Option<Proposal>,
    pub author: Author,
    /// RFC 3339.
    pub created_at: String,
    pub history: Vec<Revision>,
    pub deleted: bool,
    pub status: Status,
    pub replies: Vec<Reply>,
    /// The board event that left the annotation in this state: events are these snapshots,
    /// and their ids grow with every change and are never reused.
    pub event: i64,
}

impl Annotation {
    /// Whether the thread is still open.
    pub fn is_open(&self) -> bool {
        self.status == Status::Open
    }

    /// Every person the annotation names: its author, its replies' authors, and who closed it.
    pub fn authors_mut(&mut self) -> impl Iterator<Item = &mut Author> {
        let closed_by = match &mut self.status {
            Status::Resolved { by, .. } => Some(by),
            Status::Open => None,
        };
        std::iter::once(&mut self.author)
            .chain(self.replies.iter_mut().map(|reply| &mut reply.author))
            .chain(closed_by)
    }
}

/// One plan on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardPlan {
    pub community: CommunitySlug,
    /// The community's name.
    pub name: String,
    pub version: i64,
    pub content: PlanContent,
}

/// What the signed-in person may do on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardMe {
    pub person_id: PersonId,
    pub name: String,
    /// The communities whose threads they may resolve and reopen (besides their own
    /// annotations'): the ones they lead, or all for regional staff.
    pub resolves: Vec<CommunitySlug>,
    /// Whether the board accepts changes in this phase.
    pub can_write: bool,
    /// Whom one can mention: the people who read the board, by name, then the groups
    /// (`coordinatori`, `coordinatori-<slug>`, `referenti-<slug>`).
    pub mentionable: Vec<String>,
}

/// Everything `/lettura-trasversale` shows, as of event `last_event`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardView {
    pub year: i32,
    pub phase: Phase,
    pub plans: Vec<BoardPlan>,
    pub annotations: Vec<Annotation>,
    pub last_event: i64,
    pub me: BoardMe,
}

impl BoardView {
    /// Applies a change: replaces (or adds) the annotation unless a newer state of it is
    /// already here. Applying the same change twice, or an older one late, changes nothing.
    /// Returns whether anything changed.
    pub fn apply(&mut self, change: Annotation) -> bool {
        self.last_event = self.last_event.max(change.event);
        match self.annotations.iter_mut().find(|a| a.id == change.id) {
            Some(existing) if existing.event >= change.event => false,
            Some(existing) => {
                *existing = change;
                true
            }
            None => {
                self.annotations.push(change);
                true
            }
        }
    }

    /// The plan of `community`, if it is on the board.
    pub fn plan(&self, community: &CommunitySlug) -> Option<&BoardPlan> {
        self.plans.iter().find(|plan| &plan.community == community)
    }
}

#[cfg(test)]
mod tests;
