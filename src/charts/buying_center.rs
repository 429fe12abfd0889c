//! The two pictures of a Buying Center: the influence × attitude map and
//! the org chart.
//!
//! Both are boxes, lines and text on a whole-pixel grid, written straight
//! as SVG ([`Svg`]) rather than through plotters: on the Buying Center's
//! page, plotters and the float formatting it brings cost 29 KB gzip, more
//! than the page had left of its budget (docs/PERFORMANCE.md).

use super::shorten;
use super::svg::{Anchor, Svg};
use crate::domain::potentials::buying_center::HIGH_INFLUENCE;
use std::fmt::Write;

/// One person on the map: influence 1–5, attitude −2…+2 or unknown.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPerson {
    pub label: String,
    pub influence: u8,
    pub attitude: Option<i8>,
}

/// Texts of the map, already translated. Quadrants in the order
/// top-left (win over), top-right (manage closely), bottom-left
/// (monitor), bottom-right (keep informed).
pub struct MapText {
    pub x_axis: String,
    pub y_axis: String,
    pub unknown: String,
    pub quadrants: [String; 4],
    /// "+3 more" for a cell with more persons than fit.
    pub more: Box<dyn Fn(usize) -> String>,
}

const MAP_NAMES_PER_CELL: usize = 3;
const MAP_NAME_CHARS: usize = 17;
const SUPPORT: &str = "#e8f3ea";
const RISK: &str = "#fbeae7";
const INFORM: &str = "#e9f0f8";
const WATCH: &str = "#f3f4f6";
const SUPPORTER: &str = "#1e6b3a";
const OPPONENT: &str = "#9b1c1c";
const UNKNOWN: &str = "#a15c00";
const INK: &str = "#1b2430";
const MUTED: &str = "#5a6472";
const GRID: &str = "#d5dbe3";

/// The column of an attitude: 0 for unknown, then −2 … +2.
fn column(attitude: Option<i8>) -> usize {
    match attitude {
        None => 0,
        Some(a) => (a.clamp(-2, 2) + 3) as usize,
    }
}

