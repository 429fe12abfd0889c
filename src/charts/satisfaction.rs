//! The charts of the customer satisfaction analysis:
//! - the importance–satisfaction grid, drawn by the requirements' grid
//!   ([`ipa_grid`](super::requirements::ipa_grid)): each item in the band
//!   of its rounded means, which is the field its quadrant names (a mean
//!   from 3.5 on rounds to 4 or 5, the high bands);
//! - the NPS bar: detractors, passives and promoters as shares of one bar,
//!   one bar per survey, so that two surveys compare at a glance.

use super::requirements::GridPoint;
use super::svg::{Anchor, Svg};
use crate::domain::processes::satisfaction::{Item, Nps};

/// The grid's dots: each rated item numbered by its place in the list.
/// Items not rated on both are left out (the page says so).
pub fn grid_points(items: &[Item]) -> Vec<GridPoint> {
    let band = |mean: f64| mean.round().clamp(1.0, 5.0) as u8;
    items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            Some(GridPoint {
                number: index + 1,
                importance: band(item.importance?.mean),
                ours: band(item.satisfaction?.mean),
                flagged: false,
            })
        })
        .collect()
}

/// One bar of the NPS chart.
#[derive(Debug, Clone, PartialEq)]
pub struct NpsRow {
    /// The line above the bar, e.g. "März 2026 · NPS +10 · 40 Antworten".
    pub label: String,
    pub nps: Option<Nps>,
}

/// The words of the NPS chart, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct NpsText {
    pub detractors: String,
    pub passives: String,
    pub promoters: String,
    /// Shown instead of a bar for a survey without answers.
    pub no_answers: String,
}

const WIDTH: i32 = 640;
const LEFT: i32 = 16;
const BAR_W: i32 = WIDTH - 2 * LEFT;
const BAR_H: i32 = 28;
const ROW_H: i32 = 64;
const COLORS: [&str; 3] = ["#b42318", "#9aa3ad", "#2e7d4f"];

