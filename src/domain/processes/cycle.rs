//! The KAM process cycle (book chapter 6): the work that recurs for every
//! key account, each step with its rhythm in months.
//!
//! A step is due its rhythm after it was last done: the same day of the
//! month, or the month's last day when the month is shorter (done on
//! 31 October with a rhythm of four months → due 28 February, or 29 in a
//! leap year). A step never done is due at once (*choice*: the account has
//! not had it, so it is late now, not at some later date).

use super::review::last_held_stored;
use super::satisfaction::last_survey_stored;
use crate::domain::account::ValidationProblem;
use crate::domain::potentials::findings::AnalysisTool;
use crate::domain::potentials::{tool_of, ToolKind};
use crate::domain::record::{FieldProblem, ToolFamily};
use crate::domain::time::Day;
use crate::domain::Workspace;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// Shortest rhythm, in months.
pub const RHYTHM_MIN: u8 = 1;
/// Longest rhythm, in months (three years, the horizon of strategic goals).
pub const RHYTHM_MAX: u8 = 36;
/// A step due within this many days counts as due soon.
pub const SOON_DAYS: i64 = 30;

/// The recurring steps of the cycle, in the order of the year's work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The account analysis brought up to date.
    AnalysisUpdate,
    /// The account plan brought up to date.
    PlanUpdate,
    /// The quarterly review of the plan's actions with the team.
    QuarterlyReview,
    /// The annual review talk with the account.
    AnnualReview,
    /// The customer satisfaction survey.
    SatisfactionSurvey,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::AnalysisUpdate,
        Step::PlanUpdate,
        Step::QuarterlyReview,
        Step::AnnualReview,
        Step::SatisfactionSurvey,
    ];

    /// The rhythm a new workspace starts with, in months.
    pub fn default_rhythm(self) -> u8 {
        match self {
            Step::QuarterlyReview => 3,
            Step::AnalysisUpdate
            | Step::PlanUpdate
            | Step::AnnualReview
            | Step::SatisfactionSurvey => 12,
        }
    }

    /// The step's name in the file format (and in the page's markup).
    pub fn as_str(self) -> &'static str {
        match self {
            Step::AnalysisUpdate => "analysis_update",
            Step::PlanUpdate => "plan_update",
            Step::QuarterlyReview => "quarterly_review",
            Step::AnnualReview => "annual_review",
            Step::SatisfactionSurvey => "satisfaction_survey",
        }
    }
}

/// The rhythms of the steps, editable for the whole workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rhythms(pub Vec<(Step, u8)>);

impl Default for Rhythms {
    fn default() -> Self {
        Rhythms(Step::ALL.iter().map(|s| (*s, s.default_rhythm())).collect())
    }
}

impl Rhythms {
    /// Whether every step keeps its default rhythm (written as nothing).
    pub fn is_default(&self) -> bool {
        Step::ALL.iter().all(|step| {
            self.0
                .iter()
                .all(|(s, months)| s != step || *months == step.default_rhythm())
        })
    }

    /// The rhythm of a step in months; the default when none is set.
    pub fn of(&self, step: Step) -> u8 {
        self.0
            .iter()
            .find(|(s, _)| *s == step)
            .map_or(step.default_rhythm(), |(_, months)| *months)
    }

    /// Sets a step's rhythm; a value outside 1–36 months is refused and
    /// nothing changes.
    pub fn set(&mut self, step: Step, months: u8) -> Result<(), ValidationProblem> {
        if !(RHYTHM_MIN..=RHYTHM_MAX).contains(&months) {
            return Err(range());
        }
        self.0.retain(|(s, _)| *s != step);
        self.0.push((step, months));
        self.0.sort();
        Ok(())
    }

