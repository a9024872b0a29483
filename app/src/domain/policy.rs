//! Who may do what: one pure function the server calls before every action.

use super::community::CommunitySlug;
use super::cycle::Phase;
use super::meeting::Audience;
use super::news::publishes;
use super::role::{RoleKind, Viewer};

/// An action that needs permission. Actions on one's own account need only a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Report an accessibility problem to regional staff (anyone, visitors too).
    ReportAccessibilityProblem,
    /// Read, change, export or delete one's own profile and memberships.
    ManageOwnAccount,
    /// Turn off a kind of notification mail, or the digest, with the link a mail carried
    /// (anyone holding the link: it works without logging in).
    UseUnsubscribeLink,
    /// See and export the signups of one community.
    ListMembers(CommunitySlug),
    /// See and export every signup.
    ListAllSignups,
    /// Assign and revoke roles.
    ManageRoles,
    /// Validate or merge the bodies named at signup.
    ManageEnti,
    /// Read and export the audit log.
    ReadAuditLog,
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
    /// Read the state of the validation and its decisions while the cycle is in `phase`.
    ReadValidation(Phase),
    /// Read the remarks on a community's plan while the cycle is in `phase`.
    ReadRemarks(CommunitySlug, Phase),
    /// Remark on the plans, as a member of a validating body, while the cycle is in `phase`.
    Remark(Phase),
    /// Record the bodies' decisions and present the general plan again, in `phase`.
    ConductValidation(Phase),
    /// Revise a community's plan sent back by the CNER table while the cycle is in `phase`
    /// (whether its revision window is open is the state's to say).
    RevisePlan(CommunitySlug, Phase),
    /// Create or change a meeting for this audience (its agenda, minutes and materials too).
    OrganiseMeeting(Audience),
    /// Add photos to a meeting for this audience, describe them and remove them.
    AddMeetingPhotos(Audience),
    /// Say one will attend a meeting for this audience (or no longer).
    AttendMeeting(Audience),
    /// Write, publish or change a news post concerning these communities (none: the whole
    /// system), and read it while a draft.
    PublishNews(Vec<CommunitySlug>),
}

/// Whether `viewer` (`None`: a visitor) may perform `action`.
///
/// Plans: their community's coordinators and referents and regional staff read them in every
/// phase; members of the community from "shared" on; the coordinators and referents of every
/// community from the cross-reading on; the members of the validating bodies from validation
/// on; everyone once approved.
/// They are edited only in drafting and final re-reading, by their community's coordinators and
/// referents and by regional staff.
///
/// The cross-reading board: the coordinators and referents of every community and regional
/// staff read it from the cross-reading on, and annotate in the cross-reading and the final
/// re-reading (when threads get their answers).
///
/// The general plan: regional staff write it in the cross-reading and the final re-reading and
/// read it always; the coordinators and referents of every community read it from the final
/// re-reading on; the validating bodies' members and the members of any community from
/// validation on; everyone once approved.
///
/// The validation: the members of the CNER table and of the Cabina di Regia remark on the
/// plans; regional staff record the decisions and present the general plan again; a plan sent
/// back is revised by its community's coordinators and referents (and regional staff). Its
/// state is read by those, and the remarks on a plan by those who remark and those who revise
/// it; the decisions are public once the plans are approved.
///
/// Meetings are public. Regional staff organise any; coordinators and referents those of the
/// communities they lead and those of their own community of coordinators and referents. The
/// people a meeting is for say whether they will attend.
///
/// News: regional staff publish for the whole system, coordinators for their own communities;
/// published posts are public.
///
/// The audit log is read by regional staff alone.
///
/// Anyone may report an accessibility problem, as the law wants of a public site, and use the
/// unsubscribe link of a mail (the link is the credential, as RFC 8058 wants).
pub fn allows(viewer: Option<&Viewer>, action: &Action) -> bool {
    if let Action::ReportAccessibilityProblem
    | Action::UseUnsubscribeLink
    | Action::ReadPlan(_, Phase::Approved)
    | Action::ReadGeneralPlan(Phase::Approved)
    | Action::ReadValidation(Phase::Approved) = action
    {
        return true;
    }
    let Some(viewer) = viewer else {
        return false;
    };
    let admin = viewer.has(RoleKind::Admin);
    match action {
        Action::ManageOwnAccount
        | Action::ReportAccessibilityProblem
        | Action::UseUnsubscribeLink => true,
        Action::ListMembers(community) => admin || viewer.leads(community),
        Action::ListAllSignups
        | Action::ManageRoles
        | Action::ManageEnti
        | Action::ReadAuditLog => admin,
        Action::ReadPlan(community, phase) => {
            admin
                || viewer.leads(community)
                || (*phase >= Phase::Shared && viewer.belongs_to(community))
                || (*phase >= Phase::CrossReading && leads_any(viewer))
                || (*phase >= Phase::Validation && viewer.validates())
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
                    && (viewer.validates() || !viewer.communities.is_empty()))
        }
        Action::EditGeneralPlan(phase) => admin && phase.allows_general_plan_editing(),
        Action::ReadValidation(phase) => {
            *phase >= Phase::Validation && (admin || viewer.validates() || leads_any(viewer))
        }
        Action::ReadRemarks(community, phase) => {
            *phase >= Phase::Validation && (admin || viewer.validates() || viewer.leads(community))
        }
        Action::Remark(phase) => *phase == Phase::Validation && viewer.validates(),
        Action::ConductValidation(phase) => admin && *phase == Phase::Validation,
        Action::RevisePlan(community, phase) => {
            *phase == Phase::Validation && (admin || viewer.leads(community))
        }
        Action::OrganiseMeeting(audience) => admin || audience.organised_by(viewer),
        Action::AddMeetingPhotos(audience) => admin || audience.organised_by(viewer),
        Action::AttendMeeting(audience) => admin || audience.includes(viewer),
        Action::PublishNews(communities) => publishes(viewer, communities),
    }
}

/// Whether the person coordinates or is a referent of any community.
fn leads_any(viewer: &Viewer) -> bool {
    viewer.roles.iter().any(|role| role.kind.is_per_community())
}

#[cfg(test)]
mod tests;
