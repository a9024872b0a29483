//! People: who they are, their email and password rules, and what their profile shows.

use serde::{Deserialize, Serialize};

use super::community::CommunitySlug;
use super::validation::Problem;

/// Longest first or last name accepted.
pub const NAME_MAX: usize = 80;
/// Longest job title accepted.
pub const JOB_TITLE_MAX: usize = 120;
/// Longest body name accepted.
pub const ENTE_NAME_MAX: usize = 160;
/// The version of the privacy notice the signup form shows.
pub const PRIVACY_VERSION: &str = "2024-04";

/// The first and last name an erased account keeps, and every page shows for what it wrote.
pub const ERASED_NAME: [&str; 2] = ["Persona", "cancellata"];

/// A person's opaque, random identifier.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PersonId(pub String);

/// A work email address, trimmed and lower-cased so that one address is one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// Longest address accepted (RFC 5321).
    pub const MAX_LEN: usize = 254;

    /// Parses an address: one `@`, a local part, a dotted domain, no spaces or control characters.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let text = text.trim().to_lowercase();
        if text.is_empty() {
            return Err(Problem::Required);
        }
        if text.chars().count() > Self::MAX_LEN {
            return Err(Problem::TooLong { max: Self::MAX_LEN });
        }
        let Some((local, domain)) = text.split_once('@') else {
            return Err(Problem::InvalidEmail);
        };
        let domain_ok = domain.split('.').count() >= 2
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        if domain_ok && local_ok {
            Ok(Self(text))
        } else {
            Err(Problem::InvalidEmail)
        }
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password as typed: 12 to 256 characters, not a well-known one. No composition rules.
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(hidden)")
    }
}

const COMMON_PASSWORDS: &str = include_str!("../../data/common-passwords.txt");

impl Password {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 256;

    /// Accepts any password of a sensible length that is not common, nor the person's own
    /// `words` (their email and names; compared in lower case, ignoring spaces and punctuation).
    pub fn parse(text: &str, words: &[&str]) -> Result<Self, Problem> {
        let chars = text.chars().count();
        if chars == 0 {
            return Err(Problem::Required);
        }
        if chars < Self::MIN_CHARS {
            return Err(Problem::TooShort {
                min: Self::MIN_CHARS,
            });
        }
        if chars > Self::MAX_CHARS {
            return Err(Problem::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        let lowered = text.to_lowercase();
        let single_character = text.chars().all(|c| text.starts_with(c));
        let is_common = COMMON_PASSWORDS.lines().any(|common| common == lowered);
        if single_character || is_common || is_own(text, words) {
            return Err(Problem::CommonPassword);
        }
        Ok(Self(text.to_owned()))
    }

    /// The password itself, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Whether `password` is one of the person's own `words`: an email, its local part, a name, or
/// the names together in either order.
fn is_own(password: &str, words: &[&str]) -> bool {
    let letters = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let typed = letters(password);
    let mut own: Vec<String> = words.iter().map(|word| letters(word)).collect();
    own.extend(
        words
            .iter()
            .filter_map(|word| word.split_once('@'))
            .map(|(local, _)| letters(local)),
    );
    let names: Vec<&String> = own.iter().filter(|word| !word.is_empty()).collect();
    let joined = names
        .iter()
        .flat_map(|a| names.iter().map(move |b| format!("{a}{b}")));
    let joined: Vec<String> = joined.collect();
    own.iter().chain(&joined).any(|word| *word == typed)
}

/// What the profile shows of a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: PersonId,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub job_title: String,
    pub ente_name: Option<String>,
    pub ente_pending: bool,
    pub has_password: bool,
    pub communities: Vec<CommunitySlug>,
    pub roles: Vec<super::role::Role>,
}

impl Profile {
    /// "First Last", as shown in greetings and lists.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for good in [
            "a@b.it",
            "nome.cognome+comtem@regione.emilia-romagna.it",
            "nicolò@comune.it",
        ] {
            assert!(Email::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "a@b",
            "@b.it",
            "a b@c.it",
            "a@@b.it",
            "a@b..it",
            "<script>@x.it",
            "a@-b.it",
            ".a@b.it",
        ] {
            assert_eq!(Email::parse(bad), Err(Problem::InvalidEmail), "{bad}");
        }
        assert_eq!(Email::parse("   "), Err(Problem::Required));
    }

    #[test]
    fn passwords_need_length_not_composition() {
        let own = ["mario.rossi@comune.it", "Mario", "Rossi"];
        assert!(Password::parse("correct horse battery", &[]).is_ok());
        assert!(Password::parse("Mario Rossi ama il mare", &own).is_ok());
        let long: String = "parola ü ".chars().cycle().take(256).collect();
        assert!(Password::parse(&long, &[]).is_ok());
        assert_eq!(
            Password::parse(&format!("{long}x"), &[]).err(),
            Some(Problem::TooLong { max: 256 })
        );
        assert_eq!(
            Password::parse("elevenchars", &[]).err(),
            Some(Problem::TooShort { min: 12 })
        );
        for common in [
            "Password1234",
            "123456789012",
            "aaaaaaaaaaaaa",
            "MARIO.ROSSI@comune.it",
            "mario.rossi.comune.it",
            "Rossi, Mario!!",
            "qwerty123456",
        ] {
            assert_eq!(
                Password::parse(common, &own).err(),
                Some(Problem::CommonPassword),
                "{common}"
            );
        }
    }
}
