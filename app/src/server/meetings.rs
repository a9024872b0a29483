//! The meetings: listing, organising, attending, and people's own calendar addresses.

pub mod materials;

use super::auth::{authorize, sessions};
use super::clock::{rfc3339_now, unix_now};
use super::db;
use super::db::notifications::Event;
use super::notifications::{audience, notify_or_log, scope};
use super::state::AppState;
use super::tokens::secret_token;
use crate::domain::community::CommunitySlug;
use crate::domain::meeting::form::MeetingForm;
use crate::domain::meeting::{
    Audience, AudienceKind, Meeting, MeetingFormPage, MeetingPage, MeetingsPage, personal_feed_path,
};
use crate::domain::notification::Kind;
use crate::domain::policy::{Action, allows};
use crate::domain::role::Viewer;
use crate::domain::validation::Problem;
use crate::error::AppError;

/// `/incontri` (or a community's meetings, with the ones for everyone): those to come, the
/// soonest first, and those past, the latest first.
#[tracing::instrument(skip_all, fields(community = community))]
pub async fn list(state: &AppState, community: Option<&str>) -> Result<MeetingsPage, AppError> {
    let viewer = sessions::current(state).await?;
    let community = match community {
        Some(slug) => Some(known_community(state, slug).await?),
        None => None,
    };
    let now = unix_now();
    let meetings = db::meetings::all(&state.db).await?;
    let (mut past, upcoming): (Vec<Meeting>, Vec<Meeting>) = meetings
        .into_iter()
        .filter(|m| community.as_ref().is_none_or(|c| concerns(&m.audience, c)))
        .partition(|m| m.is_past(now));
    past.reverse();
    let personal_feed = match &viewer {
        Some(viewer) => db::meetings::feeds::token(&state.db, &viewer.person_id)
            .await?
            .map(|token| {
                format!(
                    "{}{}",
                    state.settings.public_url,
                    personal_feed_path(&token)
                )
            }),
        None => None,
    };
    Ok(MeetingsPage {
        upcoming,
        past,
        now,
        can_organise: organises_any(viewer.as_ref()),
        personal_feed,
        signed_in: viewer.is_some(),
        names: community_names(state).await?,
    })
}

/// `/incontri/{id}`, with the attendees for its organisers.
#[tracing::instrument(skip_all, fields(meeting = id))]
pub async fn page(state: &AppState, id: i64) -> Result<MeetingPage, AppError> {
    let meeting = db::meetings::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = sessions::current(state).await?;
    let organise = Action::OrganiseMeeting(meeting.audience.clone());
    let can_organise = allows(viewer.as_ref(), &organise);
    let can_attend = allows(
        viewer.as_ref(),
        &Action::AttendMeeting(meeting.audience.clone()),
    );
    let attends = match &viewer {
        Some(viewer) => db::meetings::attends(&state.db, id, &viewer.person_id).await?,
        None => false,
    };
    let attendees = match can_organise {
        true => Some(db::meetings::attendees(&state.db, id).await?),
        false => None,
    };
    let mut photos = db::photos::of_meeting(&state.db, id).await?;
    photos.retain(|photo| photo.is_described());
    Ok(MeetingPage {
        meeting,
        photos,
        names: community_names(state).await?,
        now: unix_now(),
        signed_in: viewer.is_some(),
        can_organise,
        can_attend,
        attends,
        attendees,
    })
}

/// The form for a new meeting (`id` `None`) or for changing meeting `id`: the audiences and
/// communities the viewer may organise for.
#[tracing::instrument(skip_all, fields(meeting = id))]
pub async fn form_page(state: &AppState, id: Option<i64>) -> Result<MeetingFormPage, AppError> {
    let meeting = match id {
        Some(id) => {
            let meeting = db::meetings::find(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)?;
            authorize(state, &Action::OrganiseMeeting(meeting.audience.clone())).await?;
            Some(meeting)
        }
        None => None,
    };
    let viewer = sessions::current(state)
        .await?
        .ok_or(AppError::LoginRequired)?;
    if !organises_any(Some(&viewer)) {
        return Err(AppError::Forbidden);
    }
    let communities = db::communities::list(&state.db).await?;
    let communities: Vec<(String, String)> = communities
        .into_iter()
        .filter(|c| {
            let just_this = Audience::Communities(vec![c.slug.clone()]);
            allows(Some(&viewer), &Action::OrganiseMeeting(just_this))
        })
        .map(|c| (c.slug.to_string(), c.name))
        .collect();
    let audiences = AudienceKind::ALL
        .iter()
        .copied()
        .filter(|kind| match kind {
            AudienceKind::Everyone => {
                allows(Some(&viewer), &Action::OrganiseMeeting(Audience::Everyone))
            }
            AudienceKind::Communities => !communities.is_empty(),
            AudienceKind::Leads => allows(Some(&viewer), &Action::OrganiseMeeting(Audience::Leads)),
        })
        .collect();
    Ok(MeetingFormPage {
        meeting,
        audiences,
        communities,
    })
}

