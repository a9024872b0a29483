//! The header's bell: a link to the notifications whose name says how many are unread, kept
//! live while the page is open by the server's events at `/notifiche/conteggio`.

use leptos::prelude::*;

use crate::i18n::notification_texts;

/// The bell, starting from `unread` as the page was loaded (or navigated to).
#[component]
pub fn Bell(unread: i64) -> impl IntoView {
    let t = notification_texts();
    let count = RwSignal::new(unread);
    Effect::new(move || live::follow(count));
    view! {
        <li>
            <a href="/notifiche" class="bell" aria-label=move || (t.bell_label)(count.get())>
                <svg
                    aria-hidden="true"
                    focusable="false"
                    width="24"
                    height="24"
                    viewBox="0 0 24 24"
                >
                    <path
                        fill="currentColor"
                        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
                    />
                </svg>
                <span class="bell-count" aria-hidden="true" hidden=move || count.get() == 0>
                    {move || count.get()}
                </span>
            </a>
        </li>
    }
}

#[cfg(feature = "hydrate")]
mod live {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use leptos::wasm_bindgen::closure::Closure;
    use send_wrapper::SendWrapper;
    use web_sys::{EventSource, MessageEvent};

    /// Opens the event stream and writes each count it sends into `count`; closed with the
    /// bell. The browser reconnects by itself after a network error.
    pub fn follow(count: RwSignal<i64>) {
        let Ok(source) = EventSource::new("/notifiche/conteggio") else {
            return;
        };
        let on_count = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(n) = event.data().as_string().and_then(|d| d.parse().ok()) {
                count.set(n);
            }
        });
        let _ =
            source.add_event_listener_with_callback("conteggio", on_count.as_ref().unchecked_ref());
        let open = SendWrapper::new((source, on_count));
        on_cleanup(move || open.0.close());
    }
}

#[cfg(not(feature = "hydrate"))]
mod live {
    use leptos::prelude::RwSignal;

    /// Nothing to follow while rendering on the server.
    pub fn follow(_: RwSignal<i64>) {}
}
