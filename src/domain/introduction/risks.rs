//! The risk register of the introduction: each risk with probability and
//! impact (1–5 each), its score (their product, 1–25), its class on the
//! 5 × 5 grid, a mitigation, an owner, and how it was judged over time.
//!
//! Classes (a *choice*, editable per project): low up to 4, high from
//! 15, medium in between. The products 13 and 14 cannot occur, so the
//! default bands leave no score unplaced.

use super::project::Phase;
use crate::domain::account::{
    check_name, check_text, ValidationProblem, MAX_LONG_TEXT_CHARS, MAX_SHORT_TEXT_CHARS,
};
use crate::domain::potentials::too_many;
use crate::domain::record::FieldProblem;
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Most risks in the register, and most judgements per risk.
pub const MAX_RISKS: usize = 200;
pub const MAX_REVIEWS: usize = 100;
/// The scale of probability and impact.
pub const SCALE_MIN: u8 = 1;
pub const SCALE_MAX: u8 = 5;
/// The highest score (5 × 5).
pub const SCORE_MAX: u8 = SCALE_MAX * SCALE_MAX;

/// The class of a risk score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RiskClass {
    Low,
    Medium,
    High,
}

/// Where the classes begin: a score up to `low_max` is low, from
/// `high_from` on high, anything between medium (which may be empty when
/// `high_from` follows `low_max` directly).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskBands {
    pub low_max: u8,
    pub high_from: u8,
}

impl Default for RiskBands {
    fn default() -> Self {
        RiskBands {
            low_max: 4,
            high_from: 15,
        }
    }
}

impl RiskBands {
    pub fn is_default(&self) -> bool {
        *self == RiskBands::default()
    }

    pub fn class(&self, score: u8) -> RiskClass {
        if score <= self.low_max {
            RiskClass::Low
        } else if score >= self.high_from {
            RiskClass::High
        } else {
            RiskClass::Medium
        }
    }

    /// Low and high keep at least one score each: 1 ≤ low_max,
    /// low_max < high_from ≤ 25.
    pub fn problem(&self) -> Option<FieldProblem> {
        if !(1..SCORE_MAX).contains(&self.low_max) {
            return Some((
                "low_max".into(),
                ValidationProblem::OutOfRange {
                    min: 1,
                    max: i64::from(SCORE_MAX - 1),
                },
            ));
        }
        if self.high_from <= self.low_max || self.high_from > SCORE_MAX {
            return Some((
                "high_from".into(),
                ValidationProblem::OutOfRange {
                    min: i64::from(self.low_max) + 1,
                    max: i64::from(SCORE_MAX),
                },
            ));
        }
        None
    }
}

/// Where the handling of a risk stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    #[default]
    Open,
    /// The mitigation is under way.
    Mitigating,
    /// No longer a risk (handled or past).
    Closed,
}

impl RiskStatus {
    pub const ALL: [RiskStatus; 3] = [RiskStatus::Open, RiskStatus::Mitigating, RiskStatus::Closed];

    pub fn key(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::Mitigating => "mitigating",
            RiskStatus::Closed => "closed",
        }
    }

    pub fn from_key(key: &str) -> Option<RiskStatus> {
        RiskStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// How a risk was judged on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskReview {
    pub date: Day,
    pub probability: u8,
    pub impact: u8,
    #[serde(default)]
    pub status: RiskStatus,
}

impl RiskReview {
    pub fn score(&self) -> u8 {
        self.probability.saturating_mul(self.impact)
    }
}

/// A risk of the introduction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    pub id: Uuid,
    pub title: String,
    /// The phase it belongs to; `None` for the project as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mitigation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// The judgements, oldest first; the last one is the current. At most
    /// one per day.
    pub reviews: Vec<RiskReview>,
}

impl Risk {
    /// A new risk, judged today.
    pub fn new(id: Uuid, title: String, today: Day, probability: u8, impact: u8) -> Risk {
        Risk {
            id,
            title,
            phase: None,
            mitigation: String::new(),
            owner: String::new(),
            reviews: vec![RiskReview {
                date: today,
                probability,
                impact,
                status: RiskStatus::Open,
            }],
        }
    }

