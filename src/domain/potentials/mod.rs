//! Building block "Potenziale" (book chapter 4): the tools of the account
//! analysis. Each tool of a key account is a record family of its own,
//! keyed by the account's id, so that two colleagues who each edit a
//! different tool of one account both keep their work in a merge.
//!
//! The workspace keeps a tool's content as JSON ([`ToolRecord::data`]);
//! only the pages of that tool, and the reader of users' files, read it
//! into the typed model ([`ToolKind::Data`]). Every other page carries it
//! along unchanged, so a new tool costs the pages that do not show it
//! almost nothing (docs/PERFORMANCE.md).

pub mod business;
pub mod buying_center;
pub mod findings;
pub mod plan;
pub mod requirements;

use super::account::ValidationProblem;
use super::record::{Family, FieldProblem, Record};
use super::time::Timestamp;
use super::workspace::Workspace;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::marker::PhantomData;
use uuid::Uuid;

/// One tool of the account analysis: its family and its typed content.
pub trait ToolKind: Sized + 'static {
    const FAMILY: Family;
    type Data: Serialize + DeserializeOwned + Default + Clone + PartialEq + Send + Sync;
    /// Field-level problems of the content (field paths inside `data`).
    fn problems(data: &Self::Data) -> Vec<FieldProblem>;
    /// The tool's family in the workspace.
    fn records(workspace: &Workspace) -> &[ToolRecord<Self>];
    fn records_mut(workspace: &mut Workspace) -> &mut Vec<ToolRecord<Self>>;
}

/// What every tool record stores: the account, the times, and the tool's
/// content as a JSON object ([`ToolKind::Data`]). Not generic, so that its
/// reading and writing exist once, not once per tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolEnvelope {
    pub account_id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub data: Value,
}

/// The stored record of one tool of one key account. Its id is the
/// account's id: an account has at most one record per tool, and two
/// colleagues who each start the same tool of the same account meet in one
/// record when their files are merged (the later change wins). Its fields
/// are the [`ToolEnvelope`]'s.
#[derive(Debug, Serialize, Deserialize)]
#[serde(transparent, bound = "")]
pub struct ToolRecord<K> {
    envelope: ToolEnvelope,
    #[serde(skip)]
    kind: PhantomData<fn() -> K>,
}

impl<K> std::ops::Deref for ToolRecord<K> {
    type Target = ToolEnvelope;
    fn deref(&self) -> &ToolEnvelope {
        &self.envelope
    }
}

impl<K> std::ops::DerefMut for ToolRecord<K> {
    fn deref_mut(&mut self) -> &mut ToolEnvelope {
        &mut self.envelope
    }
}

impl<K> Clone for ToolRecord<K> {
    fn clone(&self) -> Self {
        ToolRecord {
            envelope: self.envelope.clone(),
            kind: PhantomData,
        }
    }
}

impl<K> PartialEq for ToolRecord<K> {
    fn eq(&self, other: &Self) -> bool {
        self.envelope == other.envelope
    }
}

impl<K: ToolKind> Record for ToolRecord<K> {
    const FAMILY: Family = K::FAMILY;
    fn id(&self) -> Uuid {
        self.account_id
    }
    fn created(&self) -> Timestamp {
        self.created
    }
    fn modified(&self) -> Timestamp {
        self.modified
    }
    fn label(&self) -> String {
        self.account_id.to_string()
    }
    /// Only the envelope: the content is checked where it is typed
    /// ([`ToolRecord::read`], and the reader of users' files).
    fn problems(&self) -> Vec<FieldProblem> {
        if self.data.is_object() {
            Vec::new()
        } else {
            vec![("data".into(), ValidationProblem::Empty)]
        }
    }
    fn account_id(&self) -> Option<Uuid> {
        Some(self.account_id)
    }
}

/// Why a tool's stored content cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolError {
    /// The content does not have the tool's shape (message of the reader).
    Shape(String),
    /// A field breaks a rule: its path inside `data`, and what is wrong.
    Field(String, ValidationProblem),
}

impl<K: ToolKind> ToolRecord<K> {
    /// A new record holding `data`.
    pub fn new(account_id: Uuid, data: &K::Data, now: Timestamp) -> Self {
        ToolRecord {
            envelope: ToolEnvelope {
                account_id,
                created: now,
                modified: now,
                data: to_json(data).unwrap_or(Value::Null),
            },
            kind: PhantomData,
        }
    }

