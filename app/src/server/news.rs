//! News: listing, reading, writing and publishing posts, and their Atom feeds.

pub mod atom;
pub mod cover;

use super::auth::{authorize, sessions};
use super::clock::rfc3339_now;
use super::db;
use super::db::notifications::Event;
use super::meetings::{community_names, known_community};
use super::notifications::{audience, notify_or_log, scope};
use super::state::AppState;
use crate::domain::community::CommunitySlug;
use crate::domain::news::form::{NewsDraft, NewsForm};
use crate::domain::news::{NewsFormPage, NewsList, NewsPage, NewsPost, publishes};
use crate::domain::notification::Kind;
use crate::domain::person::PersonId;
use crate::domain::policy::{Action, allows};
use crate::domain::role::Viewer;
use crate::domain::validation::{Problem, Rejection};
use crate::error::AppError;

/// The published posts (all, or those concerning `community`), and the drafts the viewer may
/// finish.
#[tracing::instrument(skip_all, fields(community = community))]
pub async fn list(state: &AppState, community: Option<&str>) -> Result<NewsList, AppError> {
    let community = match community {
        Some(slug) => Some(known_community(state, slug).await?),
        None => None,
    };
    let viewer = sessions::current(state).await?;
    let concerned = |post: &NewsPost| {
        community
            .as_ref()
            .is_none_or(|c| post.communities.contains(c))
    };
    let (published, drafts): (Vec<NewsPost>, Vec<NewsPost>) = db::news::all(&state.db)
        .await?
        .into_iter()
        .filter(concerned)
        .partition(|post| post.published_at.is_some());
    let drafts = drafts
        .into_iter()
        .filter(|post| may_edit(viewer.as_ref(), post))
        .collect();
    Ok(NewsList {
        published,
        drafts,
        can_publish: viewer.as_ref().is_some_and(publishes_any),
        names: community_names(state).await?,
    })
}

/// The published posts concerning `community` (all when `None`), for its feed.
pub async fn published(
    state: &AppState,
    community: Option<&CommunitySlug>,
) -> Result<Vec<NewsPost>, AppError> {
    Ok(db::news::all(&state.db)
        .await?
        .into_iter()
        .filter(|post| post.published_at.is_some())
        .filter(|post| community.is_none_or(|c| post.communities.contains(c)))
        .collect())
}

/// The Atom feed of the published posts: all of them (`community` `None`) or those concerning
/// the community `slug`.
pub async fn feed(state: &AppState, community: Option<&str>) -> Result<String, AppError> {
    let t = crate::i18n::news_texts();
    let (title, path, page, community) = match community {
        None => (
            t.feed_title.to_owned(),
            "/notizie.atom".to_owned(),
            "/notizie".to_owned(),
            None,
        ),
        Some(slug) => {
            let slug = CommunitySlug::parse(slug).map_err(|_| AppError::NotFound)?;
            let found = db::communities::find(&state.db, &slug)
                .await?
                .ok_or(AppError::NotFound)?;
            (
                (t.feed_of)(&found.summary.name),
                format!("/comunita/{slug}/notizie.atom"),
                format!("/comunita/{slug}"),
                Some(slug),
            )
        }
    };
    let posts = published(state, community.as_ref()).await?;
    let site = &state.settings.public_url;
    Ok(atom::feed(
        site,
        &title,
        &path,
        &page,
        &posts,
        &rfc3339_now(),
    ))
}

/// Post `id`: published ones for everyone, drafts only for who may publish them (not found for
/// anyone else, so a draft is not even known to exist).
#[tracing::instrument(skip_all, fields(post = id))]
pub async fn page(state: &AppState, id: i64) -> Result<NewsPage, AppError> {
    let post = db::news::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = sessions::current(state).await?;
    let can_edit = may_edit(viewer.as_ref(), &post);
    if post.published_at.is_none() && !can_edit {
        return Err(AppError::NotFound);
    }
    Ok(NewsPage {
        post,
        names: community_names(state).await?,
        can_edit,
    })
}

