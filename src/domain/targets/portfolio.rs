//! Figures of the customer portfolio (Kundenportfolio, book section 3.2):
//! how many customers and how much revenue each field holds, and which
//! customers the chart draws.
//!
//! *Choices, fixed here:*
//! - A field's revenue share counts positive revenue only, of the list's
//!   total positive revenue ([`Analysis::total_revenue`]); with no positive
//!   revenue every share is 0 %.
//! - The chart draws at most [`PORTFOLIO_MAX`] bubbles: the customers with
//!   both axes and the highest revenue (missing revenue counts as 0); equal
//!   revenue keeps list order.
//!
//! Usage:
//! ```
//! use kam_workbench::domain::targets::{analyse, portfolio, TargetSelection};
//! let selection = TargetSelection::default();
//! let analysis = analyse(&selection);
//! let shares = portfolio::quadrant_shares(&selection, &analysis);
//! assert!(shares.iter().all(|s| s.count == 0 && s.revenue_share == 0.0));
//! assert!(portfolio::bubbles_drawn(&selection, &analysis).drawn.is_empty());
//! ```

use super::analysis::{Analysis, Quadrant};
use super::model::TargetSelection;

/// Most bubbles drawn: the customers with the highest revenue.
pub const PORTFOLIO_MAX: usize = 100;

/// One field of the portfolio and what it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuadrantShare {
    pub quadrant: Quadrant,
    /// Customers in the field.
    pub count: usize,
    /// Percent of the list's total positive revenue.
    pub revenue_share: f64,
}

/// Count and revenue share of each field, in the order of [`Quadrant::ALL`].
pub fn quadrant_shares(selection: &TargetSelection, analysis: &Analysis) -> [QuadrantShare; 4] {
    let mut counts = [0usize; 4];
    let mut revenue = [0.0f64; 4];
    for (customer, result) in selection.customers.iter().zip(&analysis.customers) {
        let Some(quadrant) = result.quadrant else {
            continue;
        };
        let slot = Quadrant::ALL
            .iter()
            .position(|q| *q == quadrant)
            .unwrap_or_default();
        counts[slot] += 1;
        revenue[slot] += customer.revenue.filter(|r| *r > 0.0).unwrap_or(0.0);
    }
    let total = analysis.total_revenue;
    std::array::from_fn(|slot| QuadrantShare {
        quadrant: Quadrant::ALL[slot],
        count: counts[slot],
        revenue_share: if total > 0.0 {
            revenue[slot] / total * 100.0
        } else {
            0.0
        },
    })
}

/// The customers the portfolio chart draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BubbleChoice {
    /// List indexes, largest revenue first; at most [`PORTFOLIO_MAX`].
    pub drawn: Vec<usize>,
    /// Customers with both axes (the ones that could be drawn).
    pub with_axes: usize,
}

