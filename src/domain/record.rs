//! The record model: what every list of records in the workspace has in
//! common, written once.
//!
//! A *family* is one list of records of one type (key accounts,
//! Fitness-Checks, and each tool of a key account as its own family keyed by
//! the account's id). Validation, merging, deletion with its deletion record
//! and undo are generic over [`Record`], so a new building block adds a
//! family without touching them.

use super::account::ValidationProblem;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The families of records a workspace holds. The serde name is the
/// family's name in deletion records of the file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Account,
    FitnessCheck,
    /// The Buying Center of a key account (one record per account).
    BuyingCenter,
    /// The account plan of a key account (one record per account).
    AccountPlan,
    /// Requirements vs. performance of a key account (one per account).
    Requirements,
    /// Our own business with a key account (one per account).
    Business,
    /// The extended Steckbrief of a key account (one per account).
    Profile,
    /// The market of a key account (one per account).
    Market,
    /// The information sources about a key account (one per account).
    Sources,
    /// The satisfaction surveys of a key account (one record per account).
    Satisfaction,
    /// The annual review talks of a key account (one record per account).
    AnnualReview,
    /// The process cycle of a key account (one record per account).
    Cycle,
    /// The key account team of a key account (one record per account).
    Team,
    /// The Balanced Scorecard of a key account (one record per account).
    Scorecard,
}

impl Family {
    /// The family's list in the file format (`data.<name>`).
    pub fn field(self) -> &'static str {
        match self {
            Family::Account => "accounts",
            Family::FitnessCheck => "fitness_checks",
            Family::BuyingCenter => "buying_centers",
            Family::AccountPlan => "account_plans",
            Family::Requirements => "requirements",
            Family::Business => "own_business",
            Family::Profile => "account_profiles",
            Family::Market => "markets",
            Family::Sources => "information_sources",
            Family::Satisfaction => "satisfaction_surveys",
            Family::AnnualReview => "annual_reviews",
            Family::Cycle => "process_cycles",
            Family::Team => "account_teams",
            Family::Scorecard => "scorecards",
        }
    }
}

/// The families that are tools of a key account (block "Potenziale"): one
/// record per account, its content kept as JSON
/// (`domain::potentials::ToolRecord`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ToolFamily {
    BuyingCenter,
    AccountPlan,
    Requirements,
    Business,
    Profile,
    Market,
    Sources,
    Satisfaction,
    AnnualReview,
    Cycle,
    Team,
    Scorecard,
}

impl ToolFamily {
    /// Every tool family, in the file's order.
    pub const ALL: [ToolFamily; 12] = [
        ToolFamily::BuyingCenter,
        ToolFamily::AccountPlan,
        ToolFamily::Requirements,
        ToolFamily::Business,
        ToolFamily::Profile,
        ToolFamily::Market,
        ToolFamily::Sources,
        ToolFamily::Satisfaction,
        ToolFamily::AnnualReview,
        ToolFamily::Cycle,
        ToolFamily::Team,
        ToolFamily::Scorecard,
    ];

    /// The group whose import check reads this family's content.
    pub fn group(self) -> ToolGroup {
        match self {
            ToolFamily::BuyingCenter
            | ToolFamily::AccountPlan
            | ToolFamily::Requirements
            | ToolFamily::Business
            | ToolFamily::Profile
            | ToolFamily::Market
            | ToolFamily::Sources => ToolGroup::Potentials,
            ToolFamily::Satisfaction
            | ToolFamily::AnnualReview
            | ToolFamily::Cycle
            | ToolFamily::Team
            | ToolFamily::Scorecard => ToolGroup::Processes,
        }
    }

    /// The family's name in deletion records and errors.
    pub fn family(self) -> Family {
        match self {
            ToolFamily::BuyingCenter => Family::BuyingCenter,
            ToolFamily::AccountPlan => Family::AccountPlan,
            ToolFamily::Requirements => Family::Requirements,
            ToolFamily::Business => Family::Business,
            ToolFamily::Profile => Family::Profile,
            ToolFamily::Market => Family::Market,
            ToolFamily::Sources => Family::Sources,
            ToolFamily::Satisfaction => Family::Satisfaction,
            ToolFamily::AnnualReview => Family::AnnualReview,
            ToolFamily::Cycle => Family::Cycle,
            ToolFamily::Team => Family::Team,
            ToolFamily::Scorecard => Family::Scorecard,
        }
    }
}

