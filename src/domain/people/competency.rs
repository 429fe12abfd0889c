//! The KAM competency profile of a key account manager (book chapter 5):
//! competency areas rated 1–5 by the manager themself and by their
//! superior, against the target profile of the role.
//!
//! - The **gap** of an area is target − rating, where the rating is the
//!   superior's when there is one and the own one otherwise (*choice*: the
//!   superior's view is the one the development plan is agreed on). Only
//!   areas below their target have a gap.
//! - The **three largest gaps** come first by size, then in the order of
//!   the areas.
//! - Two assessments of different dates compare area by area.

use crate::domain::account::{check_name, check_text, ValidationProblem, MAX_LONG_TEXT_CHARS};
use crate::domain::potentials::too_many;
use crate::domain::record::FieldProblem;
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

pub const RATING_MIN: u8 = 1;
pub const RATING_MAX: u8 = 5;
/// Most competency areas of one profile.
pub const MAX_AREAS: usize = 30;
/// Most assessments kept.
pub const MAX_ASSESSMENTS: usize = 50;
/// How many gaps the profile names.
pub const TOP_GAPS: usize = 3;

/// The areas a new profile starts with. Their names, descriptions and
/// suggested development actions come from the translation catalogue
/// (German and English); once created, they are the profile's own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultArea {
    /// Understanding the customer's business, market and strategy.
    CustomerBusiness,
    /// Planning an account strategically: analysis, goals, plan.
    StrategicPlanning,
    /// Knowing the value of our offer and arguing it in figures.
    ValueSelling,
    /// Negotiating with buyers and at management level.
    Negotiation,
    /// Leading the account team without line authority.
    TeamLeadership,
    /// Building relationships across the Buying Center, up to the top.
    Relationships,
    /// Reading figures: margins, contribution, business cases.
    Finance,
    /// Moving one's own organisation for the customer.
    InternalSelling,
}

impl DefaultArea {
    pub const ALL: [DefaultArea; 8] = [
        DefaultArea::CustomerBusiness,
        DefaultArea::StrategicPlanning,
        DefaultArea::ValueSelling,
        DefaultArea::Negotiation,
        DefaultArea::TeamLeadership,
        DefaultArea::Relationships,
        DefaultArea::Finance,
        DefaultArea::InternalSelling,
    ];

    /// The target a new profile sets for the role.
    pub fn default_target(self) -> u8 {
        match self {
            DefaultArea::CustomerBusiness
            | DefaultArea::StrategicPlanning
            | DefaultArea::Relationships => 5,
            _ => 4,
        }
    }
}

/// A competency area with the role's target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub id: Uuid,
    pub name: String,
    /// What to do to grow in this area (offered with its gap).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub development: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u8>,
}

/// The two ratings of one area in one assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub area: Uuid,
    /// The manager's own view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own: Option<u8>,
    /// The superior's view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superior: Option<u8>,
}

impl Rating {
    /// The rating a gap is measured from: the superior's, else the own.
    pub fn basis(&self) -> Option<u8> {
        self.superior.or(self.own)
    }
}

/// The ratings of one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: Uuid,
    pub date: Day,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
}

impl Assessment {
    pub fn rating(&self, area: Uuid) -> Option<&Rating> {
        self.ratings.iter().find(|r| r.area == area)
    }
}

/// The competency profile of one key account manager.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<Assessment>,
}

/// A development action agreed with a person, often for a gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Development {
    pub id: Uuid,
    /// The competency area it develops, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Uuid>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Day>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

/// Most development actions of one person.
pub const MAX_DEVELOPMENT: usize = 50;

impl Development {
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if let Err(p) = check_name(&self.text) {
            problems.push(("text".into(), p));
        }
        problems
    }

    /// Not done and due before `today`.
    pub fn overdue(&self, today: Day) -> bool {
        !self.done && self.due.is_some_and(|d| d < today)
    }
}

/// An area below its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub area: Uuid,
    pub target: u8,
    pub rating: u8,
    /// target − rating, at least 1.
    pub size: u8,
}

/// How an area's rating changed between two assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub area: Uuid,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

