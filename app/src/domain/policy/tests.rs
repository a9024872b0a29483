//! Every role against every action, phase by phase.
use super::*;
use crate::domain::person::PersonId;
use crate::domain::role::Role;

fn viewer(roles: Vec<Role>) -> Viewer {
    Viewer {
        person_id: PersonId("p".into()),
        first_name: "Ada".into(),
        roles,
        communities: vec![slug("dati")],
    }
}

fn slug(text: &str) -> CommunitySlug {
    CommunitySlug::parse(text).unwrap()
}

#[test]
fn every_role_against_every_action() {
    let dati = slug("dati");
    let visitor = None;
    let member = Some(viewer(vec![]));
    let coordinator = Some(viewer(vec![Role::in_community(
        RoleKind::Coordinator,
        dati.clone(),
    )]));
    let referent = Some(viewer(vec![Role::in_community(
        RoleKind::Referent,
        dati.clone(),
    )]));
    let validator = Some(viewer(vec![Role::global(RoleKind::Cner)]));
    let admin = Some(viewer(vec![Role::global(RoleKind::Admin)]));
    let actions = [
        Action::ManageOwnAccount,
        Action::ListMembers(dati.clone()),
        Action::ListMembers(slug("imprese")),
        Action::ListAllSignups,
        Action::ManageRoles,
        Action::ManageEnti,
        Action::ReadAuditLog,
        Action::ReportAccessibilityProblem,
        Action::UseUnsubscribeLink,
    ];
    let (f, t) = (false, true);
    let expected: [(&Option<Viewer>, [bool; 9]); 6] = [
        (&visitor, [f, f, f, f, f, f, f, t, t]),
        (&member, [t, f, f, f, f, f, f, t, t]),
        (&coordinator, [t, t, f, f, f, f, f, t, t]),
        (&referent, [t, t, f, f, f, f, f, t, t]),
        (&validator, [t, f, f, f, f, f, f, t, t]),
        (&admin, [t, t, t, t, t, t, t, t, t]),
    ];
    for (who, allowed) in expected {
        for (action, allow) in actions.iter().zip(allowed) {
            assert_eq!(allows(who.as_ref(), action), allow, "{who:?} {action:?}");
        }
    }
}

#[test]
fn plans_follow_the_phase() {
    use Phase::*;
    let dati = slug("dati");
    // Only "member" belongs to the community: the others read by their role alone.
    let without_membership = |roles| {
        let mut person = viewer(roles);
        person.communities.clear();
        Some(person)
    };
    let people: [(&str, Option<Viewer>); 8] = [
        ("visitor", None),
        ("member", Some(viewer(vec![]))),
        ("outsider", without_membership(vec![])),
        (
            "coordinator",
            without_membership(vec![Role::in_community(
                RoleKind::Coordinator,
                dati.clone(),
            )]),
        ),
        (
            "referent",
            without_membership(vec![Role::in_community(RoleKind::Referent, dati.clone())]),
        ),
        (
            "other lead",
            without_membership(vec![Role::in_community(
                RoleKind::Coordinator,
                slug("imprese"),
            )]),
        ),
        (
            "cner member",
            without_membership(vec![Role::global(RoleKind::Cner)]),
        ),
        (
            "admin",
            without_membership(vec![Role::global(RoleKind::Admin)]),
        ),
    ];
    // Per person: the phases in which they may read, edit, and manage the cycle.
    let expected: [(&[Phase], &[Phase], bool); 8] = [
        (&[Approved], &[], false),
        (
            &[Shared, CrossReading, FinalReading, Validation, Approved],
            &[],
            false,
        ),
        (&[Approved], &[], false),
        (Phase::ALL, &[Drafting, FinalReading], false),
        (Phase::ALL, &[Drafting, FinalReading], false),
        (
            &[CrossReading, FinalReading, Validation, Approved],
            &[],
            false,
        ),
        (&[Validation, Approved], &[], false),
        (Phase::ALL, &[Drafting, FinalReading], true),
    ];
    for ((who, person), (reads, edits, manages)) in people.iter().zip(expected) {
        for phase in Phase::ALL {
            let read = allows(person.as_ref(), &Action::ReadPlan(dati.clone(), *phase));
            let edit = allows(person.as_ref(), &Action::EditPlan(dati.clone(), *phase));
            assert_eq!(read, reads.contains(phase), "{who} reading in {phase:?}");
            assert_eq!(edit, edits.contains(phase), "{who} editing in {phase:?}");
        }
        assert_eq!(
            allows(person.as_ref(), &Action::ManageCycle),
            manages,
            "{who}"
        );
    }
}

