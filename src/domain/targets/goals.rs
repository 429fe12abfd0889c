//! A selection of key accounts against the goals set for it (Ziele der
//! Zielkundenauswahl, book section 3.1): how many key accounts, and what
//! share of the revenue they should bring.
//!
//! Usage:
//! ```
//! use kam_workbench::domain::targets::goals::{against_goals, CountGap, ShareGap};
//! use kam_workbench::domain::targets::{SelectionGoals, SelectionStatus};
//! let status = SelectionStatus { count: 1, revenue_share: 1.4 };
//! let goals = SelectionGoals { key_accounts: 10, revenue_share: 50.0 };
//! let check = against_goals(status, goals);
//! assert_eq!(check.count, CountGap::TooFew(9));
//! assert!(matches!(check.share, ShareGap::Short(points) if (points - 48.6).abs() < 1e-9));
//! ```

use super::analysis::SelectionStatus;
use super::model::SelectionGoals;

/// Shares this close below the goal count as reached: a share computed from
/// sums of amounts may miss a round goal by a rounding error.
pub const SHARE_TOLERANCE: f64 = 1e-9;

/// The number of customers in a selection against the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountGap {
    /// Exactly as many as the goal.
    OnTarget,
    /// This many fewer than the goal.
    TooFew(usize),
    /// This many more than the goal.
    TooMany(usize),
}

/// The revenue share of a selection against the goal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ShareGap {
    /// The goal is reached or exceeded.
    Met,
    /// This many percentage points are missing.
    Short(f64),
}

/// How one selection stands against the goals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoalCheck {
    pub count: CountGap,
    pub share: ShareGap,
}

/// Compares a selection (count, revenue share in percent) with the goals.
pub fn against_goals(status: SelectionStatus, goals: SelectionGoals) -> GoalCheck {
    let target = goals.key_accounts as usize;
    let count = match status.count.cmp(&target) {
        std::cmp::Ordering::Equal => CountGap::OnTarget,
        std::cmp::Ordering::Less => CountGap::TooFew(target - status.count),
        std::cmp::Ordering::Greater => CountGap::TooMany(status.count - target),
    };
    let share = if status.revenue_share + SHARE_TOLERANCE >= goals.revenue_share {
        ShareGap::Met
    } else {
        ShareGap::Short(goals.revenue_share - status.revenue_share)
    };
    GoalCheck { count, share }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(count: usize, revenue_share: f64) -> SelectionStatus {
        SelectionStatus {
            count,
            revenue_share,
        }
    }

    fn goals(key_accounts: u32, revenue_share: f64) -> SelectionGoals {
        SelectionGoals {
            key_accounts,
            revenue_share,
        }
    }

    #[test]
    fn one_chosen_customer_against_the_default_goals_is_nine_too_few_and_short_of_revenue() {
        // tests/fixtures/kunden-bewertet-de-1252.csv with only Lumen Medical
        // promoted: 95,000 € of 6,651,500.50 € = 1.43 % (the browser test shows "1,4 %").
        let share = 95_000.0 / 6_651_500.5 * 100.0;
        let check = against_goals(status(1, share), SelectionGoals::default());
        assert_eq!(check.count, CountGap::TooFew(9));
        let ShareGap::Short(points) = check.share else {
            panic!("1.4 % does not reach 50 %");
        };
        assert!((points - (50.0 - share)).abs() < 1e-9);
        assert!((points - 48.57).abs() < 0.01);
    }

    #[test]
    fn exactly_the_goal_count_is_on_target_and_more_are_counted() {
        assert_eq!(
            against_goals(status(10, 0.0), goals(10, 50.0)).count,
            CountGap::OnTarget
        );
        assert_eq!(
            against_goals(status(13, 0.0), goals(10, 50.0)).count,
            CountGap::TooMany(3)
        );
        assert_eq!(
            against_goals(status(0, 0.0), goals(1, 50.0)).count,
            CountGap::TooFew(1)
        );
    }

    #[test]
    fn a_share_exactly_on_the_goal_or_above_meets_it() {
        assert_eq!(
            against_goals(status(3, 80.0), goals(3, 80.0)).share,
            ShareGap::Met
        );
        assert_eq!(
            against_goals(status(3, 92.5), goals(3, 80.0)).share,
            ShareGap::Met
        );
    }

    #[test]
    fn a_share_a_rounding_error_below_the_goal_meets_it() {
        // Shares are sums of quotients: a goal of 70 % can be missed by 1e-12.
        let share = 70.0 - 1e-12;
        assert_eq!(
            against_goals(status(1, share), goals(1, 70.0)).share,
            ShareGap::Met
        );
        assert!(matches!(
            against_goals(status(1, 69.9), goals(1, 70.0)).share,
            ShareGap::Short(p) if (p - 0.1).abs() < 1e-9
        ));
    }

    #[test]
    fn a_goal_of_zero_percent_is_met_by_an_empty_selection() {
        assert_eq!(
            against_goals(status(0, 0.0), goals(1, 0.0)).share,
            ShareGap::Met
        );
    }
}
