//! The steps of the validation, and the checks of decisions and remarks.
use super::*;
use crate::domain::review::Revision;

fn slug(text: &str) -> CommunitySlug {
    CommunitySlug::parse(text).unwrap()
}

fn decision(number: i64, community: Option<&str>, outcome: Outcome, presented: i64) -> Decision {
    Decision {
        number,
        outcome,
        community: community.map(slug),
        community_name: String::new(),
        changes: String::new(),
        meeting_day: "2024-06-03".into(),
        minutes: "Verbale".into(),
        presented,
        plan_version: community.map(|_| 4),
        recorded_by: "Giulia Ferri".into(),
        recorded_at: "03/06/2024 10:00".into(),
        revision: (outcome == Outcome::ChangesRequested).then(|| Revision {
            until: "2024-06-10".into(),
            ends_at: 0,
            returned: None,
            open: true,
        }),
    }
}

#[test]
fn the_cner_decides_once_per_plan_and_again_after_a_revision_is_presented() {
    let dati = slug("dati");
    let imprese = slug("imprese");
    let mut decisions = vec![decision(1, Some("dati"), Outcome::Validated, 1)];
    assert!(!cner_may_decide(&decisions, &dati, 1));
    assert!(cner_may_decide(&decisions, &imprese, 1));
    decisions.push(decision(2, Some("imprese"), Outcome::ChangesRequested, 1));
    assert!(
        !cner_may_decide(&decisions, &imprese, 1),
        "not before it is presented again"
    );
    assert!(
        !may_present_again(&decisions, 1),
        "the revision is still open"
    );
    decisions[1].revision.as_mut().unwrap().open = false;
    assert!(may_present_again(&decisions, 1));
    assert!(cner_may_decide(&decisions, &imprese, 2));
    assert!(
        !may_present_again(&decisions, 2),
        "nothing waits for a third version"
    );
}

#[test]
fn the_cabina_decides_once_every_plan_passed_and_again_only_after_postponing() {
    let both = [slug("dati"), slug("imprese")];
    let mut decisions = vec![
        decision(1, Some("dati"), Outcome::ValidatedWithRemarks, 1),
        decision(2, Some("imprese"), Outcome::ChangesRequested, 1),
    ];
    assert!(!cabina_may_decide(&decisions, &both));
    decisions.push(decision(3, Some("imprese"), Outcome::Validated, 2));
    assert!(cabina_may_decide(&decisions, &both));
    decisions.push(decision(4, None, Outcome::Postponed, 2));
    assert!(cabina_may_decide(&decisions, &both));
    decisions.push(decision(5, None, Outcome::Approved, 2));
    assert!(!cabina_may_decide(&decisions, &both));
}

fn form(outcome: &str, changes: &str, day: &str, until: &str) -> DecisionForm {
    DecisionForm {
        outcome: outcome.into(),
        changes: changes.into(),
        meeting_day: day.into(),
        minutes: "Seduta del tavolo: presenti Nicolò D'Alì <script>alert(1)</script>".into(),
        revision_until: until.into(),
    }
}

#[test]
fn decisions_say_what_their_outcome_needs() {
    let today = Day::from_trusted("2024-06-05".into());
    let ok = check_decision(&form("validato", "", "2024-06-04", ""), true, &today);
    assert_eq!(ok, Ok(Outcome::Validated));
    let sent_back = form("modifiche-richieste", "", "2024-06-06", "2024-06-01");
    let refused = check_decision(&sent_back, true, &today).unwrap_err();
    assert_eq!(refused.problem("richieste"), Some(&Problem::Required));
    assert_eq!(refused.problem("riunione"), Some(&Problem::FutureDay));
    assert_eq!(refused.problem("revisione_entro"), Some(&Problem::PastDay));
    let wrong_body = check_decision(&form("approvato", "", "2024-06-04", ""), true, &today);
    assert_eq!(
        wrong_body.unwrap_err().problem("esito"),
        Some(&Problem::UnknownChoice)
    );
    let prescriptions = form(
        "approvato-con-prescrizioni",
        "Rivedere O2",
        "2024-06-05",
        "x",
    );
    assert_eq!(
        check_decision(&prescriptions, false, &today),
        Ok(Outcome::ApprovedWithPrescriptions)
    );
    let mut no_minutes = form("rinviato", "", "2024-13-01", "");
    no_minutes.minutes = " ".into();
    let refused = check_decision(&no_minutes, false, &today).unwrap_err();
    assert_eq!(refused.problem("verbale"), Some(&Problem::Required));
    assert_eq!(refused.problem("riunione"), Some(&Problem::InvalidDay));
}

#[test]
fn remarks_need_text_and_a_short_quote() {
    assert!(check_remark("Chiarire il capofila di A1 — «Nicolò D'Alì»", "A1").is_ok());
    let refused = check_remark("  ", &"q".repeat(QUOTE_MAX + 1)).unwrap_err();
    assert_eq!(refused.problem("osservazione"), Some(&Problem::Required));
    assert_eq!(
        refused.problem("citazione"),
        Some(&Problem::TooLong { max: QUOTE_MAX })
    );
}
