//! The outline of the general plan drawn as HTML: headings with their anchors (marked when
//! out of date), text, facts, tables and quotes.

use leptos::prelude::*;

use crate::components::rich_text::RichText;
use crate::domain::general_plan::outline::{Block, Table};
use crate::domain::general_plan::parts::SYNERGIES;
use crate::i18n::general_plan_texts;

/// Every block of the outline; headings whose id is in `stale` carry a badge.
#[component]
pub fn OutlineBlocks(blocks: Vec<Block>, stale: Vec<String>) -> impl IntoView {
    let mut wide = false;
    blocks
        .into_iter()
        .map(|block| {
            if let Block::Heading { id, .. } = &block {
                wide = id == SYNERGIES;
            }
            match block {
                Block::Heading { level, id, text } => {
                    let badge = stale.contains(&id).then(|| {
                        view! {
                            " "
                            <span class="badge stale-badge">
                                {general_plan_texts().stale_badge}
                            </span>
                        }
                    });
                    heading(
                        level,
                        id,
                        view! {
                            {text}
                            {badge}
                        }
                        .into_any(),
                    )
                }
                Block::Text(text) => view! { <RichText text /> }.into_any(),
                Block::Facts(facts) => facts_view(facts),
                Block::Table(table) => table_view(table, wide),
                Block::Quote { quote, body, by } => view! {
                    <figure class="source-note">
                        <blockquote>
                            {(!quote.is_empty())
                                .then(|| view! { <p class="quote">"«" {quote} "»"</p> })}
                            {(!body.is_empty()).then(|| view! { <RichText text=body /> })}
                        </blockquote>
                        <figcaption>{by}</figcaption>
                    </figure>
                }
                .into_any(),
            }
        })
        .collect_view()
}

fn heading(level: u8, id: String, content: AnyView) -> AnyView {
    match level {
        2 => view! { <h2 id=id>{content}</h2> }.into_any(),
        3 => view! { <h3 id=id>{content}</h3> }.into_any(),
        4 => view! { <h4 id=id>{content}</h4> }.into_any(),
        _ => view! { <h5 id=id>{content}</h5> }.into_any(),
    }
}

fn facts_view(facts: Vec<(String, String)>) -> AnyView {
    let items = facts
        .into_iter()
        .map(|(term, value)| {
            view! {
                <dt>{term}</dt>
                <dd>{value}</dd>
            }
        })
        .collect_view();
    view! { <dl class="action-facts">{items}</dl> }.into_any()
}

/// A table; the wide matrix scrolls sideways in a box reachable from the keyboard.
fn table_view(table: Table, wide: bool) -> AnyView {
    let head = table
        .head
        .into_iter()
        .map(|cell| view! { <th scope="col">{cell}</th> })
        .collect_view();
    let rows = table
        .rows
        .into_iter()
        .map(|(id, cells)| {
            let cells = cells
                .into_iter()
                .enumerate()
                .map(|(i, cell)| {
                    if i == 0 {
                        view! { <th scope="row">{cell}</th> }.into_any()
                    } else {
                        view! { <td>{cell}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr id=id>{cells}</tr> }
        })
        .collect_view();
    let caption = table.caption.clone();
    let table = view! {
        <table class="data-table">
            <caption>{table.caption}</caption>
            <thead>
                <tr>{head}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    };
    if wide {
        view! {
            <div class="table-wrap matrix-wrap" role="region" aria-label=caption tabindex="0">
                {table}
            </div>
        }
        .into_any()
    } else {
        view! { <div class="table-wrap">{table}</div> }.into_any()
    }
}