    /// Every problem of a stored value: a rhythm out of range, or a step
    /// listed twice.
    pub fn problems(&self) -> Vec<(String, ValidationProblem)> {
        let mut problems = Vec::new();
        for (index, (step, months)) in self.0.iter().enumerate() {
            if !(RHYTHM_MIN..=RHYTHM_MAX).contains(months) {
                problems.push((format!("rhythms[{index}]"), range()));
            }
            if self.0[..index].iter().any(|(s, _)| s == step) {
                problems.push((format!("rhythms[{index}]"), ValidationProblem::Duplicate));
            }
        }
        problems
    }
}

fn range() -> ValidationProblem {
    ValidationProblem::OutOfRange {
        min: i64::from(RHYTHM_MIN),
        max: i64::from(RHYTHM_MAX),
    }
}

/// Where a step stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Its date has passed (or it was never done).
    Overdue,
    /// Due today or within [`SOON_DAYS`].
    DueSoon,
    /// Due later.
    Upcoming,
}

/// One step of one key account, scheduled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub account: Uuid,
    pub step: Step,
    /// When it was last done; `None` when never.
    pub last: Option<Day>,
    pub due: Day,
    pub status: Status,
    /// Days from today to the due date (negative when overdue).
    pub days: i64,
}

/// When a step done on `last` with a rhythm of `months` is due again; a
/// step never done is due `today`.
pub fn next_due(last: Option<Day>, months: u8, today: Day) -> Day {
    last.and_then(|day| day.plus_months(u32::from(months)))
        .unwrap_or(today)
}

/// Schedules one step of one account.
pub fn schedule(
    account: Uuid,
    step: Step,
    last: Option<Day>,
    rhythms: &Rhythms,
    today: Day,
) -> Due {
    let due = next_due(last, rhythms.of(step), today);
    let days = today.days_until(due);
    let status = if last.is_none() || days < 0 {
        Status::Overdue
    } else if days <= SOON_DAYS {
        Status::DueSoon
    } else {
        Status::Upcoming
    };
    Due {
        account,
        step,
        last,
        due,
        status,
        days,
    }
}

/// Every step of every account, the most urgent first: by due date, then
/// in the order the accounts and the steps were given. Each account keeps
/// its own rhythms (`rhythms_of`).
pub fn due_list<'a>(
    accounts: &[Uuid],
    last_done: impl Fn(Uuid, Step) -> Option<Day>,
    rhythms_of: impl Fn(Uuid) -> &'a Rhythms,
    today: Day,
) -> Vec<Due> {
    let mut list: Vec<Due> = accounts
        .iter()
        .flat_map(|account| {
            let rhythms = rhythms_of(*account);
            Step::ALL
                .iter()
                .map(|step| schedule(*account, *step, last_done(*account, *step), rhythms, today))
                .collect::<Vec<_>>()
        })
        .collect();
    // On the same date an overdue step (never done) comes first; a
    // stable sort keeps the given order among the rest.
    list.sort_by_key(|d| (d.due, d.status));
    list
}

/// A step done on a day, noted by hand on the due list (the quarterly
/// review has no tool of its own; any other step may be noted too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    pub step: Step,
    pub day: Day,
}

/// The process cycle of one key account: the rhythms it keeps (the
/// defaults where none is set) and the steps noted as done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cycle {
    #[serde(default, skip_serializing_if = "Rhythms::is_default")]
    pub rhythms: Rhythms,
    /// The latest day each step was noted as done, at most one per step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<Done>,
}

/// The process cycle as a tool of a key account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CycleTool;

impl ToolKind for CycleTool {
    const FAMILY: ToolFamily = ToolFamily::Cycle;
    type Data = Cycle;
    fn problems(data: &Cycle) -> Vec<FieldProblem> {
        data.problems()
    }
}

impl Cycle {
    /// Notes `step` as done on `day` (replacing an earlier note).
    pub fn mark(&mut self, step: Step, day: Day) {
        self.done.retain(|d| d.step != step);
        self.done.push(Done { step, day });
        self.done.sort_by_key(|d| d.step);
    }

