//! The demo's cross-reading board of 2024, as it stood on 14 May 2024: the coordinators and
//! referents have annotated each other's plans (see [`threads`]). Every change goes through
//! the repository like a real submit, so the board's events exist too.

mod threads;

use super::super::db::{self, Db, board::Submit};
use super::plans::YEAR;
use crate::domain::board::anchor::{Anchor, blocks};
use crate::domain::board::ops::{self, Actor, BoardOp, NewAnnotation};
use crate::domain::board::{AnnotationId, AnnotationKind, ItemRef, Outcome, Proposal};
use crate::domain::community::CommunitySlug;
use crate::domain::person::Email;
use crate::domain::plan::{ItemId, PlanContent};
use crate::error::AppError;
use crate::server::failure::Context;

use threads::STEPS;

/// Applies every step of the demo board, in order, each once.
pub async fn load(db: &Db) -> Result<(), AppError> {
    let plans = super::plans::plans()?;
    for (n, step) in STEPS.iter().enumerate() {
        let (who, at, op) = match step {
            Step::Note(note) => (note.by, note.at, BoardOp::Create(annotation(note, &plans)?)),
            Step::Reply {
                note,
                id,
                by,
                at,
                body,
            } => (
                *by,
                *at,
                BoardOp::Reply {
                    annotation: key(note),
                    reply: key(id),
                    body: (*body).to_owned(),
                },
            ),
            Step::Resolve {
                note,
                by,
                at,
                outcome,
                reason,
            } => (
                *by,
                *at,
                BoardOp::Resolve {
                    annotation: key(note),
                    outcome: *outcome,
                    reason: (*reason).to_owned(),
                },
            ),
        };
        let actor = actor(db, who).await?;
        let submit = Submit {
            year: YEAR,
            key: &AnnotationId(format!("demo{YEAR}passo{n:03}")),
            person: &actor.author.id,
            annotation: op.annotation(),
            now: at,
        };
        db::board::apply(db, &submit, |current, event| {
            ops::apply(&op, current, &actor, YEAR, at, event)
        })
        .await?;
    }
    Ok(())
}

/// The demo coordinator or referent `who`, who resolves the threads of their community.
async fn actor(db: &Db, (role, community): Who) -> Result<Actor, AppError> {
    let email = Email::parse(&format!("{role}.{community}@comtem.demo"))
        .context("a demo board author's email")?;
    let (person, _) = db::people::credentials(db, &email)
        .await?
        .context("finding a demo board author")?;
    Ok(Actor {
        author: db::board::author(db, &person).await?,
        resolves: vec![slug(community)?],
    })
}

/// The new annotation `note`, anchored on its quote in the demo plan.
fn annotation(
    note: &Note,
    plans: &[(CommunitySlug, PlanContent)],
) -> Result<NewAnnotation, AppError> {
    let community = slug(note.community)?;
    let plan = plans
        .iter()
        .find(|(slug, _)| *slug == community)
        .map(|(_, plan)| plan)
        .context("finding the plan of a demo annotation")?;
    let anchor = match note.field {
        "" => Anchor::whole(note.item),
        field => quoted(plan, note.item, field, note.quote)?,
    };
    let synergy = note
        .synergy
        .map(|(community, item)| {
            Ok::<_, AppError>(ItemRef {
                community: slug(community)?,
                item: ItemId(item.to_owned()),
            })
        })
        .transpose()?;
    let proposal = note
        .proposal
        .map(|(title, communities)| {
            Ok::<_, AppError>(Proposal {
                title: title.to_owned(),
                communities: communities
                    .iter()
                    .map(|c| slug(c))
                    .collect::<Result<_, _>>()?,
            })
        })
        .transpose()?;
    Ok(NewAnnotation {
        id: key(note.id),
        community,
        anchor,
        kind: note.kind,
        body: note.body.to_owned(),
        synergy,
        proposal,
    })
}

/// An anchor on the first occurrence of `quote` in `field` of `item`.
fn quoted(plan: &PlanContent, item: &str, field: &str, quote: &str) -> Result<Anchor, AppError> {
    let text = blocks(plan)
        .into_iter()
        .find(|block| block.item == item && block.field == field)
        .map(|block| block.text)
        .context("finding the passage of a demo annotation")?;
    let Some(at) = text.find(quote) else {
        tracing::error!(item, field, quote, "demo quote not in its plan");
        return Err(AppError::Internal);
    };
    let start = text[..at].chars().count();
    let end = start + quote.chars().count();
    Ok(Anchor::passage(item, field, &text, start, end))
}

fn key(text: &str) -> AnnotationId {
    AnnotationId(text.to_owned())
}

fn slug(text: &str) -> Result<CommunitySlug, AppError> {
    CommunitySlug::parse(text).context("a demo board community")
}

/// A demo coordinator or referent: `coordinatore` or `referente`, and the community slug.
type Who = (&'static str, &'static str);

/// A new annotation. `field` empty: on the whole item; otherwise on `quote` in that field.
struct Note {
    id: &'static str,
    by: Who,
    at: &'static str,
    community: &'static str,
    item: &'static str,
    field: &'static str,
    quote: &'static str,
    kind: AnnotationKind,
    body: &'static str,
    /// The linked objective or action: community and item id.
    synergy: Option<(&'static str, &'static str)>,
    /// The title and the communities involved.
    proposal: Option<(&'static str, &'static [&'static str])>,
}

/// One change to the demo board.
enum Step {
    Note(Note),
    Reply {
        note: &'static str,
        id: &'static str,
        by: Who,
        at: &'static str,
        body: &'static str,
    },
    Resolve {
        note: &'static str,
        by: Who,
        at: &'static str,
        outcome: Outcome,
        reason: &'static str,
    },
}

/// A comment or question on `quote` in the description of `item`.
const fn note(
    id: &'static str,
    by: Who,
    at: &'static str,
    (community, item, quote): (&'static str, &'static str, &'static str),
    kind: AnnotationKind,
    body: &'static str,
) -> Note {
    Note {
        id,
        by,
        at,
        community,
        item,
        field: "descrizione",
        quote,
        kind,
        body,
        synergy: None,
        proposal: None,
    }
}

/// A synergy from `quote` in the description of `item` to `target` (community, item).
const fn synergy(
    id: &'static str,
    by: Who,
    at: &'static str,
    from: (&'static str, &'static str, &'static str),
    target: (&'static str, &'static str),
    body: &'static str,
) -> Step {
    let mut note = note(id, by, at, from, AnnotationKind::Synergy, body);
    note.synergy = Some(target);
    Step::Note(note)
}
