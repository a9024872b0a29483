//! `/incontri/nuovo` and `/incontri/{id}/modifica`: the meeting form. It works without
//! JavaScript: a refused form comes back with its problems and what was typed.

mod fields;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::meetings::{SaveMeeting, edit_meeting_form};
use crate::components::action_error::ActionError;
use crate::components::error_summary::ErrorSummary;
use crate::components::form_field::rejection_of;
use crate::components::loaded_page::loaded_page;
use crate::domain::meeting::MeetingFormPage;
use crate::error::AppError;
use crate::i18n::{meeting_texts, texts};
use crate::pages::meeting::meeting_id;
use fields::MeetingFields;

/// A new meeting.
#[component]
pub fn MeetingNewPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| edit_meeting_form(0));
    loaded_page(page, move |page| view! { <MeetingFormView page /> })
}

/// Changing the route's meeting.
#[component]
pub fn MeetingEditPage() -> impl IntoView {
    let id = meeting_id();
    let page = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => edit_meeting_form(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(page, move |page| view! { <MeetingFormView page /> })
}

/// Field name, element id and label of every field, in the order of the form.
fn field_list() -> Vec<(&'static str, &'static str, &'static str)> {
    let t = meeting_texts();
    vec![
        ("titolo", "titolo", t.field_title),
        ("destinatari", "destinatari", t.field_audience),
        ("comunita", "comunita", t.field_communities),
        ("inizio", "inizio", t.field_starts),
        ("fine", "fine", t.field_ends),
        ("luogo", "luogo", t.field_place),
        ("indirizzo", "indirizzo", t.field_address),
        ("collegamento", "collegamento", t.field_link),
        ("ordine_del_giorno", "ordine-del-giorno", t.field_agenda),
        ("verbale", "verbale", t.field_minutes),
    ]
}

#[component]
fn MeetingFormView(page: MeetingFormPage) -> impl IntoView {
    let t = meeting_texts();
    let save = ServerAction::<SaveMeeting>::new();
    let rejection = Signal::derive(move || rejection_of(save.value().get().map(|r| r.map(|_| ()))));
    let (title, submit) = match &page.meeting {
        Some(meeting) => ((t.form_edit_title)(&meeting.title), t.save_edit),
        None => (t.form_new_title.to_owned(), t.save_new),
    };
    let (id, revision) = page.meeting.as_ref().map_or((0, 0), |m| (m.id, m.revision));
    view! {
        <Title text=format!("{title} · {}", texts().site_name) />
        <div class="container section narrow">
            <h1>{title}</h1>
            <ErrorSummary rejection fields=field_list() />
            <ActionError result=Signal::derive(move || {
                save.value().get().map(|r| r.map(|_| ()))
            }) />
            <leptos::form::ActionForm action=save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="revisione" value=revision />
                <MeetingFields page rejection=rejection.get_untracked() errors=rejection />
                <button type="submit" class="btn btn-primary">
                    {submit}
                </button>
            </leptos::form::ActionForm>
        </div>
    }
}
