//! Charts as pure functions from data to an SVG string (plotters' SVG
//! backend). They run the same natively (tests) and in the browser; the
//! view only places the string. Labels are SVG text, so umlauts and the
//! page's font work as in the rest of the page.

pub mod business;
pub mod buying_center;
pub mod competency;
pub mod introduction;
pub mod requirements;
pub mod results;
pub mod satisfaction;
mod svg;
pub mod targets;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::f64::consts::PI;

/// Colours of the series, from the design tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesColor {
    /// The check being looked at.
    Primary,
    /// An earlier check, for comparison.
    Earlier,
    /// The group mean.
    Group,
}

impl SeriesColor {
    fn rgb(self) -> RGBColor {
        match self {
            SeriesColor::Primary => RGBColor(0x1f, 0x4e, 0x79),
            SeriesColor::Earlier => RGBColor(0xc2, 0x6a, 0x00),
            SeriesColor::Group => RGBColor(0x1e, 0x6b, 0x3a),
        }
    }
}

/// One polygon on a radar chart: a value 0–100 per axis, `None` where the
/// area has no answers.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    pub label: String,
    pub values: Vec<Option<f64>>,
    pub color: SeriesColor,
}

const INK: RGBColor = RGBColor(0x1b, 0x24, 0x30);
const MUTED: RGBColor = RGBColor(0x5a, 0x64, 0x72);
const GRID: RGBColor = RGBColor(0xd5, 0xdb, 0xe3);
const FONT: &str = "sans-serif";

/// plotters writes `size / 1.24` into the SVG; this gives `px` on the page.
fn font(px: f64, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    (FONT, px * 1.24)
        .into_font()
        .color(color)
        .pos(Pos::new(h, v))
}

/// Appends `text` to an SVG or HTML string as text: `<`, `>`, `&` and `"`
/// are written as entities, so names never become markup.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// A label cut to at most `max` characters, with "…" where it was cut.
fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Splits a long label into at most two lines at the space nearest the middle.
fn wrap(label: &str, max: usize) -> Vec<String> {
    if label.chars().count() <= max {
        return vec![label.to_owned()];
    }
    let middle = label.len() / 2;
    let split = label
        .char_indices()
        .filter(|(_, c)| *c == ' ' || *c == '-')
        .map(|(i, c)| if c == '-' { i + 1 } else { i })
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => vec![label[..i].trim().to_owned(), label[i..].trim().to_owned()],
        None => vec![label.to_owned()],
    }
}

fn clamp(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, 100.0)
    } else {
        0.0
    }
}

/// The rings of a chart of percentages: 25, 50, 75 and 100 %, labelled
/// by `percent`.
pub fn percent_rings(percent: &dyn Fn(f64) -> String) -> Vec<(f64, String)> {
    [25.0, 50.0, 75.0, 100.0]
        .into_iter()
        .map(|ring| (ring, percent(ring)))
        .collect()
}