/// Which customers get a bubble: those with both axes, the
/// [`PORTFOLIO_MAX`] largest by revenue.
pub fn bubbles_drawn(selection: &TargetSelection, analysis: &Analysis) -> BubbleChoice {
    let customers = &selection.customers;
    let mut drawn: Vec<usize> = (0..customers.len().min(analysis.customers.len()))
        .filter(|&i| analysis.customers[i].quadrant.is_some())
        .collect();
    let with_axes = drawn.len();
    let revenue = |i: usize| customers[i].revenue.unwrap_or(0.0);
    drawn.sort_by(|&a, &b| revenue(b).total_cmp(&revenue(a)).then(a.cmp(&b)));
    drawn.truncate(PORTFOLIO_MAX);
    BubbleChoice { drawn, with_axes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::targets::analyse;
    use crate::domain::targets::model::{Criterion, CriterionGroup, Customer, PortfolioSplit};
    use uuid::Uuid;

    /// Revenue and the two grades (attractiveness, position) of a test customer.
    type Row = (Option<f64>, Option<(f64, f64)>);

    /// One attractiveness and one position criterion on the 1–5 scale, split at 3.
    fn selection(customers: &[Row]) -> TargetSelection {
        let criterion = |id: &str, group| Criterion {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            weight: 50.0,
            group,
        };
        TargetSelection {
            criteria: vec![
                criterion("a", CriterionGroup::Attractiveness),
                criterion("p", CriterionGroup::Position),
            ],
            customers: customers
                .iter()
                .enumerate()
                .map(|(i, (revenue, grades))| {
                    let mut c = Customer::new(Uuid::from_u128(i as u128 + 1), format!("K{i}"));
                    c.revenue = *revenue;
                    if let Some((a, p)) = grades {
                        c.grades.insert("a".into(), *a);
                        c.grades.insert("p".into(), *p);
                    }
                    c
                })
                .collect(),
            ..TargetSelection::default()
        }
    }

    fn share(shares: &[QuadrantShare; 4], quadrant: Quadrant) -> QuadrantShare {
        *shares.iter().find(|s| s.quadrant == quadrant).unwrap()
    }

    #[test]
    fn each_field_counts_its_customers_and_their_share_of_the_revenue() {
        // Revenue 500 + 300 + 150 + 50 = 1,000 k€.
        let s = selection(&[
            (Some(500.0), Some((5.0, 5.0))), // star
            (Some(300.0), Some((4.0, 1.0))), // question mark
            (Some(150.0), Some((5.0, 4.0))), // star
            (Some(50.0), Some((1.0, 1.0))),  // take-along
        ]);
        let shares = quadrant_shares(&s, &analyse(&s));
        assert_eq!(
            shares.map(|s| s.quadrant),
            Quadrant::ALL,
            "in the chart's order"
        );
        let star = share(&shares, Quadrant::Star);
        assert_eq!(star.count, 2);
        assert!((star.revenue_share - 65.0).abs() < 1e-9);
        let question = share(&shares, Quadrant::QuestionMark);
        assert_eq!(question.count, 1);
        assert!((question.revenue_share - 30.0).abs() < 1e-9);
        let take = share(&shares, Quadrant::TakeAlong);
        assert_eq!(take.count, 1);
        assert!((take.revenue_share - 5.0).abs() < 1e-9);
        assert_eq!(share(&shares, Quadrant::Cash).count, 0);
        assert_eq!(share(&shares, Quadrant::Cash).revenue_share, 0.0);
    }

    #[test]
    fn a_customer_exactly_on_the_split_counts_as_strong_and_attractive() {
        let s = selection(&[(Some(100.0), Some((3.0, 3.0)))]);
        let shares = quadrant_shares(&s, &analyse(&s));
        assert_eq!(share(&shares, Quadrant::Star).count, 1);
        let mut moved = s.clone();
        moved.split = Some(PortfolioSplit {
            attractiveness: 3.0,
            position: 3.5,
        });
        let shares = quadrant_shares(&moved, &analyse(&moved));
        assert_eq!(share(&shares, Quadrant::QuestionMark).count, 1);
    }

    #[test]
    fn ungraded_customers_are_in_no_field_but_their_revenue_is_in_the_total() {
        // 200 of 1,000 k€ in the one graded customer; 800 k€ ungraded.
        let s = selection(&[(Some(200.0), Some((5.0, 5.0))), (Some(800.0), None)]);
        let shares = quadrant_shares(&s, &analyse(&s));
        assert_eq!(shares.iter().map(|s| s.count).sum::<usize>(), 1);
        assert!((share(&shares, Quadrant::Star).revenue_share - 20.0).abs() < 1e-9);
    }

    #[test]
    fn negative_or_missing_revenue_adds_nothing_and_no_revenue_means_zero_shares() {
        let s = selection(&[
            (Some(400.0), Some((5.0, 5.0))),
            (Some(-100.0), Some((5.0, 5.0))),
            (None, Some((1.0, 1.0))),
        ]);
        let shares = quadrant_shares(&s, &analyse(&s));
        assert_eq!(share(&shares, Quadrant::Star).count, 2);
        assert!((share(&shares, Quadrant::Star).revenue_share - 100.0).abs() < 1e-9);
        assert_eq!(share(&shares, Quadrant::TakeAlong).revenue_share, 0.0);

        let nothing = selection(&[(None, Some((5.0, 5.0))), (Some(0.0), Some((1.0, 1.0)))]);
        let shares = quadrant_shares(&nothing, &analyse(&nothing));
        assert!(shares.iter().all(|s| s.revenue_share == 0.0));
        assert_eq!(share(&shares, Quadrant::Star).count, 1);
    }

    #[test]
    fn bubbles_are_the_graded_customers_largest_revenue_first() {
        let s = selection(&[
            (Some(100.0), Some((5.0, 5.0))),
            (Some(900.0), None),
            (None, Some((2.0, 2.0))),
            (Some(300.0), Some((1.0, 4.0))),
            (Some(100.0), Some((4.0, 2.0))),
        ]);
        let choice = bubbles_drawn(&s, &analyse(&s));
        assert_eq!(choice.with_axes, 4, "the 900 k€ customer has no grades");
        assert_eq!(
            choice.drawn,
            [3, 0, 4, 2],
            "equal revenue keeps list order; missing revenue counts as 0"
        );
    }

    #[test]
    fn at_most_the_100_largest_customers_are_drawn() {
        // 150 graded customers with revenue 1..=150: the drawn ones are 150 down to 51.
        let rows: Vec<Row> = (1..=150)
            .map(|r| (Some(r as f64), Some((3.0, 3.0))))
            .collect();
        let s = selection(&rows);
        let choice = bubbles_drawn(&s, &analyse(&s));
        assert_eq!(choice.with_axes, 150);
        assert_eq!(choice.drawn.len(), PORTFOLIO_MAX);
        assert_eq!(choice.drawn.first(), Some(&149));
        assert_eq!(choice.drawn.last(), Some(&50));
    }
}