#[test]
fn the_board_is_for_leads_and_staff_from_the_cross_reading_on() {
    use Phase::*;
    let lead =
        |kind, community: &str| Some(viewer(vec![Role::in_community(kind, slug(community))]));
    let people: [(&str, Option<Viewer>, bool); 7] = [
        ("visitor", None, false),
        ("member", Some(viewer(vec![])), false),
        ("coordinator", lead(RoleKind::Coordinator, "dati"), true),
        ("referent", lead(RoleKind::Referent, "dati"), true),
        ("other lead", lead(RoleKind::Coordinator, "imprese"), true),
        (
            "cner member",
            Some(viewer(vec![Role::global(RoleKind::Cner)])),
            false,
        ),
        (
            "admin",
            Some(viewer(vec![Role::global(RoleKind::Admin)])),
            true,
        ),
    ];
    let reads = [CrossReading, FinalReading, Validation, Approved];
    let writes = [CrossReading, FinalReading];
    for (who, person, on_board) in &people {
        for phase in Phase::ALL {
            let read = allows(person.as_ref(), &Action::ReadBoard(*phase));
            let write = allows(person.as_ref(), &Action::WriteBoard(*phase));
            assert_eq!(
                read,
                *on_board && reads.contains(phase),
                "{who} reading in {phase:?}"
            );
            assert_eq!(
                write,
                *on_board && writes.contains(phase),
                "{who} writing in {phase:?}"
            );
        }
    }
}

#[test]
fn the_general_plan_is_written_by_staff_and_read_as_the_cycle_ends() {
    use Phase::*;
    let lead =
        |kind, community: &str| Some(viewer(vec![Role::in_community(kind, slug(community))]));
    let mut outsider = viewer(vec![]);
    outsider.communities.clear();
    let mut validator = viewer(vec![Role::global(RoleKind::Cner)]);
    validator.communities.clear();
    let people: [(&str, Option<Viewer>, &[Phase]); 7] = [
        ("visitor", None, &[Approved]),
        ("outsider", Some(outsider), &[Approved]),
        ("member", Some(viewer(vec![])), &[Validation, Approved]),
        (
            "coordinator",
            lead(RoleKind::Coordinator, "dati"),
            &[FinalReading, Validation, Approved],
        ),
        (
            "referent",
            lead(RoleKind::Referent, "imprese"),
            &[FinalReading, Validation, Approved],
        ),
        ("cner member", Some(validator), &[Validation, Approved]),
        (
            "admin",
            Some(viewer(vec![Role::global(RoleKind::Admin)])),
            Phase::ALL,
        ),
    ];
    for (who, person, reads) in &people {
        let admin = *who == "admin";
        for phase in Phase::ALL {
            let read = allows(person.as_ref(), &Action::ReadGeneralPlan(*phase));
            let edit = allows(person.as_ref(), &Action::EditGeneralPlan(*phase));
            assert_eq!(read, reads.contains(phase), "{who} reading in {phase:?}");
            let writes = admin && matches!(phase, CrossReading | FinalReading);
            assert_eq!(edit, writes, "{who} writing in {phase:?}");
        }
    }
}

#[test]
fn the_validation_is_for_its_bodies_staff_and_the_leads_of_the_plan() {
    use Phase::*;
    let dati = slug("dati");
    let lead =
        |kind, community: &str| Some(viewer(vec![Role::in_community(kind, slug(community))]));
    let global = |kind| Some(viewer(vec![Role::global(kind)]));
    // Per person, the phases in which they may: read the validation, read the remarks on the
    // plan of "dati", remark, conduct the validation, revise the plan of "dati".
    type Rights = [&'static [Phase]; 5];
    const NONE: &[Phase] = &[];
    const FROM_VALIDATION: &[Phase] = &[Validation, Approved];
    let people: [(&str, Option<Viewer>, Rights); 8] = [
        ("visitor", None, [&[Approved], NONE, NONE, NONE, NONE]),
        (
            "member",
            Some(viewer(vec![])),
            [&[Approved], NONE, NONE, NONE, NONE],
        ),
        (
            "coordinator",
            lead(RoleKind::Coordinator, "dati"),
            [FROM_VALIDATION, FROM_VALIDATION, NONE, NONE, &[Validation]],
        ),
        (
            "referent",
            lead(RoleKind::Referent, "dati"),
            [FROM_VALIDATION, FROM_VALIDATION, NONE, NONE, &[Validation]],
        ),
        (
            "other lead",
            lead(RoleKind::Coordinator, "imprese"),
            [FROM_VALIDATION, NONE, NONE, NONE, NONE],
        ),
        (
            "cner member",
            global(RoleKind::Cner),
            [FROM_VALIDATION, FROM_VALIDATION, &[Validation], NONE, NONE],
        ),
        (
            "cabina member",
            global(RoleKind::CabinaDiRegia),
            [FROM_VALIDATION, FROM_VALIDATION, &[Validation], NONE, NONE],
        ),
        (
            "admin",
            global(RoleKind::Admin),
            [
                FROM_VALIDATION,
                FROM_VALIDATION,
                NONE,
                &[Validation],
                &[Validation],
            ],
        ),
    ];
    for (who, person, rights) in &people {
        for phase in Phase::ALL {
            let actions = [
                Action::ReadValidation(*phase),
                Action::ReadRemarks(dati.clone(), *phase),
                Action::Remark(*phase),
                Action::ConductValidation(*phase),
                Action::RevisePlan(dati.clone(), *phase),
            ];
            for (action, phases) in actions.iter().zip(rights) {
                let allowed = allows(person.as_ref(), action);
                assert_eq!(allowed, phases.contains(phase), "{who}: {action:?}");
            }
        }
    }
}

mod community_life;
