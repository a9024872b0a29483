//! Text written with a little markdown, shown as paragraphs, lists, emphasis and safe links.
//! Every piece of text becomes a text node, never HTML.

use leptos::prelude::*;

use crate::domain::markdown::{Block, Inline, parse};

/// Renders `text` (a little markdown) as paragraphs, lists, emphasis and safe links.
#[component]
pub fn RichText(#[prop(into)] text: String) -> impl IntoView {
    let blocks = parse(&text).into_iter().map(block).collect_view();
    view! { <div class="rich-text">{blocks}</div> }
}

/// One paragraph or list, as `RichText` renders it.
pub fn block(block: Block) -> AnyView {
    match block {
        Block::Paragraph(inlines) => view! { <p>{runs(inlines)}</p> }.into_any(),
        Block::List(items) => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{runs(item)}</li> })
                .collect_view();
            view! { <ul>{items}</ul> }.into_any()
        }
    }
}

/// A sequence of inline runs.
fn runs(inlines: Vec<Inline>) -> Vec<AnyView> {
    inlines.into_iter().map(run).collect()
}

/// One inline run: text, a line break, emphasis or a link.
fn run(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::LineBreak => view! { <br /> }.into_any(),
        Inline::Strong(inner) => view! { <strong>{runs(inner)}</strong> }.into_any(),
        Inline::Emphasis(inner) => view! { <em>{runs(inner)}</em> }.into_any(),
        Inline::Link { text, url } => view! {
            <a href=url rel="nofollow noopener noreferrer">
                {text}
            </a>
        }
        .into_any(),
    }
}
