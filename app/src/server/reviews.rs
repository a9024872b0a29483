//! The validation: the state and history for its page, remarks on the plans, the bodies'
//! decisions, revisions of plans sent back, presenting the general plan again, and approval.

mod remarks;
mod told;

pub use remarks::{remark, remarks};

use super::auth::{authorize, permit_current};
use super::clock::{end_of_italian_day, italian_today, rfc3339_now, unix_now};
use super::db::{self, plans::Saved, reviews::NewDecision};
use super::plans::cycle;
use super::state::AppState;
use crate::domain::community::CommunitySlug;
use crate::domain::cycle::{Cycle, Phase};
use crate::domain::numbers::Day;
use crate::domain::policy::{Action, allows};
use crate::domain::review::rules::{
    self, DecisionForm, cabina_may_decide, check_decision, cner_may_decide, latest_on,
    may_present_again,
};
use crate::domain::review::{Approval, Decision, PlanStanding, ReviewView};
use crate::domain::validation::Problem;
use crate::error::AppError;
use crate::server::failure::Context;

/// `/piano-generale/{year}/validazione`: where each plan stands, every decision and
/// presentation, and what regional staff can do next.
#[tracing::instrument(skip_all, fields(year = year))]
pub async fn view(state: &AppState, year: i32) -> Result<ReviewView, AppError> {
    let cycle = cycle(state, Some(year)).await?;
    let viewer = permit_current(state, &Action::ReadValidation(cycle.phase)).await?;
    let decisions = db::reviews::decisions(&state.db, year, unix_now()).await?;
    let presentations = db::reviews::presentations(&state.db, year).await?;
    let presented = presentations.last().map_or(0, |(number, _)| *number);
    let counts = db::reviews::remark_counts(&state.db, year).await?;
    let latest = db::plans::latest_of_year(&state.db, year).await?;
    let plans: Vec<PlanStanding> = db::communities::list(&state.db)
        .await?
        .into_iter()
        .map(|community| PlanStanding {
            version: latest
                .iter()
                .find(|(slug, ..)| *slug == community.slug)
                .map_or(0, |(_, info, _)| info.number),
            decision: latest_on(&decisions, &community.slug).cloned(),
            remarks: counts
                .iter()
                .find(|(slug, _)| slug == community.slug.as_str())
                .map_or(0, |(_, n)| usize::try_from(*n).unwrap_or_default()),
            decidable: presented > 0 && cner_may_decide(&decisions, &community.slug, presented),
            community: community.slug,
            name: community.name,
        })
        .collect();
    let slugs: Vec<CommunitySlug> = plans.iter().map(|p| p.community.clone()).collect();
    let conducting = allows(viewer.as_ref(), &Action::ConductValidation(cycle.phase));
    Ok(ReviewView {
        can_record: conducting,
        cabina_decidable: conducting && cabina_may_decide(&decisions, &slugs),
        presentable: conducting && may_present_again(&decisions, presented),
        cycle,
        presentations,
        plans,
        decisions,
    })
}

/// Records the decision of the CNER table on `slug`'s plan, or of the Cabina di Regia on the
/// general plan when `slug` is `None`, on the version presented last.
#[tracing::instrument(skip_all, fields(year = year, community = slug))]
pub async fn decide(
    state: &AppState,
    year: i32,
    slug: Option<&str>,
    form: DecisionForm,
) -> Result<(), AppError> {
    let cycle = cycle(state, Some(year)).await?;
    let viewer = authorize(state, &Action::ConductValidation(cycle.phase)).await?;
    let community = match slug {
        Some(slug) => Some(known_community(state, slug).await?),
        None => None,
    };
    let today = Day::from_trusted(italian_today());
    let outcome = check_decision(&form, community.is_some(), &today)
        .map_err(|rejection| AppError::Invalid(Box::new(rejection)))?;
    let decisions = db::reviews::decisions(&state.db, year, unix_now()).await?;
    let presented = last_presented(state, year).await?;
    let allowed = match &community {
        Some(community) => cner_may_decide(&decisions, community, presented),
        None => {
            let slugs: Vec<CommunitySlug> = db::communities::list(&state.db)
                .await?
                .into_iter()
                .map(|c| c.slug)
                .collect();
            cabina_may_decide(&decisions, &slugs)
        }
    };
    if !allowed {
        return Err(AppError::invalid_field("esito", Problem::Stale));
    }
    let plan_version = match &community {
        Some(community) => db::plans::current(&state.db, year, community)
            .await?
            .map(|v| v.info.number),
        None => None,
    };
    let until = form.revision_until.trim();
    let revision = match end_of_italian_day(until) {
        Some(ends_at) if outcome == crate::domain::review::Outcome::ChangesRequested => {
            Some((until, ends_at))
        }
        _ => None,
    };
    let now = rfc3339_now();
    let new = NewDecision {
        seen: i64::try_from(decisions.len()).unwrap_or_default(),
        outcome,
        community: community.as_ref(),
        changes: form.changes.trim(),
        meeting_day: form.meeting_day.trim(),
        minutes: form.minutes.trim(),
        presented,
        plan_version,
        revision,
        recorded_by: &viewer.person_id,
        now: &now,
    };
    match db::reviews::record(&state.db, year, &new).await? {
        Saved::Yes => {
            told::decided(state, year, community.as_ref(), outcome, &viewer.person_id).await;
            Ok(())
        }
        Saved::Stale => Err(AppError::invalid_field("esito", Problem::Stale)),
        Saved::Closed => Err(AppError::Forbidden),
    }
}

