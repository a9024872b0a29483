//! What a thread shows above its replies: kind, place, quote, text, author and status.

use leptos::prelude::*;

use super::place::Place;
use super::text::{Byline, History};
use super::when::italian_moment;
use crate::components::rich_text::RichText;
use crate::domain::board::{Annotation, Status};
use crate::i18n::board_threads::board_thread_texts;

/// «aperta», or the outcome's code.
pub fn status_code(status: &Status) -> &'static str {
    match status {
        Status::Open => "aperta",
        Status::Resolved { outcome, .. } => outcome.code(),
    }
}

/// Kind, place, quote, text, author and status of `a`; the text is left out while it is edited.
pub fn summary(a: &Annotation, place: &Place, title_id: &str, editing: bool) -> AnyView {
    let t = board_thread_texts();
    let kind = a.kind.code();
    let quote = (!a.anchor.quote.is_empty()).then(|| {
        view! {
            <blockquote class="thread-quote" aria-label=t.quote>
                <p>{a.anchor.quote.clone()}</p>
            </blockquote>
        }
    });
    let detached = place
        .detached
        .then(|| view! { <p class="detached-marker">{t.detached}</p> });
    let synergy = place.synergy.clone().map(|(line, href)| {
        view! {
            <p class="synergy-target">
                <span aria-hidden="true">"→ "</span>
                <span class="visually-hidden">{t.synergy_with} " "</span>
                <a href=href>{line}</a>
            </p>
        }
    });
    let proposal = a.proposal.clone().map(|proposal| {
        view! {
            <p class="proposal-title">
                <strong>{proposal.title}</strong>
            </p>
            <p>{t.proposal_communities} ": " {place.communities.join(", ")}</p>
        }
    });
    let body = if a.deleted {
        view! { <p class="deleted-text">{t.annotation_deleted}</p> }.into_any()
    } else if editing {
        ().into_any()
    } else {
        view! { <RichText text=a.body.clone() /> }.into_any()
    };
    let history = (!a.deleted).then(|| view! { <History history=a.history.clone() /> });
    view! {
        <h3 class="thread-title" id=title_id.to_owned()>
            <span class=format!("badge kind-{kind}")>{(t.kind)(a.kind)}</span>
            " "
            <a href=place.href.clone()>{place.line.clone()}</a>
        </h3>
        {detached}
        {quote}
        {proposal}
        {synergy}
        {body}
        <Byline author=a.author.name.clone() at=a.created_at.clone() />
        {history}
        {status(&a.status)}
    }
    .into_any()
}

/// «Aperta», or the outcome with who closed the thread, when, and why.
fn status(status: &Status) -> AnyView {
    let t = board_thread_texts();
    match status {
        Status::Open => view! {
            <p class="thread-status">
                <span class="status-badge status-aperta">{t.status_open}</span>
            </p>
        }
        .into_any(),
        Status::Resolved {
            outcome,
            reason,
            by,
            at,
        } => {
            let reason = (!reason.is_empty()).then(|| {
                view! {
                    <p class="thread-reason">
                        <strong>{t.reason} ": "</strong>
                        {reason.clone()}
                    </p>
                }
            });
            view! {
                <p class="thread-status">
                    <span class=format!(
                        "status-badge status-{}",
                        outcome.code(),
                    )>{(t.outcome)(*outcome)}</span>
                    " "
                    {(t.resolved_by)(&by.name, &italian_moment(at))}
                </p>
                {reason}
            }
            .into_any()
        }
    }
}