/// The form for a new post (`id` `None`) or for changing post `id`.
#[tracing::instrument(skip_all, fields(post = id))]
pub async fn form_page(state: &AppState, id: Option<i64>) -> Result<NewsFormPage, AppError> {
    let post = match id {
        Some(id) => {
            let post = db::news::find(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)?;
            authorize(state, &Action::PublishNews(post.communities.clone())).await?;
            Some(post)
        }
        None => None,
    };
    let viewer = sessions::current(state)
        .await?
        .ok_or(AppError::LoginRequired)?;
    if !publishes_any(&viewer) {
        return Err(AppError::Forbidden);
    }
    let communities = db::communities::list(&state.db)
        .await?
        .into_iter()
        .filter(|c| publishes(&viewer, std::slice::from_ref(&c.slug)))
        .map(|c| (c.slug.to_string(), c.name))
        .collect();
    let meetings = db::meetings::all(&state.db)
        .await?
        .into_iter()
        .rev()
        .map(|m| (m.id, m.title))
        .collect();
    Ok(NewsFormPage {
        post,
        communities,
        whole_system: publishes(&viewer, &[]),
        meetings,
    })
}

/// Creates a post (`id` 0) or changes post `id` seen at `revision`; its number.
#[tracing::instrument(skip_all, fields(post = id))]
pub async fn save(
    state: &AppState,
    id: i64,
    revision: i64,
    form: NewsForm,
) -> Result<i64, AppError> {
    let stored = match id {
        0 => None,
        id => {
            let post = db::news::find(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)?;
            authorize(state, &Action::PublishNews(post.communities.clone())).await?;
            Some(post)
        }
    };
    let viewer = sessions::current(state)
        .await?
        .ok_or(AppError::LoginRequired)?;
    if !publishes_any(&viewer) {
        return Err(AppError::Forbidden);
    }
    let known: Vec<CommunitySlug> = db::communities::list(&state.db)
        .await?
        .into_iter()
        .map(|c| c.slug)
        .collect();
    let meetings: Vec<i64> = db::meetings::all(&state.db)
        .await?
        .iter()
        .map(|m| m.id)
        .collect();
    let draft = form.check(&known, &meetings).map_err(invalid)?;
    authorize(state, &Action::PublishNews(draft.communities.clone())).await?;
    let now = rfc3339_now();
    let first_publication = draft.publish
        && stored
            .as_ref()
            .is_none_or(|post| post.published_at.is_none());
    let id = match stored {
        None => db::news::create(&state.db, &draft, &viewer.person_id, &now).await?,
        Some(_) if db::news::update(&state.db, id, revision, &draft, &now).await? => id,
        Some(_) => return Err(AppError::invalid_field("titolo", Problem::Stale)),
    };
    if first_publication {
        tell_of_publication(state, id, &draft, viewer.person_id).await?;
    }
    Ok(id)
}

/// Tells the members of a newly published post's communities (everyone, for the whole system).
async fn tell_of_publication(
    state: &AppState,
    id: i64,
    draft: &NewsDraft,
    author: PersonId,
) -> Result<(), AppError> {
    let people = match draft.communities.as_slice() {
        [] => audience::everyone(&state.db).await?,
        communities => audience::of_communities(&state.db, communities).await?,
    };
    let event = Event {
        kind: Kind::News,
        community: audience::single(&draft.communities),
        object: format!("notizia:{id}"),
        scope: scope::PUBLIC.to_owned(),
        subject: draft.title.clone(),
        href: format!("/notizie/{id}"),
        actor: Some(author),
    };
    notify_or_log(state, event, people).await;
    Ok(())
}

/// Whether `viewer` may publish some post: regional staff and coordinators.
fn publishes_any(viewer: &Viewer) -> bool {
    publishes(viewer, &[])
        || viewer
            .roles
            .iter()
            .filter_map(|role| role.community.as_ref())
            .any(|c| publishes(viewer, std::slice::from_ref(c)))
}

fn may_edit(viewer: Option<&Viewer>, post: &NewsPost) -> bool {
    allows(viewer, &Action::PublishNews(post.communities.clone()))
}

fn invalid(rejection: Rejection) -> AppError {
    AppError::Invalid(Box::new(rejection))
}
