//! Introducing KAM as a project (book 3.1 and 3.3): the goals of the KAM
//! programme, the five phases with their checklists, and the risk
//! register across all phases.
//!
//! - [`project`]: the phases, their tasks, progress and timeline;
//! - [`risks`]: the risks with probability × impact, their classes and
//!   their history.
//!
//! The whole project is one section of the workspace ([`Introduction`]),
//! merged as one record like the foundations notes: a company runs one
//! introduction.

pub mod project;
pub mod risks;

use crate::domain::account::{check_name, check_text, ValidationProblem, MAX_SHORT_TEXT_CHARS};
pub use crate::domain::measure::{check_value, Direction};
use crate::domain::potentials::too_many;
use crate::domain::record::FieldProblem;
use crate::domain::time::{Day, Timestamp};
use project::{Phase, PhasePlan, MAX_TASKS};
use risks::{Risk, RiskBands, MAX_RISKS};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Most programme goals.
pub const MAX_GOALS: usize = 50;
/// What the KAM programme as a whole should reach, by when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeGoal {
    pub id: Uuid,
    pub name: String,
    /// The unit the values are in, e.g. "%" or "Key Accounts".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "Direction::is_higher")]
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Day>,
}

/// Where a programme goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalState {
    /// Target or actual missing.
    Open,
    Reached,
    /// Not reached, and the date is still ahead (or none is set).
    OnTheWay,
    /// Not reached, and the date has passed.
    Missed,
}

impl ProgrammeGoal {
    /// Reached when the actual is at least the target (at most, when less
    /// is better); exactly on the target counts as reached.
    pub fn state(&self, today: Day) -> GoalState {
        let (Some(target), Some(actual)) = (self.target, self.actual) else {
            return GoalState::Open;
        };
        let reached = match self.direction {
            Direction::Higher => actual >= target,
            Direction::Lower => actual <= target,
        };
        match (reached, self.due) {
            (true, _) => GoalState::Reached,
            (false, Some(due)) if due < today => GoalState::Missed,
            (false, _) => GoalState::OnTheWay,
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
        for (field, value) in [("target", self.target), ("actual", self.actual)] {
            if let Some(problem) = value.and_then(check_value) {
                problems.push((field.into(), problem));
            }
        }
        problems
    }
}

/// The KAM introduction project of the company.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Introduction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<ProgrammeGoal>,
    /// The phases planned so far, in the order of [`Phase::ALL`] (each at
    /// most once).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<PhasePlan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// Where the risk classes begin; absent when the default.
    #[serde(default, skip_serializing_if = "RiskBands::is_default")]
    pub bands: RiskBands,
}

impl Introduction {
    pub fn is_empty(&self) -> bool {
        *self == Introduction::default()
    }

    pub fn phase(&self, phase: Phase) -> Option<&PhasePlan> {
        self.phases.iter().find(|p| p.phase == phase)
    }

    pub fn phase_mut(&mut self, phase: Phase) -> Option<&mut PhasePlan> {
        self.phases.iter_mut().find(|p| p.phase == phase)
    }

    /// The plan of `phase`, added without dates or tasks when the project
    /// has none for it yet (a file may hold only some phases).
    pub fn phase_entry(&mut self, phase: Phase) -> &mut PhasePlan {
        if self.phase(phase).is_none() {
            self.phases.push(PhasePlan {
                phase,
                start: None,
                end: None,
                checklist: Vec::new(),
            });
            self.phases.sort_by_key(|p| p.phase);
        }
        let at = self.phases.iter().position(|p| p.phase == phase);
        &mut self.phases[at.unwrap_or_default()]
    }

    /// Plans the phases not planned yet, one after the other from `start`
    /// (each with its usual length and its default checklist, `task_text`
    /// in the user's language); phases already planned are kept as they are.
    pub fn plan_phases(
        &mut self,
        start: Day,
        task_text: impl Fn(Phase, usize) -> Option<String>,
        mut new_id: impl FnMut() -> Uuid,
    ) {
        let mut begin = start;
        for phase in Phase::ALL {
            if let Some(plan) = self.phase(phase) {
                if let Some(end) = plan.end {
                    begin = end.plus_days(1).unwrap_or(end);
                }
                continue;
            }
            let plan = PhasePlan::default_for(phase, begin, &task_text, &mut new_id);
            if let Some(end) = plan.end {
                begin = end.plus_days(1).unwrap_or(end);
            }
            self.phases.push(plan);
        }
        self.phases.sort_by_key(|p| p.phase);
    }

