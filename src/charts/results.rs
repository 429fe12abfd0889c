//! The charts of "Ergebnissicherung": the trend of one KPI over its
//! periods, with its target as a dashed line and each point coloured by
//! its status.

use super::svg::{Anchor, Svg};
use crate::domain::results::scorecard::Status;

/// The colour of a status, for the chart and the page's lights.
pub fn status_color(status: Status) -> &'static str {
    match status {
        Status::Green => "#2e7d4f",
        Status::Yellow => "#c28a00",
        Status::Red => "#b42318",
    }
}

/// One point of a trend: the period's label, the actual, its status.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    pub label: String,
    pub value: f64,
    pub status: Option<Status>,
}

const WIDTH: i32 = 680;
const HEIGHT: i32 = 240;
const LEFT: i32 = 84;
const RIGHT: i32 = 24;
const TOP: i32 = 16;
const BOTTOM: i32 = 40;

/// The trend of one KPI: its values in period order, the target as a
/// dashed line; `number` writes the axis labels and `target_label` names
/// the target line.
pub fn kpi_trend(
    points: &[TrendPoint],
    target: Option<f64>,
    number: &dyn Fn(f64) -> String,
    target_label: &str,
) -> String {
    let mut svg = Svg::new(WIDTH, HEIGHT);
    let values = points.iter().map(|p| p.value).chain(target);
    let (mut low, mut high) = values.fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
    if points.is_empty() {
        return svg.finish();
    }
    // Start at 0 for values of one sign, so bars of growth are not
    // exaggerated; leave room above and below.
    if low > 0.0 {
        low = 0.0;
    }
    if high < 0.0 {
        high = 0.0;
    }
    if high - low < 1e-9 {
        high = low + 1.0;
    }
    let pad = (high - low) * 0.08;
    let (low, high) = (low - if low < 0.0 { pad } else { 0.0 }, high + pad);
    let plot_h = f64::from(HEIGHT - TOP - BOTTOM);
    let y_of = |v: f64| TOP + (plot_h * (high - v) / (high - low)).round() as i32;
    let plot_w = WIDTH - LEFT - RIGHT;
    let step = if points.len() > 1 {
        f64::from(plot_w) / (points.len() - 1) as f64
    } else {
        0.0
    };
    let x_of = |i: usize| {
        if points.len() > 1 {
            LEFT + (step * i as f64).round() as i32
        } else {
            LEFT + plot_w / 2
        }
    };
    // Three grid lines: bottom, middle, top.
    for k in 0..=2 {
        let v = low + (high - low) * f64::from(k) / 2.0;
        let y = y_of(v);
        svg.line(&[(LEFT, y), (WIDTH - RIGHT, y)], "#e3e8ee", 1);
        svg.text((LEFT - 8, y), 11, "#5a6472", Anchor::End, true, &number(v));
    }
    if let Some(target) = target {
        let y = y_of(target);
        svg.0.push_str(&format!(
            r##"<line x1="{LEFT}" y1="{y}" x2="{}" y2="{y}" stroke="#1f4e79" stroke-width="2" stroke-dasharray="6 4"/>"##,
            WIDTH - RIGHT
        ));
        svg.text(
            (LEFT + 4, y - 16),
            11,
            "#1f4e79",
            Anchor::Start,
            false,
            target_label,
        );
    }
    let line: Vec<(i32, i32)> = points
        .iter()
        .enumerate()
        .map(|(i, p)| (x_of(i), y_of(p.value)))
        .collect();
    if line.len() > 1 {
        svg.line(&line, "#5a6472", 2);
    }
    // Labels of every period when they fit, else of every second or third.
    let every = points.len().div_ceil(8).max(1);
    for (i, point) in points.iter().enumerate() {
        let fill = point.status.map_or("#5a6472", status_color);
        svg.circle(line[i], 6, fill, "white");
        if i % every == 0 || i + 1 == points.len() {
            svg.text(
                (x_of(i), HEIGHT - BOTTOM + 12),
                11,
                "#5a6472",
                Anchor::Middle,
                false,
                &point.label,
            );
        }
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(label: &str, value: f64, status: Status) -> TrendPoint {
        TrendPoint {
            label: label.into(),
            value,
            status: Some(status),
        }
    }

    fn cy(svg: &str) -> Vec<i32> {
        svg.split("<circle ")
            .skip(1)
            .map(|c| {
                c.split("cy=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn the_trend_places_higher_values_higher_with_the_status_colours() {
        let svg = kpi_trend(
            &[
                point("2026-Q1", 80.0, Status::Red),
                point("2026-Q2", 95.0, Status::Yellow),
                point("2026-Q3", 120.0, Status::Green),
            ],
            Some(100.0),
            &|v| format!("{v:.0}"),
            "Zielwert",
        );
        let ys = cy(&svg);
        assert_eq!(ys.len(), 3);
        assert!(ys[0] > ys[1] && ys[1] > ys[2], "rising values rise: {ys:?}");
        assert!(svg.contains(status_color(Status::Red)));
        assert!(svg.contains(status_color(Status::Green)));
        assert!(svg.contains("stroke-dasharray"), "the target line");
        assert!(svg.contains(">Zielwert</text>"));
        assert!(svg.contains(">2026-Q1</text>") && svg.contains(">2026-Q3</text>"));
        // The target sits between the Q2 and Q3 points.
        let target_y: i32 = svg
            .split("stroke-dasharray")
            .next()
            .unwrap()
            .rsplit("y1=\"")
            .next()
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(ys[2] < target_y && target_y < ys[1]);
    }

    #[test]
    fn a_single_value_and_no_values_draw_without_failing() {
        let one = kpi_trend(
            &[point("2026", 5.0, Status::Green)],
            None,
            &|v| v.to_string(),
            "Ziel",
        );
        assert_eq!(cy(&one).len(), 1);
        let none = kpi_trend(&[], Some(3.0), &|v| v.to_string(), "Ziel");
        assert!(!none.contains("<circle"));
        let negative = kpi_trend(
            &[
                point("2025", -4.0, Status::Red),
                point("2026", -1.0, Status::Yellow),
            ],
            Some(0.0),
            &|v| v.to_string(),
            "Ziel",
        );
        let ys = cy(&negative);
        assert!(ys[1] < ys[0]);
    }
}
