//! Leaving a page, in the browser: the ways out of a bundle are plain page loads, where the
//! router would first show the new address over an empty page; and until the next page arrives,
//! `<html>` no longer says that this one is hydrated.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::closure::Closure;
use web_sys::{Element, HtmlAnchorElement, MouseEvent};

use super::Bundle;
use super::held::holds;

/// A click on a link to a page `bundle` does not hold is kept from the router's listener, and a
/// server function's redirect (after a login, a signup) loads its page (this hook is set before
/// the router's own, which then stays unset).
pub fn leave_for_pages_not_held(bundle: Bundle) {
    let _ = leptos::server_fn::redirect::set_redirect_hook(|to: &str| {
        let _ = window().location().assign(to);
    });
    on_link_clicks(move |event, anchor| {
        if !holds(bundle, &anchor.pathname()) {
            event.stop_propagation();
            if replaces_this_page(event, anchor) {
                no_longer_hydrated();
            }
        }
    });
}

/// On a page without a router, every link but one to a place on the same page loads a new page.
pub fn unmark_on_leaving() {
    on_link_clicks(|event, anchor| {
        let location = window().location();
        let same_page = !anchor.hash().is_empty()
            && location
                .pathname()
                .is_ok_and(|path| path == anchor.pathname())
            && location
                .search()
                .is_ok_and(|search| search == anchor.search());
        if !same_page && replaces_this_page(event, anchor) {
            no_longer_hydrated();
        }
    });
}

/// Calls `handle` on every click on a link to this site, before the router's listener, for as
/// long as the page lives.
fn on_link_clicks(handle: impl Fn(&MouseEvent, &HtmlAnchorElement) + 'static) {
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
        {
            handle(&event, &anchor);
        }
    });
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
}

/// Whether the browser follows the link `event` clicked in this tab (not in a new one, nor as a
/// download).
fn replaces_this_page(event: &MouseEvent, anchor: &HtmlAnchorElement) -> bool {
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    event.button() == 0
        && !modified
        && matches!(anchor.target().as_str(), "" | "_self")
        && !anchor.has_attribute("download")
}

/// Until the next page arrives this one is no longer the hydrated one, and `<html>` says so.
fn no_longer_hydrated() {
    if let Some(root) = document().document_element() {
        let _ = root.remove_attribute("data-hydrated");
    }
}

/// Loads the router's current address from the server, once the router has recorded it in the
/// history (so that "back" works as everywhere).
pub fn load_from_server() {
    no_longer_hydrated();
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
