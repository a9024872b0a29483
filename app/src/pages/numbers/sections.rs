//! The figures of `/numeri`: totals, then a chart with its table for each breakdown.

use leptos::html;
use leptos::prelude::*;

use crate::components::bar_chart::{Bar, BarChart};
use crate::components::data_table::DataTable;
use crate::components::totals::Totals;
use crate::components::trend_chart::TrendChart;
use crate::domain::numbers::{Counts, Numbers, thousands};
use crate::domain::timeline::periods;
use crate::i18n::texts;

/// Everything shown for one day. When the day was just changed (`moved`), the heading takes the
/// focus so the new figures are read out.
#[component]
pub fn Figures(numbers: Numbers, moved: RwSignal<bool>) -> impl IntoView {
    let t = texts();
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move || {
        if let Some(heading) = heading.get()
            && moved.get_untracked()
        {
            let _ = heading.focus();
        }
    });
    let day = numbers.day.as_str().to_owned();
    view! {
        <h2 class="as-of" tabindex="-1" node_ref=heading>
            {(t.numbers_as_of)(&numbers.day.long())}
        </h2>
        <Totals numbers=numbers.clone() others=true />
        {if numbers.signups == 0 {
            view! { <p>{t.numbers_empty}</p> }.into_any()
        } else {
            view! {
                <div class="chart-grid">
                    <CommunitySection numbers=numbers.clone() />
                    <ProvinceSection numbers=numbers.clone() />
                    <KindSection numbers=numbers.clone() />
                    <TrendSection numbers />
                </div>
            }
                .into_any()
        }}
        <section class="open-data" aria-labelledby="dati-aperti">
            <h2 id="dati-aperti">{t.numbers_open_data}</h2>
            <p>{t.numbers_open_data_text}</p>
            <p class="downloads">
                <a href=format!("/api/v1/numeri.json?al={day}") rel="external">
                    {t.numbers_json}
                </a>
                <a href=format!("/api/v1/numeri.csv?al={day}") rel="external">
                    {t.numbers_csv}
                </a>
            </p>
        </section>
    }
}

/// A titled section with a chart and, folded, its table.
#[component]
fn ChartSection(
    id: &'static str,
    title: &'static str,
    chart: AnyView,
    table: AnyView,
) -> impl IntoView {
    view! {
        <section class="chart-section" aria-labelledby=id>
            <h3 id=id>{title}</h3>
            {chart}
            <details class="chart-data">
                <summary>{texts().numbers_table}</summary>
                {table}
            </details>
        </section>
    }
}

#[component]
fn CommunitySection(numbers: Numbers) -> impl IntoView {
    let t = texts();
    let bars = numbers
        .by_community
        .iter()
        .map(|c| Bar {
            label: c.name.clone(),
            value: c.signups,
        })
        .collect();
    let rows = numbers
        .by_community
        .into_iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{c.name}</th>
                    <td class="num">{thousands(c.signups)}</td>
                </tr>
            }
        })
        .collect_view();
    let table = view! {
        <DataTable
            caption=t.numbers_by_community
            headers=vec![t.numbers_community, t.numbers_signups]
        >
            {rows}
        </DataTable>
    };
    view! {
        <ChartSection
            id="per-comunita"
            title=t.numbers_by_community
            chart=view! { <BarChart title=t.numbers_by_community bars /> }.into_any()
            table=table.into_any()
        />
    }
}

#[component]
fn ProvinceSection(numbers: Numbers) -> impl IntoView {
    let t = texts();
    let mut bars: Vec<Bar> = numbers
        .by_province
        .iter()
        .map(|p| Bar {
            label: p.name.clone(),
            value: p.counts.signups,
        })
        .collect();
    bars.push(Bar {
        label: t.numbers_regional.to_owned(),
        value: numbers.regional_bodies.signups,
    });
    let mut rows: Vec<(String, Counts)> = numbers
        .by_province
        .into_iter()
        .map(|p| (p.name, p.counts))
        .collect();
    rows.push((t.numbers_regional.to_owned(), numbers.regional_bodies));
    let table = view! {
        <DataTable
            caption=t.numbers_by_province
            headers=vec![t.numbers_province, t.numbers_signups, t.numbers_bodies, t.numbers_people]
        >
            {rows.into_iter().map(|(name, counts)| counts_row(name, None, counts)).collect_view()}
        </DataTable>
    };
    view! {
        <ChartSection
            id="per-provincia"
            title=t.numbers_by_province
            chart=view! { <BarChart title=t.numbers_by_province bars /> }.into_any()
            table=table.into_any()
        />
    }
}

#[component]
fn KindSection(numbers: Numbers) -> impl IntoView {
    let t = texts();
    let bars = numbers
        .by_kind
        .iter()
        .map(|k| Bar {
            label: k.name.clone(),
            value: k.counts.signups,
        })
        .collect();
    let table = view! {
        <DataTable
            caption=t.numbers_by_kind
            headers=vec![
                t.numbers_kind,
                t.numbers_group,
                t.numbers_signups,
                t.numbers_bodies,
                t.numbers_people,
            ]
        >
            {numbers
                .by_kind
                .into_iter()
                .map(|k| counts_row(k.name, Some(k.group.label()), k.counts))
                .collect_view()}
        </DataTable>
    };
    view! {
        <ChartSection
            id="per-tipo-ente"
            title=t.numbers_by_kind
            chart=view! { <BarChart title=t.numbers_by_kind bars /> }.into_any()
            table=table.into_any()
        />
    }
}

#[component]
fn TrendSection(numbers: Numbers) -> impl IntoView {
    let t = texts();
    let periods = periods(&numbers.by_day);
    let rows = periods
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{p.label.clone()}</th>
                    <td class="num">{thousands(p.new)}</td>
                    <td class="num">{thousands(p.total)}</td>
                </tr>
            }
        })
        .collect_view();
    let table = view! {
        <DataTable
            caption=t.numbers_over_time
            headers=vec![t.numbers_period, t.numbers_new, t.numbers_total]
        >
            {rows}
        </DataTable>
    };
    view! {
        <ChartSection
            id="andamento"
            title=t.numbers_over_time
            chart=view! { <TrendChart title=t.numbers_over_time periods /> }.into_any()
            table=table.into_any()
        />
    }
}

/// A table row of a breakdown with signups, bodies and people.
fn counts_row(name: String, group: Option<&'static str>, counts: Counts) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{name}</th>
            {group.map(|group| view! { <td>{group}</td> })}
            <td class="num">{thousands(counts.signups)}</td>
            <td class="num">{thousands(counts.bodies)}</td>
            <td class="num">{thousands(counts.people)}</td>
        </tr>
    }
}
