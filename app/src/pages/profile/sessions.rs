//! The profile's list of sessions: where the person is logged in, and ending any of them.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::profile::{EndOtherSessions, EndSession, my_sessions};
use crate::components::action_error::ActionError;
use crate::domain::my_session::MySession;
use crate::error::AppError;
use crate::i18n::texts;

/// The person's sessions, loaded again after either action ends some.
#[derive(Clone, Copy)]
pub struct Sessions {
    end: ServerAction<EndSession>,
    end_others: ServerAction<EndOtherSessions>,
    list: Resource<Result<Vec<MySession>, AppError>>,
}

impl Sessions {
    /// Made with the page, not inside its `Suspense`: a resource made there may come after
    /// hydration has ended and be fetched again, and a list changed meanwhile (another login)
    /// no longer matches the page the server rendered.
    pub fn load() -> Self {
        let end = ServerAction::<EndSession>::new();
        let end_others = ServerAction::<EndOtherSessions>::new();
        let list = Resource::new(
            move || (end.version().get(), end_others.version().get()),
            |_| my_sessions(),
        );
        Self {
            end,
            end_others,
            list,
        }
    }
}

/// Every session of the person, each with a button that ends it, and one that ends all others.
#[component]
pub fn MySessions(sessions: Sessions) -> impl IntoView {
    let t = texts();
    let Sessions {
        end,
        end_others,
        list: sessions,
    } = sessions;
    view! {
        <section aria-labelledby="mie-sessioni">
            <h2 id="mie-sessioni">{t.sessions_title}</h2>
            <p>{t.sessions_lead}</p>
            <ActionError result=end.value().into() />
            <Transition fallback=move || {
                view! { <p>{t.loading}</p> }
            }>
                {move || Suspend::new(async move {
                    let list = sessions.await.unwrap_or_default();
                    let others = list.iter().filter(|session| !session.current).count();
                    view! {
                        <ul class="session-list">
                            {list
                                .into_iter()
                                .map(|session| view! { <SessionRow session end /> })
                                .collect_view()}
                        </ul>
                        {(others > 0)
                            .then(|| {
                                view! {
                                    <ActionForm action=end_others attr:class="form">
                                        <button type="submit" class="btn btn-outline-primary">
                                            {t.sessions_end_others}
                                        </button>
                                    </ActionForm>
                                }
                            })}
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SessionRow(session: MySession, end: ServerAction<EndSession>) -> impl IntoView {
    let t = texts();
    let device = (t.sessions_device)(&session.browser, &session.system);
    let when = (t.sessions_when)(&session.started, &session.last_seen, &session.network);
    let label = (t.sessions_end_label)(&device, &session.started);
    view! {
        <li class="session-row">
            <p>
                <strong>{device}</strong>
                {session
                    .current
                    .then(|| {
                        view! {
                            " "
                            <span class="badge">{t.sessions_this}</span>
                        }
                    })}
                <br />
                {when}
            </p>
            <ActionForm action=end attr:class="inline-form">
                <input type="hidden" name="sessione" value=session.handle />
                <button type="submit" class="btn btn-outline-primary btn-sm" aria-label=label>
                    {t.sessions_end}
                </button>
            </ActionForm>
        </li>
    }
}
