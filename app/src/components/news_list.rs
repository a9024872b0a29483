//! A list of news posts: title, date, communities and summary.

use leptos::prelude::*;

use crate::domain::italian_time::ItalianTime;
use crate::domain::meeting::{Audience, audience_label, long_day};
use crate::domain::news::NewsPost;
use crate::i18n::news_texts;

/// When `post` was published, in words, or "Bozza".
pub fn published_label(post: &NewsPost) -> String {
    let t = news_texts();
    match post.published_at.as_deref().and_then(ItalianTime::parse) {
        Some(at) => (t.published_on)(&long_day(at)),
        None => t.draft.to_owned(),
    }
}

/// The communities `post` concerns, in words.
pub fn communities_label(post: &NewsPost, names: &[(String, String)]) -> String {
    match post.communities.is_empty() {
        true => news_texts().whole_system.to_owned(),
        false => audience_label(&Audience::Communities(post.communities.clone()), names),
    }
}

/// The `posts` (or `empty` when there are none).
#[component]
pub fn NewsItems(
    posts: Vec<NewsPost>,
    names: Vec<(String, String)>,
    empty: &'static str,
) -> impl IntoView {
    if posts.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    let items = posts
        .into_iter()
        .map(|post| {
            view! {
                <li class="news-item">
                    <h3>
                        <a href=post.href()>{post.title.clone()}</a>
                    </h3>
                    <p class="meeting-meta">
                        {published_label(&post)} " · " {communities_label(&post, &names)}
                    </p>
                    <p>{post.summary.clone()}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="meeting-list">{items}</ul> }.into_any()
}
