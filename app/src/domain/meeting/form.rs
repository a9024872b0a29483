//! A meeting as typed in its form, and what it must satisfy.

use serde::{Deserialize, Serialize};

use super::{Audience, AudienceKind};
use crate::domain::community::CommunitySlug;
use crate::domain::italian_time::{WallClockProblem, from_wall_clock};
use crate::domain::plan::check::{CONTEXT_MAX, TEXT_MAX, text};
use crate::domain::validation::{Problem, Rejection};

/// Longest title, in characters.
pub const TITLE_MAX: usize = 200;
/// Longest place, address or link, in characters.
pub const LINE_MAX: usize = 500;
/// Longest meeting: a week, in seconds.
pub const LONGEST: i64 = 7 * 86_400;

/// The fields of the meeting form, as typed (times as `YYYY-MM-DDTHH:MM`, Italian time), under
/// their Italian form names. Absent fields are empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingForm {
    #[serde(rename = "titolo")]
    pub title: String,
    #[serde(rename = "destinatari")]
    pub audience: String,
    #[serde(rename = "comunita")]
    pub communities: Vec<String>,
    #[serde(rename = "inizio")]
    pub starts: String,
    #[serde(rename = "fine")]
    pub ends: String,
    #[serde(rename = "luogo")]
    pub place: String,
    #[serde(rename = "indirizzo")]
    pub address: String,
    #[serde(rename = "collegamento")]
    pub online_url: String,
    #[serde(rename = "ordine_del_giorno")]
    pub agenda: String,
    #[serde(rename = "verbale")]
    pub minutes: String,
}

/// A meeting that passed the checks, ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingDraft {
    pub title: String,
    pub audience: Audience,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub address: String,
    pub online_url: String,
    pub agenda: String,
    pub minutes: String,
}

impl MeetingForm {
    /// Checks every field at once against the `known` communities; the refusal keeps what was
    /// typed, so the form comes back as it was.
    pub fn check(&self, known: &[CommunitySlug]) -> Result<MeetingDraft, Rejection> {
        let mut rejection = Rejection::default();
        text(&mut rejection, "titolo", &self.title, TITLE_MAX, true);
        let audience = self.audience(known, &mut rejection);
        let starts_at = rejection.check("inizio", wall_clock(&self.starts));
        let ends_at = rejection.check("fine", wall_clock(&self.ends));
        if let (Some(starts), Some(ends)) = (starts_at, ends_at) {
            if ends <= starts {
                rejection.add("fine", Problem::EndBeforeStart);
            } else if ends - starts > LONGEST {
                rejection.add("fine", Problem::MeetingTooLong);
            }
        }
        text(&mut rejection, "luogo", &self.place, LINE_MAX, false);
        text(&mut rejection, "indirizzo", &self.address, LINE_MAX, false);
        let link = self.online_url.trim();
        if self.place.trim().is_empty() && link.is_empty() {
            rejection.add("luogo", Problem::PlaceOrLinkRequired);
        }
        if !link.is_empty() && !is_web_link(link) {
            rejection.add("collegamento", Problem::InvalidLink);
        }
        text(
            &mut rejection,
            "ordine_del_giorno",
            &self.agenda,
            TEXT_MAX,
            false,
        );
        text(&mut rejection, "verbale", &self.minutes, CONTEXT_MAX, false);
        match (audience, starts_at, ends_at) {
            (Some(audience), Some(starts_at), Some(ends_at)) if rejection.is_empty() => {
                Ok(MeetingDraft {
                    title: self.title.trim().to_owned(),
                    audience,
                    starts_at,
                    ends_at,
                    place: self.place.trim().to_owned(),
                    address: self.address.trim().to_owned(),
                    online_url: link.to_owned(),
                    agenda: self.agenda.trim().to_owned(),
                    minutes: self.minutes.trim().to_owned(),
                })
            }
            _ => Err(self.keep_typed(rejection)),
        }
    }

    fn audience(&self, known: &[CommunitySlug], rejection: &mut Rejection) -> Option<Audience> {
        match AudienceKind::parse(&self.audience) {
            Some(AudienceKind::Everyone) => Some(Audience::Everyone),
            Some(AudienceKind::Leads) => Some(Audience::Leads),
            Some(AudienceKind::Communities) => {
                let mut chosen: Vec<CommunitySlug> = Vec::new();
                for slug in &self.communities {
                    match known.iter().find(|c| c.as_str() == slug) {
                        Some(community) if !chosen.contains(community) => {
                            chosen.push(community.clone())
                        }
                        Some(_) => {}
                        None => {
                            rejection.add("comunita", Problem::UnknownCommunity);
                            return None;
                        }
                    }
                }
                if chosen.is_empty() {
                    rejection.add("comunita", Problem::NoCommunity);
                    return None;
                }
                Some(Audience::Communities(chosen))
            }
            None => {
                rejection.add("destinatari", Problem::UnknownChoice);
                None
            }
        }
    }

    fn keep_typed(&self, mut rejection: Rejection) -> Rejection {
        for (field, value) in [
            ("titolo", &self.title),
            ("destinatari", &self.audience),
            ("inizio", &self.starts),
            ("fine", &self.ends),
            ("luogo", &self.place),
            ("indirizzo", &self.address),
            ("collegamento", &self.online_url),
            ("ordine_del_giorno", &self.agenda),
            ("verbale", &self.minutes),
        ] {
            rejection.keep(field, value);
        }
        for slug in &self.communities {
            rejection.keep("comunita", slug);
        }
        rejection
    }
}

/// The instant of an Italian wall-clock time typed in a `datetime-local` field.
fn wall_clock(typed: &str) -> Result<i64, Problem> {
    if typed.trim().is_empty() {
        return Err(Problem::Required);
    }
    from_wall_clock(typed.trim()).map_err(|problem| match problem {
        WallClockProblem::Malformed => Problem::InvalidDateTime,
        WallClockProblem::Skipped => Problem::SkippedTime,
    })
}

/// Whether `link` is an `http` or `https` address with a host and no spaces or controls.
pub fn is_web_link(link: &str) -> bool {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty()
            && link.chars().count() <= LINE_MAX
            && !link.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}
