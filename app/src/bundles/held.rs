//! Which pages a bundle holds, as the browser tells, knowing its own routes only.

use super::{Bundle, matches};

/// Fixed paths of a group that a parameter of a later one also matches, with the bundle that
/// holds them: from any other bundle, links to them load them from the server.
const CLAIMED_EARLIER: [(&str, &str); 2] = [
    ("/notizie/nuova", "publishing"),
    ("/incontri/nuovo", "publishing"),
];

/// Whether `bundle` holds the page at `path`.
pub fn holds(bundle: Bundle, path: &str) -> bool {
    let claimed_elsewhere = CLAIMED_EARLIER
        .iter()
        .any(|(claimed, owner)| *claimed == path.trim_end_matches('/') && *owner != bundle.name);
    !claimed_elsewhere && matches(bundle.routes, path)
}
