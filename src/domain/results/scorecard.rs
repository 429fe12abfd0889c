//! The Balanced Scorecard (book chapter 7): KPIs in four perspectives,
//! each with unit, direction, target and a value per period, and a status
//! from how far the actual reaches the target.
//!
//! Status (a *choice*, editable per scorecard): green from 100 % of the
//! target, yellow from 90 %, red below. "Reaching" is measured so that it
//! works in both directions and for negative targets:
//! `achievement = 1 + (actual − target) / |target|` when higher is better,
//! `1 + (target − actual) / |target|` when lower is better (for a positive
//! target and higher is better this is actual / target). A target of 0
//! has no percentage: the KPI is green when the actual is on the right
//! side of 0 (or exactly 0), red otherwise.

use crate::domain::account::{check_name, check_text, ValidationProblem, MAX_SHORT_TEXT_CHARS};
use crate::domain::measure::{check_value, Direction};
use crate::domain::potentials::{too_many, ToolKind};
use crate::domain::record::{FieldProblem, ToolFamily};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Most KPIs on one scorecard, and most periods per KPI (five years of
/// quarters and a few years besides).
pub const MAX_KPIS: usize = 60;
pub const MAX_PERIODS: usize = 60;

/// The four perspectives, in the order of the scorecard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    Financial,
    Customer,
    Processes,
    Learning,
}

impl Perspective {
    pub const ALL: [Perspective; 4] = [
        Perspective::Financial,
        Perspective::Customer,
        Perspective::Processes,
        Perspective::Learning,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Perspective::Financial => "financial",
            Perspective::Customer => "customer",
            Perspective::Processes => "processes",
            Perspective::Learning => "learning",
        }
    }
}

/// The traffic light of a KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Red,
    Yellow,
    Green,
}

/// Where green and yellow begin, in percent of the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusBands {
    pub green_from: u16,
    pub yellow_from: u16,
}

impl Default for StatusBands {
    fn default() -> Self {
        StatusBands {
            green_from: 100,
            yellow_from: 90,
        }
    }
}

impl StatusBands {
    pub fn is_default(&self) -> bool {
        *self == StatusBands::default()
    }

    /// Yellow must begin below green, both between 1 and 1,000 %.
    pub fn problem(&self) -> Option<FieldProblem> {
        if !(1..=1000).contains(&self.green_from) {
            return Some((
                "green_from".into(),
                ValidationProblem::OutOfRange { min: 1, max: 1000 },
            ));
        }
        if self.yellow_from == 0 || self.yellow_from >= self.green_from {
            return Some((
                "yellow_from".into(),
                ValidationProblem::OutOfRange {
                    min: 1,
                    max: i64::from(self.green_from) - 1,
                },
            ));
        }
        None
    }

    /// The status of `actual` against `target`.
    pub fn status(&self, direction: Direction, target: f64, actual: f64) -> Status {
        let sign = match direction {
            Direction::Higher => 1.0,
            Direction::Lower => -1.0,
        };
        if target == 0.0 {
            return if sign * actual >= 0.0 {
                Status::Green
            } else {
                Status::Red
            };
        }
        // achievement × 100 ≥ bound, multiplied out by |target| so that a
        // value exactly on a boundary is not lost to a division.
        let scale = target.abs();
        let reached = 100.0 * (scale + sign * (actual - target));
        let at_least = |bound: u16| {
            let needed = f64::from(bound) * scale;
            reached >= needed - 1e-9 * needed.abs().max(1.0)
        };
        if at_least(self.green_from) {
            Status::Green
        } else if at_least(self.yellow_from) {
            Status::Yellow
        } else {
            Status::Red
        }
    }

    /// How far the actual reaches the target, in whole percent, rounded
    /// down so that the figure never shows a limit the colour has not
    /// reached (99.6 % is shown as 99, yellow); `None` for a target of 0.
    pub fn achievement(direction: Direction, target: f64, actual: f64) -> Option<i64> {
        if target == 0.0 {
            return None;
        }
        let sign = match direction {
            Direction::Higher => 1.0,
            Direction::Lower => -1.0,
        };
        let percent = 100.0 * (1.0 + sign * (actual - target) / target.abs());
        // A value on a limit (89.99999… for exactly 90 %) counts as on it.
        Some((percent + 1e-9).floor() as i64)
    }
}

