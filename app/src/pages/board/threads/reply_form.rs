//! Replying in a thread.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::super::submit::random_key;
use super::sending::Sending;
use super::text_box::TextBox;
use crate::domain::board::AnnotationId;
use crate::domain::board::ops::BoardOp;
use crate::domain::validation::Problem;
use crate::error::AppError;
use crate::i18n::board_threads::board_thread_texts;
use crate::i18n::{plan_texts, texts};

/// The reply box of thread `annotation`; what is typed stays here until it is sent.
#[component]
pub fn ReplyForm(annotation: AnnotationId, year: i32) -> impl IntoView {
    let t = board_thread_texts();
    let draft = RwSignal::new(String::new());
    let sending = Sending::new();
    // The id of a reply sent but maybe not applied (a network error), with its text: sending
    // the same text again reuses it, so the server adds the reply once.
    let unsent = RwSignal::new(None::<(AnnotationId, String)>);
    let box_id = format!("risposta-{}", annotation.0);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = draft.get_untracked();
        if body.trim().is_empty() {
            sending
                .error
                .set(Some(AppError::invalid_field("testo", Problem::Required)));
            return;
        }
        let reply = unsent
            .get_untracked()
            .filter(|(_, text)| *text == body)
            .map_or_else(random_key, |(id, _)| id);
        unsent.set(Some((reply.clone(), body.clone())));
        let op = BoardOp::Reply {
            annotation: annotation.clone(),
            reply,
            body,
        };
        sending.run(year, op, move || {
            unsent.set(None);
            draft.set(String::new());
        });
    };
    let busy = move || sending.pending.get();
    let general = sending.general(&["testo"]);
    view! {
        <form class="thread-form reply-form" on:submit=submit>
            <TextBox
                id=box_id
                label=t.reply_label
                draft
                mentions=true
                error=sending.field("testo")
                hint=plan_texts().markdown_hint
                required=true
            />
            <p class="field-error">{move || general.get()}</p>
            <button type="submit" class="btn btn-primary btn-sm" disabled=busy>
                {move || if busy() { texts().sending } else { t.reply_submit }}
            </button>
        </form>
    }
}
