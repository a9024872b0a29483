//! The signup form: what a person types, checked field by field with the same rules in the
//! browser and on the server.

use serde::{Deserialize, Serialize};

use super::community::CommunitySlug;
use super::ente::{EnteKind, Province};
use super::person::{ENTE_NAME_MAX, Email, JOB_TITLE_MAX, NAME_MAX, Password};
use super::validation::{Problem, Rejection, line};

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
            typed => {
                let own = [self.email.trim(), &self.nome, &self.cognome];
                rejection.check("password", Password::parse(typed, &own).map(Some))
            }
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

#[cfg(test)]
mod props;

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