    /// The day `step` was noted as done.
    pub fn noted(&self, step: Step) -> Option<Day> {
        self.done.iter().find(|d| d.step == step).map(|d| d.day)
    }

    /// Every field-level problem: the rhythms', a step noted twice.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = self.rhythms.problems();
        for (index, done) in self.done.iter().enumerate() {
            if self.done[..index].iter().any(|d| d.step == done.step) {
                problems.push((format!("done[{index}].step"), ValidationProblem::Duplicate));
            }
        }
        problems
    }
}

/// When each step of one account was last done, from what the account's
/// tools hold, or the day noted on the due list when that is later:
/// - the analysis update: the day of the latest change to any tool of the
///   account analysis (Steckbrief, market, requirements, Buying Center, our
///   business, information sources);
/// - the plan update: the day of the latest change to the account plan;
/// - the quarterly review: only as noted;
/// - the annual review talk: the latest talk held by `today`;
/// - the satisfaction survey: the date of the latest survey up to `today`.
///
/// Read from the stored records without the tools' models (dates of
/// changes are days in UTC).
pub fn last_done(
    workspace: &Workspace,
    account: Uuid,
    cycle: &Cycle,
    today: Day,
) -> Vec<(Step, Option<Day>)> {
    let changed = |analysis: bool| {
        AnalysisTool::ALL
            .iter()
            .filter(|tool| (**tool == AnalysisTool::AccountPlan) != analysis)
            .filter_map(|tool| tool_of(workspace.tool_list(tool.family()), account))
            .map(|record| Day::of(record.modified))
            .max()
    };
    Step::ALL
        .iter()
        .map(|step| {
            let from_tools = match step {
                Step::AnalysisUpdate => changed(true),
                Step::PlanUpdate => changed(false),
                Step::QuarterlyReview => None,
                Step::AnnualReview => {
                    tool_of(workspace.tool_list(ToolFamily::AnnualReview), account)
                        .and_then(|record| last_held_stored(record, today))
                }
                Step::SatisfactionSurvey => {
                    tool_of(workspace.tool_list(ToolFamily::Satisfaction), account)
                        .and_then(|record| last_survey_stored(record, today))
                }
            };
            (*step, from_tools.max(cycle.noted(*step)))
        })
        .collect()
}

impl Due {
    /// The id of the step's event in calendar files: the same in every
    /// export (the account and the step, not the date), so that importing
    /// a newer file moves the date instead of adding a second event.
    pub fn uid(&self) -> String {
        format!("{}-{}@kam-workbench", self.account, self.step.as_str())
    }
}

/// The cycle of each account in the workspace: its stored record, or the
/// defaults when it has none or it cannot be read.
pub fn cycles(workspace: &Workspace) -> Vec<(Uuid, Cycle)> {
    workspace
        .accounts
        .iter()
        .map(|account| {
            let cycle = tool_of(workspace.tool_list(ToolFamily::Cycle), account.id)
                .and_then(|record| CycleTool::read(record).ok())
                .unwrap_or_default();
            (account.id, cycle)
        })
        .collect()
}

/// When each step of one account was last done ([`last_done`]).
type LastDone = Vec<(Step, Option<Day>)>;

