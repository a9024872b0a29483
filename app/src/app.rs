//! The HTML shell, the root component and the route table.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::components::layout::Layout;
use crate::components::not_found::NotFound;
use crate::i18n::texts;
use crate::pages::{AccessibilityPage, LegalNotesPage};
use crate::pages::{
    AdminPage, AuditLogPage, BoardPage, CalendarPage, CommunitiesPage, CommunityPage, HomePage,
    LoginLinkPage, LoginPage, NumbersPage, PlanEditPage, PlanPage, PlanVersionsPage, PlansPage,
    PrivacyPage, ProfilePage, SignupConfirmPage, SignupDonePage, SignupPage,
};
use crate::pages::{GeneralPlanEditPage, GeneralPlanPage, GeneralPlanVersionsPage};
use crate::pages::{IntegratedActionsPage, SynergyPage};
use crate::pages::{
    MeetingEditPage, MeetingNewPage, MeetingPage, MeetingPhotoPage, MeetingPhotosPage, MeetingsPage,
};
use crate::pages::{
    NewsEditPage, NewsNewPage, NewsPage, NewsPostPage, NotificationsPage, UnsubscribePage,
};
use crate::pages::{RemarksPage, ReviewPage};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::http::provide_csp_nonce();
    view! {
        <!DOCTYPE html>
        <html lang=texts().lang>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="description" content=texts().home_lead />
                <meta name="theme-color" content="#0066cc" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link
                    rel="preload"
                    href="/fonts/titillium-web-latin-400-normal.woff2"
                    r#as="font"
                    r#type="font/woff2"
                    crossorigin=""
                />
                // The menu's weight: swapped in late, it rewrapped the menu and moved the page.
                <link
                    rel="preload"
                    href="/fonts/titillium-web-latin-600-normal.woff2"
                    r#as="font"
                    r#type="font/woff2"
                    crossorigin=""
                />
                <AutoReload options=options.clone() />
                <HydrateWhenIdle options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Starts the WASM once the page has loaded and the browser is idle (2 s later at most), so that
/// its download never competes with the text, styles and font the page shows first. Until then
/// the server-rendered page reads, and its links and forms work, as without JavaScript.
#[component]
fn HydrateWhenIdle(options: LeptosOptions) -> impl IntoView {
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let script = format!(
        "const start = () => import('{pkg}.js').then((m) => \
         m.default({{ module_or_path: '{pkg}.wasm' }}).then(() => m.hydrate())); \
         addEventListener('load', () => 'requestIdleCallback' in window \
         ? requestIdleCallback(start, {{ timeout: 2000 }}) : setTimeout(start), {{ once: true }});"
    );
    view! {
        <script type="module" nonce=leptos::nonce::use_nonce()>
            {script}
        </script>
    }
}

/// The root component: page chrome and routes. Every route renders completely on the server
/// (`SsrMode::Async`), so pages read well before, and without, JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    mark_hydrated();
    view! {
        <Stylesheet id="leptos" href="/pkg/comtem.css" />
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/comunita") view=CommunitiesPage ssr=SsrMode::Async />
                    <Route path=path!("/comunita/:slug") view=CommunityPage ssr=SsrMode::Async />
                    <Route path=path!("/iscriviti") view=SignupPage ssr=SsrMode::Async />
                    <Route path=path!("/iscriviti/fatto") view=SignupDonePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/iscriviti/conferma/:token")
                        view=SignupConfirmPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/accedi") view=LoginPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/accedi/link/:token")
                        view=LoginLinkPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/profilo") view=ProfilePage ssr=SsrMode::Async />
                    <Route path=path!("/amministrazione") view=AdminPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/amministrazione/registro")
                        view=AuditLogPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/numeri") view=NumbersPage ssr=SsrMode::Async />
                    <Route path=path!("/calendario") view=CalendarPage ssr=SsrMode::Async />
                    <Route path=path!("/incontri") view=MeetingsPage ssr=SsrMode::Async />
                    <Route path=path!("/notizie") view=NewsPage ssr=SsrMode::Async />
                    <Route path=path!("/notifiche") view=NotificationsPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/notifiche/disiscrizione/:token")
                        view=UnsubscribePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/notizie/nuova") view=NewsNewPage ssr=SsrMode::Async />
                    <Route path=path!("/notizie/:id") view=NewsPostPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/notizie/:id/modifica")
                        view=NewsEditPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/incontri/nuovo") view=MeetingNewPage ssr=SsrMode::Async />
                    <Route path=path!("/incontri/:id") view=MeetingPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/incontri/:id/foto")
                        view=MeetingPhotosPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/incontri/:id/foto/:foto")
                        view=MeetingPhotoPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/incontri/:id/modifica")
                        view=MeetingEditPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/piani") view=PlansPage ssr=SsrMode::Async />
                    <Route path=path!("/piani/:year") view=PlansPage ssr=SsrMode::Async />
                    <Route path=path!("/piani/:year/:slug") view=PlanPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/piani/:year/:slug/modifica")
                        view=PlanEditPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/piani/:year/:slug/versioni")
                        view=PlanVersionsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/piani/:year/:slug/osservazioni")
                        view=RemarksPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/lettura-trasversale") view=BoardPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/piano-generale/:year")
                        view=GeneralPlanPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/piano-generale/:year/modifica")
                        view=GeneralPlanEditPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/piano-generale/:year/versioni")
                        view=GeneralPlanVersionsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/piano-generale/:year/validazione")
                        view=ReviewPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/privacy") view=PrivacyPage ssr=SsrMode::Async />
                    <Route path=path!("/accessibilita") view=AccessibilityPage ssr=SsrMode::Async />
                    <Route path=path!("/note-legali") view=LegalNotesPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/lettura-trasversale/sinergie")
                        view=SynergyPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/lettura-trasversale/azioni-integrate")
                        view=IntegratedActionsPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </Layout>
        </Router>
    }
}

/// Sets `data-hydrated` on `<html>` once the WASM has taken over, so tests and styles can tell.
fn mark_hydrated() {
    Effect::new(|| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
