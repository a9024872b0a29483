//! The demo cycle of 2023, approved: a first, shorter edition of each community's plan (items
//! of the 2024 plans, with the same ids, fewer of them), its general plan, a few remarks of the
//! CNER table, the CNER table's decisions and the Cabina di Regia's approval, so a newcomer sees
//! the end of a cycle at once.

use super::super::clock::end_of_italian_day;
use super::super::db::audit::Entry;
use super::super::db::general_plans::NewGeneral;
use super::super::db::reviews::{NewDecision, NewRemark};
use super::super::db::{self, Db, plans::Saved};
use super::super::tokens::new_id;
use crate::domain::audit::AuditAction;
use crate::domain::board::synergies::matrix;
use crate::domain::community::CommunitySlug;
use crate::domain::cycle::{Deadline, Phase};
use crate::domain::general_plan::{Assembled, GeneralText};
use crate::domain::numbers::Day;
use crate::domain::person::{Email, PersonId};
use crate::domain::plan::PlanContent;
use crate::domain::review::targets::anchor_on;
use crate::domain::review::{Body, Outcome};
use crate::error::AppError;
use crate::server::failure::Context;

/// The year of the approved demo cycle.
pub const YEAR: i32 = 2023;

const DEADLINES: [(Phase, &str); 6] = [
    (Phase::Drafting, "2023-04-28"),
    (Phase::Shared, "2023-05-09"),
    (Phase::CrossReading, "2023-05-16"),
    (Phase::FinalReading, "2023-05-26"),
    (Phase::Validation, "2023-06-09"),
    (Phase::Approved, "2023-06-16"),
];

const INTRODUCTION: &str = "Il 2023 è il primo anno delle Comunità Tematiche con un piano \
     delle attività per ciascuna comunità. I piani sono brevi: due obiettivi, poche azioni, gli \
     indicatori con cui misurarle.\n\nLe iscrizioni si raccoglievano ancora fuori da COMTem: i \
     numeri della piattaforma partono dal 2024.";
const SUMMARY: &str = "Dieci piani validati dal Tavolo CNER, uno con osservazioni, e approvati \
     dalla Cabina di Regia Digitale il 14 giugno 2023.";

/// Remarks of the CNER table's member: the plan, the item's field, the text.
const REMARKS: [(&str, &str, &str); 3] = [
    (
        "cittadini",
        "testo",
        "Il contesto cita i servizi online ma non dice quanti cittadini li usano oggi: \
         aggiungere un dato di partenza.",
    ),
    (
        "dati",
        "testo",
        "Bene il legame con la strategia regionale sui dati aperti.",
    ),
    (
        "cybersecurity-e-cloud",
        "testo",
        "Indicare quali enti piccoli sono coinvolti nella prima fase.",
    ),
];

/// Opens and walks the 2023 cycle to its approval.
pub async fn load(db: &Db) -> Result<(), AppError> {
    let deadlines: Vec<(Phase, String)> = DEADLINES
        .iter()
        .map(|(phase, day)| (*phase, (*day).to_owned()))
        .collect();
    if !db::cycles::open(db, YEAR, &deadlines, "2023-04-03T07:00:00Z").await? {
        return Ok(());
    }
    let plans: Vec<(CommunitySlug, PlanContent)> = super::plans::plans()?
        .into_iter()
        .map(|(slug, plan)| (slug, first_edition(&plan)))
        .collect();
    for (i, (slug, plan)) in plans.iter().enumerate() {
        let coordinator = super::plans::author(db, "coordinatore", slug).await?;
        let at = format!("2023-04-{:02}T09:{:02}:00Z", 12 + i, 4 * i);
        db::plans::save(db, YEAR, slug, 0, plan, coordinator.as_ref(), &at).await?;
    }
    for (from, at) in [
        (Phase::Drafting, "2023-05-02T06:00:00Z"),
        (Phase::Shared, "2023-05-10T06:00:00Z"),
        (Phase::CrossReading, "2023-05-17T06:00:00Z"),
    ] {
        db::cycles::advance(db, YEAR, from, at).await?;
    }
    let staff = demo_person(db, "admin").await?;
    let cner = demo_person(db, "cner").await?;
    general_plan(db, &plans, &staff).await?;
    for (slug, field, text) in REMARKS {
        let Some((community, plan)) = plans.iter().find(|(s, _)| s.as_str() == slug) else {
            continue;
        };
        let anchor = anchor_on(plan, "contesto", field, "").context("anchoring a demo remark")?;
        let remark = NewRemark {
            id: &new_id(),
            community,
            plan_version: 1,
            body: Body::Cner,
            anchor: &anchor,
            text,
            author: &cner,
            now: "2023-06-05T10:00:00Z",
        };
        db::reviews::add_remark(db, YEAR, &remark).await?;
    }
    decide(db, &plans, &staff).await
}

