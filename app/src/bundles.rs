//! The application's code comes in bundles, so that a phone downloads only what its page needs.
//! Each group of routes (see [`crate::routes`]) is one bundle: `frontend` built with
//! `COMTEM_BUNDLE` naming it (see `scripts/build-bundles.sh`), holding the page chrome and that
//! group only. A page starts the bundle of its group, except that a visitor's page starts what
//! its group's [`VisitorCode`] says: the pages everyone only reads none, the pages whose only
//! live part is the cycle's countdown the [`COUNTDOWN`] code. A link to a page the bundle does not hold
//! loads that page from the server, which sends it with the code it needs.

#[cfg(feature = "hydrate")]
pub mod countdown;
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
use VisitorCode::{Countdown, Nothing, Same};

/// A bundle: its name (the files are `<output name>-<name>.js` and `.wasm`), its routes and the
/// code its pages start for a visitor.
#[derive(Clone, Copy)]
pub struct Bundle {
    pub name: &'static str,
    pub routes: fn() -> AnyNestedRoute,
    pub visitors: VisitorCode,
}

/// The code a group's pages start for a visitor.
#[derive(Clone, Copy)]
pub enum VisitorCode {
    /// The group's bundle, as for members.
    Same,
    /// The [`COUNTDOWN`] code: the page's only live part for a visitor is the cycle's countdown
    /// (members may see more: the calendar's phase moves, the general plan's rebuild).
    Countdown,
    /// None: the visitor reads the page as the server sent it, as without JavaScript.
    Nothing,
}

/// Every bundle, in the order a path is matched: the members' fixed paths such as
/// `/notizie/nuova` before the parameters of the pages everyone reads. `scripts/build-bundles.sh`
/// reads the names from here.
pub const BUNDLES: [Bundle; 16] = [
    bundle("account", AccountRoutes, Same),
    bundle("admin", AdminRoutes, Same),
    bundle("publishing", PublishingRoutes, Same),
    bundle("plan-editing", PlanEditingRoutes, Same),
    bundle("board", BoardRoutes, Same),
    bundle("general-plan-editing", GeneralPlanEditingRoutes, Same),
    bundle("signup", SignupRoutes, Same),
    bundle("login", LoginRoutes, Same),
    bundle("home", HomeRoutes, Countdown),
    bundle("communities", CommunitiesRoutes, Same),
    bundle("numbers", NumbersRoutes, Same),
    bundle("calendar", CalendarRoutes, Countdown),
    bundle("plans", PlansRoutes, Countdown),
    bundle("general-plan", GeneralPlanRoutes, Countdown),
    bundle("accessibility", AccessibilityRoutes, Same),
    bundle("reading", ReadingRoutes, Nothing),
];

/// The code that keeps the cycle's countdown counting on a server-rendered page, without
/// hydrating it (see [`countdown`]). `scripts/build-bundles.sh` reads the name from here.
pub const COUNTDOWN: &str = "countdown";

const fn bundle(
    name: &'static str,
    routes: fn() -> AnyNestedRoute,
    visitors: VisitorCode,
) -> Bundle {
    Bundle {
        name,
        routes,
        visitors,
    }
}

/// The name of the code the page at `path` starts: the bundle holding it, for a visitor what its
/// group's [`VisitorCode`] says; none on a page that does not exist.
pub fn code_for(path: &str, signed_in: bool) -> Option<&'static str> {
    let bundle = BUNDLES.iter().find(|bundle| matches(bundle.routes, path))?;
    match bundle.visitors {
        _ if signed_in => Some(bundle.name),
        Same => Some(bundle.name),
        Countdown => Some(COUNTDOWN),
        Nothing => None,
    }
}

/// What `frontend` is built as.
#[derive(Clone, Copy)]
pub enum Code {
    /// The whole application (built without a name).
    Whole,
    /// One bundle of [`BUNDLES`].
    Bundle(Bundle),
    /// The [`COUNTDOWN`] code.
    Countdown,
}

/// The code named `name`, found while compiling `frontend` so that the code of the others is
/// left out.
pub const fn named(name: Option<&str>) -> Code {
    let Some(name) = name else {
        return Code::Whole;
    };
    if same(name, COUNTDOWN) {
        return Code::Countdown;
    }
    let mut i = 0;
    while i < BUNDLES.len() {
        if same(BUNDLES[i].name, name) {
            return Code::Bundle(BUNDLES[i]);
        }
        i += 1;
    }
    panic!("COMTEM_BUNDLE names neither a bundle of app::bundles::BUNDLES nor COUNTDOWN");
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
