//! What `/iscriviti` tells someone already logged in: signing up never swaps their session.

use leptos::prelude::*;

use crate::api::account::current_viewer;
use crate::i18n::texts;

/// For a logged-in person: join communities from the profile, log out to sign up someone else.
/// Nothing for a visitor.
#[component]
pub fn SignedInNotice() -> impl IntoView {
    let t = texts();
    let viewer = Resource::new(|| (), |_| current_viewer());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                viewer
                    .await
                    .ok()
                    .flatten()
                    .map(|viewer| {
                        view! {
                            <div class="alert alert-info" role="status">
                                <p>
                                    {(t.signup_signed_in)(&viewer.first_name)} " "
                                    <a href="/profilo">{t.signup_signed_in_profile}</a>
                                </p>
                            </div>
                        }
                    })
            })}
        </Suspense>
    }
}
