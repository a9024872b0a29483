//! `/numeri`: the public figures as of a chosen day, with SVG charts and their tables. The day
//! is a GET form: a full page load without JavaScript, a client-side navigation once hydrated.

mod sections;

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::location::Url;

use crate::api::numbers::numbers_as_of;
use crate::components::error_notice::ErrorNotice;
use crate::error::AppError;
use crate::i18n::texts;
use sections::Figures;

/// The figures for `?al=YYYY-MM-DD` (default: today).
#[component]
pub fn NumbersPage() -> impl IntoView {
    let t = texts();
    let query = use_query_map();
    let requested = Memo::new(move |_| query.with(|q| q.get("al").unwrap_or_default()));
    let numbers = Resource::new(move || requested.get(), numbers_as_of);
    let day_input = NodeRef::<html::Input>::new();
    let moved = RwSignal::new(false);
    let navigate = use_navigate();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let day = day_input
            .get()
            .map(|input| input.value())
            .unwrap_or_default();
        moved.set(true);
        navigate(
            &format!("/numeri?al={}", Url::escape(day.trim())),
            Default::default(),
        );
    };
    view! {
        <Title text=format!("{} · {}", t.numbers_title, t.site_name) />
        <div class="container section numbers">
            <h1>{t.numbers_title}</h1>
            <p class="lead">{t.numbers_lead}</p>
            <Transition fallback=move || {
                view! { <p>{t.numbers_loading}</p> }
            }>
                {move || {
                    let on_submit = on_submit.clone();
                    Suspend::new(async move {
                        let result = numbers.await;
                        let typed = requested.get_untracked();
                        let (shown_day, problem) = match &result {
                            Ok(numbers) => (numbers.day.as_str().to_owned(), None),
                            Err(AppError::BadDay(problem)) => (typed, Some(problem.message())),
                            Err(_) => (typed, None),
                        };
                        let invalid = problem.is_some();
                        view! {
                            <form
                                class="form day-form"
                                method="get"
                                action="/numeri"
                                on:submit=on_submit
                            >
                                <div class="form-group" class:has-error=invalid>
                                    <label for="al">{t.numbers_day_label}</label>
                                    <p id="al-hint" class="form-hint">
                                        {t.numbers_day_hint}
                                    </p>
                                    {problem
                                        .map(|message| {
                                            view! {
                                                <p id="al-error" class="field-error">
                                                    {message}
                                                </p>
                                            }
                                        })}
                                    <input
                                        id="al"
                                        name="al"
                                        type="date"
                                        value=shown_day
                                        node_ref=day_input
                                        aria-invalid=invalid.then_some("true")
                                        aria-describedby=if invalid {
                                            "al-hint al-error"
                                        } else {
                                            "al-hint"
                                        }
                                    />
                                </div>
                                <button type="submit" class="btn btn-primary">
                                    {t.numbers_show}
                                </button>
                            </form>
                            {match result {
                                Ok(numbers) => view! { <Figures numbers moved /> }.into_any(),
                                Err(AppError::BadDay(_)) => ().into_any(),
                                Err(error) => view! { <ErrorNotice error /> }.into_any(),
                            }}
                        }
                    })
                }}
            </Transition>
        </div>
    }
}
