//! `/piani/{year}/{slug}/osservazioni`: the remarks of the validating bodies on one plan, the
//! CNER table's decisions on it and its revision; members of the bodies remark here, and the
//! plan's coordinators and referents hand back a revision.

mod write;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::review::{AddRemark, HandBackRevision, plan_remarks};
use crate::components::action_error::{ActionDone, ActionError};
use crate::components::loaded_page::loaded_page;
use crate::components::rich_text::RichText;
use crate::domain::review::{Remark, RemarksView};
use crate::error::AppError;
use crate::i18n::{plan_texts, review_texts, texts};
use crate::pages::plan::plan_params;
use crate::pages::review::DecisionEntry;
use write::{HandBack, WriteRemark};

/// The remarks on the route's plan; loaded again after each remark or hand-back.
#[component]
pub fn RemarksPage() -> impl IntoView {
    let target = plan_params();
    let add = ServerAction::<AddRemark>::new();
    let hand_back = ServerAction::<HandBackRevision>::new();
    let page = Resource::new(
        move || (target.get(), add.version().get(), hand_back.version().get()),
        |(target, ..)| async move {
            match target {
                Some((year, slug)) => plan_remarks(year, slug).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(page, move |view| view! { <Remarks view add hand_back /> })
}

#[component]
fn Remarks(
    view: RemarksView,
    add: ServerAction<AddRemark>,
    hand_back: ServerAction<HandBackRevision>,
) -> impl IntoView {
    let t = review_texts();
    let year = view.cycle.year;
    let plan_href = format!("/piani/{year}/{}", view.community);
    let title = (t.remarks_title)(&view.community_name, year);
    let decisions = view
        .decisions
        .iter()
        .rev()
        .map(|d| view! { <DecisionEntry decision=d.clone() year /> })
        .collect_view();
    let revise = view.can_revise.then(|| {
        view! {
            <HandBack
                year
                community=view.community.to_string()
                plan_href=plan_href.clone()
                hand_back
            />
        }
    });
    let write = (!view.bodies.is_empty()).then(|| {
        view! {
            <WriteRemark
                year
                community=view.community.to_string()
                bodies=view.bodies.clone()
                targets=view.targets.clone()
                add
            />
        }
    });
    let remarks = view
        .remarks
        .iter()
        .map(|remark| view! { <RemarkEntry remark=remark.clone() /> })
        .collect_view();
    view! {
        <Title text=format!("{title} · {}", texts().site_name) />
        <div class="container section remarks-page">
            <h1>{title}</h1>
            <p class="lead">{t.remarks_lead}</p>
            <p>
                <a href=plan_href.clone()>{(t.plan_version)(view.plan_version)}</a>
                " · "
                <a href=format!("/piano-generale/{year}/validazione")>{(t.review_title)(year)}</a>
            </p>
            <ActionError result=hand_back.value().into() />
            <ActionDone result=hand_back.value().into() message=t.handed_back />
            {revise}
            <h2>{t.decisions_title}</h2>
            {view.decisions.is_empty().then(|| view! { <p>{t.no_decisions}</p> })}
            <ol class="decision-history" reversed>
                {decisions}
            </ol>
            <h2 id="osservazioni">{(t.remarks_count)(view.remarks.len())}</h2>
            <ul class="remarks" aria-labelledby="osservazioni">
                {remarks}
            </ul>
            <ActionError result=add.value().into() />
            <ActionDone result=add.value().into() message=t.remark_saved />
            {write}
        </div>
    }
}

/// A remark: the body, where it points (the quote in its context), its text and author.
#[component]
fn RemarkEntry(remark: Remark) -> impl IntoView {
    let t = review_texts();
    let place = if remark.item_label.is_empty() {
        t.item_gone.to_owned()
    } else {
        format!("{} · {}", remark.item_label, remark.anchor.field)
    };
    let quote = (!remark.anchor.quote.is_empty()).then(|| {
        view! {
            <blockquote class="thread-quote">
                <span class="quote-context">{remark.anchor.prefix.clone()}</span>
                <mark>{remark.anchor.quote.clone()}</mark>
                <span class="quote-context">{remark.anchor.suffix.clone()}</span>
            </blockquote>
        }
    });
    view! {
        <li class="remark" id=format!("osservazione-{}", remark.id)>
            <p class="remark-head">
                <strong>{remark.body.label()}</strong>
                {format!(" · {place}")}
                {remark
                    .detached
                    .then(|| view! { <span class="badge status-rinviata">{t.detached}</span> })}
            </p>
            {quote}
            <RichText text=remark.text.clone() />
            <p class="remark-meta">
                {(t
                    .remark_by)(
                    &remark.author,
                    &plan_texts().long_date(&remark.created_at),
                    remark.plan_version,
                )}
            </p>
        </li>
    }
}
