//! The page chrome of an Italian public-administration service: skip link, header, footer.

use leptos::prelude::*;

use crate::components::main_menu::MainMenu;
use crate::components::user_menu::UserMenu;
use crate::i18n::{legal_texts, texts};

/// Wraps every page: a skip link, the header with the main navigation (the sections behind a
/// «Menu» button on a phone, the account links always in sight), the main region, the footer.
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
                <div class="container main-nav-bar">
                    <MainMenu />
                    <ul class="account-menu">
                        <UserMenu />
                    </ul>
                </div>
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