impl Change {
    /// after − before, when both are rated.
    pub fn delta(&self) -> Option<i16> {
        Some(i16::from(self.after?) - i16::from(self.before?))
    }
}

fn check_rating(value: Option<u8>) -> Option<ValidationProblem> {
    value
        .filter(|v| !(RATING_MIN..=RATING_MAX).contains(v))
        .map(|_| ValidationProblem::OutOfRange {
            min: i64::from(RATING_MIN),
            max: i64::from(RATING_MAX),
        })
}

impl Profile {
    /// A new profile with the default areas, named by `text` (name and
    /// development action) and with the default targets.
    pub fn with_default_areas(
        text: impl Fn(DefaultArea) -> (String, String),
        new_id: impl Fn() -> Uuid,
    ) -> Profile {
        Profile {
            areas: DefaultArea::ALL
                .iter()
                .map(|a| {
                    let (name, development) = text(*a);
                    Area {
                        id: new_id(),
                        name,
                        development,
                        target: Some(a.default_target()),
                    }
                })
                .collect(),
            assessments: Vec::new(),
        }
    }

    /// The latest assessment.
    pub fn latest(&self) -> Option<&Assessment> {
        self.assessments.iter().max_by_key(|a| a.date)
    }

    /// The areas of an assessment below their target, the largest gap
    /// first (equal gaps in the order of the areas).
    pub fn gaps(&self, assessment: &Assessment) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = self
            .areas
            .iter()
            .filter_map(|area| {
                let target = area.target?;
                let rating = assessment.rating(area.id)?.basis()?;
                (rating < target).then_some(Gap {
                    area: area.id,
                    target,
                    rating,
                    size: target - rating,
                })
            })
            .collect();
        gaps.sort_by_key(|g| std::cmp::Reverse(g.size));
        gaps
    }

    /// The three largest gaps of the latest assessment.
    pub fn top_gaps(&self) -> Vec<Gap> {
        let mut gaps = self.latest().map(|a| self.gaps(a)).unwrap_or_default();
        gaps.truncate(TOP_GAPS);
        gaps
    }

    /// Every area from one assessment to a later one.
    pub fn compare(&self, before: &Assessment, after: &Assessment) -> Vec<Change> {
        self.areas
            .iter()
            .map(|area| Change {
                area: area.id,
                before: before.rating(area.id).and_then(Rating::basis),
                after: after.rating(area.id).and_then(Rating::basis),
            })
            .collect()
    }

    /// Every field-level problem, in page order.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.areas.len() > MAX_AREAS {
            problems.push(("areas".into(), too_many(MAX_AREAS)));
        }
        let mut areas = HashSet::new();
        for (index, area) in self.areas.iter().enumerate() {
            if !areas.insert(area.id) {
                problems.push((format!("areas[{index}].id"), ValidationProblem::Duplicate));
            }
            if let Err(problem) = check_name(&area.name) {
                problems.push((format!("areas[{index}].name"), problem));
            }
            if let Err(problem) = check_text(&area.development, MAX_LONG_TEXT_CHARS, true) {
                problems.push((format!("areas[{index}].development"), problem));
            }
            if let Some(problem) = check_rating(area.target) {
                problems.push((format!("areas[{index}].target"), problem));
            }
        }
        if self.assessments.len() > MAX_ASSESSMENTS {
            problems.push(("assessments".into(), too_many(MAX_ASSESSMENTS)));
        }
        let mut ids = HashSet::new();
        let mut dates = HashSet::new();
        for (index, assessment) in self.assessments.iter().enumerate() {
            if !ids.insert(assessment.id) {
                problems.push((
                    format!("assessments[{index}].id"),
                    ValidationProblem::Duplicate,
                ));
            }
            if !dates.insert(assessment.date) {
                problems.push((
                    format!("assessments[{index}].date"),
                    ValidationProblem::Duplicate,
                ));
            }
            let mut rated = HashSet::new();
            for (n, rating) in assessment.ratings.iter().enumerate() {
                let place = format!("assessments[{index}].ratings[{n}]");
                if !areas.contains(&rating.area) {
                    problems.push((
                        format!("{place}.area"),
                        ValidationProblem::DanglingReference,
                    ));
                } else if !rated.insert(rating.area) {
                    problems.push((format!("{place}.area"), ValidationProblem::Duplicate));
                }
                for (field, value) in [("own", rating.own), ("superior", rating.superior)] {
                    if let Some(problem) = check_rating(value) {
                        problems.push((format!("{place}.{field}"), problem));
                    }
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn profile() -> Profile {
        let counter = std::cell::Cell::new(0u128);
        Profile::with_default_areas(
            |a| (format!("{a:?}"), format!("Entwicklung {a:?}")),
            || {
                counter.set(counter.get() + 1);
                id(counter.get())
            },
        )
    }

    fn rating(area: u128, own: Option<u8>, superior: Option<u8>) -> Rating {
        Rating {
            area: id(area),
            own,
            superior,
        }
    }

    fn assessment(n: u128, date: &str, ratings: Vec<Rating>) -> Assessment {
        Assessment {
            id: id(100 + n),
            date: Day::parse(date).unwrap(),
            ratings,
        }
    }

    #[test]
    fn a_new_profile_has_eight_areas_with_targets() {
        let p = profile();
        assert_eq!(p.areas.len(), 8);
        assert_eq!(p.areas[0].target, Some(5));
        assert_eq!(p.areas[2].target, Some(4));
        assert!(p.top_gaps().is_empty(), "no assessment, no gap");
        assert!(p.problems().is_empty());
    }

    #[test]
    fn the_superiors_view_counts_and_the_own_view_fills_in() {
        let mut p = profile();
        // Targets: 1 → 5, 2 → 5, 3 → 4, 4 → 4, 5 → 4, 6 → 5.
        p.assessments.push(assessment(
            1,
            "2026-03-01",
            vec![
                rating(1, Some(5), Some(3)), // superior 3: gap 2 (own 5 would be none)
                rating(2, Some(2), None),    // own 2: gap 3
                rating(3, Some(3), Some(3)), // gap 1
                rating(4, Some(4), Some(4)), // at target: no gap
                rating(5, None, Some(2)),    // gap 2
                rating(6, None, None),       // not rated
            ],
        ));
        let gaps = p.top_gaps();
        let sizes: Vec<(Uuid, u8)> = gaps.iter().map(|g| (g.area, g.size)).collect();
        // Largest first; the two gaps of 2 in the order of the areas.
        assert_eq!(sizes, [(id(2), 3), (id(1), 2), (id(5), 2)]);
        assert_eq!(p.gaps(&p.assessments[0]).len(), 4);
    }

    #[test]
    fn two_dates_compare_area_by_area() {
        let mut p = profile();
        p.assessments.push(assessment(
            2,
            "2026-09-01",
            vec![rating(1, Some(4), Some(4)), rating(3, Some(2), None)],
        ));
        p.assessments.push(assessment(
            1,
            "2025-09-01",
            vec![rating(1, Some(3), Some(2)), rating(2, Some(3), None)],
        ));
        let latest = p.latest().unwrap();
        assert_eq!(latest.date, Day::parse("2026-09-01").unwrap());
        let changes = p.compare(&p.assessments[1], latest);
        assert_eq!(changes[0].delta(), Some(2));
        assert_eq!(
            (changes[1].before, changes[1].after, changes[1].delta()),
            (Some(3), None, None)
        );
        assert_eq!((changes[2].before, changes[2].after), (None, Some(2)));
        assert_eq!(changes.len(), 8);
    }

    #[test]
    fn ratings_out_of_range_and_unknown_areas_are_problems() {
        let mut p = profile();
        p.areas[1].target = Some(6);
        p.assessments.push(assessment(
            1,
            "2026-03-01",
            vec![
                rating(1, Some(0), Some(5)),
                rating(99, Some(3), None),
                rating(1, None, Some(9)),
            ],
        ));
        p.assessments.push(assessment(2, "2026-03-01", vec![]));
        let fields: Vec<String> = p.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "areas[1].target",
                "assessments[0].ratings[0].own",
                "assessments[0].ratings[1].area",
                "assessments[0].ratings[2].area",
                "assessments[0].ratings[2].superior",
                "assessments[1].date",
            ]
        );
    }
}
