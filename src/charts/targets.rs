//! Charts of the target customer selection: the Pareto chart of the ABC
//! analysis and the customer portfolio.

use super::{font, GRID, INK, MUTED};
use crate::domain::targets::abc::AbcAnalysis;
use crate::domain::targets::{AbcClass, Analysis, CutOffs, TargetSelection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const CLASS_A: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
const CLASS_B: RGBColor = RGBColor(0x4f, 0x8a, 0xc0);
const CLASS_C: RGBColor = RGBColor(0xa9, 0xc4, 0xde);
const LINE: RGBColor = RGBColor(0xc2, 0x6a, 0x00);
const CUT: RGBColor = RGBColor(0x9b, 0x1c, 0x1c);

fn class_color(class: AbcClass) -> RGBColor {
    match class {
        AbcClass::A => CLASS_A,
        AbcClass::B => CLASS_B,
        AbcClass::C => CLASS_C,
    }
}

/// Texts of the Pareto chart, already translated.
pub struct ParetoText {
    /// Under the x axis, e.g. "Kunden, nach Umsatz sortiert".
    pub x_axis: String,
    pub y_axis: String,
    /// Labels of the two cut-off lines, e.g. "A bis 80 %".
    pub cut_a: String,
    pub cut_b: String,
    /// How the language writes a percentage after the number: `" %"`
    /// (German, with a space) or `"%"` (English).
    pub percent: String,
}

/// Most bars drawn one per customer; longer lists are grouped into
/// [`PARETO_GROUPS`] equal slices of the customers.
pub const PARETO_SINGLE_BARS: usize = 60;
pub const PARETO_GROUPS: usize = 50;

/// One bar of the Pareto chart: share of the measure (percent), cumulative
/// share at its end, and the class of its last customer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParetoBar {
    pub share: f64,
    pub cumulative: f64,
    pub class: AbcClass,
}

/// Groups sorted rows `(share, cumulative, class)` into at most
/// [`PARETO_GROUPS`] bars when there are more than [`PARETO_SINGLE_BARS`].
pub fn pareto_bars(rows: &[(f64, f64, AbcClass)]) -> Vec<ParetoBar> {
    let n = rows.len();
    if n <= PARETO_SINGLE_BARS {
        return rows
            .iter()
            .map(|&(share, cumulative, class)| ParetoBar {
                share,
                cumulative,
                class,
            })
            .collect();
    }
    (0..PARETO_GROUPS)
        .filter_map(|g| {
            let start = g * n / PARETO_GROUPS;
            let end = (g + 1) * n / PARETO_GROUPS;
            let slice = &rows[start..end];
            let last = slice.last()?;
            Some(ParetoBar {
                share: slice.iter().map(|r| r.0).sum(),
                cumulative: last.1,
                class: slice.first()?.2,
            })
        })
        .collect()
}

/// The Pareto chart of an ABC analysis: its sorted rows as bars (grouped
/// for long lists), the cumulative line and the lines at `cut_offs`.
pub fn pareto_of(abc: &AbcAnalysis, cut_offs: CutOffs, text: &ParetoText) -> String {
    let rows: Vec<(f64, f64, AbcClass)> = abc
        .rows
        .iter()
        .map(|r| (r.share, r.cumulative, r.class))
        .collect();
    pareto(
        &pareto_bars(&rows),
        rows.len(),
        cut_offs.a,
        cut_offs.b,
        text,
    )
}