    /// The typed content, checked (read through text, see [`to_json`]).
    pub fn read(&self) -> Result<K::Data, ToolError> {
        let data: K::Data = serde_json::from_str(&self.data.to_string())
            .map_err(|e| ToolError::Shape(e.to_string()))?;
        match K::problems(&data).into_iter().next() {
            Some((field, problem)) => Err(ToolError::Field(field, problem)),
            None => Ok(data),
        }
    }

    /// Replaces the content with `data`, if it passes the tool's check.
    /// The modification time never goes backwards.
    pub fn write(&mut self, data: &K::Data, now: Timestamp) -> Result<(), ToolError> {
        if let Some((field, problem)) = K::problems(data).into_iter().next() {
            return Err(ToolError::Field(field, problem));
        }
        self.data = to_json(data).map_err(|e| ToolError::Shape(e.to_string()))?;
        self.modified = now.max(self.modified);
        Ok(())
    }
}

/// The content as a JSON value. Through text rather than
/// `serde_json::to_value`/`from_value`: the text reader and writer are in
/// every page already, the value-based ones would add several KB to each
/// tool's page (docs/PERFORMANCE.md).
fn to_json<T: Serialize>(data: &T) -> Result<Value, serde_json::Error> {
    serde_json::from_str(&serde_json::to_string(data)?)
}

/// The record of `account` in a tool family.
pub fn tool_of<K: ToolKind>(family: &[ToolRecord<K>], account: Uuid) -> Option<&ToolRecord<K>> {
    family.iter().find(|r| r.account_id == account)
}

/// Writes `data` as the account's record of the tool: creates the record
/// or changes it. Content that breaks a rule is refused and nothing changes.
pub fn put_tool<K: ToolKind>(
    family: &mut Vec<ToolRecord<K>>,
    account: Uuid,
    data: &K::Data,
    now: Timestamp,
) -> Result<(), ToolError> {
    match family.iter_mut().find(|r| r.account_id == account) {
        Some(record) => record.write(data, now),
        None => {
            if let Some((field, problem)) = K::problems(data).into_iter().next() {
                return Err(ToolError::Field(field, problem));
            }
            family.push(ToolRecord::new(account, data, now));
            Ok(())
        }
    }
}

/// The problem of a list longer than `max`.
pub(crate) fn too_many(max: usize) -> ValidationProblem {
    ValidationProblem::OutOfRange {
        min: 0,
        max: max as i64,
    }
}

/// The first record of a family whose content cannot be used: its index
/// and why. The reader of users' files refuses such a file.
pub fn first_unusable<K: ToolKind>(family: &[ToolRecord<K>]) -> Option<(usize, ToolError)> {
    family
        .iter()
        .enumerate()
        .find_map(|(index, record)| record.read().err().map(|e| (index, e)))
}

#[cfg(test)]
mod tests {
    use super::buying_center::{BuyingCenter, BuyingCenterTool, Person};
    use super::*;

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_millis(secs * 1000).unwrap()
    }

    #[test]
    fn a_tool_record_round_trips_and_refuses_broken_content() {
        let account = Uuid::from_u128(7);
        let mut family: Vec<ToolRecord<BuyingCenterTool>> = Vec::new();
        let mut center = BuyingCenter::default();
        center
            .persons
            .push(Person::named(Uuid::from_u128(1), "Dr. Anna Berg"));
        put_tool(&mut family, account, &center, at(10)).unwrap();
        assert_eq!(family.len(), 1);
        assert_eq!(family[0].id(), account);
        assert_eq!(
            tool_of(&family, account).unwrap().read(),
            Ok(center.clone())
        );

        // A change that breaks a rule is refused; the stored content stays.
        let mut broken = center.clone();
        broken.persons[0].influence = Some(9);
        assert_eq!(
            put_tool(&mut family, account, &broken, at(20)),
            Err(ToolError::Field(
                "persons[0].influence".into(),
                ValidationProblem::OutOfRange { min: 1, max: 5 }
            ))
        );
        assert_eq!(family[0].read(), Ok(center));
        assert_eq!(family[0].modified, at(10));

        // Stored content of the wrong shape is found, with its place.
        family[0].data = serde_json::json!({ "persons": [{ "id": 3 }] });
        assert!(matches!(
            first_unusable(&family),
            Some((0, ToolError::Shape(_)))
        ));
    }
}
