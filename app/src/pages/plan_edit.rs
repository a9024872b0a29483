//! `/piani/{year}/{slug}/modifica`: the structured editor of a plan, for its community's
//! coordinators and referents and regional staff, in the phases that allow editing.

mod announced;
mod conflict;
mod draft;
mod editor;
pub(crate) mod fields;
mod items;

use leptos::prelude::*;
use leptos_meta::Title;

use super::plan::plan_resource;
use crate::api::plans::read_plan;
use crate::components::error_notice::ErrorNotice;
use crate::components::login_prompt::LoginPrompt;
use crate::components::not_found::NotFound;
use crate::domain::plan::edit::Part;
use crate::domain::plan::pages::PlanView;
use crate::error::AppError;
use crate::i18n::{plan_texts, texts};
use conflict::ConflictPanel;
use editor::{Editor, Status};
use fields::EditText;
use items::ItemList;

/// The plan editor; those who may not edit the plan now are told why.
#[component]
pub fn PlanEditPage() -> impl IntoView {
    let (target, plan) = plan_resource(read_plan);
    view! {
        <Suspense fallback=move || {
            view! { <p class="container">{texts().loading}</p> }
        }>
            {move || Suspend::new(async move {
                let page = match plan.await {
                    Ok(view) if view.can_edit => view! { <PlanEditor view /> }.into_any(),
                    Ok(view) => {
                        let t = plan_texts();
                        let name = view.plan.community_name.clone();
                        let phase = view.cycle.phase;
                        let why = if phase.allows_editing() {
                            t.edit_leads_only.to_owned()
                        } else {
                            (t.edit_not_allowed)(phase.label())
                        };
                        view! {
                            <Title text=(t.edit_title)(&name) />
                            <div class="alert alert-info" role="status">
                                <p>{why}</p>
                            </div>
                        }
                            .into_any()
                    }
                    Err(AppError::NotFound) => return view! { <NotFound /> }.into_any(),
                    Err(AppError::LoginRequired) => {
                        let next = target
                            .get_untracked()
                            .map(|(year, slug)| format!("/piani/{year}/{slug}/modifica"))
                            .unwrap_or_default();
                        view! { <LoginPrompt next /> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                };
                view! { <div class="container section">{page}</div> }.into_any()
            })}
        </Suspense>
    }
}

#[component]
fn PlanEditor(view: PlanView) -> impl IntoView {
    let t = plan_texts();
    let plan = view.plan;
    let editor = Editor::new(&plan, view.meetings);
    Effect::new(move || editor.restore_draft());
    let title = (t.edit_title)(&plan.community_name);
    let plan_href = format!("/piani/{}/{}", plan.year, plan.community);
    let form = move || {
        editor.generation.track();
        let context = editor.content.with_untracked(|plan| plan.context.clone());
        view! {
            <section aria-labelledby="modifica-contesto">
                <h2 id="modifica-contesto">{t.section_context}</h2>
                <EditText
                    editor
                    key="contesto".to_owned()
                    label=t.section_context
                    value=context
                    multiline=true
                    hint=t.markdown_hint
                    on_input=move |text| editor.edit(|plan| plan.context = text)
                />
            </section>
            <Part editor part=Part::Objectives title=t.section_objectives add=t.add_objective />
            <Part editor part=Part::Actions title=t.section_actions add=t.add_action />
            <Part editor part=Part::Indicators title=t.section_indicators add=t.add_indicator />
            <Part editor part=Part::Meetings title=t.section_meetings add=t.add_meeting />
        }
    };
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{t.edit_lead}</p>
        <p>
            <a href=plan_href>{t.view_plan}</a>
        </p>
        <noscript>
            <p class="alert alert-info">{t.edit_needs_js}</p>
        </noscript>
        {move || {
            editor
                .restored
                .get()
                .then(|| {
                    view! {
                        <p class="alert alert-info" role="status">
                            {t.restored}
                        </p>
                    }
                })
        }}
        {move || match editor.status.get() {
            Status::Conflict(theirs) => Some(view! { <ConflictPanel editor theirs=*theirs /> }),
            _ => None,
        }}
        <form
            class="form plan-editor"
            on:submit=move |ev| {
                ev.prevent_default();
                editor.save_now();
            }
        >
            {form}
            <SaveBar editor />
        </form>
    }
}

#[component]
fn Part(editor: Editor, part: Part, title: &'static str, add: &'static str) -> impl IntoView {
    let id = format!("modifica-{}", part.letter().to_ascii_lowercase());
    let labelled_by = id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=id>{title}</h2>
            <ItemList editor part add_label=add />
        </section>
    }
}

/// The save state, always visible, and a button to save at once.
#[component]
fn SaveBar(editor: Editor) -> impl IntoView {
    let t = plan_texts();
    let message = move || match editor.status.get() {
        Status::Saved(number) => (t.status_saved)(number),
        Status::Dirty => t.status_dirty.to_owned(),
        Status::Saving => t.status_saving.to_owned(),
        Status::Offline => t.status_offline.to_owned(),
        Status::Invalid => t.status_invalid.to_owned(),
        Status::Conflict(_) => t.status_conflict.to_owned(),
    };
    let class = move || match editor.status.get() {
        Status::Saved(_) => "save-bar saved",
        Status::Offline | Status::Invalid | Status::Conflict(_) => "save-bar problem",
        _ => "save-bar",
    };
    view! {
        <div class=class>
            <p
                role="status"
                aria-live="polite"
                data-save-status=move || {
                    match editor.status.get() {
                        Status::Saved(_) => "salvato",
                        Status::Dirty => "modificato",
                        Status::Saving => "salvataggio",
                        Status::Offline => "offline",
                        Status::Invalid => "non-valido",
                        Status::Conflict(_) => "conflitto",
                    }
                }
            >
                {message}
            </p>
            <button type="submit" class="btn btn-primary">
                {t.save_now}
            </button>
        </div>
    }
}
