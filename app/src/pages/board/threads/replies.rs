//! The replies of a thread, each followed by id so that live changes keep open edit boxes.

use leptos::prelude::*;

use super::super::context::board_context;
use super::own::{OwnText, Target};
use super::text::{Byline, History};
use crate::components::rich_text::RichText;
use crate::domain::board::{Annotation, AnnotationId};
use crate::i18n::board_threads::board_thread_texts;

/// The replies of `annotation`, oldest first.
#[component]
pub fn Replies(
    annotation: Memo<Option<Annotation>>,
    /// Whether the person may change their own replies here (browser, writable board).
    writable: Signal<bool>,
) -> impl IntoView {
    let ids = move || {
        annotation.with(|a| {
            a.iter()
                .flat_map(|a| a.replies.iter().map(|r| r.id.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ol class="replies">
            <For
                each=ids
                key=|id| id.clone()
                children=move |id| view! { <ReplyItem annotation id writable /> }
            />
        </ol>
    }
}

/// One reply: author, time, text (or that it was deleted), and the author's own controls.
#[component]
fn ReplyItem(
    annotation: Memo<Option<Annotation>>,
    id: AnnotationId,
    writable: Signal<bool>,
) -> impl IntoView {
    let t = board_thread_texts();
    let reply = Memo::new({
        let id = id.clone();
        move |_| {
            annotation.with(|a| {
                let a = a.as_ref()?;
                let reply = a.replies.iter().find(|r| r.id == id)?;
                Some((a.id.clone(), a.year, reply.clone()))
            })
        }
    });
    let editing = RwSignal::new(false);
    let board = board_context().view;
    let mine = Memo::new(move |_| {
        let me = board.with(|v| v.me.person_id.clone());
        reply.with(|r| {
            r.as_ref()
                .is_some_and(|(_, _, r)| !r.deleted && r.author.id == me)
        })
    });
    let body = Signal::derive(move || {
        reply
            .with(|r| r.as_ref().map(|(_, _, r)| r.body.clone()))
            .unwrap_or_default()
    });
    let shown = move || {
        reply.get().map(|(_, _, reply)| {
            let text = if reply.deleted {
                view! { <p class="deleted-text">{t.reply_deleted}</p> }.into_any()
            } else if editing.get() {
                ().into_any()
            } else {
                view! { <RichText text=reply.body.clone() /> }.into_any()
            };
            let history =
                (!reply.deleted).then(|| view! { <History history=reply.history.clone() /> });
            view! {
                <Byline author=reply.author.name.clone() at=reply.created_at.clone() />
                {text}
                {history}
            }
        })
    };
    let controls = move || {
        (writable.get() && mine.get()).then(|| {
            reply.with_untracked(|r| {
                r.as_ref().map(|(annotation, year, reply)| {
                    let target = Target {
                        annotation: annotation.clone(),
                        reply: Some(reply.id.clone()),
                    };
                    view! { <OwnText target year=*year body editing /> }
                })
            })
        })
    };
    view! {
        <li class="reply" data-reply=id.0.clone()>
            {shown}
            {controls}
        </li>
    }
}
