//! The calendars people subscribe to: meetings and the cycle's deadlines, all of them, one
//! community's, one person's (at a secret address), or one meeting to add.

pub mod ics;

use ics::{Event, When};

use super::clock::{end_of_italian_day, unix_now};
use super::db;
use super::meetings::concerns;
use super::plans;
use super::state::AppState;
use crate::domain::community::CommunitySlug;
use crate::domain::italian_time::ItalianTime;
use crate::domain::meeting::Meeting;
use crate::error::AppError;
use crate::i18n::meeting_texts;

/// Every meeting and the deadlines.
pub async fn everything(state: &AppState) -> Result<String, AppError> {
    let meetings = db::meetings::all(&state.db).await?;
    with_deadlines(state, meeting_texts().calendar_all, meetings.iter()).await
}

/// The meetings that concern the community `slug` (its own and those for everyone), and the
/// deadlines.
pub async fn community(state: &AppState, slug: &str) -> Result<String, AppError> {
    let slug = CommunitySlug::parse(slug).map_err(|_| AppError::NotFound)?;
    let community = db::communities::find(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let meetings = db::meetings::all(&state.db).await?;
    let name = (meeting_texts().calendar_of)(&community.summary.name);
    let theirs = meetings.iter().filter(|m| concerns(&m.audience, &slug));
    with_deadlines(state, &name, theirs).await
}

/// The meetings of the person whose calendar address carries `token` (those they are among the
/// people of), and the deadlines; not found for an unknown or renewed token.
pub async fn personal(state: &AppState, token: &str) -> Result<String, AppError> {
    let person = db::meetings::feeds::owner(&state.db, token)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = db::people::viewer(&state.db, &person)
        .await?
        .ok_or(AppError::NotFound)?;
    let meetings = db::meetings::all(&state.db).await?;
    let theirs = meetings.iter().filter(|m| m.audience.includes(&viewer));
    with_deadlines(state, meeting_texts().calendar_personal, theirs).await
}

/// Meeting `id` alone, to add to a calendar.
pub async fn meeting(state: &AppState, id: i64) -> Result<String, AppError> {
    let meeting = db::meetings::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let site = &state.settings.public_url;
    Ok(ics::calendar(
        &meeting.title,
        &[meeting_event(site, &meeting)],
    ))
}

async fn with_deadlines(
    state: &AppState,
    name: &str,
    meetings: impl Iterator<Item = &Meeting>,
) -> Result<String, AppError> {
    let site = &state.settings.public_url;
    let mut events: Vec<Event> = meetings.map(|m| meeting_event(site, m)).collect();
    events.extend(deadlines(state).await?);
    Ok(ics::calendar(name, &events))
}

/// The deadlines of the latest cycle, as whole-day events.
async fn deadlines(state: &AppState) -> Result<Vec<Event>, AppError> {
    let cycle = match plans::cycle(state, None).await {
        Ok(cycle) => cycle,
        Err(AppError::NotFound) => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let site = &state.settings.public_url;
    let now = unix_now();
    Ok(cycle
        .deadlines
        .iter()
        .filter_map(|deadline| {
            let next = ItalianTime::at(end_of_italian_day(&deadline.day)?).day();
            Some(Event {
                uid: format!(
                    "scadenza-{}-{}@{}",
                    cycle.year,
                    deadline.phase.code(),
                    host(site)
                ),
                stamp: now,
                sequence: 0,
                when: When::Day(deadline.day.clone(), next),
                summary: (meeting_texts().deadline)(deadline.phase.label(), cycle.year),
                location: String::new(),
                description: deadline.phase.description().to_owned(),
                url: format!("{site}/calendario"),
                busy: false,
            })
        })
        .collect())
}

fn meeting_event(site: &str, meeting: &Meeting) -> Event {
    let url = format!("{site}{}", meeting.href());
    let place: Vec<&str> = [meeting.place.as_str(), meeting.address.as_str()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect();
    let location = match place.is_empty() {
        true => meeting.online_url.clone(),
        false => place.join(", "),
    };
    let t = meeting_texts();
    let mut description = meeting.agenda.clone();
    for (label, value) in [(t.join_online, &meeting.online_url), (t.page_link, &url)] {
        if !value.is_empty() {
            description.push_str(&format!("\n\n{label}: {value}"));
        }
    }
    Event {
        uid: format!("incontro-{}@{}", meeting.id, host(site)),
        stamp: super::clock::unix_of(&meeting.updated_at).unwrap_or_default(),
        sequence: meeting.revision,
        when: When::Span(meeting.starts_at, meeting.ends_at),
        summary: meeting.title.clone(),
        location,
        description: description.trim().to_owned(),
        url,
        busy: true,
    }
}

/// The host name of the site's address, for the events' identifiers.
fn host(site: &str) -> &str {
    let rest = site.split_once("://").map_or(site, |(_, rest)| rest);
    rest.split(['/', ':']).next().unwrap_or(rest)
}
