//! `/lettura-trasversale`: the live cross-reading board. The plans side by side (one at a time
//! on a phone), annotated by selecting a passage or from the «Annota» buttons, with the threads
//! below; every change reaches every viewer through the live connection.

mod annotate;
mod annotate_fields;
mod annotate_problems;
mod annotate_view;
mod blocks;
mod chooser;
mod columns;
pub mod context;
mod draft;
pub mod filters;
mod header;
mod live;
mod marks;
mod mentions;
mod plan_column;
mod plan_text;
mod selection;
pub mod submit;
pub mod thread;
pub mod threads;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::api::board::board;
use crate::components::error_notice::page_error;
use crate::components::login_prompt::LoginPrompt;
use crate::domain::board::BoardView;
use crate::error::AppError;
use crate::i18n::{board_texts, plan_texts, texts};
use annotate::AnnotateForm;
use annotate_view::{AnnotateDialog, SetAsideBar};
use chooser::PlanChooser;
use columns::Columns;
use context::BoardContext;
use header::BoardHeader;
use plan_column::PlanColumn;
use selection::{Selection, SelectionButton};
use threads::Threads;

/// The board of the latest cycle; a visitor is asked to log in, members are told who may read it.
#[component]
pub fn BoardPage() -> impl IntoView {
    let path = use_location().pathname;
    let board = Resource::new(|| (), |_| board());
    let t = board_texts();
    let title = format!("{} · {}", t.nav_board, texts().site_name);
    view! {
        <Suspense fallback=move || {
            view! { <p class="container">{texts().loading}</p> }
        }>
            {move || {
                let title = title.clone();
                Suspend::new(async move {
                    match board.await {
                        Ok(view) => view! { <Board view /> }.into_any(),
                        Err(AppError::LoginRequired) => {
                            view! {
                                <Title text=title.clone() />
                                <div class="container section">
                                    <h1>{t.nav_board}</h1>
                                    <LoginPrompt next=path.get_untracked() />
                                </div>
                            }
                                .into_any()
                        }
                        Err(AppError::Forbidden) => {
                            #[cfg(feature = "ssr")]
                            crate::server::http::respond_with(axum::http::StatusCode::FORBIDDEN);
                            view! {
                                <Title text=title.clone() />
                                <div class="container section">
                                    <h1>{t.nav_board}</h1>
                                    <p class="alert alert-info">{t.forbidden}</p>
                                    <p>
                                        <a href="/piani">{plan_texts().nav_plans}</a>
                                    </p>
                                </div>
                            }
                                .into_any()
                        }
                        Err(error) => page_error(error),
                    }
                })
            }}
        </Suspense>
    }
}

/// The board itself, with its shared state.
#[component]
fn Board(view: BoardView) -> impl IntoView {
    let t = board_texts();
    let (year, phase, can_write) = (view.year, view.phase, view.me.can_write);
    let plans = view.plans.clone();
    let context = BoardContext {
        view: RwSignal::new(view),
        open_thread: RwSignal::new(None),
        announcement: RwSignal::new(String::new()),
    };
    provide_context(context);
    let form = AnnotateForm::new(context, year);
    provide_context(form);
    let columns = Columns::new(&plans);
    let live = live::start(context, year, columns.viewing());
    let selection = Selection::start();
    if can_write {
        Effect::new(move |_| form.restore());
    }
    let names = plans
        .iter()
        .map(|p| (p.community.clone(), p.name.clone()))
        .collect();
    let released = move || {
        if can_write {
            selection.check();
        }
    };
    let body = if plans.is_empty() {
        view! { <p class="container">{t.no_plans}</p> }.into_any()
    } else {
        let plans = plans
            .into_iter()
            .map(|plan| view! { <PlanColumn plan columns live selection can_write /> })
            .collect_view();
        view! {
            <div class="board-wrap">
                <PlanChooser columns plans=names />
            </div>
            <div class="board-columns">{plans}</div>
        }
        .into_any()
    };
    view! {
        <Title text=format!("{} · {}", (t.title)(year), texts().site_name) />
        <div
            class="board-page"
            data-board-ready=move || live.ready.get().then_some("true")
            on:mouseup=move |_| released()
            on:keyup=move |_| released()
        >
            <div class="container">
                <BoardHeader year phase live can_write />
            </div>
            {body}
            <div class="container board-threads">
                <Threads />
            </div>
            {can_write
                .then(|| {
                    view! {
                        <SelectionButton selection />
                        <AnnotateDialog form />
                        <SetAsideBar form />
                    }
                })}
        </div>
    }
}
