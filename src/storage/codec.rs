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

use super::json_path;
use crate::domain::lazy::{Lazy, SectionData};
use crate::domain::{Timestamp, Workspace, WorkspaceError, WorkspaceLimits};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `format` value that marks a KAM Workbench file.
pub const FORMAT_NAME: &str = "kam-workbench";
/// The format version this build writes and the newest it reads.
pub const CURRENT_VERSION: u64 = 11;
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
    format: String,
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
pub const MIGRATIONS: &[Migration] = &[
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8, v8_to_v9, v9_to_v10,
    v10_to_v11,
];

/// From this version on, a file is read directly into the typed records:
/// the migrations since (to versions 3 and 4) only raise the version for
/// sections the typed records default when absent, so reading such a file
/// directly gives what migrating it first gives (a test compares the two).
const READ_DIRECTLY_FROM: u64 = 2;

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

/// Version 5 added the tools of the account analysis, the Buying Centers
/// and account plans (`buying_centers`, `account_plans`, each absent when
/// empty). Nothing needs converting; the version was raised so that a
/// version-4 build refuses such a file instead of dropping them.
fn v4_to_v5(data: Value) -> Result<Value, String> {
    v2_to_v3(data)
}

/// Version 6 added two more tools of the account analysis, requirements
/// vs. performance and our own business (`requirements`, `own_business`,
/// each absent when empty). Nothing needs converting; the version was
/// raised so that a version-5 build refuses such a file instead of
/// dropping them.
fn v5_to_v6(data: Value) -> Result<Value, String> {
    v2_to_v3(data)
}

/// Version 7 added the last three tools of the account analysis, the
/// extended Steckbrief, the account's market and the information sources
/// (`account_profiles`, `markets`, `information_sources`, each absent when
/// empty). Nothing needs converting; the version was raised so that a
/// version-6 build refuses such a file instead of dropping them.
fn v6_to_v7(data: Value) -> Result<Value, String> {
    v2_to_v3(data)
}

/// Version 8 added the first tools of the blocks "Menschen im KAM" and
/// "Prozesse und Tools": the satisfaction surveys (`satisfaction_surveys`,
/// absent when empty). Nothing needs converting; a version-7 build refuses
/// such a file instead of dropping them.
fn v7_to_v8(data: Value) -> Result<Value, String> {
    v2_to_v3(data)
}

/// Version 9 added the annual review talks and the process cycles of the
/// key accounts (`annual_reviews`, `process_cycles`, each absent when
/// empty), and the talk an account plan's action was agreed in
/// (`actions[].talk`, absent when none). Nothing needs converting; a
/// version-8 build refuses such a file instead of dropping them.
fn v8_to_v9(data: Value) -> Result<Value, String> {
    v2_to_v3(data)
}

/// Version 10 added the key account teams (`account_teams`) and the
/// company's side of "Menschen im KAM" (`people`: organisation, role
/// description, colleagues), each absent when empty. Nothing needs
/// converting; a version-9 build refuses such a file instead of dropping
/// them.
fn v9_to_v10(data: Value) -> Result<Value, String> {
    v2_to_v3(data)
}

/// Version 11 added the KAM introduction project (`introduction`:
/// programme goals, phases with their checklists, the risk register),
/// absent when empty. Nothing needs converting; a version-10 build
/// refuses such a file instead of dropping it.
fn v10_to_v11(data: Value) -> Result<Value, String> {
    v2_to_v3(data)
}

/// Writes the workspace as the versioned envelope: pretty-printed, fields in
/// a fixed order, so that equal data at the same time gives equal bytes.
pub fn encode(workspace: &Workspace, now: Timestamp) -> String {
    // The compact text, indented: the same bytes as serde_json's pretty
    // printer, without a second copy of every record's serialisation code
    // in each page (docs/PERFORMANCE.md).
    indent(&encode_compact(workspace, now))
}

