//! The translation catalogues (src/i18n/locales/*.json) as data: counted
//! phrases have a form for one and for many, in both languages.

use kam_workbench::domain::PluralForm;
use serde_json::{Map, Value};

const GERMAN: &str = include_str!("../src/i18n/locales/de.json");
const ENGLISH: &str = include_str!("../src/i18n/locales/en.json");

fn catalogue(text: &str) -> Map<String, Value> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => map,
        other => panic!("a catalogue is a JSON object: {other:?}"),
    }
}

fn catalogues() -> [(&'static str, Map<String, Value>); 2] {
    [("de", catalogue(GERMAN)), ("en", catalogue(ENGLISH))]
}

/// Every string with its dotted key.
fn strings(map: &Map<String, Value>) -> Vec<(String, String)> {
    fn walk(prefix: &str, map: &Map<String, Value>, out: &mut Vec<(String, String)>) {
        for (key, value) in map {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            match value {
                Value::String(text) => out.push((path, text.clone())),
                Value::Object(inner) => walk(&path, inner, out),
                other => panic!("{path} is neither text nor a group: {other}"),
            }
        }
    }
    let mut out = Vec::new();
    walk("", map, &mut out);
    out
}

/// The counted phrases: objects that hold a `one` or an `other` entry.
fn counted(map: &Map<String, Value>) -> Vec<(String, &Map<String, Value>)> {
    fn walk<'a>(
        prefix: &str,
        map: &'a Map<String, Value>,
        out: &mut Vec<(String, &'a Map<String, Value>)>,
    ) {
        for (key, value) in map {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            if let Value::Object(inner) = value {
                if inner.contains_key("one") || inner.contains_key("other") {
                    out.push((path, inner));
                } else {
                    walk(&path, inner, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk("", map, &mut out);
    out
}

/// What the UI shows for `count`: the form `PluralForm::of` picks, with the
/// number filled in (as `ui::text::plural!` does).
fn show(phrase: &Map<String, Value>, count: usize) -> String {
    let form = PluralForm::of(count).key();
    phrase[form]
        .as_str()
        .unwrap_or_default()
        .replace("{{ count }}", &count.to_string())
}

#[test]
fn every_counted_phrase_has_exactly_a_one_and_an_other_form_with_the_count() {
    for (language, map) in catalogues() {
        let phrases = counted(&map);
        assert!(phrases.len() >= 10, "{language}: {}", phrases.len());
        for (path, phrase) in phrases {
            let mut keys: Vec<&str> = phrase.keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["one", "other"], "{language}: {path}");
            for form in ["one", "other"] {
                let text = phrase[form].as_str().unwrap_or_default();
                assert!(
                    text.contains("{{ count }}"),
                    "{language}: {path}.{form} shows no number: {text}"
                );
            }
        }
    }
}

#[test]
fn both_catalogues_count_the_same_phrases() {
    let [(_, de), (_, en)] = catalogues();
    let paths = |map: &Map<String, Value>| {
        counted(map)
            .into_iter()
            .map(|(path, _)| path)
            .collect::<Vec<_>>()
    };
    assert_eq!(paths(&de), paths(&en));
}

/// Regression: „1 Personen“, "1 checks", "Holds 1 key accounts".
#[test]
fn zero_one_and_two_read_right_in_both_languages() {
    let [(_, de), (_, en)] = catalogues();
    let phrase = |map: &Map<String, Value>, path: &str| -> Map<String, Value> {
        let mut value = &Value::Object(map.clone());
        for key in path.split('.') {
            value = &value[key];
        }
        value.as_object().cloned().unwrap_or_default()
    };
    let cases: [(&Map<String, Value>, &str, [&str; 3]); 8] = [
        (
            &de,
            "fitness.group_n",
            ["0 Personen", "1 Person", "2 Personen"],
        ),
        (&en, "fitness.group_n", ["0 people", "1 person", "2 people"]),
        (
            &de,
            "fitness.group_added",
            [
                "0 Checks übernommen.",
                "1 Check übernommen.",
                "2 Checks übernommen.",
            ],
        ),
        (
            &en,
            "fitness.group_added",
            [
                "0 checks imported.",
                "1 check imported.",
                "2 checks imported.",
            ],
        ),
        (
            &de,
            "count.key_accounts",
            ["0 Key Accounts", "1 Key Account", "2 Key Accounts"],
        ),
        (
            &en,
            "count.checks",
            ["0 fitness checks", "1 fitness check", "2 fitness checks"],
        ),
        (
            &de,
            "targets.problems_more",
            [
                "… und 0 weitere Probleme.",
                "… und 1 weiteres Problem.",
                "… und 2 weitere Probleme.",
            ],
        ),
        (
            &en,
            "targets.problems_more",
            [
                "…and 0 more problems.",
                "…and 1 more problem.",
                "…and 2 more problems.",
            ],
        ),
    ];
    for (map, path, expected) in cases {
        let phrase = phrase(map, path);
        for (count, expected) in expected.iter().enumerate() {
            assert_eq!(show(&phrase, count), *expected, "{path} for {count}");
        }
    }
}

/// A count outside a counted phrase only stands where no noun follows it:
/// after a label („Kunden: 3“) or in brackets („Kunden übernehmen (3)“).
#[test]
fn a_bare_count_only_follows_a_label_or_a_bracket() {
    for (language, map) in catalogues() {
        for (path, text) in strings(&map) {
            if path.ends_with(".one") || path.ends_with(".other") {
                continue;
            }
            for (at, _) in text.match_indices("{{ count }}") {
                let before = &text[..at];
                assert!(
                    before.ends_with(": ") || before.ends_with('('),
                    "{language}: {path} needs a one/other form: {text}"
                );
            }
        }
    }
}

/// Texts with the place they come from.
type Texts = Vec<(String, String)>;

/// Every German and English text of the app: both UI catalogues and the
/// Fitness-Check statements (src/domain/fitness/catalogue.json).
fn texts_by_language() -> (Texts, Texts) {
    fn bilingual(
        path: &str,
        value: &Value,
        de: &mut Vec<(String, String)>,
        en: &mut Vec<(String, String)>,
    ) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let path = format!("{path}.{key}");
                    match (key.as_str(), inner) {
                        ("de", Value::String(text)) => de.push((path, text.clone())),
                        ("en", Value::String(text)) => en.push((path, text.clone())),
                        _ => bilingual(&path, inner, de, en),
                    }
                }
            }
            Value::Array(items) => {
                for (i, inner) in items.iter().enumerate() {
                    bilingual(&format!("{path}[{i}]"), inner, de, en);
                }
            }
            _ => {}
        }
    }
    let [(_, de_map), (_, en_map)] = catalogues();
    let mut de = strings(&de_map);
    let mut en = strings(&en_map);
    let fitness: Value =
        serde_json::from_str(include_str!("../src/domain/fitness/catalogue.json")).unwrap();
    bilingual("fitness-catalogue", &fitness, &mut de, &mut en);
    (de, en)
}

/// The words of a text, hyphenated compounds kept whole.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// GLOSSARY.md, last column: terms the product does not use.
const GERMAN_AVOID: [&str; 27] = [
    "Großkunde",
    "Top-Kunde",
    "große Kunden",
    "Große Kunden",
    "KAM-Verantwortung",
    // The older spelling; the book's „Potentiale“ only where the book is quoted.
    "Potential",
    // Covers „Account-Entwicklungsplan“: the plan is the „Account-Plan“.
    "Entwicklungsplan",
    "eigenes Geschäft",
    "Eigenes Geschäft",
    "eigene Geschäft",
    "Known Unknowns",
    "QBR",
    "Ausgezeichnet",
    "Arbeitsmappe",
    "Brotkrumen",
    // One word per concept: „Wettbewerber“, „Deckungsbeitrag“, „Mögliche Übererfüllung“.
    "Konkurrent",
    "Mitbewerber",
    "Marge",
    "Overkill",
    // „Chance / Risiko“, „PESTLE“, „Entscheidungsprozess“, „Mitarbeitende“.
    "Bedrohung",
    "PESTEL",
    "Kaufprozess",
    "Mitarbeiter ",
    // The competency profile: „Selbsteinschätzung“, „Einschätzung der Führungskraft“.
    "Selbstbild",
    "Fremdbild",
    // Typography: German quotes „…“, the apostrophe ’, „z. B.“.
    "\"",
    "z.B.",
];

const ENGLISH_AVOID: [&str; 13] = [
    "potentials",
    "securing results",
    "target account",
    "cash customer",
    "take-along",
    "controlling",
    "qbr",
    "development plan",
    "account owner",
    "top customer",
    "large customer",
    // Typography: no space before an ellipsis, and the ellipsis character.
    " …",
    "...",
];

#[test]
fn no_text_uses_a_term_the_glossary_avoids() {
    let (de, en) = texts_by_language();
    let mut found = Vec::new();
    for (path, text) in &de {
        for term in GERMAN_AVOID {
            if text.contains(term) {
                found.push(format!("de {path}: „{term}“ in {text}"));
            }
        }
        if text.contains('\'') {
            found.push(format!("de {path}: straight apostrophe in {text}"));
        }
        // German school grades run the other way: ratings are „Bewertung“, in „Punkten“.
        for word in words(text) {
            if word == "Note" || word.starts_with("Noten") {
                found.push(format!("de {path}: „{word}“ in {text}"));
            }
        }
        // „Key Account“, never „Account“ alone; the „Account-Plan“ is the glossary's term.
        for (at, _) in text.match_indices("Account") {
            let before = &text[..at];
            let after = &text[at + "Account".len()..];
            let keyed = before.ends_with("Key ") || before.ends_with("Key-");
            let plan = after.starts_with("-Plan") || after.starts_with("-Pläne");
            if !keyed && !plan {
                found.push(format!("de {path}: „Account“ alone in {text}"));
            }
        }
    }
    for (path, text) in &en {
        let lower = text.to_lowercase();
        for term in ENGLISH_AVOID {
            if lower.contains(term) {
                found.push(format!("en {path}: \"{term}\" in {text}"));
            }
        }
        if text.contains('\'') {
            found.push(format!("en {path}: straight apostrophe in {text}"));
        }
        for word in words(&lower) {
            if word.starts_with("grade") || word == "grading" {
                found.push(format!("en {path}: \"{word}\" in {text}"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
