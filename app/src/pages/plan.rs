//! `/piani/{year}/{slug}`: one community's plan, for those allowed to read it in this phase.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::api::plans::read_plan;
use crate::components::approval::{ApprovalNotice, Digest};
use crate::components::cycle_status::CycleStatus;
use crate::components::loaded_page::loaded_page;
use crate::components::plan_document::PlanDocument;
use crate::domain::cycle::Phase;
use crate::domain::plan::pages::PlanView;
use crate::error::AppError;
use crate::i18n::{plan_texts, review_texts, texts};

/// The year and community slug of a plan route, or `None` when the year is not a number.
pub type PlanTarget = Memo<Option<(i32, String)>>;

/// The route's [`PlanTarget`].
pub(crate) fn plan_params() -> PlanTarget {
    let params = use_params_map();
    Memo::new(move |_| {
        params.with(|p| {
            let year = p.get("year")?.parse().ok()?;
            Some((year, p.get("slug")?))
        })
    })
}

/// Loads, with `load`, what the route's plan needs; `NotFound` when the year is not a number.
pub fn plan_resource<T, Fut>(
    load: fn(i32, String) -> Fut,
) -> (PlanTarget, Resource<Result<T, AppError>>)
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    let target = plan_params();
    let resource = Resource::new(
        move || target.get(),
        move |target| async move {
            match target {
                Some((year, slug)) => load(year, slug).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    (target, resource)
}

/// One plan; a visitor is asked to log in, others without the right are told so.
#[component]
pub fn PlanPage() -> impl IntoView {
    let (_, plan) = plan_resource(read_plan);
    loaded_page(plan, |view| view! { <PlanReading view /> })
}

#[component]
fn PlanReading(view: PlanView) -> impl IntoView {
    let t = plan_texts();
    let PlanView {
        cycle,
        plan,
        can_edit,
        digest,
        approval,
        ..
    } = view;
    let in_validation = cycle.phase >= Phase::Validation;
    let base = format!("/piani/{}/{}", plan.year, plan.community);
    let version = &plan.version;
    view! {
        <Title text=format!(
            "{} · {}",
            (t.plan_title)(plan.year, &plan.community_name),
            texts().site_name,
        ) />
        <nav class="container breadcrumb" aria-label=texts().breadcrumb>
            <ol>
                <li>
                    <a href="/">{texts().nav_home}</a>
                </li>
                <li>
                    <a href=format!("/piani/{}", plan.year)>{(t.plans_title)(plan.year)}</a>
                </li>
                <li aria-current="page">{plan.community_name.clone()}</li>
            </ol>
        </nav>
        <div class="container section plan-page">
            <p class="kicker">{(t.plan_kicker)(plan.year)}</p>
            <h1>{plan.community_name.clone()}</h1>
            <p class="plan-version">
                {(t
                    .plan_version)(
                    version.number,
                    &t.long_date(&version.saved_at),
                    &version.saved_by,
                )}
            </p>
            {in_validation.then(|| view! { <Digest digest /> })}
            <ApprovalNotice approval year=plan.year />
            <CycleStatus cycle />
            <p class="plan-actions no-print">
                {can_edit
                    .then(|| {
                        view! {
                            <a class="btn btn-primary" href=format!("{base}/modifica")>
                                {t.plan_edit}
                            </a>
                        }
                    })} <a class="btn btn-outline" href=format!("{base}/versioni")>
                    {t.plan_versions}
                </a>
                {in_validation
                    .then(|| {
                        view! {
                            <a class="btn btn-outline" href=format!("{base}/osservazioni")>
                                {review_texts().remarks_link}
                            </a>
                        }
                    })}
            </p>
            <PlanDocument content=plan.content />
        </div>
    }
}
