//! The key account team of an account (book chapter 5): who works on the
//! account, in which role, with how many days a month, and who does what
//! (RACI: responsible, accountable, consulted, informed) per task area.
//!
//! Rules, as flags:
//! - every task area has exactly one person accountable (A): none, or more
//!   than one (possible in a merged file), is flagged;
//! - a task area where nobody is responsible (R) is flagged;
//! - a person whose days on all teams together exceed their availability
//!   is overloaded. A person is the same person on every team by their id
//!   (a colleague of the company's list), not by name.

use super::competency::{Assessment, Development};
use crate::domain::account::{check_name, check_text, ValidationProblem, MAX_SHORT_TEXT_CHARS};
use crate::domain::potentials::too_many;
use crate::domain::record::FieldProblem;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Most days a month a person can give (availability and days on a team).
pub const MAX_DAYS: f64 = 31.0;
/// Most members of one team, and most task areas.
pub const MAX_MEMBERS: usize = 50;
pub const MAX_TASKS: usize = 50;

/// A letter of the RACI matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Raci {
    /// Does the work.
    Responsible,
    /// Answers for the result; exactly one per task area.
    Accountable,
    /// Is asked before.
    Consulted,
    /// Is told after.
    Informed,
}

impl Raci {
    pub const ALL: [Raci; 4] = [
        Raci::Responsible,
        Raci::Accountable,
        Raci::Consulted,
        Raci::Informed,
    ];

    /// The letter shown in the matrix.
    pub fn letter(self) -> &'static str {
        match self {
            Raci::Responsible => "R",
            Raci::Accountable => "A",
            Raci::Consulted => "C",
            Raci::Informed => "I",
        }
    }
}

/// The task areas a new team starts with, from the book's processes.
/// Their names come from the translation catalogue in the user's language
/// when the team is created; afterwards they are the team's own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultTask {
    AccountAnalysis,
    AccountPlan,
    AnnualReview,
    OffersAndPricing,
    DeliveryAndService,
    Complaints,
    Reporting,
}

impl DefaultTask {
    pub const ALL: [DefaultTask; 7] = [
        DefaultTask::AccountAnalysis,
        DefaultTask::AccountPlan,
        DefaultTask::AnnualReview,
        DefaultTask::OffersAndPricing,
        DefaultTask::DeliveryAndService,
        DefaultTask::Complaints,
        DefaultTask::Reporting,
    ];
}

/// A person of the company who can sit on key account teams.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Colleague {
    pub id: Uuid,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub function: String,
    /// Days a month this person has for key account work, all teams
    /// together; unknown when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<f64>,
    /// The competency assessments of this person, against the role's
    /// target profile ([`super::organisation::Role`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<Assessment>,
    /// Development actions agreed with this person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub development: Vec<Development>,
}

/// A colleague on one account's team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The colleague's id.
    pub person: Uuid,
    /// The role in this team (e.g. "Anwendungstechnik").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Days a month planned for this account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<f64>,
}

/// A task area with its RACI letters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: Uuid,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub raci: Vec<(Uuid, Raci)>,
}

impl Task {
    /// The persons with this letter, in the order they were given it.
    pub fn with(&self, letter: Raci) -> Vec<Uuid> {
        self.raci
            .iter()
            .filter(|(_, l)| *l == letter)
            .map(|(p, _)| *p)
            .collect()
    }

    /// The person's letters on this task (none, one, or A and R).
    pub fn letters_of(&self, person: Uuid) -> Vec<Raci> {
        self.raci
            .iter()
            .filter(|(p, _)| *p == person)
            .map(|(_, l)| *l)
            .collect()
    }
}

/// The key account team of one account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Team {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
}

/// Why letters cannot be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignError {
    UnknownTask,
    /// Only members of the team get letters.
    NotAMember,
    /// One letter per person and task, or A and R together.
    NotACombination,
}

/// Something about a team that needs attention.
#[derive(Debug, Clone, PartialEq)]
pub enum TeamFlag {
    /// Nobody is accountable for the task area.
    NoAccountable { task: Uuid },
    /// More than one person is accountable.
    SeveralAccountable { task: Uuid, persons: Vec<Uuid> },
    /// Nobody is responsible for the task area.
    NoResponsible { task: Uuid },
    /// The person's days on all teams exceed their availability.
    Overloaded(Load),
}

