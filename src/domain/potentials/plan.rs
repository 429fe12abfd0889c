//! The account plan of a key account: the vision, strategic goals (about
//! three years), operational goals (this year), the strategies, and the
//! actions that carry them out, each with owner, due date, status and the
//! goal it serves. Open actions that are overdue or have no owner are
//! flagged.

use super::{too_many, ToolKind, ToolRecord};
use crate::domain::account::{
    check_name, check_text, ValidationProblem, MAX_LONG_TEXT_CHARS, MAX_SHORT_TEXT_CHARS,
};
use crate::domain::record::{FieldProblem, ToolFamily};
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Most goals one plan holds.
pub const MAX_GOALS: usize = 100;
/// Most actions one plan holds.
pub const MAX_ACTIONS: usize = 500;
/// Most open questions one plan holds.
pub const MAX_QUESTIONS: usize = 100;
/// Days until an action made from an open question is due.
pub const QUESTION_DUE_DAYS: i64 = 14;

/// Something about the key account that is not known yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: Uuid,
    pub text: String,
}

/// How far a goal reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// About three years.
    #[default]
    Strategic,
    /// This year.
    Operational,
}

/// A goal for the key account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: Uuid,
    #[serde(default)]
    pub horizon: Horizon,
    pub text: String,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::InProgress,
        Status::Done,
        Status::Dropped,
    ];

    /// Whether the action still has to be done.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Open | Status::InProgress)
    }
}

/// One action of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: Uuid,
    pub title: String,
    /// Who carries it out; empty: nobody yet.
    #[serde(default)]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Day>,
    #[serde(default)]
    pub status: Status,
    /// The goal the action serves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Uuid>,
    /// The annual review talk in which it was agreed with the account
    /// (`domain::processes::review::Talk`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub talk: Option<Uuid>,
}

impl Action {
    pub fn new(id: Uuid, title: &str) -> Action {
        Action {
            id,
            title: title.to_owned(),
            owner: String::new(),
            due: None,
            status: Status::Open,
            goal: None,
            talk: None,
        }
    }

    /// Open and due before `today`.
    pub fn is_overdue(&self, today: Day) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }

    /// Open and nobody carries it out.
    pub fn is_ownerless(&self) -> bool {
        self.status.is_open() && self.owner.trim().is_empty()
    }
}

/// The account plan of one key account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountPlan {
    #[serde(default)]
    pub vision: String,
    #[serde(default)]
    pub strategies: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Open questions about the account, each of which can become an action.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
}

/// The account plan as a tool of the account analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlanTool;

impl ToolKind for PlanTool {
    const FAMILY: ToolFamily = ToolFamily::AccountPlan;
    type Data = AccountPlan;
    fn problems(data: &AccountPlan) -> Vec<FieldProblem> {
        data.problems()
    }
}

/// Whether the stored plan has an open action, read from the stored
/// content without the plan's model: pages that need only this (our
/// business with the account) stay light. Agrees with
/// [`Status::is_open`] (a test compares the two).
pub fn has_open_action(record: &ToolRecord) -> bool {
    record
        .data
        .get("actions")
        .and_then(serde_json::Value::as_array)
        .is_some_and(|actions| {
            actions.iter().any(|action| {
                matches!(
                    action.get("status").and_then(serde_json::Value::as_str),
                    None | Some("open" | "in_progress")
                )
            })
        })
}

