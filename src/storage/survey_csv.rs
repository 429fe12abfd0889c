//! The answers of a customer satisfaction survey from a CSV file (what a
//! survey tool or an Excel sheet exports): one row per respondent, one
//! column per question.
//!
//! The steps are those of the customer import, and so are its readers:
//! bytes → text ([`decode_text`](super::customer_csv::decode_text)) →
//! dialect ([`detect_dialect`](super::customer_csv::detect_dialect)) →
//! table ([`read_table`](super::customer_csv::read_table)) → what each
//! column asks ([`guess_columns`], changeable) → the survey and the
//! problems of each row ([`build_survey`]).
//!
//! A column is read by its header:
//! - "Liefertreue – Wichtigkeit", "Wichtigkeit: Liefertreue",
//!   "Importance (delivery)": the importance of an item, 1–5;
//! - "… Zufriedenheit …" / "… satisfaction …": the satisfaction with it, 1–5;
//! - "Weiterempfehlung", "NPS", "… recommend …": the recommendation, 0–10.
//!
//! Importance and satisfaction of the same item name (ignoring case) form
//! one item. A row with any problem is left out as a whole and every one of
//! its problems is listed, so that no respondent counts half.

use super::customer_csv::Table;
use crate::domain::account::check_name;
use crate::domain::numbers::{parse_amount, NumberStyle};
use crate::domain::processes::satisfaction::{
    fold_case, item_key, Item, Recommendation, Score, Survey, MAX_ITEMS, NPS_MAX, RATING_MAX,
    RATING_MIN,
};
use uuid::Uuid;

/// What a column of the file asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Ignore,
    /// The importance of the named item.
    Importance(String),
    /// The satisfaction with the named item.
    Satisfaction(String),
    /// How likely the respondent would recommend us, 0–10.
    Recommendation,
}

const IMPORTANCE: [&str; 2] = ["wichtigkeit", "importance"];
const SATISFACTION: [&str; 2] = ["zufriedenheit", "satisfaction"];
const RECOMMENDATION: [&str; 5] = [
    "weiterempfehl",
    "empfehlen",
    "nps",
    "recommend",
    "net promoter",
];

/// The header without the word that says what is asked and without the
/// punctuation around it: "Liefertreue – Wichtigkeit" → "Liefertreue",
/// "Importance (Technical support)" → "Technical support". The word is
/// left out only where it stands on its own; inside a longer word
/// ("Gesamtzufriedenheit") the header is the item's name. Hyphens inside
/// names stay ("Preis-Leistungs-Verhältnis").
fn item_name(header: &str, word: &str) -> String {
    let is_edge = |c: char| "-–—:()[]/|,;".contains(c);
    header
        .split_whitespace()
        .map(|token| token.trim_matches(is_edge))
        .filter(|token| !token.is_empty() && fold_case(token) != word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What each column asks, guessed from its header.
pub fn guess_columns(headers: &[String]) -> Vec<Column> {
    headers
        .iter()
        .map(|header| {
            let lower = fold_case(header);
            let has = |words: &[&'static str]| -> Option<&'static str> {
                words.iter().find(|w| lower.contains(**w)).copied()
            };
            if let Some(word) = has(&IMPORTANCE) {
                Column::Importance(item_name(header, word))
            } else if let Some(word) = has(&SATISFACTION) {
                Column::Satisfaction(item_name(header, word))
            } else if has(&RECOMMENDATION).is_some() {
                Column::Recommendation
            } else {
                Column::Ignore
            }
        })
        .collect()
}

/// Why the columns cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("no column asks for importance, satisfaction or a recommendation")]
    NothingToRead,
    #[error("more than {max} items")]
    TooManyItems { max: usize },
    #[error("the item name {0:?} cannot be used")]
    BadItemName(String),
    #[error("more than one column asks for the recommendation")]
    SeveralRecommendations,
    #[error("the column {0} of item {1} appears twice")]
    Twice(&'static str, String),
    #[error("a column has no item name")]
    NoItemName,
}

/// Checks that the columns can be read: something is asked, the
/// recommendation at most once, each item's importance and satisfaction at
/// most once, every item named as an item may be, and no more items than a
/// survey holds. What [`build_survey`] makes of such columns can be stored.
pub fn check_columns(columns: &[Column]) -> Result<(), MappingError> {
    if columns.iter().all(|c| *c == Column::Ignore) {
        return Err(MappingError::NothingToRead);
    }
    if columns
        .iter()
        .filter(|c| **c == Column::Recommendation)
        .count()
        > 1
    {
        return Err(MappingError::SeveralRecommendations);
    }
    let mut seen = std::collections::HashSet::new();
    for column in columns {
        let (kind, name) = match column {
            Column::Importance(name) => ("importance", name),
            Column::Satisfaction(name) => ("satisfaction", name),
            _ => continue,
        };
        if name.trim().is_empty() {
            return Err(MappingError::NoItemName);
        }
        if check_name(name).is_err() {
            return Err(MappingError::BadItemName(name.clone()));
        }
        if !seen.insert((kind, item_key(name))) {
            return Err(MappingError::Twice(kind, name.clone()));
        }
    }
    let items: std::collections::HashSet<String> = seen.into_iter().map(|(_, name)| name).collect();
    if items.len() > MAX_ITEMS {
        return Err(MappingError::TooManyItems { max: MAX_ITEMS });
    }
    Ok(())
}

/// What is wrong with one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerIssue {
    /// Not a whole number (text, a fraction).
    NotAWholeNumber(String),
    /// A whole number outside the question's scale.
    OutOfScale { value: String, min: u8, max: u8 },
}

/// A problem with its line number and the header of its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerProblem {
    pub line: u64,
    pub column: String,
    pub issue: AnswerIssue,
}

/// The survey read from the table, before it is stored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SurveyPreview {
    pub survey: Survey,
    /// Rows whose answers were counted.
    pub rows_used: usize,
    /// Rows left out, with every problem found in them.
    pub problems: Vec<AnswerProblem>,
    pub rows_with_problems: usize,
}

