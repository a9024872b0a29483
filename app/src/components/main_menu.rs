//! The sections of the site in the header: behind a «Menu» button on a phone, in a row on a wide
//! screen.

use leptos::html::Details;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{board_texts, meeting_texts, news_texts, plan_texts, texts};

/// The «Menu» button and the list of sections. The button is a `<details>` of its own, just
/// before the list: while it is closed the style hides the list on a phone, without JavaScript;
/// a wide screen hides the button and always shows the list (inside a closed `<details>` the list
/// would stay hidden there, to browsers and screen readers alike). After a navigation in the page
/// the menu closes, or on a phone the new page would start below it (a full page load comes
/// closed anyway).
#[component]
pub fn MainMenu() -> impl IntoView {
    let t = texts();
    let toggle = NodeRef::<Details>::new();
    let path = use_location().pathname;
    Effect::watch(
        move || path.get(),
        move |_, _, _| {
            if let Some(toggle) = toggle.get_untracked() {
                toggle.set_open(false);
            }
        },
        false,
    );
    view! {
        <details class="menu-toggle" node_ref=toggle>
            <summary>
                <svg
                    aria-hidden="true"
                    focusable="false"
                    width="24"
                    height="24"
                    viewBox="0 0 24 24"
                >
                    <path fill="currentColor" d="M3 5h18v2H3zm0 6h18v2H3zm0 6h18v2H3z" />
                </svg>
                {t.menu}
            </summary>
        </details>
        <ul class="main-menu">
            <li>
                <A href="/" exact=true>
                    {t.nav_home}
                </A>
            </li>
            <li>
                <A href="/comunita">{t.nav_communities}</A>
            </li>
            <li>
                <A href="/piani">{plan_texts().nav_plans}</A>
            </li>
            <li>
                <A href="/calendario">{plan_texts().nav_calendar}</A>
            </li>
            <li>
                <A href="/incontri">{meeting_texts().nav}</A>
            </li>
            <li>
                <A href="/notizie">{news_texts().nav}</A>
            </li>
            <li>
                <A href="/lettura-trasversale">{board_texts().nav_board}</A>
            </li>
            <li>
                <A href="/numeri">{t.nav_numbers}</A>
            </li>
        </ul>
    }
}
