//! Changing an existing thread: replies, edits, deletions, resolving and reopening.

use super::{Actor, Problem, Rejection, body, refused};
use crate::domain::board::{Annotation, AnnotationId, Outcome, Reply, Revision, Status};
use crate::error::AppError;

/// `current` with the reply `id` added.
pub(super) fn reply(
    current: &Annotation,
    id: &AnnotationId,
    text: &str,
    actor: &Actor,
    now: &str,
) -> Result<Annotation, AppError> {
    if current.deleted {
        return Err(AppError::NotFound);
    }
    let mut rejection = Rejection::default();
    if !id.is_well_formed() {
        rejection.add("id", Problem::UnknownChoice);
    } else if current.replies.iter().any(|reply| &reply.id == id) {
        rejection.add("id", Problem::Stale);
    }
    let text = rejection.check("testo", body(text));
    let Some(body) = text.filter(|_| rejection.is_empty()) else {
        return Err(refused(rejection));
    };
    let mut next = current.clone();
    next.replies.push(Reply {
        id: id.clone(),
        author: actor.author.clone(),
        body,
        created_at: now.to_owned(),
        history: Vec::new(),
        deleted: false,
    });
    Ok(next)
}

/// `current` with the text of the annotation (`reply: None`) or of one reply replaced by
/// `text`, or deleted when `text` is `None`; the old text goes to the history. Only the author
/// may do it, and only to a text not deleted yet; the replies of a deleted annotation can
/// still be deleted, not edited.
pub(super) fn rewrite(
    current: &Annotation,
    reply: Option<&AnnotationId>,
    text: Option<&str>,
    actor: &Actor,
    now: &str,
) -> Result<Annotation, AppError> {
    if current.deleted && (reply.is_none() || text.is_some()) {
        return Err(AppError::NotFound);
    }
    let mut next = current.clone();
    let (author, body_now, history, deleted) = match reply {
        None => (
            &next.author,
            &mut next.body,
            &mut next.history,
            &mut next.deleted,
        ),
        Some(id) => {
            let reply = next.replies.iter_mut().find(|reply| &reply.id == id);
            let reply = reply.ok_or(AppError::NotFound)?;
            (
                &reply.author,
                &mut reply.body,
                &mut reply.history,
                &mut reply.deleted,
            )
        }
    };
    if *deleted {
        return Err(AppError::NotFound);
    }
    if author.id != actor.author.id {
        return Err(AppError::Forbidden);
    }
    let replacement = match text {
        Some(text) => body(text).map_err(|problem| AppError::invalid_field("testo", problem))?,
        None => String::new(),
    };
    history.push(Revision {
        body: std::mem::replace(body_now, replacement),
        replaced_at: now.to_owned(),
    });
    *deleted = text.is_none();
    Ok(next)
}

/// `current` closed with `outcome`; a rejection needs a reason.
pub(super) fn resolve(
    current: &Annotation,
    outcome: Outcome,
    reason: &str,
    actor: &Actor,
    now: &str,
) -> Result<Annotation, AppError> {
    may_close(current, actor)?;
    if !current.is_open() {
        return Err(AppError::invalid_field("stato", Problem::Stale));
    }
    let reason = match body(reason) {
        Ok(reason) => reason,
        Err(Problem::Required) if outcome != Outcome::Rejected => String::new(),
        Err(problem) => return Err(AppError::invalid_field("motivo", problem)),
    };
    let mut next = current.clone();
    next.status = Status::Resolved {
        outcome,
        reason,
        by: actor.author.clone(),
        at: now.to_owned(),
    };
    Ok(next)
}

/// `current` open again.
pub(super) fn reopen(current: &Annotation, actor: &Actor) -> Result<Annotation, AppError> {
    may_close(current, actor)?;
    if current.is_open() {
        return Err(AppError::invalid_field("stato", Problem::Stale));
    }
    let mut next = current.clone();
    next.status = Status::Open;
    Ok(next)
}

/// Refuses a deleted annotation, and anyone but its author or those who resolve threads on
/// its community's plan.
fn may_close(current: &Annotation, actor: &Actor) -> Result<(), AppError> {
    if current.deleted {
        Err(AppError::NotFound)
    } else if current.author.id == actor.author.id || actor.resolves.contains(&current.community) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
