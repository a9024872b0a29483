//! The changes people make on the board, and how each one turns an annotation into its next
//! state. Pure: the server calls [`apply`] inside the transaction that stores the result.

use serde::{Deserialize, Serialize};

use super::{Anchor, Annotation, AnnotationId, AnnotationKind, Author, ItemRef, Outcome, Proposal};
use crate::domain::community::CommunitySlug;
use crate::domain::validation::{Problem, Rejection};
use crate::error::AppError;

mod create;
mod thread;

/// Longest annotation, reply or reason, in characters.
pub const MAX_BODY: usize = 4000;
/// Longest proposal title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest quote an anchor may keep, in characters.
pub const MAX_QUOTE: usize = 2000;

/// A new annotation, as the browser submits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAnnotation {
    pub id: AnnotationId,
    pub community: CommunitySlug,
    pub anchor: Anchor,
    pub kind: AnnotationKind,
    pub body: String,
    pub synergy: Option<ItemRef>,
    pub proposal: Option<Proposal>,
}

/// One change to the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    expect(
        clippy::large_enum_variant,
        reason = "one op per request: boxing `Create` would only add noise where ops are built"
    )
)]
pub enum BoardOp {
    Create(NewAnnotation),
    /// Adds reply `reply` (an id the browser chose) to the thread.
    Reply {
        annotation: AnnotationId,
        reply: AnnotationId,
        body: String,
    },
    /// Changes the text of one's own annotation (`reply: None`) or reply; the old text is kept.
    Edit {
        annotation: AnnotationId,
        reply: Option<AnnotationId>,
        body: String,
    },
    /// Deletes one's own annotation or reply: its text moves to the history.
    Delete {
        annotation: AnnotationId,
        reply: Option<AnnotationId>,
    },
    Resolve {
        annotation: AnnotationId,
        outcome: Outcome,
        reason: String,
    },
    Reopen {
        annotation: AnnotationId,
    },
}

impl BoardOp {
    /// The annotation the change is about.
    pub fn annotation(&self) -> &AnnotationId {
        match self {
            Self::Create(new) => &new.id,
            Self::Reply { annotation, .. }
            | Self::Edit { annotation, .. }
            | Self::Delete { annotation, .. }
            | Self::Resolve { annotation, .. }
            | Self::Reopen { annotation } => annotation,
        }
    }
}

/// Who makes a change and what they may resolve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub author: Author,
    /// The communities whose threads they may resolve and reopen (see `BoardMe::resolves`).
    pub resolves: Vec<CommunitySlug>,
}

/// The annotation after `op`, made by `actor` at `now` (RFC 3339) in the cycle of `year`, as
/// board event `event`. `current` is the annotation as stored (`None` when creating).
///
/// Refuses with `AppError::Invalid` (problems keyed by field: `testo`, `titolo`, `motivo`,
/// `sinergia`, `comunita`, `ancora`), `NotFound` for a missing annotation or reply, and
/// `Forbidden` for changing someone else's text or resolving without the right.
/// Checking that a synergy's target exists in its plan is the caller's job (it holds the plans).
pub fn apply(
    op: &BoardOp,
    current: Option<&Annotation>,
    actor: &Actor,
    year: i32,
    now: &str,
    event: i64,
) -> Result<Annotation, AppError> {
    let stored = || {
        current
            .filter(|annotation| &annotation.id == op.annotation())
            .ok_or(AppError::NotFound)
    };
    let mut next = match op {
        BoardOp::Create(new) => create::create(new, current, actor, year, now)?,
        BoardOp::Reply { reply, body, .. } => thread::reply(stored()?, reply, body, actor, now)?,
        BoardOp::Edit { reply, body, .. } => {
            thread::rewrite(stored()?, reply.as_ref(), Some(body.as_str()), actor, now)?
        }
        BoardOp::Delete { reply, .. } => {
            thread::rewrite(stored()?, reply.as_ref(), None, actor, now)?
        }
        BoardOp::Resolve {
            outcome, reason, ..
        } => thread::resolve(stored()?, *outcome, reason, actor, now)?,
        BoardOp::Reopen { .. } => thread::reopen(stored()?, actor)?,
    };
    next.event = event;
    Ok(next)
}

/// A text people write on the board (a body or a reason): trimmed, line ends as `\n`, present,
/// at most [`MAX_BODY`] characters, without control characters other than newlines and tabs.
fn body(value: &str) -> Result<String, Problem> {
    let value = value.trim().replace("\r\n", "\n");
    if value.is_empty() {
        Err(Problem::Required)
    } else if value.chars().count() > MAX_BODY {
        Err(Problem::TooLong { max: MAX_BODY })
    } else if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        Err(Problem::ControlCharacters)
    } else {
        Ok(value)
    }
}

/// A refused change with the problems gathered in `rejection`.
fn refused(rejection: Rejection) -> AppError {
    AppError::Invalid(Box::new(rejection))
}

#[cfg(test)]
mod tests;