/// Presents the general plan again once the plans sent back have been revised.
#[tracing::instrument(skip_all, fields(year = year))]
pub async fn present_again(state: &AppState, year: i32) -> Result<(), AppError> {
    let cycle = cycle(state, Some(year)).await?;
    let viewer = authorize(state, &Action::ConductValidation(cycle.phase)).await?;
    let decisions = db::reviews::decisions(&state.db, year, unix_now()).await?;
    let presented = last_presented(state, year).await?;
    if !may_present_again(&decisions, presented)
        || !super::general_plans::present_again(state, year, &viewer).await?
    {
        return Err(AppError::invalid_field("presentazione", Problem::Stale));
    }
    Ok(())
}

/// Hands back the revision of `slug`'s plan: its coordinators and referents are done.
#[tracing::instrument(skip_all, fields(year = year, community = slug))]
pub async fn hand_back(state: &AppState, year: i32, slug: &str) -> Result<(), AppError> {
    let cycle = cycle(state, Some(year)).await?;
    let community = known_community(state, slug).await?;
    let viewer = authorize(state, &Action::RevisePlan(community.clone(), cycle.phase)).await?;
    let now = rfc3339_now();
    let person = &viewer.person_id;
    if db::reviews::hand_back(&state.db, year, &community, person, &now, unix_now()).await? {
        Ok(())
    } else {
        Err(AppError::invalid_field("revisione", Problem::Stale))
    }
}

/// Whether `community`'s plan has a revision window open now.
pub async fn revision_open(
    state: &AppState,
    year: i32,
    community: &CommunitySlug,
) -> Result<bool, AppError> {
    let decisions = db::reviews::decisions(&state.db, year, unix_now()).await?;
    Ok(rules::revision_open(&decisions, community))
}

/// The approval of the plans of `cycle` by the Cabina di Regia once they are approved: the
/// decision and the approved version of the general plan with its digest.
pub async fn approval(state: &AppState, cycle: &Cycle) -> Result<Option<Approval>, AppError> {
    if cycle.phase != Phase::Approved {
        return Ok(None);
    }
    let year = cycle.year;
    let decisions: Vec<Decision> = db::reviews::decisions(&state.db, year, unix_now()).await?;
    let Some(decision) = decisions
        .into_iter()
        .rfind(|d| d.community.is_none() && d.outcome.passes())
    else {
        return Ok(None);
    };
    let version = db::general_plans::version(&state.db, year, Some(decision.presented))
        .await?
        .context("reading the general plan version presented")?;
    Ok(Some(Approval {
        version: decision.presented,
        digest: version.version.digest,
        decision,
    }))
}

/// The number of the general plan's version presented last (0 before the first).
async fn last_presented(state: &AppState, year: i32) -> Result<i64, AppError> {
    let presentations = db::reviews::presentations(&state.db, year).await?;
    Ok(presentations.last().map_or(0, |(number, _)| *number))
}

/// The community of `slug`, if it exists.
async fn known_community(state: &AppState, slug: &str) -> Result<CommunitySlug, AppError> {
    let community = CommunitySlug::parse(slug).map_err(|_| AppError::NotFound)?;
    db::communities::find(&state.db, &community)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(community)
}
