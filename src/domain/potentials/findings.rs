//! What the account analysis of one key account holds so far and what it
//! warns about, across its tools: the account page's overview and the
//! account list's column read this.

use super::buying_center::{BuyingCenterTool, RedFlag};
use super::plan::{PlanFlag, PlanTool};
use super::{tool_of, ToolKind, ToolRecord};
use crate::domain::time::{Day, Timestamp};
use crate::domain::workspace::Workspace;
use uuid::Uuid;

/// An analysis older than this many days is shown as out of date.
pub const OUTDATED_AFTER_DAYS: i64 = 365;

/// A tool of the account analysis, as the overview lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnalysisTool {
    BuyingCenter,
    AccountPlan,
}

/// One check of completeness: a part of a tool that is filled in or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// At least one person in the Buying Center.
    Persons,
    /// Every person's influence and attitude rated (not "unknown").
    PersonsRated,
    /// Someone holds the deciding role of the chosen lens.
    Decider,
    /// A vision for the account.
    Vision,
    /// At least one goal.
    Goals,
    /// At least one action.
    Actions,
}

/// Where one tool of the account stands.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolState {
    pub tool: AnalysisTool,
    /// When the tool was last changed; `None`: not started.
    pub modified: Option<Timestamp>,
    /// The stored content cannot be read (see the tool's page).
    pub unreadable: bool,
    /// Each part of the tool and whether it is filled in.
    pub parts: Vec<(Part, bool)>,
}

impl ToolState {
    /// Whether the last change is older than [`OUTDATED_AFTER_DAYS`].
    pub fn outdated(&self, today: Day) -> bool {
        self.modified
            .is_some_and(|m| Day::of(m).days_until(today) > OUTDATED_AFTER_DAYS)
    }
}

/// A red flag of any tool of the account.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    BuyingCenter(RedFlag),
    AccountPlan(PlanFlag),
}

/// The analysis of one key account at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    pub tools: Vec<ToolState>,
    pub flags: Vec<Finding>,
    /// The readable contents, to name the persons and actions of the flags.
    pub center: Option<super::buying_center::BuyingCenter>,
    pub plan: Option<super::plan::AccountPlan>,
}

impl Findings {
    /// Filled parts and all parts, over every tool.
    pub fn completeness(&self) -> (usize, usize) {
        let parts = self.tools.iter().flat_map(|t| t.parts.iter());
        let total = parts.clone().count();
        (parts.filter(|(_, done)| *done).count(), total)
    }
}

fn state<K: ToolKind>(
    tool: AnalysisTool,
    record: Option<&ToolRecord<K>>,
    parts: impl FnOnce(Option<&K::Data>) -> Vec<(Part, bool)>,
) -> (ToolState, Option<K::Data>) {
    let data = record.map(ToolRecord::read);
    let typed = data.as_ref().and_then(|d| d.as_ref().ok());
    let state = ToolState {
        tool,
        modified: record.map(|r| r.modified),
        unreadable: matches!(data, Some(Err(_))),
        parts: parts(typed),
    };
    (state, typed.cloned())
}

