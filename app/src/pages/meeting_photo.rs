//! `/incontri/{id}/foto/{n}`: one photo of a meeting, large, with its caption and the way to the
//! previous and the next; for those who add photos, its description and removal.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::photos::read_photo;
use crate::components::loaded_page::loaded_page;
use crate::components::photo_image::PhotoImage;
use crate::domain::photo::PhotoPage as Page;
use crate::error::AppError;
use crate::i18n::{meeting_texts, photo_texts, texts};
use crate::pages::meeting::meeting_id;
use crate::pages::meeting_photos::describe::DescribeForm;

/// The route's photo.
#[component]
pub fn MeetingPhotoPage() -> impl IntoView {
    let id = meeting_id();
    let params = use_params_map();
    let photo = Memo::new(move |_| params.with(|p| p.get("foto")?.parse::<i64>().ok()));
    let page = Resource::new(
        move || (id.get(), photo.get()),
        |ids| async move {
            match ids {
                (Some(id), Some(photo)) => read_photo(id, photo).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(page, move |page| view! { <PhotoView page /> })
}

#[component]
fn PhotoView(page: Page) -> impl IntoView {
    let t = photo_texts();
    let meeting_href = format!("/incontri/{}", page.meeting);
    let gallery_href = format!("{meeting_href}/foto");
    let position = (t.position)(page.position, page.count);
    let neighbour = |id: Option<i64>, rel: &'static str, label: &'static str| {
        id.map(|id| {
            let href = format!("{gallery_href}/{id}");
            view! {
                <a href=href rel=rel>
                    {label}
                </a>
            }
        })
    };
    let caption = (!page.photo.caption.is_empty())
        .then(|| view! { <figcaption>{page.photo.caption.clone()}</figcaption> });
    view! {
        <Title text=format!("{position} · {} · {}", page.title, texts().site_name) />
        <nav class="container breadcrumb" aria-label=texts().breadcrumb>
            <ol>
                <li>
                    <a href="/">{texts().nav_home}</a>
                </li>
                <li>
                    <a href="/incontri">{meeting_texts().title}</a>
                </li>
                <li>
                    <a href=meeting_href>{page.title.clone()}</a>
                </li>
                <li>
                    <a href=gallery_href.clone()>{t.photos}</a>
                </li>
                <li aria-current="page">{position.clone()}</li>
            </ol>
        </nav>
        <div class="container section">
            <h1>{position}</h1>
            <figure class="photo-large">
                <PhotoImage
                    photo=page.photo.clone()
                    sizes="(min-width: 1200px) 1140px, 100vw"
                    eager=true
                />
                {caption}
            </figure>
            <nav class="photo-nav" aria-label=t.photos>
                {neighbour(page.previous, "prev", t.previous)}
                <a href=gallery_href.clone()>{t.back_to_gallery}</a>
                {neighbour(page.next, "next", t.next)}
            </nav>
            {page.can_add.then(|| view! { <DescribeForm photo=page.photo.clone() /> })}
        </div>
    }
}
