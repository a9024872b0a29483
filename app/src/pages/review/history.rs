//! One recorded decision, as the history of the validation lists it.

use leptos::prelude::*;

use crate::components::rich_text::RichText;
use crate::domain::review::Decision;
use crate::i18n::{plan_texts, review_texts};

/// «Tavolo CNER, 3 giugno 2024: Modifiche richieste».
pub fn decision_line(decision: &Decision) -> String {
    let body = decision.outcome.body().label();
    let day = plan_texts().long_date(&decision.meeting_day);
    format!("{body}, {day}: {}", decision.outcome.label())
}

/// A decision with what it asked, its minutes and the revision that followed.
#[component]
pub fn DecisionEntry(decision: Decision, year: i32) -> impl IntoView {
    let t = review_texts();
    let subject = match (&decision.community, decision.plan_version) {
        (Some(slug), Some(version)) => view! {
            <a href=format!("/piani/{year}/{slug}")>{decision.community_name.clone()}</a>
            {format!(" · {}", (t.plan_version)(version))}
        }
        .into_any(),
        _ => view! { {(t.general_version)(decision.presented)} }.into_any(),
    };
    let changes = (!decision.changes.is_empty()).then(|| {
        view! {
            <h4>{t.field_changes}</h4>
            <RichText text=decision.changes.clone() />
        }
    });
    let revision = decision.revision.as_ref().map(|r| {
        let state = match (&r.returned, r.open) {
            (Some((at, by)), _) => (t.revision_returned)(&plan_texts().long_date(at), by),
            (None, true) => (t.revision_open)(&plan_texts().long_date(&r.until)),
            (None, false) => (t.revision_expired)(&plan_texts().long_date(&r.until)),
        };
        view! { <p class="revision-state">{state}</p> }
    });
    view! {
        <li class="decision">
            <h3>{decision_line(&decision)}</h3>
            <p>{subject}</p>
            {changes}
            <h4>{t.field_minutes}</h4>
            <RichText text=decision.minutes.clone() />
            {revision}
            <p class="decision-recorded">
                {(t
                    .recorded_by)(
                    &decision.recorded_by,
                    &plan_texts().long_date(&decision.recorded_at),
                )}
            </p>
        </li>
    }
}