/// Every step of every key account of the workspace, each with the
/// account's own rhythms, the most urgent first (as [`due_list`]).
pub fn workspace_due(workspace: &Workspace, today: Day) -> Vec<Due> {
    // Each account's cycle and the days its steps were last done, read
    // once per account (not once per step).
    let known: HashMap<Uuid, (Cycle, LastDone)> = cycles(workspace)
        .into_iter()
        .map(|(account, cycle)| {
            let last = last_done(workspace, account, &cycle, today);
            (account, (cycle, last))
        })
        .collect();
    let accounts: Vec<Uuid> = workspace.accounts.iter().map(|a| a.id).collect();
    let default = Rhythms::default();
    due_list(
        &accounts,
        |account, step| {
            known
                .get(&account)
                .and_then(|(_, last)| last.iter().find(|(s, _)| *s == step))
                .and_then(|(_, day)| *day)
        },
        |account| {
            known
                .get(&account)
                .map_or(&default, |(cycle, _)| &cycle.rhythms)
        },
        today,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    #[test]
    fn due_dates_cross_the_end_of_the_year() {
        assert_eq!(
            next_due(Some(day("2026-11-15")), 3, day("2026-11-27")),
            day("2027-02-15")
        );
        assert_eq!(
            next_due(Some(day("2026-12-31")), 12, day("2026-12-31")),
            day("2027-12-31")
        );
        assert_eq!(
            next_due(Some(day("2026-10-01")), 36, day("2026-11-27")),
            day("2029-10-01")
        );
    }

    #[test]
    fn a_shorter_month_takes_its_last_day() {
        assert_eq!(
            next_due(Some(day("2026-10-31")), 4, day("2026-11-27")),
            day("2027-02-28")
        );
        assert_eq!(
            next_due(Some(day("2027-10-31")), 4, day("2027-11-27")),
            day("2028-02-29")
        );
        assert_eq!(
            next_due(Some(day("2026-08-31")), 1, day("2026-09-01")),
            day("2026-09-30")
        );
    }

    #[test]
    fn a_step_never_done_is_due_today_and_overdue() {
        let rhythms = Rhythms::default();
        let due = schedule(
            Uuid::nil(),
            Step::AnnualReview,
            None,
            &rhythms,
            day("2026-11-27"),
        );
        assert_eq!(due.due, day("2026-11-27"));
        assert_eq!(due.status, Status::Overdue);
        assert_eq!(due.days, 0);
    }

    #[test]
    fn status_boundaries() {
        let rhythms = Rhythms::default();
        let today = day("2026-11-27");
        let status = |last: &str| {
            schedule(
                Uuid::nil(),
                Step::QuarterlyReview,
                Some(day(last)),
                &rhythms,
                today,
            )
        };
        // Quarterly: done 26 August → due 26 November, one day late.
        assert_eq!(
            (status("2026-08-26").status, status("2026-08-26").days),
            (Status::Overdue, -1)
        );
        // Due today.
        assert_eq!(
            (status("2026-08-27").status, status("2026-08-27").days),
            (Status::DueSoon, 0)
        );
        // Due in 30 days (27 December) and in 31 days (28 December).
        assert_eq!(
            (status("2026-09-27").status, status("2026-09-27").days),
            (Status::DueSoon, 30)
        );
        assert_eq!(
            (status("2026-09-28").status, status("2026-09-28").days),
            (Status::Upcoming, 31)
        );
    }

    #[test]
    fn rhythms_are_editable_within_one_to_thirty_six_months() {
        let mut rhythms = Rhythms::default();
        assert_eq!(rhythms.of(Step::QuarterlyReview), 3);
        assert_eq!(rhythms.of(Step::AnnualReview), 12);
        rhythms.set(Step::AnnualReview, 6).unwrap();
        assert_eq!(rhythms.of(Step::AnnualReview), 6);
        assert_eq!(rhythms.set(Step::AnnualReview, 0), Err(range()));
        assert_eq!(rhythms.set(Step::AnnualReview, 37), Err(range()));
        assert_eq!(rhythms.of(Step::AnnualReview), 6);
        assert!(rhythms.problems().is_empty());
        let stored = Rhythms(vec![(Step::PlanUpdate, 0), (Step::PlanUpdate, 12)]);
        let problems = stored.problems();
        assert_eq!(problems[0], ("rhythms[0]".into(), range()));
        assert_eq!(
            problems[1],
            ("rhythms[1]".into(), ValidationProblem::Duplicate)
        );
        // A rhythm a file leaves out keeps its default.
        assert_eq!(Rhythms(Vec::new()).of(Step::QuarterlyReview), 3);
    }

    #[test]
    fn the_list_across_accounts_puts_the_most_urgent_first() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let today = day("2026-11-27");
        let last = |account: Uuid, step: Step| match (account == a, step) {
            (true, _) => Some(day("2026-06-01")),
            (false, Step::SatisfactionSurvey) => None,
            (false, _) => Some(day("2026-01-15")),
        };
        let rhythms = Rhythms::default();
        let list = due_list(&[a, b], last, |_| &rhythms, today);
        let order: Vec<(Uuid, Step, Day)> =
            list.iter().map(|d| (d.account, d.step, d.due)).collect();
        assert_eq!(
            order,
            [
                // B's quarterly review: 15 January + 3 months.
                (b, Step::QuarterlyReview, day("2026-04-15")),
                (a, Step::QuarterlyReview, day("2026-09-01")),
                // B's survey was never held: due today.
                (b, Step::SatisfactionSurvey, today),
                // Equal dates keep the order of the steps.
                (b, Step::AnalysisUpdate, day("2027-01-15")),
                (b, Step::PlanUpdate, day("2027-01-15")),
                (b, Step::AnnualReview, day("2027-01-15")),
                (a, Step::AnalysisUpdate, day("2027-06-01")),
                (a, Step::PlanUpdate, day("2027-06-01")),
                (a, Step::AnnualReview, day("2027-06-01")),
                (a, Step::SatisfactionSurvey, day("2027-06-01")),
            ]
        );
        let status: Vec<Status> = list.iter().take(4).map(|d| d.status).collect();
        assert_eq!(
            status,
            [
                Status::Overdue,
                Status::Overdue,
                Status::Overdue,
                Status::Upcoming
            ]
        );
    }

    #[test]
    fn on_the_same_day_a_step_never_done_comes_first() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let today = day("2026-11-27");
        // A's quarterly review falls due today; b never had a survey.
        let last = |account: Uuid, step: Step| match (account == a, step) {
            (true, Step::QuarterlyReview) => Some(day("2026-08-27")),
            (true, _) => Some(day("2026-11-01")),
            (false, Step::SatisfactionSurvey) => None,
            (false, _) => Some(day("2026-11-01")),
        };
        let rhythms = Rhythms::default();
        let list = due_list(&[a, b], last, |_| &rhythms, today);
        let first: Vec<(Uuid, Step, Status)> = list
            .iter()
            .take(2)
            .map(|d| (d.account, d.step, d.status))
            .collect();
        assert_eq!(
            first,
            [
                (b, Step::SatisfactionSurvey, Status::Overdue),
                (a, Step::QuarterlyReview, Status::DueSoon)
            ]
        );
    }

    #[test]
    fn the_last_time_comes_from_the_tools_or_the_note_whichever_is_later() {
        use crate::domain::account::AccountDraft;
        use crate::domain::potentials::plan::{AccountPlan, PlanTool};
        use crate::domain::potentials::profile::{Profile, ProfileTool};
        use crate::domain::potentials::put_tool;
        use crate::domain::processes::review::{ReviewTool, Talk, Talks};
        use crate::domain::processes::satisfaction::{SatisfactionTool, Survey, Surveys};
        use crate::domain::time::Timestamp;
        let account = Uuid::from_u128(1);
        let at = |text: &str| Timestamp::parse(text).unwrap();
        let mut ws = Workspace::default();
        ws.accounts.push(
            AccountDraft {
                name: "Nordlicht Logistik GmbH".into(),
                ..Default::default()
            }
            .create(account, at("2026-01-01T08:00:00Z"))
            .unwrap(),
        );
        put_tool::<ProfileTool>(
            &mut ws,
            account,
            &Profile::default(),
            at("2026-03-01T10:00:00Z"),
        )
        .unwrap();
        put_tool::<PlanTool>(
            &mut ws,
            account,
            &AccountPlan::default(),
            at("2026-06-30T23:30:00Z"),
        )
        .unwrap();
        let talks = Talks {
            talks: vec![
                Talk::new(Uuid::from_u128(2), 2025, Day::parse("2026-02-12"), &[]),
                Talk::new(Uuid::from_u128(3), 2026, Day::parse("2027-02-01"), &[]),
            ],
        };
        put_tool::<ReviewTool>(&mut ws, account, &talks, at("2026-02-12T10:00:00Z")).unwrap();
        let surveys = Surveys {
            surveys: vec![Survey {
                id: Uuid::from_u128(4),
                date: Day::parse("2025-10-01"),
                ..Survey::default()
            }],
        };
        put_tool::<SatisfactionTool>(&mut ws, account, &surveys, at("2026-01-05T10:00:00Z"))
            .unwrap();
        let today = day("2026-11-27");
        let mut cycle = Cycle::default();
        cycle.mark(Step::QuarterlyReview, day("2026-10-15"));
        // A note older than the tools' date does not move it back.
        cycle.mark(Step::PlanUpdate, day("2026-05-01"));
        assert_eq!(
            last_done(&ws, account, &cycle, today),
            [
                (Step::AnalysisUpdate, Some(day("2026-03-01"))),
                (Step::PlanUpdate, Some(day("2026-06-30"))),
                (Step::QuarterlyReview, Some(day("2026-10-15"))),
                // The talk of February 2027 is planned, not held.
                (Step::AnnualReview, Some(day("2026-02-12"))),
                (Step::SatisfactionSurvey, Some(day("2025-10-01"))),
            ]
        );
        // A later note wins over the tools.
        cycle.mark(Step::AnalysisUpdate, day("2026-11-20"));
        assert_eq!(
            last_done(&ws, account, &cycle, today)[0],
            (Step::AnalysisUpdate, Some(day("2026-11-20")))
        );
        // The account's own rhythms: a survey every 6 months is overdue
        // since 2026-04-01; the quarterly review is due 2027-01-15.
        cycle.rhythms.set(Step::SatisfactionSurvey, 6).unwrap();
        put_tool::<CycleTool>(&mut ws, account, &cycle, at("2026-11-20T10:00:00Z")).unwrap();
        let due = workspace_due(&ws, today);
        let survey = due
            .iter()
            .find(|d| d.step == Step::SatisfactionSurvey)
            .unwrap();
        assert_eq!(
            (survey.due, survey.status),
            (day("2026-04-01"), Status::Overdue)
        );
        let quarterly = due
            .iter()
            .find(|d| d.step == Step::QuarterlyReview)
            .unwrap();
        assert_eq!(
            (quarterly.due, quarterly.status),
            (day("2027-01-15"), Status::Upcoming)
        );
        assert_eq!(
            due[0].step,
            Step::SatisfactionSurvey,
            "the most urgent first"
        );
        assert_eq!(
            quarterly.uid(),
            format!("{account}-quarterly_review@kam-workbench")
        );
    }

    #[test]
    fn a_cycle_notes_one_day_per_step_and_keeps_default_rhythms_unwritten() {
        let mut cycle = Cycle::default();
        assert!(cycle.rhythms.is_default());
        cycle.mark(Step::AnnualReview, day("2026-02-12"));
        cycle.mark(Step::AnnualReview, day("2026-03-01"));
        assert_eq!(cycle.done.len(), 1);
        assert_eq!(cycle.noted(Step::AnnualReview), Some(day("2026-03-01")));
        assert_eq!(serde_json::to_string(&Cycle::default()).unwrap(), "{}");
        cycle.rhythms.set(Step::AnnualReview, 6).unwrap();
        assert!(!cycle.rhythms.is_default());
        let broken: Cycle = serde_json::from_str(
            r#"{"done":[{"step":"annual_review","day":"2026-01-01"},{"step":"annual_review","day":"2026-02-01"}]}"#,
        )
        .unwrap();
        assert_eq!(
            broken.problems(),
            [("done[1].step".to_owned(), ValidationProblem::Duplicate)]
        );
    }
}
