//! The general Activity Plan of a year: the text regional staff write (introduction, summary),
//! and everything the application assembles from the cycle (calendar, numbers, integrated
//! actions, synergy matrix, the ten plans). Every saved state is a version; the one presented
//! for validation is frozen.

pub mod check;
pub mod outline;
pub mod parts;

use serde::{Deserialize, Serialize};

use super::board::synergies::{IntegratedAction, SynergyMatrix};
use super::community::CommunitySlug;
use super::cycle::{Cycle, Deadline};
use super::numbers::CommunityCount;
use super::plan::PlanContent;

code_enum! {
    /// A document of a version of the general plan.
    DocumentKind {
        Pdf = "pdf",
        Odt = "odt",
    }
}

impl DocumentKind {
    /// The media type the document is served with.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Odt => "application/vnd.oasis.opendocument.text",
        }
    }

    /// The document of version `number` of the general plan of `year`: its address.
    pub fn href(self, year: i32, number: i64) -> String {
        format!("/piano-generale/{year}/versioni/{number}.{}", self.code())
    }

    /// The name the document is saved under.
    pub fn file_name(self, year: i32, number: i64) -> String {
        format!("piano-generale-{year}-versione-{number}.{}", self.code())
    }
}

/// What regional staff write: the introduction, the summary (both in the small markdown), and
/// the day the numbers are taken on (`YYYY-MM-DD`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneralText {
    pub introduction: String,
    pub summary: String,
    pub numbers_day: String,
}

/// The figures of the communities on the chosen day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumbersPart {
    pub day: String,
    pub signups: i64,
    pub bodies: i64,
    pub people: i64,
    pub by_community: Vec<CommunityCount>,
}

impl From<super::numbers::Numbers> for NumbersPart {
    fn from(numbers: super::numbers::Numbers) -> Self {
        Self {
            day: numbers.day.as_str().to_owned(),
            signups: numbers.signups,
            bodies: numbers.bodies,
            people: numbers.people,
            by_community: numbers.by_community,
        }
    }
}

/// An annotation an integrated action draws on, as quoted in the general plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceNote {
    pub id: String,
    /// The community whose plan was annotated.
    pub community: CommunitySlug,
    /// The annotated item's id (or `contesto`).
    pub item: String,
    pub quote: String,
    pub body: String,
    pub author: String,
}

/// What the application assembles besides the plans, as it stood when the version was saved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assembled {
    pub deadlines: Vec<Deadline>,
    pub numbers: NumbersPart,
    pub integrated: Vec<IntegratedAction>,
    pub sources: Vec<SourceNote>,
    pub matrix: SynergyMatrix,
}

/// One community's plan as the general plan holds it: at the version it was built from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPart {
    pub community: CommunitySlug,
    pub name: String,
    pub version: i64,
    pub content: PlanContent,
}

/// One saved state of the general plan: who, when, from which plan versions, and whether it
/// was presented for validation (frozen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneralVersion {
    pub number: i64,
    /// When, in Italian time: `YYYY-MM-DD HH:MM`.
    pub saved_at: String,
    pub saved_by: String,
    /// Each community's plan version, in display order.
    pub built_from: Vec<(CommunitySlug, i64)>,
    /// When it was presented for validation (Italian time), if it was.
    pub presented_at: Option<String>,
    /// The SHA-256 of what it stores (text, assembled parts, plan versions), hexadecimal.
    pub digest: String,
}

/// The general plan at one version, whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneralPlan {
    pub year: i32,
    pub version: GeneralVersion,
    pub text: GeneralText,
    pub assembled: Assembled,
    pub plans: Vec<PlanPart>,
}

/// `/piano-generale/{year}`: the cycle, the version shown (none before the first is saved),
/// which parts are out of date against the current plans and board, and what the viewer may do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneralPlanView {
    pub cycle: Cycle,
    pub plan: Option<GeneralPlan>,
    /// The text an editor starts from: the latest version's, or a first one's.
    pub text: GeneralText,
    /// The ids of the parts ([`parts`]) that the current plans and board would change.
    pub stale: Vec<String>,
    /// The plans' approval, once the Cabina di Regia approved them.
    pub approval: Option<super::review::Approval>,
    /// Whether the version shown is the latest.
    pub latest: bool,
    pub can_edit: bool,
}

/// What became of a save of the general plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GeneralSaveOutcome {
    Saved(GeneralVersion),
    /// Someone saved first: nothing was written; this is their text and version number.
    Conflict {
        number: i64,
        text: GeneralText,
    },
}

/// `/piano-generale/{year}/versioni`: every version, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneralVersionList {
    pub year: i32,
    pub versions: Vec<GeneralVersion>,
}
