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
pub mod market;
pub mod plan;
pub mod profile;
pub mod requirements;
pub mod sources;

use super::account::{check_name, ValidationProblem};
use super::record::{FieldProblem, Record, ToolFamily};
use super::time::Timestamp;
use super::workspace::Workspace;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// One tool of the account analysis: its family and its typed content.
pub trait ToolKind: Sized + 'static {
    const FAMILY: ToolFamily;
    type Data: Serialize + DeserializeOwned + Default + Clone + PartialEq + Send + Sync;
    /// Field-level problems of the content (field paths inside `data`).
    fn problems(data: &Self::Data) -> Vec<FieldProblem>;

    /// The typed content of a stored record, checked (read through text,
    /// see [`to_json`]).
    fn read(record: &ToolRecord) -> Result<Self::Data, ToolError> {
        let data: Self::Data = serde_json::from_str(&record.data.to_string())
            .map_err(|e| ToolError::Shape(e.to_string()))?;
        match Self::problems(&data).into_iter().next() {
            Some((field, problem)) => Err(ToolError::Field(field, problem)),
            None => Ok(data),
        }
    }

    /// Replaces a record's content with `data`, if it passes the tool's
    /// check. The modification time never goes backwards.
    fn write(record: &mut ToolRecord, data: &Self::Data, now: Timestamp) -> Result<(), ToolError> {
        if let Some((field, problem)) = Self::problems(data).into_iter().next() {
            return Err(ToolError::Field(field, problem));
        }
        record.data = to_json(data).map_err(|e| ToolError::Shape(e.to_string()))?;
        record.modified = now.max(record.modified);
        Ok(())
    }
}

/// The stored record of one tool of one key account: the account, the
/// times, and the tool's content as a JSON object ([`ToolKind::Data`]).
///
/// Its id is the account's id: an account has at most one record per tool,
/// and two colleagues who each start the same tool of the same account
/// meet in one record when their files are merged (the later change wins).
/// It is not generic, and the workspace keeps every tool family as a list
/// of it, so that reading, writing, checking and merging tool records exist
/// once in a page's code, not once per tool; the family is the list's
/// ([`Workspace::tools`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolRecord {
    pub account_id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub data: Value,
}

impl Record for ToolRecord {
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
    /// Only the record's frame: the content is checked where it is typed
    /// ([`ToolKind::read`], and the reader of users' files).
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

/// The content as a JSON value. Through text rather than
/// `serde_json::to_value`/`from_value`: the text reader and writer are in
/// every page already, the value-based ones would add several KB to each
/// tool's page (docs/PERFORMANCE.md).
fn to_json<T: Serialize>(data: &T) -> Result<Value, serde_json::Error> {
    serde_json::from_str(&serde_json::to_string(data)?)
}

/// The record of `account` in a tool family.
pub fn tool_of(family: &[ToolRecord], account: Uuid) -> Option<&ToolRecord> {
    family.iter().find(|r| r.account_id == account)
}

/// Writes `data` as the account's record of tool `K`: creates the record
/// or changes it. Content that breaks a rule is refused and nothing changes.
pub fn put_tool<K: ToolKind>(
    workspace: &mut Workspace,
    account: Uuid,
    data: &K::Data,
    now: Timestamp,
) -> Result<(), ToolError> {
    let family = workspace.tool_list_mut(K::FAMILY);
    match family.iter_mut().find(|r| r.account_id == account) {
        Some(record) => K::write(record, data, now),
        None => {
            let mut record = ToolRecord {
                account_id: account,
                created: now,
                modified: now,
                data: Value::Null,
            };
            K::write(&mut record, data, now)?;
            family.push(record);
            Ok(())
        }
    }
}

/// Something with a name in a list of a tool: a site, unit or buying centre
/// of the account, a product group of ours (the rows and columns of the
/// whitespace matrix), one of the account's markets, customers or
/// competitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub id: Uuid,
    pub name: String,
}

/// Checks a list of names: at most `max`, each id once, each name given
/// and on one line. Problems are pushed with their paths (`list[i].name`).
pub(crate) fn check_names(
    problems: &mut Vec<FieldProblem>,
    list: &str,
    names: &[Named],
    max: usize,
) {
    if names.len() > max {
        problems.push((list.into(), too_many(max)));
    }
    let mut seen = std::collections::HashSet::new();
    for (index, named) in names.iter().enumerate() {
        if !seen.insert(named.id) {
            problems.push((format!("{list}[{index}].id"), ValidationProblem::Duplicate));
        }
        if let Err(problem) = check_name(&named.name) {
            problems.push((format!("{list}[{index}].name"), problem));
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

/// The first record of tool `K`'s family whose content cannot be used: its
/// index and why. The reader of users' files refuses such a file.
pub fn first_unusable<K: ToolKind>(workspace: &Workspace) -> Option<(usize, ToolError)> {
    workspace
        .tool_list(K::FAMILY)
        .iter()
        .enumerate()
        .find_map(|(index, record)| K::read(record).err().map(|e| (index, e)))
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
        let mut ws = Workspace::default();
        let mut center = BuyingCenter::default();
        center
            .persons
            .push(Person::named(Uuid::from_u128(1), "Dr. Anna Berg"));
        put_tool::<BuyingCenterTool>(&mut ws, account, &center, at(10)).unwrap();
        assert_eq!(ws.buying_centers.len(), 1);
        assert_eq!(ws.buying_centers[0].id(), account);
        assert_eq!(
            BuyingCenterTool::read(tool_of(&ws.buying_centers, account).unwrap()),
            Ok(center.clone())
        );

        // A change that breaks a rule is refused; the stored content stays.
        let mut broken = center.clone();
        broken.persons[0].influence = Some(9);
        assert_eq!(
            put_tool::<BuyingCenterTool>(&mut ws, account, &broken, at(20)),
            Err(ToolError::Field(
                "persons[0].influence".into(),
                ValidationProblem::OutOfRange { min: 1, max: 5 }
            ))
        );
        assert_eq!(BuyingCenterTool::read(&ws.buying_centers[0]), Ok(center));
        assert_eq!(ws.buying_centers[0].modified, at(10));

        // Stored content of the wrong shape is found, with its place.
        ws.buying_centers[0].data = serde_json::json!({ "persons": [{ "id": 3 }] });
        assert!(matches!(
            first_unusable::<BuyingCenterTool>(&ws),
            Some((0, ToolError::Shape(_)))
        ));
    }
}