/// A radar (spider) chart: one axis per area, values 0–100 from the
/// centre out, a ring at each of `rings` (where, and its label).
pub fn radar(axes: &[String], series: &[RadarSeries], rings: &[(f64, String)]) -> String {
    let (width, height) = (760u32, 540u32);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let n = axes.len().max(3);
        let legend_height = if series.len() > 1 { 30.0 } else { 0.0 };
        let (cx, cy) = (
            f64::from(width) / 2.0,
            (f64::from(height) - legend_height) / 2.0,
        );
        // Leave room for two-line labels of about 20 characters on each side.
        let radius =
            ((f64::from(height) - legend_height) / 2.0 - 60.0).min(f64::from(width) / 2.0 - 175.0);
        let point = |i: usize, value: f64| {
            let angle = -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
            let r = radius * clamp(value) / 100.0;
            (
                (cx + r * angle.cos()).round() as i32,
                (cy + r * angle.sin()).round() as i32,
            )
        };
        for (ring, label) in rings {
            let mut ring_points: Vec<(i32, i32)> = (0..n).map(|i| point(i, *ring)).collect();
            ring_points.push(ring_points[0]);
            let _ = root.draw(&PathElement::new(ring_points, GRID.stroke_width(1)));
            let (x, y) = point(0, *ring);
            let _ = root.draw(&Text::new(
                label.clone(),
                (x + 4, y),
                font(12.0, &MUTED, HPos::Left, VPos::Center),
            ));
        }
        for (i, label) in axes.iter().enumerate() {
            let _ = root.draw(&PathElement::new(
                vec![point(i, 0.0), point(i, 100.0)],
                GRID.stroke_width(1),
            ));
            let angle = -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
            let (dx, dy) = (angle.cos(), angle.sin());
            let h = if dx > 0.25 {
                HPos::Left
            } else if dx < -0.25 {
                HPos::Right
            } else {
                HPos::Center
            };
            let lines = wrap(label, 18);
            let line_height = 16.0;
            let block = line_height * lines.len() as f64;
            let (lx, ly) = (cx + (radius + 14.0) * dx, cy + (radius + 14.0) * dy);
            let top = if dy < -0.7 {
                ly - block
            } else if dy > 0.7 {
                ly
            } else {
                ly - block / 2.0
            };
            for (k, line) in lines.iter().enumerate() {
                let _ = root.draw(&Text::new(
                    line.clone(),
                    (
                        lx.round() as i32,
                        (top + line_height * k as f64).round() as i32,
                    ),
                    font(14.0, &INK, h, VPos::Top),
                ));
            }
        }
        for s in series {
            let color = s.color.rgb();
            let points: Vec<(i32, i32)> = (0..n)
                .map(|i| point(i, s.values.get(i).copied().flatten().unwrap_or(0.0)))
                .collect();
            let _ = root.draw(&Polygon::new(points.clone(), color.mix(0.15).filled()));
            let mut outline = points.clone();
            outline.push(points[0]);
            let _ = root.draw(&PathElement::new(outline, color.stroke_width(2)));
            for (i, value) in s.values.iter().enumerate().take(n) {
                if let Some(v) = value {
                    let _ = root.draw(&Circle::new(point(i, *v), 4, color.filled()));
                }
            }
        }
        if series.len() > 1 {
            let mut x = 20;
            let y = height as i32 - 18;
            for s in series {
                let _ = root.draw(&Rectangle::new(
                    [(x, y - 6), (x + 12, y + 6)],
                    s.color.rgb().filled(),
                ));
                let _ = root.draw(&Text::new(
                    s.label.clone(),
                    (x + 18, y),
                    font(13.0, &INK, HPos::Left, VPos::Center),
                ));
                x += 30 + 8 * s.label.chars().count() as i32;
            }
        }
        let _ = root.present();
    }
    svg
}

