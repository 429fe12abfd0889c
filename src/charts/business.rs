//! The pictures of our business with a key account: the revenue history
//! as bars (with the contribution margin inside each bar) and the
//! whitespace matrix as a grid of coloured cells for the printed sheet.

use super::shorten;
use super::svg::{Anchor, Svg};
use crate::domain::potentials::business::CellState;

/// Years the revenue chart shows at most (the latest ones).
pub const MAX_BARS: usize = 12;

/// One year of the revenue chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub year: i32,
    pub revenue: f64,
    /// Contribution margin; drawn only when positive.
    pub margin: Option<f64>,
}

/// The revenue history as an SVG document; `amount` writes a value the
/// way the page does (e.g. "1,2 Mio. €"), `legend` names revenue and margin.
pub fn revenue_bars(bars: &[Bar], amount: &dyn Fn(f64) -> String, legend: [&str; 2]) -> String {
    let bars = &bars[bars.len().saturating_sub(MAX_BARS)..];
    const LEFT: i32 = 10;
    const TOP: i32 = 40;
    const PLOT_H: i32 = 180;
    const STEP: i32 = 64;
    let width = (LEFT * 2 + STEP * bars.len().max(4) as i32).max(300);
    let height = TOP + PLOT_H + 30;
    let mut svg = Svg::new(width, height);
    svg.rect(LEFT, 8, 12, 12, "#1d4f91", None);
    svg.text(
        (LEFT + 18, 14),
        12,
        "#1f2933",
        Anchor::Start,
        true,
        legend[0],
    );
    svg.rect(LEFT + 150, 8, 12, 12, "#7fb3e6", None);
    svg.text(
        (LEFT + 168, 14),
        12,
        "#1f2933",
        Anchor::Start,
        true,
        legend[1],
    );
    let max = bars
        .iter()
        .map(|b| b.revenue)
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let scale = |value: f64| -> i32 {
        if max <= 0.0 || !value.is_finite() {
            0
        } else {
            ((value.clamp(0.0, max) / max) * f64::from(PLOT_H - 20)).round() as i32
        }
    };
    let base = TOP + PLOT_H;
    svg.line(&[(LEFT, base), (width - LEFT, base)], "#9aa3ad", 1);
    for (i, bar) in bars.iter().enumerate() {
        let x = LEFT + 8 + i as i32 * STEP;
        let h = scale(bar.revenue);
        svg.rect(x, base - h, STEP - 16, h, "#1d4f91", None);
        if let Some(margin) = bar.margin.filter(|m| *m > 0.0) {
            let m = scale(margin).min(h);
            svg.rect(x + 8, base - m, STEP - 32, m, "#7fb3e6", None);
        }
        let centre = x + (STEP - 16) / 2;
        svg.text(
            (centre, base - h - 14),
            10,
            "#1f2933",
            Anchor::Middle,
            false,
            &amount(bar.revenue),
        );
        svg.text(
            (centre, base + 6),
            12,
            "#3d4652",
            Anchor::Middle,
            false,
            &bar.year.to_string(),
        );
    }
    svg.finish()
}

/// The fill of a cell state, also used by the page's legend (CSS classes
/// carry the same colours).
pub fn state_colour(state: CellState) -> &'static str {
    match state {
        CellState::Supplied => "#2e7d4f",
        CellState::Pipeline => "#7fb3e6",
        CellState::Competitor => "#b42318",
        CellState::Gap => "#f2b233",
        CellState::NotRelevant => "#d5d9de",
    }
}

/// The whitespace matrix as a grid: one row per site, one column per
/// product group, each assessed cell in its state's colour.
pub fn whitespace_grid(
    sites: &[String],
    groups: &[String],
    cells: &[(usize, usize, CellState)],
) -> String {
    const CELL: i32 = 18;
    const LABEL_W: i32 = 150;
    const HEAD_H: i32 = 90;
    let width = LABEL_W + CELL * groups.len().max(1) as i32 + 60;
    let height = HEAD_H + CELL * sites.len().max(1) as i32 + 4;
    let mut svg = Svg::new(width, height);
    for (i, group) in groups.iter().enumerate() {
        let x = LABEL_W + i as i32 * CELL + CELL / 2 + 4;
        svg.text_turned((x, HEAD_H - 4), 11, -50, &shorten(group, 16));
    }
    for (row, site) in sites.iter().enumerate() {
        let y = HEAD_H + row as i32 * CELL;
        svg.text(
            (LABEL_W - 6, y + CELL / 2),
            11,
            "#1f2933",
            Anchor::End,
            true,
            &shorten(site, 24),
        );
        for column in 0..groups.len() {
            svg.rect(
                LABEL_W + column as i32 * CELL,
                y,
                CELL,
                CELL,
                "white",
                Some("#c4cad1"),
            );
        }
    }
    for &(row, column, state) in cells {
        if row < sites.len() && column < groups.len() {
            svg.rect(
                LABEL_W + column as i32 * CELL + 1,
                HEAD_H + row as i32 * CELL + 1,
                CELL - 2,
                CELL - 2,
                state_colour(state),
                None,
            );
        }
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg_texts;

    fn euro(v: f64) -> String {
        format!("{v} €")
    }

    fn heights(svg: &str, fill: &str) -> Vec<i32> {
        svg.split("<rect")
            .filter(|r| r.contains(&format!("fill=\"{fill}\"")) && !r.contains("width=\"12\""))
            .map(|r| {
                let start = r.find("height=\"").unwrap() + 8;
                r[start..][..r[start..].find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn bars_are_proportional_to_revenue_and_labelled() {
        let bars = [
            Bar {
                year: 2024,
                revenue: 80.0,
                margin: Some(20.0),
            },
            Bar {
                year: 2025,
                revenue: 160.0,
                margin: Some(-5.0),
            },
        ];
        let svg = revenue_bars(&bars, &euro, ["Umsatz", "Deckungsbeitrag"]);
        assert_eq!(heights(&svg, "#1d4f91"), [80, 160]);
        // The loss of 2025 draws no margin bar.
        assert_eq!(heights(&svg, "#7fb3e6"), [20]);
        let texts = svg_texts(&svg);
        for expected in ["2024", "2025", "160 €", "Deckungsbeitrag"] {
            assert!(texts.contains(&expected.to_string()), "{expected}");
        }
    }

    #[test]
    fn only_the_latest_years_are_drawn() {
        let bars: Vec<Bar> = (2000..2020)
            .map(|year| Bar {
                year,
                revenue: 1.0,
                margin: None,
            })
            .collect();
        let texts = svg_texts(&revenue_bars(&bars, &euro, ["a", "b"]));
        assert!(!texts.contains(&"2007".to_string()));
        assert!(texts.contains(&"2008".to_string()) && texts.contains(&"2019".to_string()));
    }

    #[test]
    fn the_grid_colours_each_assessed_cell_and_names_rows_and_columns() {
        let svg = whitespace_grid(
            &["Werk Nord".into(), "Werk <Süd>".into()],
            &["Ventile".into(), "Pumpen".into(), "Service".into()],
            &[
                (0, 0, CellState::Supplied),
                (1, 2, CellState::Gap),
                (5, 0, CellState::Gap),
            ],
        );
        // Six empty cells, two coloured; the cell outside the grid is left out.
        assert_eq!(svg.matches("stroke=\"#c4cad1\"").count(), 6);
        assert_eq!(svg.matches(state_colour(CellState::Gap)).count(), 1);
        assert!(svg.contains("Werk &lt;Süd&gt;"));
        assert!(svg_texts(&svg).contains(&"Service".to_string()));
    }
}
