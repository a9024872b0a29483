//! The parts every text of a thread shows: who wrote it and when, and its earlier versions.

use leptos::prelude::*;

use super::when::italian_moment;
use crate::components::rich_text::RichText;
use crate::domain::board::Revision;
use crate::i18n::board_threads::board_thread_texts;

/// «di Nome Cognome · 14 maggio 2024, ore 16:03».
#[component]
pub fn Byline(author: String, at: String) -> impl IntoView {
    let moment = italian_moment(&at);
    view! {
        <p class="thread-meta">
            {(board_thread_texts().written_by)(&author)} " · " <time datetime=at>{moment}</time>
        </p>
    }
}

/// «modificata», opening the earlier texts; nothing when the text was never changed.
#[component]
pub fn History(history: Vec<Revision>) -> impl IntoView {
    let t = board_thread_texts();
    (!history.is_empty()).then(|| {
        let revisions = history
            .into_iter()
            .rev()
            .map(|revision| {
                view! {
                    <li>
                        <p class="thread-meta">
                            {(t.text_until)(&italian_moment(&revision.replaced_at))}
                        </p>
                        <RichText text=revision.body />
                    </li>
                }
            })
            .collect_view();
        view! {
            <details class="history">
                <summary>{t.edited}</summary>
                <ol>{revisions}</ol>
            </details>
        }
    })
}
