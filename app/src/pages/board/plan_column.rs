//! One plan's column: its name, open annotations, who else is looking at it (on a line kept
//! for them, so nothing moves when they come and go), and its text in a box that scrolls on
//! its own.

use leptos::prelude::*;

use super::blocks::Badge;
use super::chooser::open_count;
use super::columns::Columns;
use super::context::board_context;
use super::live::Live;
use super::marks::Marks;
use super::plan_text::PlanText;
use super::selection::Selection;
use crate::domain::board::BoardPlan;
use crate::i18n::board_texts;

/// The element id of the scrolling box of `slug`'s column.
pub fn column_body_id(slug: &str) -> String {
    format!("colonna-{slug}")
}

/// The column of `plan`; shown when chosen (wide screens) or current (phones).
#[component]
pub fn PlanColumn(
    plan: BoardPlan,
    columns: Columns,
    live: Live,
    selection: Selection,
    can_write: bool,
) -> impl IntoView {
    let t = board_texts();
    let BoardPlan {
        community,
        name,
        content,
        ..
    } = plan;
    let slug = community.to_string();
    let heading = format!("colonna-{slug}-titolo");
    let marks = Marks::new(community.clone(), content.clone());
    let view = board_context().view;
    let open = {
        let community = community.clone();
        move || (t.open_count)(view.with(|v| open_count(v, &community)))
    };
    let me = view.with_untracked(|v| v.me.person_id.clone());
    let viewers = {
        let community = community.clone();
        move || {
            let names: Vec<String> = live.presence.with(|all| {
                all.iter()
                    .filter(|p| p.viewing.as_ref() == Some(&community) && p.person != me)
                    .map(|p| p.name.clone())
                    .collect()
            });
            (!names.is_empty()).then(|| (t.viewers_here)(&names.join(", ")))
        }
    };
    let viewers_title = viewers.clone();
    let shown = {
        let community = community.clone();
        move || columns.shown.with(|s| s.contains(&community))
    };
    let current = {
        let community = community.clone();
        move || columns.current.with(|c| c.as_ref() == Some(&community))
    };
    let focus = {
        let community = community.clone();
        move || columns.focused.set(Some(community.clone()))
    };
    let touch = focus.clone();
    view! {
        <div
            class="board-column"
            class:is-shown=shown
            class:is-current=current
            data-plan=slug.clone()
            on:focusin=move |_| focus()
            on:pointerdown=move |_| touch()
        >
            <header class="board-column-head">
                <h2 id=heading.clone()>{name}</h2>
                <p class="board-open">{open}</p>
                <p class="board-viewers" title=viewers_title>
                    {viewers}
                </p>
                <Badge ids=marks.detached().into() describe=t.detached />
            </header>
            <section
                class="board-column-body"
                id=column_body_id(&slug)
                tabindex="0"
                aria-labelledby=heading
                on:scroll=move |_| selection.check()
            >
                <PlanText marks community content can_write />
            </section>
        </div>
    }
}
