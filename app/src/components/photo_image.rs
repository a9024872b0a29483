//! A photo as an `<img>`: every width in `srcset`, its space reserved, loaded when near.

use leptos::prelude::*;

use crate::domain::photo::Photo;

/// `photo`, shown at the CSS widths `sizes` describes; `eager` for one in the first screen.
#[component]
pub fn PhotoImage(
    photo: Photo,
    sizes: &'static str,
    #[prop(optional)] eager: bool,
) -> impl IntoView {
    let (width, height) = photo.size();
    view! {
        <img
            src=photo.src()
            srcset=photo.srcset()
            sizes=sizes
            alt=photo.alt.clone()
            width=width
            height=height
            loading=if eager { "eager" } else { "lazy" }
            decoding="async"
        />
    }
}