/// The Pareto chart: bars (share per customer or per slice of customers,
/// coloured by class), the cumulative line and the two cut-off lines.
pub fn pareto(
    bars: &[ParetoBar],
    customers: usize,
    cut_a: f64,
    cut_b: f64,
    text: &ParetoText,
) -> String {
    let (width, height) = (760u32, 380u32);
    let (left, right, top, bottom) = (56i32, 20i32, 16i32, 52i32);
    let plot_w = width as i32 - left - right;
    let plot_h = height as i32 - top - bottom;
    let y_of =
        |pct: f64| top + plot_h - (plot_h as f64 * pct.clamp(0.0, 100.0) / 100.0).round() as i32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        for tick in [0.0, 20.0, 40.0, 60.0, 80.0, 100.0] {
            let y = y_of(tick);
            let _ = root.draw(&PathElement::new(
                vec![(left, y), (left + plot_w, y)],
                GRID.stroke_width(1),
            ));
            let _ = root.draw(&Text::new(
                format!("{tick:.0}{}", text.percent),
                (left - 6, y),
                font(12.0, &MUTED, HPos::Right, VPos::Center),
            ));
        }
        let n = bars.len().max(1);
        let slot = plot_w as f64 / n as f64;
        let gap = if slot > 6.0 { 2.0 } else { 0.5 };
        for (i, bar) in bars.iter().enumerate() {
            let x0 = left + (i as f64 * slot + gap / 2.0).round() as i32;
            let x1 = left + ((i + 1) as f64 * slot - gap / 2.0).round() as i32;
            let _ = root.draw(&Rectangle::new(
                [(x0, y_of(bar.share)), (x1.max(x0 + 1), y_of(0.0))],
                class_color(bar.class).filled(),
            ));
        }
        let points: Vec<(i32, i32)> = std::iter::once((left, y_of(0.0)))
            .chain(bars.iter().enumerate().map(|(i, bar)| {
                (
                    left + ((i + 1) as f64 * slot).round() as i32,
                    y_of(bar.cumulative),
                )
            }))
            .collect();
        let _ = root.draw(&PathElement::new(points.clone(), LINE.stroke_width(3)));
        if bars.len() <= PARETO_SINGLE_BARS {
            for p in points.iter().skip(1) {
                let _ = root.draw(&Circle::new(*p, 3, LINE.filled()));
            }
        }
        for (cut, label) in [(cut_a, &text.cut_a), (cut_b, &text.cut_b)] {
            let y = y_of(cut);
            let mut x = left;
            while x < left + plot_w {
                let _ = root.draw(&PathElement::new(
                    vec![(x, y), ((x + 8).min(left + plot_w), y)],
                    CUT.stroke_width(2),
                ));
                x += 14;
            }
            let _ = root.draw(&Text::new(
                label.clone(),
                (left + plot_w - 4, y + 4),
                font(13.0, &CUT, HPos::Right, VPos::Top),
            ));
        }
        // x ticks: customer positions, or percent of customers when grouped.
        let ticks: Vec<(f64, String)> = if bars.len() <= PARETO_SINGLE_BARS {
            let step = ((bars.len() as f64 / 10.0).ceil() as usize).max(1);
            (1..=bars.len())
                .filter(|k| *k == 1 || k % step == 0)
                .map(|k| ((k as f64 - 0.5) * slot, k.to_string()))
                .collect()
        } else {
            (0..=5)
                .map(|k| {
                    let pct = k as f64 * 20.0;
                    (
                        plot_w as f64 * pct / 100.0,
                        format!("{pct:.0}{}", text.percent),
                    )
                })
                .collect()
        };
        for (x, label) in ticks {
            let _ = root.draw(&Text::new(
                label,
                (left + x.round() as i32, top + plot_h + 6),
                font(12.0, &MUTED, HPos::Center, VPos::Top),
            ));
        }
        let _ = root.draw(&Text::new(
            format!("{} (n = {customers})", text.x_axis),
            (left + plot_w / 2, height as i32 - 6),
            font(13.0, &INK, HPos::Center, VPos::Bottom),
        ));
        let _ = root.draw(&Text::new(
            text.y_axis.clone(),
            (left, 2),
            font(13.0, &INK, HPos::Left, VPos::Top),
        ));
        let _ = root.present();
    }
    svg
}

/// One customer on the portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct Bubble {
    pub label: String,
    /// Supplier position (x) and attractiveness (y), on the grade scale.
    pub position: f64,
    pub attractiveness: f64,
    /// Revenue; sizes the bubble.
    pub size: f64,
    pub highlighted: bool,
}

/// Texts of the portfolio, already translated. Quadrants in the order
/// top-left, top-right, bottom-left, bottom-right.
pub struct PortfolioText {
    pub x_axis: String,
    pub y_axis: String,
    pub quadrants: [String; 4],
}

/// Where a bubble and its label ended up, in SVG pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub cx: f64,
    pub cy: f64,
    pub r: f64,
    /// The label's box `(x0, y0, x1, y1)`, or `None` when it did not fit
    /// anywhere without covering another label.
    pub label: Option<(f64, f64, f64, f64)>,
}

/// The portfolio as SVG plus the layout, for hit-testing clicks.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioChart {
    pub svg: String,
    pub width: f64,
    pub height: f64,
    pub placed: Vec<Placed>,
}

