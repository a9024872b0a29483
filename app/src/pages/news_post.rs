//! `/notizie/{id}`: one news post.

mod cover;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::news::read_news;
use crate::components::loaded_page::loaded_page;
use crate::components::news_list::{communities_label, published_label};
use crate::components::rich_text::RichText;
use crate::domain::news::NewsPage;
use crate::error::AppError;
use crate::i18n::{news_texts, texts};
use crate::pages::news::FeedLink;
use cover::{Cover, CoverForm};

/// The route's post as a number, if it is one.
pub fn post_id() -> Memo<Option<i64>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id")?.parse().ok().filter(|id| *id > 0)))
}

/// The route's post.
#[component]
pub fn NewsPostPage() -> impl IntoView {
    let id = post_id();
    let page = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => read_news(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(page, move |page| view! { <PostView page /> })
}

#[component]
fn PostView(page: NewsPage) -> impl IntoView {
    let t = news_texts();
    let post = page.post;
    let saved = use_query_map().with_untracked(|q| q.get("salvata").is_some());
    let byline = match post.author.is_empty() {
        true => String::new(),
        false => format!(" · {}", (t.by)(&post.author)),
    };
    let meetings = (!post.meetings.is_empty()).then(|| {
        let items = post
            .meetings
            .iter()
            .map(|(id, title)| {
                view! {
                    <li>
                        <a href=format!("/incontri/{id}")>{title.clone()}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="incontri-notizia">
                <h2 id="incontri-notizia">{t.about_meetings}</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    let edit = page.can_edit.then(|| {
        view! {
            <p>
                <a class="btn btn-outline" href=format!("{}/modifica", post.href())>
                    {t.edit}
                </a>
            </p>
        }
    });
    view! {
        <Title text=format!("{} · {}", post.title, texts().site_name) />
        <FeedLink href="/notizie.atom".to_owned() title=t.feed_title.to_owned() />
        <nav class="container breadcrumb" aria-label=texts().breadcrumb>
            <ol>
                <li>
                    <a href="/">{texts().nav_home}</a>
                </li>
                <li>
                    <a href="/notizie">{t.title}</a>
                </li>
                <li aria-current="page">{post.title.clone()}</li>
            </ol>
        </nav>
        <article class="container section narrow">
            <h1>{post.title.clone()}</h1>
            {saved
                .then(|| {
                    view! {
                        <p class="alert alert-success" role="status">
                            {t.saved}
                        </p>
                    }
                })}
            <p class="meeting-meta">
                {published_label(&post)} {byline} " · " {communities_label(&post, &page.names)}
            </p>
            <Cover cover=post.cover.clone() />
            <p class="lead">{post.summary.clone()}</p>
            <RichText text=post.body.clone() />
            {meetings}
            {edit}
            {page.can_edit.then(|| view! { <CoverForm post=post.id /> })}
        </article>
    }
}
