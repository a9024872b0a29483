//! A news post as typed in its form, and what it must satisfy.

use serde::{Deserialize, Serialize};

use crate::domain::community::CommunitySlug;
use crate::domain::plan::check::{CONTEXT_MAX, text};
use crate::domain::validation::{Problem, Rejection};

/// Longest title, in characters.
pub const TITLE_MAX: usize = 200;
/// Longest summary, in characters.
pub const SUMMARY_MAX: usize = 600;

/// The fields of the news form under their Italian names. Absent fields are empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewsForm {
    #[serde(rename = "titolo")]
    pub title: String,
    #[serde(rename = "sommario")]
    pub summary: String,
    #[serde(rename = "testo")]
    pub body: String,
    #[serde(rename = "comunita")]
    pub communities: Vec<String>,
    #[serde(rename = "incontri")]
    pub meetings: Vec<String>,
    /// `pubblicata` to publish, anything else keeps it a draft.
    #[serde(rename = "stato")]
    pub state: String,
}

/// A post that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewsDraft {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub communities: Vec<CommunitySlug>,
    pub meetings: Vec<i64>,
    pub publish: bool,
}

impl NewsForm {
    /// Checks every field at once against the `known` communities and meetings; the refusal
    /// keeps what was typed.
    pub fn check(&self, known: &[CommunitySlug], meetings: &[i64]) -> Result<NewsDraft, Rejection> {
        let mut rejection = Rejection::default();
        text(&mut rejection, "titolo", &self.title, TITLE_MAX, true);
        text(&mut rejection, "sommario", &self.summary, SUMMARY_MAX, true);
        text(&mut rejection, "testo", &self.body, CONTEXT_MAX, true);
        let mut communities: Vec<CommunitySlug> = Vec::new();
        for slug in &self.communities {
            match known.iter().find(|c| c.as_str() == slug) {
                Some(c) if !communities.contains(c) => communities.push(c.clone()),
                Some(_) => {}
                None => {
                    rejection.add("comunita", Problem::UnknownCommunity);
                    break;
                }
            }
        }
        let mut linked: Vec<i64> = Vec::new();
        for typed in &self.meetings {
            match typed.parse::<i64>().ok().filter(|id| meetings.contains(id)) {
                Some(id) if !linked.contains(&id) => linked.push(id),
                Some(_) => {}
                None => {
                    rejection.add("incontri", Problem::UnknownChoice);
                    break;
                }
            }
        }
        let publish = match self.state.as_str() {
            "pubblicata" => true,
            "bozza" => false,
            _ => {
                rejection.add("stato", Problem::UnknownChoice);
                false
            }
        };
        if !rejection.is_empty() {
            for (field, value) in [
                ("titolo", &self.title),
                ("sommario", &self.summary),
                ("testo", &self.body),
                ("stato", &self.state),
            ] {
                rejection.keep(field, value);
            }
            for (field, values) in [
                ("comunita", &self.communities),
                ("incontri", &self.meetings),
            ] {
                for value in values.iter().take(50) {
                    rejection.keep(field, value);
                }
            }
            return Err(rejection);
        }
        Ok(NewsDraft {
            title: self.title.trim().to_owned(),
            summary: self.summary.trim().to_owned(),
            body: self.body.trim().to_owned(),
            communities,
            meetings: linked,
            publish,
        })
    }
}
