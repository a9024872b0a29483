//! When someone saved first: both sets of changes, a choice for each point where they differ,
//! and saving the merge on top of the other version.

use leptos::prelude::*;

use super::editor::Editor;
use crate::components::plan_changes::PlanChanges;
use crate::domain::plan::Plan;
use crate::domain::plan::diff::{Conflict, PlanDiff, merge, take_theirs};
use crate::i18n::plan_texts;

/// The merge of the person's edits with `theirs`, the version saved meanwhile.
#[component]
pub fn ConflictPanel(editor: Editor, theirs: Plan) -> impl IntoView {
    let t = plan_texts();
    let base = editor.base_content.get_untracked();
    let mine = editor.content.get_untracked();
    let merged = merge(&base, &mine, &theirs.content);
    let conflicts = StoredValue::new(merged.conflicts.clone());
    let choices = RwSignal::new(vec![false; merged.conflicts.len()]);
    let theirs = StoredValue::new(theirs);
    let who = theirs.with_value(|p| {
        let who = p.version.saved_by.clone();
        if who.is_empty() {
            t.someone.to_owned()
        } else {
            who
        }
    });
    let (number, when) =
        theirs.with_value(|p| (p.version.number, t.long_date(&p.version.saved_at)));
    // Merged again on saving, so what was typed while the panel was open is kept too; the
    // choices apply to the conflicts shown (a new one keeps the person's text).
    let base_kept = StoredValue::new(base.clone());
    let save = move |_| {
        let picks = choices.get_untracked();
        let shown = conflicts.get_value();
        theirs.with_value(|theirs| {
            let mine = editor.content.get_untracked();
            let fresh = base_kept.with_value(|base| merge(base, &mine, &theirs.content));
            let mut content = fresh.content;
            for conflict in &fresh.conflicts {
                let same = |other: &&Conflict| {
                    (&other.section, &other.item, other.field)
                        == (&conflict.section, &conflict.item, conflict.field)
                };
                let chosen = shown.iter().position(|c| same(&c)).map(|i| picks[i]);
                if chosen == Some(true) {
                    take_theirs(&mut content, &theirs.content, conflict);
                }
            }
            editor.replace(theirs.version.number, theirs.content.clone(), content);
        });
    };
    let discard = move |_| theirs.with_value(|theirs| editor.discard_for(theirs));
    view! {
        <section class="conflict alert alert-warning" aria-labelledby="conflitto" tabindex="-1">
            <h2 id="conflitto">{t.conflict_title}</h2>
            <p>{(t.conflict_text)(&who, number, &when)}</p>
            <h3>{t.conflict_theirs}</h3>
            <PlanChanges diff=theirs.with_value(|p| PlanDiff::between(&base, &p.content)) />
            <h3>{t.conflict_mine}</h3>
            <PlanChanges diff=PlanDiff::between(&base, &mine) />
            {if conflicts.with_value(Vec::is_empty) {
                view! { <p>{t.conflict_none}</p> }.into_any()
            } else {
                view! {
                    <p>{(t.conflict_choices)(conflicts.with_value(Vec::len))}</p>
                    <Choices conflicts=conflicts.get_value() choices />
                }
                    .into_any()
            }}
            <p class="form-actions">
                <button type="button" class="btn btn-primary" on:click=save>
                    {t.merge_and_save}
                </button>
                <button type="button" class="btn btn-outline" on:click=discard>
                    {t.discard_mine}
                </button>
            </p>
        </section>
    }
}

/// One pair of choices (mine, theirs) per conflicting field; mine is chosen at first.
#[component]
fn Choices(conflicts: Vec<Conflict>, choices: RwSignal<Vec<bool>>) -> impl IntoView {
    let t = plan_texts();
    conflicts
        .into_iter()
        .enumerate()
        .map(|(i, conflict)| {
            let name = format!("scelta-{i}");
            let field = conflict
                .field
                .map(|field| (t.field_names)(field.code()))
                .unwrap_or(t.removed_item);
            let shown = |text: String| {
                if text.is_empty() {
                    t.removed_item.to_owned()
                } else {
                    text
                }
            };
            let option = move |take: bool, label: &'static str, text: String| {
                let id = format!("scelta-{i}-{}", if take { "altra" } else { "mia" });
                view! {
                    <div class="radio">
                        <input
                            type="radio"
                            id=id.clone()
                            name=name.clone()
                            checked=!take
                            on:change=move |_| choices.update(|c| c[i] = take)
                        />
                        <label for=id>
                            <strong>{label}": "</strong>
                            {text}
                        </label>
                    </div>
                }
            };
            view! {
                <fieldset class="conflict-choice">
                    <legend>{format!("{} · {field}", conflict.label)}</legend>
                    {option(false, t.keep_mine, shown(conflict.mine))}
                    {option(true, t.take_theirs, shown(conflict.theirs))}
                </fieldset>
            }
        })
        .collect_view()
}