impl PortfolioChart {
    /// The bubble under an SVG point: the smallest one containing it
    /// (small bubbles lie on top), within a few pixels of tolerance.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        self.placed
            .iter()
            .enumerate()
            .filter(|(_, p)| (p.cx - x).hypot(p.cy - y) <= p.r + 4.0)
            .min_by(|a, b| a.1.r.total_cmp(&b.1.r))
            .map(|(i, _)| i)
    }

    pub fn hidden_labels(&self) -> usize {
        self.placed.iter().filter(|p| p.label.is_none()).count()
    }
}

const LABEL_PX: f64 = 12.0;
const LABEL_MAX_CHARS: usize = 22;

fn short(label: &str) -> String {
    super::shorten(label, LABEL_MAX_CHARS)
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The customer portfolio: attractiveness (y) against our supplier
/// position (x), split into four named fields; bubble area ∝ revenue.
/// Labels are placed greedily (largest customers first) right, left, above
/// or below their bubble; a label that would cover another is left out and
/// counted in [`PortfolioChart::hidden_labels`].
pub fn portfolio(
    bubbles: &[Bubble],
    scale: (f64, f64),
    split: (f64, f64),
    text: &PortfolioText,
) -> PortfolioChart {
    let (width, height) = (760.0f64, 560.0f64);
    let (left, right, top, bottom) = (64.0, 24.0, 16.0, 56.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let span = (scale.1 - scale.0).max(f64::EPSILON);
    let x_of = |v: f64| left + plot_w * ((v - scale.0) / span).clamp(0.0, 1.0);
    let y_of = |v: f64| top + plot_h - plot_h * ((v - scale.0) / span).clamp(0.0, 1.0);
    let max_size = bubbles
        .iter()
        .map(|b| b.size)
        .filter(|s| s.is_finite())
        .fold(0.0f64, f64::max);
    let mut placed: Vec<Placed> = bubbles
        .iter()
        .map(|b| {
            let r = if max_size > 0.0 && b.size > 0.0 {
                5.0 + 25.0 * (b.size / max_size).sqrt()
            } else {
                5.0
            };
            Placed {
                cx: x_of(b.position),
                cy: y_of(b.attractiveness),
                r,
                label: None,
            }
        })
        .collect();
    let labels: Vec<String> = bubbles.iter().map(|b| short(&b.label)).collect();
    // Label placement, largest bubbles first.
    let mut order: Vec<usize> = (0..bubbles.len()).collect();
    order.sort_by(|&a, &b| placed[b].r.total_cmp(&placed[a].r).then(a.cmp(&b)));
    let mut boxes: Vec<(f64, f64, f64, f64)> = Vec::new();
    for &i in &order {
        let p = placed[i];
        let w = labels[i].chars().count() as f64 * LABEL_PX * 0.58 + 4.0;
        let h = LABEL_PX + 4.0;
        let candidates = [
            (p.cx + p.r + 3.0, p.cy - h / 2.0),
            (p.cx - p.r - 3.0 - w, p.cy - h / 2.0),
            (p.cx - w / 2.0, p.cy - p.r - 2.0 - h),
            (p.cx - w / 2.0, p.cy + p.r + 2.0),
        ];
        let fits = |b: (f64, f64, f64, f64)| {
            b.0 >= left
                && b.2 <= left + plot_w
                && b.1 >= top
                && b.3 <= top + plot_h
                && boxes.iter().all(|o| !overlaps(*o, b))
        };
        // Prefer a spot that covers no other bubble; else any free spot.
        let covers_bubble = |b: (f64, f64, f64, f64)| {
            placed.iter().enumerate().any(|(j, o)| {
                j != i && {
                    let nx = o.cx.clamp(b.0, b.2);
                    let ny = o.cy.clamp(b.1, b.3);
                    (o.cx - nx).hypot(o.cy - ny) < o.r
                }
            })
        };
        let free: Vec<_> = candidates
            .iter()
            .map(|&(x, y)| (x, y, x + w, y + h))
            .filter(|b| fits(*b))
            .collect();
        if let Some(&b) = free.iter().find(|b| !covers_bubble(**b)).or(free.first()) {
            boxes.push(b);
            placed[i].label = Some(b);
        }
    }

    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (width as u32, height as u32)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let px = |v: f64| v.round() as i32;
        let (sx, sy) = (x_of(split.0), y_of(split.1));
        let tints = [
            (left, top, sx, sy, RGBColor(0xfd, 0xf6, 0xe3)),
            (sx, top, left + plot_w, sy, RGBColor(0xe8, 0xf3, 0xea)),
            (left, sy, sx, top + plot_h, RGBColor(0xf3, 0xf4, 0xf6)),
            (
                sx,
                sy,
                left + plot_w,
                top + plot_h,
                RGBColor(0xe9, 0xf0, 0xf8),
            ),
        ];
        for (x0, y0, x1, y1, color) in tints {
            let _ = root.draw(&Rectangle::new(
                [(px(x0), px(y0)), (px(x1), px(y1))],
                color.filled(),
            ));
        }
        let _ = root.draw(&Rectangle::new(
            [(px(left), px(top)), (px(left + plot_w), px(top + plot_h))],
            GRID.stroke_width(1),
        ));
        let _ = root.draw(&PathElement::new(
            vec![(px(sx), px(top)), (px(sx), px(top + plot_h))],
            MUTED.stroke_width(1),
        ));
        let _ = root.draw(&PathElement::new(
            vec![(px(left), px(sy)), (px(left + plot_w), px(sy))],
            MUTED.stroke_width(1),
        ));
        let corners = [
            (left + 8.0, top + 6.0, HPos::Left, VPos::Top),
            (left + plot_w - 8.0, top + 6.0, HPos::Right, VPos::Top),
            (left + 8.0, top + plot_h - 6.0, HPos::Left, VPos::Bottom),
            (
                left + plot_w - 8.0,
                top + plot_h - 6.0,
                HPos::Right,
                VPos::Bottom,
            ),
        ];
        for ((x, y, h, v), name) in corners.into_iter().zip(&text.quadrants) {
            let _ = root.draw(&Text::new(
                name.clone(),
                (px(x), px(y)),
                font(14.0, &MUTED, h, v),
            ));
        }
        let steps = (span.round() as i32).max(1);
        for k in 0..=steps {
            let v = scale.0 + span * k as f64 / steps as f64;
            let _ = root.draw(&Text::new(
                format!("{v:.0}"),
                (px(x_of(v)), px(top + plot_h + 6.0)),
                font(12.0, &MUTED, HPos::Center, VPos::Top),
            ));
            let _ = root.draw(&Text::new(
                format!("{v:.0}"),
                (px(left - 8.0), px(y_of(v))),
                font(12.0, &MUTED, HPos::Right, VPos::Center),
            ));
        }
        let _ = root.draw(&Text::new(
            text.x_axis.clone(),
            (px(left + plot_w / 2.0), px(height - 6.0)),
            font(13.0, &INK, HPos::Center, VPos::Bottom),
        ));
        let _ = root.draw(&Text::new(
            text.y_axis.clone(),
            (4, px(top + plot_h / 2.0)),
            font(13.0, &INK, HPos::Left, VPos::Center).transform(FontTransform::Rotate270),
        ));
        // Big bubbles first, so that small ones stay visible on top.
        for &i in &order {
            let p = placed[i];
            let color = if bubbles[i].highlighted {
                LINE
            } else {
                CLASS_A
            };
            let _ = root.draw(&Circle::new(
                (px(p.cx), px(p.cy)),
                px(p.r),
                color.mix(0.35).filled(),
            ));
            let _ = root.draw(&Circle::new(
                (px(p.cx), px(p.cy)),
                px(p.r),
                color.stroke_width(if bubbles[i].highlighted { 3 } else { 1 }),
            ));
        }
        for (i, p) in placed.iter().enumerate() {
            if let Some(b) = p.label {
                let _ = root.draw(&Text::new(
                    labels[i].clone(),
                    (px(b.0 + 2.0), px((b.1 + b.3) / 2.0)),
                    font(LABEL_PX, &INK, HPos::Left, VPos::Center),
                ));
            }
        }
        let _ = root.present();
    }
    PortfolioChart {
        svg,
        width,
        height,
        placed,
    }
}

/// The portfolio of an analysis: a bubble for each customer in `drawn`
/// (list indexes, see `domain::targets::bubbles_drawn`), in that order, on
/// the selection's scale and split; the customer `selected` is highlighted.
pub fn portfolio_of(
    selection: &TargetSelection,
    analysis: &Analysis,
    drawn: &[usize],
    selected: Option<uuid::Uuid>,
    text: &PortfolioText,
) -> PortfolioChart {
    let bubbles: Vec<Bubble> = drawn
        .iter()
        .map(|&i| {
            let c = &selection.customers[i];
            let r = &analysis.customers[i];
            Bubble {
                label: c.name.clone(),
                position: r.position.unwrap_or_default(),
                attractiveness: r.attractiveness.unwrap_or_default(),
                size: c.revenue.unwrap_or(0.0),
                highlighted: Some(c.id) == selected,
            }
        })
        .collect();
    let split = selection.split();
    portfolio(
        &bubbles,
        (selection.scale.min(), selection.scale.max()),
        (split.position, split.attractiveness),
        text,
    )
}

#[cfg(test)]
mod tests {
    use super::super::svg_texts as texts;
    use super::*;

    fn pareto_text() -> ParetoText {
        ParetoText {
            x_axis: "Kunden".into(),
            y_axis: "Anteil".into(),
            cut_a: "A bis 80 %".into(),
            cut_b: "B bis 95 %".into(),
            percent: " %".into(),
        }
    }

    #[test]
    fn a_short_list_gets_one_bar_per_customer_and_both_cut_off_lines() {
        use AbcClass::*;
        let rows = [
            (40.0, 40.0, A),
            (25.0, 65.0, A),
            (15.0, 80.0, A),
            (20.0, 100.0, B),
        ];
        let bars = pareto_bars(&rows);
        assert_eq!(bars.len(), 4);
        let svg = pareto(&bars, 4, 80.0, 95.0, &pareto_text());
        assert_eq!(svg.matches("<rect").count(), 1 + 4, "background + bars");
        let labels = texts(&svg);
        assert!(labels.contains(&"A bis 80 %".to_string()));
        assert!(labels.contains(&"B bis 95 %".to_string()));
        assert!(labels.contains(&"Kunden (n = 4)".to_string()));
    }

    #[test]
    fn a_long_list_is_grouped_and_the_shares_still_add_up() {
        let n = 10_000;
        let rows: Vec<(f64, f64, AbcClass)> = (0..n)
            .map(|i| {
                (
                    100.0 / n as f64,
                    (i + 1) as f64 * 100.0 / n as f64,
                    AbcClass::C,
                )
            })
            .collect();
        let bars = pareto_bars(&rows);
        assert_eq!(bars.len(), PARETO_GROUPS);
        let total: f64 = bars.iter().map(|b| b.share).sum();
        assert!((total - 100.0).abs() < 1e-6);
        assert!((bars.last().unwrap().cumulative - 100.0).abs() < 1e-9);
        let svg = pareto(&bars, n, 80.0, 95.0, &pareto_text());
        assert!(
            svg.len() < 40_000,
            "a grouped chart stays small: {}",
            svg.len()
        );
    }

    #[test]
    fn the_chart_of_the_worked_abc_example_has_a_bar_per_customer() {
        // DOMAIN.md: 400, 250, 150, 80, 50, 30, 20, 10, 6, 4 k€ with 80/95.
        let values = [400.0, 250.0, 150.0, 80.0, 50.0, 30.0, 20.0, 10.0, 6.0, 4.0];
        let abc = crate::domain::targets::abc::abc_analysis(&values, CutOffs::default()).unwrap();
        let svg = pareto_of(&abc, CutOffs::default(), &pareto_text());
        assert_eq!(svg.matches("<rect").count(), 1 + 10, "background + bars");
        assert!(texts(&svg).contains(&"Kunden (n = 10)".to_string()));
    }

    fn portfolio_text() -> PortfolioText {
        PortfolioText {
            x_axis: "Lieferantenposition".into(),
            y_axis: "Attraktivität".into(),
            quadrants: ["Fragezeichen", "Stars", "Mitnahme", "Ertrag"].map(String::from),
        }
    }

    #[test]
    fn crowded_labels_never_overlap_and_hidden_ones_are_counted() {
        // 40 customers on the same few grid points: a real risk with whole grades.
        let bubbles: Vec<Bubble> = (0..40)
            .map(|i| Bubble {
                label: format!("Kunde Nummer {i} mit langem Namen GmbH"),
                position: 3.0 + (i % 3) as f64 * 0.5,
                attractiveness: 4.0 - (i % 2) as f64,
                size: 1000.0 * (i + 1) as f64,
                highlighted: false,
            })
            .collect();
        let chart = portfolio(&bubbles, (1.0, 5.0), (3.0, 3.0), &portfolio_text());
        let boxes: Vec<_> = chart.placed.iter().filter_map(|p| p.label).collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} overlaps {b:?}");
            }
        }
        assert!(chart.hidden_labels() > 0);
        assert_eq!(boxes.len() + chart.hidden_labels(), 40);
        // The biggest customer always gets its label.
        assert!(chart.placed[39].label.is_some());
        assert!(
            texts(&chart.svg).iter().any(|t| t.ends_with('…')),
            "long names are shortened"
        );
    }

    #[test]
    fn a_label_goes_where_it_covers_no_other_bubble() {
        let bubble = |label: &str, position: f64, size: f64| Bubble {
            label: label.into(),
            position,
            attractiveness: 3.0,
            size,
            highlighted: false,
        };
        // The right-hand neighbour sits where "Links" would put its label.
        let chart = portfolio(
            &[bubble("Links", 2.5, 50.0), bubble("Rechts", 2.9, 100.0)],
            (1.0, 5.0),
            (3.0, 3.0),
            &portfolio_text(),
        );
        let left = chart.placed[0];
        let label = left.label.expect("placed");
        assert!(
            label.2 <= left.cx,
            "the label of the left bubble is on its left: {label:?}"
        );
    }

    #[test]
    fn the_portfolio_of_an_analysis_draws_the_chosen_customers_in_order() {
        use crate::domain::targets::model::{Criterion, CriterionGroup, Customer};
        use crate::domain::targets::{analyse, bubbles_drawn};
        let criterion = |id: &str, group| Criterion {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            weight: 50.0,
            group,
        };
        let customer = |n: u128, name: &str, revenue: f64, a: f64, p: f64| {
            let mut c = Customer::new(uuid::Uuid::from_u128(n), name);
            c.revenue = Some(revenue);
            c.grades.insert("a".into(), a);
            c.grades.insert("p".into(), p);
            c
        };
        let selection = TargetSelection {
            criteria: vec![
                criterion("a", CriterionGroup::Attractiveness),
                criterion("p", CriterionGroup::Position),
            ],
            customers: vec![
                customer(1, "Klein", 1.0, 1.5, 1.5),
                customer(2, "Groß", 100.0, 4.5, 4.5),
            ],
            ..TargetSelection::default()
        };
        let analysis = analyse(&selection);
        let drawn = bubbles_drawn(&selection, &analysis).drawn;
        assert_eq!(drawn, [1, 0]);
        let chart = portfolio_of(
            &selection,
            &analysis,
            &drawn,
            Some(uuid::Uuid::from_u128(1)),
            &portfolio_text(),
        );
        let big = chart.placed[0];
        assert!(
            big.cx > chart.width / 2.0 && big.cy < chart.height / 2.0,
            "Groß (4.5, 4.5 on 1–5) is the first bubble, top right"
        );
        assert!(chart.placed[1].r < big.r);
        assert!(texts(&chart.svg).contains(&"Klein".to_string()));
    }

    #[test]
    fn quadrants_are_named_and_a_click_finds_the_bubble() {
        let bubbles = vec![
            Bubble {
                label: "Groß".into(),
                position: 4.5,
                attractiveness: 4.5,
                size: 100.0,
                highlighted: false,
            },
            Bubble {
                label: "Klein".into(),
                position: 1.5,
                attractiveness: 1.5,
                size: 1.0,
                highlighted: true,
            },
        ];
        let chart = portfolio(&bubbles, (1.0, 5.0), (3.0, 3.0), &portfolio_text());
        let labels = texts(&chart.svg);
        for q in [
            "Fragezeichen",
            "Stars",
            "Mitnahme",
            "Ertrag",
            "Groß",
            "Klein",
        ] {
            assert!(labels.contains(&q.to_string()), "{q} missing in {labels:?}");
        }
        let big = chart.placed[0];
        assert!(
            big.cx > chart.width / 2.0 && big.cy < chart.height / 2.0,
            "top right"
        );
        assert_eq!(chart.hit(big.cx, big.cy), Some(0));
        let small = chart.placed[1];
        assert_eq!(chart.hit(small.cx + 1.0, small.cy), Some(1));
        assert_eq!(chart.hit(chart.width / 2.0, 2.0), None);
    }
}
