//! One annotation of the list: what it says and where, its status, and its thread. The forms
//! keep their text in this component's signals, so live changes never touch what is typed.

use leptos::html;
use leptos::prelude::*;

use super::context::board_context;
use super::threads::own::{OwnText, Target};
use super::threads::place::Place;
use super::threads::replies::Replies;
use super::threads::reply_form::ReplyForm;
use super::threads::resolve::ResolveControls;
use super::threads::summary::{status_code, summary};
use crate::domain::board::{Annotation, AnnotationId};
use crate::i18n::board_threads::board_thread_texts;

/// The annotation `id` of the board, with its thread; expanded, scrolled to and focused when it
/// becomes the board's open thread.
#[component]
pub fn Thread(
    id: AnnotationId,
    /// Whether the page is live in the browser (forms need it).
    hydrated: Signal<bool>,
    /// Changes when the plans on the board change (anchors are placed again).
    plans: Memo<Vec<i64>>,
) -> impl IntoView {
    let t = board_thread_texts();
    let ctx = board_context();
    let annotation = Memo::new({
        let id = id.clone();
        move |_| {
            ctx.view
                .with(|v| v.annotations.iter().find(|a| a.id == id).cloned())
        }
    });
    // The annotation without its replies: a new reply leaves what is shown above them alone.
    let head = Memo::new(move |_| {
        annotation.with(|a| {
            a.as_ref().map(|a| Annotation {
                replies: Vec::new(),
                ..a.clone()
            })
        })
    });
    let place = Memo::new(move |_| {
        plans.track();
        head.with(|a| {
            a.as_ref()
                .map(|a| ctx.view.with_untracked(|v| Place::of(a, v)))
        })
    });
    let year = ctx.view.with_untracked(|v| v.year);
    // Memos, so that the forms they show are made again only when the answer changes.
    let fact = move |f: fn(&Annotation, &str) -> bool| {
        Memo::new(move |_| {
            let me = ctx.view.with(|v| v.me.person_id.0.clone());
            hydrated.get()
                && ctx.view.with(|v| v.me.can_write)
                && annotation.with(|a| a.as_ref().is_some_and(|a| !a.deleted && f(a, &me)))
        })
    };
    let own = fact(|a, me| a.author.id.0 == me);
    let replying = fact(|_, _| true);
    let resolving = Memo::new(move |_| {
        let community = annotation.with(|a| a.as_ref().map(|a| a.community.clone()));
        replying.get()
            && (own.get()
                || ctx
                    .view
                    .with(|v| community.is_some_and(|c| v.me.resolves.contains(&c))))
    });
    let open = Memo::new(move |_| annotation.with(|a| a.as_ref().is_some_and(Annotation::is_open)));
    let editing = RwSignal::new(false);
    let expanded = RwSignal::new(false);
    let article = NodeRef::<html::Article>::new();
    let details = NodeRef::<html::Details>::new();
    Effect::new({
        let id = id.clone();
        move || {
            if ctx.open_thread.with(|open| open.as_ref() == Some(&id)) {
                expanded.set(true);
                request_animation_frame(move || {
                    if let Some(article) = article.get_untracked() {
                        article.scroll_into_view();
                        let _ = article.focus();
                    }
                });
            }
        }
    });
    let title_id = format!("annotazione-{}-titolo", id.0);
    let summary = {
        let title_id = title_id.clone();
        move || {
            let editing = editing.get();
            head.with(|a| {
                place.with(|place| {
                    a.as_ref()
                        .zip(place.as_ref())
                        .map(|(a, place)| summary(a, place, &title_id, editing))
                })
            })
        }
    };
    let own_controls = {
        let id = id.clone();
        move || {
            own.get().then(|| {
                let target = Target {
                    annotation: id.clone(),
                    reply: None,
                };
                let body = Signal::derive(move || {
                    annotation.with(|a| a.as_ref().map(|a| a.body.clone()).unwrap_or_default())
                });
                view! { <OwnText target year body editing /> }
            })
        }
    };
    let reply_form = {
        let id = id.clone();
        move || {
            replying
                .get()
                .then(|| view! { <ReplyForm annotation=id.clone() year /> })
        }
    };
    let resolve = {
        let id = id.clone();
        move || {
            resolving
                .get()
                .then(|| view! { <ResolveControls annotation=id.clone() year open=open.into() /> })
        }
    };
    let attribute = move |f: fn(&Annotation) -> String| {
        move || annotation.with(|a| a.as_ref().map(f).unwrap_or_default())
    };
    let replies = move || annotation.with(|a| a.as_ref().map_or(0, |a| a.replies.len()));
    view! {
        <article
            class="thread"
            id=format!("annotazione-{}", id.0)
            tabindex="-1"
            aria-labelledby=title_id
            data-annotation=id.0.clone()
            data-kind=attribute(|a| a.kind.code().to_owned())
            data-status=attribute(|a| status_code(&a.status).to_owned())
            data-detached=move || place.with(|p| p.as_ref().is_some_and(|p| p.detached)).to_string()
            node_ref=article
        >
            {summary}
            {own_controls}
            <details
                class="discussion"
                open=move || expanded.get()
                node_ref=details
                on:toggle=move |_| {
                    if let Some(details) = details.get_untracked() {
                        expanded.set(details.open());
                    }
                }
            >
                <summary>{move || (t.discussion)(replies())}</summary>
                <Replies annotation writable=replying.into() />
                {reply_form}
                {resolve}
            </details>
        </article>
    }
}
