//! The WASM entry point: hydrates the server-rendered page into the interactive app.

use leptos::prelude::document;

/// Called by the generated JavaScript once the WASM module is loaded. The page's own code may
/// be a chunk of its own, fetched first; once the whole page has been taken over, `<html>` gets
/// `data-hydrated`, so tests and styles can tell.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let body = document().body().expect("a page has a body");
        leptos::mount::hydrate_from_async(body, app::App)
            .await
            .forget();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
