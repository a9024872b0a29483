//! People who sign up, what they type at signup, and the rules their details follow.

use serde::{Deserialize, Serialize};

use super::community::CommunitySlug;
use super::ente::{EnteKind, Province};
use super::validation::{Problem, Rejection, line};

/// Longest first or last name accepted.
pub const NAME_MAX: usize = 80;
/// Longest job title accepted.
pub const JOB_TITLE_MAX: usize = 120;
/// Longest body name accepted.
pub const ENTE_NAME_MAX: usize = 160;
/// The version of the privacy notice the signup form shows.
pub const PRIVACY_VERSION: &str = "2024-04";

/// A person's opaque, random identifier.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

    /// Accepts any password of a sensible length that is not common or the person's email.
    pub fn parse(text: &str, email: Option<&Email>) -> Result<Self, Problem> {
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
        let is_email = email.is_some_and(|email| lowered == email.as_str());
        let is_common = COMMON_PASSWORDS.lines().any(|common| common == lowered);
        if single_character || is_email || is_common {
            return Err(Problem::CommonPassword);
        }
        Ok(Self(text.to_owned()))
    }

    /// The password itself, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A body the person could not find in the registry and names at signup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedEnte {
    pub name: String,
    pub kind: EnteKind,
    pub province: Option<Province>,
}

/// How the person identified their body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EnteChoice {
    /// A registered body, by code, or by a name still to be looked up.
    Registered { code: String, name: String },
    /// "My body is not listed".
    Proposed(ProposedEnte),
}

/// The signup form as submitted, field by field, before validation. Absent fields are empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    pub nome: String,
    pub cognome: String,
    pub email: String,
    /// The chosen body's code (set by the type-ahead or a suggestion), or empty.
    pub ente: String,
    /// The body's name as typed.
    pub ente_nome: String,
    /// Present when the person says their body is not listed.
    pub ente_nuovo: Option<String>,
    pub ente_tipo: String,
    pub ente_provincia: String,
    pub ruolo: String,
    pub comunita: Vec<String>,
    pub password: String,
    pub privacy: Option<String>,
}

/// A signup whose every field is valid.
#[derive(Debug)]
pub struct Signup {
    pub first_name: String,
    pub last_name: String,
    pub email: Email,
    pub ente: EnteChoice,
    pub job_title: String,
    pub communities: Vec<CommunitySlug>,
    /// `None`: the person asked for a login link instead.
    pub password: Option<Password>,
}

impl SignupForm {
    /// Checks every field, returning all problems at once with what was typed.
    pub fn validate(&self) -> Result<Signup, Rejection> {
        let mut rejection = self.echo();
        let first_name = rejection.check("nome", line(&self.nome, NAME_MAX));
        let last_name = rejection.check("cognome", line(&self.cognome, NAME_MAX));
        let email = rejection.check("email", Email::parse(&self.email));
        let job_title = rejection.check("ruolo", line(&self.ruolo, JOB_TITLE_MAX));
        let ente = self.ente_choice(&mut rejection);
        let communities = rejection.check("comunita", parse_communities(&self.comunita));
        let password = match self.password.as_str() {
            "" => Some(None),
            typed => rejection.check("password", Password::parse(typed, email.as_ref()).map(Some)),
        };
        if self.privacy.is_none() {
            rejection.add("privacy", Problem::ConsentRequired);
        }
        match (
            first_name,
            last_name,
            email,
            job_title,
            ente,
            communities,
            password,
        ) {
            (
                Some(first_name),
                Some(last_name),
                Some(email),
                Some(job_title),
                Some(ente),
                Some(communities),
                Some(password),
            ) if rejection.is_empty() => Ok(Signup {
                first_name,
                last_name,
                email,
                ente,
                job_title,
                communities,
                password,
            }),
            _ => Err(rejection),
        }
    }

    /// A rejection that so far only remembers what was typed (never the password).
    pub fn echo(&self) -> Rejection {
        let mut rejection = Rejection::default();
        for (field, value) in [
            ("nome", &self.nome),
            ("cognome", &self.cognome),
            ("email", &self.email),
            ("ente", &self.ente),
            ("ente_nome", &self.ente_nome),
            ("ente_tipo", &self.ente_tipo),
            ("ente_provincia", &self.ente_provincia),
            ("ruolo", &self.ruolo),
        ] {
            rejection.keep(field, value);
        }
        if self.ente_nuovo.is_some() {
            rejection.keep("ente_nuovo", "on");
        }
        for slug in self.comunita.iter().take(20) {
            rejection.keep("comunita", slug);
        }
        rejection
    }

