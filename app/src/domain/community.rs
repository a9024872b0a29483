//! The thematic communities and their declaratoria.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::search::folded_contains;

/// A community's URL slug: lowercase ASCII letters and digits in hyphen-separated words.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CommunitySlug(String);

/// Why a text is not a valid community slug.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid community slug")]
pub struct InvalidSlug;

impl CommunitySlug {
    /// Longest slug accepted.
    pub const MAX_LEN: usize = 64;

    /// Parses a slug, refusing empty, overlong, uppercase, non-ASCII and doubled hyphens.
    pub fn parse(text: &str) -> Result<Self, InvalidSlug> {
        let words_ok = text.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        if text.len() <= Self::MAX_LEN && words_ok {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidSlug)
        }
    }

    /// The slug as it appears in URLs.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CommunitySlug {
    type Error = InvalidSlug;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<CommunitySlug> for String {
    fn from(slug: CommunitySlug) -> Self {
        slug.0
    }
}

impl fmt::Display for CommunitySlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The people of a community page: its leaders, and the viewer's relation to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommunityRoster {
    /// Coordinators and referents with their full names.
    pub leaders: Vec<(super::role::RoleKind, String)>,
    pub signed_in: bool,
    pub is_member: bool,
    /// Whether the viewer may download the community's signups.
    pub can_export: bool,
}

/// What lists and cards show of a community.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommunitySummary {
    pub slug: CommunitySlug,
    pub name: String,
    /// One sentence on what the community is about.
    pub summary: String,
    pub member_count: i64,
}

impl CommunitySummary {
    /// The path of the community's page.
    pub fn href(&self) -> String {
        format!("/comunita/{}", self.slug)
    }

    /// Whether the community's name or summary contains `query`, ignoring case and accents.
    pub fn matches(&self, query: &str) -> bool {
        folded_contains(&self.name, query) || folded_contains(&self.summary, query)
    }
}

/// The declaratoria: what a community works on, why, and who should join.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Declaratoria {
    pub themes: Vec<String>,
    pub mission: String,
    pub objectives: Vec<String>,
    pub audience: String,
}

/// A community as its own page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Community {
    pub summary: CommunitySummary,
    pub declaratoria: Declaratoria,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_ten_community_slugs() {
        for slug in ["internet-of-things", "dati", "cybersecurity-e-cloud", "o1"] {
            assert_eq!(CommunitySlug::parse(slug).unwrap().as_str(), slug);
        }
    }

    #[test]
    fn refuses_malformed_slugs() {
        let too_long = "a".repeat(CommunitySlug::MAX_LEN + 1);
        for slug in [
            "", "-", "dati-", "-dati", "da--ti", "Dati", "città", "da ti", "<script>", "'; DROP",
            &too_long,
        ] {
            assert_eq!(CommunitySlug::parse(slug), Err(InvalidSlug), "{slug:?}");
        }
    }

    #[test]
    fn deserialising_validates() {
        assert!(serde_json::from_str::<CommunitySlug>("\"dati\"").is_ok());
        assert!(serde_json::from_str::<CommunitySlug>("\"../etc\"").is_err());
    }

    #[test]
    fn matches_name_or_summary_without_case_or_accents() {
        let community = CommunitySummary {
            slug: CommunitySlug::parse("cittadini").unwrap(),
            name: "Cittadini".into(),
            summary: "Servizi digitali più semplici per le persone".into(),
            member_count: 0,
        };
        assert!(community.matches("CITTA"));
        assert!(community.matches("piu sempl"));
        assert!(community.matches(""));
        assert!(!community.matches("cloud"));
        assert_eq!(community.href(), "/comunita/cittadini");
    }
}