/// A person's planned days across all teams.
#[derive(Debug, Clone, PartialEq)]
pub struct Load {
    pub person: Uuid,
    /// Days a month, all teams together.
    pub days: f64,
    pub availability: Option<f64>,
    /// How many teams the person sits on.
    pub teams: usize,
}

impl Load {
    pub fn overloaded(&self) -> bool {
        self.availability.is_some_and(|a| self.days > a + 1e-9)
    }
}

fn check_days(value: Option<f64>) -> Option<ValidationProblem> {
    let value = value?;
    if !value.is_finite() {
        Some(ValidationProblem::NotFinite)
    } else if value < 0.0 {
        Some(ValidationProblem::Negative)
    } else if value > MAX_DAYS {
        Some(ValidationProblem::OutOfRange {
            min: 0,
            max: MAX_DAYS as i64,
        })
    } else {
        None
    }
}

/// Days with up to two decimals and the given decimal mark (`2,5`, `3`,
/// `0,25`), written with whole numbers only: formatting an `f64` would
/// cost each page that shows days about 5 KB gzip.
pub fn format_days(days: f64, mark: char) -> String {
    let hundredths = (days * 100.0).round() as i64;
    let (whole, fraction) = (hundredths / 100, hundredths % 100);
    match fraction {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}{mark}{}", f / 10),
        f => format!("{whole}{mark}{f:02}"),
    }
}

/// Days a month as typed, with a decimal comma or point: `None` for an
/// empty field, an error for anything that is not a number from 0 to 31.
pub fn parse_days(value: &str) -> Result<Option<f64>, ValidationProblem> {
    let value = value.trim().replace(',', ".");
    if value.is_empty() {
        return Ok(None);
    }
    let days = crate::domain::parse_decimal(&value).ok_or(ValidationProblem::NotFinite)?;
    match check_days(Some(days)) {
        Some(problem) => Err(problem),
        None => Ok(Some(days)),
    }
}

impl Colleague {
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if let Err(problem) = check_name(&self.name) {
            problems.push(("name".into(), problem));
        }
        if let Err(problem) = check_text(&self.function, MAX_SHORT_TEXT_CHARS, false) {
            problems.push(("function".into(), problem));
        }
        if let Some(problem) = check_days(self.availability) {
            problems.push(("availability".into(), problem));
        }
        problems
    }
}

impl Team {
    /// A new team with the default task areas, named by `name`.
    pub fn with_default_tasks(
        name: impl Fn(DefaultTask) -> String,
        new_id: impl Fn() -> Uuid,
    ) -> Team {
        Team {
            members: Vec::new(),
            tasks: DefaultTask::ALL
                .iter()
                .map(|t| Task {
                    id: new_id(),
                    name: name(*t),
                    raci: Vec::new(),
                })
                .collect(),
        }
    }

    /// Sets the person's letters on the task: none, one, or A and R
    /// together (a person who answers for the result and does the work,
    /// as in a team of one). The task keeps at most one A: giving A to one
    /// person takes it from the one who had it, who is returned so that
    /// the page can say so.
    pub fn assign(
        &mut self,
        task: Uuid,
        person: Uuid,
        letters: &[Raci],
    ) -> Result<Option<Uuid>, AssignError> {
        if !self.members.iter().any(|m| m.person == person) {
            return Err(AssignError::NotAMember);
        }
        let allowed = match letters {
            [] | [_] => true,
            [a, b] => matches!(
                (a, b),
                (Raci::Accountable, Raci::Responsible) | (Raci::Responsible, Raci::Accountable)
            ),
            _ => false,
        };
        if !allowed {
            return Err(AssignError::NotACombination);
        }
        let task = self
            .tasks
            .iter_mut()
            .find(|t| t.id == task)
            .ok_or(AssignError::UnknownTask)?;
        let mut replaced = None;
        if letters.contains(&Raci::Accountable) {
            replaced = task
                .raci
                .iter()
                .find(|(p, l)| *l == Raci::Accountable && *p != person)
                .map(|(p, _)| *p);
            task.raci.retain(|(_, l)| *l != Raci::Accountable);
        }
        task.raci.retain(|(p, _)| *p != person);
        task.raci.extend(letters.iter().map(|l| (person, *l)));
        Ok(replaced)
    }

