//! What the person wrote, as `/profilo/dati` lists it.

use leptos::prelude::*;

use super::{Listing, Names};
use crate::domain::board::Revision;
use crate::domain::personal_data::{PersonalData, WrittenAnnotation, WrittenReply};
use crate::domain::role::RoleKind;
use crate::i18n::board_threads::board_thread_texts;
use crate::i18n::{board_texts, personal_data_texts};
use crate::pages::board::threads::when::italian_moment;

#[component]
pub fn Writings(data: PersonalData, names: Names) -> impl IntoView {
    let t = personal_data_texts();
    let annotations = data
        .annotations
        .iter()
        .map(|a| annotation(a, &names))
        .collect();
    let replies = data.replies.iter().map(|r| reply(r, &names)).collect();
    let outcomes = data
        .outcomes
        .iter()
        .map(|o| {
            let what = (board_thread_texts().outcome)(o.outcome);
            let on = (t.on_plan)(what, o.year, &names.of(&o.community));
            view! {
                <p>
                    <strong>{on}</strong>
                    {format!(" · {}", italian_moment(&o.at))}
                </p>
                <p>{o.reason.clone()}</p>
            }
            .into_any()
        })
        .collect();
    let plan_versions = data
        .plan_versions
        .iter()
        .map(|v| {
            let href = format!("/piani/{}/{}/versioni", v.year, v.community.as_str());
            let community = names.of(&v.community);
            let label =
                (t.plan_version)(&community, v.year, v.number, &italian_moment(&v.saved_at));
            view! { <a href=href>{label}</a> }.into_any()
        })
        .collect();
    let general_versions = data
        .general_versions
        .iter()
        .map(|v| {
            let href = format!("/piano-generale/{}/versioni", v.year);
            let label = (t.general_version)(v.year, v.number, &italian_moment(&v.saved_at));
            view! { <a href=href>{label}</a> }.into_any()
        })
        .collect();
    let remarks = data
        .remarks
        .iter()
        .map(|r| {
            let body =
                RoleKind::parse(&r.body).map_or_else(|| r.body.clone(), |k| k.label().to_owned());
            let community = names.of(&r.community);
            let at = italian_moment(&r.created_at);
            let heading = (t.remark)(&body, &community, r.year, r.plan_version, &at);
            view! {
                <p>
                    <strong>{heading}</strong>
                </p>
                <Quote quote=r.quote.clone() />
                <p>{r.text.clone()}</p>
            }
            .into_any()
        })
        .collect();
    let news = data
        .news
        .iter()
        .map(|n| {
            let state = match &n.published_at {
                Some(at) => italian_moment(at),
                None => t.draft.to_owned(),
            };
            view! {
                <a href=format!("/notizie/{}", n.id)>{n.title.clone()}</a>
                {format!(" · {state}")}
                <p>{n.summary.clone()}</p>
            }
            .into_any()
        })
        .collect();
    let meetings = data
        .meetings
        .iter()
        .map(|m| view! { <a href=format!("/incontri/{}", m.id)>{m.title.clone()}</a> }.into_any())
        .collect();
    let reports = data
        .reports
        .iter()
        .map(|r| {
            view! {
                <p>
                    <strong>{italian_moment(&r.created_at)}</strong>
                    {(!r.page.is_empty()).then(|| format!(" · {}", r.page))}
                </p>
                <p>{r.message.clone()}</p>
            }
            .into_any()
        })
        .collect();
    view! {
        <Listing id="dati-annotazioni" title=t.annotations items=annotations />
        <Listing id="dati-risposte" title=t.replies items=replies />
        <Listing id="dati-esiti" title=t.outcomes items=outcomes />
        <Listing id="dati-versioni-piani" title=t.plan_versions items=plan_versions />
        <Listing id="dati-piano-generale" title=t.general_versions items=general_versions />
        <Listing id="dati-osservazioni" title=t.remarks items=remarks />
        <Listing id="dati-notizie" title=t.news items=news />
        <Listing id="dati-incontri-creati" title=t.meetings items=meetings />
        <Listing id="dati-segnalazioni" title=t.reports items=reports />
    }
}

fn annotation(a: &WrittenAnnotation, names: &Names) -> AnyView {
    let t = personal_data_texts();
    let on = (t.on_plan)(
        (board_texts().kind)(a.kind),
        a.year,
        &names.of(&a.community),
    );
    view! {
        <Heading on at=a.created_at.clone() deleted=a.deleted />
        <Quote quote=a.quote.clone() />
        {a.proposal_title.clone().map(|title| view! { <p class="fw-semibold">{title}</p> })}
        <p>{a.body.clone()}</p>
        <Earlier history=a.history.clone() />
    }
    .into_any()
}

fn reply(r: &WrittenReply, names: &Names) -> AnyView {
    let t = personal_data_texts();
    let on = (t.on_plan)(t.replies, r.year, &names.of(&r.community));
    view! {
        <Heading on at=r.created_at.clone() deleted=r.deleted />
        <p>{r.body.clone()}</p>
        <Earlier history=r.history.clone() />
    }
    .into_any()
}

/// Where and when a text was written, and whether it was deleted.
#[component]
fn Heading(on: String, at: String, deleted: bool) -> impl IntoView {
    let deleted = deleted.then(|| format!(" · {}", personal_data_texts().deleted));
    view! {
        <p>
            <strong>{on}</strong>
            {format!(" · {}", italian_moment(&at))}
            {deleted}
        </p>
    }
}

/// The passage a text is about, if any.
#[component]
fn Quote(quote: String) -> impl IntoView {
    (!quote.is_empty()).then(|| view! { <blockquote class="quote">{quote}</blockquote> })
}

/// The earlier texts of an edited or deleted text, if any.
#[component]
fn Earlier(history: Vec<Revision>) -> impl IntoView {
    (!history.is_empty()).then(|| {
        let items = history
            .into_iter()
            .map(
                |r| view! { <li>{format!("{} · {}", italian_moment(&r.replaced_at), r.body)}</li> },
            )
            .collect_view();
        view! {
            <details>
                <summary>{personal_data_texts().earlier}</summary>
                <ul>{items}</ul>
            </details>
        }
    })
}