impl AccountPlan {
    /// Every field-level problem, in order, with its path inside the tool.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        for (field, text) in [("vision", &self.vision), ("strategies", &self.strategies)] {
            if let Err(problem) = check_text(text, MAX_LONG_TEXT_CHARS, true) {
                problems.push((field.into(), problem));
            }
        }
        if self.goals.len() > MAX_GOALS {
            problems.push(("goals".into(), too_many(MAX_GOALS)));
        }
        let mut seen = HashSet::new();
        for (index, goal) in self.goals.iter().enumerate() {
            if !seen.insert(goal.id) {
                problems.push((format!("goals[{index}].id"), ValidationProblem::Duplicate));
            }
            if let Err(problem) = check_name(&goal.text) {
                problems.push((format!("goals[{index}].text"), problem));
            }
        }
        let goals: HashSet<Uuid> = self.goals.iter().map(|g| g.id).collect();
        if self.actions.len() > MAX_ACTIONS {
            problems.push(("actions".into(), too_many(MAX_ACTIONS)));
        }
        let mut seen = HashSet::new();
        for (index, action) in self.actions.iter().enumerate() {
            let mut push = |field: &str, problem| {
                problems.push((format!("actions[{index}].{field}"), problem))
            };
            if !seen.insert(action.id) {
                push("id", ValidationProblem::Duplicate);
            }
            if action.title.trim().is_empty() {
                push("title", ValidationProblem::Empty);
            }
            for (field, text) in [("title", &action.title), ("owner", &action.owner)] {
                if let Err(problem) = check_text(text, MAX_SHORT_TEXT_CHARS, false) {
                    push(field, problem);
                }
            }
            if action.goal.is_some_and(|g| !goals.contains(&g)) {
                push("goal", ValidationProblem::DanglingReference);
            }
        }
        if self.questions.len() > MAX_QUESTIONS {
            problems.push(("questions".into(), too_many(MAX_QUESTIONS)));
        }
        let mut seen = HashSet::new();
        for (index, question) in self.questions.iter().enumerate() {
            if !seen.insert(question.id) {
                problems.push((
                    format!("questions[{index}].id"),
                    ValidationProblem::Duplicate,
                ));
            }
            if let Err(problem) = check_name(&question.text) {
                problems.push((format!("questions[{index}].text"), problem));
            }
        }
        problems
    }

    /// Turns an open question into an open action titled `title`, due
    /// [`QUESTION_DUE_DAYS`] after `today`; the question goes. Returns the
    /// new action's id, or `None` when there is no such question.
    pub fn question_to_action(
        &mut self,
        question: Uuid,
        title: &str,
        today: Day,
        id: Uuid,
    ) -> Option<Uuid> {
        let index = self.questions.iter().position(|q| q.id == question)?;
        self.questions.remove(index);
        let mut action = Action::new(id, title);
        action.due = today.plus_days(QUESTION_DUE_DAYS);
        self.actions.push(action);
        Some(id)
    }

    pub fn goal(&self, id: Uuid) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// Removes a goal; the actions that served it keep going without one.
    pub fn remove_goal(&mut self, id: Uuid) {
        self.goals.retain(|g| g.id != id);
        for action in &mut self.actions {
            if action.goal == Some(id) {
                action.goal = None;
            }
        }
    }

    /// The open actions, overdue ones first, then by due date (undated
    /// last), then in list order.
    pub fn open_actions(&self) -> Vec<&Action> {
        let mut open: Vec<&Action> = self.actions.iter().filter(|a| a.status.is_open()).collect();
        open.sort_by_key(|a| (a.due.is_none(), a.due));
        open
    }

    /// The red flags of the plan.
    pub fn red_flags(&self, today: Day) -> Vec<PlanFlag> {
        let mut flags = Vec::new();
        for action in &self.actions {
            if action.is_overdue(today) {
                flags.push(PlanFlag::Overdue {
                    action: action.id,
                    days: action.due.map_or(0, |due| due.days_until(today)),
                });
            }
        }
        for action in &self.actions {
            if action.is_ownerless() {
                flags.push(PlanFlag::Ownerless { action: action.id });
            }
        }
        flags
    }
}

/// A warning the app computes from the account plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFlag {
    /// An open action whose due date has passed, by so many days.
    Overdue { action: Uuid, days: i64 },
    /// An open action nobody carries out.
    Ownerless { action: Uuid },
}

