//! The five phases of introducing KAM, each with a checklist of tasks,
//! its dates and its progress.

use crate::domain::account::{check_name, check_text, ValidationProblem, MAX_SHORT_TEXT_CHARS};
use crate::domain::record::FieldProblem;
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Most tasks in one phase.
pub const MAX_TASKS: usize = 100;

/// The phases of the introduction, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Initiation,
    Design,
    Pilot,
    RollOut,
    Anchoring,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Initiation,
        Phase::Design,
        Phase::Pilot,
        Phase::RollOut,
        Phase::Anchoring,
    ];

    /// The phase's usual length in months, for a first plan.
    pub fn usual_months(self) -> u32 {
        match self {
            Phase::Initiation => 1,
            Phase::Design => 2,
            Phase::Pilot => 4,
            Phase::RollOut => 6,
            Phase::Anchoring => 6,
        }
    }

    /// How many tasks the default checklist of the phase has (their texts
    /// are in the translation catalogue).
    pub fn default_tasks(self) -> usize {
        match self {
            Phase::Initiation => 5,
            Phase::Design => 6,
            Phase::Pilot => 5,
            Phase::RollOut => 5,
            Phase::Anchoring => 5,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Phase::Initiation => "initiation",
            Phase::Design => "design",
            Phase::Pilot => "pilot",
            Phase::RollOut => "roll_out",
            Phase::Anchoring => "anchoring",
        }
    }
}

/// Where a task stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    #[default]
    Open,
    InProgress,
    Done,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 3] = [TaskStatus::Open, TaskStatus::InProgress, TaskStatus::Done];

    pub fn key(self) -> &'static str {
        match self {
            TaskStatus::Open => "open",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Done => "done",
        }
    }

    pub fn from_key(key: &str) -> Option<TaskStatus> {
        TaskStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    fn is_open(&self) -> bool {
        *self == TaskStatus::Open
    }
}

/// One item of a phase's checklist.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: Uuid,
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Day>,
    #[serde(default, skip_serializing_if = "TaskStatus::is_open")]
    pub status: TaskStatus,
}

impl Task {
    /// Not done, and its date has passed.
    pub fn overdue(&self, today: Day) -> bool {
        self.status != TaskStatus::Done && self.due.is_some_and(|due| due < today)
    }
}

/// One phase as planned: its dates and its checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhasePlan {
    pub phase: Phase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Day>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Day>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<Task>,
}

/// How far a phase (or the whole project) is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub in_progress: usize,
    pub total: usize,
    pub overdue: usize,
}

impl Progress {
    /// The share of tasks done in whole percent (halves rounded up);
    /// `None` without tasks.
    pub fn percent(&self) -> Option<u32> {
        (self.total > 0).then(|| ((self.done * 200 + self.total) / (self.total * 2)) as u32)
    }

    pub fn complete(&self) -> bool {
        self.total > 0 && self.done == self.total
    }

    fn add(mut self, other: Progress) -> Progress {
        self.done += other.done;
        self.in_progress += other.in_progress;
        self.total += other.total;
        self.overdue += other.overdue;
        self
    }
}

impl PhasePlan {
    /// A first plan of `phase`: from `start` for its usual length, with its
    /// default checklist (`task_text(phase, n)` gives the n-th task's text).
    pub fn default_for(
        phase: Phase,
        start: Day,
        task_text: impl Fn(Phase, usize) -> Option<String>,
        mut new_id: impl FnMut() -> Uuid,
    ) -> PhasePlan {
        let end = start
            .plus_months(phase.usual_months())
            .and_then(|d| d.plus_days(-1));
        PhasePlan {
            phase,
            start: Some(start),
            end,
            checklist: (0..phase.default_tasks())
                .filter_map(|n| task_text(phase, n))
                .map(|text| Task {
                    id: new_id(),
                    text,
                    ..Task::default()
                })
                .collect(),
        }
    }

    pub fn progress(&self, today: Day) -> Progress {
        let count = |status| self.checklist.iter().filter(|t| t.status == status).count();
        Progress {
            done: count(TaskStatus::Done),
            in_progress: count(TaskStatus::InProgress),
            total: self.checklist.len(),
            overdue: self.checklist.iter().filter(|t| t.overdue(today)).count(),
        }
    }

    /// The phase's problems; task ids go into `ids`, shared with the rest
    /// of the project so that every id is unique in it.
    pub(super) fn problems(&self, ids: &mut HashSet<Uuid>) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if let (Some(start), Some(end)) = (self.start, self.end) {
            if end < start {
                problems.push(("end".into(), ValidationProblem::EndsBeforeStart));
            }
        }
        for (i, task) in self.checklist.iter().enumerate() {
            let at = format!("checklist[{i}]");
            if !ids.insert(task.id) {
                problems.push((format!("{at}.id"), ValidationProblem::Duplicate));
            }
            if let Err(p) = check_name(&task.text) {
                problems.push((format!("{at}.text"), p));
            }
            if let Err(p) = check_text(&task.owner, MAX_SHORT_TEXT_CHARS, false) {
                problems.push((format!("{at}.owner"), p));
            }
        }
        problems
    }
}

