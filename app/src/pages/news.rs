//! `/notizie`: the published news, the latest first, and the drafts of who may publish them.

use leptos::prelude::*;
use leptos_meta::{Link, Title};

use crate::api::news::list_news;
use crate::components::loaded_page::loaded_page;
use crate::components::news_list::NewsItems;
use crate::domain::news::NewsList;
use crate::i18n::{news_texts, texts};

/// The news.
#[component]
pub fn NewsPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| list_news(String::new()));
    loaded_page(page, move |list| view! { <NewsView list /> })
}

/// The head's announcement of the news feed at `href`, titled `title`.
#[component]
pub fn FeedLink(href: String, title: String) -> impl IntoView {
    view! { <Link rel="alternate" type_="application/atom+xml" href title /> }
}

#[component]
fn NewsView(list: NewsList) -> impl IntoView {
    let t = news_texts();
    let new = list.can_publish.then(|| {
        view! {
            <p>
                <a class="btn btn-primary" href="/notizie/nuova">
                    {t.new}
                </a>
            </p>
        }
    });
    let drafts = (!list.drafts.is_empty()).then(|| {
        view! {
            <section aria-labelledby="bozze">
                <h2 id="bozze">{t.drafts}</h2>
                <NewsItems posts=list.drafts names=list.names.clone() empty=t.none />
            </section>
        }
    });
    view! {
        <Title text=format!("{} · {}", t.title, texts().site_name) />
        <FeedLink href="/notizie.atom".to_owned() title=t.feed_title.to_owned() />
        <div class="container section">
            <h1>{t.title}</h1>
            <p class="lead">{t.lead}</p>
            {new}
            {drafts}
            <section aria-labelledby="pubblicate">
                <h2 id="pubblicate">{t.home_title}</h2>
                <NewsItems posts=list.published names=list.names empty=t.none />
            </section>
            <p>
                <a href="/notizie.atom">{t.feed_link}</a>
            </p>
        </div>
    }
}
