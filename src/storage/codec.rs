//! The one file format of the workbench.
//!
//! The workspace in localStorage and every exported file are the same
//! versioned envelope:
//!
//! ```json
//! { "format": "kam-workbench", "version": 1, "app_version": "0.1.0",
//!   "exported_at": "2026-11-27T09:30:00.000Z", "data": { "accounts": [] } }
//! ```
//!
//! Loading is all-or-nothing: parse → check format and version → migrate →
//! read typed records (errors name the field path) → validate the whole
//! workspace. Any failure is a [`DecodeError`] and nothing is applied.
//! Unknown fields are ignored and reported in [`Decoded::ignored_fields`];
//! they are not kept when the workspace is saved again (docs/FORMAT.md).

use crate::domain::{Timestamp, Workspace, WorkspaceError, WorkspaceLimits};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `format` value that marks a KAM Workbench file.
pub const FORMAT_NAME: &str = "kam-workbench";
/// The format version this build writes and the newest it reads.
pub const CURRENT_VERSION: u64 = 4;
/// Largest file or stored state the workbench reads: 20 MiB.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// How many ignored field paths are listed before the list is cut.
const MAX_IGNORED_LISTED: usize = 50;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u64,
    app_version: &'a str,
    exported_at: Timestamp,
    data: &'a Workspace,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: u64,
    app_version: String,
    exported_at: Timestamp,
    data: Workspace,
}

/// A successfully read file or stored state.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub workspace: Workspace,
    /// The format version the text was written in.
    pub version_read: u64,
    pub app_version: String,
    pub exported_at: Timestamp,
    /// Paths of fields this version does not know; they were ignored.
    pub ignored_fields: Vec<String>,
}

/// What a schema error says about the field at its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaProblem {
    /// A required field is absent.
    Missing,
    /// The value has the wrong type or is out of range; the text is serde's
    /// technical description (English), shown as a detail.
    Invalid(String),
}

/// Why a text could not be loaded. Each variant is shown to the user with a
/// message that says what to do; none of them changes any data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has {bytes} bytes; at most {max} are read")]
    TooLarge { bytes: usize, max: usize },
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error("not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("nested too deeply")]
    TooDeep,
    #[error("a number is too large")]
    NumberOutOfRange { line: usize, column: usize },
    #[error("JSON, but not a KAM Workbench file")]
    NotOurFormat { found: Option<String> },
    #[error("the format version {found} is not valid")]
    BadVersion { found: String },
    #[error("made by a newer version (format {version})")]
    TooNew { version: u64 },
    #[error("migration from version {from} failed: {message}")]
    Migration { from: u64, message: String },
    #[error("{path}: {problem:?}")]
    Schema {
        path: String,
        problem: SchemaProblem,
    },
    #[error("data.{0}")]
    Invalid(WorkspaceError),
}

/// One step of the migration chain: takes the `data` of version N and
/// returns the `data` of version N+1. Migrations only add; a retired field
/// name is never reused.
pub type Migration = fn(Value) -> Result<Value, String>;

/// The chain in use. Entry `i` migrates from version `i + 1` to `i + 2`.
pub const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3, v3_to_v4];

/// Version 2 added Fitness-Checks, the foundations notes and a trainer's
/// catalogue. The version was raised so that a version-1 build refuses
/// such a file instead of silently dropping what it does not know.
fn v1_to_v2(mut data: Value) -> Result<Value, String> {
    let object = data.as_object_mut().ok_or("data is not an object")?;
    object
        .entry("fitness_checks")
        .or_insert_with(|| Value::Array(Vec::new()));
    object
        .entry("foundations")
        .or_insert_with(|| Value::Object(Default::default()));
    Ok(data)
}

/// Version 3 added the customer list and target selection (`targets`,
/// absent when empty). Nothing needs converting; the version was raised so
/// that a version-2 build refuses such a file instead of dropping the list.
fn v2_to_v3(data: Value) -> Result<Value, String> {
    if data.is_object() {
        Ok(data)
    } else {
        Err("data is not an object".into())
    }
}

/// Version 4 added deletion records (`deleted`, absent when there are
/// none): a file of version 3 has none, so nothing needs converting. The
/// version was raised so that a version-3 build refuses such a file instead
/// of dropping the deletion records and bringing deleted records back.
fn v3_to_v4(data: Value) -> Result<Value, String> {
    v2_to_v3(data)
}

