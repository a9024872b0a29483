//! What the validation allows at each step, and what a decision or a remark must satisfy.

use super::{Decision, Outcome};
use crate::domain::community::CommunitySlug;
use crate::domain::numbers::{Day, DayProblem};
use crate::domain::plan::check::{CONTEXT_MAX, TEXT_MAX, text};
use crate::domain::validation::{Problem, Rejection};

/// Longest quote a remark keeps, in characters.
pub const QUOTE_MAX: usize = 1_000;

/// The CNER table's latest decision on `community`'s plan.
pub fn latest_on<'a>(decisions: &'a [Decision], community: &CommunitySlug) -> Option<&'a Decision> {
    decisions
        .iter()
        .rfind(|d| d.community.as_ref() == Some(community))
}

/// Whether `community`'s plan is in an open revision window.
pub fn revision_open(decisions: &[Decision], community: &CommunitySlug) -> bool {
    latest_on(decisions, community)
        .and_then(|d| d.revision.as_ref())
        .is_some_and(|r| r.open)
}

/// Whether the CNER table may decide on `community`'s plan with the general plan presented as
/// version `presented`: once per plan, and again only for a plan sent back, once its revision
/// has been presented.
pub fn cner_may_decide(decisions: &[Decision], community: &CommunitySlug, presented: i64) -> bool {
    latest_on(decisions, community)
        .is_none_or(|d| d.outcome == Outcome::ChangesRequested && d.presented < presented)
}

/// Whether the Cabina di Regia may decide: every plan passed the CNER table, and it has not
/// decided yet (or postponed its decision).
pub fn cabina_may_decide(decisions: &[Decision], communities: &[CommunitySlug]) -> bool {
    communities
        .iter()
        .all(|c| latest_on(decisions, c).is_some_and(|d| d.outcome.passes()))
        && decisions
            .iter()
            .rfind(|d| d.community.is_none())
            .is_none_or(|d| d.outcome == Outcome::Postponed)
}

/// Whether the general plan may be presented again: some plan was sent back on the presented
/// version `presented`, and none is still being revised.
pub fn may_present_again(decisions: &[Decision], presented: i64) -> bool {
    let mut waiting = decisions
        .iter()
        .filter_map(|d| d.community.as_ref())
        .filter_map(|c| latest_on(decisions, c))
        .filter(|d| d.outcome == Outcome::ChangesRequested && d.presented == presented)
        .peekable();
    waiting.peek().is_some() && waiting.all(|d| d.revision.as_ref().is_none_or(|r| !r.open))
}

/// A decision as typed by regional staff.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecisionForm {
    pub outcome: String,
    pub changes: String,
    pub meeting_day: String,
    pub minutes: String,
    /// The last day of the revision, for changes requested.
    pub revision_until: String,
}

/// Refuses a decision without a known outcome for `body`'s kind, without minutes or a past
/// meeting day, without the changes its outcome calls for, or asking for changes without a
/// revision deadline from `today` on.
pub fn check_decision(
    form: &DecisionForm,
    on_plan: bool,
    today: &Day,
) -> Result<Outcome, Rejection> {
    let mut rejection = Rejection::default();
    let outcome =
        Outcome::parse(form.outcome.trim()).filter(|o| (o.body() == super::Body::Cner) == on_plan);
    if outcome.is_none() {
        rejection.add("esito", Problem::UnknownChoice);
    }
    let needs_text = outcome.is_some_and(Outcome::needs_text);
    text(
        &mut rejection,
        "richieste",
        &form.changes,
        TEXT_MAX,
        needs_text,
    );
    text(&mut rejection, "verbale", &form.minutes, CONTEXT_MAX, true);
    match Day::parse(form.meeting_day.trim(), today) {
        Ok(_) => {}
        Err(DayProblem::Future) => rejection.add("riunione", Problem::FutureDay),
        Err(_) => rejection.add("riunione", Problem::InvalidDay),
    }
    if outcome == Some(Outcome::ChangesRequested) {
        match Day::parse_any(form.revision_until.trim()) {
            Ok(day) if &day < today => rejection.add("revisione_entro", Problem::PastDay),
            Ok(_) => {}
            Err(_) => rejection.add("revisione_entro", Problem::InvalidDay),
        }
    }
    match outcome {
        Some(outcome) if rejection.is_empty() => Ok(outcome),
        _ => Err(rejection),
    }
}

/// Refuses a remark that is empty, too long or has control characters, or a quote too long.
pub fn check_remark(remark: &str, quote: &str) -> Result<(), Rejection> {
    let mut rejection = Rejection::default();
    text(&mut rejection, "osservazione", remark, TEXT_MAX, true);
    text(&mut rejection, "citazione", quote, QUOTE_MAX, false);
    if rejection.is_empty() {
        Ok(())
    } else {
        Err(rejection)
    }
}

#[cfg(test)]
mod tests;
