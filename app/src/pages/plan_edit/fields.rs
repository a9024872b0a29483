//! The inputs of the editor: text, period, links to objectives, each with its error.

use leptos::prelude::*;

use super::editor::Editor;
use crate::domain::plan::ItemId;
use crate::domain::plan::edit::Part;
use crate::i18n::{plan_texts, texts};

/// The element id of the input for problem key `key` (`{item id}.{field}` or `contesto`).
pub fn input_id(key: &str) -> String {
    format!("campo-{}", key.replace('.', "-"))
}

/// `text` as the content of a `<textarea>` in the server's HTML, which the renderer does not
/// escape there: the browser decodes it back to `text`. Once live, the `value` property holds
/// the text itself.
pub(crate) fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A labelled text input (or text area when `multiline`), its error announced with it.
#[component]
pub fn EditText(
    editor: Editor,
    /// The problem key, also naming the input.
    key: String,
    label: &'static str,
    value: String,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] input_type: Option<&'static str>,
    on_input: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = input_id(&key);
    let error_id = format!("{id}-errore");
    let hint_id = format!("{id}-aiuto");
    let error = {
        let key = key.clone();
        Signal::derive(move || editor.problem(&key))
    };
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let input = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="4"
                required=required
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=value.clone()
                on:input=move |ev| on_input(event_target_value(&ev))
            >
                {escape_text(&value)}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type=input_type.unwrap_or("text")
                value=value
                required=required
                aria-invalid=invalid
                aria-describedby=described_by
                on:input=move |ev| on_input(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="form-group">
            <label for=id>{label}</label>
            {hint
                .map(|hint| {
                    view! {
                        <p class="form-hint" id=hint_id>
                            {hint}
                        </p>
                    }
                })}
            {input}
            <p class="field-error" id=error_id>
                {move || error.get()}
            </p>
        </div>
    }
}

/// The first and last month of an action, as two choices.
#[component]
pub fn PeriodField(editor: Editor, id: ItemId, start: u8, end: u8) -> impl IntoView {
    let t = plan_texts();
    let key = format!("{}.periodo", id.0);
    let error = Signal::derive({
        let key = key.clone();
        move || editor.problem(&key)
    });
    let select = move |label: &'static str, suffix: &str, chosen: u8, start_side: bool| {
        let field_id = format!("{}-{suffix}", input_id(&key));
        let id = id.clone();
        view! {
            <div class="form-group">
                <label for=field_id.clone()>{label}</label>
                <select
                    id=field_id
                    on:change=move |ev| {
                        let month = event_target_value(&ev).parse().unwrap_or(1);
                        editor
                            .edit(|plan| {
                                if let Some(action) = plan.actions.iter_mut().find(|a| a.id == id) {
                                    if start_side {
                                        action.start_month = month;
                                    } else {
                                        action.end_month = month;
                                    }
                                }
                            });
                    }
                >
                    {(1..=12u8)
                        .map(|m| {
                            view! {
                                <option value=m selected=m == chosen>
                                    {texts().months[usize::from(m) - 1]}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="period">
            <legend>{t.action_period}</legend>
            {select(t.from_month, "da", start, true)}
            {select(t.to_month, "a", end, false)}
            <p class="field-error">{move || error.get()}</p>
        </fieldset>
    }
}

/// Whether an action is done: actions not done are carried over to next year's draft.
#[component]
pub fn CompletedField(editor: Editor, id: ItemId, completed: bool) -> impl IntoView {
    let t = plan_texts();
    let field_id = format!("{}-completata", id.0);
    view! {
        <div class="form-group checkbox">
            <input
                type="checkbox"
                id=field_id.clone()
                checked=completed
                on:change=move |ev| {
                    let done = event_target_checked(&ev);
                    editor
                        .edit(|plan| {
                            if let Some(action) = plan.actions.iter_mut().find(|a| a.id == id) {
                                action.completed = done;
                            }
                        });
                }
            />
            <label for=field_id>{t.action_done_box}</label>
        </div>
    }
}

/// The objectives an action serves, as checkboxes that follow the objectives' list.
#[component]
pub fn ObjectiveLinks(editor: Editor, action: ItemId) -> impl IntoView {
    let t = plan_texts();
    let objectives = Memo::new(move |_| {
        editor.content.with(|plan| {
            plan.objectives
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id.clone(), format!("O{} {}", i + 1, o.title)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="objective-links">
            <legend>{t.action_objectives}</legend>
            {move || {
                let action = action.clone();
                objectives
                    .get()
                    .into_iter()
                    .map(|(objective, label)| {
                        let box_id = format!("collega-{}-{}", action.0, objective.0);
                        let linked = editor
                            .content
                            .with_untracked(|plan| {
                                plan.actions
                                    .iter()
                                    .any(|a| a.id == action && a.objectives.contains(&objective))
                            });
                        let action = action.clone();
                        view! {
                            <div class="checkbox">
                                <input
                                    type="checkbox"
                                    id=box_id.clone()
                                    checked=linked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        editor
                                            .edit(|plan| {
                                                let found = plan
                                                    .actions
                                                    .iter_mut()
                                                    .find(|a| a.id == action);
                                                if let Some(a) = found {
                                                    a.objectives.retain(|o| *o != objective);
                                                    if on {
                                                        a.objectives.push(objective.clone());
                                                    }
                                                }
                                            });
                                    }
                                />
                                <label for=box_id>{label}</label>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </fieldset>
    }
}

/// Up, down and remove buttons of one item.
#[component]
pub fn ItemButtons(editor: Editor, part: Part, id: ItemId) -> impl IntoView {
    let t = plan_texts();
    let label = {
        let id = id.clone();
        move || editor.content.with(|plan| plan.label(part, &id))
    };
    let act = move |change: fn(&mut crate::domain::plan::PlanContent, Part, &ItemId)| {
        let id = id.clone();
        move |_| editor.edit(|plan| change(plan, part, &id))
    };
    let label_up = label.clone();
    let label_down = label.clone();
    view! {
        <div class="item-buttons">
            <button
                type="button"
                class="btn btn-sm"
                aria-label=move || (t.move_up)(&label_up())
                on:click=act(|plan, part, id| plan.shift(part, id, true))
            >
                "↑"
            </button>
            <button
                type="button"
                class="btn btn-sm"
                aria-label=move || (t.move_down)(&label_down())
                on:click=act(|plan, part, id| plan.shift(part, id, false))
            >
                "↓"
            </button>
            <button
                type="button"
                class="btn btn-sm btn-danger"
                on:click=act(|plan, part, id| plan.remove(part, id))
            >
                {move || (t.remove)(&label())}
            </button>
        </div>
    }
}
