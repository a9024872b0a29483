//! The list of every annotation across the plans, newest activity first, with its filters.
//! Threads are followed by id, so a live change re-renders only what changed and never an
//! open form; while the focus is inside the list it holds still (new threads go on top), and
//! the thread being worked on stays even when the filters would now hide it (just resolved, say).

pub mod focus;
pub mod labels;
pub mod own;
pub mod place;
pub mod replies;
pub mod reply_form;
pub mod resolve;
pub mod sending;
pub mod summary;
pub mod text;
pub mod text_box;
pub mod when;

use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::{use_location, use_query_map};

use super::context::board_context;
use super::filters::{Filter, ThreadFilters};
use super::thread::Thread;
use crate::domain::board::{Annotation, AnnotationId, BoardView};
use crate::i18n::board_threads::board_thread_texts;

/// Every annotation of the board, filtered by kind, community and state (open by default).
#[component]
pub fn Threads() -> impl IntoView {
    let t = board_thread_texts();
    let ctx = board_context();
    let query = use_query_map();
    let filter = RwSignal::new(query.with_untracked(Filter::from_query));
    let hydrated = RwSignal::new(false);
    let hash = use_location().hash;
    // Once live: forms appear, and a link to `#annotazione-{id}` opens that thread.
    Effect::new(move || {
        hydrated.set(true);
        if let Some(id) = hash.get_untracked().strip_prefix("#annotazione-") {
            ctx.open_thread.set(Some(AnnotationId(id.to_owned())));
        }
    });
    let frozen = RwSignal::new(false);
    // The thread the focus was last in; shown whatever the filters say until they change.
    let kept = RwSignal::new(None::<AnnotationId>);
    Effect::new(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            kept.set(None);
        }
    });
    let plans = Memo::new(move |_| {
        ctx.view
            .with(|v| v.plans.iter().map(|p| p.version).collect::<Vec<_>>())
    });
    let order = Memo::new(move |previous: Option<&Vec<AnnotationId>>| {
        let sorted = ctx
            .view
            .with(|v| filter.with(|f| kept.with(|k| newest_first(v, f, k.as_ref()))));
        match previous {
            Some(previous) if frozen.get() => keep_order(previous, sorted),
            _ => sorted,
        }
    });
    // A thread opened from elsewhere on the page is shown even if the filters hid it.
    Effect::new(move || {
        let Some(id) = ctx.open_thread.get() else {
            return;
        };
        let hidden = ctx.view.with_untracked(|v| {
            v.annotations
                .iter()
                .any(|a| a.id == id && !filter.with_untracked(|f| f.matches(a)))
        });
        if hidden {
            filter.set(Filter::everything());
        }
    });
    let list = NodeRef::<html::Ol>::new();
    let on_focusin = move |ev: leptos::ev::FocusEvent| {
        frozen.set(true);
        let thread = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-annotation]").ok().flatten())
            .and_then(|e| e.get_attribute("data-annotation"));
        if let Some(id) = thread {
            kept.set(Some(AnnotationId(id)));
        }
    };
    // Focus that goes nowhere (a form that closed under it) leaves the list as it is.
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        let Some(next) = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        else {
            return;
        };
        if !list
            .get_untracked()
            .is_some_and(|l| l.contains(Some(&next)))
        {
            frozen.set(false);
            kept.set(None);
        }
    };
    let (communities, can_write) = ctx.view.with_untracked(|v| {
        let communities = v
            .plans
            .iter()
            .map(|p| (p.community.clone(), p.name.clone()));
        (communities.collect(), v.me.can_write)
    });
    let count = Signal::derive(move || order.with(Vec::len));
    view! {
        <section class="threads" aria-labelledby="titolo-annotazioni">
            <h2 id="titolo-annotazioni">{t.threads_title}</h2>
            {(!can_write).then(|| view! { <p class="alert alert-info">{t.read_only}</p> })}
            <ThreadFilters filter communities count plan=query.with_untracked(|q| q.get("piano")) />
            <ol class="thread-list" node_ref=list on:focusin=on_focusin on:focusout=on_focusout>
                <For
                    each=move || order.get()
                    key=|id| id.clone()
                    children=move |id| {
                        view! {
                            <li>
                                <Thread id hydrated=hydrated.into() plans />
                            </li>
                        }
                    }
                />
            </ol>
            {move || {
                (count.get() == 0).then(|| view! { <p class="threads-empty">{t.threads_empty}</p> })
            }}
        </section>
    }
}

/// The ids of the annotations `filter` shows, and `kept`, the latest changed first. A deleted
/// annotation is listed only while replies to it remain.
fn newest_first(
    view: &BoardView,
    filter: &Filter,
    kept: Option<&AnnotationId>,
) -> Vec<AnnotationId> {
    let mut shown: Vec<&Annotation> = view
        .annotations
        .iter()
        .filter(|a| !a.deleted || a.replies.iter().any(|r| !r.deleted))
        .filter(|a| filter.matches(a) || kept == Some(&a.id))
        .collect();
    shown.sort_by(|a, b| b.event.cmp(&a.event).then_with(|| a.id.cmp(&b.id)));
    shown.into_iter().map(|a| a.id.clone()).collect()
}

/// `previous` as it was (even the threads the filters would now hide, such as one just
/// resolved from inside it), with the ids of `sorted` it did not have on top.
fn keep_order(previous: &[AnnotationId], sorted: Vec<AnnotationId>) -> Vec<AnnotationId> {
    let new = sorted.into_iter().filter(|id| !previous.contains(id));
    new.chain(previous.iter().cloned()).collect()
}

#[cfg(test)]
mod tests {
    use super::keep_order;
    use crate::domain::board::AnnotationId;

    fn ids(names: &[&str]) -> Vec<AnnotationId> {
        names
            .iter()
            .map(|n| AnnotationId((*n).to_owned()))
            .collect()
    }

    #[test]
    fn a_held_order_keeps_every_place_and_puts_new_threads_on_top() {
        let previous = ids(&["a", "b", "c"]);
        let sorted = ids(&["c", "d", "a"]);
        assert_eq!(keep_order(&previous, sorted), ids(&["d", "a", "b", "c"]));
    }
}
