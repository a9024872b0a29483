//! What the board's secondary pages show.

use serde::{Deserialize, Serialize};

use super::Annotation;
use super::synergies::{IntegratedAction, SynergyMatrix};
use crate::domain::community::CommunitySlug;
use crate::domain::plan::PlanContent;

/// `/lettura-trasversale/sinergie`: the matrix, with each plan's name and content (to label
/// the linked items).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynergyPage {
    pub year: i32,
    pub plans: Vec<(CommunitySlug, String, PlanContent)>,
    pub matrix: SynergyMatrix,
}

/// `/lettura-trasversale/azioni-integrate`: the integrated actions, with the plans (to label
/// the linked items) and the source annotations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegratedPage {
    pub year: i32,
    pub plans: Vec<(CommunitySlug, String, PlanContent)>,
    pub actions: Vec<IntegratedAction>,
    pub sources: Vec<Annotation>,
}