/// The influence × attitude map as a grid of cells, each listing the
/// persons who stand there (at most three names, then "+n more"). The
/// upper rows are high influence (from [`HIGH_INFLUENCE`]), the right
/// columns positive attitude; "unknown" is a column of its own at the left,
/// on the side that still has to be won.
pub fn influence_map(persons: &[MapPerson], text: &MapText) -> String {
    let (cols, rows) = (6i32, 5i32);
    let (cell_w, cell_h) = (118i32, 66i32);
    let (left, top) = (64i32, 30i32);
    let (plot_w, plot_h) = (cell_w * cols, cell_h * rows);
    let (width, height) = (left + plot_w + 12, top + plot_h + 70);
    let mut cells: Vec<Vec<&str>> = vec![Vec::new(); (cols * rows) as usize];
    for p in persons {
        let row = 5 - i32::from(p.influence.clamp(1, 5));
        cells[(row * cols) as usize + column(p.attitude)].push(&p.label);
    }
    let split_row = 5 - i32::from(HIGH_INFLUENCE) + 1;
    let split_col = 4;
    let mut svg = Svg::new(width, height);
    for row in 0..rows {
        for col in 0..cols {
            let tint = match (row < split_row, col >= split_col) {
                (true, true) => SUPPORT,
                (true, false) => RISK,
                (false, true) => INFORM,
                (false, false) => WATCH,
            };
            let (x0, y0) = (left + cell_w * col, top + cell_h * row);
            svg.rect(x0, y0, cell_w, cell_h, tint, Some(GRID));
            let names = &cells[(row * cols + col) as usize];
            let shown = if names.len() > MAP_NAMES_PER_CELL {
                MAP_NAMES_PER_CELL - 1
            } else {
                names.len()
            };
            for (k, name) in names.iter().take(shown).enumerate() {
                let y = y0 + 6 + 19 * k as i32;
                svg.text(
                    (x0 + 6, y),
                    12,
                    INK,
                    Anchor::Start,
                    false,
                    &shorten(name, MAP_NAME_CHARS),
                );
            }
            if names.len() > shown {
                let y = y0 + 6 + 19 * shown as i32;
                svg.text(
                    (x0 + 6, y),
                    12,
                    MUTED,
                    Anchor::Start,
                    false,
                    &(text.more)(names.len() - shown),
                );
            }
        }
    }
    // The quadrant borders.
    let (sx, sy) = (left + cell_w * split_col, top + cell_h * split_row);
    svg.line(&[(sx, top), (sx, top + plot_h)], INK, 2);
    svg.line(&[(left, sy), (left + plot_w, sy)], INK, 2);
    // Quadrant names: the upper two above the grid, the lower two below.
    let [win, manage, monitor, inform] = &text.quadrants;
    svg.text(
        (left + 4, top - 22),
        14,
        OPPONENT,
        Anchor::Start,
        false,
        win,
    );
    svg.text(
        (left + plot_w - 4, top - 22),
        14,
        SUPPORTER,
        Anchor::End,
        false,
        manage,
    );
    svg.text(
        (left + 4, top + plot_h + 6),
        14,
        MUTED,
        Anchor::Start,
        false,
        monitor,
    );
    svg.text(
        (left + plot_w - 4, top + plot_h + 6),
        14,
        MUTED,
        Anchor::End,
        false,
        inform,
    );
    let ticks = [text.unknown.as_str(), "−2", "−1", "0", "+1", "+2"];
    for (col, tick) in ticks.into_iter().enumerate() {
        let x = left + cell_w * col as i32 + cell_w / 2;
        svg.text(
            (x, top + plot_h + 28),
            12,
            MUTED,
            Anchor::Middle,
            false,
            tick,
        );
    }
    for row in 0..rows {
        let y = top + cell_h * row + cell_h / 2;
        svg.text(
            (left - 8, y),
            12,
            MUTED,
            Anchor::End,
            true,
            &(5 - row).to_string(),
        );
    }
    svg.text(
        (left + plot_w / 2, height - 20),
        13,
        INK,
        Anchor::Middle,
        false,
        &text.x_axis,
    );
    let _ = write!(
        svg.0,
        r#"<g transform="translate(16 {}) rotate(-90)">"#,
        top + plot_h / 2
    );
    svg.text((0, 0), 13, INK, Anchor::Middle, true, &text.y_axis);
    svg.0.push_str("</g>");
    svg.finish()
}

/// One box of the org chart, in the order of
/// [`crate::domain::potentials::buying_center::org_order`].
#[derive(Debug, Clone, PartialEq)]
pub struct OrgNode {
    pub name: String,
    pub function: String,
    pub depth: usize,
    /// The index (in the same list) of the person's superior.
    pub superior: Option<usize>,
    pub attitude: Option<i8>,
}

const ORG_BOX_W: i32 = 280;
const ORG_BOX_H: i32 = 42;
const ORG_ROW: i32 = 52;
const ORG_INDENT: i32 = 34;