/// Creates a meeting (`id` 0) or changes meeting `id` seen at `revision`; its number.
#[tracing::instrument(skip_all, fields(meeting = id))]
pub async fn save(
    state: &AppState,
    id: i64,
    revision: i64,
    form: MeetingForm,
) -> Result<i64, AppError> {
    match id {
        0 => create(state, form).await,
        id => update(state, id, revision, form).await.map(|()| id),
    }
}

/// Creates a meeting for those who may organise one for its audience; its number.
async fn create(state: &AppState, form: MeetingForm) -> Result<i64, AppError> {
    let viewer = sessions::current(state)
        .await?
        .ok_or(AppError::LoginRequired)?;
    if !organises_any(Some(&viewer)) {
        return Err(AppError::Forbidden);
    }
    let draft = form.check(&slugs(state).await?).map_err(invalid)?;
    authorize(state, &Action::OrganiseMeeting(draft.audience.clone())).await?;
    let id = db::meetings::create(&state.db, &draft, &viewer.person_id, &rfc3339_now()).await?;
    let people = audience::of_meeting(&state.db, &draft.audience).await?;
    let event = Event {
        kind: Kind::Meeting,
        community: audience::single(draft.audience.communities()),
        object: format!("incontro:{id}"),
        scope: scope::PUBLIC.to_owned(),
        subject: draft.title.clone(),
        href: format!("/incontri/{id}"),
        actor: Some(viewer.person_id),
    };
    notify_or_log(state, event, people).await;
    Ok(id)
}

/// Changes meeting `id`, seen at `revision`, for those who may organise it for its audience
/// before and after the change.
async fn update(
    state: &AppState,
    id: i64,
    revision: i64,
    form: MeetingForm,
) -> Result<(), AppError> {
    let meeting = db::meetings::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(state, &Action::OrganiseMeeting(meeting.audience)).await?;
    let draft = form.check(&slugs(state).await?).map_err(invalid)?;
    authorize(state, &Action::OrganiseMeeting(draft.audience.clone())).await?;
    if db::meetings::update(&state.db, id, revision, &draft, &rfc3339_now()).await? {
        Ok(())
    } else {
        Err(AppError::invalid_field("titolo", Problem::Stale))
    }
}

/// Records whether the signed-in person will attend meeting `id`.
#[tracing::instrument(skip_all, fields(meeting = id))]
pub async fn attend(state: &AppState, id: i64, attends: bool) -> Result<(), AppError> {
    let meeting = db::meetings::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = authorize(state, &Action::AttendMeeting(meeting.audience)).await?;
    db::meetings::set_attending(&state.db, id, &viewer.person_id, attends, &rfc3339_now()).await
}

/// Gives the signed-in person's calendar a new secret address; its path.
#[tracing::instrument(skip_all)]
pub async fn renew_feed(state: &AppState) -> Result<String, AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let token = secret_token();
    db::meetings::feeds::renew(&state.db, &viewer.person_id, &token, &rfc3339_now()).await?;
    Ok(personal_feed_path(&token))
}

/// Whether `viewer` may organise some meeting: regional staff, coordinators and referents.
pub fn organises_any(viewer: Option<&Viewer>) -> bool {
    allows(viewer, &Action::OrganiseMeeting(Audience::Leads))
}

/// Whether a meeting for `audience` concerns `community`: it is for it, or for everyone.
pub fn concerns(audience: &Audience, community: &CommunitySlug) -> bool {
    match audience {
        Audience::Everyone => true,
        Audience::Communities(slugs) => slugs.contains(community),
        Audience::Leads => false,
    }
}

/// The community `slug`, if there is one; not found otherwise.
pub async fn known_community(state: &AppState, slug: &str) -> Result<CommunitySlug, AppError> {
    let slug = CommunitySlug::parse(slug).map_err(|_| AppError::NotFound)?;
    match db::communities::find(&state.db, &slug).await? {
        Some(_) => Ok(slug),
        None => Err(AppError::NotFound),
    }
}

/// Every community's slug and name, in display order.
pub async fn community_names(state: &AppState) -> Result<Vec<(String, String)>, AppError> {
    let communities = db::communities::list(&state.db).await?;
    Ok(communities
        .into_iter()
        .map(|c| (c.slug.to_string(), c.name))
        .collect())
}

async fn slugs(state: &AppState) -> Result<Vec<CommunitySlug>, AppError> {
    let communities = db::communities::list(&state.db).await?;
    Ok(communities.into_iter().map(|c| c.slug).collect())
}

fn invalid(rejection: crate::domain::validation::Rejection) -> AppError {
    AppError::Invalid(Box::new(rejection))
}
