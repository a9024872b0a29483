//! Who may do what: one pure function the server calls before every action.

use super::community::CommunitySlug;
use super::cycle::Phase;
use super::role::{RoleKind, Viewer};

/// An action that needs permission. Actions on one's own account need only a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Read, change, export or delete one's own profile and memberships.
    ManageOwnAccount,
    /// See and export the signups of one community.
    ListMembers(CommunitySlug),
    /// See and export every signup.
    ListAllSignups,
    /// Assign and revoke roles.
    ManageRoles,
    /// Validate or merge the bodies named at signup.
    ManageEnti,
    /// Read a community's plan (and its versions) while the cycle is in `phase`.
    ReadPlan(CommunitySlug, Phase),
    /// Save a new version of a community's plan while the cycle is in `phase`.
    EditPlan(CommunitySlug, Phase),
    /// Move the yearly cycle to its next phase and change its deadlines.
    ManageCycle,
    /// Read the cross-reading board while the cycle is in `phase`.
    ReadBoard(Phase),
    /// Annotate, reply, resolve on the cross-reading board while the cycle is in `phase`.
    WriteBoard(Phase),
}

/// Whether `viewer` (`None`: a visitor) may perform `action`.
///
/// Plans: their community's coordinators and referents and regional staff read them in every
/// phase; members of the community from "shared" on; the coordinators and referents of every
/// community from the cross-reading on; validators from validation on; everyone once approved.
/// They are edited only in drafting and final re-reading, by their community's coordinators and
/// referents and by regional staff.
///
/// The cross-reading board: the coordinators and referents of every community and regional
/// staff read it from the cross-reading on, and annotate in the cross-reading and the final
/// re-reading (when threads get their answers).
pub fn allows(viewer: Option<&Viewer>, action: &Action) -> bool {
    if let Action::ReadPlan(_, Phase::Approved) = action {
        return true;
    }
    let Some(viewer) = viewer else {
        return false;
    };
    let admin = viewer.has(RoleKind::Admin);
    match action {
        Action::ManageOwnAccount => true,
        Action::ListMembers(community) => admin || viewer.leads(community),
        Action::ListAllSignups | Action::ManageRoles | Action::ManageEnti => admin,
        Action::ReadPlan(community, phase) => {
            admin
                || viewer.leads(community)
                || (*phase >= Phase::Shared && viewer.belongs_to(community))
                || (*phase >= Phase::CrossReading && leads_any(viewer))
                || (*phase >= Phase::Validation && viewer.has(RoleKind::Validator))
        }
        Action::EditPlan(community, phase) => {
            phase.allows_editing() && (admin || viewer.leads(community))
        }
        Action::ManageCycle => admin,
        Action::ReadBoard(phase) => *phase >= Phase::CrossReading && (admin || leads_any(viewer)),
        Action::WriteBoard(phase) => phase.allows_annotating() && (admin || leads_any(viewer)),
    }
}

/// Whether the person coordinates or is a referent of any community.
fn leads_any(viewer: &Viewer) -> bool {
    viewer.roles.iter().any(|role| role.kind.is_per_community())
}

#[cfg(test)]
mod tests {
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
        let validator = Some(viewer(vec![Role::global(RoleKind::Validator)]));
        let admin = Some(viewer(vec![Role::global(RoleKind::Admin)]));
        let actions = [
            Action::ManageOwnAccount,
            Action::ListMembers(dati.clone()),
            Action::ListMembers(slug("imprese")),
            Action::ListAllSignups,
            Action::ManageRoles,
            Action::ManageEnti,
        ];
        let expected: [(&Option<Viewer>, [bool; 6]); 6] = [
            (&visitor, [false, false, false, false, false, false]),
            (&member, [true, false, false, false, false, false]),
            (&coordinator, [true, true, false, false, false, false]),
            (&referent, [true, true, false, false, false, false]),
            (&validator, [true, false, false, false, false, false]),
            (&admin, [true, true, true, true, true, true]),
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
                "validator",
                without_membership(vec![Role::global(RoleKind::Validator)]),
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
                "validator",
                Some(viewer(vec![Role::global(RoleKind::Validator)])),
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
}
