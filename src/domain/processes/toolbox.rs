//! The toolbox (book chapter 6): for each key account, which of the
//! app's tools for one account hold something and how recently they were
//! changed, so that what is missing and what is out of date shows at a
//! glance.

use crate::domain::potentials::findings::OUTDATED_AFTER_DAYS;
use crate::domain::potentials::tool_of;
use crate::domain::record::ToolFamily;
use crate::domain::time::{Day, Timestamp};
use crate::domain::Workspace;
use uuid::Uuid;

/// The tools the toolbox shows, in the order of the book: the account
/// analysis, the account plan, then "Prozesse und Tools", the team and
/// the Balanced Scorecard.
pub const TOOLS: [ToolFamily; 11] = [
    ToolFamily::Profile,
    ToolFamily::Market,
    ToolFamily::Requirements,
    ToolFamily::BuyingCenter,
    ToolFamily::Business,
    ToolFamily::Sources,
    ToolFamily::AccountPlan,
    ToolFamily::Satisfaction,
    ToolFamily::AnnualReview,
    ToolFamily::Team,
    ToolFamily::Scorecard,
];

/// How one tool of one account stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Not started.
    Missing,
    /// Changed within [`OUTDATED_AFTER_DAYS`].
    Current,
    /// Last changed longer ago.
    Outdated,
}

/// One cell of the toolbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub tool: ToolFamily,
    pub modified: Option<Timestamp>,
    pub state: State,
}

/// One key account's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub account: Uuid,
    pub cells: Vec<Cell>,
}

impl Row {
    /// How many of the account's tools are in use and current.
    pub fn current(&self) -> usize {
        self.cells
            .iter()
            .filter(|c| c.state == State::Current)
            .count()
    }
}

/// The state of a tool last changed at `modified`.
pub fn state(modified: Option<Timestamp>, today: Day) -> State {
    match modified {
        None => State::Missing,
        Some(at) if Day::of(at).days_until(today) > OUTDATED_AFTER_DAYS => State::Outdated,
        Some(_) => State::Current,
    }
}

/// The toolbox: one row per key account, in the workspace's order.
pub fn toolbox(workspace: &Workspace, today: Day) -> Vec<Row> {
    workspace
        .accounts
        .iter()
        .map(|account| Row {
            account: account.id,
            cells: TOOLS
                .iter()
                .map(|tool| {
                    // A record left empty (every survey or talk removed) is
                    // not a tool in use.
                    let modified = tool_of(workspace.tool_list(*tool), account.id)
                        .filter(|r| r.data.as_object().is_none_or(|o| !o.is_empty()))
                        .map(|r| r.modified);
                    Cell {
                        tool: *tool,
                        modified,
                        state: state(modified, today),
                    }
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::AccountDraft;
    use crate::domain::potentials::plan::{AccountPlan, PlanTool};
    use crate::domain::potentials::put_tool;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn a_tool_is_missing_current_or_outdated_by_its_last_change() {
        let today = Day::parse("2026-11-27").unwrap();
        assert_eq!(state(None, today), State::Missing);
        // 365 days ago is still current; one day more is out of date.
        assert_eq!(
            state(Some(at("2025-11-27T23:00:00Z")), today),
            State::Current
        );
        assert_eq!(
            state(Some(at("2025-11-26T12:00:00Z")), today),
            State::Outdated
        );
    }

    #[test]
    fn each_account_has_a_row_with_every_tool_in_order() {
        let now = at("2026-11-27T09:00:00Z");
        let mut ws = Workspace::default();
        for (n, name) in [(1, "Nordlicht Logistik GmbH"), (2, "Weber Bau AG")] {
            ws.accounts.push(
                AccountDraft {
                    name: name.into(),
                    ..Default::default()
                }
                .create(Uuid::from_u128(n), now)
                .unwrap(),
            );
        }
        put_tool::<PlanTool>(&mut ws, Uuid::from_u128(2), &AccountPlan::default(), now).unwrap();
        // Every survey removed: the record is left as `{}`, not in use.
        put_tool::<crate::domain::processes::satisfaction::SatisfactionTool>(
            &mut ws,
            Uuid::from_u128(2),
            &Default::default(),
            now,
        )
        .unwrap();
        let rows = toolbox(&ws, Day::of(now));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].current(), 0);
        assert_eq!(rows[1].current(), 1);
        let plan = rows[1]
            .cells
            .iter()
            .position(|c| c.tool == ToolFamily::AccountPlan)
            .unwrap();
        assert_eq!(rows[1].cells[plan].modified, Some(now));
        assert_eq!(
            rows[1].cells.iter().map(|c| c.tool).collect::<Vec<_>>(),
            TOOLS
        );
    }
}
