//! The WASM entry point: hydrates the server-rendered page. Built with `COMTEM_BUNDLE` naming one
//! of `app::bundles::BUNDLES` it is that bundle, holding one group of routes; naming
//! `app::bundles::COUNTDOWN`, only the code that keeps the cycle's countdown counting; built
//! without, the whole application.

use app::bundles::{BundleApp, BundleAppProps, Code};

/// The code being built, chosen while compiling, so that the code of the others is left out.
const CODE: Code = app::bundles::named(option_env!("COMTEM_BUNDLE"));

/// Called by the generated JavaScript once the WASM module is loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    match CODE {
        Code::Bundle(bundle) => {
            leptos::mount::hydrate_body(move || BundleApp(BundleAppProps { bundle }))
        }
        Code::Countdown => app::bundles::countdown::count_on_page(),
        Code::Whole => leptos::mount::hydrate_body(app::App),
    }
}