/// A period of the history: a year, or a quarter of it. A whole year
/// comes after its quarters (its figure is complete only at its end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    /// 1–4; `None` for the whole year.
    pub quarter: Option<u8>,
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |p: &Period| (p.year, p.quarter.unwrap_or(5));
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Period {
    /// Reads `2026` or `2026-Q3` (also `2026 Q3`, `Q3 2026`, `3/2026`).
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim().to_ascii_uppercase();
        let digits = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
        };
        let in_range = |year: i32| (1970..=9999).contains(&year);
        if let Some(year) = digits(&text) {
            return in_range(year).then_some(Period {
                year,
                quarter: None,
            });
        }
        let parts: Vec<&str> = text
            .split(['-', ' ', '/'])
            .filter(|p| !p.is_empty())
            .collect();
        let quarter = |s: &str| -> Option<u8> {
            let n = s.strip_prefix('Q').unwrap_or(s);
            match n {
                "1" => Some(1),
                "2" => Some(2),
                "3" => Some(3),
                "4" => Some(4),
                _ => None,
            }
        };
        match parts.as_slice() {
            [a, b] => {
                let (year, q) = match (digits(a), digits(b)) {
                    (Some(y), None) => (y, quarter(b)?),
                    (None, Some(y)) => (y, quarter(a)?),
                    _ => return None,
                };
                in_range(year).then_some(Period {
                    year,
                    quarter: Some(q),
                })
            }
            _ => None,
        }
    }

    /// `2026` or `2026-Q3`, as files write it.
    pub fn text(&self) -> String {
        match self.quarter {
            None => self.year.to_string(),
            Some(q) => format!("{}-Q{q}", self.year),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse(&text)
            .ok_or_else(|| serde::de::Error::custom("not a period (2026 or 2026-Q3)"))
    }
}

/// The actual of a KPI in one period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PeriodValue {
    pub period: Period,
    pub actual: f64,
}

/// One KPI of a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub id: Uuid,
    pub perspective: Perspective,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The actual per period, oldest first, each period once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PeriodValue>,
}

impl Kpi {
    /// The latest period's value.
    pub fn latest(&self) -> Option<PeriodValue> {
        self.history.iter().max_by_key(|v| v.period).copied()
    }

    /// The status of the latest value against the target.
    pub fn status(&self, bands: &StatusBands) -> Option<Status> {
        Some(bands.status(self.direction, self.target?, self.latest()?.actual))
    }

    /// Sets the actual of a period (replacing it when the period has one),
    /// keeping the history in order.
    pub fn record(&mut self, period: Period, actual: f64) {
        match self.history.iter_mut().find(|v| v.period == period) {
            Some(value) => value.actual = actual,
            None => {
                self.history.push(PeriodValue { period, actual });
                self.history.sort_by_key(|v| v.period);
            }
        }
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if let Err(p) = check_name(&self.name) {
            problems.push(("name".into(), p));
        }
        if let Err(p) = check_text(&self.unit, MAX_SHORT_TEXT_CHARS, false) {
            problems.push(("unit".into(), p));
        }
        if let Some(p) = self.target.and_then(check_value) {
            problems.push(("target".into(), p));
        }
        if self.history.len() > MAX_PERIODS {
            problems.push(("history".into(), too_many(MAX_PERIODS)));
        }
        let mut periods = HashSet::new();
        for (i, value) in self.history.iter().enumerate() {
            if !periods.insert(value.period) {
                problems.push((format!("history[{i}].period"), ValidationProblem::Duplicate));
            }
            if let Some(p) = check_value(value.actual) {
                problems.push((format!("history[{i}].actual"), p));
            }
        }
        problems
    }
}

/// The KPIs a scorecard of a key account starts with, per perspective
/// (names in the translation catalogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestedKpi {
    Revenue,
    ContributionMargin,
    ShareOfWallet,
    Growth,
    Satisfaction,
    Nps,
    RelationshipStage,
    WhitespaceCovered,
    PlanAge,
    ActionsOnTime,
    AnnualReviewHeld,
    TeamCompetency,
    DecisionContacts,
}

