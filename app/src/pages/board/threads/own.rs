//! Editing and deleting one's own annotation or reply, in place.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::focus::focus_later;
use super::sending::Sending;
use super::text_box::TextBox;
use crate::domain::board::AnnotationId;
use crate::domain::board::ops::BoardOp;
use crate::domain::validation::Problem;
use crate::error::AppError;
use crate::i18n::board_threads::board_thread_texts;
use crate::i18n::{plan_texts, texts};

/// The annotation (`reply: None`) or the reply a control changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub annotation: AnnotationId,
    pub reply: Option<AnnotationId>,
}

impl Target {
    /// The id the element ids of its controls start from.
    fn key(&self) -> &str {
        self.reply.as_ref().unwrap_or(&self.annotation).0.as_str()
    }
}

/// «Modifica» and «Elimina» for the author's own text. Editing replaces the text shown by the
/// parent (which hides it while `editing`) with a text area; deleting asks first.
#[component]
pub fn OwnText(
    target: Target,
    year: i32,
    /// The text as it is now, to start editing from.
    body: Signal<String>,
    editing: RwSignal<bool>,
) -> impl IntoView {
    let t = board_thread_texts();
    let draft = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let sending = Sending::new();
    let key = target.key().to_owned();
    let (box_id, edit_id, delete_id) = (
        format!("modifica-{key}"),
        format!("modifica-{key}-apri"),
        format!("modifica-{key}-elimina"),
    );
    let close = {
        let edit_id = edit_id.clone();
        move || {
            editing.set(false);
            confirming.set(false);
            sending.clear();
            focus_later(edit_id.clone());
        }
    };
    let open_editor = {
        let box_id = box_id.clone();
        move |_| {
            draft.set(body.get_untracked());
            sending.clear();
            editing.set(true);
            focus_later(box_id.clone());
        }
    };
    let open_confirm = {
        let delete_id = delete_id.clone();
        move |_| {
            sending.clear();
            confirming.set(true);
            focus_later(delete_id.clone());
        }
    };
    let save = {
        let (target, close) = (target.clone(), close.clone());
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let text = draft.get_untracked();
            if text.trim().is_empty() {
                sending
                    .error
                    .set(Some(AppError::invalid_field("testo", Problem::Required)));
                return;
            }
            let op = BoardOp::Edit {
                annotation: target.annotation.clone(),
                reply: target.reply.clone(),
                body: text,
            };
            sending.run(year, op, close.clone());
        }
    };
    // Once deleted these controls go away: the focus moves to the thread.
    let delete = {
        let target = target.clone();
        move |_| {
            let op = BoardOp::Delete {
                annotation: target.annotation.clone(),
                reply: target.reply.clone(),
            };
            let thread = format!("annotazione-{}", target.annotation.0);
            sending.run(year, op, move || {
                confirming.set(false);
                focus_later(thread);
            });
        }
    };
    let question = if target.reply.is_some() {
        t.delete_reply
    } else {
        t.delete_annotation
    };
    let busy = move || sending.pending.get();
    let general = sending.general(&["testo"]);
    move || {
        let (close, save, delete) = (close.clone(), save.clone(), delete.clone());
        if editing.get() {
            view! {
                <form class="thread-form edit-form" on:submit=save>
                    <TextBox
                        id=box_id.clone()
                        label=t.edit_label
                        draft
                        mentions=true
                        error=sending.field("testo")
                        hint=plan_texts().markdown_hint
                        required=true
                    />
                    <p class="field-error">{move || general.get()}</p>
                    <div class="thread-buttons">
                        <button type="submit" class="btn btn-primary btn-sm" disabled=busy>
                            {move || if busy() { texts().sending } else { t.save }}
                        </button>
                        <button
                            type="button"
                            class="btn btn-outline btn-sm"
                            on:click=move |_| close()
                        >
                            {t.cancel}
                        </button>
                    </div>
                </form>
            }
            .into_any()
        } else if confirming.get() {
            view! {
                <div class="thread-confirm" role="group" aria-label=t.delete>
                    <p>{question}</p>
                    <p class="field-error">{move || general.get()}</p>
                    <div class="thread-buttons">
                        <button
                            type="button"
                            id=delete_id.clone()
                            class="btn btn-danger btn-sm"
                            disabled=busy
                            on:click=delete
                        >
                            {move || if busy() { texts().sending } else { t.delete_yes }}
                        </button>
                        <button
                            type="button"
                            class="btn btn-outline btn-sm"
                            on:click=move |_| close()
                        >
                            {t.cancel}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="thread-buttons">
                    <button
                        type="button"
                        id=edit_id.clone()
                        class="btn btn-outline btn-sm"
                        on:click=open_editor.clone()
                    >
                        {t.edit}
                    </button>
                    <button
                        type="button"
                        class="btn btn-outline btn-sm"
                        on:click=open_confirm.clone()
                    >
                        {t.delete}
                    </button>
                </div>
            }
            .into_any()
        }
    }
}
