//! `/piani/{year}/{slug}/versioni`: every version of a plan, and what changed between two of
//! them (`?da=…&a=…`, by default the previous version and the latest).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::plan::plan_resource;
use crate::api::plans::{compare_versions, plan_versions};
use crate::components::error_notice::{ErrorNotice, page_error};
use crate::components::plan_changes::PlanChanges;
use crate::domain::plan::pages::VersionList;
use crate::i18n::{plan_texts, texts};

/// The versions of a plan and a comparison of two of them.
#[component]
pub fn PlanVersionsPage() -> impl IntoView {
    let (target, list) = plan_resource(plan_versions);
    view! {
        <Suspense fallback=move || {
            view! { <p class="container">{texts().loading}</p> }
        }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => {
                        let slug = target.get_untracked().map(|(_, slug)| slug).unwrap_or_default();
                        view! { <Versions list slug /> }.into_any()
                    }
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Versions(list: VersionList, slug: String) -> impl IntoView {
    let t = plan_texts();
    let query = use_query_map();
    let latest = list.versions.first().map_or(0, |v| v.number);
    let pick = move |key: &str, default: i64| {
        query.with(|q| {
            q.get(key)
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or(default)
        })
    };
    let year = list.year;
    let plan_href = format!("/piani/{year}/{slug}");
    let pair = Memo::new(move |_| (pick("da", (latest - 1).max(1)), pick("a", latest)));
    let comparison = Resource::new(move || pair.get(), {
        let slug = slug.clone();
        move |(from, to)| compare_versions(year, slug.clone(), from, to)
    });
    let numbers: Vec<i64> = list.versions.iter().map(|v| v.number).collect();
    let options = move |selected: i64| {
        numbers
            .iter()
            .copied()
            .map(|v| {
                view! {
                    <option value=v selected=v == selected>
                        {(t.version_label)(v)}
                    </option>
                }
            })
            .collect_view()
    };
    let to_options = options.clone();
    view! {
        <Title text=format!(
            "{} · {}",
            (t.versions_title)(&list.community_name),
            texts().site_name,
        ) />
        <div class="container section">
            <h1>{(t.versions_title)(&list.community_name)}</h1>
            <p class="lead">{t.versions_lead}</p>
            <p>
                <a href=plan_href>{t.view_plan}</a>
            </p>
            <section aria-labelledby="confronta">
                <h2 id="confronta">{t.compare_title}</h2>
                <form method="get" class="form form-inline">
                    <label for="versione-da">{t.compare_from}</label>
                    <select id="versione-da" name="da">
                        {move || options(pair.get().0)}
                    </select>
                    <label for="versione-a">{t.compare_to}</label>
                    <select id="versione-a" name="a">
                        {move || to_options(pair.get().1)}
                    </select>
                    <button type="submit" class="btn btn-primary">
                        {t.compare_submit}
                    </button>
                </form>
                <Suspense fallback=move || {
                    view! { <p>{texts().loading}</p> }
                }>
                    {move || Suspend::new(async move {
                        match comparison.await {
                            Ok(comparison) => {
                                view! {
                                    <h3>
                                        {(t
                                            .compare_result)(
                                            comparison.from.number,
                                            comparison.to.number,
                                        )}
                                    </h3>
                                    <PlanChanges diff=comparison.diff />
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
            <VersionTable list />
        </div>
    }
}

#[component]
fn VersionTable(list: VersionList) -> impl IntoView {
    let t = plan_texts();
    let latest = list.versions.first().map_or(0, |v| v.number);
    view! {
        <table class="data-table">
            <caption>{t.plan_versions}</caption>
            <thead>
                <tr>
                    <th scope="col">{t.version_number}</th>
                    <th scope="col">{t.version_saved}</th>
                    <th scope="col">{t.version_by}</th>
                    <th scope="col">{t.version_frozen}</th>
                    <th scope="col">{t.compare_title}</th>
                </tr>
            </thead>
            <tbody>
                {list
                    .versions
                    .into_iter()
                    .map(|v| {
                        let frozen = v
                            .frozen_for
                            .iter()
                            .map(|p| p.label())
                            .collect::<Vec<_>>()
                            .join(", ");
                        view! {
                            <tr>
                                <th scope="row">{v.number}</th>
                                <td>{t.long_date(&v.saved_at)}</td>
                                <td>{v.saved_by}</td>
                                <td>{frozen}</td>
                                <td>
                                    {(v.number < latest)
                                        .then(|| {
                                            view! {
                                                <a href=format!(
                                                    "?da={}&a={latest}",
                                                    v.number,
                                                )>{(t.compare_with_latest)(v.number, latest)}</a>
                                            }
                                        })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
