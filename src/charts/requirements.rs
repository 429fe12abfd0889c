//! The importance–performance grid of a requirements analysis (Martilla &
//! James): importance upwards, our performance to the right, both 1–5, the
//! four fields named. Each requirement is a numbered dot; the page lists
//! the numbers with the requirements, so long texts never overlap.

use super::svg::{Anchor, Svg};
use crate::domain::potentials::requirements::{HIGH, SCALE_MAX};

/// One requirement on the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridPoint {
    /// The requirement's number in the list.
    pub number: usize,
    pub importance: u8,
    pub ours: u8,
    /// A competitor is ahead here (drawn in the warning colour).
    pub flagged: bool,
}

/// The words of the grid, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct GridText {
    /// Concentrate here, keep up the good work, low priority, possible
    /// overkill (the order of `Quadrant::ALL`).
    pub quadrants: [String; 4],
    pub importance: String,
    pub performance: String,
}

const LEFT: i32 = 40;
const TOP: i32 = 34;
const BAND_W: i32 = 80;
const BAND_H: i32 = 60;
/// Dots one band shows before it says "+n".
const PER_BAND: usize = 6;

/// The grid as an SVG document.
pub fn ipa_grid(points: &[GridPoint], text: &GridText) -> String {
    let bands = i32::from(SCALE_MAX);
    let (width, height) = (LEFT + bands * BAND_W + 12, TOP + bands * BAND_H + 40);
    let mut svg = Svg::new(width, height);
    // Band index of a value: 1 → 0 … 5 → 4; importance counts from the top.
    let column = |v: u8| i32::from(v.clamp(1, SCALE_MAX)) - 1;
    let row = |v: u8| bands - i32::from(v.clamp(1, SCALE_MAX));
    let split_x = LEFT + column(HIGH) * BAND_W;
    let split_y = TOP + (row(HIGH) + 1) * BAND_H;
    let right = LEFT + bands * BAND_W;
    let bottom = TOP + bands * BAND_H;
    // The four fields: (x, y, w, h, fill, name, name at the top?).
    let fields = [
        (LEFT, TOP, split_x - LEFT, split_y - TOP, "#fde2e1", 0, true),
        (
            split_x,
            TOP,
            right - split_x,
            split_y - TOP,
            "#dcf2e3",
            1,
            true,
        ),
        (
            LEFT,
            split_y,
            split_x - LEFT,
            bottom - split_y,
            "#eef0f3",
            2,
            false,
        ),
        (
            split_x,
            split_y,
            right - split_x,
            bottom - split_y,
            "#fdf3d4",
            3,
            false,
        ),
    ];
    for (x, y, w, h, fill, name, at_top) in fields {
        svg.rect(x, y, w, h, fill, Some("#9aa3ad"));
        let label_y = if at_top { y + 4 } else { y + h - 16 };
        svg.text(
            (x + w / 2, label_y),
            12,
            "#3d4652",
            Anchor::Middle,
            false,
            &text.quadrants[name],
        );
    }
    for v in 1..=SCALE_MAX {
        let label = v.to_string();
        let x = LEFT + column(v) * BAND_W + BAND_W / 2;
        svg.text(
            (x, bottom + 6),
            12,
            "#3d4652",
            Anchor::Middle,
            false,
            &label,
        );
        let y = TOP + row(v) * BAND_H + BAND_H / 2;
        svg.text((LEFT - 8, y), 12, "#3d4652", Anchor::End, true, &label);
    }
    svg.text(
        (LEFT, 10),
        13,
        "#1f2933",
        Anchor::Start,
        false,
        &format!("↑ {}", text.importance),
    );
    svg.text(
        (right, bottom + 22),
        13,
        "#1f2933",
        Anchor::End,
        false,
        &format!("{} →", text.performance),
    );
    // Dots, several per band side by side.
    let mut bands_used: Vec<((i32, i32), Vec<&GridPoint>)> = Vec::new();
    for point in points {
        let key = (column(point.ours), row(point.importance));
        match bands_used.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(point),
            None => bands_used.push((key, vec![point])),
        }
    }
    for ((col, row), list) in bands_used {
        let (cx, cy) = (
            LEFT + col * BAND_W + BAND_W / 2,
            TOP + row * BAND_H + BAND_H / 2 + 6,
        );
        let shown = if list.len() > PER_BAND {
            PER_BAND - 1
        } else {
            list.len()
        };
        for (i, point) in list.iter().take(shown).enumerate() {
            let (dx, dy) = slot(i);
            let fill = if point.flagged { "#b42318" } else { "#1d4f91" };
            svg.circle((cx + dx, cy + dy), 10, fill, "white");
            svg.text(
                (cx + dx, cy + dy),
                10,
                "white",
                Anchor::Middle,
                true,
                &point.number.to_string(),
            );
        }
        if shown < list.len() {
            let (dx, dy) = slot(shown);
            svg.text(
                (cx + dx, cy + dy),
                11,
                "#1f2933",
                Anchor::Middle,
                true,
                &format!("+{}", list.len() - shown),
            );
        }
    }
    svg.finish()
}

/// Where the `i`-th dot of a band sits, from the band's centre.
fn slot(i: usize) -> (i32, i32) {
    const X: [i32; 3] = [-23, 0, 23];
    const Y: [i32; 2] = [-11, 11];
    (X[i % 3], Y[(i / 3) % 2])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg_texts;

    fn text() -> GridText {
        GridText {
            quadrants: [
                "Hier ansetzen".into(),
                "Weiter so".into(),
                "Geringe Priorität".into(),
                "Mögliche Übererfüllung".into(),
            ],
            importance: "Wichtigkeit".into(),
            performance: "Unsere Leistung".into(),
        }
    }

    fn point(number: usize, importance: u8, ours: u8) -> GridPoint {
        GridPoint {
            number,
            importance,
            ours,
            flagged: false,
        }
    }

    #[test]
    fn the_grid_names_all_four_fields_and_numbers_every_point() {
        let svg = ipa_grid(&[point(1, 5, 2), point(2, 1, 5)], &text());
        let texts = svg_texts(&svg);
        for name in text().quadrants {
            assert!(texts.contains(&name), "{name} missing");
        }
        assert!(texts.contains(&"1".to_string()) && texts.contains(&"2".to_string()));
        assert_eq!(svg.matches("<circle").count(), 2);
    }

    #[test]
    fn an_important_weak_requirement_lands_in_the_top_left_field() {
        let svg = ipa_grid(&[point(7, 5, 1)], &text());
        let circle = svg.split("<circle").nth(1).unwrap();
        let cx: i32 = attr(circle, "cx");
        let cy: i32 = attr(circle, "cy");
        // Left of the split at performance 4, above the split at importance 4.
        assert!(cx < LEFT + 3 * BAND_W && cy < TOP + 2 * BAND_H);
    }

    #[test]
    fn a_crowded_band_shows_how_many_more() {
        let points: Vec<GridPoint> = (1..=9).map(|n| point(n, 3, 3)).collect();
        let svg = ipa_grid(&points, &text());
        assert_eq!(svg.matches("<circle").count(), PER_BAND - 1);
        assert!(svg_texts(&svg).contains(&"+4".to_string()));
    }

    fn attr(element: &str, name: &str) -> i32 {
        let start = element.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = element[start..].find('"').unwrap() + start;
        element[start..end].parse().unwrap()
    }
}
