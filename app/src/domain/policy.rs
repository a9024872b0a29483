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
    /// Read the general plan (and its versions) while the cycle is in `phase`.
    ReadGeneralPlan(Phase),
    /// Write the general plan's text and save its versions while the cycle is in `phase`.
    EditGeneralPlan(Phase),
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
///
/// The general plan: regional staff write it in the cross-reading and the final re-reading and
/// read it always; the coordinators and referents of every community read it from the final
/// re-reading on; validators and the members of any community from validation on; everyone
/// once approved.
pub fn allows(viewer: Option<&Viewer>, action: &Action) -> bool {
    if let Action::ReadPlan(_, Phase::Approved) | Action::ReadGeneralPlan(Phase::Approved) = action
    {
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
        Action::ReadGeneralPlan(phase) => {
            admin
                || (*phase >= Phase::FinalReading && leads_any(viewer))
                || (*phase >= Phase::Validation
                    && (viewer.has(RoleKind::Validator) || !viewer.communities.is_empty()))
        }
        Action::EditGeneralPlan(phase) => admin && phase.allows_general_plan_editing(),
    }
}

/// Whether the person coordinates or is a referent of any community.
fn leads_any(viewer: &Viewer) -> bool {
    viewer.roles.iter().any(|role| role.kind.is_per_community())
}

#[cfg(test)]
mod tests;
