//! The new-annotation dialog: what is annotated, the kind, the text, and the fields of a
//! synergy or a proposal. Modal: the focus moves into it; Escape puts it aside, kept to resume
//! or discard from a bar.

use leptos::prelude::*;

use super::annotate::{AnnotateForm, Target};
use super::annotate_fields::{KindChoice, ProposalFields, SynergyField};
use super::annotate_problems::problem_message;
use super::context::board_context;
use super::mentions::{MentionList, MentionPicker};
use crate::components::form_field::FieldError;
use crate::domain::board::AnnotationKind;
use crate::domain::plan::edit::Part;
use crate::domain::plan::{ItemId, PlanContent, section};
use crate::i18n::{board_texts, plan_texts};

/// The problem with `field` in the form's last refusal, in words.
pub fn field_error(form: AnnotateForm, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        form.problems
            .with(|p| p.as_ref().and_then(|r| problem_message(r, field)))
    })
}

/// The dialog; empty while the form is closed.
#[component]
pub fn AnnotateDialog(form: AnnotateForm) -> impl IntoView {
    let on_cancel = move |ev: web_sys::Event| {
        if form.sending.get_untracked() {
            ev.prevent_default();
        }
    };
    // Closed by the browser (Escape), not by the form's buttons.
    let on_close = move |_| {
        if form.target.with_untracked(Option::is_some) {
            form.put_aside();
        }
    };
    view! {
        <dialog
            node_ref=form.dialog
            class="board-dialog"
            aria-labelledby="annotazione-intestazione"
            on:cancel=on_cancel
            on:close=on_close
        >
            {move || form.target.get().map(|target| view! { <AnnotateBody form target /> })}
        </dialog>
    }
}

/// While an annotation is put aside: a bar to resume or discard it, fixed at the bottom of the
/// screen so that nothing on the page moves.
#[component]
pub fn SetAsideBar(form: AnnotateForm) -> impl IntoView {
    let t = board_texts();
    move || {
        form.set_aside.get().then(|| {
            view! {
                <div class="board-set-aside" role="status">
                    <p>{t.set_aside}</p>
                    <button
                        type="button"
                        class="btn btn-primary btn-sm"
                        on:click=move |_| form.restore()
                    >
                        {t.resume}
                    </button>
                    <button
                        type="button"
                        class="btn btn-outline btn-sm"
                        on:click=move |_| form.discard()
                    >
                        {t.discard}
                    </button>
                </div>
            }
        })
    }
}

#[component]
fn AnnotateBody(form: AnnotateForm, target: Target) -> impl IntoView {
    let t = board_texts();
    let (plan_name, content) = board_context()
        .view
        .with_untracked(|v| {
            v.plan(&target.community)
                .map(|p| (p.name.clone(), p.content.clone()))
        })
        .unwrap_or_default();
    let quote = if target.anchor.quote.is_empty() {
        (t.form_whole)(&item_heading(&content, &target.anchor.item))
    } else {
        target.anchor.quote.clone()
    };
    let kind = Memo::new(move |_| form.kind.get());
    let (synergy_plan, proposal_plan) = (target.community.clone(), target.community.clone());
    let body_error = field_error(form, "testo");
    let picker = MentionPicker::new("annotazione-testo", form.body);
    let anchor_error = field_error(form, "ancora");
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        form.submit();
    };
    view! {
        <form class="form board-form" novalidate on:submit=submit>
            <h2 id="annotazione-intestazione">{t.form_title}</h2>
            <p class="board-form-plan">{(t.form_plan)(&plan_name)}</p>
            {move || {
                form.restored
                    .get()
                    .then(|| {
                        view! { <p class="alert alert-info">{t.form_restored}</p> }
                    })
            }}
            <figure class="board-quote" id="annotazione-ancora" tabindex="-1">
                <figcaption>{t.form_quote}</figcaption>
                <blockquote>{quote}</blockquote>
            </figure>
            <FieldError id="annotazione-ancora-errore".to_owned() error=anchor_error />
            <KindChoice form />
            <div class="form-group" class:has-error=move || body_error.with(Option::is_some)>
                <label for="annotazione-testo">{t.body_label}</label>
                <p id="annotazione-testo-aiuto" class="form-hint">
                    {t.body_hint}
                </p>
                <FieldError id="annotazione-testo-errore".to_owned() error=body_error />
                <textarea
                    id="annotazione-testo"
                    name="testo"
                    rows="5"
                    autofocus
                    aria-describedby=move || {
                        if body_error.with(Option::is_some) {
                            "annotazione-testo-aiuto annotazione-testo-errore"
                        } else {
                            "annotazione-testo-aiuto"
                        }
                    }
                    aria-invalid=move || body_error.with(Option::is_some).then_some("true")
                    aria-autocomplete="list"
                    aria-controls=move || picker.controls()
                    aria-activedescendant=move || picker.active_id()
                    prop:value=move || form.body.get()
                    on:input=move |ev| {
                        form.body.set(event_target_value(&ev));
                        form.keep();
                        picker.update();
                    }
                    on:keydown=move |ev| picker.key(&ev)
                    on:click=move |_| picker.update()
                ></textarea>
                <MentionList picker />
            </div>
            {move || {
                (kind.get() == AnnotationKind::Synergy)
                    .then(|| view! { <SynergyField form community=synergy_plan.clone() /> })
            }}
            {move || {
                (kind.get() == AnnotationKind::Proposal)
                    .then(|| {
                        view! {
                            <ProposalFields
                                form
                                community=proposal_plan.clone()
                                name=plan_name.clone()
                            />
                        }
                    })
            }}
            {move || {
                form.failure
                    .get()
                    .map(|failure| {
                        view! {
                            <p class="alert alert-danger" role="alert">
                                {failure}
                            </p>
                        }
                    })
            }}
            <div class="board-form-buttons">
                <button type="submit" class="btn btn-primary" disabled=move || form.sending.get()>
                    {move || if form.sending.get() { t.sending } else { t.submit }}
                </button>
                <button type="button" class="btn btn-outline" on:click=move |_| form.cancel()>
                    {t.cancel}
                </button>
            </div>
        </form>
    }
}

/// «O2 Titolo», «A1 Titolo» or «il contesto» for `item` of `content`.
pub fn item_heading(content: &PlanContent, item: &str) -> String {
    if item == section::CONTEXT {
        return plan_texts().section_context.to_owned();
    }
    let id = ItemId(item.to_owned());
    let objective = content.objectives.iter().find(|o| o.id == id);
    let action = content.actions.iter().find(|a| a.id == id);
    match (objective, action) {
        (Some(o), _) => format!("{} {}", content.label(Part::Objectives, &id), o.title),
        (None, Some(a)) => format!("{} {}", content.label(Part::Actions, &id), a.title),
        (None, None) => item.to_owned(),
    }
}
