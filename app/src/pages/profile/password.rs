//! The profile's password form: the current password, unless the person logged in by link in
//! the last 10 minutes, and the new one; a change ends every other session.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::profile::ChangePassword;
use crate::components::action_error::{ActionDone, ActionError};
use crate::components::form_field::{TextField, field_error, rejection_of};
use crate::i18n::texts;

/// Changing one's password: the current one (unless just logged in by link), then the new.
#[component]
pub fn Password() -> impl IntoView {
    let t = texts();
    let action = ServerAction::<ChangePassword>::new();
    let rejection = Signal::derive(move || rejection_of(action.value().get()));
    view! {
        <section aria-labelledby="mia-password">
            <h2 id="mia-password">{t.field_password}</h2>
            <ActionError result=action.value().into() />
            <ActionDone result=action.value().into() message=t.password_changed />
            <ActionForm action attr:class="form">
                <TextField
                    id="password-attuale"
                    name="attuale"
                    label=t.field_current_password
                    hint=t.field_current_password_hint
                    error=field_error(rejection, "attuale")
                    input_type="password"
                    autocomplete="current-password"
                />
                <TextField
                    id="nuova-password"
                    name="password"
                    label=t.field_new_password
                    hint=t.field_password_rules
                    error=field_error(rejection, "password")
                    input_type="password"
                    autocomplete="new-password"
                />
                <button type="submit" class="btn btn-primary">
                    {t.password_change}
                </button>
            </ActionForm>
        </section>
    }
}
