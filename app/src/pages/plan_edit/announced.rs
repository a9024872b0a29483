//! The choice of the meeting of `/incontri` that a line of the plan's calendar announces.

use leptos::prelude::*;

use super::editor::Editor;
use super::fields::input_id;
use crate::domain::plan::ItemId;
use crate::i18n::plan_texts;

/// The meeting line `id` announces, among the editor's meetings; nothing when there are none.
#[component]
pub fn AnnouncedMeeting(editor: Editor, id: ItemId, chosen: Option<i64>) -> impl IntoView {
    let t = plan_texts();
    let meetings = editor.meetings.get_value();
    if meetings.is_empty() {
        return None;
    }
    let key = format!("{}.incontro", id.0);
    let field_id = input_id(&key);
    let (hint_id, error_id) = (format!("{field_id}-aiuto"), format!("{field_id}-errore"));
    let described_by = format!("{hint_id} {error_id}");
    let error = Signal::derive(move || editor.problem(&key));
    let choose = move |ev| {
        let announces = event_target_value(&ev).parse().ok();
        editor.edit(|plan| {
            if let Some(line) = plan.meetings.iter_mut().find(|m| m.id == id) {
                line.announces = announces;
            }
        });
    };
    let options = meetings
        .into_iter()
        .map(|meeting| {
            let text = format!("{} · {}", t.long_date(&meeting.day), meeting.title);
            view! {
                <option value=meeting.id selected=chosen == Some(meeting.id)>
                    {text}
                </option>
            }
        })
        .collect_view();
    Some(view! {
        <div class="form-group">
            <label for=field_id.clone()>{t.meeting_announces}</label>
            <p class="form-hint" id=hint_id>
                {t.meeting_announces_hint}
            </p>
            <select
                id=field_id
                aria-describedby=described_by
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:change=choose
            >
                <option value="" selected=chosen.is_none()>
                    {t.meeting_announces_none}
                </option>
                {options}
            </select>
            <p class="field-error" id=error_id>
                {move || error.get()}
            </p>
        </div>
    })
}
