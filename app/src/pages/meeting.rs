//! `/incontri/{id}`: one meeting, its agenda, materials and minutes, who will attend, and the
//! way to add it to a calendar.

mod attend;
mod materials;
mod photos;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::meetings::{AttendMeeting, read_meeting};
use crate::components::loaded_page::loaded_page;
use crate::components::rich_text::RichText;
use crate::domain::meeting::{MeetingPage as Page, audience_label, machine_time};
use crate::error::AppError;
use crate::i18n::{meeting_texts, texts};
use attend::Attendance;
use materials::Materials;
use photos::Photos;

/// The route's meeting as a number, if it is one.
pub fn meeting_id() -> Memo<Option<i64>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id")?.parse().ok().filter(|id| *id > 0)))
}

/// The route's meeting; loaded again when someone says they will attend, and when the address's
/// query changes.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let id = meeting_id();
    let attend = ServerAction::<AttendMeeting>::new();
    // The query changes when a material is added or removed: the page then shows it.
    let query = use_query_map();
    let page = Resource::new(
        move || {
            let query = query.with(|q| q.to_query_string());
            (id.get(), attend.version().get(), query)
        },
        |(id, _, _)| async move {
            match id {
                Some(id) => read_meeting(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(page, move |page| view! { <MeetingView page attend /> })
}

#[component]
fn MeetingView(page: Page, attend: ServerAction<AttendMeeting>) -> impl IntoView {
    let t = meeting_texts();
    let meeting = page.meeting.clone();
    let saved = use_query_map().with_untracked(|q| q.get("salvato").is_some());
    let href = meeting.href();
    let place = [meeting.place.as_str(), meeting.address.as_str()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .map(|part| view! { <span class="line">{part.to_owned()}</span> })
        .collect_view();
    let online = (!meeting.online_url.is_empty()).then(|| {
        view! {
            <p>
                <a href=meeting.online_url.clone() rel="noopener noreferrer">
                    {t.join_online}
                </a>
            </p>
        }
    });
    let agenda = match meeting.agenda.is_empty() {
        true => view! { <p class="muted">{t.no_agenda}</p> }.into_any(),
        false => view! { <RichText text=meeting.agenda.clone() /> }.into_any(),
    };
    let minutes = match meeting.minutes.is_empty() {
        true => view! { <p class="muted">{t.no_minutes}</p> }.into_any(),
        false => view! { <RichText text=meeting.minutes.clone() /> }.into_any(),
    };
    let edit = page.can_organise.then(|| {
        view! {
            <a class="btn btn-outline" href=format!("{href}/modifica")>
                {t.edit}
            </a>
        }
    });
    view! {
        <Title text=format!("{} · {}", meeting.title, texts().site_name) />
        <nav class="container breadcrumb" aria-label=texts().breadcrumb>
            <ol>
                <li>
                    <a href="/">{texts().nav_home}</a>
                </li>
                <li>
                    <a href="/incontri">{t.title}</a>
                </li>
                <li aria-current="page">{meeting.title.clone()}</li>
            </ol>
        </nav>
        <article class="container section meeting">
            <h1>{meeting.title.clone()}</h1>
            {saved
                .then(|| {
                    view! {
                        <p class="alert alert-success" role="status">
                            {t.saved}
                        </p>
                    }
                })}
            <p class="lead">{audience_label(&meeting.audience, &page.names)}</p>
            <dl class="meeting-facts">
                <dt>{t.when}</dt>
                <dd>
                    <time datetime=machine_time(meeting.starts_at)>{meeting.when()}</time>
                </dd>
                <dt>{t.place}</dt>
                <dd>{place} {online}</dd>
            </dl>
            <p class="actions">
                <a class="btn btn-outline" href=format!("{href}/incontro.ics")>
                    {t.add_to_calendar}
                </a>
                {edit}
            </p>
            <Attendance page=page.clone() attend />
            <section aria-labelledby="odg">
                <h2 id="odg">{t.agenda}</h2>
                {agenda}
            </section>
            <Materials
                meeting=meeting.id
                materials=meeting.materials.clone()
                can_add=page.can_organise
            />
            <section aria-labelledby="verbale">
                <h2 id="verbale">{t.minutes}</h2>
                {minutes}
            </section>
            <Photos meeting=meeting.id photos=page.photos.clone() can_add=page.can_organise />
        </article>
    }
}