/// The tool families whose content one import check reads. Reading every
/// tool's content into its typed model takes that model's reading code, on
/// average 4 KB gzip per tool, and the import page cannot carry all of them
/// within the page budget. So each group's contents are checked on a page of
/// their own (`/data/check/<group>`), which the import passes through
/// before it shows its preview (docs/ARCHITECTURE.md, "Import").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ToolGroup {
    /// The tools of the account analysis (block "Potenziale").
    Potentials,
    /// The tools of the blocks "Menschen im KAM" and "Prozesse und Tools".
    Processes,
}

impl ToolGroup {
    pub const ALL: [ToolGroup; 2] = [ToolGroup::Potentials, ToolGroup::Processes];

    /// The group's name in the address of its check page.
    pub fn key(self) -> &'static str {
        match self {
            ToolGroup::Potentials => "potentials",
            ToolGroup::Processes => "processes",
        }
    }

    pub fn from_key(key: &str) -> Option<ToolGroup> {
        ToolGroup::ALL.into_iter().find(|g| g.key() == key)
    }
}

/// A field-level problem of one record: the field's name in the file
/// format and what is wrong with it.
pub type FieldProblem = (String, ValidationProblem);

/// One record of a family: identified, dated, named and checkable.
pub trait Record: Clone + PartialEq {
    fn id(&self) -> Uuid;
    fn created(&self) -> Timestamp;
    fn modified(&self) -> Timestamp;
    /// How the record is named in lists, previews and messages.
    fn label(&self) -> String;
    /// Field-level problems, in field order; empty when the record is fine.
    fn problems(&self) -> Vec<FieldProblem>;
    /// The key account a per-account tool belongs to; `None` for records
    /// that stand on their own. Deleting the account deletes these too.
    fn account_id(&self) -> Option<Uuid> {
        None
    }
}

/// What is wrong with a family, with the position of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    TooMany {
        count: usize,
        max: usize,
    },
    DuplicateId {
        id: Uuid,
        first: usize,
        second: usize,
    },
    Field {
        index: usize,
        field: String,
        problem: ValidationProblem,
    },
    ModifiedBeforeCreated {
        index: usize,
    },
}

/// Checks one family: its size, unique ids, every record's fields, its
/// dates, and (for per-account tools) that the account exists.
pub fn validate_family<T: Record>(
    records: &[T],
    max: usize,
    account_exists: impl Fn(Uuid) -> bool,
) -> Result<(), RecordProblem> {
    if records.len() > max {
        return Err(RecordProblem::TooMany {
            count: records.len(),
            max,
        });
    }
    let mut seen: HashMap<Uuid, usize> = HashMap::with_capacity(records.len());
    for (index, record) in records.iter().enumerate() {
        if let Some(first) = seen.insert(record.id(), index) {
            return Err(RecordProblem::DuplicateId {
                id: record.id(),
                first,
                second: index,
            });
        }
        if let Some((field, problem)) = record.problems().into_iter().next() {
            return Err(RecordProblem::Field {
                index,
                field,
                problem,
            });
        }
        if record.modified() < record.created() {
            return Err(RecordProblem::ModifiedBeforeCreated { index });
        }
        if record.account_id().is_some_and(|id| !account_exists(id)) {
            return Err(RecordProblem::Field {
                index,
                field: "account_id".into(),
                problem: ValidationProblem::DanglingReference,
            });
        }
    }
    Ok(())
}

/// A deletion record: this record was deleted at that time. It travels in
/// exported files, so that merging an older file does not bring it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deletion {
    pub family: Family,
    pub id: Uuid,
    pub at: Timestamp,
}

/// Most deletion records a workspace keeps; beyond it the oldest go.
pub const MAX_DELETIONS: usize = 20_000;

