//! The workspace: everything one user keeps in the workbench.

use super::account::{AccountField, KeyAccount, ValidationProblem};
use super::fitness::{Catalogue, FitnessRecord, Foundations};
use super::targets::{TargetProblem, TargetSelection};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// Hard limits a workspace must stay within, so that a file or a stored
/// state can never grow beyond what the browser handles comfortably.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkspaceLimits {
    pub max_accounts: usize,
}

impl WorkspaceLimits {
    pub const DEFAULT: WorkspaceLimits = WorkspaceLimits {
        max_accounts: 5_000,
    };
}

/// All data of one user. New kinds of records are added as new fields with
/// `#[serde(default)]`, so that older files stay readable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    #[serde(default)]
    pub accounts: Vec<KeyAccount>,
    /// Fitness-Checks: own ones and participants' imported files.
    #[serde(default)]
    pub fitness_checks: Vec<FitnessRecord>,
    /// The company's KAM foundations notes (block "Fit für KAM").
    #[serde(default)]
    pub foundations: Foundations,
    /// A trainer's own Fitness-Check catalogue; the built-in one when absent.
    #[serde(default)]
    pub fitness_catalogue: Option<Catalogue>,
    /// The customer list and the target customer selection (block "Ziele").
    #[serde(default, skip_serializing_if = "TargetSelection::is_empty")]
    pub targets: TargetSelection,
}

/// Why a workspace read from a file or from storage cannot be used.
/// `path` names the record and field like `accounts[3].name`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{path}: {problem}")]
    InvalidField {
        path: String,
        problem: ValidationProblem,
    },
    #[error("accounts[{second}]: the id {id} is already used by accounts[{first}]")]
    DuplicateId {
        id: Uuid,
        first: usize,
        second: usize,
    },
    #[error("the file holds {count} accounts; at most {max} are allowed")]
    TooManyAccounts { count: usize, max: usize },
    #[error("accounts[{index}]: modified is earlier than created")]
    ModifiedBeforeCreated { index: usize },
    #[error("targets.{0}")]
    Targets(TargetProblem),
}

/// An account taken out of the workspace, with what is needed to put it back
/// exactly where it was (undo).
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedAccount {
    pub account: KeyAccount,
    pub index: usize,
    /// Accounts whose parent reference pointed to the removed account and was
    /// cleared, so that no reference dangles.
    pub detached_children: Vec<Uuid>,
    /// Customers of the target selection that were linked to the account.
    pub unlinked_customers: Vec<Uuid>,
}

impl Workspace {
    /// Checks the whole workspace; the first problem found is returned with
    /// the path of the record and field.
    pub fn validate(&self, limits: WorkspaceLimits) -> Result<(), WorkspaceError> {
        if self.accounts.len() > limits.max_accounts {
            return Err(WorkspaceError::TooManyAccounts {
                count: self.accounts.len(),
                max: limits.max_accounts,
            });
        }
        let mut seen: HashMap<Uuid, usize> = HashMap::with_capacity(self.accounts.len());
        for (index, account) in self.accounts.iter().enumerate() {
            if let Some(&first) = seen.get(&account.id) {
                return Err(WorkspaceError::DuplicateId {
                    id: account.id,
                    first,
                    second: index,
                });
            }
            seen.insert(account.id, index);
            if let Some((field, problem)) = account.problems().into_iter().next() {
                return Err(field_error(index, field, problem));
            }
            if account.modified < account.created {
                return Err(WorkspaceError::ModifiedBeforeCreated { index });
            }
        }
        for (index, account) in self.accounts.iter().enumerate() {
            if let Some(parent) = account.parent_id {
                if !seen.contains_key(&parent) {
                    return Err(field_error(
                        index,
                        AccountField::Parent,
                        ValidationProblem::DanglingReference,
                    ));
                }
            }
        }
        self.targets
            .validate(|id| seen.contains_key(&id))
            .map_err(WorkspaceError::Targets)?;
        Ok(())
    }

    /// A workspace holding one account, as a single-account export. The
    /// parent reference is dropped, because the parent is not in the file.
    pub fn single(account: &KeyAccount) -> Workspace {
        Workspace {
            accounts: vec![KeyAccount {
                parent_id: None,
                ..account.clone()
            }],
            ..Workspace::default()
        }
    }

