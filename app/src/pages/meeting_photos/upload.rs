//! The upload of a meeting's photos: a multipart form that works without JavaScript; with it,
//! each photo is sent on its own and a bar shows the progress of them all.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_navigate;

use super::send::send;
use crate::domain::photo::{
    ACCEPTED_TYPES, MAX_FILES, PhotoProblem, UploadOutcome, file_label, outcome_query,
};
use crate::i18n::photo_texts;

/// The form that sends the chosen photos to `/incontri/{meeting}/foto`, then shows the gallery
/// saying how each went.
#[component]
pub fn Upload(meeting: i64) -> impl IntoView {
    let t = photo_texts();
    let url = format!("/incontri/{meeting}/foto");
    // Photos sent of those chosen, and the share of their bytes sent (0-100).
    let count = RwSignal::new(None::<(usize, usize)>);
    let percent = RwSignal::new(0.0);
    let navigate = use_navigate();
    let action = url.clone();
    let on_submit = move |event: SubmitEvent| {
        let Some(files) = chosen_files(&event) else {
            return;
        };
        event.prevent_default();
        let (url, navigate) = (url.clone(), navigate.clone());
        leptos::task::spawn_local(async move {
            // As the server takes at most so many in one upload, so does the browser.
            let (files, beyond) = files.split_at(files.len().min(MAX_FILES));
            let total: f64 = files.iter().map(|file| file.size()).sum::<f64>().max(1.0);
            let mut sent_before = 0.0;
            let mut outcomes = Vec::new();
            for (n, file) in files.iter().enumerate() {
                count.set(Some((n, files.len())));
                let progress = move |sent: f64| percent.set((sent_before + sent) * 100.0 / total);
                outcomes.push(send(&url, file, progress).await);
                sent_before += file.size();
            }
            outcomes.extend(beyond.iter().map(|file| UploadOutcome {
                file: file_label(&file.name()),
                result: Err(PhotoProblem::TooManyFiles),
            }));
            count.set(Some((files.len(), files.len())));
            navigate(
                &format!("{url}?{}", outcome_query(&outcomes)),
                Default::default(),
            );
        });
    };
    let progress = move || {
        count.get().map(|(done, of)| {
            view! {
                <progress
                    max="100"
                    value=move || percent.get().round()
                    aria-labelledby="avanzamento"
                />
                <p id="avanzamento" role="status">
                    {(t.uploading)(done, of)}
                </p>
            }
        })
    };
    view! {
        <section aria-labelledby="carica" class="card">
            <h2 id="carica">{t.upload_title}</h2>
            <form method="post" action=action enctype="multipart/form-data" on:submit=on_submit>
                <div class="form-group">
                    <label for="foto">{t.upload_field}</label>
                    <p id="foto-aiuto" class="hint">
                        {t.upload_hint}
                    </p>
                    <input
                        id="foto"
                        type="file"
                        name="foto"
                        multiple
                        required
                        accept=ACCEPTED_TYPES
                        aria-describedby="foto-aiuto"
                    />
                </div>
                <button
                    type="submit"
                    class="btn btn-primary"
                    disabled=move || count.get().is_some()
                >
                    {t.upload_button}
                </button>
                {progress}
            </form>
        </section>
    }
}

/// The files chosen in the submitted form, if any.
fn chosen_files(event: &SubmitEvent) -> Option<Vec<web_sys::File>> {
    let form = event
        .target()?
        .dyn_into::<web_sys::HtmlFormElement>()
        .ok()?;
    let input = form
        .elements()
        .named_item("foto")?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let list = input.files()?;
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.item(i)).collect();
    (!files.is_empty()).then_some(files)
}
