//! Places in a JSON text, for the reader of users' files: the path of the
//! field at a position (where serde_json stopped with an error), and the
//! fields a text holds that the typed records do not know.
//!
//! The reader deserializes the typed records with serde_json alone and
//! asks this module where an error happened. Wrapping the deserializer in
//! `serde_path_to_error` and `serde_ignored` instead gave every record
//! type a second and third copy of its reading code: about 40 KB gzip on
//! the import page (docs/PERFORMANCE.md).

use serde_json::Value;

/// One step of a path: a field of an object or an element of an array.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Field(String),
    Element(usize),
}

/// Where the scan is in one open object or array.
#[derive(Debug)]
enum Frame {
    /// An object; the field whose value is being read, if any.
    Object(Option<String>),
    /// An array and the index of its current element.
    Array(usize),
}

/// Walks a JSON text that is known to be valid, calling `on_field` with the
/// path of every field as it is met, in the order of the text; stops before
/// the byte at `stop` and returns the frames open there. When `on_field`
/// returns false, the field's value is skipped, and `on_field` is called
/// once more with the value's text.
type OnField<'a> = dyn FnMut(&[Frame], Option<&str>) -> bool + 'a;

fn scan(text: &str, stop: usize, on_field: &mut OnField<'_>) -> Vec<Frame> {
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut at = 0;
    // Whether the next string in an object is a field name.
    let mut expect_key = false;
    while at < bytes.len() && at < stop {
        match bytes[at] {
            b'{' => {
                frames.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => {
                frames.push(Frame::Array(0));
                expect_key = false;
            }
            b'}' | b']' => {
                frames.pop();
                expect_key = false;
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object(key)) => {
                    *key = None;
                    expect_key = true;
                }
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, at);
                if expect_key {
                    let name =
                        serde_json::from_str::<String>(&text[at..end]).unwrap_or_else(|_| {
                            // Cut off at the end of the text: take what is there.
                            text.get(at + 1..end.saturating_sub(1))
                                .unwrap_or_default()
                                .to_owned()
                        });
                    if let Some(Frame::Object(key)) = frames.last_mut() {
                        *key = Some(name);
                    }
                    expect_key = false;
                    if !on_field(&frames, None) {
                        // Skip the field's value: it is not known.
                        let start = skip_colon(bytes, end);
                        at = value_end(bytes, start);
                        on_field(&frames, Some(&text[start..at]));
                        continue;
                    }
                }
                at = end;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    frames
}

/// The index after the string that starts at `start` (its opening quote).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// The index after the `:` that follows a field name.
fn skip_colon(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|b| *b == b':')
        .map_or(bytes.len(), |p| from + p + 1)
}

/// The index after the value that starts at or after `from`.
fn value_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    let mut depth = 0usize;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                at = string_end(bytes, at);
                if depth == 0 {
                    return at;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return at;
                }
                depth -= 1;
                if depth == 0 {
                    return at + 1;
                }
            }
            b',' if depth == 0 => return at,
            _ => {}
        }
        at += 1;
    }
    at
}

fn steps(frames: &[Frame]) -> Vec<Step> {
    frames
        .iter()
        .filter_map(|frame| match frame {
            Frame::Object(key) => key.clone().map(Step::Field),
            Frame::Array(index) => Some(Step::Element(*index)),
        })
        .collect()
}

/// A path as error messages show it: `data.accounts[1].name`.
fn error_path(steps: &[Step]) -> String {
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Field(name) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
            }
            Step::Element(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// The byte offset of a 1-based line and column as serde_json reports them
/// (the column of the last byte it read).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// The path of the field serde_json was reading when it stopped at `line`
/// and `column`. With `missing`, the error is a field missing from the
/// object that ends there: the path is the object's, with that field.
pub fn path_at(text: &str, line: usize, column: usize, missing: Option<&str>) -> String {
    let offset = offset_of(text, line, column);
    // The reader stopped after the byte at `offset` (a value's last byte,
    // or the `,` `:` `[` before an object or list it did not enter); a
    // missing field is reported at the object's closing brace, which must
    // not close the object here.
    let stop = if missing.is_some() {
        offset
    } else {
        offset + 1
    };
    let mut frames = scan(text, stop, &mut |_, _| true);
    if let Some(field) = missing {
        // serde_json stops at the object's closing brace, which the scan
        // has not passed: the object's last field is not the place.
        if let Some(Frame::Object(key)) = frames.last_mut() {
            *key = Some(field.to_owned());
        }
    }
    error_path(&steps(&frames))
}

/// Whether `known` (the typed records written out again) has the place.
fn known_at<'a>(known: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    steps.iter().try_fold(known, |value, step| match step {
        Step::Field(name) => value.get(name),
        Step::Element(index) => value.get(index),
    })
}

