//! The ten-by-ten table: each cell counts the synergies between two plans and links to them.

use leptos::prelude::*;

use crate::domain::board::pages::SynergyPage;
use crate::domain::community::CommunitySlug;
use crate::i18n::board_threads::board_thread_texts;

/// The matrix as an accessible table that scrolls sideways inside its own box on a phone.
#[component]
pub fn SynergyMatrix(
    page: SynergyPage,
    /// The pair whose links are listed below, if any.
    pair: Memo<Option<(CommunitySlug, CommunitySlug)>>,
) -> impl IntoView {
    let t = board_thread_texts();
    let SynergyPage {
        year,
        plans,
        matrix,
    } = page;
    let name = move |slug: &CommunitySlug| {
        plans
            .iter()
            .find(|(s, _, _)| s == slug)
            .map_or_else(|| slug.to_string(), |(_, name, _)| name.clone())
    };
    let names: Vec<String> = matrix.communities.iter().map(&name).collect();
    let headers = names
        .iter()
        .map(|name| view! { <th scope="col">{name.clone()}</th> })
        .collect_view();
    let rows = matrix
        .communities
        .iter()
        .enumerate()
        .map(|(i, from)| {
            let cells = matrix
                .communities
                .iter()
                .enumerate()
                .map(|(j, to)| {
                    let count = matrix.counts.get(i).and_then(|row| row.get(j)).copied();
                    let label = (t.cell)(count.unwrap_or(0), &names[i], &names[j]);
                    cell(count.filter(|_| i != j), (from, to), label, pair)
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{names[i].clone()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="scroll-hint" id="matrice-aiuto">
            {t.scroll_hint}
        </p>
        <div
            class="table-wrap matrix-wrap"
            role="region"
            aria-labelledby="matrice-titolo"
            aria-describedby="matrice-aiuto"
            tabindex="0"
        >
            <table class="synergy-matrix">
                <caption id="matrice-titolo">{(t.synergy_caption)(year)}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {headers}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One cell: a dash on the diagonal, the count, and a link to the pair's links when there are
/// any (marked as current when they are the ones listed).
fn cell(
    count: Option<u32>,
    (from, to): (&CommunitySlug, &CommunitySlug),
    label: String,
    pair: Memo<Option<(CommunitySlug, CommunitySlug)>>,
) -> AnyView {
    match count {
        None => view! { <td class="matrix-self">"—"</td> }.into_any(),
        Some(0) => view! { <td class="matrix-none">"0"</td> }.into_any(),
        Some(count) => {
            let (from, to) = (from.clone(), to.clone());
            let href = format!("?da={from}&a={to}#collegamenti");
            let data_pair = format!("{from}:{to}");
            let current = move || {
                pair.with(|p| p.as_ref() == Some(&(from.clone(), to.clone())))
                    .then_some("true")
            };
            view! {
                <td class="matrix-some">
                    <a href=href aria-label=label aria-current=current data-pair=data_pair>
                        {count}
                    </a>
                </td>
            }
            .into_any()
        }
    }
}
