//! The application's code comes in bundles, so that a phone downloads only what its page needs.
//! Each group of routes (see [`crate::routes`]) is one bundle: `frontend` built with
//! `COMTEM_BUNDLE` naming it (see `scripts/build-bundles.sh`), holding the page chrome and that
//! group only. A page starts the bundle of its group, except that a visitor reads the pages of
//! [`READING`] without any code. A link to a page the bundle does not hold loads that page from
//! the server, which sends it with the code it needs.

#[cfg(any(feature = "hydrate", test))]
mod held;
#[cfg(feature = "hydrate")]
mod leaving;
#[cfg(test)]
mod tests;

use leptos::prelude::*;
use leptos_router::RouteDefs;
use leptos_router::any_nested_route::AnyNestedRoute;
use leptos_router::components::Routes;

use crate::app::Chrome;
use crate::routes::*;

/// A bundle: its name (the files are `<output name>-<name>.js` and `.wasm`) and its routes.
#[derive(Clone, Copy)]
pub struct Bundle {
    pub name: &'static str,
    pub routes: fn() -> AnyNestedRoute,
}

/// Every bundle, in the order a path is matched: the members' fixed paths such as
/// `/notizie/nuova` before the parameters of the pages everyone reads. `scripts/build-bundles.sh`
/// reads the names from here.
pub const BUNDLES: [Bundle; 16] = [
    bundle("account", AccountRoutes),
    bundle("admin", AdminRoutes),
    bundle("publishing", PublishingRoutes),
    bundle("plan-editing", PlanEditingRoutes),
    bundle("board", BoardRoutes),
    bundle("general-plan-editing", GeneralPlanEditingRoutes),
    bundle("signup", SignupRoutes),
    bundle("login", LoginRoutes),
    bundle("home", HomeRoutes),
    bundle("communities", CommunitiesRoutes),
    bundle("numbers", NumbersRoutes),
    bundle("calendar", CalendarRoutes),
    bundle("plans", PlansRoutes),
    bundle("general-plan", GeneralPlanRoutes),
    bundle("accessibility", AccessibilityRoutes),
    bundle("reading", ReadingRoutes),
];

/// The bundle of the pages everyone reads, for members (a community's join button, the links to
/// edit a post): a visitor reads them as the server sent them, as without JavaScript.
pub const READING: &str = "reading";

const fn bundle(name: &'static str, routes: fn() -> AnyNestedRoute) -> Bundle {
    Bundle { name, routes }
}

/// The name of the bundle the page at `path` starts: the bundle holding it, but none for a
/// visitor on a page they only read, nor on a page that does not exist.
pub fn code_for(path: &str, signed_in: bool) -> Option<&'static str> {
    let bundle = BUNDLES.iter().find(|bundle| matches(bundle.routes, path))?;
    (signed_in || bundle.name != READING).then_some(bundle.name)
}

/// The bundle named `name`, found while compiling `frontend` so that the other bundles' routes
/// are left out of its code; none without a name (the whole application).
pub const fn named(name: Option<&str>) -> Option<Bundle> {
    let Some(name) = name else {
        return None;
    };
    let mut i = 0;
    while i < BUNDLES.len() {
        if same(BUNDLES[i].name, name) {
            return Some(BUNDLES[i]);
        }
        i += 1;
    }
    panic!("COMTEM_BUNDLE names no bundle of app::bundles::BUNDLES");
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

fn matches(routes: fn() -> AnyNestedRoute, path: &str) -> bool {
    RouteDefs::new(routes()).match_route(path).is_some()
}

/// The root component of a bundle: the same chrome as the whole application, with the bundle's
/// routes only.
#[component]
pub fn BundleApp(bundle: Bundle) -> impl IntoView {
    leaving::leave_for_pages_not_held(bundle);
    view! {
        <Chrome>
            <Routes fallback=LoadFromServer>
                <Group routes=bundle.routes />
            </Routes>
        </Chrome>
    }
}

/// The routes of a group given as a value, where the route table takes components.
#[component(transparent)]
fn Group(routes: fn() -> AnyNestedRoute) -> AnyNestedRoute {
    routes()
}

/// A page the bundle does not hold, reached through the history ("back") or a navigation in
/// code: loaded from the server in place of the navigation that led here.
#[component]
fn LoadFromServer() -> impl IntoView {
    leaving::load_from_server();
}

/// Leaving a bundle happens in the browser only.
#[cfg(not(feature = "hydrate"))]
mod leaving {
    pub fn leave_for_pages_not_held(_: super::Bundle) {}

    pub fn load_from_server() {}
}