/// The fields of `text` that are not in `known`, in the order of the text,
/// as `data.accounts.0.colour`; at most `limit`. A field that `known`
/// leaves out because it holds nothing (null, an empty list or object: the
/// writer skips empty options, lists and maps) is not reported.
pub fn unknown_fields(text: &str, known: &Value, limit: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut on_field = |frames: &[Frame], skipped: Option<&str>| {
        let steps = steps(frames);
        let Some(value) = skipped else {
            return known_at(known, &steps).is_some();
        };
        // Fields the writer leaves out when empty are known, not ignored.
        let empty: String = value.chars().filter(|c| !c.is_whitespace()).collect();
        if found.len() < limit && !matches!(empty.as_str(), "null" | "[]" | "{}") {
            let dotted: Vec<String> = steps
                .iter()
                .map(|s| match s {
                    Step::Field(name) => name.clone(),
                    Step::Element(index) => index.to_string(),
                })
                .collect();
            found.push(dotted.join("."));
        }
        false
    };
    scan(text, usize::MAX, &mut on_field);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> (usize, usize) {
        let error = serde_json::from_str::<T>(text).unwrap_err();
        (error.line(), error.column())
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Person {
        name: String,
        #[serde(default)]
        influence: Option<u8>,
        #[serde(default)]
        roles: Vec<String>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Center {
        persons: Vec<Person>,
    }

    #[test]
    fn a_wrong_value_is_found_by_where_the_reader_stopped() {
        let text = "{\n  \"persons\": [\n    {\"name\": \"A\"},\n    {\"name\": \"B\", \"influence\": \"viel\"}\n  ]\n}";
        let (line, column) = error_of::<Center>(text);
        assert_eq!(path_at(text, line, column, None), "persons[1].influence");
        let list = r#"{"persons":[{"name":"A","roles":["x",7]}]}"#;
        let (line, column) = error_of::<Center>(list);
        assert_eq!(path_at(list, line, column, None), "persons[0].roles[1]");
        // An object or list where a text belongs: the reader stops before it.
        for (text, path) in [
            (
                r#"{"persons":[{"name":"A","roles":["x",{}]}]}"#,
                "persons[0].roles[1]",
            ),
            (
                r#"{"persons":[{"name":"A","roles":[{}]}]}"#,
                "persons[0].roles[0]",
            ),
            (
                r#"{"persons":[{"name":"A","roles":["x", []]}]}"#,
                "persons[0].roles[1]",
            ),
            (
                r#"{"persons":[{"influence":300,"name":"A"}]}"#,
                "persons[0].influence",
            ),
        ] {
            let (line, column) = error_of::<Center>(text);
            assert_eq!(path_at(text, line, column, None), path, "{text}");
        }
        let object = r#"{"persons":[{"name":{"first":"A"}}]}"#;
        let (line, column) = error_of::<Center>(object);
        assert_eq!(path_at(object, line, column, None), "persons[0].name");
    }

    #[test]
    fn a_missing_field_is_named_in_its_object() {
        let text = r#"{"persons":[{"name":"A"},{"influence":3,"roles":[]}]}"#;
        let (line, column) = error_of::<Center>(text);
        assert_eq!(path_at(text, line, column, Some("name")), "persons[1].name");
        let top = r#"{}"#;
        let (line, column) = error_of::<Center>(top);
        assert_eq!(path_at(top, line, column, Some("persons")), "persons");
    }

    #[test]
    fn a_text_cut_off_inside_a_name_is_no_panic() {
        for text in ["{\"é", "{\"a\":{\"ü", "{\"persons\":[{\"näme"] {
            let (line, column) = error_of::<Center>(text);
            let _ = path_at(text, line, column, None);
            let _ = path_at(text, line, column, Some("name"));
        }
    }

    #[test]
    fn unknown_fields_are_listed_in_the_order_of_the_text() {
        let text = r#"{"z":1,"persons":[{"name":"A","colour":{"x":[1,{"y":2}]},"roles":[]},{"name":"B","b\"q":true}],"empty":null,"o":{}}"#;
        let known = serde_json::json!({
            "persons": [{ "name": "A" }, { "name": "B" }]
        });
        assert_eq!(
            unknown_fields(text, &known, 10),
            ["z", "persons.0.colour", "persons.1.b\"q"]
        );
        assert_eq!(unknown_fields(text, &known, 1), ["z"]);
    }
}
