//! `/accessibilita`: the accessibility statement, in the AgID model, with its feedback form.

mod report;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::legal::Section;
use crate::i18n::{legal_texts, texts};
use report::ReportForm;

/// The statement: its state of conformance and what is not accessible, how it was drawn up,
/// the way to report a problem, and where to turn if the answer does not come.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = legal_texts();
    let (conformance, rest) = t.accessibility_sections.split_at(1);
    let not_accessible = t
        .not_accessible
        .iter()
        .map(|item| view! { <li>{*item}</li> })
        .collect_view();
    view! {
        <Title text=format!("{} · {}", t.accessibility_title, texts().site_name) />
        <div class="container section narrow prose">
            <h1>{t.accessibility_title}</h1>
            <p>{t.accessibility_intro}</p>
            {sections(conformance)}
            <h2>{t.not_accessible_title}</h2>
            <ul>{not_accessible}</ul>
            {sections(rest)}
            <ReportForm />
            <p>
                {t.enforcement} " " <a href=t.enforcement_link rel="noopener noreferrer">
                    {t.enforcement_link_label}
                </a>
            </p>
        </div>
    }
}

/// Titled sections of text, as the legal pages have them.
pub fn sections(sections: &'static [Section]) -> impl IntoView + use<> {
    sections
        .iter()
        .map(|(title, paragraphs)| {
            view! {
                <h2>{*title}</h2>
                {paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            }
        })
        .collect_view()
}