    /// A workspace holding one Fitness-Check, as a participant hands it in.
    pub fn single_check(record: &FitnessRecord) -> Workspace {
        Workspace {
            fitness_checks: vec![record.clone()],
            ..Workspace::default()
        }
    }

    /// The catalogue new Fitness-Checks use: the trainer's, else the built-in.
    pub fn active_catalogue(&self) -> &Catalogue {
        self.fitness_catalogue
            .as_ref()
            .unwrap_or(Catalogue::built_in())
    }

    /// The catalogue a check was made with, if the workspace has it.
    pub fn catalogue_for(&self, record: &FitnessRecord) -> Option<&Catalogue> {
        self.fitness_catalogue
            .iter()
            .chain(std::iter::once(Catalogue::built_in()))
            .find(|c| record.check.fits(c))
    }

    /// The most recent change to a Fitness-Check or the foundations notes.
    pub fn last_fit_change(&self) -> Option<Timestamp> {
        self.fitness_checks
            .iter()
            .map(|c| c.modified)
            .chain(self.foundations.modified)
            .max()
    }

    pub fn account(&self, id: Uuid) -> Option<&KeyAccount> {
        self.accounts.iter().find(|a| a.id == id)
    }

    pub fn account_mut(&mut self, id: Uuid) -> Option<&mut KeyAccount> {
        self.accounts.iter_mut().find(|a| a.id == id)
    }

    /// The most recent modification of any record, if there is one.
    pub fn last_modified(&self) -> Option<Timestamp> {
        self.accounts.iter().map(|a| a.modified).max()
    }

    /// Puts an earlier state of the target selection back (undo). Links to
    /// key accounts deleted meanwhile are dropped, so none dangles.
    pub fn restore_targets(&mut self, earlier: TargetSelection) {
        self.targets = earlier;
        let ids: std::collections::HashSet<Uuid> = self.accounts.iter().map(|a| a.id).collect();
        for customer in &mut self.targets.customers {
            if customer.account_id.is_some_and(|id| !ids.contains(&id)) {
                customer.account_id = None;
            }
        }
    }

    /// Promotes a customer of the list to a key account: links it to the
    /// account of the same name if there is one, else creates the account
    /// with name and revenue prefilled. Returns the account's id.
    pub fn promote_customer(
        &mut self,
        customer: Uuid,
        new_id: Uuid,
        now: Timestamp,
    ) -> Option<Uuid> {
        let index = self
            .targets
            .customers
            .iter()
            .position(|c| c.id == customer)?;
        if let Some(existing) = self.targets.customers[index].account_id {
            if self.account(existing).is_some() {
                return Some(existing);
            }
        }
        let source = &self.targets.customers[index];
        let key = crate::domain::account_list::fold(&source.name);
        let id = match self
            .accounts
            .iter()
            .find(|a| crate::domain::account_list::fold(&a.name) == key)
        {
            Some(account) => account.id,
            None => {
                let draft = super::AccountDraft {
                    name: source.name.clone(),
                    revenue_last_year: source.revenue.filter(|r| *r >= 0.0),
                    ..Default::default()
                };
                let account = draft.create(new_id, now).ok()?;
                self.accounts.push(account);
                new_id
            }
        };
        self.targets.customers[index].account_id = Some(id);
        self.targets.modified = Some(now);
        Some(id)
    }

    /// Removes an account and clears references to it. Returns what undo needs.
    pub fn remove_account(&mut self, id: Uuid) -> Option<RemovedAccount> {
        let index = self.accounts.iter().position(|a| a.id == id)?;
        let account = self.accounts.remove(index);
        let mut detached_children = Vec::new();
        for other in &mut self.accounts {
            if other.parent_id == Some(id) {
                other.parent_id = None;
                detached_children.push(other.id);
            }
        }
        let mut unlinked_customers = Vec::new();
        for customer in &mut self.targets.customers {
            if customer.account_id == Some(id) {
                customer.account_id = None;
                unlinked_customers.push(customer.id);
            }
        }
        Some(RemovedAccount {
            account,
            index,
            detached_children,
            unlinked_customers,
        })
    }