/// Writes the workspace as the versioned envelope: pretty-printed, fields in
/// a fixed order, so that equal data at the same time gives equal bytes.
pub fn encode(workspace: &Workspace, now: Timestamp) -> String {
    // Serialising plain structs of strings and finite numbers cannot fail.
    serde_json::to_string_pretty(&envelope(workspace, now)).unwrap_or_default()
}

/// [`encode`] without the indentation, for localStorage: the same format,
/// about half the characters (a 10,000-customer list stays well inside the
/// browsers' quota).
pub fn encode_compact(workspace: &Workspace, now: Timestamp) -> String {
    serde_json::to_string(&envelope(workspace, now)).unwrap_or_default()
}

fn envelope(workspace: &Workspace, now: Timestamp) -> EnvelopeOut<'_> {
    EnvelopeOut {
        format: FORMAT_NAME,
        version: CURRENT_VERSION,
        app_version: crate::APP_VERSION,
        exported_at: now,
        data: workspace,
    }
}

/// Reads a file or stored state with the current migration chain.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with(bytes, CURRENT_VERSION, MIGRATIONS)
}

/// [`decode`] with an explicit newest version and migration chain (tests use
/// this to exercise migrations before the format has any).
pub fn decode_with(bytes: &[u8], newest: u64, chain: &[Migration]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DecodeError::TooLarge {
            bytes: bytes.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let mut value: Value = serde_json::from_str(text).map_err(json_error)?;
    let object = value
        .as_object_mut()
        .ok_or(DecodeError::NotOurFormat { found: None })?;
    match object.get("format") {
        Some(Value::String(name)) if name == FORMAT_NAME => {}
        Some(Value::String(name)) => {
            return Err(DecodeError::NotOurFormat {
                found: Some(name.chars().take(80).collect()),
            })
        }
        _ => return Err(DecodeError::NotOurFormat { found: None }),
    }
    let version = read_version(object.get("version"))?;
    if version > newest {
        return Err(DecodeError::TooNew { version });
    }
    if version < newest {
        let data = object.remove("data").unwrap_or(Value::Null);
        let migrated = migrate(data, version, newest, chain)?;
        object.insert("data".into(), migrated);
        object.insert("version".into(), Value::from(newest));
    }
    let mut ignored = Vec::new();
    let envelope: EnvelopeIn = {
        let mut note_ignored = |path: serde_ignored::Path<'_>| {
            if ignored.len() < MAX_IGNORED_LISTED {
                ignored.push(path.to_string());
            }
        };
        let deserializer = serde_ignored::Deserializer::new(value, &mut note_ignored);
        serde_path_to_error::deserialize(deserializer).map_err(schema_error)?
    };
    envelope
        .data
        .validate(WorkspaceLimits::DEFAULT)
        .map_err(DecodeError::Invalid)?;
    Ok(Decoded {
        workspace: envelope.data,
        version_read: version,
        app_version: envelope.app_version,
        exported_at: envelope.exported_at,
        ignored_fields: ignored,
    })
}

fn read_version(value: Option<&Value>) -> Result<u64, DecodeError> {
    match value {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v >= 1 => Ok(v),
            _ => Err(DecodeError::BadVersion {
                found: n.to_string(),
            }),
        },
        Some(other) => Err(DecodeError::BadVersion {
            found: other.to_string().chars().take(40).collect(),
        }),
        None => Err(DecodeError::BadVersion {
            found: "—".into()
        }),
    }
}

fn migrate(mut data: Value, from: u64, to: u64, chain: &[Migration]) -> Result<Value, DecodeError> {
    for version in from..to {
        let step = chain
            .get((version - 1) as usize)
            .ok_or_else(|| DecodeError::Migration {
                from: version,
                message: "no migration step".into(),
            })?;
        data = step(data).map_err(|message| DecodeError::Migration {
            from: version,
            message,
        })?;
    }
    Ok(data)
}

fn json_error(error: serde_json::Error) -> DecodeError {
    let message = error.to_string();
    if message.contains("recursion limit") {
        DecodeError::TooDeep
    } else if message.contains("number out of range") {
        DecodeError::NumberOutOfRange {
            line: error.line(),
            column: error.column(),
        }
    } else {
        DecodeError::NotJson {
            line: error.line(),
            column: error.column(),
        }
    }
}

fn schema_error(error: serde_path_to_error::Error<serde_json::Error>) -> DecodeError {
    let path = error.path().to_string();
    let message = error.inner().to_string();
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let path = if path == "." {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        };
        return DecodeError::Schema {
            path,
            problem: SchemaProblem::Missing,
        };
    }
    DecodeError::Schema {
        path,
        problem: SchemaProblem::Invalid(message),
    }
}
