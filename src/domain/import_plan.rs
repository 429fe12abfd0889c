//! What an import will do to the workspace, decided record by record before
//! anything is applied.

use super::introduction::Introduction;
use super::lazy::{Lazy, SectionData};
use super::people::People;
use super::record::{drop_orphans, plan_family, settle_deletions, Deletions, Family, ToolFamily};
pub use super::record::{ImportMode, PlanRow, RecordDecision, RecordKind};
use super::workspace::{Workspace, WorkspaceError, WorkspaceLimits};
use super::Timestamp;
use uuid::Uuid;

/// The result of an import, computed but not yet applied.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub mode: ImportMode,
    pub rows: Vec<PlanRow>,
    pub result: Workspace,
    /// Why the result may not be applied (for example, two files that each
    /// fit the limits but together exceed them). `None`: it may.
    pub problem: Option<WorkspaceError>,
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
                RecordDecision::Added
                    | RecordDecision::Replaced
                    | RecordDecision::Removed
                    | RecordDecision::DeletedThere
            )
        })
    }

    /// The workspace to apply, if the plan may be applied.
    pub fn applicable(&self) -> Option<&Workspace> {
        self.problem.is_none().then_some(&self.result)
    }
}

/// Decides, for every record in either workspace, what the import does.
/// Families are merged record by record, with both sides' deletion records:
/// what was deleted after its last change stays deleted. The foundations
/// notes and the target selection are one record each: the later change
/// wins in a merge. A trainer's catalogue is taken from the file when the
/// file has one. The result is validated like a file being read.
pub fn plan_import(current: &Workspace, incoming: &Workspace, mode: ImportMode) -> ImportPlan {
    let mut rows = Vec::new();
    // Both sides' deletion records are kept in either mode: after a
    // replace, a later merge of an older file must still not bring back
    // what was deleted here. Records the file holds lose theirs below.
    let mut deleted = current.deleted.union(&incoming.deleted);
    let no_deletions = Deletions::default();
    let merge_deletions = match mode {
        ImportMode::Merge => &deleted,
        ImportMode::Replace => &no_deletions,
    };
    let accounts = plan_family(
        Family::Account,
        &current.accounts,
        &incoming.accounts,
        mode,
        merge_deletions,
        &mut rows,
    );
    let fitness_checks = plan_family(
        Family::FitnessCheck,
        &current.fitness_checks,
        &incoming.fitness_checks,
        mode,
        merge_deletions,
        &mut rows,
    );
    let tools = ToolFamily::ALL.map(|tool| {
        plan_family(
            tool.family(),
            current.tool_list(tool),
            incoming.tool_list(tool),
            mode,
            merge_deletions,
            &mut rows,
        )
    });
    settle_deletions(Family::Account, &mut deleted, &accounts);
    settle_deletions(Family::FitnessCheck, &mut deleted, &fitness_checks);
    for (tool, records) in ToolFamily::ALL.iter().zip(&tools) {
        settle_deletions(tool.family(), &mut deleted, records);
    }
    let foundations = decide_singleton(
        &*current.foundations,
        &*incoming.foundations,
        mode,
        |f| f.is_empty(),
        |f| f.modified,
        RecordKind::Foundations,
        &mut rows,
    );
    let targets = decide_singleton(
        &*current.targets,
        &*incoming.targets,
        mode,
        |t| t.is_empty(),
        |t| t.modified,
        RecordKind::TargetSelection,
        &mut rows,
    );
    // Decided without typing the section (equality, emptiness and the
    // date through its table of functions or its text), so that a page
    // that merges files but never shows "Menschen im KAM" (the group view
    // of Fitness-Checks) does not carry its reading code.
    let people = decide_singleton(
        &current.people,
        &incoming.people,
        mode,
        |p| p.is_empty(),
        |p| section_modified(p, |p: &People| p.modified),
        RecordKind::People,
        &mut rows,
    );
    let introduction = decide_singleton(
        &current.introduction,
        &incoming.introduction,
        mode,
        |p| p.is_empty(),
        |p| section_modified(p, |p: &Introduction| p.modified),
        RecordKind::Introduction,
        &mut rows,
    );
    let fitness_catalogue = match (
        &*current.fitness_catalogue,
        &*incoming.fitness_catalogue,
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
    let mut result = Workspace {
        accounts,
        fitness_checks: fitness_checks.into(),
        foundations: foundations.into(),
        fitness_catalogue: fitness_catalogue.into(),
        targets: targets.into(),
        people,
        introduction,
        deleted,
        ..Workspace::default()
    };
    for (tool, records) in ToolFamily::ALL.into_iter().zip(tools) {
        *result.tool_list_mut(tool) = records;
    }
    // A deleted account takes its references along: parents of the
    // accounts kept, the customers' links to it and its tools' records.
    let ids: std::collections::HashSet<Uuid> = result.accounts.iter().map(|a| a.id).collect();
    drop_orphans(
        Family::FitnessCheck,
        &mut result.fitness_checks,
        &mut result.deleted,
        &ids,
    );
    for tool in ToolFamily::ALL {
        let (records, deleted) = result.tool_list_and_deletions(tool);
        drop_orphans(tool.family(), records, deleted, &ids);
    }
    for account in &mut result.accounts {
        if account.parent_id.is_some_and(|p| !ids.contains(&p)) {
            account.parent_id = None;
        }
    }
    for customer in &mut result.targets.customers {
        if customer.account_id.is_some_and(|a| !ids.contains(&a)) {
            customer.account_id = None;
        }
    }
    let problem = result.validate(WorkspaceLimits::DEFAULT).err();
    ImportPlan {
        mode,
        rows,
        result,
        problem,
    }
}

/// When a section written through its table (people, introduction) was
/// last changed, without typing it.
fn section_modified<T: SectionData>(
    section: &Lazy<T>,
    modified: impl Fn(&T) -> Option<Timestamp>,
) -> Option<Timestamp> {
    #[derive(serde::Deserialize)]
    struct Stamp {
        #[serde(default)]
        modified: Option<Timestamp>,
    }
    match (section.readable(), section.text()) {
        (Some(model), _) => modified(model),
        (None, Some(text)) => serde_json::from_str::<Stamp>(text).ok()?.modified,
        (None, None) => None,
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
    use crate::domain::account::KeyAccount;
    use crate::domain::record::{Family, RecordProblem};
    use crate::domain::{AccountDraft, Timestamp};

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

    /// Two colleagues start from the same file; one edits the account's
    /// profile, the other its Buying Center. Merging either way keeps both.
    #[test]
    fn edits_to_different_tools_of_one_account_both_survive_a_merge() {
        use crate::domain::potentials::buying_center::{BuyingCenter, BuyingCenterTool, Person};
        use crate::domain::potentials::put_tool;
        use crate::domain::potentials::ToolKind;
        let at = |secs: i64| Timestamp::from_millis(secs * 1000).unwrap();
        let start = Workspace {
            accounts: vec![account(1, "Rheinwerk", 10)],
            ..Default::default()
        };
        let mut profile_edit = start.clone();
        profile_edit.accounts[0].industry = "Chemie".into();
        profile_edit.accounts[0].modified = at(20);
        let mut center_edit = start.clone();
        let mut center = BuyingCenter::default();
        center
            .persons
            .push(Person::named(Uuid::from_u128(9), "Dr. Anna Berg"));
        put_tool::<BuyingCenterTool>(&mut center_edit, Uuid::from_u128(1), &center, at(30))
            .unwrap();
        for (ours, theirs) in [(&profile_edit, &center_edit), (&center_edit, &profile_edit)] {
            let plan = plan_import(ours, theirs, ImportMode::Merge);
            let result = plan.applicable().expect("no problem");
            assert_eq!(result.accounts[0].industry, "Chemie");
            assert_eq!(result.buying_centers.len(), 1);
            assert_eq!(
                BuyingCenterTool::read(&result.buying_centers[0]).unwrap(),
                center
            );
        }
        // Deleting the account on one side takes its Buying Center along
        // in the merge, and the deletion travels.
        let mut deleted = profile_edit.clone();
        deleted.remove_account(Uuid::from_u128(1), at(40));
        let plan = plan_import(&deleted, &center_edit, ImportMode::Merge);
        let result = plan.applicable().expect("no problem");
        assert!(result.accounts.is_empty() && result.buying_centers.is_empty());
        assert!(result
            .deleted
            .deleted_at(Family::BuyingCenter, Uuid::from_u128(1))
            .is_some());
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

    // Regression: merging two files of 3,000 accounts each gave 6,000, over
    // the 5,000 limit; it was saved, and the next start moved the whole
    // workspace to recovery.
    #[test]
    fn a_merge_over_the_account_limit_is_refused_before_it_is_applied() {
        let many = |from: u128| Workspace {
            accounts: (from..from + 3_000)
                .map(|n| account(n, &format!("Kunde {n}"), 1))
                .collect(),
            ..Default::default()
        };
        let plan = plan_import(&many(0), &many(10_000), ImportMode::Merge);
        assert_eq!(
            plan.problem,
            Some(WorkspaceError::Family {
                family: Family::Account,
                problem: RecordProblem::TooMany {
                    count: 6_000,
                    max: 5_000
                }
            })
        );
        assert!(plan.applicable().is_none());
    }

    // Regression: merging a colleague's older file brought back an account
    // that had been deleted here.
    #[test]
    fn merging_a_file_from_before_a_delete_keeps_the_account_deleted() {
        let before = Workspace {
            accounts: vec![account(1, "Bleibt", 5), account(2, "Gelöscht", 5)],
            ..Default::default()
        };
        let mut ours = before.clone();
        ours.remove_account(Uuid::from_u128(2), Timestamp::from_millis(9_000).unwrap());
        let plan = plan_import(&ours, &before, ImportMode::Merge);
        assert_eq!(
            decisions(&plan),
            vec![
                ("Bleibt".into(), RecordDecision::Unchanged),
                ("Gelöscht".into(), RecordDecision::StaysDeleted),
            ]
        );
        assert_eq!(plan.result.accounts.len(), 1);
        assert_eq!(plan.result.deleted.len(), 1);
        assert!(!plan.changes_anything());
        // And the other way round: the colleague merges our file and the
        // deletion reaches them.
        let theirs = plan_import(&before, &ours, ImportMode::Merge);
        assert_eq!(theirs.result.accounts.len(), 1);
        assert_eq!(theirs.count(RecordDecision::DeletedThere), 1);
        assert!(theirs.problem.is_none());
    }

    #[test]
    fn a_deleted_parent_leaves_no_dangling_reference_after_a_merge() {
        let mut child = account(3, "Tochter", 5);
        child.parent_id = Some(Uuid::from_u128(2));
        let theirs = Workspace {
            accounts: vec![account(2, "Mutter", 5), child],
            ..Default::default()
        };
        let mut ours = theirs.clone();
        ours.remove_account(Uuid::from_u128(2), Timestamp::from_millis(9_000).unwrap());
        let mut their_later = theirs.clone();
        their_later.accounts[1].modified = Timestamp::from_millis(20_000).unwrap();
        let plan = plan_import(&ours, &their_later, ImportMode::Merge);
        assert!(plan.problem.is_none(), "{:?}", plan.problem);
        let _: &KeyAccount = &plan.result.accounts[0];
        assert_eq!(plan.result.accounts[0].parent_id, None);
    }

    #[test]
    fn a_replace_keeps_our_deletion_records_so_a_later_merge_does_not_resurrect() {
        let old = Workspace {
            accounts: vec![account(1, "Bleibt", 5), account(2, "Gelöscht", 5)],
            ..Default::default()
        };
        let mut ours = old.clone();
        ours.remove_account(Uuid::from_u128(2), Timestamp::from_millis(9_000).unwrap());
        // Replace with a file that never had account 2.
        let file = Workspace {
            accounts: vec![account(1, "Bleibt", 5)],
            ..Default::default()
        };
        let replaced = plan_import(&ours, &file, ImportMode::Replace).result;
        assert_eq!(replaced.deleted.len(), 1);
        // Then a colleague's old file is merged: account 2 stays deleted.
        let merged = plan_import(&replaced, &old, ImportMode::Merge);
        assert_eq!(merged.result.accounts.len(), 1);
        assert_eq!(merged.count(RecordDecision::StaysDeleted), 1);
    }
}
