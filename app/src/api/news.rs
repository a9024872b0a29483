//! News: reading, writing and publishing posts.

use leptos::prelude::*;

use crate::domain::news::form::NewsForm;
use crate::domain::news::{NewsFormPage, NewsList, NewsPage};
use crate::error::AppError;

/// The published posts, all or those concerning `comunita`, and the viewer's drafts.
#[server]
pub async fn list_news(comunita: String) -> Result<NewsList, AppError> {
    use crate::server::{news, state::app_state};
    let community = Some(comunita.as_str()).filter(|slug| !slug.is_empty());
    news::list(&app_state()?, community).await
}

/// Post `id`.
#[server]
pub async fn read_news(id: i64) -> Result<NewsPage, AppError> {
    use crate::server::{news, state::app_state};
    news::page(&app_state()?, id).await
}

/// The form for a new post (`id` 0) or for changing post `id`.
#[server]
pub async fn edit_news_form(id: i64) -> Result<NewsFormPage, AppError> {
    use crate::server::{news, state::app_state};
    news::form_page(&app_state()?, Some(id).filter(|id| *id != 0)).await
}

/// Creates a post (`id` 0) or changes post `id` seen at `revisione`, then shows it.
#[server]
pub async fn save_news(id: i64, revisione: i64, form: NewsForm) -> Result<i64, AppError> {
    use crate::server::{news, request::redirect, state::app_state};
    let id = news::save(&app_state()?, id, revisione, form).await?;
    redirect(&format!("/notizie/{id}?salvata=1"));
    Ok(id)
}
