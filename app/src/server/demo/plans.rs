//! The demo cycle of 2024, standing in the cross-reading as on 14 May 2024, with each
//! community's plan in two versions: an early draft and the plan as shared with the members.

use super::super::db::{self, Db};
use crate::domain::community::CommunitySlug;
use crate::domain::cycle::Phase;
use crate::domain::person::Email;
use crate::domain::plan::PlanContent;
use crate::error::AppError;
use crate::server::failure::Context;

/// The year of the demo cycle.
pub const YEAR: i32 = 2024;

/// The deadlines of the report: cross-reading on 14 May, final re-reading by 24 May,
/// validation by 7 June, approval in mid-June.
const DEADLINES: [(Phase, &str); 6] = [
    (Phase::Drafting, "2024-04-30"),
    (Phase::Shared, "2024-05-10"),
    (Phase::CrossReading, "2024-05-14"),
    (Phase::FinalReading, "2024-05-24"),
    (Phase::Validation, "2024-06-07"),
    (Phase::Approved, "2024-06-14"),
];

/// Each community's plan as shared with its members (`app/data/piani/2024/`).
const PLANS: [(&str, &str); 10] = [
    (
        "internet-of-things",
        include_str!("../../../data/piani/2024/internet-of-things.json"),
    ),
    ("dati", include_str!("../../../data/piani/2024/dati.json")),
    (
        "digital-gender-gap",
        include_str!("../../../data/piani/2024/digital-gender-gap.json"),
    ),
    (
        "amministratori-digitali",
        include_str!("../../../data/piani/2024/amministratori-digitali.json"),
    ),
    (
        "integrazioni-digitali",
        include_str!("../../../data/piani/2024/integrazioni-digitali.json"),
    ),
    (
        "imprese",
        include_str!("../../../data/piani/2024/imprese.json"),
    ),
    (
        "facilitazione-digitale",
        include_str!("../../../data/piani/2024/facilitazione-digitale.json"),
    ),
    (
        "documenti",
        include_str!("../../../data/piani/2024/documenti.json"),
    ),
    (
        "cybersecurity-e-cloud",
        include_str!("../../../data/piani/2024/cybersecurity-e-cloud.json"),
    ),
    (
        "cittadini",
        include_str!("../../../data/piani/2024/cittadini.json"),
    ),
];

/// The plans of the demo, parsed.
pub fn plans() -> Result<Vec<(CommunitySlug, PlanContent)>, AppError> {
    PLANS
        .iter()
        .map(|(slug, json)| {
            let slug = CommunitySlug::parse(slug).context("a demo plan's community")?;
            let plan = serde_json::from_str(json).context("reading a demo plan")?;
            Ok((slug, plan))
        })
        .collect()
}

/// Opens the 2024 cycle, saves each plan's early draft (by the coordinator, in April) and the
/// shared plan (by the referent), and moves the cycle to the cross-reading.
pub async fn load(db: &Db) -> Result<(), AppError> {
    let deadlines: Vec<(Phase, String)> = DEADLINES
        .iter()
        .map(|(phase, day)| (*phase, (*day).to_owned()))
        .collect();
    if !db::cycles::open(db, YEAR, &deadlines, "2024-04-02T07:00:00Z").await? {
        return Ok(());
    }
    let plans = plans()?;
    for (i, (slug, plan)) in plans.iter().enumerate() {
        let coordinator = author(db, "coordinatore", slug).await?;
        let drafted = format!("2024-04-{:02}T08:{:02}:00Z", 10 + i, 5 * i);
        let draft = early_draft(plan);
        db::plans::save(db, YEAR, slug, 0, &draft, coordinator.as_ref(), &drafted).await?;
    }
    // The early drafts are what drafting is compared from; the shared plans come next.
    db::cycles::freeze(&mut *db.acquire().await?, YEAR, Phase::Drafting).await?;
    for (i, (slug, plan)) in plans.iter().enumerate() {
        let referent = author(db, "referente", slug).await?;
        let shared = format!("2024-04-{:02}T14:{:02}:00Z", 19 + i, 3 * i);
        db::plans::save(db, YEAR, slug, 1, plan, referent.as_ref(), &shared).await?;
    }
    db::cycles::advance(db, YEAR, Phase::Drafting, "2024-05-01T06:00:00Z").await?;
    db::cycles::advance(db, YEAR, Phase::Shared, "2024-05-13T06:00:00Z").await?;
    Ok(())
}

/// The plan as first drafted: the last paragraph of the context, the last two actions and the
/// last indicator were written later.
fn early_draft(plan: &PlanContent) -> PlanContent {
    let mut draft = plan.clone();
    if let Some((first, _)) = draft.context.rsplit_once("\n\n") {
        draft.context = first.to_owned();
    }
    draft
        .actions
        .truncate(draft.actions.len().saturating_sub(2));
    draft.indicators.pop();
    draft
}

pub(super) async fn author(
    db: &Db,
    role: &str,
    slug: &CommunitySlug,
) -> Result<Option<crate::domain::person::PersonId>, AppError> {
    let email =
        Email::parse(&format!("{role}.{slug}@comtem.demo")).context("a demo leader's email")?;
    Ok(db::people::credentials(db, &email).await?.map(|(id, _)| id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::check::check;

    #[test]
    fn every_demo_plan_and_its_draft_pass_the_checks() {
        let plans = plans().expect("the demo plans parse");
        assert_eq!(plans.len(), 10);
        for (slug, plan) in plans {
            assert_eq!(check(&plan), Ok(()), "{slug}");
            assert_eq!(check(&early_draft(&plan)), Ok(()), "{slug} draft");
            assert!((3..=6).contains(&plan.objectives.len()), "{slug}");
            assert!((4..=8).contains(&plan.actions.len()), "{slug}");
        }
    }
}