    /// The current judgement: the latest by date.
    pub fn current(&self) -> Option<&RiskReview> {
        self.reviews.iter().max_by_key(|r| r.date)
    }

    /// Judges the risk again: a change on the day of the latest judgement
    /// (or before it, as when a colleague's file is a day ahead) replaces
    /// that judgement and keeps its date; on a later day it is added, so
    /// the history keeps one judgement per day.
    pub fn judge(&mut self, today: Day, change: impl FnOnce(&mut RiskReview)) {
        let mut next = self.current().copied().unwrap_or(RiskReview {
            date: today,
            probability: SCALE_MIN,
            impact: SCALE_MIN,
            status: RiskStatus::Open,
        });
        change(&mut next);
        match self.reviews.iter_mut().max_by_key(|r| r.date) {
            Some(latest) if latest.date >= today => *latest = next,
            _ => {
                next.date = today;
                self.reviews.push(next);
            }
        }
        self.reviews.sort_by_key(|r| r.date);
        if self.reviews.len() > MAX_REVIEWS {
            self.reviews.remove(0);
        }
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if let Err(p) = check_name(&self.title) {
            problems.push(("title".into(), p));
        }
        if let Err(p) = check_text(&self.mitigation, MAX_LONG_TEXT_CHARS, true) {
            problems.push(("mitigation".into(), p));
        }
        if let Err(p) = check_text(&self.owner, MAX_SHORT_TEXT_CHARS, false) {
            problems.push(("owner".into(), p));
        }
        if self.reviews.is_empty() {
            problems.push(("reviews".into(), ValidationProblem::Empty));
        }
        if self.reviews.len() > MAX_REVIEWS {
            problems.push(("reviews".into(), too_many(MAX_REVIEWS)));
        }
        let scale = ValidationProblem::OutOfRange {
            min: SCALE_MIN.into(),
            max: SCALE_MAX.into(),
        };
        let mut dates = HashSet::new();
        for (i, review) in self.reviews.iter().enumerate() {
            let at = format!("reviews[{i}]");
            if !dates.insert(review.date) {
                problems.push((format!("{at}.date"), ValidationProblem::Duplicate));
            }
            for (field, value) in [
                ("probability", review.probability),
                ("impact", review.impact),
            ] {
                if !(SCALE_MIN..=SCALE_MAX).contains(&value) {
                    problems.push((format!("{at}.{field}"), scale.clone()));
                }
            }
        }
        problems
    }
}

/// The risks that are not closed, highest score first (then by title),
/// with their current judgement.
pub fn open_by_score(risks: &[Risk]) -> Vec<(&Risk, RiskReview)> {
    let mut open: Vec<(&Risk, RiskReview)> = risks
        .iter()
        .filter_map(|r| Some((r, *r.current()?)))
        .filter(|(_, c)| c.status != RiskStatus::Closed)
        .collect();
    open.sort_by(|a, b| {
        b.1.score()
            .cmp(&a.1.score())
            .then_with(|| a.0.title.cmp(&b.0.title))
    });
    open
}

