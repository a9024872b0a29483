//! A community as a card in a list.

use leptos::prelude::*;

use crate::domain::community::CommunitySummary;
use crate::i18n::texts;

/// The community's name (a link to its page), its summary and its member count.
#[component]
pub fn CommunityCard(community: CommunitySummary) -> impl IntoView {
    let href = community.href();
    view! {
        <li class="card">
            <h3 class="card-title">
                <a href=href>{community.name}</a>
            </h3>
            <p class="card-text">{community.summary}</p>
            <p class="card-meta">{(texts().members)(community.member_count)}</p>
        </li>
    }
}