/// Completeness and red flags of `account` on `today`.
pub fn findings(workspace: &Workspace, account: Uuid, today: Day) -> Findings {
    let (center_state, center) = state::<BuyingCenterTool>(
        AnalysisTool::BuyingCenter,
        tool_of(&workspace.buying_centers, account),
        |c| {
            let persons = c.map_or(&[][..], |c| &c.persons[..]);
            let decider = c.is_some_and(|c| persons.iter().any(|p| p.has(c.deciding_role())));
            vec![
                (Part::Persons, !persons.is_empty()),
                (
                    Part::PersonsRated,
                    !persons.is_empty()
                        && persons
                            .iter()
                            .all(|p| p.influence.is_some() && p.attitude.is_some()),
                ),
                (Part::Decider, decider),
            ]
        },
    );
    let (plan_state, plan) = state::<PlanTool>(
        AnalysisTool::AccountPlan,
        tool_of(&workspace.account_plans, account),
        |p| {
            vec![
                (Part::Vision, p.is_some_and(|p| !p.vision.trim().is_empty())),
                (Part::Goals, p.is_some_and(|p| !p.goals.is_empty())),
                (Part::Actions, p.is_some_and(|p| !p.actions.is_empty())),
            ]
        },
    );
    let mut flags: Vec<Finding> = center
        .as_ref()
        .map(|c| c.red_flags(today))
        .unwrap_or_default()
        .into_iter()
        .map(Finding::BuyingCenter)
        .collect();
    flags.extend(
        plan.as_ref()
            .map(|p| p.red_flags(today))
            .unwrap_or_default()
            .into_iter()
            .map(Finding::AccountPlan),
    );
    Findings {
        tools: vec![center_state, plan_state],
        flags,
        center,
        plan,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::potentials::buying_center::{BuyingCenter, Person, Role};
    use crate::domain::potentials::plan::{AccountPlan, Action};
    use crate::domain::potentials::put_tool;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn an_account_without_analysis_has_nothing_filled_and_no_flag() {
        let found = findings(
            &Workspace::default(),
            Uuid::from_u128(1),
            Day::parse("2026-11-28").unwrap(),
        );
        assert_eq!(found.completeness(), (0, 6));
        assert!(found.flags.is_empty());
        assert!(found
            .tools
            .iter()
            .all(|t| t.modified.is_none() && !t.unreadable));
    }

    #[test]
    fn flags_of_both_tools_are_collected_and_parts_counted() {
        let account = Uuid::from_u128(1);
        let mut ws = Workspace::default();
        let mut decider = Person::named(Uuid::from_u128(2), "Dr. Anna Berg");
        decider.roles = vec![Role::Decider];
        decider.influence = Some(5);
        let center = BuyingCenter {
            persons: vec![decider],
            ..BuyingCenter::default()
        };
        put_tool(
            &mut ws.buying_centers,
            account,
            &center,
            at("2025-06-01T00:00:00Z"),
        )
        .unwrap();
        let plan = AccountPlan {
            vision: "Erster Lieferant".into(),
            actions: vec![Action::new(Uuid::from_u128(3), "Besuch")],
            ..AccountPlan::default()
        };
        put_tool(
            &mut ws.account_plans,
            account,
            &plan,
            at("2026-11-01T00:00:00Z"),
        )
        .unwrap();
        let today = Day::parse("2026-11-28").unwrap();
        let found = findings(&ws, account, today);
        // Persons, decider, vision, actions; not rated (attitude unknown), no goals.
        assert_eq!(found.completeness(), (4, 6));
        assert!(found
            .flags
            .contains(&Finding::AccountPlan(PlanFlag::Ownerless {
                action: Uuid::from_u128(3)
            })));
        assert!(found
            .flags
            .contains(&Finding::BuyingCenter(RedFlag::KeyPersonUnknown {
                person: Uuid::from_u128(2)
            })));
        // The Buying Center was last changed 545 days ago: out of date.
        assert!(found.tools[0].outdated(today));
        assert!(!found.tools[1].outdated(today));
    }

    #[test]
    fn unreadable_content_is_reported_not_hidden() {
        let account = Uuid::from_u128(1);
        let mut ws = Workspace::default();
        put_tool(
            &mut ws.account_plans,
            account,
            &AccountPlan::default(),
            at("2026-11-01T00:00:00Z"),
        )
        .unwrap();
        ws.account_plans[0].data = serde_json::json!({ "actions": 3 });
        let found = findings(&ws, account, Day::parse("2026-11-28").unwrap());
        assert!(found.tools[1].unreadable);
        assert_eq!(found.tools[1].parts.iter().filter(|(_, d)| *d).count(), 0);
    }
}
