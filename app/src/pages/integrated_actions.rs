//! `/lettura-trasversale/azioni-integrate`: the proposals accepted on the board, each an
//! integrated action ready for the general plan.

use leptos::prelude::*;
use leptos_meta::Title;

use super::board::threads::labels::{item_href, plan_name, ref_line, thread_href};
use super::board::threads::text::Byline;
use super::synergies::BoardCrumbs;
use crate::api::board::integrated_actions;
use crate::components::loaded_page::loaded_page;
use crate::components::rich_text::RichText;
use crate::domain::board::pages::IntegratedPage;
use crate::domain::board::synergies::IntegratedAction;
use crate::domain::board::{Annotation, ItemRef};
use crate::domain::plan::ItemId;
use crate::i18n::board_threads::board_thread_texts;
use crate::i18n::texts;

/// The integrated actions of the latest cycle's board.
#[component]
pub fn IntegratedActionsPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| integrated_actions());
    loaded_page(page, |page| view! { <IntegratedActions page /> })
}

#[component]
fn IntegratedActions(page: IntegratedPage) -> impl IntoView {
    let t = board_thread_texts();
    let list = if page.actions.is_empty() {
        view! { <p class="alert alert-info">{t.integrated_empty}</p> }.into_any()
    } else {
        let actions = page
            .actions
            .iter()
            .enumerate()
            .map(|(i, action)| view! { <li>{action_view(&page, action, i)}</li> })
            .collect_view();
        view! { <ol class="integrated-actions">{actions}</ol> }.into_any()
    };
    view! {
        <Title text=format!("{} · {}", t.integrated_title, texts().site_name) />
        <BoardCrumbs current=t.integrated_title />
        <div class="container section">
            <h1>{t.integrated_title}</h1>
            <p class="lead">{t.integrated_lead}</p>
            {list}
        </div>
    }
}

/// One integrated action: title, communities, linked items, description and sources.
fn action_view(page: &IntegratedPage, action: &IntegratedAction, index: usize) -> impl IntoView {
    let t = board_thread_texts();
    let plans = &page.plans;
    let title_id = format!("azione-integrata-{}", index + 1);
    let labelled_by = title_id.clone();
    let participants = action
        .communities
        .iter()
        .map(|c| plan_name(plans, c))
        .collect::<Vec<_>>()
        .join(", ");
    let items = action
        .items
        .iter()
        .map(|item| {
            view! {
                <li>
                    <a href=item_href(item)>{ref_line(plans, item)}</a>
                </li>
            }
        })
        .collect_view();
    let sources = action
        .sources
        .iter()
        .filter_map(|id| page.sources.iter().find(|a| &a.id == id))
        .map(|annotation| source_view(page, annotation))
        .collect_view();
    view! {
        <article class="integrated-action" aria-labelledby=labelled_by>
            <h2 id=title_id>{action.title.clone()}</h2>
            <p>
                <span class="status-badge status-accolta">{t.ready}</span>
            </p>
            <dl class="action-facts">
                <dt>{t.lead}</dt>
                <dd>{plan_name(plans, &action.lead)}</dd>
                <dt>{t.participants}</dt>
                <dd>{participants}</dd>
                <dt>{t.linked_items}</dt>
                <dd>
                    <ul class="linked-items">{items}</ul>
                </dd>
            </dl>
            <RichText text=action.description.clone() />
            <h3>{t.sources}</h3>
            <ul class="integrated-sources">{sources}</ul>
        </article>
    }
}

/// A source annotation: its kind, the item and quote it is about, its author and a link to it.
fn source_view(page: &IntegratedPage, annotation: &Annotation) -> impl IntoView {
    let t = board_thread_texts();
    let item = ItemRef {
        community: annotation.community.clone(),
        item: ItemId(annotation.anchor.item.clone()),
    };
    let quote = (!annotation.anchor.quote.is_empty()).then(|| {
        view! {
            <blockquote class="thread-quote" aria-label=t.quote>
                <p>{annotation.anchor.quote.clone()}</p>
            </blockquote>
        }
    });
    view! {
        <li class="integrated-source" data-annotation=annotation.id.0.clone()>
            <p>
                <span class=format!(
                    "badge kind-{}",
                    annotation.kind.code(),
                )>{(t.kind)(annotation.kind)}</span>
                " "
                {ref_line(&page.plans, &item)}
            </p>
            {quote}
            <Byline author=annotation.author.name.clone() at=annotation.created_at.clone() />
            <p>
                <a href=thread_href(&annotation.community, &annotation.id)>{t.open_thread}</a>
            </p>
        </li>
    }
}
