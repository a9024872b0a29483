//! What a person wants to be told, and how: per kind, in the application and by email, the
//! communities they silenced, and how often the digest comes.

use serde::{Deserialize, Serialize};

use super::{Kind, MailMode};
use crate::domain::community::CommunitySlug;

code_enum! {
    /// How often the digest comes, at 07:00 Italian time (the weekly one on Mondays).
    DigestFrequency {
        Off = "no",
        Daily = "giornaliero",
        Weekly = "settimanale",
    }
}

/// What a person chose for one kind of notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindChoice {
    pub kind: Kind,
    pub in_app: bool,
    pub mail: MailMode,
}

impl KindChoice {
    /// The default: everything in the application; mentions and deadlines by email at once,
    /// the rest in the digest.
    pub fn default_for(kind: Kind) -> Self {
        let mail = match kind {
            Kind::Mention | Kind::Deadline => MailMode::Now,
            _ => MailMode::Digest,
        };
        Self {
            kind,
            in_app: true,
            mail,
        }
    }
}

/// A person's preferences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    /// One choice per kind, in the order of [`Kind::ALL`].
    pub kinds: Vec<KindChoice>,
    /// Communities whose notifications the person does not want (mentions still arrive).
    pub muted: Vec<CommunitySlug>,
    pub digest: DigestFrequency,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            kinds: Kind::ALL
                .iter()
                .map(|&k| KindChoice::default_for(k))
                .collect(),
            muted: Vec::new(),
            digest: DigestFrequency::Weekly,
        }
    }
}

/// How one notification reaches a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delivery {
    pub in_app: bool,
    pub mail: MailMode,
}

impl Preferences {
    /// The choice for `kind`.
    pub fn choice(&self, kind: Kind) -> KindChoice {
        self.kinds
            .iter()
            .copied()
            .find(|choice| choice.kind == kind)
            .unwrap_or_else(|| KindChoice::default_for(kind))
    }

    /// How a notification of `kind` about `community` reaches the person; `None` when it
    /// does not reach them at all.
    pub fn delivery(&self, kind: Kind, community: Option<&CommunitySlug>) -> Option<Delivery> {
        let silenced = community.is_some_and(|c| self.muted.contains(c));
        if silenced && kind != Kind::Mention {
            return None;
        }
        let choice = self.choice(kind);
        let mail = match choice.mail {
            MailMode::Digest if self.digest == DigestFrequency::Off => MailMode::Off,
            mail => mail,
        };
        (choice.in_app || mail != MailMode::Off).then_some(Delivery {
            in_app: choice.in_app,
            mail,
        })
    }
}
