//! The editable items: objectives, actions, indicators and meetings. Each row reads its values
//! once and writes every keystroke back into the editor; rows follow the items by id.

use leptos::prelude::*;

use super::announced::AnnouncedMeeting;
use super::editor::Editor;
use super::fields::{CompletedField, EditText, ItemButtons, ObjectiveLinks, PeriodField};
use crate::domain::plan::edit::Part;
use crate::domain::plan::{ItemId, PlanAction};
use crate::i18n::plan_texts;

/// Every item of one part, with a button to add one.
#[component]
pub fn ItemList(editor: Editor, part: Part, add_label: &'static str) -> impl IntoView {
    let add = move |_| {
        let seed = (web_sys::js_sys::Math::random() * 4_294_967_296.0) as u64;
        let mut added = None;
        editor.edit(|plan| added = Some(plan.add(part, seed)));
        if let Some(id) = added {
            let first_field = if part == Part::Indicators {
                "nome"
            } else {
                "titolo"
            };
            let input = super::fields::input_id(&format!("{}.{first_field}", id.0));
            request_animation_frame(move || {
                if let Some(element) = document().get_element_by_id(&input) {
                    use leptos::wasm_bindgen::JsCast;
                    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                        let _ = element.focus();
                    }
                }
            });
        }
    };
    view! {
        <ol class="edit-items">
            <For
                each=move || editor.content.with(|plan| plan.ids(part))
                key=|id| id.clone()
                children=move |id| view! { <Item editor part id /> }
            />
        </ol>
        <button type="button" class="btn btn-outline" on:click=add>
            {add_label}
        </button>
    }
}

#[component]
fn Item(editor: Editor, part: Part, id: ItemId) -> impl IntoView {
    let label = {
        let id = id.clone();
        move || editor.content.with(|plan| plan.label(part, &id))
    };
    let anchor = format!("modifica-{}", id.0);
    let fields = match part {
        Part::Objectives => objective_fields(editor, &id).into_any(),
        Part::Actions => action_fields(editor, &id).into_any(),
        Part::Indicators => indicator_fields(editor, &id).into_any(),
        Part::Meetings => meeting_fields(editor, &id).into_any(),
    };
    view! {
        <li class="edit-item" id=anchor>
            <h3 class="item-label">{label}</h3>
            {fields}
            <ItemButtons editor part id />
        </li>
    }
}

/// Writes a text typed into `field` of item `id`.
fn setter<T: 'static>(
    editor: Editor,
    id: &ItemId,
    items: fn(&mut crate::domain::plan::PlanContent) -> &mut Vec<T>,
    item_id: fn(&T) -> &ItemId,
    field: fn(&mut T) -> &mut String,
) -> impl Fn(String) + Copy + Send + Sync + 'static + use<T> {
    let id = StoredValue::new(id.clone());
    move |value: String| {
        editor.edit(|plan| {
            let found = items(plan)
                .iter_mut()
                .find(|item| id.with_value(|id| item_id(item) == id));
            if let Some(item) = found {
                *field(item) = value;
            }
        });
    }
}

fn objective_fields(editor: Editor, id: &ItemId) -> impl IntoView + use<> {
    let t = plan_texts();
    let item = editor
        .content
        .with_untracked(|plan| plan.objectives.iter().find(|o| &o.id == id).cloned())
        .unwrap_or_default();
    let set = |field| setter(editor, id, |p| &mut p.objectives, |o| &o.id, field);
    view! {
        <EditText
            editor
            key=format!("{}.titolo", id.0)
            label=t.field_title
            value=item.title
            required=true
            on_input=set(|o| &mut o.title)
        />
        <EditText
            editor
            key=format!("{}.descrizione", id.0)
            label=t.field_description
            value=item.description
            multiline=true
            hint=t.markdown_hint
            on_input=set(|o| &mut o.description)
        />
    }
}

fn action_fields(editor: Editor, id: &ItemId) -> impl IntoView + use<> {
    let t = plan_texts();
    let item: PlanAction = editor
        .content
        .with_untracked(|plan| plan.actions.iter().find(|a| &a.id == id).cloned())
        .unwrap_or_default();
    let set = |field| setter(editor, id, |p| &mut p.actions, |a| &a.id, field);
    let key = |field: &str| format!("{}.{field}", id.0);
    view! {
        <EditText
            editor
            key=key("titolo")
            label=t.field_title
            value=item.title
            required=true
            on_input=set(|a| &mut a.title)
        />
        <EditText
            editor
            key=key("descrizione")
            label=t.field_description
            value=item.description
            multiline=true
            hint=t.markdown_hint
            on_input=set(|a| &mut a.description)
        />
        <ObjectiveLinks editor action=id.clone() />
        <PeriodField editor id=id.clone() start=item.start_month end=item.end_month />
        <EditText
            editor
            key=key("responsabile")
            label=t.action_lead
            value=item.lead
            on_input=set(|a| &mut a.lead)
        />
        <EditText
            editor
            key=key("enti")
            label=t.action_bodies
            value=item.bodies
            multiline=true
            on_input=set(|a| &mut a.bodies)
        />
        <EditText
            editor
            key=key("prodotti")
            label=t.action_outputs
            value=item.outputs
            multiline=true
            on_input=set(|a| &mut a.outputs)
        />
        <EditText
            editor
            key=key("destinatari")
            label=t.action_audience
            value=item.audience
            multiline=true
            on_input=set(|a| &mut a.audience)
        />
        <CompletedField editor id=id.clone() completed=item.completed />
    }
}

fn indicator_fields(editor: Editor, id: &ItemId) -> impl IntoView + use<> {
    let t = plan_texts();
    let item = editor
        .content
        .with_untracked(|plan| plan.indicators.iter().find(|i| &i.id == id).cloned())
        .unwrap_or_default();
    let set = |field| setter(editor, id, |p| &mut p.indicators, |i| &i.id, field);
    view! {
        <EditText
            editor
            key=format!("{}.nome", id.0)
            label=t.indicator_name
            value=item.name
            required=true
            on_input=set(|i| &mut i.name)
        />
        <EditText
            editor
            key=format!("{}.target", id.0)
            label=t.indicator_target
            value=item.target
            on_input=set(|i| &mut i.target)
        />
    }
}

fn meeting_fields(editor: Editor, id: &ItemId) -> impl IntoView + use<> {
    let t = plan_texts();
    let item = editor
        .content
        .with_untracked(|plan| plan.meetings.iter().find(|m| &m.id == id).cloned())
        .unwrap_or_default();
    let set = |field| setter(editor, id, |p| &mut p.meetings, |m| &m.id, field);
    view! {
        <EditText
            editor
            key=format!("{}.data", id.0)
            label=t.meeting_date
            value=item.date
            input_type="date"
            on_input=set(|m| &mut m.date)
        />
        <EditText
            editor
            key=format!("{}.titolo", id.0)
            label=t.meeting_title
            value=item.title
            required=true
            on_input=set(|m| &mut m.title)
        />
        <AnnouncedMeeting editor id=id.clone() chosen=item.announces />
    }
}
