//! Who is told of the validation: a plan's coordinators and referents of the remarks and
//! decisions on it (and whoever a remark mentions); once the Cabina di Regia approves, the
//! members of every community that their plan is approved. A failure is logged: what was
//! recorded stays recorded.

use crate::domain::community::CommunitySlug;
use crate::domain::notification::Kind;
use crate::domain::person::PersonId;
use crate::domain::review::{Body, Outcome};
use crate::error::AppError;
use crate::server::db;
use crate::server::db::notifications::Event;
use crate::server::notifications::{audience, excerpt, mentioned, notify, scope};
use crate::server::plans::told::members_told_of_their_plan;
use crate::server::state::AppState;

/// Tells `community`'s leads, and whoever `text` mentions, of a remark of `body` on its plan.
pub(super) async fn remarked(
    state: &AppState,
    year: i32,
    community: &CommunitySlug,
    body: Body,
    text: &str,
    author: &PersonId,
) {
    let tell = async || -> Result<(), AppError> {
        let name = community_name(state, community).await?;
        let event = |kind| Event {
            kind,
            community: Some(community.clone()),
            object: format!("osservazioni:{year}:{community}"),
            scope: scope::remarks(year, community),
            subject: format!(
                "{}, sul piano {year} della comunità {name}: «{}»",
                body.label(),
                excerpt(text)
            ),
            href: format!("/piani/{year}/{community}/osservazioni"),
            actor: Some(author.clone()),
        };
        let named = mentioned(state, text, &scope::remarks(year, community)).await?;
        notify(state, &event(Kind::Mention), named.clone()).await?;
        let leads = audience::holding(&state.db, audience::LEADS, Some(community)).await?;
        let leads = leads.into_iter().filter(|p| !named.contains(p)).collect();
        notify(state, &event(Kind::Validation), leads).await?;
        Ok(())
    };
    if let Err(error) = tell().await {
        tracing::error!(
            ?error,
            "notifications: cannot tell of a remark on {community}"
        );
    }
}

/// Tells of a decision: the CNER table's on `community`'s plan to its leads; the Cabina di
/// Regia's on the general plan to every lead, and, when it approves, to the members of each
/// community that their plan is approved.
pub(super) async fn decided(
    state: &AppState,
    year: i32,
    community: Option<&CommunitySlug>,
    outcome: Outcome,
    author: &PersonId,
) {
    if let Err(error) = tell_decision(state, year, community, outcome, author).await {
        tracing::error!(?error, "notifications: cannot tell of a decision");
    }
}

async fn tell_decision(
    state: &AppState,
    year: i32,
    community: Option<&CommunitySlug>,
    outcome: Outcome,
    author: &PersonId,
) -> Result<(), AppError> {
    let decision = |subject: String, community: Option<&CommunitySlug>| Event {
        kind: Kind::Validation,
        community: community.cloned(),
        object: format!(
            "decisione:{year}:{}",
            community.map_or("", CommunitySlug::as_str)
        ),
        scope: scope::validation(year),
        subject,
        href: format!("/piano-generale/{year}/validazione"),
        actor: Some(author.clone()),
    };
    let body = outcome.body().label();
    if let Some(community) = community {
        let name = community_name(state, community).await?;
        let subject = format!(
            "{body}, piano {year} della comunità {name}: {}",
            outcome.label()
        );
        let leads = audience::holding(&state.db, audience::LEADS, Some(community)).await?;
        return notify(state, &decision(subject, Some(community)), leads)
            .await
            .map(drop);
    }
    let subject = format!("{body}, piano generale {year}: {}", outcome.label());
    let leads = audience::holding(&state.db, audience::LEADS, None).await?;
    notify(state, &decision(subject, None), leads).await?;
    if !outcome.passes() {
        return Ok(());
    }
    members_told_of_their_plan(state, year, "è approvato", author).await
}

async fn community_name(state: &AppState, community: &CommunitySlug) -> Result<String, AppError> {
    let found = db::communities::find(&state.db, community).await?;
    Ok(found.map(|c| c.summary.name).unwrap_or_default())
}
