//! Who is told when a plan changes.

use crate::domain::community::CommunitySlug;
use crate::domain::cycle::Phase;
use crate::domain::notification::Kind;
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::db;
use crate::server::db::notifications::Event;
use crate::server::notifications::{audience, notify_or_log, scope};
use crate::server::state::AppState;

/// Tells the coordinators and referents of `community` that `author` saved a new version of its
/// plan of `year` (named `name`); until they open the plan, further versions add nothing. A
/// failure is logged: the version is saved either way.
pub(super) async fn new_version(
    state: &AppState,
    year: i32,
    community: &CommunitySlug,
    name: &str,
    author: &PersonId,
) {
    let people = match audience::holding(&state.db, audience::LEADS, Some(community)).await {
        Ok(people) => people,
        Err(error) => {
            tracing::error!(?error, "notifications: cannot find who leads {community}");
            return;
        }
    };
    let event = Event {
        kind: Kind::PlanVersion,
        community: Some(community.clone()),
        object: format!("piano:{year}:{community}"),
        scope: scope::plan(year, community),
        subject: format!("il piano {year} della comunità {name}"),
        href: format!("/piani/{year}/{community}"),
        actor: Some(author.clone()),
    };
    notify_or_log(state, event, people).await;
}

/// Tells the people who act in `phase` of `year`'s cycle that it started: with the sharing, the
/// members of each community that their plan is shared; from the cross-reading on, the
/// coordinators and referents (and, for the validation, the validating bodies). A failure is
/// logged: the cycle moved either way.
pub(super) async fn phase_started(state: &AppState, year: i32, phase: Phase, author: &PersonId) {
    if let Err(error) = tell_phase(state, year, phase, author).await {
        tracing::error!(?error, "notifications: cannot tell that {phase:?} started");
    }
}

async fn tell_phase(
    state: &AppState,
    year: i32,
    phase: Phase,
    author: &PersonId,
) -> Result<(), AppError> {
    if phase == Phase::Shared {
        members_told_of_their_plan(state, year, "è condiviso con gli iscritti", author).await?;
        return Ok(());
    }
    let mut people = audience::holding(&state.db, audience::LEADS, None).await?;
    let href = match phase {
        Phase::CrossReading => "/lettura-trasversale".to_owned(),
        Phase::Validation => {
            people.extend(audience::holding(&state.db, audience::VALIDATORS, None).await?);
            format!("/piano-generale/{year}/validazione")
        }
        _ => format!("/piani/{year}"),
    };
    let event = Event {
        kind: Kind::Phase,
        community: None,
        object: format!("fase:{year}:{}", phase.code()),
        scope: scope::PUBLIC.to_owned(),
        subject: format!("{} ({year})", phase.label()),
        href,
        actor: Some(author.clone()),
    };
    notify_or_log(state, event, people).await;
    Ok(())
}

/// Tells the members of every community that their plan of `year` `news` ("è approvato").
pub(crate) async fn members_told_of_their_plan(
    state: &AppState,
    year: i32,
    news: &str,
    author: &PersonId,
) -> Result<(), AppError> {
    for community in db::communities::list(&state.db).await? {
        let slug = community.slug.clone();
        let event = Event {
            kind: Kind::Plan,
            community: Some(slug.clone()),
            object: format!("piano:{year}:{slug}"),
            scope: scope::plan(year, &slug),
            subject: format!("il piano {year} della comunità {} {news}", community.name),
            href: format!("/piani/{year}/{slug}"),
            actor: Some(author.clone()),
        };
        let people = audience::of_communities(&state.db, std::slice::from_ref(&slug)).await?;
        notify_or_log(state, event, people).await;
    }
    Ok(())
}
