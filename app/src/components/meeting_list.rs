//! A list of meetings: when, what, for whom and where, each linking to its page.

use leptos::prelude::*;

use crate::domain::meeting::{Meeting, audience_label, machine_time};
use crate::i18n::meeting_texts;

/// The `meetings` (or `empty` when there are none), naming communities from `names`.
#[component]
pub fn MeetingList(
    meetings: Vec<Meeting>,
    names: Vec<(String, String)>,
    empty: &'static str,
) -> impl IntoView {
    if meetings.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    let t = meeting_texts();
    let items = meetings
        .into_iter()
        .map(|meeting| {
            let where_ = match meeting.place.is_empty() {
                true => t.online.to_owned(),
                false => meeting.place.clone(),
            };
            let minutes = (!meeting.minutes.is_empty())
                .then(|| view! { <span class="badge">{t.has_minutes}</span> });
            view! {
                <li class="meeting-item">
                    <h3>
                        <a href=meeting.href()>{meeting.title.clone()}</a>
                    </h3>
                    <p class="meeting-when">
                        <time datetime=machine_time(meeting.starts_at)>{meeting.when()}</time>
                    </p>
                    <p class="meeting-meta">
                        {audience_label(&meeting.audience, &names)} " · " {where_} " " {minutes}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="meeting-list">{items}</ul> }.into_any()
}
