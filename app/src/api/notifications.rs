//! Notifications: the bell, the list, marking them read.

use leptos::prelude::*;

use crate::domain::notification::form::{NotificationForm, NotificationSettings};
use crate::domain::notification::{NotificationList, Unsubscribe};
use crate::domain::role::Viewer;
use crate::error::AppError;

/// The signed-in person's notifications, newest first.
#[server]
pub async fn list_notifications() -> Result<NotificationList, AppError> {
    use crate::server::{notifications, state::app_state};
    notifications::list(&app_state()?).await
}

/// The signed-in person for the header, if any, and how many of their notifications are unread
/// once those of the page at `pagina` are read (reading a place reads its notifications).
#[server]
pub async fn header_state(pagina: String) -> Result<Option<(Viewer, i64)>, AppError> {
    use crate::server::{notifications, state::app_state};
    notifications::header(&app_state()?, &pagina).await
}

/// Marks every notification read, then shows the list.
#[server]
pub async fn mark_all_notifications_read() -> Result<(), AppError> {
    use crate::server::{notifications, request::redirect, state::app_state};
    notifications::mark_all_read(&app_state()?).await?;
    redirect("/notifiche?lette=1");
    Ok(())
}

/// The signed-in person's notification preferences, with every community.
#[server]
pub async fn my_notification_settings() -> Result<NotificationSettings, AppError> {
    use crate::server::{notifications, state::app_state};
    notifications::settings(&app_state()?).await
}

/// Saves the signed-in person's notification preferences, then shows them.
#[server]
pub async fn save_notification_settings(form: NotificationForm) -> Result<(), AppError> {
    use crate::server::{notifications, request::redirect, state::app_state};
    notifications::save_settings(&app_state()?, form).await?;
    redirect("/profilo?notifiche=salvate#notifiche");
    Ok(())
}

/// What the unsubscribe link of a mail with `token` turns off, and whether it was used (the
/// one-click `POST` of RFC 8058 uses it: see the server's `unsubscribe`).
#[server]
pub async fn unsubscribe_link(token: String) -> Result<Unsubscribe, AppError> {
    use crate::server::{notifications::unsubscribe, state::app_state};
    unsubscribe::describe(&app_state()?, &token).await
}