/// The NPS bars, one per row, with a legend below.
pub fn nps_bars(rows: &[NpsRow], text: &NpsText, percent: &dyn Fn(f64) -> String) -> String {
    let height = 12 + ROW_H * rows.len() as i32 + 30;
    let mut svg = Svg::new(WIDTH, height);
    for (r, row) in rows.iter().enumerate() {
        let top = 12 + ROW_H * r as i32;
        svg.text((LEFT, top), 13, "#1f2933", Anchor::Start, false, &row.label);
        let bar_y = top + 22;
        let Some(nps) = row.nps.filter(|n| n.answers() > 0) else {
            svg.rect(LEFT, bar_y, BAR_W, BAR_H, "#f4f5f7", Some("#d5d9de"));
            svg.text(
                (LEFT + BAR_W / 2, bar_y + BAR_H / 2),
                12,
                "#5a6472",
                Anchor::Middle,
                true,
                &text.no_answers,
            );
            continue;
        };
        let total = nps.answers() as f64;
        let counts = [nps.detractors, nps.passives, nps.promoters].map(|n| n as f64);
        // Edges from the cumulative counts, so the parts always fill the
        // bar exactly.
        let mut edges = [LEFT; 4];
        let mut sum = 0.0;
        for (i, count) in counts.iter().enumerate() {
            sum += count;
            edges[i + 1] = LEFT + (f64::from(BAR_W) * sum / total).round() as i32;
        }
        for i in 0..3 {
            let width = edges[i + 1] - edges[i];
            if width == 0 {
                continue;
            }
            svg.rect(edges[i], bar_y, width, BAR_H, COLORS[i], None);
            if width >= 44 {
                svg.text(
                    (edges[i] + width / 2, bar_y + BAR_H / 2),
                    12,
                    "white",
                    Anchor::Middle,
                    true,
                    // Whole percent, halves away from zero as the score.
                    &percent((100.0 * counts[i] / total).round()),
                );
            }
        }
    }
    let legend_y = height - 18;
    let mut x = LEFT;
    for (i, label) in [&text.detractors, &text.passives, &text.promoters]
        .into_iter()
        .enumerate()
    {
        svg.rect(x, legend_y - 6, 12, 12, COLORS[i], None);
        svg.text(
            (x + 18, legend_y),
            12,
            "#1f2933",
            Anchor::Start,
            true,
            label,
        );
        x += 40 + 7 * label.chars().count() as i32;
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg_texts;
    use crate::domain::potentials::requirements::Quadrant;
    use crate::domain::processes::satisfaction::{Recommendation, Score};
    use uuid::Uuid;

    fn item(importance: Option<f64>, satisfaction: Option<f64>) -> Item {
        let score = |mean| Score { mean, answers: 3 };
        Item {
            id: Uuid::new_v4(),
            name: "x".into(),
            importance: importance.map(score),
            satisfaction: satisfaction.map(score),
        }
    }

    #[test]
    fn each_dot_lands_in_the_field_its_quadrant_names() {
        let items = [
            item(Some(3.5), Some(3.49)),
            item(Some(3.49), Some(3.5)),
            item(Some(4.8), Some(4.2)),
            item(None, Some(2.0)),
            item(Some(1.0), Some(1.2)),
        ];
        let points = grid_points(&items);
        assert_eq!(
            points.iter().map(|p| p.number).collect::<Vec<_>>(),
            [1, 2, 3, 5]
        );
        for point in &points {
            let item = &items[point.number - 1];
            let by_band = Quadrant::of(f64::from(point.importance), f64::from(point.ours));
            assert_eq!(Some(by_band), item.quadrant(), "item {}", point.number);
        }
        assert_eq!((points[0].importance, points[0].ours), (4, 3));
    }

    fn widths(svg: &str, fill: &str) -> Vec<i32> {
        svg.split("<rect")
            .filter(|r| r.contains(&format!("fill=\"{fill}\"")))
            .filter_map(|r| r.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect()
    }

    fn text() -> NpsText {
        NpsText {
            detractors: "Kritiker (0–6)".into(),
            passives: "Passive (7–8)".into(),
            promoters: "Promotoren (9–10)".into(),
            no_answers: "Keine Antworten".into(),
        }
    }

    #[test]
    fn the_parts_of_a_bar_are_proportional_and_fill_it() {
        // 2 detractors, 5 passives, 3 promoters.
        let nps = Recommendation::of_answers(&[0, 6, 7, 7, 8, 8, 8, 9, 10, 10])
            .unwrap()
            .nps();
        let svg = nps_bars(
            &[NpsRow {
                label: "2026 · NPS +10".into(),
                nps,
            }],
            &text(),
            &|v| format!("{v:.0} %"),
        );
        // The legend's swatches are 12 wide; the bar's parts are wider.
        let parts: Vec<i32> = COLORS
            .iter()
            .map(|c| widths(&svg, c).into_iter().max().unwrap())
            .collect();
        assert_eq!(parts.iter().sum::<i32>(), BAR_W);
        assert!(
            (parts[1] as f64 / parts[0] as f64 - 2.5).abs() < 0.02,
            "{parts:?}"
        );
        let texts = svg_texts(&svg);
        for expected in [
            "2026 · NPS +10",
            "20 %",
            "50 %",
            "30 %",
            "Promotoren (9–10)",
        ] {
            assert!(
                texts.iter().any(|t| t == expected),
                "{expected} missing in {texts:?}"
            );
        }
    }

    #[test]
    fn a_survey_without_answers_says_so_and_a_narrow_part_has_no_label() {
        let one_detractor = Recommendation::of_answers(&[&[9u8; 30][..], &[3]].concat())
            .unwrap()
            .nps();
        let svg = nps_bars(
            &[
                NpsRow {
                    label: "2025".into(),
                    nps: None,
                },
                NpsRow {
                    label: "2026 <neu>".into(),
                    nps: one_detractor,
                },
            ],
            &text(),
            &|v| format!("{v:.0} %"),
        );
        let texts = svg_texts(&svg);
        assert!(texts.contains(&"Keine Antworten".to_owned()));
        // 1 of 31 is 20 px wide: too narrow for its label.
        assert!(!texts.iter().any(|t| t == "3 %"));
        assert!(texts.contains(&"97 %".to_owned()));
        assert!(svg.contains("2026 &lt;neu&gt;"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
