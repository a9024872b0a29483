//! The preferences as the form on `/profilo` sends them, and what they must satisfy.

use serde::{Deserialize, Serialize};

use super::preferences::{DigestFrequency, KindChoice, Preferences};
use super::{Kind, MailMode};
use crate::domain::community::CommunitySlug;
use crate::domain::validation::{Problem, Rejection};

/// The fields of the preferences form under their Italian names. Absent fields are empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NotificationForm {
    /// The kinds shown under the bell.
    pub sito: Vec<String>,
    /// One `<kind>:<mode>` per kind: how it comes by email.
    pub email: Vec<String>,
    /// The communities silenced.
    pub silenziate: Vec<String>,
    pub riepilogo: String,
}

/// What the page shows: the person's preferences and every community, slug and name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationSettings {
    pub preferences: Preferences,
    pub communities: Vec<(String, String)>,
}

impl NotificationForm {
    /// The preferences it says, with `known` the communities there are. A kind without its
    /// email choice keeps the default.
    pub fn check(&self, known: &[CommunitySlug]) -> Result<Preferences, Rejection> {
        let mut rejection = Rejection::default();
        let mut kinds: Vec<KindChoice> = Kind::ALL
            .iter()
            .map(|&k| KindChoice::default_for(k))
            .collect();
        for choice in &mut kinds {
            choice.in_app = self.sito.iter().any(|code| code == choice.kind.code());
        }
        for typed in &self.email {
            let parsed = typed
                .split_once(':')
                .and_then(|(kind, mode)| Some((Kind::parse(kind)?, MailMode::parse(mode)?)));
            match parsed {
                Some((kind, mode)) => {
                    if let Some(choice) = kinds.iter_mut().find(|c| c.kind == kind) {
                        choice.mail = mode;
                    }
                }
                None => rejection.add("email", Problem::UnknownChoice),
            }
        }
        if self.sito.iter().any(|code| Kind::parse(code).is_none()) {
            rejection.add("sito", Problem::UnknownChoice);
        }
        let mut muted = Vec::new();
        for typed in &self.silenziate {
            match CommunitySlug::parse(typed)
                .ok()
                .filter(|c| known.contains(c))
            {
                Some(community) if !muted.contains(&community) => muted.push(community),
                Some(_) => {}
                None => rejection.add("silenziate", Problem::UnknownCommunity),
            }
        }
        let digest = DigestFrequency::parse(&self.riepilogo);
        if digest.is_none() {
            rejection.add("riepilogo", Problem::UnknownChoice);
        }
        match digest {
            Some(digest) if rejection.is_empty() => Ok(Preferences {
                kinds,
                muted,
                digest,
            }),
            // Only a forged request gets here: the form offers nothing else.
            _ => Err(rejection),
        }
    }
}
