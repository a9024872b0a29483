//! The skeleton of a page that loads its data and needs a login.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::error_notice::page_error;
use super::login_prompt::LoginPrompt;
use crate::error::AppError;
use crate::i18n::texts;

/// Shows the data `resource` loads with `show`; meanwhile a loading line. A visitor is asked to
/// log in and come back to this page; any other failure is shown by [`page_error`].
pub fn loaded_page<T, V>(
    resource: Resource<Result<T, AppError>>,
    show: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let path = use_location().pathname;
    view! {
        <Suspense fallback=move || {
            view! { <p class="container">{texts().loading}</p> }
        }>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(data) => show(data).into_any(),
                    Err(AppError::LoginRequired) => {
                        view! {
                            <div class="container section">
                                <LoginPrompt next=path.get_untracked() />
                            </div>
                        }
                            .into_any()
                    }
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}