/// The workspace's deletion records, one per deleted record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Deletions(Vec<Deletion>);

impl Deletions {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Deletion> {
        self.0.iter()
    }

    /// When the record was deleted, if it was.
    pub fn deleted_at(&self, family: Family, id: Uuid) -> Option<Timestamp> {
        self.0
            .iter()
            .find(|d| d.family == family && d.id == id)
            .map(|d| d.at)
    }

    /// Notes a deletion (the later time wins when it is noted twice).
    pub fn note(&mut self, family: Family, id: Uuid, at: Timestamp) {
        match self.0.iter_mut().find(|d| d.family == family && d.id == id) {
            Some(existing) => existing.at = existing.at.max(at),
            None => self.0.push(Deletion { family, id, at }),
        }
        self.trim();
    }

    /// Takes a deletion back (undo, or the record was changed after it).
    pub fn forget(&mut self, family: Family, id: Uuid) {
        self.0.retain(|d| !(d.family == family && d.id == id));
    }

    /// Both sides' deletions; for a record deleted on both, the later time.
    pub fn union(&self, other: &Deletions) -> Deletions {
        let mut result = self.clone();
        for d in &other.0 {
            match result
                .0
                .iter_mut()
                .find(|r| r.family == d.family && r.id == d.id)
            {
                Some(existing) => existing.at = existing.at.max(d.at),
                None => result.0.push(*d),
            }
        }
        result.trim();
        result
    }

    /// Drops the oldest deletion records beyond [`MAX_DELETIONS`].
    fn trim(&mut self) {
        if self.0.len() > MAX_DELETIONS {
            self.0.sort_by_key(|d| std::cmp::Reverse(d.at));
            self.0.truncate(MAX_DELETIONS);
        }
    }

    /// Whether the list is within its limit and names each record once.
    pub fn problem(&self) -> Option<RecordProblem> {
        if self.0.len() > MAX_DELETIONS {
            return Some(RecordProblem::TooMany {
                count: self.0.len(),
                max: MAX_DELETIONS,
            });
        }
        let mut seen = HashMap::with_capacity(self.0.len());
        for (index, d) in self.0.iter().enumerate() {
            if let Some(first) = seen.insert((d.family, d.id), index) {
                return Some(RecordProblem::DuplicateId {
                    id: d.id,
                    first,
                    second: index,
                });
            }
        }
        None
    }
}

/// How an imported file is combined with the current workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// Match records by id; where both have one, the later `modified` wins.
    #[default]
    Merge,
    /// The file becomes the workspace; the current one is kept as a snapshot.
    Replace,
}

/// What an import does to one record.
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
    /// In the file, but deleted here after the file's version was last
    /// changed: it stays deleted (merge only).
    StaysDeleted,
    /// Here, but deleted in the file after our version was last changed:
    /// the deletion is taken over (merge only).
    DeletedThere,
}

/// One line of an import preview.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub kind: RecordKind,
    pub id: Uuid,
    pub name: String,
    pub decision: RecordDecision,
}

/// Which kind of record a preview line is about: a family, or one of the
/// workspace's single records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Family(Family),
    Foundations,
    Catalogue,
    /// The customer list with its scoring model.
    TargetSelection,
    /// The organisation, role description and colleagues of "Menschen im KAM".
    People,
    /// The KAM introduction project.
    Introduction,
}

fn row<T: Record>(family: Family, record: &T, decision: RecordDecision) -> PlanRow {
    PlanRow {
        kind: RecordKind::Family(family),
        id: record.id(),
        name: record.label(),
        decision,
    }
}

/// Whether a deletion at `deleted` outranks a version last changed at
/// `modified`. The later event wins; a deletion at the same moment wins.
fn deletion_wins(deleted: Option<Timestamp>, modified: Timestamp) -> bool {
    deleted.is_some_and(|at| at >= modified)
}