    /// Undoes [`Workspace::remove_account`]. An account that has meanwhile
    /// come back (for example through an import) is not duplicated.
    pub fn restore_account(&mut self, removed: RemovedAccount) {
        if self.account(removed.account.id).is_some() {
            return;
        }
        let id = removed.account.id;
        let index = removed.index.min(self.accounts.len());
        self.accounts.insert(index, removed.account);
        for child in removed.detached_children {
            if let Some(account) = self.account_mut(child) {
                if account.parent_id.is_none() {
                    account.parent_id = Some(id);
                }
            }
        }
        for customer in &mut self.targets.customers {
            if removed.unlinked_customers.contains(&customer.id) && customer.account_id.is_none() {
                customer.account_id = Some(id);
            }
        }
    }
}

fn field_error(index: usize, field: AccountField, problem: ValidationProblem) -> WorkspaceError {
    WorkspaceError::InvalidField {
        path: format!("accounts[{index}].{}", field.as_str()),
        problem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AccountDraft;

    fn account(n: u128, name: &str) -> KeyAccount {
        let now = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        AccountDraft {
            name: name.into(),
            ..Default::default()
        }
        .create(Uuid::from_u128(n), now)
        .unwrap()
    }

    #[test]
    fn duplicate_ids_are_reported_with_both_positions() {
        let ws = Workspace {
            accounts: vec![account(1, "A"), account(2, "B"), account(1, "C")],
            ..Default::default()
        };
        assert_eq!(
            ws.validate(WorkspaceLimits::DEFAULT),
            Err(WorkspaceError::DuplicateId {
                id: Uuid::from_u128(1),
                first: 0,
                second: 2
            })
        );
    }

    #[test]
    fn a_parent_that_does_not_exist_is_a_dangling_reference() {
        let mut child = account(2, "Tochter GmbH");
        child.parent_id = Some(Uuid::from_u128(99));
        let ws = Workspace {
            accounts: vec![account(1, "A"), child],
            ..Default::default()
        };
        let err = ws.validate(WorkspaceLimits::DEFAULT).unwrap_err();
        assert_eq!(
            err.to_string(),
            "accounts[1].parent_id: points to an account that does not exist"
        );
    }

    #[test]
    fn a_single_account_export_is_valid_on_its_own() {
        let mut child = account(2, "Tochter");
        child.parent_id = Some(Uuid::from_u128(1));
        let single = Workspace::single(&child);
        assert_eq!(single.accounts.len(), 1);
        assert_eq!(single.accounts[0].parent_id, None);
        assert!(single.validate(WorkspaceLimits::DEFAULT).is_ok());
    }

    #[test]
    fn the_account_limit_is_enforced() {
        let ws = Workspace {
            accounts: vec![account(1, "A"), account(2, "B")],
            ..Default::default()
        };
        assert_eq!(
            ws.validate(WorkspaceLimits { max_accounts: 1 }),
            Err(WorkspaceError::TooManyAccounts { count: 2, max: 1 })
        );
    }

    #[test]
    fn removing_an_account_detaches_children_and_undo_restores_everything() {
        let mut child = account(3, "Tochter");
        child.parent_id = Some(Uuid::from_u128(2));
        let mut linked = crate::domain::targets::Customer::new(Uuid::from_u128(7), "Mutter");
        linked.account_id = Some(Uuid::from_u128(2));
        let original = Workspace {
            accounts: vec![account(1, "A"), account(2, "Mutter"), child],
            targets: TargetSelection {
                customers: vec![linked],
                ..Default::default()
            },
            ..Default::default()
        };
        let mut ws = original.clone();
        let removed = ws.remove_account(Uuid::from_u128(2)).unwrap();
        assert_eq!(ws.accounts.len(), 2);
        assert_eq!(ws.account(Uuid::from_u128(3)).unwrap().parent_id, None);
        assert_eq!(ws.targets.customers[0].account_id, None);
        assert!(ws.validate(WorkspaceLimits::DEFAULT).is_ok());
        ws.restore_account(removed);
        assert_eq!(ws, original);
    }
}
