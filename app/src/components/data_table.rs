//! A captioned table that scrolls sideways inside its box on narrow screens.

use leptos::prelude::*;

/// A table with a caption and column headers; the rows are the children.
#[component]
pub fn DataTable(
    #[prop(into)] caption: String,
    headers: Vec<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {headers
                            .into_iter()
                            .map(|header| view! { <th scope="col">{header}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
