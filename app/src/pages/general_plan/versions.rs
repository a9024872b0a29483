//! `/piano-generale/{year}/versioni`: every version of the general plan, who saved it and when,
//! which were presented for validation.

use leptos::prelude::*;
use leptos_meta::Title;

use super::route_year;
use crate::api::general_plan::general_plan_versions;
use crate::components::loaded_page::loaded_page;
use crate::domain::general_plan::GeneralVersionList;
use crate::error::AppError;
use crate::i18n::{general_plan_texts, plan_texts, texts};

/// The versions of the route's year.
#[component]
pub fn GeneralPlanVersionsPage() -> impl IntoView {
    let year = route_year();
    let list = Resource::new(
        move || year.get(),
        |year| async move {
            match year {
                Some(year) => general_plan_versions(year).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(list, |list| view! { <Versions list /> })
}

#[component]
fn Versions(list: GeneralVersionList) -> impl IntoView {
    let t = general_plan_texts();
    let year = list.year;
    let when = |at: &str| plan_texts().long_date(at);
    let rows = list
        .versions
        .into_iter()
        .map(|v| {
            let href = format!("/piano-generale/{year}?versione={}", v.number);
            view! {
                <tr>
                    <th scope="row">
                        <a href=href aria-label=(t.version_open)(v.number)>
                            {v.number}
                        </a>
                    </th>
                    <td>{when(&v.saved_at)}</td>
                    <td>{v.saved_by}</td>
                    <td>
                        {v.presented_at.as_deref().map_or_else(|| t.not_presented.to_owned(), when)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=format!("{} · {}", (t.versions_title)(year), texts().site_name) />
        <div class="container section">
            <h1>{(t.versions_title)(year)}</h1>
            <p class="lead">{t.versions_lead}</p>
            <p>
                <a href=format!("/piano-generale/{year}")>{(t.title)(year)}</a>
            </p>
            <div class="table-wrap">
                <table class="data-table">
                    <caption>{(t.versions_title)(year)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.version_number}</th>
                            <th scope="col">{t.version_saved}</th>
                            <th scope="col">{t.version_by}</th>
                            <th scope="col">{t.version_presented}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
