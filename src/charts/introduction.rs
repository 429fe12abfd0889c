//! The charts of the KAM introduction project:
//! - the risk matrix: probability (1–5, left to right) × impact (1–5,
//!   bottom to top), each cell coloured by the class of its score, with
//!   the numbers of the open risks in it;
//! - the timeline of the phases: one bar per phase from its start to its
//!   end, the part done filled, and a line for today.

use super::svg::{Anchor, Svg};
use crate::domain::introduction::risks::{RiskBands, RiskClass, SCALE_MAX};
use crate::domain::time::Day;

const INK: &str = "#1f2933";
const MUTED: &str = "#5a6472";
const LINE: &str = "#d5d9de";

/// The fill of a risk class, from green to red.
pub fn class_color(class: RiskClass) -> &'static str {
    match class {
        RiskClass::Low => "#d3ecdc",
        RiskClass::Medium => "#fbe8b4",
        RiskClass::High => "#f5c9c4",
    }
}

/// An open risk on the matrix: its number in the register and its
/// current probability and impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixPoint {
    pub number: usize,
    pub probability: u8,
    pub impact: u8,
}

/// The words of the matrix, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixText {
    pub probability: String,
    pub impact: String,
}

const CELL: i32 = 88;
const MATRIX_LEFT: i32 = 64;
const MATRIX_TOP: i32 = 12;

/// The 5 × 5 risk matrix.
pub fn risk_matrix(points: &[MatrixPoint], bands: &RiskBands, text: &MatrixText) -> String {
    let n = i32::from(SCALE_MAX);
    let width = MATRIX_LEFT + n * CELL + 16;
    let height = MATRIX_TOP + n * CELL + 58;
    let mut svg = Svg::new(width, height);
    for impact in 1..=SCALE_MAX {
        for probability in 1..=SCALE_MAX {
            let x = MATRIX_LEFT + (i32::from(probability) - 1) * CELL;
            let y = MATRIX_TOP + (n - i32::from(impact)) * CELL;
            let score = probability * impact;
            svg.rect(
                x,
                y,
                CELL,
                CELL,
                class_color(bands.class(score)),
                Some("white"),
            );
            svg.text(
                (x + CELL - 6, y + 6),
                11,
                MUTED,
                Anchor::End,
                false,
                &score.to_string(),
            );
            let numbers: Vec<String> = points
                .iter()
                .filter(|p| p.probability == probability && p.impact == impact)
                .map(|p| p.number.to_string())
                .collect();
            // Up to six numbers in two lines of three; more as "+n".
            for (line, chunk) in numbers.chunks(3).take(2).enumerate() {
                let mut words = chunk.join(" · ");
                if line == 1 && numbers.len() > 6 {
                    words = format!("{words} +{}", numbers.len() - 6);
                }
                svg.text(
                    (x + CELL / 2, y + CELL / 2 - 8 + 20 * line as i32),
                    15,
                    INK,
                    Anchor::Middle,
                    true,
                    &words,
                );
            }
        }
    }
    for k in 1..=n {
        let x = MATRIX_LEFT + (k - 1) * CELL + CELL / 2;
        svg.text(
            (x, MATRIX_TOP + n * CELL + 6),
            13,
            MUTED,
            Anchor::Middle,
            false,
            &k.to_string(),
        );
        let y = MATRIX_TOP + (n - k) * CELL + CELL / 2;
        svg.text(
            (MATRIX_LEFT - 10, y),
            13,
            MUTED,
            Anchor::End,
            true,
            &k.to_string(),
        );
    }
    svg.text(
        (MATRIX_LEFT + n * CELL / 2, MATRIX_TOP + n * CELL + 30),
        14,
        INK,
        Anchor::Middle,
        false,
        &format!("{} →", text.probability),
    );
    svg.text_turned(
        (22, MATRIX_TOP + n * CELL / 2 + 70),
        14,
        -90,
        &format!("{} →", text.impact),
    );
    svg.finish()
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub label: String,
    /// Start and end; `None` while the phase has no dates.
    pub span: Option<(Day, Day)>,
    /// Tasks done in percent, `None` without tasks.
    pub percent: Option<u32>,
}

/// The words of the timeline, in the user's language.
pub struct TimelineText<'a> {
    pub today: String,
    pub no_dates: String,
    /// A month's tick label (`03.2027` / `2027-03`).
    pub month: &'a dyn Fn(Day) -> String,
    /// The percent done (`40 %` / `40%`).
    pub percent: &'a dyn Fn(u32) -> String,
}

