//! The HTML shell, the page chrome and the root component of the whole application.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, provide_meta_context};
use leptos_router::components::{Router, Routes};

use crate::components::layout::Layout;
use crate::components::not_found::NotFound;
use crate::i18n::texts;
use crate::routes::*;

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
                // The menu's and the headings' weights: swapped in late, they rewrapped the menu
                // or a long title and moved the page.
                <link
                    rel="preload"
                    href="/fonts/titillium-web-latin-600-normal.woff2"
                    r#as="font"
                    r#type="font/woff2"
                    crossorigin=""
                />
                <link
                    rel="preload"
                    href="/fonts/titillium-web-latin-700-normal.woff2"
                    r#as="font"
                    r#type="font/woff2"
                    crossorigin=""
                />
                <AutoReload options=options.clone() />
                {code_bundle(&options).map(|bundle| view! { <HydrateWhenIdle bundle /> })}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The path, without extension, of the code the page being rendered starts, if any (see
/// [`crate::bundles`]).
fn code_bundle(options: &LeptosOptions) -> Option<String> {
    #[cfg(feature = "ssr")]
    let name = crate::server::page_code::bundle(options)?;
    #[cfg(not(feature = "ssr"))]
    let name = options.output_name.to_string();
    Some(format!("/{}/{name}", options.site_pkg_dir))
}

/// Starts the WASM once the page has loaded and the browser is idle (2 s later at most), so that
/// its download never competes with the text, styles and font the page shows first. Until then
/// the server-rendered page reads, and its links and forms work, as without JavaScript. If the
/// code fails to load or start, an alert at the top of the main region says that the page goes
/// on working as it is.
#[component]
fn HydrateWhenIdle(bundle: String) -> impl IntoView {
    let notice = serde_json::to_string(texts().code_failed).unwrap_or_default();
    let script = format!(
        "const failed = (error) => {{ console.error(error); \
         const notice = document.createElement('p'); notice.className = 'alert alert-warning code-failed'; \
         notice.setAttribute('role', 'alert'); notice.textContent = {notice}; \
         document.getElementById('contenuto')?.prepend(notice); }}; \
         const start = () => import('{bundle}.js').then((m) => \
         m.default({{ module_or_path: '{bundle}.wasm' }}).then(() => m.hydrate())).catch(failed); \
         addEventListener('load', () => 'requestIdleCallback' in window \
         ? requestIdleCallback(start, {{ timeout: 2000 }}) : setTimeout(start), {{ once: true }});"
    );
    view! {
        <script type="module" nonce=leptos::nonce::use_nonce()>
            {script}
        </script>
    }
}

/// The root component of the whole application: every route (the members' first, so that their
/// fixed paths such as `/notizie/nuova` win over the others' parameters). Pages start it where
/// their bundle is not built, as in a development build (see [`crate::bundles`]).
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Chrome>
            <Routes fallback=NotFound>
                <AccountRoutes />
                <AdminRoutes />
                <PublishingRoutes />
                <PlanEditingRoutes />
                <BoardRoutes />
                <GeneralPlanEditingRoutes />
                <SignupRoutes />
                <LoginRoutes />
                <HomeRoutes />
                <CommunitiesRoutes />
                <NumbersRoutes />
                <CalendarRoutes />
                <PlansRoutes />
                <GeneralPlanRoutes />
                <AccessibilityRoutes />
                <ReadingRoutes />
            </Routes>
        </Chrome>
    }
}

/// What is around every page's route, in the whole application and in each bundle alike: the
/// head's context and stylesheet, the router and the layout.
#[component]
pub fn Chrome(children: Children) -> impl IntoView {
    provide_meta_context();
    mark_hydrated();
    view! {
        <Stylesheet id="leptos" href="/pkg/comtem.css" />
        <Router>
            <Layout>{children()}</Layout>
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
