//! The communities' meetings: who they are for, when and where, their agenda, materials and
//! minutes, and who will attend.

pub mod form;
pub mod material;

use serde::{Deserialize, Serialize};

use super::community::CommunitySlug;
use super::italian_time::{ItalianTime, civil};
use super::photo::Photo;
use super::role::Viewer;

code_enum! {
    /// Whom a meeting is for.
    AudienceKind {
        Everyone = "tutti",
        Communities = "comunita",
        Leads = "coordinatori",
    }
}

/// Whom a meeting is for: everyone (the region's meetings, such as the presentation of the
/// model), one or more communities, or the community of coordinators and referents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    Everyone,
    Communities(Vec<CommunitySlug>),
    Leads,
}

impl Audience {
    /// Its kind, as stored and as the form's choice.
    pub fn kind(&self) -> AudienceKind {
        match self {
            Self::Everyone => AudienceKind::Everyone,
            Self::Communities(_) => AudienceKind::Communities,
            Self::Leads => AudienceKind::Leads,
        }
    }

    /// The communities it names (none for everyone and for the coordinators and referents).
    pub fn communities(&self) -> &[CommunitySlug] {
        match self {
            Self::Communities(communities) => communities,
            _ => &[],
        }
    }

    /// Whether `viewer` may organise a meeting for this audience: regional staff always, the
    /// coordinators and referents of every community named, and for the coordinators' and
    /// referents' community any of them.
    pub fn organised_by(&self, viewer: &Viewer) -> bool {
        match self {
            Self::Everyone => false,
            Self::Communities(communities) => {
                !communities.is_empty() && communities.iter().all(|c| viewer.leads(c))
            }
            Self::Leads => viewer.roles.iter().any(|r| r.kind.is_per_community()),
        }
    }

    /// Whether it concerns `community`'s plan: it is for everyone, for the coordinators and
    /// referents (who lead every community), or names the community.
    pub fn concerns(&self, community: &CommunitySlug) -> bool {
        match self {
            Self::Communities(communities) => communities.contains(community),
            Self::Everyone | Self::Leads => true,
        }
    }

    /// Whether `viewer` is among the people it is for (and so may say they will attend).
    pub fn includes(&self, viewer: &Viewer) -> bool {
        match self {
            Self::Everyone => true,
            Self::Communities(communities) => communities
                .iter()
                .any(|c| viewer.belongs_to(c) || viewer.leads(c)),
            Self::Leads => viewer.roles.iter().any(|r| r.kind.is_per_community()),
        }
    }
}

/// A meeting as pages and calendars show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: i64,
    pub title: String,
    pub audience: Audience,
    /// Unix seconds.
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub address: String,
    pub online_url: String,
    pub agenda: String,
    pub minutes: String,
    /// 0, then one more at every change (the calendars' `SEQUENCE`).
    pub revision: i64,
    pub updated_at: String,
    pub materials: Vec<Material>,
    /// How many said they will attend.
    pub attending: i64,
}

impl Meeting {
    /// Its page.
    pub fn href(&self) -> String {
        format!("/incontri/{}", self.id)
    }

    /// When it happens, in words: `sabato 24 ottobre 2026, 10:00–12:30`, or with both days
    /// when it ends on another day.
    pub fn when(&self) -> String {
        let (starts, ends) = (
            ItalianTime::at(self.starts_at),
            ItalianTime::at(self.ends_at),
        );
        if starts.day() == ends.day() {
            format!("{}, {}–{}", long_day(starts), starts.clock(), ends.clock())
        } else {
            format!(
                "{}, {} – {}, {}",
                long_day(starts),
                starts.clock(),
                long_day(ends),
                ends.clock()
            )
        }
    }

    /// Whether it has ended at `now` (Unix seconds).
    pub fn is_past(&self, now: i64) -> bool {
        self.ends_at <= now
    }
}

/// A PDF attached to a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub number: i64,
    pub title: String,
    pub size: i64,
}

impl Material {
    /// Where it is downloaded from.
    pub fn href(&self, meeting: i64) -> String {
        format!("/incontri/{meeting}/materiali/{}.pdf", self.number)
    }
}

/// Someone who said they will attend, as the organisers see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub name: String,
    pub ente: String,
}

/// `/incontri/{id}`: a meeting and what the viewer may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPage {
    pub meeting: Meeting,
    /// Every community's slug and name.
    pub names: Vec<(String, String)>,
    pub now: i64,
    pub signed_in: bool,
    pub can_organise: bool,
    pub can_attend: bool,
    pub attends: bool,
    /// Who will attend: for the organisers only.
    pub attendees: Option<Vec<Attendee>>,
    /// Its published photos.
    pub photos: Vec<Photo>,
}

/// `/incontri`: the meetings to come and those past, and what the viewer may do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingsPage {
    pub upcoming: Vec<Meeting>,
    pub past: Vec<Meeting>,
    pub now: i64,
    pub can_organise: bool,
    /// The full address of the viewer's own calendar, once they asked for one.
    pub personal_feed: Option<String>,
    pub signed_in: bool,
    /// Every community's slug and name, to name the communities a meeting is for.
    pub names: Vec<(String, String)>,
}

/// The names of the communities `audience` is for, joined, from `names` (slug, name).
pub fn audience_label(audience: &Audience, names: &[(String, String)]) -> String {
    let t = crate::i18n::meeting_texts();
    match audience {
        Audience::Everyone => t.everyone.to_owned(),
        Audience::Leads => t.leads.to_owned(),
        Audience::Communities(slugs) => {
            let named: Vec<&str> = slugs
                .iter()
                .map(|slug| {
                    names
                        .iter()
                        .find(|(s, _)| s == slug.as_str())
                        .map_or(slug.as_str(), |(_, name)| name.as_str())
                })
                .collect();
            (t.for_communities)(&named.join(", "))
        }
    }
}

/// The meeting form: the meeting changed (none for a new one), and the audiences and
/// communities the viewer may organise for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingFormPage {
    pub meeting: Option<Meeting>,
    pub audiences: Vec<AudienceKind>,
    /// Slug and name of the communities the viewer may choose.
    pub communities: Vec<(String, String)>,
}

/// A day in words: `sabato 24 ottobre 2026`.
pub fn long_day(at: ItalianTime) -> String {
    let (year, month, day) = at.date();
    let weekday = crate::i18n::meeting_texts().weekdays[at.weekday()];
    let month = crate::i18n::texts().months[(month - 1) as usize];
    format!("{weekday} {day} {month} {year}")
}

/// An instant for a `datetime` attribute: `YYYY-MM-DDTHH:MM:SSZ`.
pub fn machine_time(unix: i64) -> String {
    let (year, month, day) = civil(unix.div_euclid(86_400));
    let seconds = unix.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

/// The path of a personal calendar with `token`.
pub fn personal_feed_path(token: &str) -> String {
    format!("/calendario/personale/{token}/comtem.ics")
}

#[cfg(test)]
mod tests;