const WIDTH: i32 = 760;
const LABEL_W: i32 = 170;
const ROW_H: i32 = 40;
const TOP: i32 = 34;
const RIGHT: i32 = 56;

/// The phases as bars on a time axis from `span.0` to `span.1`.
pub fn timeline(rows: &[TimelineRow], span: (Day, Day), today: Day, text: &TimelineText) -> String {
    let height = TOP + ROW_H * rows.len() as i32 + 12;
    let mut svg = Svg::new(WIDTH, height);
    let (first, last) = span;
    // Each day is a slot; a bar runs to the end of its last day.
    let days = (first.days_until(last) + 1).max(1) as f64;
    let plot = f64::from(WIDTH - LABEL_W - RIGHT);
    let x_of = |day: Day| LABEL_W + (plot * first.days_until(day) as f64 / days).round() as i32;
    // Month ticks: every month for a short project, every quarter or
    // half year for longer ones, so the labels never overlap.
    let months = (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32;
    let step = match months {
        ..=14 => 1,
        15..=36 => 3,
        37..=72 => 6,
        _ => 12 * (months / 144 + 1),
    };
    let mut tick = first.first_of_month();
    if tick < first {
        tick = tick.plus_months(1).unwrap_or(last);
    }
    let bottom = TOP + ROW_H * rows.len() as i32;
    while tick <= last {
        if (tick.month() as i32 - 1) % step == 0 {
            let x = x_of(tick);
            svg.line(&[(x, TOP - 6), (x, bottom)], LINE, 1);
            svg.text(
                (x, 8),
                11,
                MUTED,
                Anchor::Middle,
                false,
                &(text.month)(tick),
            );
        }
        let Some(next) = tick.plus_months(1) else {
            break;
        };
        tick = next;
    }
    for (r, row) in rows.iter().enumerate() {
        let y = TOP + ROW_H * r as i32;
        svg.text((8, y + ROW_H / 2), 13, INK, Anchor::Start, true, &row.label);
        let Some((start, end)) = row.span else {
            svg.text(
                (LABEL_W + 4, y + ROW_H / 2),
                12,
                MUTED,
                Anchor::Start,
                true,
                &text.no_dates,
            );
            continue;
        };
        let after = |d: Day| d.plus_days(1).map_or(WIDTH - RIGHT, x_of);
        let (x0, x1) = (x_of(start.max(first)), after(end.min(last)));
        let w = (x1 - x0).max(4);
        svg.rect(x0, y + 9, w, ROW_H - 18, "#d6e2ee", Some("#1f4e79"));
        if let Some(percent) = row.percent {
            let done = (f64::from(w) * f64::from(percent.min(100)) / 100.0).round() as i32;
            if done > 0 {
                svg.rect(x0, y + 9, done, ROW_H - 18, "#1f4e79", None);
            }
            svg.text(
                (x0 + w + 6, y + ROW_H / 2),
                12,
                INK,
                Anchor::Start,
                true,
                &(text.percent)(percent),
            );
        }
    }
    if first <= today && today <= last {
        let x = x_of(today);
        svg.line(&[(x, TOP - 4), (x, bottom + 2)], "#b42318", 2);
        svg.text(
            (x, bottom + 2),
            11,
            "#b42318",
            Anchor::Middle,
            false,
            &text.today,
        );
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn text() -> MatrixText {
        MatrixText {
            probability: "Eintrittswahrscheinlichkeit".into(),
            impact: "Auswirkung".into(),
        }
    }

    /// The fill of the cell whose score label is `score` at (p, i).
    fn fills(svg: &str) -> Vec<&str> {
        svg.split("<rect ")
            .skip(2)
            .filter_map(|r| r.split("fill=\"").nth(1)?.split('"').next())
            .collect()
    }

    #[test]
    fn the_matrix_colours_each_cell_by_the_class_of_its_score() {
        let svg = risk_matrix(&[], &RiskBands::default(), &text());
        let fills = fills(&svg);
        assert_eq!(fills.len(), 25);
        // Cells are drawn row by row from impact 1; probability 1..5.
        let cell = |p: usize, i: usize| fills[(i - 1) * 5 + (p - 1)];
        assert_eq!(cell(1, 1), class_color(RiskClass::Low));
        assert_eq!(cell(4, 1), class_color(RiskClass::Low), "4 is low");
        assert_eq!(cell(5, 1), class_color(RiskClass::Medium), "5 is medium");
        assert_eq!(cell(4, 3), class_color(RiskClass::Medium), "12 is medium");
        assert_eq!(cell(5, 3), class_color(RiskClass::High), "15 is high");
        assert_eq!(cell(5, 5), class_color(RiskClass::High));
        let edited = risk_matrix(
            &[],
            &RiskBands {
                low_max: 2,
                high_from: 20,
            },
            &text(),
        );
        let fills = super::tests::fills(&edited);
        assert_eq!(fills[2], class_color(RiskClass::Medium), "3 is medium now");
        assert_eq!(
            fills[14],
            class_color(RiskClass::Medium),
            "15 is medium now"
        );
    }

    #[test]
    fn the_matrix_places_the_numbers_of_the_risks_in_their_cell() {
        let points: Vec<MatrixPoint> = (1..=8)
            .map(|number| MatrixPoint {
                number,
                probability: 4,
                impact: 5,
            })
            .chain(std::iter::once(MatrixPoint {
                number: 9,
                probability: 1,
                impact: 2,
            }))
            .collect();
        let svg = risk_matrix(&points, &RiskBands::default(), &text());
        assert!(svg.contains(">1 · 2 · 3</text>"));
        assert!(svg.contains(">4 · 5 · 6 +2</text>"));
        assert!(
            !svg.contains(">7"),
            "numbers beyond six are counted, not listed"
        );
        assert!(svg.contains(">9</text>"));
        assert!(svg.contains("Eintrittswahrscheinlichkeit →"));
    }

    fn rows() -> Vec<TimelineRow> {
        vec![
            TimelineRow {
                label: "Initialisierung".into(),
                span: Some((day("2027-01-01"), day("2027-01-31"))),
                percent: Some(100),
            },
            TimelineRow {
                label: "Konzeption".into(),
                span: Some((day("2027-02-01"), day("2027-03-31"))),
                percent: Some(50),
            },
            TimelineRow {
                label: "Verstetigung".into(),
                span: None,
                percent: None,
            },
        ]
    }

    fn draw(today: Day) -> String {
        timeline(
            &rows(),
            (day("2027-01-01"), day("2027-03-31")),
            today,
            &TimelineText {
                today: "heute".into(),
                no_dates: "noch ohne Termine".into(),
                month: &|d: Day| format!("{:02}.{}", d.month(), d.year()),
                percent: &|p| format!("{p} %"),
            },
        )
    }

    /// The `x` and `width` of the rectangles after the background.
    fn bars(svg: &str) -> Vec<(i32, i32)> {
        svg.split("<rect ")
            .skip(2)
            .map(|r| {
                let attr = |name: &str| -> i32 {
                    r.split(&format!("{name}=\""))
                        .nth(1)
                        .unwrap()
                        .split('"')
                        .next()
                        .unwrap()
                        .parse()
                        .unwrap()
                };
                (attr("x"), attr("width"))
            })
            .collect()
    }

    #[test]
    fn the_timeline_draws_each_phase_from_start_to_end_with_its_part_done() {
        let svg = draw(day("2027-02-15"));
        let bars = bars(&svg);
        // Initialisierung: bar and full fill; Konzeption: bar and half fill.
        assert_eq!(bars.len(), 4);
        assert_eq!(bars[0], bars[1], "100 % fills the whole bar");
        assert_eq!(bars[0].0, LABEL_W);
        assert_eq!(
            bars[2].0,
            bars[0].0 + bars[0].1,
            "the phases follow each other"
        );
        assert_eq!(bars[3].1, (f64::from(bars[2].1) / 2.0).round() as i32);
        assert_eq!(
            bars[2].0 + bars[2].1,
            WIDTH - RIGHT,
            "the last phase ends at the right"
        );
        assert!(svg.contains(">50 %</text>"));
        assert!(svg.contains(">noch ohne Termine</text>"));
        assert!(svg.contains(">01.2027</text>") && svg.contains(">03.2027</text>"));
        assert!(svg.contains(">heute</text>"));
        // Today outside the span draws no line.
        assert!(!draw(day("2027-05-01")).contains(">heute</text>"));
    }
}