/// Indents compact JSON as `serde_json::to_string_pretty` does: two
/// spaces per level, `": "` after keys, empty arrays and objects kept as
/// `[]` and `{}` (public for the tests that compare it with serde_json).
#[doc(hidden)]
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '[' | '{' => {
                out.push(c);
                if matches!(chars.peek(), Some(']' | '}')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
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

/// Reads a file the user picked (an import, a participant's file): field
/// paths in errors, the list of fields this version does not know, and the
/// content of every tool record read into the tool's model and checked
/// ([`Workspace::check_tool_contents`]), which the reader of stored data
/// leaves to the tool's pages.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let decoded = decode_file(bytes)?;
    decoded
        .workspace
        .check_tool_contents()
        .map_err(DecodeError::Invalid)?;
    Ok(decoded)
}

/// [`decode`] without reading the tools' contents. The import page reads a
/// file with this and has each group of tools checked on a page of its own
/// ([`Workspace::check_tool_group`]) before it shows the preview.
pub fn decode_file(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_by(
        bytes,
        CURRENT_VERSION,
        MIGRATIONS,
        READ_DIRECTLY_FROM,
        read_detailed,
    )
}

/// Reads what the app itself stored (the workspace, snapshots, recovery
/// copies): the same checks as [`decode`], read straight into the typed
/// records without collecting unknown fields or field paths. This is the
/// faster reader, and pages that never read a user's file link only this
/// one (docs/PERFORMANCE.md). An error names the line and column.
pub fn decode_stored(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_by(
        bytes,
        CURRENT_VERSION,
        MIGRATIONS,
        READ_DIRECTLY_FROM,
        read_plain,
    )
}

/// [`decode_stored`], typing the sections of block "Fit für KAM" (the
/// Fitness-Checks, their catalogue and the foundations notes) for the
/// areas that show them: a section that cannot be read is found now.
pub fn decode_stored_fit(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    typed(decode_stored(bytes), Workspace::force_fit)
}

/// [`decode_stored`], typing the target customer selection.
pub fn decode_stored_targets(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    typed(decode_stored(bytes), |ws| ws.targets.force())
}

/// [`decode_stored`], typing the company's side of "Menschen im KAM".
pub fn decode_stored_people(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    typed(decode_stored(bytes), Workspace::force_people)
}

/// [`decode_stored`], typing the KAM introduction project.
pub fn decode_stored_introduction(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    typed(decode_stored(bytes), Workspace::force_introduction)
}

/// [`decode_stored`], typing every section (areas that show or change all
/// of them: the overview, the key accounts).
pub fn decode_stored_all(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    typed(decode_stored(bytes), Workspace::force_all)
}

/// Types sections of a workspace just read and checks them.
fn typed(
    decoded: Result<Decoded, DecodeError>,
    force: impl Fn(&Workspace) -> Result<(), WorkspaceError>,
) -> Result<Decoded, DecodeError> {
    let decoded = decoded?;
    force(&decoded.workspace)
        .and_then(|()| decoded.workspace.validate(WorkspaceLimits::DEFAULT))
        .map_err(DecodeError::Invalid)?;
    Ok(decoded)
}

/// [`decode`] with an explicit newest version and migration chain (tests use
/// this to exercise migrations before the format has any).
/// Every older file goes through the chain here.
pub fn decode_with(bytes: &[u8], newest: u64, chain: &[Migration]) -> Result<Decoded, DecodeError> {
    decode_by(bytes, newest, chain, newest, read_detailed)
}

/// Reads the envelope of the current version from its text, with the
/// paths of the fields that were ignored.
type Reader = fn(&str) -> Result<(EnvelopeIn, Vec<String>), DecodeError>;

fn decode_by(
    bytes: &[u8],
    newest: u64,
    chain: &[Migration],
    read_directly_from: u64,
    read: Reader,
) -> Result<Decoded, DecodeError> {
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
    // RELIABILITY case 10: deep nesting is refused as such, also where the
    // reader would skip it (an unknown field).
    if nesting_deeper_than(text, MAX_NESTING) {
        return Err(DecodeError::TooDeep);
    }
    // The common case, an object of the current version (or of a version
    // that needs no conversion), is read in one pass.
    if text.trim_start().starts_with('{') {
        if let Ok((envelope, ignored)) = read(text) {
            let version = envelope.version;
            let direct = read_directly_from.max(1)..=newest;
            if envelope.format == FORMAT_NAME && direct.contains(&version) {
                return finish(envelope, ignored, version);
            }
        }
    }
    // Otherwise the text is parsed as JSON values first, so that the error
    // says what is wrong (not JSON, with line and column; a number out of
    // range; not our format; a newer version), or the file goes through the
    // migrations.
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
    let (envelope, ignored) = if version < newest {
        let data = object.remove("data").unwrap_or(Value::Null);
        let migrated = migrate(data, version, newest, chain)?;
        object.insert("data".into(), migrated);
        object.insert("version".into(), Value::from(newest));
        read(&value.to_string())?
    } else {
        read(text)?
    };
    finish(envelope, ignored, version)
}

/// The whole-workspace check, and what the reader reports.
fn finish(
    envelope: EnvelopeIn,
    ignored: Vec<String>,
    version_read: u64,
) -> Result<Decoded, DecodeError> {
    envelope
        .data
        .validate(WorkspaceLimits::DEFAULT)
        .map_err(DecodeError::Invalid)?;
    Ok(Decoded {
        workspace: envelope.data,
        version_read,
        app_version: envelope.app_version,
        exported_at: envelope.exported_at,
        ignored_fields: ignored,
    })
}

/// How deeply arrays and objects may nest: serde_json's own limit, checked
/// before parsing because serde_json reports it only for values it builds,
/// not for the ones it skips.
const MAX_NESTING: usize = 128;

/// Whether brackets and braces outside strings nest deeper than `limit`.
fn nesting_deeper_than(text: &str, limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Typed records straight from the text: fast; errors without field paths
/// (a missing field is named, without the record it is missing from).
fn read_plain(text: &str) -> Result<(EnvelopeIn, Vec<String>), DecodeError> {
    serde_json::from_str(text)
        .map(|envelope| (envelope, Vec::new()))
        .map_err(|error| {
            let message = error.to_string();
            match message.strip_prefix("missing field `") {
                // The field's name, without the place of its record.
                Some(rest) => DecodeError::Schema {
                    path: rest.split('`').next().unwrap_or_default().to_owned(),
                    problem: SchemaProblem::Missing,
                },
                None => DecodeError::Schema {
                    path: String::new(),
                    problem: SchemaProblem::Invalid(message),
                },
            }
        })
}

/// Typed records from the text, noting unknown fields and the path of the
/// field an error is in. The records are read by serde_json alone, as
/// [`read_plain`] does; the places come from the text ([`json_path`]): the
/// path at the position where the reader stopped, and the fields of the
/// text that the records, written out again, do not have.
fn read_detailed(text: &str) -> Result<(EnvelopeIn, Vec<String>), DecodeError> {
    let envelope: EnvelopeIn =
        serde_json::from_str(text).map_err(|error| schema_error(text, &error, ""))?;
    // The sections typed only where they are used are typed here, each
    // error with its place in the file.
    let data = &envelope.data;
    force_detailed(&data.fitness_checks)?;
    force_detailed(&data.foundations)?;
    force_detailed(&data.fitness_catalogue)?;
    force_detailed(&data.targets)?;
    // "Menschen im KAM" (`people`) is read and checked on the check page of
    // its group instead, like the tools' contents: typing it here cost the
    // import page about 19 KB.
    let written = serde_json::to_string(&EnvelopeOut {
        format: FORMAT_NAME,
        version: envelope.version,
        app_version: &envelope.app_version,
        exported_at: envelope.exported_at,
        data: &envelope.data,
    })
    .unwrap_or_default();
    let known: Value = serde_json::from_str(&written).unwrap_or(Value::Null);
    let ignored = json_path::unknown_fields(text, &known, MAX_IGNORED_LISTED);
    Ok((envelope, ignored))
}

/// The reader's error as the field it stopped at; `prefix` is the place
/// of `text` in the file (empty for the whole file).
fn schema_error(text: &str, error: &serde_json::Error, prefix: &str) -> DecodeError {
    let message = error.to_string();
    let missing = message
        .strip_prefix("missing field `")
        .map(|rest| rest.split('`').next().unwrap_or_default());
    let inner = json_path::path_at(text, error.line(), error.column(), missing);
    let path = match (prefix, inner.as_str()) {
        ("", _) => inner.clone(),
        (_, "") => prefix.to_owned(),
        (_, rest) if rest.starts_with('[') => format!("{prefix}{rest}"),
        (_, rest) => format!("{prefix}.{rest}"),
    };
    DecodeError::Schema {
        path,
        problem: match missing {
            Some(_) => SchemaProblem::Missing,
            None => SchemaProblem::Invalid(message),
        },
    }
}

/// Types one section of a user's file, an error naming its field.
fn force_detailed<T: SectionData>(section: &Lazy<T>) -> Result<(), DecodeError> {
    section
        .force_reporting()
        .map_err(|(error, text)| schema_error(&text, &error, &format!("data.{}", T::NAME)))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Files from `READ_DIRECTLY_FROM` on skip the migration chain, which is
    /// right only while every step since is a pass-through. A migration that
    /// converts data must raise `READ_DIRECTLY_FROM` past it.
    #[test]
    fn the_versions_read_directly_need_no_conversion() {
        let data = serde_json::json!({
            "accounts": [{ "id": "x", "name": "A" }],
            "fitness_checks": [],
            "foundations": { "definition": "d" },
            "unknown": 1
        });
        for version in READ_DIRECTLY_FROM..CURRENT_VERSION {
            let step = MIGRATIONS[(version - 1) as usize];
            assert_eq!(
                step(data.clone()),
                Ok(data.clone()),
                "migration from {version}"
            );
        }
        assert_eq!(MIGRATIONS.len() as u64 + 1, CURRENT_VERSION);
    }
}
