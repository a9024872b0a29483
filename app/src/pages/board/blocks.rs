//! The annotatable texts of a plan column. Each block element carries `data-item` and
//! `data-field`, and its text content is exactly the block's plain text (`anchor::blocks`),
//! so a selection's offsets are offsets in that text. Buttons sit outside the blocks, except
//! the context's paragraph buttons, which have no text of their own (their label is CSS).

use leptos::prelude::*;

use super::annotate::AnnotateForm;
use super::context::board_context;
use super::marks::{Marks, segments};
use crate::components::rich_text::{RichText, block};
use crate::domain::board::anchor::field;
use crate::domain::board::{Anchor, AnnotationId};
use crate::domain::community::CommunitySlug;
use crate::domain::markdown::{self, Inline, parse, plain_text};
use crate::domain::plan::section;
use crate::i18n::board_texts;

/// How many characters of a paragraph its button's name quotes.
const LABEL_CHARS: usize = 60;

/// A plain-text field, its open annotations highlighted, then its badge.
#[component]
pub fn TextBlock(marks: Marks, item: String, field: &'static str, text: String) -> impl IntoView {
    let on = marks.on_block(&item, field);
    let runs = move || {
        on.with(|m| segments(&text, &m.ranges))
            .into_iter()
            .map(|(run, marked)| {
                if marked {
                    view! { <mark>{run}</mark> }.into_any()
                } else {
                    run.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <span class="board-block" data-item=item data-field=field>
            {runs}
        </span>
        <Badge
            ids=Signal::derive(move || on.with(|m| m.ids.clone()))
            describe=board_texts().badge
        />
    }
}

/// A markdown field, then its badge.
#[component]
pub fn RichBlock(marks: Marks, item: String, field: &'static str, source: String) -> impl IntoView {
    let on = marks.on_block(&item, field);
    view! {
        <div class="board-block" data-item=item data-field=field>
            <RichText text=source />
        </div>
        <Badge
            ids=Signal::derive(move || on.with(|m| m.ids.clone()))
            describe=board_texts().badge
        />
    }
}

/// The context: its paragraphs, each with a button annotating it, then the badge.
#[component]
pub fn ContextBlock(
    marks: Marks,
    community: CommunitySlug,
    source: String,
    can_write: bool,
) -> impl IntoView {
    let t = board_texts();
    let form = expect_context::<AnnotateForm>();
    let on = marks.on_block(section::CONTEXT, field::TEXT);
    let whole = plain_text(&source);
    let mut start = 0;
    let paragraphs = parse(&source)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let text = block_text(&part);
            let end = start + text.chars().count();
            let anchor = Anchor::passage(section::CONTEXT, field::TEXT, &whole, start, end);
            start = end;
            let excerpt: String = text.chars().take(LABEL_CHARS).collect();
            let community = community.clone();
            let button = can_write.then(|| {
                view! {
                    <button
                        type="button"
                        class="board-para-annotate"
                        data-label=t.annotate
                        aria-label=(t.annotate_paragraph)(i + 1, &excerpt)
                        on:click=move |ev| {
                            form.open(community.clone(), anchor.clone(), opener(&ev));
                        }
                    ></button>
                }
            });
            view! { <div class="board-para">{block(part)}{button}</div> }
        })
        .collect_view();
    view! {
        <div class="board-block rich-text" data-item=section::CONTEXT data-field=field::TEXT>
            {paragraphs}
        </div>
        <Badge ids=Signal::derive(move || on.with(|m| m.ids.clone())) describe=t.badge />
    }
}

/// The «Annota» button of an objective or action, labelled `label` (O2, A1) and `title`.
#[component]
pub fn AnnotateItem(
    community: CommunitySlug,
    item: String,
    label: String,
    title: String,
) -> impl IntoView {
    let t = board_texts();
    let form = expect_context::<AnnotateForm>();
    view! {
        <button
            type="button"
            class="btn btn-sm btn-outline board-annotate"
            aria-label=(t.annotate_item)(&label, &title)
            on:click=move |ev| form.open(community.clone(), Anchor::whole(&item), opener(&ev))
        >
            {t.annotate}
        </button>
    }
}

/// A small button with how many annotations are somewhere; it opens the first one's thread.
#[component]
pub fn Badge(
    ids: Signal<Vec<AnnotationId>>,
    describe: impl Fn(usize) -> String + Send + Sync + 'static,
) -> impl IntoView {
    let open_thread = board_context().open_thread;
    move || {
        let ids = ids.get();
        let first = ids.first()?.clone();
        Some(view! {
            <button
                type="button"
                class="board-badge"
                aria-label=describe(ids.len())
                on:click=move |_| open_thread.set(Some(first.clone()))
            >
                {ids.len()}
            </button>
        })
    }
}

/// The element an event happened on, to give the focus back to.
pub fn opener(ev: &web_sys::MouseEvent) -> Option<web_sys::HtmlElement> {
    use leptos::wasm_bindgen::JsCast;
    ev.current_target()?.dyn_into().ok()
}

/// The plain text of one paragraph or list (its part of `markdown::plain_text`).
fn block_text(part: &markdown::Block) -> String {
    fn push(out: &mut String, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text(text) | Inline::Link { text, .. } => out.push_str(text),
                Inline::LineBreak => {}
                Inline::Strong(inner) | Inline::Emphasis(inner) => push(out, inner),
            }
        }
    }
    let mut out = String::new();
    match part {
        markdown::Block::Paragraph(inlines) => push(&mut out, inlines),
        markdown::Block::List(items) => items.iter().for_each(|item| push(&mut out, item)),
    }
    out
}
