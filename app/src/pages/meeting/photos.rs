//! The first photos of a meeting on its page, with the way to all of them and to add more.

use leptos::prelude::*;

use crate::components::photo_image::{PhotoImage, THUMBNAIL_SIZES};
use crate::domain::photo::Photo;
use crate::i18n::photo_texts;

/// How many photos the meeting's page shows; the gallery has them all.
const SHOWN: usize = 6;

/// The section, when there are photos or the viewer may add them.
#[component]
pub fn Photos(meeting: i64, photos: Vec<Photo>, can_add: bool) -> impl IntoView {
    let t = photo_texts();
    let gallery = format!("/incontri/{meeting}/foto");
    (can_add || !photos.is_empty()).then(|| {
        let items = photos
            .iter()
            .take(SHOWN)
            .map(|photo| {
                view! {
                    <li>
                        <a href=photo.href(meeting)>
                            <PhotoImage photo=photo.clone() sizes=THUMBNAIL_SIZES />
                        </a>
                    </li>
                }
            })
            .collect_view();
        let link = match photos.is_empty() {
            true => t.upload_title.to_owned(),
            false => (t.gallery_link)(photos.len()),
        };
        view! {
            <section aria-labelledby="foto">
                <h2 id="foto">{t.photos}</h2>
                <ul class="gallery">{items}</ul>
                <p>
                    <a href=gallery>{link}</a>
                </p>
            </section>
        }
    })
}
