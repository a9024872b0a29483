//! `/piano-generale/{year}`: the general Activity Plan, at its latest version or at
//! `?versione=N`, with its table of contents and the parts the current plans have left behind.

mod blocks;
mod edit;
mod versions;

pub use edit::GeneralPlanEditPage;
pub use versions::GeneralPlanVersionsPage;

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use self::blocks::OutlineBlocks;
use crate::api::general_plan::{SaveGeneralPlan, read_general_plan};
use crate::components::action_error::ActionError;
use crate::components::approval::{ApprovalNotice, Digest};
use crate::components::cycle_status::CycleStatus;
use crate::components::loaded_page::loaded_page;
use crate::domain::cycle::Phase;
use crate::domain::general_plan::outline::{Block, contents, outline};
use crate::domain::general_plan::{DocumentKind, GeneralPlan, GeneralPlanView};
use crate::error::AppError;
use crate::i18n::{general_plan_texts, plan_texts, review_texts, texts};

/// The year of a general plan route, when it is a number.
pub(crate) fn route_year() -> Memo<Option<i32>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("year")?.parse().ok()))
}

/// The general plan of the route's year; loaded again after a rebuild.
#[component]
pub fn GeneralPlanPage() -> impl IntoView {
    let year = route_year();
    let query = use_query_map();
    let version = Memo::new(move |_| query.with(|q| q.get("versione")?.parse::<i64>().ok()));
    let rebuild = ServerAction::<SaveGeneralPlan>::new();
    let page = Resource::new(
        move || (year.get(), version.get(), rebuild.version().get()),
        |(year, version, _)| async move {
            match year {
                Some(year) => read_general_plan(year, version).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded_page(
        page,
        move |view| view! { <GeneralPlanReading view rebuild /> },
    )
}

#[component]
fn GeneralPlanReading(
    view: GeneralPlanView,
    rebuild: ServerAction<SaveGeneralPlan>,
) -> impl IntoView {
    let t = general_plan_texts();
    let year = view.cycle.year;
    let base = format!("/piano-generale/{year}");
    let title = (t.title)(year);
    let body = match view.plan.clone() {
        Some(plan) => plan_body(plan, &view, rebuild).into_any(),
        None => view! { <p class="alert alert-info">{t.none_yet}</p> }.into_any(),
    };
    let edit_label = if view.plan.is_some() {
        t.edit
    } else {
        t.prepare
    };
    view! {
        <Title text=format!("{title} · {}", texts().site_name) />
        <nav class="container breadcrumb" aria-label=texts().breadcrumb>
            <ol>
                <li>
                    <a href="/">{texts().nav_home}</a>
                </li>
                <li>
                    <a href=format!("/piani/{year}")>{(plan_texts().plans_title)(year)}</a>
                </li>
                <li aria-current="page">{title.clone()}</li>
            </ol>
        </nav>
        <div class="container section plan-page general-plan">
            <p class="kicker">{t.kicker}</p>
            <h1>{title}</h1>
            <p class="lead">{t.lead}</p>
            <ApprovalNotice approval=view.approval.clone() year />
            <CycleStatus cycle=view.cycle.clone() />
            <p class="plan-actions no-print">
                {(view.can_edit && view.latest)
                    .then(|| {
                        view! {
                            <a class="btn btn-primary" href=format!("{base}/modifica")>
                                {edit_label}
                            </a>
                        }
                    })}
                {view
                    .plan
                    .is_some()
                    .then(|| {
                        view! {
                            <a class="btn btn-outline" href=format!("{base}/versioni")>
                                {t.versions}
                            </a>
                        }
                    })}
                {(view.cycle.phase >= Phase::Validation)
                    .then(|| {
                        view! {
                            <a class="btn btn-outline" href=format!("{base}/validazione")>
                                {review_texts().review_link}
                            </a>
                        }
                    })}
            </p>
            {body}
        </div>
    }
}

/// The version line, the notices, the table of contents and the outline of `plan`.
fn plan_body(
    plan: GeneralPlan,
    view: &GeneralPlanView,
    rebuild: ServerAction<SaveGeneralPlan>,
) -> impl IntoView {
    let t = general_plan_texts();
    let version = &plan.version;
    let blocks = outline(&plan);
    let older = (!view.latest).then(|| {
        view! {
            <p class="alert alert-info">
                {t.older_version} " "
                <a href=format!("/piano-generale/{}", plan.year)>{t.go_to_latest}</a>
            </p>
        }
    });
    let presented = version
        .presented_at
        .as_ref()
        .map(|at| view! { <p class="presented">{(t.presented)(&plan_texts().long_date(at))}</p> });
    let stale = (!view.stale.is_empty())
        .then(|| stale_notice(&plan, &blocks, &view.stale, view.can_edit, rebuild));
    view! {
        <p class="plan-version">
            {(t
                .version_line)(
                version.number,
                &plan_texts().long_date(&version.saved_at),
                &version.saved_by,
            )}
        </p>
        {presented}
        <Digest digest=version.digest.clone() />
        <p class="documents no-print">
            {t.documents} ": "
            <a href=DocumentKind::Pdf
                .href(plan.year, version.number)>{(t.document_pdf)(version.number)}</a> " · "
            <a href=DocumentKind::Odt
                .href(plan.year, version.number)>{(t.document_odt)(version.number)}</a>
        </p>
        {older}
        {stale}
        <Contents blocks=blocks.clone() />
        <article class="plan-document general-plan-document">
            <OutlineBlocks blocks stale=view.stale.clone() />
        </article>
    }
}

/// The parts out of date, linked; regional staff may rebuild at once.
fn stale_notice(
    plan: &GeneralPlan,
    blocks: &[Block],
    stale: &[String],
    can_edit: bool,
    rebuild: ServerAction<SaveGeneralPlan>,
) -> AnyView {
    let t = general_plan_texts();
    let entries = contents(blocks);
    let items = stale
        .iter()
        .map(|id| {
            let text = entries
                .iter()
                .find(|(_, entry, _)| entry == id)
                .map_or(id.as_str(), |(_, _, text)| text)
                .to_owned();
            view! {
                <li>
                    <a href=format!("#{id}")>{text}</a>
                </li>
            }
        })
        .collect_view();
    let text = plan.text.clone();
    let (year, number) = (plan.year, plan.version.number);
    let form = can_edit.then(|| {
        view! {
            <ActionError result=Signal::derive(move || {
                rebuild.value().get().map(|r| r.map(|_| ()))
            }) />
            <ActionForm action=rebuild attr:class="no-print">
                <input type="hidden" name="anno" value=year />
                <input type="hidden" name="base" value=number />
                <input type="hidden" name="introduzione" value=text.introduction />
                <input type="hidden" name="sintesi" value=text.summary />
                <input type="hidden" name="numeri_al" value=text.numbers_day />
                <button type="submit" class="btn btn-primary">
                    {t.rebuild}
                </button>
            </ActionForm>
        }
    });
    view! {
        <section class="alert alert-warning" aria-labelledby="parti-non-aggiornate">
            <h2 id="parti-non-aggiornate">{t.stale_title}</h2>
            <p>{t.stale_lead}</p>
            <ul>{items}</ul>
            {form}
        </section>
    }
    .into_any()
}

/// An entry of the table of contents: the anchor and the heading's text.
type Entry = (String, String);

/// The table of contents: the parts, and each community's plan under its part.
#[component]
fn Contents(blocks: Vec<Block>) -> impl IntoView {
    let t = general_plan_texts();
    let mut groups: Vec<(Entry, Vec<Entry>)> = Vec::new();
    for (level, id, text) in contents(&blocks) {
        let entry = (id.to_owned(), text.to_owned());
        match groups.last_mut() {
            Some((_, children)) if level == 3 => children.push(entry),
            _ => groups.push((entry, Vec::new())),
        }
    }
    let link = |(id, text): (String, String)| view! { <a href=format!("#{id}")>{text}</a> };
    let items = groups
        .into_iter()
        .map(|(entry, children)| {
            let children = (!children.is_empty()).then(|| {
                let children = children
                    .into_iter()
                    .map(|c| view! { <li>{link(c)}</li> })
                    .collect_view();
                view! { <ol>{children}</ol> }
            });
            view! { <li>{link(entry)} {children}</li> }
        })
        .collect_view();
    view! {
        <nav class="contents" aria-labelledby="indice">
            <h2 id="indice">{t.contents}</h2>
            <ol>{items}</ol>
        </nav>
    }
}
