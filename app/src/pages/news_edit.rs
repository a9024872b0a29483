//! `/notizie/nuova` and `/notizie/{id}/modifica`: the news form. It works without JavaScript: a
//! refused form comes back with its problems and what was typed.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::news::{SaveNews, edit_news_form};
use crate::components::action_error::ActionError;
use crate::components::error_summary::ErrorSummary;
use crate::components::form_field::{checkboxes, radios, rejection_of};
use crate::components::loaded_page::loaded_page;
use crate::domain::news::NewsFormPage;
use crate::error::AppError;
use crate::i18n::{news_texts, texts};
use crate::pages::news_post::post_id;
use crate::pages::plan_edit::fields::escape_text;
use crate::pages::review::FieldError;

/// A new post.
#[component]
pub fn NewsNewPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| edit_news_form(0));
    loaded_page(page, move |page| view! { <NewsFormView page /> })
}

/// Changing the route's post.
#[component]
pub fn NewsEditPage() -> impl IntoView {
    let id = post_id();
    let page = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => edit_news_form(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(page, move |page| view! { <NewsFormView page /> })
}

fn field_list() -> Vec<(&'static str, &'static str, &'static str)> {
    let t = news_texts();
    vec![
        ("titolo", "titolo", t.field_title),
        ("sommario", "sommario", t.field_summary),
        ("testo", "testo", t.field_body),
        ("comunita", "comunita", t.field_communities),
        ("incontri", "incontri", t.field_meetings),
        ("stato", "stato", t.field_state),
    ]
}

#[component]
fn NewsFormView(page: NewsFormPage) -> impl IntoView {
    let t = news_texts();
    let save = ServerAction::<SaveNews>::new();
    let result = Signal::derive(move || save.value().get().map(|r| r.map(|_| ())));
    let rejection = Signal::derive(move || rejection_of(result.get()));
    let typed = rejection.get_untracked();
    let post = page.post.clone();
    let value = |field: &str| -> String {
        if let Some(rejection) = &typed {
            return rejection.typed(field);
        }
        let Some(post) = &post else {
            return String::new();
        };
        match field {
            "titolo" => post.title.clone(),
            "sommario" => post.summary.clone(),
            "testo" => post.body.clone(),
            "stato" if post.published_at.is_some() => "pubblicata".into(),
            _ => "bozza".into(),
        }
    };
    let chosen = |field: &str| -> Vec<String> {
        match (&typed, &post) {
            (Some(rejection), _) => rejection.typed_all(field),
            (None, Some(post)) if field == "comunita" => {
                post.communities.iter().map(|c| c.to_string()).collect()
            }
            (None, Some(post)) => post.meetings.iter().map(|(id, _)| id.to_string()).collect(),
            (None, None) => Vec::new(),
        }
    };
    let (title, id, revision) = match &post {
        Some(post) => ((t.form_edit_title)(&post.title), post.id, post.revision),
        None => (t.form_new_title.to_owned(), 0, 0),
    };
    let (title_value, summary, body, state) = (
        value("titolo"),
        value("sommario"),
        value("testo"),
        value("stato"),
    );
    let communities = checkboxes("comunita", &page.communities, &chosen("comunita"));
    let meetings: Vec<(String, String)> = page
        .meetings
        .iter()
        .map(|(id, title)| (id.to_string(), title.clone()))
        .collect();
    let meetings = checkboxes("incontri", &meetings, &chosen("incontri"));
    let communities_hint = page.whole_system.then_some(t.field_communities_hint);
    view! {
        <Title text=format!("{title} · {}", texts().site_name) />
        <div class="container section narrow">
            <h1>{title}</h1>
            <ErrorSummary rejection fields=field_list() />
            <ActionError result />
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="revisione" value=revision />
                <label for="titolo">{t.field_title}</label>
                <input
                    id="titolo"
                    name="form[titolo]"
                    type="text"
                    value=title_value
                    aria-describedby="titolo-errore"
                />
                <FieldError id="titolo-errore" rejection field="titolo" />
                <label for="sommario">{t.field_summary}</label>
                <p id="sommario-aiuto" class="form-hint">
                    {t.field_summary_hint}
                </p>
                <input
                    id="sommario"
                    name="form[sommario]"
                    type="text"
                    value=summary
                    aria-describedby="sommario-aiuto sommario-errore"
                />
                <FieldError id="sommario-errore" rejection field="sommario" />
                <label for="testo">{t.field_body}</label>
                <textarea
                    id="testo"
                    name="form[testo]"
                    rows="12"
                    aria-describedby="testo-errore"
                    prop:value=body.clone()
                >
                    {escape_text(&body)}
                </textarea>
                <FieldError id="testo-errore" rejection field="testo" />
                <fieldset id="comunita" class="checkbox-group" aria-describedby="comunita-errore">
                    <legend>{t.field_communities}</legend>
                    {communities_hint.map(|hint| view! { <p class="form-hint">{hint}</p> })}
                    {communities}
                    <FieldError id="comunita-errore" rejection field="comunita" />
                </fieldset>
                <fieldset id="incontri" class="checkbox-group" aria-describedby="incontri-errore">
                    <legend>{t.field_meetings}</legend>
                    {meetings}
                    <FieldError id="incontri-errore" rejection field="incontri" />
                </fieldset>
                <fieldset id="stato" class="checkbox-group">
                    <legend>{t.field_state}</legend>
                    {radios(
                        "stato",
                        &[("bozza", t.state_draft), ("pubblicata", t.state_published)],
                        &state,
                    )}
                </fieldset>
                <button type="submit" class="btn btn-primary">
                    {t.save}
                </button>
            </ActionForm>
        </div>
    }
}
