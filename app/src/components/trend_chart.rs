//! The total of signups over time, as an SVG line drawn on the server.

use leptos::prelude::*;

use crate::domain::numbers::thousands;
use crate::domain::timeline::Period;
use crate::i18n::texts;

const WIDTH: i64 = 320;
const HEIGHT: i64 = 180;
/// Room for the vertical axis's labels, and for the horizontal one's.
const LEFT: i64 = 44;
const BOTTOM: i64 = 22;
const TOP: i64 = 8;
const RIGHT: i64 = 12;

/// The running total at the end of each period, with the axis values as text; `title` names
/// the chart for assistive technology, which reads the table that follows it.
#[component]
pub fn TrendChart(#[prop(into)] title: String, periods: Vec<Period>) -> impl IntoView {
    let (first, last) = match (periods.first(), periods.last()) {
        (Some(first), Some(last)) => (first.position, last.position),
        _ => (0, 0),
    };
    let span = (last - first).max(1);
    let max = periods.iter().map(|p| p.total).max().unwrap_or(0).max(1);
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let x = move |position: i64| LEFT + (position - first) * plot_width / span;
    let y = move |total: i64| TOP + plot_height - total * plot_height / max;
    let line: Vec<String> = periods
        .iter()
        .map(|p| format!("{},{}", x(p.position), y(p.total)))
        .collect();
    let area = format!(
        "{LEFT},{} {} {},{}",
        TOP + plot_height,
        line.join(" "),
        x(last),
        TOP + plot_height
    );
    let gridlines = [0, max / 2, max]
        .into_iter()
        .map(|value| {
            let at = y(value);
            view! {
                <line class="chart-grid-line" x1=LEFT x2=WIDTH - RIGHT y1=at y2=at />
                <text class="chart-axis" x=LEFT - 6 y=at + 4 text-anchor="end">
                    {thousands(value)}
                </text>
            }
        })
        .collect_view();
    let ticks = match (periods.first(), periods.last()) {
        (Some(first), Some(last)) if first.position != last.position => {
            vec![(first, "start"), (last, "end")]
        }
        (Some(only), _) => vec![(only, "start")],
        _ => Vec::new(),
    }
    .into_iter()
    .map(|(period, anchor)| {
        view! {
            <text class="chart-axis" x=x(period.position) y=HEIGHT - 4 text-anchor=anchor>
                {period.short.clone()}
            </text>
        }
    })
    .collect_view();
    view! {
        <svg
            class="chart"
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            role="img"
            aria-label=(texts().numbers_chart)(&title)
        >
            {gridlines}
            <polygon class="chart-area" points=area />
            <polyline class="chart-line" points=line.join(" ") />
            {ticks}
        </svg>
    }
}