/// The org chart as an indented tree: each person a box, their team below
/// and indented, joined by lines. A coloured bar at the left of each box
/// shows the attitude (green supports, red opposes, grey neutral, amber
/// unknown). Grows downwards, so that sixty persons still print legibly.
pub fn org_chart(nodes: &[OrgNode]) -> (String, f64, f64) {
    let depth = nodes.iter().map(|n| n.depth).max().unwrap_or(0) as i32;
    let width = 8 + depth * ORG_INDENT + ORG_BOX_W + 8;
    let height = (8 + ORG_ROW * nodes.len() as i32).max(ORG_ROW);
    let x_of = |n: &OrgNode| 8 + n.depth as i32 * ORG_INDENT;
    let y_of = |i: usize| 8 + ORG_ROW * i as i32;
    let mut svg = Svg::new(width, height);
    for (i, node) in nodes.iter().enumerate() {
        if let Some(s) = node.superior.filter(|s| *s < nodes.len()) {
            let sx = x_of(&nodes[s]) + 14;
            let mid = y_of(i) + ORG_BOX_H / 2;
            svg.line(
                &[(sx, y_of(s) + ORG_BOX_H), (sx, mid), (x_of(node), mid)],
                MUTED,
                1,
            );
        }
    }
    for (i, node) in nodes.iter().enumerate() {
        let (x, y) = (x_of(node), y_of(i));
        svg.rect(x, y, ORG_BOX_W, ORG_BOX_H, "white", Some(GRID));
        let bar = match node.attitude {
            Some(a) if a > 0 => SUPPORTER,
            Some(a) if a < 0 => OPPONENT,
            Some(_) => MUTED,
            None => UNKNOWN,
        };
        svg.rect(x, y, 5, ORG_BOX_H, bar, None);
        svg.text(
            (x + 12, y + 6),
            13,
            INK,
            Anchor::Start,
            false,
            &shorten(&node.name, 34),
        );
        svg.text(
            (x + 12, y + 24),
            11,
            MUTED,
            Anchor::Start,
            false,
            &shorten(&node.function, 38),
        );
    }
    (svg.finish(), f64::from(width), f64::from(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> MapText {
        MapText {
            x_axis: "Haltung zu uns".into(),
            y_axis: "Einfluss".into(),
            unknown: "unbekannt".into(),
            quadrants: [
                "Gewinnen".into(),
                "Eng einbinden".into(),
                "Beobachten".into(),
                "Informiert halten".into(),
            ],
            more: Box::new(|n| format!("+{n} weitere")),
        }
    }

    fn person(label: &str, influence: u8, attitude: Option<i8>) -> MapPerson {
        MapPerson {
            label: label.into(),
            influence,
            attitude,
        }
    }

    #[test]
    fn the_map_names_each_person_and_every_quadrant() {
        let svg = influence_map(
            &[
                person("Dr. Anna Berg", 5, Some(2)),
                person("Tom Kurz", 2, None),
            ],
            &text(),
        );
        for label in [
            "Dr. Anna Berg",
            "Tom Kurz",
            "Gewinnen",
            "Eng einbinden",
            "Beobachten",
            "Informiert halten",
            "unbekannt",
            "−2",
            "+2",
        ] {
            assert!(svg.contains(label), "{label}");
        }
    }

    #[test]
    fn names_are_escaped_as_text() {
        let svg = influence_map(&[person("A<b>&\"c\"", 5, Some(2))], &text());
        assert!(svg.contains("A&lt;b&gt;&amp;&quot;c&quot;"));
        assert!(!svg.contains("<b>"));
    }

    #[test]
    fn a_full_cell_shows_two_names_and_how_many_more() {
        let crowd: Vec<MapPerson> = (0..5)
            .map(|i| person(&format!("Person {i}"), 3, Some(0)))
            .collect();
        let svg = influence_map(&crowd, &text());
        assert!(svg.contains("Person 0") && svg.contains("Person 1"));
        assert!(!svg.contains("Person 2"));
        assert!(svg.contains("+3 weitere"));
    }

    #[test]
    fn the_org_chart_draws_a_box_per_person_and_a_line_per_superior() {
        let nodes = vec![
            OrgNode {
                name: "Dr. Anna Berg".into(),
                function: "Geschäftsführerin".into(),
                depth: 0,
                superior: None,
                attitude: Some(1),
            },
            OrgNode {
                name: "Tom Kurz".into(),
                function: "Einkauf".into(),
                depth: 1,
                superior: Some(0),
                attitude: None,
            },
            OrgNode {
                name: "Lea Roth".into(),
                function: "Technik".into(),
                depth: 1,
                superior: Some(0),
                attitude: Some(-1),
            },
        ];
        let (svg, width, height) = org_chart(&nodes);
        assert!(svg.contains("Geschäftsführerin") && svg.contains("Lea Roth"));
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(width >= f64::from(ORG_BOX_W + ORG_INDENT) && height >= f64::from(3 * ORG_ROW));
        // Sixty persons in one chain stay one box wide per level.
        let chain: Vec<OrgNode> = (0..60)
            .map(|i| OrgNode {
                name: format!("P{i}"),
                function: String::new(),
                depth: i.min(6),
                superior: i.checked_sub(1),
                attitude: None,
            })
            .collect();
        let (_, w, h) = org_chart(&chain);
        assert!(w < 600.0 && h > f64::from(60 * ORG_ROW));
    }
}