/// Decides for one family what an import does, record by record, and
/// returns the family as it will be. Deterministic: merge keeps the current
/// order and appends new records in the file's order; when both sides
/// changed a record at the very same millisecond, ours is kept. In a merge,
/// `deletions` are both sides' deletion records: a record deleted after its
/// last change stays deleted, whichever side it comes from.
pub fn plan_family<T: Record>(
    family: Family,
    current: &[T],
    incoming: &[T],
    mode: ImportMode,
    deletions: &Deletions,
    rows: &mut Vec<PlanRow>,
) -> Vec<T> {
    let ours: HashMap<Uuid, &T> = current.iter().map(|r| (r.id(), r)).collect();
    let theirs: HashMap<Uuid, &T> = incoming.iter().map(|r| (r.id(), r)).collect();
    match mode {
        ImportMode::Replace => {
            for record in incoming {
                let decision = match ours.get(&record.id()) {
                    None => RecordDecision::Added,
                    Some(existing) if *existing == record => RecordDecision::Unchanged,
                    Some(_) => RecordDecision::Replaced,
                };
                rows.push(row(family, record, decision));
            }
            for record in current {
                if !theirs.contains_key(&record.id()) {
                    rows.push(row(family, record, RecordDecision::Removed));
                }
            }
            incoming.to_vec()
        }
        ImportMode::Merge => {
            let deleted = |r: &T| deletion_wins(deletions.deleted_at(family, r.id()), r.modified());
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
                if deleted(kept) {
                    rows.push(row(family, kept, RecordDecision::DeletedThere));
                    continue;
                }
                rows.push(row(family, kept, decision));
                merged.push(kept.clone());
            }
            for record in incoming {
                if ours.contains_key(&record.id()) {
                    continue;
                }
                if deleted(record) {
                    rows.push(row(family, record, RecordDecision::StaysDeleted));
                } else {
                    rows.push(row(family, record, RecordDecision::Added));
                    merged.push(record.clone());
                }
            }
            merged
        }
    }
}

/// The deletion records that still matter after a merge: those of records
/// that are gone. A record changed after its deletion came back, so its
/// deletion record is dropped.
pub fn settle_deletions<T: Record>(family: Family, deletions: &mut Deletions, records: &[T]) {
    let present: HashSet<Uuid> = records.iter().map(Record::id).collect();
    deletions
        .0
        .retain(|d| d.family != family || !present.contains(&d.id));
}

/// A record taken out of its family, with its position, for undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed<T> {
    pub index: usize,
    pub record: T,
}

/// When a deletion counts as made: now, but never before the record's last
/// change (a colleague's clock may run ahead), so that merging the file the
/// record came from does not bring it back.
fn deletion_time<T: Record>(record: &T, now: Timestamp) -> Timestamp {
    now.max(record.modified())
}

/// Removes the records of a per-account family whose key account is not in
/// `accounts` (it was deleted on one side of a merge), noting their
/// deletions at the time of the account's deletion record, if any.
pub fn drop_orphans<T: Record>(
    family: Family,
    records: &mut Vec<T>,
    deletions: &mut Deletions,
    accounts: &HashSet<Uuid>,
) {
    let mut orphans = Vec::new();
    records.retain(|r| match r.account_id() {
        Some(account) if !accounts.contains(&account) => {
            orphans.push((r.id(), account, r.modified()));
            false
        }
        _ => true,
    });
    for (id, account, modified) in orphans {
        let at = deletions
            .deleted_at(Family::Account, account)
            .unwrap_or(modified)
            .max(modified);
        deletions.note(family, id, at);
    }
}

/// Takes a record out of its family and notes its deletion.
pub fn remove_record<T: Record>(
    family: Family,
    records: &mut Vec<T>,
    deletions: &mut Deletions,
    id: Uuid,
    now: Timestamp,
) -> Option<Removed<T>> {
    let index = records.iter().position(|r| r.id() == id)?;
    let record = records.remove(index);
    deletions.note(family, id, deletion_time(&record, now));
    Some(Removed { index, record })
}

