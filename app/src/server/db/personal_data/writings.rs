//! What a person wrote: on the board, in the plans and the general plan, in the validation, in
//! the news and the meetings. A stored text that cannot be read is logged and passed over.

use serde::de::DeserializeOwned;

use crate::domain::board::anchor::Anchor;
use crate::domain::board::{Annotation, Status};
use crate::domain::community::CommunitySlug;
use crate::domain::person::PersonId;
use crate::domain::personal_data::{
    RecordedOutcome, SavedGeneralVersion, SavedPlanVersion, WrittenAnnotation, WrittenMeeting,
    WrittenNews, WrittenRemark, WrittenReply,
};
use crate::error::AppError;
use crate::server::db::Db;
use crate::server::failure::Context;

/// What a person wrote on the board.
#[derive(Default)]
pub struct BoardWritings {
    pub annotations: Vec<WrittenAnnotation>,
    pub replies: Vec<WrittenReply>,
    pub outcomes: Vec<RecordedOutcome>,
}

/// The annotations, replies and thread outcomes of `person`, oldest first.
pub async fn board(db: &Db, person: &PersonId) -> Result<BoardWritings, AppError> {
    // Every snapshot naming the person holds their id; the match is checked once parsed.
    let snapshots: Vec<String> = sqlx::query_scalar(
        "SELECT snapshot FROM board_annotations WHERE snapshot LIKE $1 ORDER BY event",
    )
    .bind(format!("%{}%", person.0))
    .fetch_all(db)
    .await?;
    let mut writings = BoardWritings::default();
    for annotation in snapshots
        .iter()
        .filter_map(|json| parsed::<Annotation>(json, "board"))
    {
        collect(&annotation, person, &mut writings);
    }
    writings
        .annotations
        .sort_by(|a, b| a.created_at.cmp(&b.created_at));
    writings
        .replies
        .sort_by(|a, b| a.created_at.cmp(&b.created_at));
    writings.outcomes.sort_by(|a, b| a.at.cmp(&b.at));
    Ok(writings)
}

/// Adds to `writings` what `person` wrote in `annotation`'s thread.
fn collect(annotation: &Annotation, person: &PersonId, writings: &mut BoardWritings) {
    if annotation.author.id == *person {
        writings.annotations.push(WrittenAnnotation {
            id: annotation.id.0.clone(),
            year: annotation.year,
            community: annotation.community.clone(),
            kind: annotation.kind,
            quote: annotation.anchor.quote.clone(),
            body: annotation.body.clone(),
            proposal_title: annotation.proposal.as_ref().map(|p| p.title.clone()),
            created_at: annotation.created_at.clone(),
            deleted: annotation.deleted,
            history: annotation.history.clone(),
        });
    }
    for reply in annotation.replies.iter().filter(|r| r.author.id == *person) {
        writings.replies.push(WrittenReply {
            annotation: annotation.id.0.clone(),
            year: annotation.year,
            community: annotation.community.clone(),
            body: reply.body.clone(),
            created_at: reply.created_at.clone(),
            deleted: reply.deleted,
            history: reply.history.clone(),
        });
    }
    if let Status::Resolved {
        outcome,
        reason,
        by,
        at,
    } = &annotation.status
        && by.id == *person
    {
        writings.outcomes.push(RecordedOutcome {
            annotation: annotation.id.0.clone(),
            year: annotation.year,
            community: annotation.community.clone(),
            outcome: *outcome,
            reason: reason.clone(),
            at: at.clone(),
        });
    }
}

/// The versions of community plans `person` saved, whole.
pub async fn plan_versions(db: &Db, person: &PersonId) -> Result<Vec<SavedPlanVersion>, AppError> {
    let rows: Vec<(i64, String, i64, String, String)> = sqlx::query_as(
        "SELECT year, community_slug, number, saved_at, content FROM plan_versions \
         WHERE saved_by = $1 ORDER BY saved_at",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    let mut versions = Vec::with_capacity(rows.len());
    for (year, slug, number, saved_at, content) in rows {
        let Some(content) = parsed(&content, "plan version") else {
            continue;
        };
        versions.push(SavedPlanVersion {
            year: year_of(year)?,
            community: slug_of(&slug)?,
            number,
            saved_at,
            content,
        });
    }
    Ok(versions)
}

/// The versions of the general plan `person` saved, with what they wrote in them.
pub async fn general_versions(
    db: &Db,
    person: &PersonId,
) -> Result<Vec<SavedGeneralVersion>, AppError> {
    let rows: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT year, number, saved_at, text FROM general_plan_versions WHERE saved_by = $1 \
         ORDER BY saved_at",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    let mut versions = Vec::with_capacity(rows.len());
    for (year, number, saved_at, text) in rows {
        if let Some(text) = parsed(&text, "general plan version") {
            let year = year_of(year)?;
            versions.push(SavedGeneralVersion {
                year,
                number,
                saved_at,
                text,
            });
        }
    }
    Ok(versions)
}

/// The remarks `person` wrote during validations.
pub async fn remarks(db: &Db, person: &PersonId) -> Result<Vec<WrittenRemark>, AppError> {
    let rows: Vec<(i64, String, i64, String, String, String, String)> = sqlx::query_as(
        "SELECT year, community_slug, plan_version, body, anchor, text, created_at \
         FROM validation_remarks WHERE author_id = $1 ORDER BY created_at",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    let mut remarks = Vec::with_capacity(rows.len());
    for (year, slug, plan_version, body, anchor, text, created_at) in rows {
        let quote =
            parsed::<Anchor>(&anchor, "remark anchor").map_or_else(String::new, |a| a.quote);
        remarks.push(WrittenRemark {
            year: year_of(year)?,
            community: slug_of(&slug)?,
            plan_version,
            body,
            quote,
            text,
            created_at,
        });
    }
    Ok(remarks)
}

/// The news posts `person` created.
pub async fn news(db: &Db, person: &PersonId) -> Result<Vec<WrittenNews>, AppError> {
    let rows: Vec<(i64, String, String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT id, title, summary, body, published_at, created_at FROM news_posts \
         WHERE created_by = $1 ORDER BY created_at",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, title, summary, body, published_at, created_at)| WrittenNews {
                id,
                title,
                summary,
                body,
                published_at,
                created_at,
            },
        )
        .collect())
}

/// The meetings `person` created.
pub async fn meetings(db: &Db, person: &PersonId) -> Result<Vec<WrittenMeeting>, AppError> {
    let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT id, title, agenda, minutes, created_at FROM meetings WHERE created_by = $1 \
         ORDER BY created_at",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, agenda, minutes, created_at)| WrittenMeeting {
            id,
            title,
            agenda,
            minutes,
            created_at,
        })
        .collect())
}

/// `json` as a `T`, or `None` after logging that the stored `what` is unreadable.
fn parsed<T: DeserializeOwned>(json: &str, what: &'static str) -> Option<T> {
    serde_json::from_str(json)
        .inspect_err(|error| tracing::error!(%error, what, "personal data: unreadable, left out"))
        .ok()
}

fn year_of(year: i64) -> Result<i32, AppError> {
    i32::try_from(year).context("reading a year")
}

fn slug_of(slug: &str) -> Result<CommunitySlug, AppError> {
    CommunitySlug::parse(slug).context("reading a community")
}
