//! Roles beyond membership, and the signed-in person as authorisation sees them.

use serde::{Deserialize, Serialize};

use super::community::CommunitySlug;
use super::person::PersonId;
use crate::i18n::texts;

code_enum! {
    /// What a role lets a person do; coordinators and referents hold it for one community.
    RoleKind {
        Admin = "admin",
        Cner = "cner",
        CabinaDiRegia = "cabina-di-regia",
        Coordinator = "coordinator",
        Referent = "referent",
    }
}

impl RoleKind {
    /// Whether the role belongs to one community rather than the whole platform.
    pub fn is_per_community(self) -> bool {
        matches!(self, Self::Coordinator | Self::Referent)
    }

    /// The role's name in the interface language.
    pub fn label(self) -> &'static str {
        let t = texts();
        match self {
            Self::Admin => t.role_admin,
            Self::Cner => t.role_cner,
            Self::CabinaDiRegia => t.role_cabina,
            Self::Coordinator => t.role_coordinator,
            Self::Referent => t.role_referent,
        }
    }
}

/// A role held by a person: platform-wide, or in one community.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Role {
    pub kind: RoleKind,
    pub community: Option<CommunitySlug>,
}

impl Role {
    /// A role of the whole platform (admin, member of a validating body).
    pub fn global(kind: RoleKind) -> Self {
        Self {
            kind,
            community: None,
        }
    }

    /// A role in `community` (coordinator, referent).
    pub fn in_community(kind: RoleKind, community: CommunitySlug) -> Self {
        Self {
            kind,
            community: Some(community),
        }
    }

    /// Whether the kind and the presence of a community agree.
    pub fn is_well_formed(&self) -> bool {
        self.kind.is_per_community() == self.community.is_some()
    }
}

/// The signed-in person: who they are, which roles they hold and which communities they joined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub person_id: PersonId,
    pub first_name: String,
    pub roles: Vec<Role>,
    pub communities: Vec<CommunitySlug>,
}

impl Viewer {
    /// Whether the person holds the platform-wide role `kind`.
    pub fn has(&self, kind: RoleKind) -> bool {
        self.roles
            .iter()
            .any(|role| role.kind == kind && role.community.is_none())
    }

    /// Whether the person sits on a validating body (the CNER table, the Cabina di Regia).
    pub fn validates(&self) -> bool {
        self.has(RoleKind::Cner) || self.has(RoleKind::CabinaDiRegia)
    }

    /// Whether the person is a member of `community`.
    pub fn belongs_to(&self, community: &CommunitySlug) -> bool {
        self.communities.contains(community)
    }

    /// Whether the person coordinates or is a referent of `community`.
    pub fn leads(&self, community: &CommunitySlug) -> bool {
        self.roles
            .iter()
            .any(|role| role.kind.is_per_community() && role.community.as_ref() == Some(community))
    }
}

/// A person holding a role, as the admin page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleHolder {
    pub person_id: PersonId,
    pub name: String,
    pub email: String,
    pub role: Role,
}
