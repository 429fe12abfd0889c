//! The KAM process cycle (book chapter 6): the work that recurs for every
//! key account, each step with its rhythm in months.
//!
//! A step is due its rhythm after it was last done: the same day of the
//! month, or the month's last day when the month is shorter (done on
//! 31 October with a rhythm of four months → due 28 February, or 29 in a
//! leap year). A step never done is due at once (*choice*: the account has
//! not had it, so it is late now, not at some later date).

use crate::domain::account::ValidationProblem;
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};
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
/// in the order the accounts and the steps were given.
pub fn due_list(
    accounts: &[Uuid],
    last_done: impl Fn(Uuid, Step) -> Option<Day>,
    rhythms: &Rhythms,
    today: Day,
) -> Vec<Due> {
    let mut list: Vec<Due> = accounts
        .iter()
        .flat_map(|account| {
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
        let list = due_list(&[a, b], last, &Rhythms::default(), today);
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
        let list = due_list(&[a, b], last, &Rhythms::default(), today);
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
}
