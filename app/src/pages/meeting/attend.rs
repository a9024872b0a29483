//! Saying one will attend, and, for the organisers, who will.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::meetings::AttendMeeting;
use crate::components::action_error::ActionError;
use crate::domain::meeting::MeetingPage;
use crate::i18n::meeting_texts;

/// The count of those attending, the «Parteciperò» button for the people the meeting is for
/// (until it is over), and the list of attendees for its organisers.
#[component]
pub fn Attendance(page: MeetingPage, attend: ServerAction<AttendMeeting>) -> impl IntoView {
    let t = meeting_texts();
    let id = page.meeting.id;
    let over = page.meeting.is_past(page.now);
    let button = match (page.can_attend, over) {
        (true, false) => {
            let (choice, label) = match page.attends {
                true => ("no", t.unattend),
                false => ("si", t.attend),
            };
            Some(
                view! {
                    {page.attends.then(|| view! { <p>{t.attending}</p> })}
                    <ActionForm action=attend>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="partecipa" value=choice />
                        <button type="submit" class="btn btn-primary">
                            {label}
                        </button>
                    </ActionForm>
                    <ActionError result=Signal::derive(move || attend.value().get()) />
                }
                .into_any(),
            )
        }
        (false, false) if !page.signed_in => Some(
            view! {
                <p>
                    <a href=format!("/accedi?next=/incontri/{id}")>{t.attend_login}</a>
                </p>
            }
            .into_any(),
        ),
        _ => None,
    };
    let attendees = page.attendees.map(|people| {
        let list = match people.is_empty() {
            true => view! { <p class="muted">{t.no_attendees}</p> }.into_any(),
            false => {
                let items = people
                    .into_iter()
                    .map(|person| {
                        let ente = (!person.ente.is_empty()).then(|| format!(" ({})", person.ente));
                        view! { <li>{person.name} {ente}</li> }
                    })
                    .collect_view();
                view! { <ul>{items}</ul> }.into_any()
            }
        };
        view! {
            <h3>{t.attendees}</h3>
            {list}
        }
    });
    view! {
        <section aria-labelledby="partecipazione" class="card">
            <h2 id="partecipazione">{t.attendance_title}</h2>
            <p>{(t.attendance)(page.meeting.attending)}</p>
            {button}
            {attendees}
        </section>
    }
}
