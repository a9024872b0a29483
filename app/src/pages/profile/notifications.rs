//! The profile's notification preferences: per kind, under the bell and by email; the silenced
//! communities; the digest's frequency.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::notifications::{SaveNotificationSettings, my_notification_settings};
use crate::components::action_error::ActionError;
use crate::components::form_field::{checkboxes, radios};
use crate::domain::notification::MailMode;
use crate::domain::notification::form::NotificationSettings;
use crate::domain::notification::preferences::{DigestFrequency, KindChoice};
use crate::error::AppError;
use crate::i18n::{notification_texts, texts};

/// The person's preferences, loaded again after each save.
#[derive(Clone, Copy)]
pub struct Preferences {
    save: ServerAction<SaveNotificationSettings>,
    settings: Resource<Result<NotificationSettings, AppError>>,
}

impl Preferences {
    /// Made with the page, not inside its `Suspense` (see [`super::sessions::Sessions::load`]).
    pub fn load() -> Self {
        let save = ServerAction::<SaveNotificationSettings>::new();
        let settings = Resource::new(move || save.version().get(), |_| my_notification_settings());
        Self { save, settings }
    }
}

/// The preferences form.
#[component]
pub fn NotificationPreferences(preferences: Preferences) -> impl IntoView {
    let Preferences { save, settings } = preferences;
    let saved = use_query_map().with_untracked(|q| q.get("notifiche").is_some());
    let t = notification_texts();
    view! {
        <section aria-labelledby="notifiche-titolo" id="notifiche">
            <h2 id="notifiche-titolo">{t.preferences_title}</h2>
            <p>{t.preferences_intro}</p>
            {move || {
                (saved || matches!(save.value().get(), Some(Ok(()))))
                    .then(|| {
                        view! {
                            <p class="alert alert-success" role="status">
                                {t.preferences_saved}
                            </p>
                        }
                    })
            }}
            <ActionError result=save.value().into() />
            <Transition fallback=move || {
                view! { <p>{texts().loading}</p> }
            }>
                {move || Suspend::new(async move {
                    settings.await.ok().map(|settings| view! { <PreferencesForm settings save /> })
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PreferencesForm(
    settings: NotificationSettings,
    save: ServerAction<SaveNotificationSettings>,
) -> impl IntoView {
    let t = notification_texts();
    let preferences = settings.preferences;
    let rows = preferences
        .kinds
        .iter()
        .copied()
        .map(kind_row)
        .collect_view();
    let muted: Vec<String> = preferences.muted.iter().map(|c| c.to_string()).collect();
    let digests: Vec<(&'static str, &'static str)> = DigestFrequency::ALL
        .iter()
        .map(|&frequency| (frequency.code(), (t.digest_frequency)(frequency)))
        .collect();
    let digests = radios("riepilogo", &digests, preferences.digest.code());
    view! {
        <ActionForm action=save attr:class="form">
            <table class="data-table preferences">
                <caption class="visually-hidden">{t.preferences_title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.column_kind}</th>
                        <th scope="col">{t.column_in_app}</th>
                        <th scope="col">{t.column_mail}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <fieldset>
                <legend>{t.digest_legend}</legend>
                {digests}
            </fieldset>
            <fieldset>
                <legend>{t.muted_legend}</legend>
                <p class="form-hint">{t.muted_hint}</p>
                {checkboxes("silenziate", &settings.communities, &muted)}
            </fieldset>
            <button type="submit" class="btn btn-primary">
                {t.save_preferences}
            </button>
        </ActionForm>
    }
}

/// One kind: its name, a checkbox for the bell, a choice for email.
fn kind_row(choice: KindChoice) -> impl IntoView {
    let t = notification_texts();
    let code = choice.kind.code();
    let name = (t.kind_name)(choice.kind);
    let (app_id, mail_id) = (format!("sito-{code}"), format!("email-{code}"));
    let options = MailMode::ALL
        .iter()
        .map(|&mode| {
            view! {
                <option value=format!("{code}:{}", mode.code()) selected=mode == choice.mail>
                    {(t.mail_mode)(mode)}
                </option>
            }
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td>
                <input
                    type="checkbox"
                    id=app_id
                    name="form[sito][]"
                    value=code
                    checked=choice.in_app
                    aria-label=format!("{name}: {}", t.column_in_app)
                />
            </td>
            <td>
                <select
                    id=mail_id
                    name="form[email][]"
                    aria-label=format!("{name}: {}", t.column_mail)
                >
                    {options}
                </select>
            </td>
        </tr>
    }
}
