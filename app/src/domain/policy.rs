//! Who may do what: one pure function the server calls before every action.

use super::community::CommunitySlug;
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
}

/// Whether `viewer` (`None`: a visitor) may perform `action`.
pub fn allows(viewer: Option<&Viewer>, action: &Action) -> bool {
    let Some(viewer) = viewer else {
        return false;
    };
    let admin = viewer.has(RoleKind::Admin);
    match action {
        Action::ManageOwnAccount => true,
        Action::ListMembers(community) => admin || viewer.leads(community),
        Action::ListAllSignups | Action::ManageRoles | Action::ManageEnti => admin,
    }
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
}
