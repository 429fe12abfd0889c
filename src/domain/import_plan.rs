//! What an import will do to the workspace, decided record by record before
//! anything is applied.

use super::account::KeyAccount;
use super::workspace::Workspace;
use std::collections::HashMap;
use uuid::Uuid;

/// How an imported file is combined with the current workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// Match records by id; where both have one, the later `modified` wins.
    #[default]
    Merge,
    /// The file becomes the workspace; the current one is kept as a snapshot.
    Replace,
}

/// What happens to one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordDecision {
    /// Only in the file: added.
    Added,
    /// In both, the file's version is taken (newer, or replace mode).
    Replaced,
    /// In both and identical.
    Unchanged,
    /// In both, ours is newer or as new: ours is kept (merge only).
    KeptOurs,
    /// Only in the workspace, and replace mode drops it.
    Removed,
    /// Only in the workspace, merge keeps it.
    KeptOnlyOurs,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub id: Uuid,
    pub name: String,
    pub decision: RecordDecision,
}

/// The result of an import, computed but not yet applied.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub mode: ImportMode,
    pub rows: Vec<PlanRow>,
    pub result: Workspace,
}

impl ImportPlan {
    pub fn count(&self, decision: RecordDecision) -> usize {
        self.rows.iter().filter(|r| r.decision == decision).count()
    }

    /// Whether applying the plan would change anything at all.
    pub fn changes_anything(&self) -> bool {
        self.rows.iter().any(|r| {
            matches!(
                r.decision,
                RecordDecision::Added | RecordDecision::Replaced | RecordDecision::Removed
            )
        })
    }
}

fn row(account: &KeyAccount, decision: RecordDecision) -> PlanRow {
    PlanRow {
        id: account.id,
        name: account.name.clone(),
        decision,
    }
}

/// Decides, for every account in either workspace, what the import does.
///
/// Deterministic: merge keeps the current order and appends new accounts in
/// the file's order; when both sides changed a record at the very same
/// millisecond, ours is kept.
pub fn plan_import(current: &Workspace, incoming: &Workspace, mode: ImportMode) -> ImportPlan {
    let ours: HashMap<Uuid, &KeyAccount> = current.accounts.iter().map(|a| (a.id, a)).collect();
    let theirs: HashMap<Uuid, &KeyAccount> = incoming.accounts.iter().map(|a| (a.id, a)).collect();
    let mut rows = Vec::new();
    let result = match mode {
        ImportMode::Replace => {
            for account in &incoming.accounts {
                let decision = match ours.get(&account.id) {
                    None => RecordDecision::Added,
                    Some(existing) if *existing == account => RecordDecision::Unchanged,
                    Some(_) => RecordDecision::Replaced,
                };
                rows.push(row(account, decision));
            }
            for account in &current.accounts {
                if !theirs.contains_key(&account.id) {
                    rows.push(row(account, RecordDecision::Removed));
                }
            }
            incoming.clone()
        }
        ImportMode::Merge => {
            let mut accounts = Vec::with_capacity(current.accounts.len() + incoming.accounts.len());
            for account in &current.accounts {
                match theirs.get(&account.id) {
                    None => {
                        rows.push(row(account, RecordDecision::KeptOnlyOurs));
                        accounts.push(account.clone());
                    }
                    Some(other) if *other == account => {
                        rows.push(row(account, RecordDecision::Unchanged));
                        accounts.push(account.clone());
                    }
                    Some(other) if other.modified > account.modified => {
                        rows.push(row(other, RecordDecision::Replaced));
                        accounts.push((*other).clone());
                    }
                    Some(_) => {
                        rows.push(row(account, RecordDecision::KeptOurs));
                        accounts.push(account.clone());
                    }
                }
            }
            for account in &incoming.accounts {
                if !ours.contains_key(&account.id) {
                    rows.push(row(account, RecordDecision::Added));
                    accounts.push(account.clone());
                }
            }
            // A parent reference that only the other side could resolve is
            // impossible here: both sides were validated, and merge keeps
            // every account of both.
            Workspace { accounts }
        }
    };
    ImportPlan { mode, rows, result }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AccountDraft, Timestamp, WorkspaceLimits};

    fn account(n: u128, name: &str, modified_secs: i64) -> KeyAccount {
        let mut a = AccountDraft {
            name: name.into(),
            ..Default::default()
        }
        .create(Uuid::from_u128(n), Timestamp::from_millis(0).unwrap())
        .unwrap();
        a.modified = Timestamp::from_millis(modified_secs * 1000).unwrap();
        a
    }

    fn decisions(plan: &ImportPlan) -> Vec<(String, RecordDecision)> {
        plan.rows
            .iter()
            .map(|r| (r.name.clone(), r.decision))
            .collect()
    }

    #[test]
    fn merge_takes_the_newer_record_and_lists_every_decision() {
        let current = Workspace {
            accounts: vec![
                account(1, "A alt", 10),
                account(2, "B unser", 50),
                account(3, "C", 5),
            ],
        };
        let incoming = Workspace {
            accounts: vec![
                account(2, "B deren", 40),
                account(1, "A neu", 20),
                account(4, "D", 1),
                account(3, "C", 5),
            ],
        };
        let plan = plan_import(&current, &incoming, ImportMode::Merge);
        assert_eq!(
            decisions(&plan),
            vec![
                ("A neu".into(), RecordDecision::Replaced),
                ("B unser".into(), RecordDecision::KeptOurs),
                ("C".into(), RecordDecision::Unchanged),
                ("D".into(), RecordDecision::Added),
            ]
        );
        let names: Vec<_> = plan
            .result
            .accounts
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, ["A neu", "B unser", "C", "D"]);
        assert!(plan.result.validate(WorkspaceLimits::DEFAULT).is_ok());
    }

    #[test]
    fn merge_keeps_ours_when_both_changed_at_the_same_moment() {
        let current = Workspace {
            accounts: vec![account(1, "ours", 10)],
        };
        let incoming = Workspace {
            accounts: vec![account(1, "theirs", 10)],
        };
        let plan = plan_import(&current, &incoming, ImportMode::Merge);
        assert_eq!(plan.result.accounts[0].name, "ours");
        assert_eq!(plan.count(RecordDecision::KeptOurs), 1);
        assert!(!plan.changes_anything());
    }

    #[test]
    fn replace_lists_removed_accounts_and_yields_the_file() {
        let current = Workspace {
            accounts: vec![account(1, "A", 10), account(2, "B", 10)],
        };
        let incoming = Workspace {
            accounts: vec![account(2, "B", 10), account(5, "E", 1)],
        };
        let plan = plan_import(&current, &incoming, ImportMode::Replace);
        assert_eq!(plan.result, incoming);
        assert_eq!(plan.count(RecordDecision::Removed), 1);
        assert_eq!(plan.count(RecordDecision::Unchanged), 1);
        assert_eq!(plan.count(RecordDecision::Added), 1);
        assert!(plan.changes_anything());
    }
}
