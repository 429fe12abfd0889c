//! What an import will do to the workspace, decided record by record before
//! anything is applied.

use super::account::KeyAccount;
use super::fitness::FitnessRecord;
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

/// Which kind of record a plan row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Account,
    FitnessCheck,
    Foundations,
    Catalogue,
    /// The customer list with its scoring model.
    TargetSelection,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub kind: RecordKind,
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

/// A record that can be merged by id and modification time.
trait Mergeable: Clone + PartialEq {
    const KIND: RecordKind;
    fn id(&self) -> Uuid;
    fn modified(&self) -> crate::domain::Timestamp;
    fn label(&self) -> String;
}

impl Mergeable for KeyAccount {
    const KIND: RecordKind = RecordKind::Account;
    fn id(&self) -> Uuid {
        self.id
    }
    fn modified(&self) -> crate::domain::Timestamp {
        self.modified
    }
    fn label(&self) -> String {
        self.name.clone()
    }
}

impl Mergeable for FitnessRecord {
    const KIND: RecordKind = RecordKind::FitnessCheck;
    fn id(&self) -> Uuid {
        self.id
    }
    fn modified(&self) -> crate::domain::Timestamp {
        self.modified
    }
    fn label(&self) -> String {
        FitnessRecord::label(self)
    }
}

fn row<T: Mergeable>(record: &T, decision: RecordDecision) -> PlanRow {
    PlanRow {
        kind: T::KIND,
        id: record.id(),
        name: record.label(),
        decision,
    }
}

/// Decides for one list of records. Deterministic: merge keeps the current
/// order and appends new records in the file's order; when both sides
/// changed a record at the very same millisecond, ours is kept.
fn plan_list<T: Mergeable>(
    current: &[T],
    incoming: &[T],
    mode: ImportMode,
    rows: &mut Vec<PlanRow>,
) -> Vec<T> {
    let ours: HashMap<Uuid, &T> = current.iter().map(|a| (a.id(), a)).collect();
    let theirs: HashMap<Uuid, &T> = incoming.iter().map(|a| (a.id(), a)).collect();
    match mode {
        ImportMode::Replace => {
            for record in incoming {
                let decision = match ours.get(&record.id()) {
                    None => RecordDecision::Added,
                    Some(existing) if *existing == record => RecordDecision::Unchanged,
                    Some(_) => RecordDecision::Replaced,
                };
                rows.push(row(record, decision));
            }
            for record in current {
                if !theirs.contains_key(&record.id()) {
                    rows.push(row(record, RecordDecision::Removed));
                }
            }
            incoming.to_vec()
        }
        ImportMode::Merge => {
            let mut merged = Vec::with_capacity(current.len() + incoming.len());
            for record in current {
                let (decision, kept) = match theirs.get(&record.id()) {
                    None => (RecordDecision::KeptOnlyOurs, record),
                    Some(other) if *other == record => (RecordDecision::Unchanged, record),
                    Some(other) if other.modified() > record.modified() => {
                        (RecordDecision::Replaced, *other)
                    }
                    Some(_) => (RecordDecision::KeptOurs, record),
                };
                rows.push(row(kept, decision));
                merged.push(kept.clone());
            }
            for record in incoming {
                if !ours.contains_key(&record.id()) {
                    rows.push(row(record, RecordDecision::Added));
                    merged.push(record.clone());
                }
            }
            merged
        }
    }
}

/// Decides, for every record in either workspace, what the import does.
/// The foundations notes are one record: the later change wins in a merge.
/// A trainer's catalogue is taken from the file when the file has one.
pub fn plan_import(current: &Workspace, incoming: &Workspace, mode: ImportMode) -> ImportPlan {
    let mut rows = Vec::new();
    let accounts = plan_list(&current.accounts, &incoming.accounts, mode, &mut rows);
    let fitness_checks = plan_list(
        &current.fitness_checks,
        &incoming.fitness_checks,
        mode,
        &mut rows,
    );
    let foundations = decide_singleton(
        &current.foundations,
        &incoming.foundations,
        mode,
        |f| f.is_empty(),
        |f| f.modified,
        RecordKind::Foundations,
        &mut rows,
    );
    let targets = decide_singleton(
        &current.targets,
        &incoming.targets,
        mode,
        |t| t.is_empty(),
        |t| t.modified,
        RecordKind::TargetSelection,
        &mut rows,
    );
    let fitness_catalogue = match (
        &current.fitness_catalogue,
        &incoming.fitness_catalogue,
        mode,
    ) {
        (ours, None, ImportMode::Merge) => ours.clone(),
        (ours, theirs, _) => {
            if ours != theirs {
                let decision = match (ours, theirs) {
                    (None, Some(_)) => RecordDecision::Added,
                    (Some(_), None) => RecordDecision::Removed,
                    _ => RecordDecision::Replaced,
                };
                rows.push(PlanRow {
                    kind: RecordKind::Catalogue,
                    id: Uuid::nil(),
                    name: String::new(),
                    decision,
                });
            }
            theirs.clone()
        }
    };
    // Both sides were validated, and merge keeps every record of both, so no
    // parent reference can dangle in the result.
    ImportPlan {
        mode,
        rows,
        result: Workspace {
            accounts,
            fitness_checks,
            foundations,
            fitness_catalogue,
            targets,
        },
    }
}

fn decide_singleton<T: Clone + PartialEq + Default>(
    ours: &T,
    theirs: &T,
    mode: ImportMode,
    is_empty: impl Fn(&T) -> bool,
    modified: impl Fn(&T) -> Option<crate::domain::Timestamp>,
    kind: RecordKind,
    rows: &mut Vec<PlanRow>,
) -> T {
    if ours == theirs || (is_empty(theirs) && mode == ImportMode::Merge) {
        return ours.clone();
    }
    let take_theirs = match mode {
        ImportMode::Replace => true,
        ImportMode::Merge => is_empty(ours) || modified(theirs) > modified(ours),
    };
    let decision = match (take_theirs, is_empty(ours), is_empty(theirs)) {
        (false, _, _) => RecordDecision::KeptOurs,
        (true, true, _) => RecordDecision::Added,
        (true, false, true) => RecordDecision::Removed,
        (true, false, false) => RecordDecision::Replaced,
    };
    rows.push(PlanRow {
        kind,
        id: Uuid::nil(),
        name: String::new(),
        decision,
    });
    if take_theirs {
        theirs.clone()
    } else {
        ours.clone()
    }
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
            ..Default::default()
        };
        let incoming = Workspace {
            accounts: vec![
                account(2, "B deren", 40),
                account(1, "A neu", 20),
                account(4, "D", 1),
                account(3, "C", 5),
            ],
            ..Default::default()
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
            ..Default::default()
        };
        let incoming = Workspace {
            accounts: vec![account(1, "theirs", 10)],
            ..Default::default()
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
            ..Default::default()
        };
        let incoming = Workspace {
            accounts: vec![account(2, "B", 10), account(5, "E", 1)],
            ..Default::default()
        };
        let plan = plan_import(&current, &incoming, ImportMode::Replace);
        assert_eq!(plan.result, incoming);
        assert_eq!(plan.count(RecordDecision::Removed), 1);
        assert_eq!(plan.count(RecordDecision::Unchanged), 1);
        assert_eq!(plan.count(RecordDecision::Added), 1);
        assert!(plan.changes_anything());
    }
}
