//! Writing a remark, and handing back a revision.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::review::{AddRemark, HandBackRevision};
use crate::components::form_field::rejection_of;
use crate::domain::review::Body;
use crate::i18n::review_texts;
use crate::pages::review::FieldError;

/// The form a member of the validating `bodies` remarks with, on one of the plan's `targets`.
#[component]
pub fn WriteRemark(
    year: i32,
    community: String,
    bodies: Vec<Body>,
    targets: Vec<(String, String, String)>,
    add: ServerAction<AddRemark>,
) -> impl IntoView {
    let t = review_texts();
    let rejection = Signal::derive(move || rejection_of(add.value().get()));
    let body = match bodies.as_slice() {
        [only] => view! { <input type="hidden" name="organo" value=only.code() /> }.into_any(),
        _ => {
            let options = bodies
                .iter()
                .map(|body| view! { <option value=body.code()>{body.label()}</option> })
                .collect_view();
            view! {
                <label for="organo">{t.field_body}</label>
                <select id="organo" name="organo" required>
                    {options}
                </select>
            }
            .into_any()
        }
    };
    let options = targets
        .into_iter()
        .map(|(item, field, label)| {
            view! { <option value=format!("{item}.{field}")>{label}</option> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="scrivi-osservazione" class="card">
            <h2 id="scrivi-osservazione">{t.write_title}</h2>
            <ActionForm action=add attr:class="form">
                <input type="hidden" name="anno" value=year />
                <input type="hidden" name="comunita" value=community />
                {body}
                <label for="punto">{t.field_target}</label>
                <select id="punto" name="punto" required aria-describedby="punto-errore">
                    {options}
                </select>
                <FieldError id="punto-errore" rejection field="punto" />
                <label for="citazione">{t.field_quote}</label>
                <p id="citazione-aiuto" class="form-hint">
                    {t.field_quote_hint}
                </p>
                <input
                    id="citazione"
                    name="citazione"
                    type="text"
                    aria-describedby="citazione-aiuto citazione-errore"
                />
                <FieldError id="citazione-errore" rejection field="citazione" />
                <label for="osservazione">{t.field_remark}</label>
                <textarea
                    id="osservazione"
                    name="osservazione"
                    rows="5"
                    required
                    aria-describedby="osservazione-errore"
                ></textarea>
                <FieldError id="osservazione-errore" rejection field="osservazione" />
                <button type="submit" class="btn btn-primary">
                    {t.write_submit}
                </button>
            </ActionForm>
        </section>
    }
}

/// For the plan's coordinators and referents while its revision is open: edit it, then hand
/// it back.
#[component]
pub fn HandBack(
    year: i32,
    community: String,
    plan_href: String,
    hand_back: ServerAction<HandBackRevision>,
) -> impl IntoView {
    let t = review_texts();
    view! {
        <section aria-labelledby="revisione" class="card">
            <h2 id="revisione">{t.revision_title}</h2>
            <p>{t.revision_hint}</p>
            <p>
                <a class="btn btn-outline" href=format!("{plan_href}/modifica")>
                    {t.revise}
                </a>
            </p>
            <ActionForm action=hand_back>
                <input type="hidden" name="anno" value=year />
                <input type="hidden" name="comunita" value=community />
                <button type="submit" class="btn btn-primary">
                    {t.hand_back}
                </button>
            </ActionForm>
        </section>
    }
}