/// The general plan, written in the final re-reading and presented for validation.
async fn general_plan(
    db: &Db,
    plans: &[(CommunitySlug, PlanContent)],
    staff: &PersonId,
) -> Result<(), AppError> {
    let text = GeneralText {
        introduction: INTRODUCTION.to_owned(),
        summary: SUMMARY.to_owned(),
        numbers_day: "2023-06-01".to_owned(),
    };
    let slugs: Vec<CommunitySlug> = plans.iter().map(|(slug, _)| slug.clone()).collect();
    let assembled = Assembled {
        deadlines: DEADLINES
            .iter()
            .map(|(phase, day)| Deadline {
                phase: *phase,
                day: (*day).to_owned(),
                ends_at: end_of_italian_day(day).unwrap_or_default(),
            })
            .collect(),
        numbers: db::numbers::as_of(db, &Day::from_trusted(text.numbers_day.clone()))
            .await?
            .into(),
        matrix: matrix(&slugs, &[]),
        ..Assembled::default()
    };
    let built_from: Vec<(CommunitySlug, i64)> = slugs.into_iter().map(|s| (s, 1)).collect();
    let new = NewGeneral {
        text: &text,
        assembled: &assembled,
        built_from: &built_from,
        author: Some(staff),
        now: "2023-05-29T10:00:00Z",
    };
    let moved = Entry::system(AuditAction::PhaseAdvanced, &YEAR.to_string());
    if db::general_plans::save(db, YEAR, 0, &new).await? != Saved::Yes
        || !db::general_plans::advance_and_present(db, YEAR, None, "2023-05-29T16:00:00Z", &moved)
            .await?
    {
        tracing::error!("the demo general plan was not saved and presented");
        return Err(AppError::Internal);
    }
    Ok(())
}

/// The CNER table validates every plan (Cittadini with remarks) on 6 June; the Cabina di Regia
/// approves on 14 June.
async fn decide(
    db: &Db,
    plans: &[(CommunitySlug, PlanContent)],
    staff: &PersonId,
) -> Result<(), AppError> {
    let mut seen = 0;
    for (slug, _) in plans {
        let (outcome, changes) = if slug.as_str() == "cittadini" {
            (Outcome::ValidatedWithRemarks, REMARKS[0].2)
        } else {
            (Outcome::Validated, "")
        };
        let decision = NewDecision {
            seen,
            outcome,
            community: Some(slug),
            changes,
            meeting_day: "2023-06-06",
            minutes: "Seduta del Tavolo CNER del 6 giugno 2023: esaminati i dieci piani.",
            presented: 1,
            plan_version: Some(1),
            revision: None,
            recorded_by: staff,
            now: "2023-06-07T09:00:00Z",
        };
        db::reviews::record(db, YEAR, &decision).await?;
        seen += 1;
    }
    let approval = NewDecision {
        seen,
        outcome: Outcome::Approved,
        community: None,
        changes: "",
        meeting_day: "2023-06-14",
        minutes: "Seduta della Cabina di Regia Digitale del 14 giugno 2023: approvato il piano \
                  generale delle attività 2023.",
        presented: 1,
        plan_version: None,
        revision: None,
        recorded_by: staff,
        now: "2023-06-15T09:00:00Z",
    };
    match db::reviews::record(db, YEAR, &approval).await? {
        Saved::Yes => Ok(()),
        refused => {
            tracing::error!(?refused, "the demo approval was not recorded");
            Err(AppError::Internal)
        }
    }
}

/// The first edition of a plan: its first paragraph of context, two objectives, up to three
/// actions serving them (the first completed), two indicators, the meetings a year earlier.
pub fn first_edition(plan: &PlanContent) -> PlanContent {
    let mut first = plan.clone();
    if let Some((paragraph, _)) = first.context.split_once("\n\n") {
        first.context = paragraph.to_owned();
    }
    first.objectives.truncate(2);
    let kept: Vec<_> = first.objectives.iter().map(|o| o.id.clone()).collect();
    first
        .actions
        .retain(|a| a.objectives.iter().all(|id| kept.contains(id)));
    first.actions.truncate(3);
    if let Some(action) = first.actions.first_mut() {
        action.completed = true;
    }
    first.indicators.truncate(2);
    first
        .meetings
        .retain(|m| m.date.starts_with("2024-") && !m.date.ends_with("-02-29"));
    first.meetings.truncate(2);
    for meeting in &mut first.meetings {
        meeting.date.replace_range(..4, "2023");
    }
    first
}

/// The id of the demo account `local@comtem.demo`.
pub(super) async fn demo_person(db: &Db, local: &str) -> Result<PersonId, AppError> {
    let email = Email::parse(&format!("{local}@comtem.demo")).context("a demo account's email")?;
    let found = db::people::credentials(db, &email).await?;
    found.map(|(id, _)| id).context("finding a demo account")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::check::check;

    #[test]
    fn every_first_edition_passes_the_checks_and_keeps_its_ids() {
        for (slug, plan) in super::super::plans::plans().unwrap() {
            let first = first_edition(&plan);
            assert!(check(&first).is_ok(), "{slug}");
            assert!(!first.actions.is_empty(), "{slug}");
            assert!(first.item_ids().all(|id| plan.item_ids().any(|i| i == id)));
        }
    }
}