/// The progress of all phases together.
pub fn overall(phases: &[PhasePlan], today: Day) -> Progress {
    phases
        .iter()
        .map(|p| p.progress(today))
        .fold(Progress::default(), Progress::add)
}

/// The span the timeline shows: from the earliest start to the latest
/// end of the phases with dates (and today, when it is near), or `None`
/// when no phase has both dates.
pub fn timeline_span(phases: &[PhasePlan], today: Day) -> Option<(Day, Day)> {
    let dated = phases.iter().filter_map(|p| Some((p.start?, p.end?)));
    let (first, last) = dated.fold(None, |span: Option<(Day, Day)>, (s, e)| match span {
        None => Some((s, e)),
        Some((a, b)) => Some((a.min(s), b.max(e))),
    })?;
    // Today widens the span only when it lies within a year of it, so that
    // a project planned for later still fills the chart.
    let near = first.days_until(today) > -366 && today.days_until(last) > -366;
    Some(if near {
        (first.min(today), last.max(today))
    } else {
        (first, last)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn task(status: TaskStatus, due: Option<&str>) -> Task {
        Task {
            id: Uuid::new_v4(),
            text: "Lenkungskreis benennen".into(),
            due: due.map(day),
            status,
            ..Task::default()
        }
    }

    fn plan(tasks: Vec<Task>) -> PhasePlan {
        PhasePlan {
            phase: Phase::Pilot,
            start: Some(day("2027-03-01")),
            end: Some(day("2027-06-30")),
            checklist: tasks,
        }
    }

    #[test]
    fn progress_counts_done_tasks_and_rounds_halves_up() {
        let today = day("2027-04-01");
        let phase = plan(vec![
            task(TaskStatus::Done, None),
            task(TaskStatus::InProgress, Some("2027-03-15")),
            task(TaskStatus::Open, Some("2027-04-01")),
        ]);
        let progress = phase.progress(today);
        assert_eq!(
            progress,
            Progress {
                done: 1,
                in_progress: 1,
                total: 3,
                overdue: 1
            }
        );
        assert_eq!(progress.percent(), Some(33));
        assert!(!progress.complete());
        let two_of_three = plan(vec![
            task(TaskStatus::Done, None),
            task(TaskStatus::Done, Some("2027-01-01")),
            task(TaskStatus::Open, None),
        ]);
        assert_eq!(two_of_three.progress(today).percent(), Some(67));
        // A done task is never overdue.
        assert_eq!(two_of_three.progress(today).overdue, 0);
        let half = plan(vec![
            task(TaskStatus::Done, None),
            task(TaskStatus::Open, None),
        ]);
        assert_eq!(half.progress(today).percent(), Some(50));
        let one_of_eight = plan(
            std::iter::once(task(TaskStatus::Done, None))
                .chain((0..7).map(|_| task(TaskStatus::Open, None)))
                .collect(),
        );
        // 12.5 % rounds to 13.
        assert_eq!(one_of_eight.progress(today).percent(), Some(13));
        assert_eq!(plan(vec![]).progress(today).percent(), None);
        let all = plan(vec![task(TaskStatus::Done, None)]);
        assert!(all.progress(today).complete());
        assert_eq!(all.progress(today).percent(), Some(100));
        let sum = overall(&[phase, two_of_three, half], today);
        assert_eq!((sum.done, sum.total, sum.percent()), (4, 8, Some(50)));
    }

    #[test]
    fn a_phase_ending_before_it_starts_is_refused() {
        let mut phase = plan(vec![]);
        phase.end = Some(day("2027-02-28"));
        let fields: Vec<String> = phase
            .problems(&mut HashSet::new())
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, ["end"]);
        phase.end = phase.start;
        assert!(phase.problems(&mut HashSet::new()).is_empty());
    }

    #[test]
    fn a_first_plan_lasts_the_usual_months() {
        let plan = PhasePlan::default_for(
            Phase::Pilot,
            day("2027-01-31"),
            |_, n| Some(format!("Aufgabe {n}")),
            Uuid::new_v4,
        );
        assert_eq!(plan.end, Some(day("2027-05-30")));
        assert_eq!(plan.checklist.len(), Phase::Pilot.default_tasks());
    }

    #[test]
    fn the_timeline_spans_the_phases_and_today_when_it_is_near() {
        let first = plan(vec![]);
        let second = PhasePlan {
            phase: Phase::RollOut,
            start: Some(day("2027-07-01")),
            end: Some(day("2027-12-31")),
            checklist: vec![],
        };
        let undated = PhasePlan {
            phase: Phase::Anchoring,
            start: None,
            end: None,
            checklist: vec![],
        };
        let phases = [first, second, undated];
        assert_eq!(
            timeline_span(&phases, day("2027-05-01")),
            Some((day("2027-03-01"), day("2027-12-31")))
        );
        assert_eq!(
            timeline_span(&phases, day("2027-01-15")),
            Some((day("2027-01-15"), day("2027-12-31")))
        );
        assert_eq!(
            timeline_span(&phases, day("2031-01-01")),
            Some((day("2027-03-01"), day("2027-12-31")))
        );
        assert_eq!(timeline_span(&phases[2..], day("2027-01-01")), None);
    }
}
