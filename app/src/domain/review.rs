//! The validation of a year's plans (the phase "Validazione"): the members of the CNER table and
//! of the Cabina di Regia remark on the plans, regional staff record each body's decisions, plans
//! sent back are revised within their own deadline, and the Cabina di Regia's approval closes
//! the cycle.

pub mod rules;
pub mod targets;

use serde::{Deserialize, Serialize};

use super::board::anchor::Anchor;
use super::community::CommunitySlug;
use super::cycle::Cycle;
use super::role::RoleKind;
use crate::i18n::review_texts;

code_enum! {
    /// A body that validates: the CNER table decides on each plan, the Cabina di Regia on the
    /// general plan.
    Body {
        Cner = "cner",
        CabinaDiRegia = "cabina-di-regia",
    }
}

impl Body {
    /// The role its members hold.
    pub fn role(self) -> RoleKind {
        match self {
            Self::Cner => RoleKind::Cner,
            Self::CabinaDiRegia => RoleKind::CabinaDiRegia,
        }
    }

    /// The body's name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Cner => review_texts().cner,
            Self::CabinaDiRegia => review_texts().cabina,
        }
    }
}

code_enum! {
    /// What a body decided.
    Outcome {
        Validated = "validato",
        ValidatedWithRemarks = "validato-con-osservazioni",
        ChangesRequested = "modifiche-richieste",
        Approved = "approvato",
        ApprovedWithPrescriptions = "approvato-con-prescrizioni",
        Postponed = "rinviato",
    }
}

impl Outcome {
    /// The body that takes this decision.
    pub fn body(self) -> Body {
        match self {
            Self::Validated | Self::ValidatedWithRemarks | Self::ChangesRequested => Body::Cner,
            _ => Body::CabinaDiRegia,
        }
    }

    /// The decisions `body` may take.
    pub fn of(body: Body) -> impl Iterator<Item = Outcome> {
        Self::ALL.iter().copied().filter(move |o| o.body() == body)
    }

    /// The decision's name, as the minutes write it.
    pub fn label(self) -> &'static str {
        review_texts().outcomes[self as usize]
    }

    /// Whether the decision says what to change (requested changes, remarks, prescriptions).
    pub fn needs_text(self) -> bool {
        matches!(
            self,
            Self::ValidatedWithRemarks | Self::ChangesRequested | Self::ApprovedWithPrescriptions
        )
    }

    /// Whether the plan (or the general plan) passes with this decision.
    pub fn passes(self) -> bool {
        matches!(
            self,
            Self::Validated
                | Self::ValidatedWithRemarks
                | Self::Approved
                | Self::ApprovedWithPrescriptions
        )
    }
}

/// A recorded decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Its place among the year's decisions, from 1.
    pub number: i64,
    pub outcome: Outcome,
    /// The plan decided on (CNER table); `None` for the general plan (Cabina di Regia).
    pub community: Option<CommunitySlug>,
    pub community_name: String,
    /// The changes requested, the remarks or the prescriptions.
    pub changes: String,
    /// The day of the body's meeting (`YYYY-MM-DD`) and its minutes.
    pub meeting_day: String,
    pub minutes: String,
    /// The presented version of the general plan it was taken on.
    pub presented: i64,
    /// The plan's version decided on (CNER table).
    pub plan_version: Option<i64>,
    pub recorded_by: String,
    /// Italian time, to the minute.
    pub recorded_at: String,
    /// For changes requested: the revision that followed.
    pub revision: Option<Revision>,
}

/// The revision of a plan sent back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    /// The last day of the window (`YYYY-MM-DD`) and its end, in Unix seconds.
    pub until: String,
    pub ends_at: i64,
    /// When and by whom it was handed back (Italian time), if it was.
    pub returned: Option<(String, String)>,
    /// Whether the plan can still be revised: not handed back, and the day not over.
    pub open: bool,
}

/// A remark on a plan by a member of a body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remark {
    pub id: String,
    pub body: Body,
    pub anchor: Anchor,
    /// The label of the item remarked on ("Obiettivo O1", "Contesto"), or empty when it is gone.
    pub item_label: String,
    /// Whether the quoted passage (or the item) is still in the current plan.
    pub detached: bool,
    pub text: String,
    pub author: String,
    pub plan_version: i64,
    /// Italian time, to the minute.
    pub created_at: String,
}

/// Where a plan stands in the validation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanStanding {
    pub community: CommunitySlug,
    pub name: String,
    /// The plan's current version.
    pub version: i64,
    /// The CNER table's latest decision on it.
    pub decision: Option<Decision>,
    pub remarks: usize,
    /// Whether the CNER table can decide on it now.
    pub decidable: bool,
}

/// `/piano-generale/{year}/validazione`: the state of the validation and its whole history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub cycle: Cycle,
    /// The presented versions of the general plan, oldest first: (number, Italian time).
    pub presentations: Vec<(i64, String)>,
    pub plans: Vec<PlanStanding>,
    /// Every decision, in the order recorded.
    pub decisions: Vec<Decision>,
    /// Whether the viewer records decisions and presents the general plan again.
    pub can_record: bool,
    /// Whether the Cabina di Regia can decide now (every plan validated).
    pub cabina_decidable: bool,
    /// Whether the general plan can be presented again (revisions closed, plans waiting).
    pub presentable: bool,
}

/// `/piani/{year}/{slug}/osservazioni`: the remarks and decisions on one plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemarksView {
    pub cycle: Cycle,
    pub community: CommunitySlug,
    pub community_name: String,
    pub plan_version: i64,
    pub remarks: Vec<Remark>,
    /// The CNER table's decisions on the plan, oldest first.
    pub decisions: Vec<Decision>,
    /// The bodies the viewer may remark for (none: they cannot remark).
    pub bodies: Vec<Body>,
    /// What can be remarked on: (item, field, label), in reading order.
    pub targets: Vec<(String, String, String)>,
    /// Whether the viewer may revise the plan now (an open revision, and their plan).
    pub can_revise: bool,
}

/// The approval of a year's plans, as the approved pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub decision: Decision,
    /// The approved version and its content digest (SHA-256, hexadecimal).
    pub version: i64,
    pub digest: String,
}
