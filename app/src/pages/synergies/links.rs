//! The synergies of one pair of plans, each linking to both items and to its thread.

use leptos::prelude::*;

use crate::components::rich_text::RichText;
use crate::domain::board::pages::SynergyPage;
use crate::domain::community::CommunitySlug;
use crate::i18n::board_threads::board_thread_texts;
use crate::pages::board::threads::labels::{item_href, plan_name, ref_line, thread_href};

/// The links between the plans of `pair`, or an invitation to pick a cell.
#[component]
pub fn SynergyLinks(
    page: SynergyPage,
    pair: Option<(CommunitySlug, CommunitySlug)>,
) -> impl IntoView {
    let t = board_thread_texts();
    let Some((a, b)) = pair else {
        return view! {
            <section id="collegamenti" class="synergy-links">
                <p>{t.links_pick}</p>
            </section>
        }
        .into_any();
    };
    let plans = &page.plans;
    let between =
        |x: &CommunitySlug, y: &CommunitySlug| (x == &a && y == &b) || (x == &b && y == &a);
    let links: Vec<_> = page
        .matrix
        .links
        .iter()
        .filter(|link| between(&link.from.community, &link.to.community))
        .map(|link| {
            let (status_class, status) = if link.open {
                ("status-badge status-aperta", t.link_open)
            } else {
                ("status-badge status-risolta", t.link_resolved)
            };
            view! {
                <li class="synergy-link" data-annotation=link.annotation.0.clone()>
                    <p class="synergy-pair">
                        <a href=item_href(&link.from)>{ref_line(plans, &link.from)}</a>
                        " → "
                        <a href=item_href(&link.to)>{ref_line(plans, &link.to)}</a>
                    </p>
                    <RichText text=link.body.clone() />
                    <p class="synergy-status">
                        <span class=status_class>{status}</span>
                        " "
                        <a href=thread_href(
                            &link.from.community,
                            &link.annotation,
                        )>{t.open_thread}</a>
                    </p>
                </li>
            }
        })
        .collect();
    let title = (t.links_title)(&plan_name(plans, &a), &plan_name(plans, &b));
    let list = if links.is_empty() {
        view! { <p>{t.links_none}</p> }.into_any()
    } else {
        view! { <ul class="synergy-list">{links}</ul> }.into_any()
    };
    view! {
        <section id="collegamenti" class="synergy-links" aria-labelledby="collegamenti-titolo">
            <h2 id="collegamenti-titolo">{title}</h2>
            {list}
        </section>
    }
    .into_any()
}
