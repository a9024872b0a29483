//! The community checkboxes of the signup form.

use leptos::prelude::*;

use crate::domain::community::CommunitySummary;
use crate::domain::validation::Rejection;

/// One checkbox per community, checked when preselected or chosen before a refusal.
#[component]
pub(super) fn CommunityChoices(
    all: Vec<CommunitySummary>,
    initial: Rejection,
    preselected: String,
) -> impl IntoView {
    let chosen = initial.typed_all("comunita");
    all.into_iter()
        .map(|community| {
            let slug = community.slug.to_string();
            let id = format!("comunita-{slug}");
            let checked = chosen.contains(&slug) || (chosen.is_empty() && preselected == slug);
            view! {
                <div class="checkbox">
                    <input
                        id=id.clone()
                        type="checkbox"
                        name="form[comunita][]"
                        value=slug
                        checked=checked
                    />
                    <label for=id>{community.name}</label>
                </div>
            }
        })
        .collect_view()
}
