//! The latest signups, with the CSV of all of them.

use leptos::prelude::*;

use crate::components::data_table::DataTable;
use crate::domain::community::CommunitySummary;
use crate::i18n::texts;

/// How many signups the page shows; the CSV has them all.
const SHOWN_SIGNUPS: usize = 100;

#[component]
pub(super) fn Signups(
    signups: Vec<crate::domain::signup::SignupRow>,
    communities: Vec<CommunitySummary>,
) -> impl IntoView {
    let t = texts();
    let total = signups.len();
    let name_of = move |slug: &str| {
        communities
            .iter()
            .find(|c| c.slug.as_str() == slug)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let rows = signups
        .into_iter()
        .take(SHOWN_SIGNUPS)
        .map(|row| {
            view! {
                <tr>
                    <td>{row.created_at.get(..10).unwrap_or_default().to_owned()}</td>
                    <td>{format!("{} {}", row.first_name, row.last_name)}</td>
                    <td>{row.ente}</td>
                    <td>{name_of(&row.community)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="iscrizioni">
            <h2 id="iscrizioni">{t.admin_signups}</h2>
            <p>
                {(t.admin_signups_count)(total)}" "
                <a href="/amministrazione/iscrizioni.csv" download="comtem-iscrizioni.csv">
                    {t.download_csv}
                </a>
            </p>
            <DataTable
                caption=(t.admin_signups_latest)(SHOWN_SIGNUPS.min(total))
                headers=vec![t.col_date, t.col_name, t.field_ente, t.col_community]
            >
                {rows}
            </DataTable>
        </section>
    }
}
