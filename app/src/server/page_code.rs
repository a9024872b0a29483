//! Which code the page being rendered starts in the browser (see [`crate::bundles`]).

use axum::http::request::Parts;
use leptos::prelude::*;

use crate::bundles::code_for;
use crate::server::auth::sessions::session_cookie;
use crate::server::request::cookie_in;
use crate::server::state::app_state;

/// The name of the code (files `<name>.js` and `<name>.wasm` in the site's package folder) the
/// page being rendered starts, if any. A bundle that is missing or older than the whole
/// application (a development build makes only the latter) gives way to the whole application.
pub fn bundle(options: &LeptosOptions) -> Option<String> {
    let whole = options.output_name.to_string();
    let Some(parts) = use_context::<Parts>() else {
        return Some(whole);
    };
    let signed_in = app_state()
        .is_ok_and(|state| cookie_in(&parts.headers, &session_cookie(&state.settings)).is_some());
    let bundle = format!("{whole}-{}", code_for(parts.uri.path(), signed_in)?);
    Some(if built_after(options, &bundle, &whole) {
        bundle
    } else {
        whole
    })
}

/// Whether the WASM of `bundle` exists and is no older than that of `whole`.
fn built_after(options: &LeptosOptions, bundle: &str, whole: &str) -> bool {
    let pkg = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let modified = |name: &str| {
        std::fs::metadata(pkg.join(format!("{name}.wasm"))).and_then(|file| file.modified())
    };
    matches!((modified(bundle), modified(whole)), (Ok(bundle), Ok(whole)) if bundle >= whole)
}
