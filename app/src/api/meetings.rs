//! Meetings: reading, organising, attending, and one's own calendar address.

use leptos::prelude::*;

use crate::domain::meeting::form::MeetingForm;
use crate::domain::meeting::{MeetingFormPage, MeetingPage, MeetingsPage};
use crate::error::AppError;

/// The meetings to come and past, all of them or those concerning `comunita`.
#[server]
pub async fn list_meetings(comunita: String) -> Result<MeetingsPage, AppError> {
    use crate::server::{meetings, state::app_state};
    let community = Some(comunita.as_str()).filter(|slug| !slug.is_empty());
    meetings::list(&app_state()?, community).await
}

/// Meeting `id`, and what the viewer may do with it.
#[server]
pub async fn read_meeting(id: i64) -> Result<MeetingPage, AppError> {
    use crate::server::{meetings, state::app_state};
    meetings::page(&app_state()?, id).await
}

/// The form for a new meeting (`id` 0) or for changing meeting `id`.
#[server]
pub async fn edit_meeting_form(id: i64) -> Result<MeetingFormPage, AppError> {
    use crate::server::{meetings, state::app_state};
    meetings::form_page(&app_state()?, Some(id).filter(|id| *id != 0)).await
}

/// Creates a meeting (`id` 0) or changes meeting `id` seen at `revisione`, then shows it.
#[server]
pub async fn save_meeting(id: i64, revisione: i64, form: MeetingForm) -> Result<i64, AppError> {
    use crate::server::{meetings, request::redirect, state::app_state};
    let id = meetings::save(&app_state()?, id, revisione, form).await?;
    redirect(&format!("/incontri/{id}?salvato=1"));
    Ok(id)
}

/// Says the signed-in person will attend meeting `id` (`partecipa` "si") or no longer.
#[server]
pub async fn attend_meeting(id: i64, partecipa: String) -> Result<(), AppError> {
    use crate::server::{meetings, state::app_state};
    meetings::attend(&app_state()?, id, partecipa == "si").await
}

/// Gives the signed-in person's calendar a new secret address; its path.
#[server]
pub async fn renew_calendar() -> Result<String, AppError> {
    use crate::server::{meetings, state::app_state};
    meetings::renew_feed(&app_state()?).await
}

/// Removes material `numero` of meeting `id`, then shows the meeting.
#[server]
pub async fn remove_material(id: i64, numero: i64) -> Result<(), AppError> {
    use crate::server::{meetings, request::redirect, state::app_state};
    meetings::materials::remove(&app_state()?, id, numero).await?;
    redirect(&format!("/incontri/{id}?materiale=eliminato#materiali"));
    Ok(())
}
