//! A news post's cover: the photo at the top of the post and, for who may edit it, the form that
//! replaces it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::photo_image::PhotoImage;
use crate::domain::photo::{ACCEPTED_TYPES, CoverOutcome, MAX_TEXT, Photo};
use crate::i18n::photo_texts;

/// The cover, if the post has one.
#[component]
pub fn Cover(cover: Option<Photo>) -> impl IntoView {
    cover.map(|photo| {
        view! {
            <figure class="news-cover">
                <PhotoImage photo sizes="(min-width: 800px) 760px, 100vw" eager=true />
            </figure>
        }
    })
}

/// The form that uploads a new cover for post `post`, and how the last upload went.
#[component]
pub fn CoverForm(post: i64) -> impl IntoView {
    let t = photo_texts();
    let outcome = use_query_map()
        .with_untracked(|q| q.get("copertina"))
        .and_then(|code| CoverOutcome::parse(&code));
    let told = outcome.map(|outcome| match outcome {
        CoverOutcome::Saved => view! {
            <p class="alert alert-success" role="status">
                {outcome.message()}
            </p>
        }
        .into_any(),
        _ => view! {
            <p class="alert alert-danger" role="alert">
                {outcome.message()}
            </p>
        }
        .into_any(),
    });
    view! {
        <section aria-labelledby="copertina" class="card">
            <h2 id="copertina">{t.cover}</h2>
            {told}
            <form
                method="post"
                action=format!("/notizie/{post}/copertina")
                enctype="multipart/form-data"
            >
                <div class="form-group">
                    <label for="copertina-alt">{t.field_alt}</label>
                    <p id="copertina-alt-aiuto" class="hint">
                        {t.field_alt_hint}
                    </p>
                    <input
                        id="copertina-alt"
                        name="testo_alternativo"
                        required
                        maxlength=MAX_TEXT
                        aria-describedby="copertina-alt-aiuto"
                    />
                </div>
                <div class="form-group">
                    <label for="copertina-foto">{t.upload_field}</label>
                    <p id="copertina-foto-aiuto" class="hint">
                        {t.cover_hint}
                    </p>
                    <input
                        id="copertina-foto"
                        type="file"
                        name="foto"
                        required
                        accept=ACCEPTED_TYPES
                        aria-describedby="copertina-foto-aiuto"
                    />
                </div>
                <button type="submit" class="btn btn-primary">
                    {t.cover_button}
                </button>
            </form>
        </section>
    }
}