/// Horizontal bars, one per area, 0–100 %. `missing` is shown for an area
/// without answers instead of a bar.
pub fn area_bars(
    rows: &[(String, Option<f64>)],
    missing: &str,
    percent: &dyn Fn(f64) -> String,
) -> String {
    let row_height = 42;
    let label_width = 300;
    let bar_width = 300;
    let (width, height) = (
        label_width + bar_width + 90,
        (rows.len() as u32 * row_height).max(row_height) + 10,
    );
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let x0 = label_width as i32;
        for tick in [0.0, 50.0, 100.0] {
            let x = x0 + (f64::from(bar_width) * tick / 100.0) as i32;
            let _ = root.draw(&PathElement::new(
                vec![(x, 0), (x, height as i32 - 6)],
                GRID.stroke_width(1),
            ));
        }
        for (i, (label, value)) in rows.iter().enumerate() {
            let y = 5 + (i as u32 * row_height) as i32;
            let middle = y + row_height as i32 / 2;
            let lines = wrap(label, 32);
            let first = middle - 9 * (lines.len() as i32 - 1);
            for (k, line) in lines.iter().enumerate() {
                let _ = root.draw(&Text::new(
                    line.clone(),
                    (x0 - 10, first + 18 * k as i32),
                    font(15.0, &INK, HPos::Right, VPos::Center),
                ));
            }
            match value {
                Some(v) => {
                    let end = x0 + (f64::from(bar_width) * clamp(*v) / 100.0).round() as i32;
                    let _ = root.draw(&Rectangle::new(
                        [(x0, y + 6), (end.max(x0 + 1), y + row_height as i32 - 6)],
                        SeriesColor::Primary.rgb().filled(),
                    ));
                    let _ = root.draw(&Text::new(
                        percent(*v),
                        (end + 6, middle),
                        font(16.0, &INK, HPos::Left, VPos::Center),
                    ));
                }
                None => {
                    let _ = root.draw(&Text::new(
                        missing.to_owned(),
                        (x0 + 6, middle),
                        font(16.0, &MUTED, HPos::Left, VPos::Center),
                    ));
                }
            }
        }
        let _ = root.present();
    }
    svg
}

/// The text nodes of an SVG, trimmed (for the chart tests).
#[cfg(test)]
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            Some(
                t.split_once('>')?
                    .1
                    .split("</text>")
                    .next()?
                    .trim()
                    .to_string(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::svg_texts as texts;
    use super::*;

    fn percent(v: f64) -> String {
        format!("{v:.0} %")
    }

    fn axes() -> Vec<String> {
        [
            "Unternehmens- und Vertriebsstrategie",
            "Kernkompetenzen",
            "Grundsätze",
            "Kundenorientierung",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn the_radar_draws_one_filled_polygon_per_series_and_every_label() {
        let series = vec![
            RadarSeries {
                label: "2026".into(),
                values: vec![Some(80.0), Some(40.0), None, Some(100.0)],
                color: SeriesColor::Primary,
            },
            RadarSeries {
                label: "2025".into(),
                values: vec![Some(50.0); 4],
                color: SeriesColor::Earlier,
            },
        ];
        let svg = radar(&axes(), &series, &percent_rings(&percent));
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<polygon").count(), 2);
        let texts = texts(&svg);
        for expected in [
            "Grundsätze",
            "Unternehmens- und",
            "Vertriebsstrategie",
            "50 %",
            "2025",
        ] {
            assert!(
                texts.iter().any(|t| t == expected),
                "{expected} missing in {texts:?}"
            );
        }
        assert!(
            svg.contains("font-size=\"14\""),
            "labels are 14 px on the page"
        );
        assert!(!svg.contains("NaN"));
        // Three answered points in the first series plus four in the second.
        assert_eq!(svg.matches("<circle").count(), 7);
    }

    #[test]
    fn bars_are_proportional_and_missing_areas_say_so() {
        let rows = vec![
            ("Ziele".to_string(), Some(50.0)),
            ("Potenziale".to_string(), Some(100.0)),
            ("Menschen im KAM".to_string(), None),
        ];
        let svg = area_bars(&rows, "keine Antworten", &percent);
        let widths: Vec<f64> = svg
            .split("<rect")
            .skip(2) // the background
            .filter_map(|r| r.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(widths.len(), 2);
        assert!((widths[1] / widths[0] - 2.0).abs() < 0.02, "{widths:?}");
        let texts = texts(&svg);
        assert!(texts.contains(&"keine Antworten".to_string()));
        assert!(texts.contains(&"100 %".to_string()));
    }

    #[test]
    fn values_outside_0_to_100_are_clamped_not_drawn_off_the_chart() {
        let series = vec![RadarSeries {
            label: "x".into(),
            values: vec![Some(250.0), Some(-10.0), Some(f64::NAN)],
            color: SeriesColor::Group,
        }];
        let svg = radar(&axes()[..3], &series, &percent_rings(&percent));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }
}
