//! What the plan pages receive from the server.

use serde::{Deserialize, Serialize};

use super::PlanContent;
use super::diff::PlanDiff;
use crate::domain::community::CommunitySlug;
use crate::domain::cycle::{Cycle, Phase};

/// One saved version of a plan: who saved it and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub number: i64,
    /// When, in Italian time: `YYYY-MM-DD HH:MM`.
    pub saved_at: String,
    pub saved_by: String,
    /// The phases this version was current at the start of (frozen for later comparison).
    pub frozen_for: Vec<Phase>,
}

/// A plan as its page shows it: the community, the version and its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub year: i32,
    pub community: CommunitySlug,
    pub community_name: String,
    pub version: VersionInfo,
    pub content: PlanContent,
}

/// One plan in the list of a year: which version it is at, and whether the viewer may open it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSummary {
    pub community: CommunitySlug,
    pub community_name: String,
    pub version: Option<VersionInfo>,
    pub objectives: usize,
    pub actions: usize,
    pub readable: bool,
}

/// `/piani/{year}`: the cycle and its plans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanYear {
    pub cycle: Cycle,
    pub plans: Vec<PlanSummary>,
    /// Whether the viewer may read the year's general plan now.
    pub general_plan_readable: bool,
}

/// One plan with the cycle it belongs to, and whether the viewer may edit it now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanView {
    pub cycle: Cycle,
    pub plan: Plan,
    pub can_edit: bool,
    /// The SHA-256 of the version's content as stored, hexadecimal.
    pub digest: String,
    /// The plans' approval, once the Cabina di Regia approved them.
    pub approval: Option<crate::domain::review::Approval>,
    /// For those who may edit it: the meetings its calendar may announce.
    pub meetings: Vec<MeetingChoice>,
}

/// A meeting of `/incontri` that a line of a plan's calendar may announce.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingChoice {
    pub id: i64,
    pub title: String,
    /// The Italian day it starts, `YYYY-MM-DD`.
    pub day: String,
}

/// What became of a save.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaveOutcome {
    /// Saved as this new version.
    Saved(VersionInfo),
    /// Someone saved first: nothing was written, and this is their version.
    Conflict(Box<Plan>),
}

/// The versions of a plan, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionList {
    pub year: i32,
    pub community_name: String,
    pub versions: Vec<VersionInfo>,
}

/// Two versions of a plan and what changed from the first to the second.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub from: VersionInfo,
    pub to: VersionInfo,
    pub diff: PlanDiff,
}
