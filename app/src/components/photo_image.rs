//! A photo as an `<img>`: every width in `srcset`, its space reserved, loaded when near.

use leptos::prelude::*;

use crate::domain::photo::Photo;

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
        <img
            src=photo.src()
            srcset=photo.srcset()
            sizes=sizes
            alt=alt
            width=width
            height=height
            loading=if eager { "eager" } else { "lazy" }
            decoding="async"
        />
    }
}