    fn ente_choice(&self, rejection: &mut Rejection) -> Option<EnteChoice> {
        if self.ente_nuovo.is_none() {
            let name = self.ente_nome.trim().to_owned();
            if self.ente.trim().is_empty() && name.is_empty() {
                rejection.add("ente_nome", Problem::Required);
                return None;
            }
            return Some(EnteChoice::Registered {
                code: self.ente.trim().to_owned(),
                name,
            });
        }
        let name = rejection.check("ente_nome", line(&self.ente_nome, ENTE_NAME_MAX));
        let kind = rejection.check(
            "ente_tipo",
            EnteKind::parse(&self.ente_tipo).ok_or(Problem::UnknownChoice),
        );
        let province = match self.ente_provincia.as_str() {
            "" => Some(None),
            code => rejection.check(
                "ente_provincia",
                Province::parse(code)
                    .map(Some)
                    .ok_or(Problem::UnknownChoice),
            ),
        };
        Some(EnteChoice::Proposed(ProposedEnte {
            name: name?,
            kind: kind?,
            province: province?,
        }))
    }
}

/// One or more known community slugs, without repetitions.
pub fn parse_communities(slugs: &[String]) -> Result<Vec<CommunitySlug>, Problem> {
    let mut communities = Vec::new();
    for slug in slugs {
        let slug = CommunitySlug::parse(slug).map_err(|_| Problem::UnknownCommunity)?;
        if !communities.contains(&slug) {
            communities.push(slug);
        }
    }
    if communities.is_empty() {
        Err(Problem::NoCommunity)
    } else {
        Ok(communities)
    }
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

    fn valid_form() -> SignupForm {
        SignupForm {
            nome: "Nicolò".into(),
            cognome: "D'Alì".into(),
            email: "  Nicolo.DAli@Comune.Bologna.IT ".into(),
            ente: "037006".into(),
            ente_nome: "Comune di Bologna".into(),
            ruolo: "Responsabile transizione digitale".into(),
            comunita: vec!["dati".into(), "documenti".into(), "dati".into()],
            password: "una frase lunga e mia".into(),
            privacy: Some("on".into()),
            ..SignupForm::default()
        }
    }

    #[test]
    fn a_valid_form_normalises_email_and_deduplicates_communities() {
        let signup = valid_form().validate().expect("valid");
        assert_eq!(signup.email.as_str(), "nicolo.dali@comune.bologna.it");
        assert_eq!(signup.communities.len(), 2);
        assert_eq!(signup.first_name, "Nicolò");
        assert!(signup.password.is_some());
    }

    #[test]
    fn every_problem_is_reported_at_once_with_what_was_typed() {
        let form = SignupForm {
            nome: "x".repeat(10_000),
            email: "not-an-email".into(),
            password: "short".into(),
            ..SignupForm::default()
        };
        let rejection = form.validate().expect_err("invalid");
        for (field, problem) in [
            ("nome", Problem::TooLong { max: NAME_MAX }),
            ("cognome", Problem::Required),
            ("email", Problem::InvalidEmail),
            ("ruolo", Problem::Required),
            ("ente_nome", Problem::Required),
            ("comunita", Problem::NoCommunity),
            ("password", Problem::TooShort { min: 12 }),
            ("privacy", Problem::ConsentRequired),
        ] {
            assert_eq!(rejection.problem(field), Some(&problem), "{field}");
        }
        assert_eq!(rejection.typed("email"), "not-an-email");
        assert_eq!(
            rejection.typed("password"),
            "",
            "passwords are never echoed"
        );
    }

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
        let email = Email::parse("mario.rossi@comune.it").ok();
        assert!(Password::parse("correct horse battery", None).is_ok());
        let long: String = "parola ü ".chars().cycle().take(256).collect();
        assert!(Password::parse(&long, None).is_ok());
        assert_eq!(
            Password::parse(&format!("{long}x"), None).err(),
            Some(Problem::TooLong { max: 256 })
        );
        assert_eq!(
            Password::parse("elevenchars", None).err(),
            Some(Problem::TooShort { min: 12 })
        );
        for common in [
            "Password1234",
            "123456789012",
            "aaaaaaaaaaaaa",
            "MARIO.ROSSI@comune.it",
        ] {
            assert_eq!(
                Password::parse(common, email.as_ref()).err(),
                Some(Problem::CommonPassword),
                "{common}"
            );
        }
    }

    #[test]
    fn an_unlisted_body_needs_a_name_and_a_kind() {
        let form = SignupForm {
            ente_nuovo: Some("on".into()),
            ente_nome: "Consorzio Nuovo".into(),
            ente_tipo: "nonsense".into(),
            ..valid_form()
        };
        let rejection = form.validate().expect_err("invalid kind");
        assert_eq!(
            rejection.problem("ente_tipo"),
            Some(&Problem::UnknownChoice)
        );
        let form = SignupForm {
            ente_tipo: "asp".into(),
            ente_provincia: "RA".into(),
            ..form
        };
        let signup = form.validate().expect("valid");
        assert!(matches!(
            signup.ente,
            EnteChoice::Proposed(ProposedEnte {
                province: Some(Province::Ravenna),
                ..
            })
        ));
    }
}
