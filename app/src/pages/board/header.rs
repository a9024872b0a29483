//! The top of the board: cycle and phase, the live connection's state, who else is looking at
//! which plan, links to the board's summaries, and the live region for the news.

use leptos::prelude::*;

use super::context::board_context;
use super::live::Live;
use crate::domain::cycle::Phase;
use crate::i18n::board_texts;

/// The board's header.
#[component]
pub fn BoardHeader(year: i32, phase: Phase, live: Live, can_write: bool) -> impl IntoView {
    let t = board_texts();
    let context = board_context();
    let presence = move || {
        let (names, me) = context.view.with_untracked(|v| {
            let names = v
                .plans
                .iter()
                .map(|p| (p.community.clone(), p.name.clone()));
            (names.collect::<Vec<_>>(), v.me.person_id.clone())
        });
        let people = live.presence.with(|all| {
            all.iter()
                .filter(|p| p.person != me)
                .map(|p| {
                    let plan = p.viewing.as_ref().and_then(|slug| {
                        names
                            .iter()
                            .find(|(s, _)| s == slug)
                            .map(|(_, name)| name.as_str())
                    });
                    (t.presence_entry)(&p.name, plan)
                })
                .collect::<Vec<_>>()
        });
        if people.is_empty() {
            t.presence_nobody.to_owned()
        } else {
            people.join(", ")
        }
    };
    let connection = move || live.connection.get();
    view! {
        <header class="board-header">
            <p class="kicker">{t.kicker}</p>
            <h1>{(t.title)(year)}</h1>
            <p class="board-phase">{(t.phase)(phase.label())}</p>
            {(!can_write).then(|| view! { <p class="alert alert-info">{t.read_only}</p> })}
            <noscript>
                <p class="alert alert-info">{t.needs_script}</p>
            </noscript>
            <div class="board-live">
                <p class="board-connection" data-connection=move || connection().code()>
                    <span class="board-connection-dot" aria-hidden="true"></span>
                    <span class="board-connection-label">{t.connection_label} ": "</span>
                    <span>{move || connection().words()}</span>
                </p>
                <p class="board-presence" title=presence>
                    <span class="board-presence-label">{t.presence_title} ": "</span>
                    <span>{presence}</span>
                </p>
            </div>
            <p class="board-links">
                <a href="/lettura-trasversale/sinergie">{t.link_synergies}</a>
                <a href="/lettura-trasversale/azioni-integrate">{t.link_integrated}</a>
            </p>
            <p
                class="board-news"
                class:has-news=move || context.announcement.with(|a| !a.is_empty())
                role="status"
                aria-live="polite"
            >
                {move || context.announcement.get()}
            </p>
        </header>
    }
}
