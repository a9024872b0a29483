//! `/lettura-trasversale/sinergie`: how many synergies link each pair of plans, and the links
//! of the pair chosen in the table (`?da=…&a=…`, a plain link, so it works without JavaScript).

mod links;
mod matrix;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::board::synergies;
use crate::components::loaded_page::loaded_page;
use crate::domain::board::pages::SynergyPage as Page;
use crate::domain::community::CommunitySlug;
use crate::i18n::board_threads::board_thread_texts;
use crate::i18n::texts;
use links::SynergyLinks;
use matrix::SynergyMatrix;

/// The synergy matrix of the latest cycle's board.
#[component]
pub fn SynergyPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| synergies());
    loaded_page(page, |page| view! { <Synergies page /> })
}

#[component]
fn Synergies(page: Page) -> impl IntoView {
    let t = board_thread_texts();
    let query = use_query_map();
    let pair = Memo::new(move |_| {
        query.with(|q| {
            let slug = |key| q.get(key).and_then(|s| CommunitySlug::parse(&s).ok());
            slug("da").zip(slug("a"))
        })
    });
    let page = StoredValue::new(page);
    view! {
        <Title text=format!("{} · {}", t.synergy_title, texts().site_name) />
        <BoardCrumbs current=t.synergy_title />
        <div class="container section synergy-page">
            <h1>{t.synergy_title}</h1>
            <p class="lead">{t.synergy_lead}</p>
            <SynergyMatrix page=page.get_value() pair />
            {move || view! { <SynergyLinks page=page.get_value() pair=pair.get() /> }}
        </div>
    }
}

/// Home › Lettura trasversale › `current`, for the board's secondary pages.
#[component]
pub fn BoardCrumbs(current: &'static str) -> impl IntoView {
    let t = board_thread_texts();
    view! {
        <nav class="container breadcrumb" aria-label=texts().breadcrumb>
            <ol>
                <li>
                    <a href="/">{texts().nav_home}</a>
                </li>
                <li>
                    <a href="/lettura-trasversale">{t.board_title}</a>
                </li>
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}
