//! A horizontal bar chart drawn as SVG on the server: readable before hydration and on a 360 px
//! screen (each label sits above its bar, so the chart is narrow).

use leptos::prelude::*;

use crate::domain::numbers::thousands;
use crate::i18n::texts;

/// One bar: its label and value.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: i64,
}

/// Width of the drawing, in user units (about pixels on a phone).
const WIDTH: i64 = 320;
/// Height of one label-and-bar row.
const ROW: i64 = 36;
/// Room left of the longest bar for its value.
const VALUE_ROOM: i64 = 56;

/// The bars, longest for the largest value, each with its label and value as text. `title`
/// names the chart for assistive technology, which reads the table that follows it.
#[component]
pub fn BarChart(#[prop(into)] title: String, bars: Vec<Bar>) -> impl IntoView {
    let max = bars.iter().map(|bar| bar.value).max().unwrap_or(0).max(1);
    let height = ROW * bars.len() as i64 + 4;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(index, bar)| {
            let top = ROW * index as i64;
            let length =
                ((WIDTH - VALUE_ROOM) * bar.value / max).max(if bar.value > 0 { 2 } else { 0 });
            view! {
                <text class="chart-label" x="0" y=top + 14>
                    {bar.label}
                </text>
                <rect class="chart-bar" x="0" y=top + 19 width=length height="12" rx="2" />
                <text class="chart-value" x=length + 6 y=top + 30>
                    {thousands(bar.value)}
                </text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart"
            viewBox=format!("0 0 {WIDTH} {height}")
            role="img"
            aria-label=(texts().numbers_chart)(&title)
        >
            {rows}
        </svg>
    }
}
