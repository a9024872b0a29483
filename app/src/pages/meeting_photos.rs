//! `/incontri/{id}/foto`: a meeting's photos; for those who add them, the upload and the photos
//! waiting for their alternative text.

pub(super) mod describe;
mod send;
mod upload;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::photos::read_gallery;
use crate::components::loaded_page::loaded_page;
use crate::components::photo_image::{PhotoImage, THUMBNAIL_SIZES};
use crate::domain::photo::{GalleryPage, refused_file};
use crate::error::AppError;
use crate::i18n::{meeting_texts, photo_texts, texts};
use crate::pages::meeting::meeting_id;
use describe::DescribeForm;
use upload::Upload;

/// The route's gallery; loaded again when the address's query changes, as it does after an
/// upload, a description or a removal.
#[component]
pub fn MeetingPhotosPage() -> impl IntoView {
    let id = meeting_id();
    let query = use_query_map();
    let page = Resource::new(
        move || (id.get(), query.with(|q| q.to_query_string())),
        |(id, _)| async move {
            match id {
                Some(id) => read_gallery(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(page, move |page| view! { <Gallery page /> })
}

#[component]
fn Gallery(page: GalleryPage) -> impl IntoView {
    let t = photo_texts();
    let meeting_href = format!("/incontri/{}", page.meeting);
    let photos = match page.photos.is_empty() {
        true => view! { <p class="muted">{t.none}</p> }.into_any(),
        false => {
            let items = page
                .photos
                .iter()
                .map(|photo| {
                    view! {
                        <li>
                            <a href=photo.href(page.meeting)>
                                <PhotoImage photo=photo.clone() sizes=THUMBNAIL_SIZES />
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="gallery">{items}</ul> }.into_any()
        }
    };
    let undescribed = (!page.undescribed.is_empty()).then(|| {
        let forms = page
            .undescribed
            .iter()
            .map(|photo| view! { <DescribeForm photo=photo.clone() /> })
            .collect_view();
        view! {
            <section aria-labelledby="da-descrivere" class="card">
                <h2 id="da-descrivere">{t.describe_title}</h2>
                <p>{t.describe_hint}</p>
                {forms}
            </section>
        }
    });
    view! {
        <Title text=format!("{} · {}", (t.gallery_title)(&page.title), texts().site_name) />
        <nav class="container breadcrumb" aria-label=texts().breadcrumb>
            <ol>
                <li>
                    <a href="/">{texts().nav_home}</a>
                </li>
                <li>
                    <a href="/incontri">{meeting_texts().title}</a>
                </li>
                <li>
                    <a href=meeting_href.clone()>{page.title.clone()}</a>
                </li>
                <li aria-current="page">{t.photos}</li>
            </ol>
        </nav>
        <div class="container section">
            <h1>{(t.gallery_title)(&page.title)}</h1>
            <Outcome />
            {photos}
            <p>
                <a href=meeting_href>{t.back_to_meeting}</a>
            </p>
            {page.can_add.then(|| view! { <Upload meeting=page.meeting /> })}
            {undescribed}
        </div>
    }
}

/// What the last upload, description or removal did, as the query of the address says.
#[component]
fn Outcome() -> impl IntoView {
    let t = photo_texts();
    let query = use_query_map().get_untracked();
    let uploaded = query.get("caricate").and_then(|n| n.parse::<usize>().ok());
    let refused: Vec<(String, &str)> = query
        .get_all("rifiutata")
        .unwrap_or_default()
        .iter()
        .filter_map(|value| refused_file(value))
        .collect();
    let status = uploaded
        .map(t.uploaded)
        .or_else(|| query.get("descritta").map(|_| t.described.to_owned()))
        .or_else(|| query.get("eliminata").map(|_| t.removed.to_owned()));
    let refusals = (!refused.is_empty()).then(|| {
        let items = refused
            .into_iter()
            .map(|(file, why)| view! { <li>{(t.refused)(&file, why)}</li> })
            .collect_view();
        view! {
            <div class="alert alert-danger" role="alert">
                <ul>{items}</ul>
            </div>
        }
    });
    view! {
        {status
            .map(|text| {
                view! {
                    <p class="alert alert-success" role="status">
                        {text}
                    </p>
                }
            })}
        {refusals}
    }
}
