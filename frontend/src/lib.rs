//! The WASM entry point: hydrates the server-rendered page. Built without features it is the
//! whole application; with one of the features, a visitor's bundle (see `app::bundles`) holding
//! only that group of routes.

/// `hydrate` for the whole application and for each feature's bundle.
macro_rules! hydrate {
    ($($feature:literal => $routes:ident),+ $(,)?) => {
        /// Called by the generated JavaScript once the WASM module is loaded.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn hydrate() {
            console_error_panic_hook::set_once();
            $(#[cfg(feature = $feature)]
            leptos::mount::hydrate_body(|| {
                app::bundles::VisitorApp(app::bundles::VisitorAppProps {
                    routes: app::routes::$routes,
                })
            });)+
            #[cfg(not(any($(feature = $feature),+)))]
            leptos::mount::hydrate_body(app::App);
        }
    };
}

hydrate! {
    "signup" => SignupRoutes,
    "login" => LoginRoutes,
    "home" => HomeRoutes,
    "communities" => CommunitiesRoutes,
    "numbers" => NumbersRoutes,
    "calendar" => CalendarRoutes,
    "plans" => PlansRoutes,
    "general-plan" => GeneralPlanRoutes,
    "accessibility" => AccessibilityRoutes,
}