/// How many open risks lie in each cell of the grid:
/// `cells[impact - 1][probability - 1]`.
pub fn grid_counts(risks: &[Risk]) -> [[usize; 5]; 5] {
    let mut cells = [[0usize; 5]; 5];
    for (_, current) in open_by_score(risks) {
        let (p, i) = (
            usize::from(current.probability),
            usize::from(current.impact),
        );
        if (1..=5).contains(&p) && (1..=5).contains(&i) {
            cells[i - 1][p - 1] += 1;
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    #[test]
    fn the_default_classes_change_exactly_at_their_boundaries() {
        let bands = RiskBands::default();
        let classes: Vec<(u8, RiskClass)> = [1, 4, 5, 12, 15, 16, 25]
            .into_iter()
            .map(|s| (s, bands.class(s)))
            .collect();
        assert_eq!(
            classes,
            [
                (1, RiskClass::Low),
                (4, RiskClass::Low),
                (5, RiskClass::Medium),
                (12, RiskClass::Medium),
                (15, RiskClass::High),
                (16, RiskClass::High),
                (25, RiskClass::High)
            ]
        );
        // Every product on the grid has a class, and the grid's corners
        // are low and high.
        let edited = RiskBands {
            low_max: 6,
            high_from: 10,
        };
        assert_eq!(edited.class(6), RiskClass::Low);
        assert_eq!(edited.class(8), RiskClass::Medium);
        assert_eq!(edited.class(9), RiskClass::Medium);
        assert_eq!(edited.class(10), RiskClass::High);
        assert!(edited.problem().is_none());
    }

    #[test]
    fn bands_that_leave_a_class_empty_are_refused() {
        let field = |low_max, high_from| RiskBands { low_max, high_from }.problem().map(|p| p.0);
        assert_eq!(field(0, 15).as_deref(), Some("low_max"));
        assert_eq!(field(25, 25).as_deref(), Some("low_max"));
        assert_eq!(field(12, 12).as_deref(), Some("high_from"));
        assert_eq!(field(4, 26).as_deref(), Some("high_from"));
        assert_eq!(field(24, 25), None);
        assert_eq!(field(1, 2), None);
    }

    #[test]
    fn judging_again_keeps_one_judgement_per_day() {
        let mut risk = Risk::new(
            Uuid::from_u128(1),
            "Vertrieb sieht KAM als Konkurrenz".into(),
            day("2027-01-10"),
            4,
            4,
        );
        assert_eq!(risk.current().unwrap().score(), 16);
        risk.judge(day("2027-01-10"), |r| r.impact = 3);
        assert_eq!(risk.reviews.len(), 1, "the same day replaces");
        risk.judge(day("2027-03-01"), |r| {
            r.probability = 2;
            r.status = RiskStatus::Mitigating;
        });
        let history: Vec<(u8, RiskStatus)> =
            risk.reviews.iter().map(|r| (r.score(), r.status)).collect();
        assert_eq!(
            history,
            [(12, RiskStatus::Open), (6, RiskStatus::Mitigating)]
        );
        // A judgement dated ahead of today (a colleague's file) is
        // replaced, not followed by a second one on the same day.
        let mut ahead = risk.clone();
        ahead.judge(day("2027-02-01"), |r| r.impact = 5);
        assert_eq!(ahead.reviews.len(), 2);
        assert_eq!(ahead.current().unwrap().date, day("2027-03-01"));
        assert_eq!(ahead.current().unwrap().score(), 10);
        assert!(ahead.problems().is_empty());
        assert!(risk.problems().is_empty());
        risk.reviews[1].date = day("2027-01-10");
        risk.reviews[0].probability = 6;
        let fields: Vec<String> = risk.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["reviews[0].probability", "reviews[1].date"]);
    }

    #[test]
    fn closed_risks_leave_the_grid_and_the_list_is_sorted_by_score() {
        let today = day("2027-01-10");
        let mut closed = Risk::new(Uuid::from_u128(3), "C".into(), today, 5, 5);
        closed.judge(today, |r| r.status = RiskStatus::Closed);
        let risks = [
            Risk::new(Uuid::from_u128(1), "B".into(), today, 2, 3),
            Risk::new(Uuid::from_u128(2), "A".into(), today, 3, 2),
            closed,
            Risk::new(Uuid::from_u128(4), "D".into(), today, 5, 4),
        ];
        let order: Vec<&str> = open_by_score(&risks)
            .iter()
            .map(|(r, _)| r.title.as_str())
            .collect();
        assert_eq!(order, ["D", "A", "B"]);
        let cells = grid_counts(&risks);
        assert_eq!(cells[2][1], 1, "impact 3, probability 2");
        assert_eq!(cells[1][2], 1);
        assert_eq!(cells[3][4], 1);
        assert_eq!(cells[4][4], 0, "the closed risk is not drawn");
        assert_eq!(cells.iter().flatten().sum::<usize>(), 3);
    }
}
