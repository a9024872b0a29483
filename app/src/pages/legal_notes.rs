//! `/note-legali`: who owns the site, the licence of its contents and photos, links.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{legal_texts, texts};
use crate::pages::accessibility::sections;

/// The legal notes.
#[component]
pub fn LegalNotesPage() -> impl IntoView {
    let t = legal_texts();
    view! {
        <Title text=format!("{} · {}", t.legal_title, texts().site_name) />
        <div class="container section narrow prose">
            <h1>{t.legal_title}</h1>
            {sections(t.legal_sections)}
        </div>
    }
}
