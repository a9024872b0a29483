//! A photo as an `<img>`: every width in `srcset`, its space reserved, loaded when near.

use leptos::prelude::*;

use crate::domain::photo::Photo;

/// The width of a thumbnail in the `.gallery` grid: two columns on a phone (half the screen less
/// the margins and the gap), columns of at most about 200 px on wider screens. In pixels, not
/// rem: the browser's preload scanner, which fetches the first images before the page is laid
/// out, takes a width it cannot resolve for the whole screen. Thumbnails are all lazy even so:
/// in Chromium's phone emulation the preload scanner still fetched the first ones twice, once
/// too wide.
pub const THUMBNAIL_SIZES: &str = "(max-width: 575px) calc(50vw - 20px), 200px";

/// `photo`, shown at the CSS widths `sizes` describes; `eager` for one in the first screen;
/// `decorative` beside the fields that describe it, where its text would be said twice.
#[component]
pub fn PhotoImage(
    photo: Photo,
    sizes: &'static str,
    #[prop(optional)] eager: bool,
    #[prop(optional)] decorative: bool,
) -> impl IntoView {
    let (width, height) = photo.size();
    let alt = if decorative {
        String::new()
    } else {
        photo.alt.clone()
    };
    view! {
        // `sizes` before `srcset` and `src`: set in another order, a browser could pick a
        // width for a screen-wide image first, and download it too.
        <img
            sizes=sizes
            srcset=photo.srcset()
            src=photo.src()
            alt=alt
            width=width
            height=height
            loading=if eager { "eager" } else { "lazy" }
            decoding="async"
        />
    }
}
