//! The WASM entry point: hydrates the server-rendered page. Built with `COMTEM_BUNDLE` naming one
//! of `app::bundles::BUNDLES` it is that bundle, holding one group of routes; built without, the
//! whole application.

/// The bundle being built, chosen while compiling, so that the code of the others is left out.
const BUNDLE: Option<app::bundles::Bundle> = app::bundles::named(option_env!("COMTEM_BUNDLE"));

/// Called by the generated JavaScript once the WASM module is loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    match BUNDLE {
        Some(bundle) => leptos::mount::hydrate_body(move || {
            app::bundles::BundleApp(app::bundles::BundleAppProps { bundle })
        }),
        None => leptos::mount::hydrate_body(app::App),
    }
}