/// The unit of a suggested KPI, where it is not a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Euro,
    Percent,
    Points,
    Nps,
    Stage,
    Days,
    Count,
}

impl SuggestedKpi {
    pub const ALL: [SuggestedKpi; 13] = [
        SuggestedKpi::Revenue,
        SuggestedKpi::ContributionMargin,
        SuggestedKpi::ShareOfWallet,
        SuggestedKpi::Growth,
        SuggestedKpi::Satisfaction,
        SuggestedKpi::Nps,
        SuggestedKpi::RelationshipStage,
        SuggestedKpi::WhitespaceCovered,
        SuggestedKpi::PlanAge,
        SuggestedKpi::ActionsOnTime,
        SuggestedKpi::AnnualReviewHeld,
        SuggestedKpi::TeamCompetency,
        SuggestedKpi::DecisionContacts,
    ];

    pub fn perspective(self) -> Perspective {
        use SuggestedKpi::*;
        match self {
            Revenue | ContributionMargin | ShareOfWallet | Growth => Perspective::Financial,
            Satisfaction | Nps | RelationshipStage | WhitespaceCovered => Perspective::Customer,
            PlanAge | ActionsOnTime | AnnualReviewHeld => Perspective::Processes,
            TeamCompetency | DecisionContacts => Perspective::Learning,
        }
    }

    pub fn unit(self) -> Unit {
        use SuggestedKpi::*;
        match self {
            Revenue | ContributionMargin => Unit::Euro,
            ShareOfWallet | Growth | WhitespaceCovered | ActionsOnTime => Unit::Percent,
            Satisfaction | TeamCompetency => Unit::Points,
            Nps => Unit::Nps,
            RelationshipStage => Unit::Stage,
            PlanAge => Unit::Days,
            AnnualReviewHeld | DecisionContacts => Unit::Count,
        }
    }

    /// Only the age of the account plan is better when lower.
    pub fn direction(self) -> Direction {
        match self {
            SuggestedKpi::PlanAge => Direction::Lower,
            _ => Direction::Higher,
        }
    }
}

/// A Balanced Scorecard: its KPIs and where its colours begin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Kpi>,
    #[serde(default, skip_serializing_if = "StatusBands::is_default")]
    pub bands: StatusBands,
}

impl Scorecard {
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.kpis.len() > MAX_KPIS {
            problems.push(("kpis".into(), too_many(MAX_KPIS)));
        }
        let mut ids = HashSet::new();
        for (i, kpi) in self.kpis.iter().enumerate() {
            if !ids.insert(kpi.id) {
                problems.push((format!("kpis[{i}].id"), ValidationProblem::Duplicate));
            }
            problems.extend(
                kpi.problems()
                    .into_iter()
                    .map(|(f, p)| (format!("kpis[{i}].{f}"), p)),
            );
        }
        if let Some((field, p)) = self.bands.problem() {
            problems.push((format!("bands.{field}"), p));
        }
        problems
    }

    /// The suggested KPIs, without targets (`name` and `unit` in the
    /// user's language), after those already there.
    pub fn add_suggested(
        &mut self,
        text: impl Fn(SuggestedKpi) -> (String, String),
        mut new_id: impl FnMut() -> Uuid,
    ) {
        for kpi in SuggestedKpi::ALL {
            let (name, unit) = text(kpi);
            self.kpis.push(Kpi {
                id: new_id(),
                perspective: kpi.perspective(),
                name,
                unit,
                direction: kpi.direction(),
                target: None,
                history: Vec::new(),
            });
        }
    }

    /// How many KPIs of a perspective are green, yellow and red (KPIs
    /// without target or value are not counted).
    pub fn counts(&self, perspective: Perspective) -> [usize; 3] {
        let mut counts = [0; 3];
        for kpi in self.kpis.iter().filter(|k| k.perspective == perspective) {
            if let Some(status) = kpi.status(&self.bands) {
                counts[status as usize] += 1;
            }
        }
        counts
    }
}

