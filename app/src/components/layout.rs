//! The page chrome of an Italian public-administration service: skip link, header, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::user_menu::UserMenu;
use crate::i18n::{board_texts, legal_texts, meeting_texts, news_texts, plan_texts, texts};

/// Wraps every page: a skip link, the header with the main navigation, the main region, the footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = texts();
    let legal = legal_texts();
    view! {
        <a class="skip-link" href="#contenuto">
            {t.skip_to_content}
        </a>
        <header class="site-header">
            <div class="slim-header">
                <div class="container">{t.owner}</div>
            </div>
            <div class="center-header">
                <div class="container">
                    <a class="brand" href="/">
                        <span class="brand-name">{t.site_name}</span>
                        <span class="brand-tagline">{t.site_full_name}</span>
                    </a>
                </div>
            </div>
            <nav class="main-nav" aria-label=t.main_nav>
                <ul class="container">
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
                    <UserMenu />
                </ul>
            </nav>
        </header>
        <main id="contenuto" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="container">
                <p class="footer-brand">{t.site_name}" · "{t.site_full_name}</p>
                <p>{t.footer_about}</p>
                <nav aria-label=legal.footer_nav>
                    <ul class="footer-links">
                        <li>
                            <a href="/accessibilita">{legal.accessibility_title}</a>
                        </li>
                        <li>
                            <a href="/note-legali">{legal.legal_title}</a>
                        </li>
                        <li>
                            <a href="/privacy">{t.privacy_title}</a>
                        </li>
                        <li>
                            <a href="/api/v1/numeri.csv">{legal.open_data}</a>
                        </li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}