impl PlanFlag {
    pub fn action(self) -> Uuid {
        match self {
            PlanFlag::Overdue { action, .. } | PlanFlag::Ownerless { action } => action,
        }
    }
}

/// One open action of one key account, for the list across accounts.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenAction {
    pub account: Uuid,
    pub action: Action,
    pub overdue: bool,
}

/// The open actions of all plans whose owner contains `owner` (ignoring
/// case; empty: every owner), overdue ones first, then by due date.
pub fn open_actions_across<'a>(
    plans: impl IntoIterator<Item = (Uuid, &'a AccountPlan)>,
    owner: &str,
    today: Day,
) -> Vec<OpenAction> {
    let wanted = owner.trim().to_lowercase();
    let mut list: Vec<OpenAction> = plans
        .into_iter()
        .flat_map(|(account, plan)| {
            plan.actions
                .iter()
                .filter(|a| a.status.is_open())
                .filter(|a| wanted.is_empty() || a.owner.to_lowercase().contains(&wanted))
                .map(move |a| OpenAction {
                    account,
                    action: a.clone(),
                    overdue: a.is_overdue(today),
                })
        })
        .collect();
    list.sort_by_key(|o| (!o.overdue, o.action.due.is_none(), o.action.due));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn action(n: u128, title: &str, owner: &str, due: Option<&str>, status: Status) -> Action {
        Action {
            id: Uuid::from_u128(n),
            title: title.into(),
            owner: owner.into(),
            due: due.map(day),
            status,
            goal: None,
            talk: None,
        }
    }

    #[test]
    fn open_actions_past_their_due_date_or_without_owner_are_flagged() {
        let plan = AccountPlan {
            actions: vec![
                action(
                    1,
                    "Werksbesuch Antwerpen",
                    "Jens Vogt",
                    Some("2026-11-27"),
                    Status::Open,
                ),
                action(
                    2,
                    "Angebot Rahmenvertrag",
                    "",
                    Some("2026-12-15"),
                    Status::InProgress,
                ),
                action(
                    3,
                    "Referenzbesuch",
                    "Eva Lang",
                    Some("2026-01-10"),
                    Status::Done,
                ),
                action(4, "Due today", "Eva Lang", Some("2026-11-28"), Status::Open),
                action(5, "Verworfen", "", Some("2026-01-10"), Status::Dropped),
            ],
            ..AccountPlan::default()
        };
        assert_eq!(
            plan.red_flags(day("2026-11-28")),
            vec![
                PlanFlag::Overdue {
                    action: Uuid::from_u128(1),
                    days: 1
                },
                PlanFlag::Ownerless {
                    action: Uuid::from_u128(2)
                },
            ]
        );
        // Due today is not overdue; done and dropped actions never are.
        assert!(!plan.actions[3].is_overdue(day("2026-11-28")));
        assert!(plan.actions[3].is_overdue(day("2026-11-29")));
    }

    #[test]
    fn the_list_across_accounts_puts_overdue_first_and_filters_by_owner() {
        let a = AccountPlan {
            actions: vec![
                action(1, "Später", "Jens Vogt", Some("2027-03-01"), Status::Open),
                action(2, "Ohne Datum", "jens vogt", None, Status::Open),
            ],
            ..AccountPlan::default()
        };
        let b = AccountPlan {
            actions: vec![
                action(
                    3,
                    "Überfällig",
                    "Jens Vogt",
                    Some("2026-10-01"),
                    Status::InProgress,
                ),
                action(4, "Eva", "Eva Lang", Some("2026-12-01"), Status::Open),
                action(5, "Erledigt", "Jens Vogt", Some("2026-10-01"), Status::Done),
            ],
            ..AccountPlan::default()
        };
        let plans = [(Uuid::from_u128(10), &a), (Uuid::from_u128(20), &b)];
        let mine = open_actions_across(plans, " JENS ", day("2026-11-28"));
        let titles: Vec<&str> = mine.iter().map(|o| o.action.title.as_str()).collect();
        assert_eq!(titles, ["Überfällig", "Später", "Ohne Datum"]);
        assert!(mine[0].overdue && mine[0].account == Uuid::from_u128(20));
        assert_eq!(open_actions_across(plans, "", day("2026-11-28")).len(), 4);
    }

    #[test]
    fn a_goal_removed_leaves_its_actions_without_a_goal() {
        let goal = Goal {
            id: Uuid::from_u128(7),
            horizon: Horizon::Operational,
            text: "Lieferanteil Verpackung auf 40 %".into(),
        };
        let mut plan = AccountPlan {
            goals: vec![goal],
            actions: vec![Action {
                goal: Some(Uuid::from_u128(7)),
                ..action(1, "Musterlieferung", "Eva", None, Status::Open)
            }],
            ..AccountPlan::default()
        };
        assert_eq!(plan.problems(), vec![]);
        let mut dangling = plan.clone();
        dangling.goals.clear();
        assert_eq!(
            dangling.problems(),
            vec![(
                "actions[0].goal".into(),
                ValidationProblem::DanglingReference
            )]
        );
        plan.remove_goal(Uuid::from_u128(7));
        assert_eq!(plan.actions[0].goal, None);
        assert_eq!(plan.problems(), vec![]);
    }

    #[test]
    fn an_open_question_becomes_an_action_due_in_two_weeks() {
        let mut plan = AccountPlan {
            questions: vec![Question {
                id: Uuid::from_u128(3),
                text: "Wer verhandelt den Rahmenvertrag?".into(),
            }],
            ..AccountPlan::default()
        };
        let made = plan.question_to_action(
            Uuid::from_u128(3),
            "Klären: Wer verhandelt?",
            day("2026-12-20"),
            Uuid::from_u128(9),
        );
        assert_eq!(made, Some(Uuid::from_u128(9)));
        assert!(plan.questions.is_empty());
        assert_eq!(plan.actions[0].due, Some(day("2027-01-03")));
        assert_eq!(plan.actions[0].status, Status::Open);
        assert_eq!(
            plan.question_to_action(
                Uuid::from_u128(3),
                "x",
                day("2026-12-20"),
                Uuid::from_u128(10)
            ),
            None
        );
        assert_eq!(plan.problems(), vec![]);
    }

    #[test]
    fn empty_titles_and_duplicate_ids_are_refused() {
        let plan = AccountPlan {
            actions: vec![
                action(1, " ", "", None, Status::Open),
                action(1, "B", "", None, Status::Open),
            ],
            ..AccountPlan::default()
        };
        assert_eq!(
            plan.problems(),
            vec![
                ("actions[0].title".into(), ValidationProblem::Empty),
                ("actions[1].id".into(), ValidationProblem::Duplicate),
            ]
        );
    }

    #[test]
    fn the_stored_plan_tells_open_actions_as_the_model_does() {
        use crate::domain::potentials::put_tool;
        use crate::domain::time::Timestamp;
        use crate::domain::workspace::Workspace;
        let now = Timestamp::from_millis(0).unwrap();
        for status in Status::ALL {
            let plan = AccountPlan {
                actions: vec![Action {
                    status,
                    ..Action::new(Uuid::from_u128(1), "Besuch")
                }],
                ..AccountPlan::default()
            };
            let mut ws = Workspace::default();
            put_tool::<PlanTool>(&mut ws, Uuid::from_u128(9), &plan, now).unwrap();
            assert_eq!(
                has_open_action(&ws.account_plans[0]),
                status.is_open(),
                "{status:?}"
            );
        }
        let mut ws = Workspace::default();
        put_tool::<PlanTool>(&mut ws, Uuid::from_u128(9), &AccountPlan::default(), now).unwrap();
        assert!(!has_open_action(&ws.account_plans[0]));
    }
}
