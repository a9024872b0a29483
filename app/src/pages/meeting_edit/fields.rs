//! The fields of the meeting form, filled from the refused form, the meeting, or empty.

use leptos::prelude::*;

use crate::components::form_field::{checkboxes, radios};
use crate::domain::italian_time::ItalianTime;
use crate::domain::meeting::{AudienceKind, MeetingFormPage};
use crate::domain::validation::Rejection;
use crate::i18n::meeting_texts;
use crate::pages::plan_edit::fields::escape_text;
use crate::pages::review::FieldError;

/// The values a field starts with: what was typed into a refused form, else the stored meeting.
struct Initial {
    rejection: Option<Rejection>,
    page: MeetingFormPage,
}

impl Initial {
    fn value(&self, field: &str) -> String {
        if let Some(rejection) = &self.rejection {
            return rejection.typed(field);
        }
        let Some(m) = &self.page.meeting else {
            return String::new();
        };
        match field {
            "titolo" => m.title.clone(),
            "destinatari" => m.audience.kind().code().to_owned(),
            "inizio" => ItalianTime::at(m.starts_at).field_value(),
            "fine" => ItalianTime::at(m.ends_at).field_value(),
            "luogo" => m.place.clone(),
            "indirizzo" => m.address.clone(),
            "collegamento" => m.online_url.clone(),
            "ordine_del_giorno" => m.agenda.clone(),
            "verbale" => m.minutes.clone(),
            _ => String::new(),
        }
    }

    fn communities(&self) -> Vec<String> {
        match (&self.rejection, &self.page.meeting) {
            (Some(rejection), _) => rejection.typed_all("comunita"),
            (None, Some(m)) => m
                .audience
                .communities()
                .iter()
                .map(|c| c.to_string())
                .collect(),
            (None, None) => Vec::new(),
        }
    }
}

/// Every field of the form; `rejection` is the refused form the page was loaded with, `errors`
/// the live problems.
#[component]
pub fn MeetingFields(
    page: MeetingFormPage,
    rejection: Option<Rejection>,
    errors: Signal<Option<Rejection>>,
) -> impl IntoView {
    let t = meeting_texts();
    let editing = page.meeting.is_some();
    let initial = Initial { rejection, page };
    let text = |id: &'static str, label: &'static str, kind: &'static str, hint: &str| {
        view! {
            <label for=id>{label}</label>
            <input
                id=id
                name=format!("form[{id}]")
                type=kind
                value=initial.value(id)
                aria-describedby=format!("{hint} {id}-errore").trim().to_owned()
            />
            <FieldError id=format!("{id}-errore") rejection=errors field=id />
        }
    };
    let area = |id: &'static str, name: &'static str, label: &'static str| {
        let value = initial.value(name);
        view! {
            <label for=id>{label}</label>
            <p id=format!("{id}-aiuto") class="form-hint">
                {t.field_markdown_hint}
            </p>
            <textarea
                id=id
                name=format!("form[{name}]")
                rows="6"
                aria-describedby=format!("{id}-aiuto {id}-errore")
                prop:value=value.clone()
            >
                {escape_text(&value)}
            </textarea>
            <FieldError id=format!("{id}-errore") rejection=errors field=name />
        }
    };
    let chosen_kind = initial.value("destinatari");
    let first_kind = initial
        .page
        .audiences
        .first()
        .map(|k| k.code())
        .unwrap_or_default();
    let options: Vec<(&'static str, &'static str)> = initial
        .page
        .audiences
        .iter()
        .map(|kind| {
            let label = match kind {
                AudienceKind::Everyone => t.everyone,
                AudienceKind::Communities => t.field_communities,
                AudienceKind::Leads => t.leads,
            };
            (kind.code(), label)
        })
        .collect();
    let checked = if chosen_kind.is_empty() {
        first_kind
    } else {
        &chosen_kind
    };
    let audiences = radios("destinatari", &options, checked);
    let chosen = initial.communities();
    let communities = checkboxes("comunita", &initial.page.communities, &chosen);
    view! {
        {text("titolo", t.field_title, "text", "")}
        <fieldset id="destinatari" class="checkbox-group" aria-describedby="destinatari-errore">
            <legend>{t.field_audience}</legend>
            {audiences}
            <FieldError id="destinatari-errore" rejection=errors field="destinatari" />
        </fieldset>
        <fieldset id="comunita" class="checkbox-group" aria-describedby="comunita-errore">
            <legend>{t.field_communities}</legend>
            {communities}
            <FieldError id="comunita-errore" rejection=errors field="comunita" />
        </fieldset>
        <p id="orari-aiuto" class="form-hint">
            {t.field_time_hint}
        </p>
        {text("inizio", t.field_starts, "datetime-local", "orari-aiuto")}
        {text("fine", t.field_ends, "datetime-local", "orari-aiuto")}
        <p id="luogo-aiuto" class="form-hint">
            {t.field_place_hint}
        </p>
        {text("luogo", t.field_place, "text", "luogo-aiuto")}
        {text("indirizzo", t.field_address, "text", "")}
        <p id="collegamento-aiuto" class="form-hint">
            {t.field_link_hint}
        </p>
        {text("collegamento", t.field_link, "url", "collegamento-aiuto")}
        {area("ordine-del-giorno", "ordine_del_giorno", t.field_agenda)}
        {editing.then(|| area("verbale", "verbale", t.field_minutes))}
    }
}
