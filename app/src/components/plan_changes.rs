//! What changed between two versions of a plan, section by section and field by field.

use leptos::prelude::*;

use crate::domain::plan::diff::{FieldChange, ItemChange, PlanDiff};
use crate::i18n::plan_texts;

/// The changes of `diff`, section by section.
#[component]
pub fn PlanChanges(diff: PlanDiff) -> impl IntoView {
    let t = plan_texts();
    if diff.is_empty() {
        return view! { <p role="status">{t.compare_same}</p> }.into_any();
    }
    let sections = [
        (t.section_objectives, diff.objectives),
        (t.section_actions, diff.actions),
        (t.section_indicators, diff.indicators),
        (t.section_meetings, diff.meetings),
    ];
    view! {
        {diff
            .context
            .map(|change| {
                view! { <FieldChanges changes=vec![change] /> }
            })}
        {sections
            .into_iter()
            .filter(|(_, changes)| !changes.is_empty())
            .map(|(title, changes)| {
                view! {
                    <h4>{title}</h4>
                    <ul class="change-list">
                        {changes
                            .into_iter()
                            .map(|change| view! { <Change change /> })
                            .collect_view()}
                    </ul>
                }
            })
            .collect_view()}
    }
    .into_any()
}

#[component]
fn Change(change: ItemChange) -> impl IntoView {
    let t = plan_texts();
    match change {
        ItemChange::Added { label, title, .. } => view! {
            <li class="change added">
                <strong>{label}" "{title}</strong>
                " — "
                {t.change_added}
            </li>
        }
        .into_any(),
        ItemChange::Removed { label, title, .. } => view! {
            <li class="change removed">
                <strong>{label}" "{title}</strong>
                " — "
                {t.change_removed}
            </li>
        }
        .into_any(),
        ItemChange::Changed {
            label_before,
            label_after,
            title,
            fields,
            ..
        } => {
            let moved = (label_before != label_after)
                .then(|| format!(" — {}", (t.change_moved)(&label_before, &label_after)));
            view! {
                <li class="change">
                    <strong>{label_after}" "{title}</strong>
                    {moved}
                    {(!fields.is_empty()).then(|| view! { <FieldChanges changes=fields /> })}
                </li>
            }
            .into_any()
        }
    }
}

#[component]
fn FieldChanges(changes: Vec<FieldChange>) -> impl IntoView {
    let t = plan_texts();
    view! {
        <dl class="field-changes">
            {changes
                .into_iter()
                .map(|change| {
                    view! {
                        <dt>{(t.field_names)(change.field.code())}</dt>
                        <dd class="before">
                            <span class="visually-hidden">{t.change_before}": "</span>
                            <del>{change.before}</del>
                        </dd>
                        <dd class="after">
                            <span class="visually-hidden">{t.change_after}": "</span>
                            <ins>{change.after}</ins>
                        </dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}
