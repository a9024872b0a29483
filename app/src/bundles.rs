//! The application's code comes in bundles, so that a phone downloads only what its page needs.
//! Members get the whole application, everywhere. A visitor gets, on a public page with something
//! interactive, a bundle holding the page chrome and that page's group of routes only (built as
//! `frontend` with the bundle's feature, see `scripts/build.sh`); on a page they only read, no
//! code at all. A link from a bundle to a page it does not hold loads that page from the server,
//! which sends it with the code it needs.

use leptos::prelude::*;
use leptos_router::RouteDefs;
use leptos_router::any_nested_route::AnyNestedRoute;
use leptos_router::components::Routes;

use crate::app::Chrome;
use crate::routes::*;

/// A visitor's bundle: its name (the files are `<output name>-<name>.js` and `.wasm`) and its
/// routes.
pub struct Bundle {
    pub name: &'static str,
    pub routes: fn() -> AnyNestedRoute,
}

/// The visitors' bundles, each named after the `frontend` feature that builds it.
pub const VISITOR_BUNDLES: [Bundle; 9] = [
    bundle("signup", SignupRoutes),
    bundle("login", LoginRoutes),
    bundle("home", HomeRoutes),
    bundle("communities", CommunitiesRoutes),
    bundle("numbers", NumbersRoutes),
    bundle("calendar", CalendarRoutes),
    bundle("plans", PlansRoutes),
    bundle("general-plan", GeneralPlanRoutes),
    bundle("accessibility", AccessibilityRoutes),
];

const fn bundle(name: &'static str, routes: fn() -> AnyNestedRoute) -> Bundle {
    Bundle { name, routes }
}

/// The code a page starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// The whole application.
    Whole,
    /// One of [`VISITOR_BUNDLES`], by name.
    Bundle(&'static str),
    /// None: the page is read as the server sent it, as without JavaScript.
    None,
}

/// The code the page at `path` starts: the whole application for a person signed in and on the
/// members' pages (which ask a visitor to log in); for a visitor, the bundle holding the page, or
/// none on a page they only read (and on one that does not exist).
pub fn code_for(path: &str, signed_in: bool) -> Code {
    if signed_in || holds(MemberRoutes, path) {
        return Code::Whole;
    }
    VISITOR_BUNDLES
        .iter()
        .find(|bundle| holds(bundle.routes, path))
        .map_or(Code::None, |bundle| Code::Bundle(bundle.name))
}

fn holds(routes: fn() -> AnyNestedRoute, path: &str) -> bool {
    RouteDefs::new(routes()).match_route(path).is_some()
}

/// The root component of a visitor's bundle: the same chrome as the whole application, with the
/// bundle's routes only.
#[component]
pub fn VisitorApp(routes: fn() -> AnyNestedRoute) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    leave_for_pages_not_held(routes);
    view! {
        <Chrome>
            <Routes fallback=LoadFromServer>
                <Group routes />
            </Routes>
        </Chrome>
    }
}

/// The routes of a group given as a value, where the route table takes components.
#[component(transparent)]
fn Group(routes: fn() -> AnyNestedRoute) -> AnyNestedRoute {
    routes()
}

/// Makes the ways out of the bundle plain page loads, where the router would first show the new
/// address over an empty page: a click on a link to a page the bundle does not hold is kept from
/// the router's listener, and a server function's redirect (after a login, a signup) loads its
/// page (this hook is set before the router's own, which then stays unset).
#[cfg(feature = "hydrate")]
fn leave_for_pages_not_held(routes: fn() -> AnyNestedRoute) {
    use leptos::wasm_bindgen::JsCast;
    use leptos::wasm_bindgen::closure::Closure;
    use web_sys::{Element, HtmlAnchorElement, MouseEvent};

    let _ = leptos::server_fn::redirect::set_redirect_hook(|to: &str| {
        let _ = window().location().assign(to);
    });
    let on_click = Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| {
        let anchor = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|element| element.dyn_into::<HtmlAnchorElement>().ok());
        if let Some(anchor) = anchor
            && window()
                .location()
                .origin()
                .is_ok_and(|here| here == anchor.origin())
            && !holds(routes, &anchor.pathname())
        {
            event.stop_propagation();
        }
    });
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // Listens for as long as the page lives.
    on_click.forget();
}

/// A page the bundle does not hold, reached through the history ("back") or a navigation in
/// code: loaded from the server in place of the navigation that led here (once the router has
/// recorded it in the history, so that "back" works as everywhere).
/// Until it arrives the page is no longer the hydrated one, and `<html>` says so.
#[component]
fn LoadFromServer() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        if let Some(root) = document().document_element() {
            let _ = root.remove_attribute("data-hydrated");
        }
        let location = leptos_router::hooks::use_location();
        let search = location.search.get_untracked();
        let href = format!(
            "{}{}{search}{}",
            location.pathname.get_untracked(),
            if search.is_empty() { "" } else { "?" },
            location.hash.get_untracked()
        );
        request_animation_frame(move || {
            let location = window().location();
            let here = location.pathname().unwrap_or_default()
                + &location.search().unwrap_or_default()
                + &location.hash().unwrap_or_default();
            let _ = if here == href {
                location.replace(&href)
            } else {
                location.assign(&href)
            };
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_get_the_whole_application_everywhere() {
        for path in ["/", "/comunita/dati", "/iscriviti", "/lettura-trasversale"] {
            assert_eq!(code_for(path, true), Code::Whole, "{path}");
        }
    }

    #[test]
    fn a_visitor_gets_the_bundle_holding_the_page() {
        for (path, code) in [
            ("/iscriviti", Code::Bundle("signup")),
            ("/iscriviti/conferma/abc", Code::Bundle("signup")),
            ("/accedi", Code::Bundle("login")),
            ("/accedi/link/abc", Code::Bundle("login")),
            ("/", Code::Bundle("home")),
            ("/comunita", Code::Bundle("communities")),
            ("/numeri", Code::Bundle("numbers")),
            ("/calendario", Code::Bundle("calendar")),
            ("/piani", Code::Bundle("plans")),
            ("/piani/2024", Code::Bundle("plans")),
            ("/piano-generale/2024", Code::Bundle("general-plan")),
            ("/accessibilita", Code::Bundle("accessibility")),
        ] {
            assert_eq!(code_for(path, false), code, "{path}");
        }
    }

    #[test]
    fn a_visitor_gets_no_code_on_a_page_they_only_read_and_all_of_it_on_members_pages() {
        for path in [
            "/comunita/dati",
            "/notizie/3",
            "/incontri/2/foto",
            "/nowhere",
        ] {
            assert_eq!(code_for(path, false), Code::None, "{path}");
        }
        for path in [
            "/notizie/nuova",
            "/incontri/nuovo",
            "/piani/2024/dati",
            "/profilo",
        ] {
            assert_eq!(code_for(path, false), Code::Whole, "{path}");
        }
    }

    #[test]
    fn each_bundle_is_a_feature_of_frontend() {
        let manifest = include_str!("../../frontend/Cargo.toml");
        let features = manifest.split("[features]").nth(1).unwrap_or_default();
        let built: Vec<&str> = features
            .lines()
            .filter_map(|line| line.strip_suffix(" = []"))
            .collect();
        let named: Vec<&str> = VISITOR_BUNDLES.iter().map(|bundle| bundle.name).collect();
        assert_eq!(built, named);
    }
}
