//! The list of a refused form's problems, each linking to its field.

use leptos::prelude::*;

use crate::domain::validation::Rejection;
use crate::i18n::texts;

/// Lists every problem of the refused form at its top, linking each to the field (by
/// `field -> element id`), and takes the focus when it appears so screen readers announce it.
#[component]
pub fn ErrorSummary(
    rejection: Signal<Option<Rejection>>,
    /// Field name, element id and label of every field of the form.
    fields: Vec<(&'static str, &'static str, &'static str)>,
) -> impl IntoView {
    let t = texts();
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move || {
        if rejection.with(Option::is_some)
            && let Some(summary) = summary.get()
        {
            let _ = summary.focus();
        }
    });
    move || {
        rejection.get().map(|rejection| {
            let items = fields
                .iter()
                .filter_map(|(field, id, label)| {
                    rejection.problem(field).map(|problem| {
                        view! {
                            <li>
                                <a href=format!(
                                    "#{id}",
                                )>{format!("{label}: {}", problem.message())}</a>
                            </li>
                        }
                    })
                })
                .collect_view();
            view! {
                <div class="alert alert-danger" role="alert" tabindex="-1" node_ref=summary>
                    <h2 class="alert-title">{t.form_has_errors}</h2>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}
