//! A meeting's materials: the PDF files to download and, for its organisers, adding and
//! removing them.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::meetings::RemoveMaterial;
use crate::components::action_error::ActionError;
use crate::domain::meeting::Material;
use crate::domain::meeting::material::{MaterialOutcome, TITLE_MAX, size_label};
use crate::i18n::meeting_texts;

/// The section, when there are materials or the viewer may add them.
#[component]
pub fn Materials(meeting: i64, materials: Vec<Material>, can_add: bool) -> impl IntoView {
    let t = meeting_texts();
    let remove = ServerAction::<RemoveMaterial>::new();
    let told = use_query_map()
        .with_untracked(|q| q.get("materiale"))
        .and_then(|code| MaterialOutcome::parse(&code))
        .map(|outcome| {
            let (class, role) = match outcome.is_success() {
                true => ("alert alert-success", "status"),
                false => ("alert alert-danger", "alert"),
            };
            view! {
                <p class=class role=role>
                    {outcome.message()}
                </p>
            }
        });
    let items = materials
        .into_iter()
        .map(|material| {
            let remove_label = (t.material_remove)(&material.title);
            let remove_button = can_add.then(|| {
                view! {
                    <ActionForm action=remove attr:class="inline-form">
                        <input type="hidden" name="id" value=meeting />
                        <input type="hidden" name="numero" value=material.number />
                        <button type="submit" class="btn btn-outline">
                            {remove_label}
                        </button>
                    </ActionForm>
                }
            });
            view! {
                <li>
                    <a href=material.href(meeting)>{material.title.clone()}</a>
                    " "
                    <span class="muted">{(t.material_pdf)(&size_label(material.size))}</span>
                    {remove_button}
                </li>
            }
        })
        .collect::<Vec<_>>();
    (can_add || !items.is_empty()).then(|| {
        let list = (!items.is_empty()).then(|| view! { <ul class="materials">{items}</ul> });
        view! {
            <section aria-labelledby="materiali">
                <h2 id="materiali">{t.materials}</h2>
                {told}
                {list}
                <ActionError result=Signal::derive(move || remove.value().get()) />
                {can_add.then(|| view! { <AddMaterial meeting /> })}
            </section>
        }
    })
}

/// The form that adds a PDF to meeting `meeting`; it works without JavaScript.
#[component]
fn AddMaterial(meeting: i64) -> impl IntoView {
    let t = meeting_texts();
    view! {
        <form
            method="post"
            action=format!("/incontri/{meeting}/materiali")
            enctype="multipart/form-data"
            class="card"
        >
            <h3>{t.material_add}</h3>
            <div class="form-group">
                <label for="materiale-titolo">{t.material_title}</label>
                <input id="materiale-titolo" name="titolo" required maxlength=TITLE_MAX />
            </div>
            <div class="form-group">
                <label for="materiale-file">{t.material_file}</label>
                <p id="materiale-file-aiuto" class="hint">
                    {t.material_hint}
                </p>
                <input
                    id="materiale-file"
                    type="file"
                    name="file"
                    required
                    accept="application/pdf"
                    aria-describedby="materiale-file-aiuto"
                />
            </div>
            <button type="submit" class="btn btn-primary">
                {t.material_button}
            </button>
        </form>
    }
}