impl SurveyPreview {
    /// Whether the file gave no answer at all (a message, not an empty
    /// survey to store).
    pub fn is_empty(&self) -> bool {
        self.rows_used == 0
    }
}

/// Reads the answers. `new_id` names each item.
pub fn build_survey(
    table: &Table,
    columns: &[Column],
    numbers: NumberStyle,
    mut new_id: impl FnMut() -> Uuid,
) -> SurveyPreview {
    // The items in the order their first column appears, each with the
    // answers to its two questions.
    let mut names: Vec<String> = Vec::new();
    let mut answers: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    let mut slot = |name: &str| -> usize {
        match names.iter().position(|n| item_key(n) == item_key(name)) {
            Some(i) => i,
            None => {
                names.push(name.trim().to_owned());
                answers.push((Vec::new(), Vec::new()));
                names.len() - 1
            }
        }
    };
    let targets: Vec<Option<(usize, bool)>> = columns
        .iter()
        .map(|c| match c {
            Column::Importance(name) => Some((slot(name), true)),
            Column::Satisfaction(name) => Some((slot(name), false)),
            _ => None,
        })
        .collect();
    let mut recommendations = Vec::new();
    let mut preview = SurveyPreview::default();
    for row in &table.rows {
        let mut problems = Vec::new();
        let mut ratings = Vec::new();
        let mut recommendation = None;
        for (i, column) in columns.iter().enumerate() {
            let cell = row.cells.get(i).map(String::as_str).unwrap_or("").trim();
            if cell.is_empty() || *column == Column::Ignore {
                continue;
            }
            let (min, max) = match column {
                Column::Recommendation => (0, NPS_MAX),
                _ => (RATING_MIN, RATING_MAX),
            };
            let issue = match parse_amount(cell, numbers) {
                Ok(Some(v))
                    if v.fract() == 0.0 && (f64::from(min)..=f64::from(max)).contains(&v) =>
                {
                    let value = v as u8;
                    match targets[i] {
                        Some(target) => ratings.push((target, value)),
                        None => recommendation = Some(value),
                    }
                    continue;
                }
                Ok(Some(v)) if v.fract() == 0.0 => AnswerIssue::OutOfScale {
                    value: cell.to_owned(),
                    min,
                    max,
                },
                _ => AnswerIssue::NotAWholeNumber(cell.to_owned()),
            };
            problems.push(AnswerProblem {
                line: row.line,
                column: table.headers.get(i).cloned().unwrap_or_default(),
                issue,
            });
        }
        if !problems.is_empty() {
            preview.rows_with_problems += 1;
            preview.problems.extend(problems);
            continue;
        }
        if ratings.is_empty() && recommendation.is_none() {
            continue;
        }
        preview.rows_used += 1;
        for ((item, importance), value) in ratings {
            let (imp, sat) = &mut answers[item];
            if importance {
                imp.push(value)
            } else {
                sat.push(value)
            }
        }
        recommendations.extend(recommendation);
    }
    preview.survey = Survey {
        id: new_id(),
        title: String::new(),
        date: None,
        items: names
            .into_iter()
            .zip(answers)
            .map(|(name, (importance, satisfaction))| Item {
                id: new_id(),
                name,
                importance: Score::of_answers(&importance),
                satisfaction: Score::of_answers(&satisfaction),
            })
            .collect(),
        recommendation: Recommendation::of_answers(&recommendations).unwrap_or_default(),
    };
    preview
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::customer_csv::{decode_text, detect_dialect, read_table, Delimiter};

    fn ids() -> impl FnMut() -> Uuid {
        let mut n = 0u128;
        move || {
            n += 1;
            Uuid::from_u128(n)
        }
    }

    #[test]
    fn headers_in_german_and_english() {
        let headers: Vec<String> = [
            "Befragte(r)",
            "Liefertreue – Wichtigkeit",
            "Zufriedenheit: Liefertreue",
            "Importance (Technical support)",
            "Technical support - satisfaction",
            "Wie wahrscheinlich würden Sie uns weiterempfehlen?",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            guess_columns(&headers),
            [
                Column::Ignore,
                Column::Importance("Liefertreue".into()),
                Column::Satisfaction("Liefertreue".into()),
                Column::Importance("Technical support".into()),
                Column::Satisfaction("Technical support".into()),
                Column::Recommendation,
            ]
        );
        assert_eq!(
            guess_columns(&["NPS (0-10)".to_owned()]),
            [Column::Recommendation]
        );
    }

    #[test]
    fn item_names_keep_umlauts_hyphens_and_compound_words() {
        let headers: Vec<String> = [
            "Preis-Leistungs-Verhältnis – Wichtigkeit",
            "ZUFRIEDENHEIT: GROẞKUNDENBETREUUNG",
            "Gesamtzufriedenheit",
            "İstanbul office (importance)",
            "Wichtigkeit",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            guess_columns(&headers),
            [
                Column::Importance("Preis-Leistungs-Verhältnis".into()),
                Column::Satisfaction("GROẞKUNDENBETREUUNG".into()),
                Column::Satisfaction("Gesamtzufriedenheit".into()),
                Column::Importance("İstanbul office".into()),
                Column::Importance(String::new()),
            ]
        );
        // A column without an item name cannot be read.
        assert_eq!(
            check_columns(&guess_columns(&headers)),
            Err(MappingError::NoItemName)
        );
    }

    #[test]
    fn more_items_than_a_survey_holds_or_unusable_names_are_refused() {
        let many: Vec<Column> = (0..=MAX_ITEMS)
            .map(|i| Column::Importance(format!("Punkt {i}")))
            .collect();
        assert_eq!(
            check_columns(&many),
            Err(MappingError::TooManyItems { max: MAX_ITEMS })
        );
        let long = "x".repeat(400);
        assert_eq!(
            check_columns(&[Column::Satisfaction(long.clone())]),
            Err(MappingError::BadItemName(long))
        );
        let fits: Vec<Column> = (0..MAX_ITEMS)
            .flat_map(|i| {
                [
                    Column::Importance(format!("Punkt {i}")),
                    Column::Satisfaction(format!("punkt {i}")),
                ]
            })
            .collect();
        assert_eq!(check_columns(&fits), Ok(()));
    }

    #[test]
    fn columns_that_cannot_be_read_are_refused() {
        assert_eq!(
            check_columns(&[Column::Ignore]),
            Err(MappingError::NothingToRead)
        );
        assert_eq!(
            check_columns(&[Column::Recommendation, Column::Recommendation]),
            Err(MappingError::SeveralRecommendations)
        );
        assert_eq!(
            check_columns(&[
                Column::Importance("Preis".into()),
                Column::Importance("preis ".into())
            ]),
            Err(MappingError::Twice("importance", "preis ".into()))
        );
        assert_eq!(
            check_columns(&[Column::Satisfaction(" ".into())]),
            Err(MappingError::NoItemName)
        );
        assert_eq!(
            check_columns(&[
                Column::Importance("Preis".into()),
                Column::Satisfaction("Preis".into())
            ]),
            Ok(())
        );
    }

    /// A German Excel export (`;`, Windows-1252) with one bad row.
    #[test]
    fn a_german_excel_file_with_one_bad_row() {
        let text = "Nr;Liefertreue – Wichtigkeit;Liefertreue – Zufriedenheit;Beratung – Wichtigkeit;Beratung – Zufriedenheit;Weiterempfehlung\r\n\
                    1;5;4;3;5;9\r\n\
                    2;5;3;;4;10\r\n\
                    3;4;gut;3;4;11\r\n\
                    4;4;2,5;2;3;6\r\n\
                    5;5;3;4;4;8\r\n\
                    ;;;;;\r\n";
        let bytes: Vec<u8> = text
            .chars()
            .map(|c| if c == '–' { 0x96 } else { c as u8 })
            .collect();
        let (decoded, _) = decode_text(&bytes);
        let dialect = detect_dialect(&decoded);
        assert_eq!(dialect.delimiter, Delimiter::Semicolon);
        let table = read_table(&decoded, dialect.delimiter).unwrap();
        let columns = guess_columns(&table.headers);
        check_columns(&columns).unwrap();
        let preview = build_survey(&table, &columns, dialect.numbers, ids());
        // Rows 3 and 4 (lines 4 and 5) are left out, with all their problems.
        assert_eq!((preview.rows_used, preview.rows_with_problems), (3, 2));
        assert_eq!(
            preview.problems,
            [
                AnswerProblem {
                    line: 4,
                    column: "Liefertreue – Zufriedenheit".into(),
                    issue: AnswerIssue::NotAWholeNumber("gut".into())
                },
                AnswerProblem {
                    line: 4,
                    column: "Weiterempfehlung".into(),
                    issue: AnswerIssue::OutOfScale {
                        value: "11".into(),
                        min: 0,
                        max: 10
                    }
                },
                AnswerProblem {
                    line: 5,
                    column: "Liefertreue – Zufriedenheit".into(),
                    issue: AnswerIssue::NotAWholeNumber("2,5".into())
                },
            ]
        );
        let survey = &preview.survey;
        assert_eq!(survey.items.len(), 2);
        let delivery = &survey.items[0];
        assert_eq!(delivery.name, "Liefertreue");
        assert_eq!(
            delivery.importance,
            Some(Score {
                mean: 5.0,
                answers: 3
            })
        );
        assert!((delivery.satisfaction.unwrap().mean - 10.0 / 3.0).abs() < 1e-12);
        // Row 2 left the importance of "Beratung" empty: two answers.
        assert_eq!(
            survey.items[1].importance,
            Some(Score {
                mean: 3.5,
                answers: 2
            })
        );
        // 9, 10, 8: two promoters, one passive.
        let nps = survey.nps().unwrap();
        assert_eq!((nps.promoters, nps.passives, nps.detractors), (2, 1, 0));
        assert_eq!(nps.rounded(), 67);
        assert!(
            survey.problems().is_empty(),
            "what the import builds can be stored"
        );
    }

    #[test]
    fn an_english_file_and_ratings_out_of_scale() {
        let text = "Respondent,Price - importance,Price - satisfaction,Recommend\n\
                    a,0,3,7\n\
                    b,6,3,-1\n\
                    c,4.0,3,7\n";
        let dialect = detect_dialect(text);
        let table = read_table(text, dialect.delimiter).unwrap();
        let columns = guess_columns(&table.headers);
        let preview = build_survey(&table, &columns, dialect.numbers, ids());
        let issues: Vec<&AnswerIssue> = preview.problems.iter().map(|p| &p.issue).collect();
        assert_eq!(
            issues,
            [
                &AnswerIssue::OutOfScale {
                    value: "0".into(),
                    min: 1,
                    max: 5
                },
                &AnswerIssue::OutOfScale {
                    value: "6".into(),
                    min: 1,
                    max: 5
                },
                &AnswerIssue::OutOfScale {
                    value: "-1".into(),
                    min: 0,
                    max: 10
                },
            ]
        );
        // "4.0" is a whole number in English notation.
        assert_eq!(preview.rows_used, 1);
        assert_eq!(
            preview.survey.items[0].importance,
            Some(Score {
                mean: 4.0,
                answers: 1
            })
        );
    }

    #[test]
    fn a_file_without_answers_is_empty() {
        let text = "Liefertreue – Wichtigkeit;Weiterempfehlung\n;\n";
        let table = read_table(text, Delimiter::Semicolon).unwrap();
        let columns = guess_columns(&table.headers);
        let preview = build_survey(&table, &columns, NumberStyle::German, ids());
        assert!(preview.is_empty());
        assert_eq!(preview.survey.nps(), None);
        assert_eq!(preview.survey.items[0].importance, None);
    }
}
