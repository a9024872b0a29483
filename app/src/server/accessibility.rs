//! Reports of accessibility problems: stored, and mailed to regional staff with the sender as
//! the address their answer goes to.

use super::auth::{permit_current, throttle};
use super::clock::rfc3339_now;
use super::db::{self, outbox::Mail};
use super::request::throttle_source;
use super::state::AppState;
use crate::domain::accessibility::ReportForm;
use crate::domain::policy::Action;
use crate::domain::role::RoleKind;
use crate::error::AppError;
use crate::i18n::legal_texts;

/// Sends the report typed in `form` to every member of regional staff, a few per address and
/// quarter of an hour.
#[tracing::instrument(skip_all)]
pub async fn report(state: &AppState, form: ReportForm) -> Result<(), AppError> {
    permit_current(state, &Action::ReportAccessibilityProblem).await?;
    let key = format!("accessibility:ip:{}", throttle_source(&state.settings));
    throttle::attempt(&state.db, &key, state.settings.limits.report_per_ip).await?;
    let report = form
        .check()
        .map_err(|rejection| AppError::Invalid(Box::new(rejection)))?;
    let t = legal_texts();
    let mails: Vec<Mail> = db::roles::holders(&state.db)
        .await?
        .into_iter()
        .filter(|holder| holder.role.kind == RoleKind::Admin)
        .map(|staff| Mail {
            recipient: staff.email,
            subject: (t.report_mail_subject)(&report.name),
            body: (t.report_mail_body)(
                &report.name,
                report.email.as_str(),
                &report.page,
                &report.message,
            ),
            reply_to: Some(report.email.as_str().to_owned()),
            unsubscribe: None,
        })
        .collect();
    if mails.is_empty() {
        tracing::warn!("an accessibility report is stored, but there is no regional staff to mail");
    }
    db::accessibility::store(&state.db, &report, &mails, &rfc3339_now()).await
}