    /// Every field-level problem, with its place in the section.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let prefixed = |problems: &mut Vec<FieldProblem>, at: String, list: Vec<FieldProblem>| {
            problems.extend(list.into_iter().map(|(f, p)| (format!("{at}.{f}"), p)));
        };
        if self.goals.len() > MAX_GOALS {
            problems.push(("goals".into(), too_many(MAX_GOALS)));
        }
        let mut ids = HashSet::new();
        for (i, goal) in self.goals.iter().enumerate() {
            if !ids.insert(goal.id) {
                problems.push((format!("goals[{i}].id"), ValidationProblem::Duplicate));
            }
            prefixed(&mut problems, format!("goals[{i}]"), goal.problems());
        }
        let mut phases = HashSet::new();
        for (i, plan) in self.phases.iter().enumerate() {
            let at = format!("phases[{i}]");
            if !phases.insert(plan.phase) {
                problems.push((format!("{at}.phase"), ValidationProblem::Duplicate));
            }
            if plan.checklist.len() > MAX_TASKS {
                problems.push((format!("{at}.checklist"), too_many(MAX_TASKS)));
            }
            prefixed(&mut problems, at, plan.problems(&mut ids));
        }
        if self.risks.len() > MAX_RISKS {
            problems.push(("risks".into(), too_many(MAX_RISKS)));
        }
        for (i, risk) in self.risks.iter().enumerate() {
            if !ids.insert(risk.id) {
                problems.push((format!("risks[{i}].id"), ValidationProblem::Duplicate));
            }
            prefixed(&mut problems, format!("risks[{i}]"), risk.problems());
        }
        if let Some((field, p)) = self.bands.problem() {
            problems.push((format!("bands.{field}"), p));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::project::TaskStatus;
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn goal(target: Option<f64>, actual: Option<f64>, direction: Direction) -> ProgrammeGoal {
        ProgrammeGoal {
            id: Uuid::from_u128(1),
            name: "Umsatzanteil der Key Accounts".into(),
            unit: "%".into(),
            direction,
            target,
            actual,
            due: Some(day("2027-12-31")),
        }
    }

    #[test]
    fn a_goal_is_reached_exactly_on_its_target_in_either_direction() {
        let today = day("2027-06-01");
        let state = |t, a, d| goal(t, a, d).state(today);
        assert_eq!(
            state(Some(40.0), Some(40.0), Direction::Higher),
            GoalState::Reached
        );
        assert_eq!(
            state(Some(40.0), Some(39.9), Direction::Higher),
            GoalState::OnTheWay
        );
        assert_eq!(
            state(Some(5.0), Some(5.0), Direction::Lower),
            GoalState::Reached
        );
        assert_eq!(
            state(Some(5.0), Some(5.1), Direction::Lower),
            GoalState::OnTheWay
        );
        assert_eq!(
            state(Some(0.0), Some(0.0), Direction::Higher),
            GoalState::Reached
        );
        assert_eq!(state(None, Some(3.0), Direction::Higher), GoalState::Open);
        assert_eq!(state(Some(3.0), None, Direction::Higher), GoalState::Open);
        // After the date, a goal not reached is missed.
        let late = goal(Some(40.0), Some(30.0), Direction::Higher).state(day("2028-01-01"));
        assert_eq!(late, GoalState::Missed);
        let on_the_day = goal(Some(40.0), Some(30.0), Direction::Higher).state(day("2027-12-31"));
        assert_eq!(on_the_day, GoalState::OnTheWay);
    }

    #[test]
    fn planning_the_phases_puts_them_one_after_the_other_and_keeps_what_is_planned() {
        let mut intro = Introduction::default();
        let mut n = 0u128;
        let text = |phase: Phase, i: usize| (i < 2).then(|| format!("{phase:?} {i}"));
        intro.plan_phases(day("2027-01-01"), text, || {
            n += 1;
            Uuid::from_u128(n)
        });
        assert_eq!(intro.phases.len(), 5);
        assert!(intro.problems().is_empty(), "{:?}", intro.problems());
        for pair in intro.phases.windows(2) {
            assert_eq!(
                pair[0].end.unwrap().plus_days(1),
                pair[1].start,
                "{:?} follows {:?}",
                pair[1].phase,
                pair[0].phase
            );
        }
        assert_eq!(intro.phases[0].start, Some(day("2027-01-01")));
        assert_eq!(intro.phases[0].checklist.len(), 2);
        assert_eq!(intro.phases[0].checklist[0].status, TaskStatus::Open);
        // A second call adds nothing and changes nothing.
        let before = intro.clone();
        intro.plan_phases(day("2030-01-01"), text, Uuid::new_v4);
        assert_eq!(intro, before);
    }

    #[test]
    fn a_phase_missing_from_a_file_is_added_in_its_place_when_edited() {
        let mut intro = Introduction::default();
        intro.plan_phases(day("2027-01-01"), |_, _| None, Uuid::new_v4);
        intro.phases.retain(|p| p.phase != Phase::Pilot);
        intro.phase_entry(Phase::Pilot).end = Some(day("2027-09-30"));
        let order: Vec<Phase> = intro.phases.iter().map(|p| p.phase).collect();
        assert_eq!(order, Phase::ALL);
        assert_eq!(
            intro.phase(Phase::Pilot).unwrap().end,
            Some(day("2027-09-30"))
        );
        intro.phase_entry(Phase::Pilot).start = Some(day("2027-05-01"));
        assert_eq!(intro.phases.len(), 5);
        assert!(intro.problems().is_empty());
    }

    #[test]
    fn broken_fields_are_named_at_their_place() {
        let mut intro = Introduction {
            goals: vec![goal(Some(f64::INFINITY), None, Direction::Higher)],
            ..Introduction::default()
        };
        intro.goals.push(ProgrammeGoal {
            name: " ".into(),
            ..intro.goals[0].clone()
        });
        intro.plan_phases(
            day("2027-01-01"),
            |_, i| (i == 0).then(|| "x".into()),
            || Uuid::from_u128(7),
        );
        let fields: Vec<String> = intro.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "goals[0].target",
                "goals[1].id",
                "goals[1].name",
                "goals[1].target",
                "phases[1].checklist[0].id",
                "phases[2].checklist[0].id",
                "phases[3].checklist[0].id",
                "phases[4].checklist[0].id",
            ]
        );
    }

    #[test]
    fn an_empty_project_writes_nothing_and_reads_back() {
        assert_eq!(
            serde_json::to_string(&Introduction::default()).unwrap(),
            "{}"
        );
        let mut intro = Introduction {
            goals: vec![goal(Some(40.0), Some(12.5), Direction::Lower)],
            ..Introduction::default()
        };
        intro.plan_phases(
            day("2027-01-01"),
            |_, i| (i < 3).then(|| "x".into()),
            Uuid::new_v4,
        );
        let back: Introduction =
            serde_json::from_str(&serde_json::to_string(&intro).unwrap()).unwrap();
        assert_eq!(back, intro);
    }
}