    /// Removes a member and every letter they had.
    pub fn remove_member(&mut self, person: Uuid) {
        self.members.retain(|m| m.person != person);
        for task in &mut self.tasks {
            task.raci.retain(|(p, _)| *p != person);
        }
    }

    /// The flags of the task areas, in the order of the tasks.
    pub fn task_flags(&self) -> Vec<TeamFlag> {
        let mut flags = Vec::new();
        for task in &self.tasks {
            let accountable = task.with(Raci::Accountable);
            match accountable.len() {
                0 => flags.push(TeamFlag::NoAccountable { task: task.id }),
                1 => {}
                _ => flags.push(TeamFlag::SeveralAccountable {
                    task: task.id,
                    persons: accountable,
                }),
            }
            if task.with(Raci::Responsible).is_empty() {
                flags.push(TeamFlag::NoResponsible { task: task.id });
            }
        }
        flags
    }

    /// Every field-level problem, in page order.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.members.len() > MAX_MEMBERS {
            problems.push(("members".into(), too_many(MAX_MEMBERS)));
        }
        let mut members = HashSet::new();
        for (index, member) in self.members.iter().enumerate() {
            if !members.insert(member.person) {
                problems.push((
                    format!("members[{index}].person"),
                    ValidationProblem::Duplicate,
                ));
            }
            if let Err(problem) = check_text(&member.role, MAX_SHORT_TEXT_CHARS, false) {
                problems.push((format!("members[{index}].role"), problem));
            }
            if let Some(problem) = check_days(member.days) {
                problems.push((format!("members[{index}].days"), problem));
            }
        }
        if self.tasks.len() > MAX_TASKS {
            problems.push(("tasks".into(), too_many(MAX_TASKS)));
        }
        let mut ids = HashSet::new();
        for (index, task) in self.tasks.iter().enumerate() {
            if !ids.insert(task.id) {
                problems.push((format!("tasks[{index}].id"), ValidationProblem::Duplicate));
            }
            if let Err(problem) = check_name(&task.name) {
                problems.push((format!("tasks[{index}].name"), problem));
            }
            for (n, (person, letter)) in task.raci.iter().enumerate() {
                // A person holds one letter per task, or A and R together.
                let earlier: Vec<Raci> = task.raci[..n]
                    .iter()
                    .filter(|(p, _)| p == person)
                    .map(|(_, l)| *l)
                    .collect();
                let pair = matches!(
                    (earlier.as_slice(), letter),
                    ([Raci::Accountable], Raci::Responsible)
                        | ([Raci::Responsible], Raci::Accountable)
                );
                let place = format!("tasks[{index}].raci[{n}]");
                if !members.contains(person) {
                    problems.push((place, ValidationProblem::DanglingReference));
                } else if !earlier.is_empty() && !pair {
                    problems.push((place, ValidationProblem::Duplicate));
                }
            }
        }
        problems
    }
}

/// The key account team as a tool of a key account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TeamTool;

impl crate::domain::potentials::ToolKind for TeamTool {
    const FAMILY: crate::domain::record::ToolFamily = crate::domain::record::ToolFamily::Team;
    type Data = Team;
    fn problems(data: &Team) -> Vec<FieldProblem> {
        data.problems()
    }
}

/// Every colleague's load over all teams, in the order of the colleagues;
/// colleagues on no team are left out.
pub fn loads<'a>(colleagues: &[Colleague], teams: impl IntoIterator<Item = &'a Team>) -> Vec<Load> {
    let mut days: HashMap<Uuid, (f64, usize)> = HashMap::new();
    for team in teams {
        for member in &team.members {
            let entry = days.entry(member.person).or_default();
            entry.0 += member.days.unwrap_or(0.0);
            entry.1 += 1;
        }
    }
    colleagues
        .iter()
        .filter_map(|c| {
            let (days, teams) = *days.get(&c.id)?;
            Some(Load {
                person: c.id,
                days,
                availability: c.availability,
                teams,
            })
        })
        .collect()
}

