//! `/piani/{year}` (and `/piani`, the latest year): the cycle of a year and its ten plans,
//! with their status.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::plans::{current_cycle, year_plans};
use crate::components::cycle_status::CycleStatus;
use crate::components::error_notice::page_error;
use crate::domain::plan::pages::{PlanSummary, PlanYear};
use crate::error::AppError;
use crate::i18n::{general_plan_texts, plan_texts, texts};

/// The year's plans; an unknown year answers 404.
#[component]
pub fn PlansPage() -> impl IntoView {
    let params = use_params_map();
    let year = Resource::new(
        move || params.with(|p| p.get("year")),
        |year| async move {
            let year = match year {
                Some(year) => year.parse::<i32>().map_err(|_| AppError::NotFound)?,
                None => current_cycle().await?.year,
            };
            year_plans(year).await
        },
    );
    view! {
        <Suspense fallback=move || {
            view! { <p class="container">{texts().loading}</p> }
        }>
            {move || Suspend::new(async move {
                match year.await {
                    Ok(year) => view! { <YearPlans year /> }.into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn YearPlans(year: PlanYear) -> impl IntoView {
    let t = plan_texts();
    let number = year.cycle.year;
    view! {
        <Title text=format!("{} · {}", (t.plans_title)(number), texts().site_name) />
        <div class="container section">
            <h1>{(t.plans_title)(number)}</h1>
            <p class="lead">{t.plans_lead}</p>
            <CycleStatus cycle=year.cycle.clone() />
            <p>
                <a href="/calendario">{t.nav_calendar}</a>
            </p>
            {year
                .general_plan_readable
                .then(|| {
                    view! {
                        <p class="general-plan-link">
                            <a class="btn btn-primary" href=format!("/piano-generale/{number}")>
                                {(general_plan_texts().title)(number)}
                            </a>
                        </p>
                    }
                })}
            <ul class="plan-list">
                {year
                    .plans
                    .into_iter()
                    .map(|plan| view! { <PlanCard year=number plan /> })
                    .collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn PlanCard(year: i32, plan: PlanSummary) -> impl IntoView {
    let t = plan_texts();
    let status = match (&plan.version, plan.readable) {
        (_, false) => t.plan_not_shared.to_owned(),
        (None, true) => t.plan_empty.to_owned(),
        (Some(version), true) => format!(
            "{} · {}",
            (t.plan_version)(
                version.number,
                &t.long_date(&version.saved_at),
                &version.saved_by
            ),
            (t.plan_counts)(plan.objectives, plan.actions)
        ),
    };
    let title = if plan.readable && plan.version.is_some() {
        view! { <a href=format!("/piani/{year}/{}", plan.community)>{plan.community_name}</a> }
            .into_any()
    } else {
        view! { {plan.community_name} }.into_any()
    };
    view! {
        <li class="card plan-card">
            <h2>{title}</h2>
            <p>{status}</p>
        </li>
    }
}