/// The Balanced Scorecard as a tool of a key account.
pub struct ScorecardTool;

impl ToolKind for ScorecardTool {
    const FAMILY: ToolFamily = ToolFamily::Scorecard;
    type Data = Scorecard;
    fn problems(data: &Scorecard) -> Vec<FieldProblem> {
        data.problems()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bands() -> StatusBands {
        StatusBands::default()
    }

    #[test]
    fn the_suggested_kpis_cover_all_four_perspectives_and_are_valid() {
        let mut card = Scorecard::default();
        card.add_suggested(|k| (format!("{k:?}"), String::new()), Uuid::new_v4);
        assert_eq!(card.kpis.len(), 13);
        assert!(card.problems().is_empty());
        for perspective in Perspective::ALL {
            assert!(
                card.kpis
                    .iter()
                    .filter(|k| k.perspective == perspective)
                    .count()
                    >= 2
            );
        }
        let lower: Vec<&str> = card
            .kpis
            .iter()
            .filter(|k| k.direction == Direction::Lower)
            .map(|k| k.name.as_str())
            .collect();
        assert_eq!(lower, ["PlanAge"]);
    }

    #[test]
    fn the_status_changes_exactly_at_100_and_90_percent() {
        let b = bands();
        let higher = |t, a| b.status(Direction::Higher, t, a);
        assert_eq!(higher(1_000_000.0, 1_000_000.0), Status::Green);
        assert_eq!(higher(1_000_000.0, 999_999.0), Status::Yellow);
        assert_eq!(higher(1_000_000.0, 900_000.0), Status::Yellow);
        assert_eq!(higher(1_000_000.0, 899_999.0), Status::Red);
        // Decimal targets land on the boundary too.
        assert_eq!(higher(0.3, 0.27), Status::Yellow);
        assert_eq!(higher(0.3, 0.3), Status::Green);
        assert_eq!(higher(12.5, 11.25), Status::Yellow);
        let lower = |t, a| b.status(Direction::Lower, t, a);
        // 2 % complaints targeted: 2.2 % is 90 %, worse is red.
        assert_eq!(lower(2.0, 2.0), Status::Green);
        assert_eq!(lower(2.0, 1.5), Status::Green);
        assert_eq!(lower(2.0, 2.2), Status::Yellow);
        assert_eq!(lower(2.0, 2.21), Status::Red);
    }

    #[test]
    fn a_target_of_zero_is_met_on_the_right_side_of_zero() {
        let b = bands();
        assert_eq!(b.status(Direction::Higher, 0.0, 0.0), Status::Green);
        assert_eq!(b.status(Direction::Higher, 0.0, 3.0), Status::Green);
        assert_eq!(b.status(Direction::Higher, 0.0, -0.1), Status::Red);
        assert_eq!(b.status(Direction::Lower, 0.0, 0.0), Status::Green);
        assert_eq!(b.status(Direction::Lower, 0.0, 1.0), Status::Red);
        assert_eq!(StatusBands::achievement(Direction::Higher, 0.0, 1.0), None);
    }

    #[test]
    fn negative_targets_are_reached_by_doing_better_than_them() {
        let b = bands();
        // A growth target of −10 % (a shrinking market): −10 is on target,
        // −11 is 90 %, −12 red; −5 is better.
        assert_eq!(b.status(Direction::Higher, -10.0, -10.0), Status::Green);
        assert_eq!(b.status(Direction::Higher, -10.0, -5.0), Status::Green);
        assert_eq!(b.status(Direction::Higher, -10.0, -11.0), Status::Yellow);
        assert_eq!(b.status(Direction::Higher, -10.0, -12.0), Status::Red);
        assert_eq!(
            StatusBands::achievement(Direction::Higher, -10.0, -11.0),
            Some(90)
        );
        assert_eq!(
            StatusBands::achievement(Direction::Higher, 200.0, 150.0),
            Some(75)
        );
        assert_eq!(
            StatusBands::achievement(Direction::Lower, 2.0, 2.5),
            Some(75)
        );
        // Rounded down: the figure never shows a limit the colour missed.
        assert_eq!(
            StatusBands::achievement(Direction::Higher, 1000.0, 996.0),
            Some(99)
        );
        assert_eq!(
            StatusBands::achievement(Direction::Higher, 0.3, 0.27),
            Some(90)
        );
    }

    #[test]
    fn edited_bands_move_the_colours_and_bad_ones_are_refused() {
        let b = StatusBands {
            green_from: 95,
            yellow_from: 80,
        };
        assert!(b.problem().is_none());
        assert_eq!(b.status(Direction::Higher, 100.0, 95.0), Status::Green);
        assert_eq!(b.status(Direction::Higher, 100.0, 80.0), Status::Yellow);
        assert_eq!(b.status(Direction::Higher, 100.0, 79.0), Status::Red);
        let field = |green_from, yellow_from| {
            StatusBands {
                green_from,
                yellow_from,
            }
            .problem()
            .map(|p| p.0)
        };
        assert_eq!(field(90, 90).as_deref(), Some("yellow_from"));
        assert_eq!(field(0, 0).as_deref(), Some("green_from"));
        assert_eq!(field(100, 0).as_deref(), Some("yellow_from"));
    }

    #[test]
    fn periods_read_as_people_write_them_and_sort_in_time() {
        let q = |y, q| Period {
            year: y,
            quarter: Some(q),
        };
        assert_eq!(Period::parse("2026-Q3"), Some(q(2026, 3)));
        assert_eq!(Period::parse("q3 2026"), Some(q(2026, 3)));
        assert_eq!(Period::parse("3/2026"), Some(q(2026, 3)));
        assert_eq!(
            Period::parse(" 2026 "),
            Some(Period {
                year: 2026,
                quarter: None
            })
        );
        assert_eq!(Period::parse("2026-Q5"), None);
        assert_eq!(Period::parse("26-Q1"), None);
        assert_eq!(q(2026, 3).text(), "2026-Q3");
        assert!(q(2025, 4) < q(2026, 1));
        let year = Period::parse("2026").unwrap();
        assert!(
            q(2026, 4) < year && year < q(2027, 1),
            "a year after its quarters"
        );
        assert_eq!(Period::parse("1969"), None, "years the file cannot hold");
        assert_eq!(Period::parse("0000"), None);
        assert_eq!(Period::parse("Q1 1969"), None);
        let json = serde_json::to_string(&q(2026, 1)).unwrap();
        assert_eq!(json, "\"2026-Q1\"");
        assert!(serde_json::from_str::<Period>("\"2026-Q9\"").is_err());
    }

    #[test]
    fn the_latest_period_decides_the_status_and_a_period_is_kept_once() {
        let mut kpi = Kpi {
            id: Uuid::from_u128(1),
            perspective: Perspective::Financial,
            name: "Umsatz".into(),
            unit: "€".into(),
            direction: Direction::Higher,
            target: Some(1_000_000.0),
            history: vec![],
        };
        assert_eq!(kpi.status(&bands()), None);
        kpi.record(Period::parse("2026-Q2").unwrap(), 950_000.0);
        kpi.record(Period::parse("2026-Q1").unwrap(), 1_200_000.0);
        assert_eq!(
            kpi.status(&bands()),
            Some(Status::Yellow),
            "Q2 is the latest"
        );
        kpi.record(Period::parse("2026-Q2").unwrap(), 1_000_000.0);
        assert_eq!(kpi.history.len(), 2);
        assert_eq!(kpi.status(&bands()), Some(Status::Green));
        assert!(kpi.problems().is_empty());
        kpi.history.push(kpi.history[0]);
        let fields: Vec<String> = kpi.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["history[2].period"]);
        let card = Scorecard {
            kpis: vec![
                kpi.clone(),
                Kpi {
                    id: Uuid::from_u128(2),
                    ..kpi
                },
            ],
            bands: bands(),
        };
        // Red, yellow, green.
        assert_eq!(card.counts(Perspective::Financial), [0, 0, 2]);
        assert_eq!(card.counts(Perspective::Customer), [0, 0, 0]);
    }
}