/// The flags of one account's team: its task areas, then the members who
/// are overloaded across all teams (`loads` of every team).
pub fn team_flags(team: &Team, loads: &[Load]) -> Vec<TeamFlag> {
    let mut flags = team.task_flags();
    for member in &team.members {
        if let Some(load) = loads
            .iter()
            .find(|l| l.person == member.person && l.overloaded())
        {
            flags.push(TeamFlag::Overloaded(load.clone()));
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn colleague(n: u128, availability: Option<f64>) -> Colleague {
        Colleague {
            id: id(n),
            name: format!("Kollege {n}"),
            function: String::new(),
            availability,
            ..Colleague::default()
        }
    }

    #[test]
    fn days_are_written_with_at_most_two_decimals() {
        assert_eq!(format_days(3.0, ','), "3");
        assert_eq!(format_days(2.5, ','), "2,5");
        assert_eq!(format_days(0.25, '.'), "0.25");
        assert_eq!(format_days(12.05, ','), "12,05");
        assert_eq!(format_days(1.999, ','), "2");
        assert_eq!(format_days(31.0, '.'), "31");
    }

    #[test]
    fn days_are_read_with_either_decimal_mark_and_refused_out_of_range() {
        assert_eq!(parse_days(""), Ok(None));
        assert_eq!(parse_days("2,5"), Ok(Some(2.5)));
        assert_eq!(parse_days(" 4.5 "), Ok(Some(4.5)));
        assert_eq!(parse_days("31"), Ok(Some(31.0)));
        assert!(parse_days("32").is_err());
        assert_eq!(parse_days("-1"), Err(ValidationProblem::Negative));
        assert_eq!(parse_days("viel"), Err(ValidationProblem::NotFinite));
    }

    fn member(n: u128, days: f64) -> Member {
        Member {
            person: id(n),
            role: String::new(),
            days: Some(days),
        }
    }

    fn team() -> Team {
        let counter = std::cell::Cell::new(100u128);
        let mut team = Team::with_default_tasks(
            |t| format!("{t:?}"),
            || {
                counter.set(counter.get() + 1);
                id(counter.get())
            },
        );
        team.members = vec![member(1, 4.0), member(2, 2.0)];
        team
    }

    #[test]
    fn a_new_team_has_the_seven_task_areas_and_each_is_flagged() {
        let team = team();
        assert_eq!(team.tasks.len(), 7);
        assert_eq!(team.tasks[0].name, "AccountAnalysis");
        assert_eq!(team.tasks[6].name, "Reporting");
        // Neither A nor R anywhere: two flags per task.
        assert_eq!(team.task_flags().len(), 14);
    }

    #[test]
    fn exactly_one_accountable_and_at_least_one_responsible_clear_the_flags() {
        let mut team = team();
        let task = team.tasks[0].id;
        team.assign(task, id(1), &[Raci::Accountable]).unwrap();
        team.assign(task, id(2), &[Raci::Responsible]).unwrap();
        assert!(!team.task_flags().iter().any(|f| matches!(f,
            TeamFlag::NoAccountable { task: t } | TeamFlag::NoResponsible { task: t } if *t == task)));
    }

    #[test]
    fn giving_a_to_another_person_takes_it_from_the_first() {
        let mut team = team();
        let task = team.tasks[2].id;
        assert_eq!(team.assign(task, id(1), &[Raci::Accountable]), Ok(None));
        assert_eq!(
            team.assign(task, id(2), &[Raci::Accountable]),
            Ok(Some(id(1)))
        );
        assert_eq!(team.tasks[2].with(Raci::Accountable), [id(2)]);
        assert!(team.tasks[2].letters_of(id(1)).is_empty());
        // One letter replaces the person's others.
        team.assign(task, id(2), &[Raci::Responsible]).unwrap();
        assert_eq!(team.tasks[2].raci, [(id(2), Raci::Responsible)]);
        team.assign(task, id(2), &[]).unwrap();
        assert!(team.tasks[2].raci.is_empty());
    }

    #[test]
    fn a_team_of_one_is_accountable_and_responsible_at_once() {
        let mut team = team();
        team.members.truncate(1);
        for task in team.tasks.iter().map(|t| t.id).collect::<Vec<_>>() {
            team.assign(task, id(1), &[Raci::Accountable, Raci::Responsible])
                .unwrap();
        }
        assert!(team.task_flags().is_empty());
        assert!(team.problems().is_empty());
        assert_eq!(
            team.tasks[0].letters_of(id(1)),
            [Raci::Accountable, Raci::Responsible]
        );
    }

    #[test]
    fn letters_only_for_members_of_known_tasks_in_allowed_combinations() {
        let mut team = team();
        let task = team.tasks[0].id;
        assert_eq!(
            team.assign(task, id(9), &[Raci::Informed]),
            Err(AssignError::NotAMember)
        );
        assert_eq!(
            team.assign(Uuid::nil(), id(1), &[Raci::Informed]),
            Err(AssignError::UnknownTask)
        );
        for letters in [
            &[Raci::Consulted, Raci::Informed][..],
            &[Raci::Responsible, Raci::Responsible],
            &[Raci::Accountable, Raci::Responsible, Raci::Consulted],
        ] {
            assert_eq!(
                team.assign(task, id(1), letters),
                Err(AssignError::NotACombination)
            );
        }
        assert!(team.tasks[0].raci.is_empty(), "nothing changed");
    }

    #[test]
    fn several_accountable_from_a_merged_file_are_flagged_with_the_persons() {
        let mut team = team();
        team.tasks[1].raci = vec![
            (id(1), Raci::Accountable),
            (id(2), Raci::Accountable),
            (id(2), Raci::Consulted),
        ];
        let flags = team.task_flags();
        assert!(flags.contains(&TeamFlag::SeveralAccountable {
            task: team.tasks[1].id,
            persons: vec![id(1), id(2)]
        }));
        // A second letter other than A with R is a problem of the content.
        assert_eq!(
            team.problems(),
            vec![("tasks[1].raci[2]".to_owned(), ValidationProblem::Duplicate)]
        );
    }

    #[test]
    fn load_adds_up_over_all_teams() {
        let colleagues = [
            colleague(1, Some(8.0)),
            colleague(2, Some(2.0)),
            colleague(3, None),
            colleague(4, Some(5.0)),
        ];
        let a = team(); // 1: 4 days, 2: 2 days
        let b = Team {
            members: vec![member(1, 4.5), member(3, 12.0)],
            ..Team::default()
        };
        let loads = loads(&colleagues, [&a, &b]);
        assert_eq!(loads.len(), 3, "colleague 4 is on no team");
        assert_eq!(
            (loads[0].days, loads[0].teams, loads[0].overloaded()),
            (8.5, 2, true)
        );
        // Exactly at the availability is not overloaded.
        assert_eq!((loads[1].days, loads[1].overloaded()), (2.0, false));
        // Unknown availability cannot be exceeded.
        assert!(!loads[2].overloaded());
        let flags = team_flags(&a, &loads);
        let overloaded: Vec<Uuid> = flags
            .iter()
            .filter_map(|f| match f {
                TeamFlag::Overloaded(l) => Some(l.person),
                _ => None,
            })
            .collect();
        assert_eq!(overloaded, [id(1)]);
    }

    #[test]
    fn problems_name_the_place() {
        let mut team = team();
        team.members.push(member(1, -1.0));
        team.members.push(member(5, 40.0));
        team.tasks[0].name = "  ".into();
        team.tasks[0].raci = vec![(id(9), Raci::Informed)];
        let fields: Vec<String> = team.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "members[2].person",
                "members[2].days",
                "members[3].days",
                "tasks[0].name",
                "tasks[0].raci[0]"
            ]
        );
        assert_eq!(
            colleague(1, Some(f64::NAN)).problems(),
            vec![("availability".to_owned(), ValidationProblem::NotFinite)]
        );
        assert!(colleague(1, Some(31.0)).problems().is_empty());
    }

    #[test]
    fn removing_a_member_removes_their_letters() {
        let mut team = team();
        let task = team.tasks[0].id;
        team.assign(task, id(1), &[Raci::Accountable]).unwrap();
        team.remove_member(id(1));
        assert!(team.tasks[0].raci.is_empty());
        assert_eq!(team.members.len(), 1);
    }
}
