//! What the approved pages say of their approval, and the content digest of what they show.

use leptos::prelude::*;

use crate::domain::review::Approval;
use crate::i18n::{plan_texts, review_texts};

/// The Cabina di Regia's approval (its day, outcome and the approved general plan version),
/// linked to the validation's history; nothing before approval.
#[component]
pub fn ApprovalNotice(approval: Option<Approval>, year: i32) -> impl IntoView {
    let t = review_texts();
    approval.map(|approval| {
        let day = plan_texts().long_date(&approval.decision.meeting_day);
        view! {
            <div class="alert alert-success approval">
                <p>
                    <strong>{approval.decision.outcome.label()}</strong>
                    ". "
                    {(t.approved_on)(&day, approval.version)}
                </p>
                <p>
                    <a href=format!("/piano-generale/{year}/validazione")>{t.remarks_link}</a>
                </p>
            </div>
        }
    })
}

/// The SHA-256 of the content shown, so a printed or archived copy can be checked against it.
#[component]
pub fn Digest(#[prop(into)] digest: String) -> impl IntoView {
    view! {
        <p class="digest">
            <small>{(review_texts().digest)(&digest)}</small>
        </p>
    }
}
