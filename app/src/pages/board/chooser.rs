//! Choosing the plans: checkboxes for the columns on a wide screen, a list on a phone; both
//! with each plan's count of open annotations.

use leptos::prelude::*;

use super::columns::Columns;
use super::context::board_context;
use crate::domain::board::BoardView;
use crate::domain::community::CommunitySlug;
use crate::i18n::board_texts;

/// How many open annotations `slug`'s plan has.
pub fn open_count(view: &BoardView, slug: &CommunitySlug) -> usize {
    view.annotations
        .iter()
        .filter(|a| &a.community == slug && a.is_open() && !a.deleted)
        .count()
}

/// The chooser of the plans shown; `plans` are the slugs and names, in board order.
#[component]
pub fn PlanChooser(columns: Columns, plans: Vec<(CommunitySlug, String)>) -> impl IntoView {
    let t = board_texts();
    let view = board_context().view;
    let count = move |slug: &CommunitySlug| view.with(|v| open_count(v, slug));
    let boxes = plans
        .iter()
        .map(|(slug, name)| {
            let id = format!("mostra-{slug}");
            let on = {
                let slug = slug.clone();
                move || columns.shown.with(|s| s.contains(&slug))
            };
            let label = {
                let (slug, name) = (slug.clone(), name.clone());
                move || (t.plan_option)(&name, count(&slug))
            };
            let toggle = {
                let slug = slug.clone();
                move |ev| columns.toggle(&slug, event_target_checked(&ev))
            };
            view! {
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id=id.clone()
                        checked=on.clone()
                        prop:checked=on
                        on:change=toggle
                    />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let options = plans
        .into_iter()
        .map(|(slug, name)| {
            let selected = {
                let slug = slug.clone();
                move || columns.current.with(|c| c.as_ref() == Some(&slug))
            };
            let label = {
                let slug = slug.clone();
                move || (t.plan_option)(&name, count(&slug))
            };
            view! {
                <option value=slug.to_string() selected=selected.clone() prop:selected=selected>
                    {label}
                </option>
            }
        })
        .collect_view();
    view! {
        <fieldset class="board-choose">
            <legend>{t.choose_plans}</legend>
            <p class="form-hint">{t.choose_hint}</p>
            <div class="board-choose-list">{boxes}</div>
        </fieldset>
        <div class="board-switch">
            <label for="piano-mostrato">{t.plan_select}</label>
            <select id="piano-mostrato" on:change=move |ev| columns.show(&event_target_value(&ev))>
                {options}
            </select>
        </div>
    }
}
