//! The calendars to subscribe to: everything, a community's, and one's own.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::meetings::RenewCalendar;
use crate::i18n::meeting_texts;

/// Links to the calendars, with one's own (created or renewed here) for a signed-in person.
/// `community` is `(slug, name)` on a community's page.
#[component]
pub fn Calendars(
    personal: Option<String>,
    signed_in: bool,
    community: Option<(String, String)>,
    renew: ServerAction<RenewCalendar>,
) -> impl IntoView {
    let t = meeting_texts();
    let community_feed = community.map(|(slug, name)| {
        view! {
            <li>
                <a href=format!("/comunita/{slug}/incontri.ics")>{(t.feed_community)(&name)}</a>
            </li>
        }
    });
    let own = match (signed_in, personal) {
        (false, _) => view! {
            <p>
                <a href="/accedi?next=/incontri">{t.personal_login}</a>
            </p>
        }
        .into_any(),
        (true, personal) => {
            let button = match personal.is_some() {
                true => t.personal_renew,
                false => t.personal_create,
            };
            let address = personal.map(|path| {
                let href = path.clone();
                view! {
                    <p>
                        <a class="feed-address" href=href>
                            {path}
                        </a>
                    </p>
                }
            });
            let renewed = move || {
                matches!(renew.value().get(), Some(Ok(_)))
                    .then(|| view! { <p role="status">{t.personal_renewed}</p> })
            };
            view! {
                <h3>{t.personal_title}</h3>
                <p>{t.personal_hint}</p>
                {address}
                {renewed}
                <ActionForm action=renew>
                    <button type="submit" class="btn btn-outline">
                        {button}
                    </button>
                </ActionForm>
            }
            .into_any()
        }
    };
    view! {
        <section aria-labelledby="calendari" class="card">
            <h2 id="calendari">{t.calendars_title}</h2>
            <p>{t.calendars_hint}</p>
            <ul>
                <li>
                    <a href="/incontri.ics">{t.feed_all}</a>
                </li>
                {community_feed}
            </ul>
            {own}
        </section>
    }
}
