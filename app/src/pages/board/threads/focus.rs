//! Moving the keyboard focus after a thread form opens or closes.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Focuses the element with id `id` once the next frame has rendered it. Browser only.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        let element = document().get_element_by_id(&id);
        if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}