/// Takes every record of a per-account family that belongs to the account
/// out, noting their deletions (the delete cascade).
pub fn remove_for_account<T: Record>(
    family: Family,
    records: &mut Vec<T>,
    deletions: &mut Deletions,
    account: Uuid,
    now: Timestamp,
) -> Vec<Removed<T>> {
    let mut removed = Vec::new();
    let mut index = 0;
    let mut original_index = 0;
    while index < records.len() {
        if records[index].account_id() == Some(account) {
            let record = records.remove(index);
            deletions.note(family, record.id(), deletion_time(&record, now));
            removed.push(Removed {
                index: original_index,
                record,
            });
        } else {
            index += 1;
        }
        original_index += 1;
    }
    removed
}

/// Puts a removed record back where it was and takes its deletion record
/// back. A record that has meanwhile come back (through an import) is not
/// duplicated.
pub fn restore_record<T: Record>(
    family: Family,
    records: &mut Vec<T>,
    deletions: &mut Deletions,
    removed: Removed<T>,
) {
    let id = removed.record.id();
    deletions.forget(family, id);
    if records.iter().any(|r| r.id() == id) {
        return;
    }
    let index = removed.index.min(records.len());
    records.insert(index, removed.record);
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A per-account tool for testing the generic code.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Note {
        pub id: Uuid,
        pub account: Uuid,
        pub text: String,
        pub modified: Timestamp,
    }

    /// The family the test's notes stand in for.
    const F: Family = Family::FitnessCheck;

    impl Record for Note {
        fn id(&self) -> Uuid {
            self.id
        }
        fn created(&self) -> Timestamp {
            Timestamp::from_millis(0).unwrap()
        }
        fn modified(&self) -> Timestamp {
            self.modified
        }
        fn label(&self) -> String {
            self.text.clone()
        }
        fn problems(&self) -> Vec<FieldProblem> {
            if self.text.is_empty() {
                vec![("text".into(), ValidationProblem::Empty)]
            } else {
                Vec::new()
            }
        }
        fn account_id(&self) -> Option<Uuid> {
            Some(self.account)
        }
    }

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_millis(secs * 1000).unwrap()
    }

    fn note(id: u128, account: u128, text: &str, secs: i64) -> Note {
        Note {
            id: Uuid::from_u128(id),
            account: Uuid::from_u128(account),
            text: text.into(),
            modified: at(secs),
        }
    }

    #[test]
    fn a_record_of_a_missing_account_dangles() {
        let notes = [note(1, 7, "x", 1)];
        assert_eq!(
            validate_family(&notes, 10, |id| id == Uuid::from_u128(8)),
            Err(RecordProblem::Field {
                index: 0,
                field: "account_id".into(),
                problem: ValidationProblem::DanglingReference
            })
        );
        assert_eq!(validate_family(&notes, 10, |_| true), Ok(()));
        assert_eq!(
            validate_family(&notes, 0, |_| true),
            Err(RecordProblem::TooMany { count: 1, max: 0 })
        );
    }

    #[test]
    fn merging_an_older_file_does_not_bring_a_deleted_record_back() {
        let mut ours = vec![note(1, 9, "kept", 10), note(2, 9, "deleted", 10)];
        let theirs = vec![note(1, 9, "kept", 10), note(2, 9, "deleted", 10)];
        let mut deletions = Deletions::default();
        remove_record(F, &mut ours, &mut deletions, Uuid::from_u128(2), at(20)).unwrap();
        let mut rows = Vec::new();
        let merged = plan_family(F, &ours, &theirs, ImportMode::Merge, &deletions, &mut rows);
        assert_eq!(merged, vec![note(1, 9, "kept", 10)]);
        assert_eq!(rows[1].decision, RecordDecision::StaysDeleted);
        assert_eq!(rows[1].name, "deleted");
    }

    #[test]
    fn a_deletion_in_the_file_removes_our_unchanged_copy() {
        let ours = vec![note(1, 9, "old", 10)];
        let mut their_deletions = Deletions::default();
        their_deletions.note(Family::FitnessCheck, Uuid::from_u128(1), at(15));
        let union = Deletions::default().union(&their_deletions);
        let mut rows = Vec::new();
        let merged = plan_family(F, &ours, &[], ImportMode::Merge, &union, &mut rows);
        assert!(merged.is_empty());
        assert_eq!(rows[0].decision, RecordDecision::DeletedThere);
    }

    #[test]
    fn a_record_changed_after_its_deletion_comes_back_and_loses_its_deletion_record() {
        let mut deletions = Deletions::default();
        deletions.note(Family::FitnessCheck, Uuid::from_u128(1), at(15));
        let theirs = vec![note(1, 9, "edited later", 30)];
        let mut rows = Vec::new();
        let merged = plan_family(F, &[], &theirs, ImportMode::Merge, &deletions, &mut rows);
        assert_eq!(merged.len(), 1);
        settle_deletions(F, &mut deletions, &merged);
        assert!(deletions.is_empty());
    }

    #[test]
    fn two_colleagues_editing_different_records_of_one_account_both_keep_their_edits() {
        // Colleague A edits tool record 1, colleague B tool record 2; both
        // belong to account 9.
        let base = vec![note(1, 9, "plan", 10), note(2, 9, "buying center", 10)];
        let mut a = base.clone();
        a[0] = note(1, 9, "plan, edited by A", 20);
        let mut b = base;
        b[1] = note(2, 9, "buying center, edited by B", 25);
        let none = Deletions::default();
        let mut rows = Vec::new();
        let at_a = plan_family(F, &a, &b, ImportMode::Merge, &none, &mut rows);
        let at_b = plan_family(F, &b, &a, ImportMode::Merge, &none, &mut rows);
        assert_eq!(at_a, at_b);
        assert_eq!(at_a[0].text, "plan, edited by A");
        assert_eq!(at_a[1].text, "buying center, edited by B");
    }

    #[test]
    fn deleting_an_account_cascades_to_its_tools_and_undo_puts_them_back() {
        let original = vec![note(1, 9, "a", 1), note(2, 8, "b", 1), note(3, 9, "c", 1)];
        let mut family = original.clone();
        let mut deletions = Deletions::default();
        let removed = remove_for_account(F, &mut family, &mut deletions, Uuid::from_u128(9), at(5));
        assert_eq!(family, vec![note(2, 8, "b", 1)]);
        assert_eq!(deletions.len(), 2);
        for r in removed {
            restore_record(F, &mut family, &mut deletions, r);
        }
        assert_eq!(family, original);
        assert!(deletions.is_empty());
    }

    #[test]
    fn the_union_of_deletions_keeps_the_later_time_and_names_each_record_once() {
        let mut a = Deletions::default();
        a.note(Family::Account, Uuid::from_u128(1), at(5));
        let mut b = Deletions::default();
        b.note(Family::Account, Uuid::from_u128(1), at(9));
        b.note(Family::Account, Uuid::from_u128(2), at(1));
        let u = a.union(&b);
        assert_eq!(u.len(), 2);
        assert_eq!(
            u.deleted_at(Family::Account, Uuid::from_u128(1)),
            Some(at(9))
        );
        assert_eq!(u.problem(), None);
    }

    #[test]
    fn a_record_changed_in_the_future_is_deleted_no_earlier_than_its_change() {
        let mut family = vec![note(1, 9, "from a fast clock", 100)];
        let mut deletions = Deletions::default();
        remove_record(F, &mut family, &mut deletions, Uuid::from_u128(1), at(50)).unwrap();
        let mut rows = Vec::new();
        let merged = plan_family(
            F,
            &[],
            &[note(1, 9, "from a fast clock", 100)],
            ImportMode::Merge,
            &deletions,
            &mut rows,
        );
        assert!(merged.is_empty());
        assert_eq!(rows[0].decision, RecordDecision::StaysDeleted);
    }

    #[test]
    fn records_of_an_account_that_is_gone_are_dropped_and_noted() {
        let mut family = vec![note(1, 9, "a", 1), note(2, 8, "b", 1)];
        let mut deletions = Deletions::default();
        let accounts: HashSet<Uuid> = [Uuid::from_u128(8)].into_iter().collect();
        drop_orphans(F, &mut family, &mut deletions, &accounts);
        assert_eq!(family, vec![note(2, 8, "b", 1)]);
        assert!(deletions
            .deleted_at(Family::FitnessCheck, Uuid::from_u128(1))
            .is_some());
    }
}
