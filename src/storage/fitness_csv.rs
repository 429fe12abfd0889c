//! The Fitness-Check answers as CSV: the words in the UI language, the
//! separators in the dialect Excel expects.

use crate::domain::fitness::{Answer, Catalogue, FitnessRecord, Language};

/// Which Excel a CSV is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// German Excel: `;` between fields, UTF-8 with byte-order mark.
    German,
    /// English Excel: `,` between fields, UTF-8 with byte-order mark.
    English,
}

/// The words of the answers CSV, in the user's language (the UI fills them
/// from the translation catalogue, like the results CSV of the target
/// selection).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerLabels {
    /// The 9 column headings, in the order of the columns.
    pub header: [String; 9],
    /// The cell for a "don't know" answer.
    pub dont_know: String,
    /// Which text of the statement catalogue to write (areas, statements).
    pub language: Language,
}

/// One row per respondent and statement. Answers are the scale value,
/// `labels.dont_know`, or empty when unanswered.
pub fn answers_csv(
    catalogue: &Catalogue,
    records: &[&FitnessRecord],
    dialect: CsvDialect,
    labels: &AnswerLabels,
) -> String {
    let delimiter = match dialect {
        CsvDialect::German => b';',
        CsvDialect::English => b',',
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![]);
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&labels.header);
    for record in records {
        for area in &catalogue.areas {
            let area_title = area.title.text(labels.language);
            for statement in &area.statements {
                let answer = match record.check.answers.get(&statement.id) {
                    Some(Answer::Score(v)) => v.to_string(),
                    Some(Answer::DontKnow) => labels.dont_know.clone(),
                    None => String::new(),
                };
                let _ = writer.write_record([
                    record.check.respondent.as_str(),
                    record.check.role.as_str(),
                    record.check.unit.as_str(),
                    &record.created.date_stamp(),
                    area_title,
                    &statement.id,
                    statement.text.text(labels.language),
                    &answer,
                    &catalogue.scale_max.to_string(),
                ]);
            }
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fitness::FitnessCheck;
    use crate::domain::Timestamp;
    use uuid::Uuid;

    fn record() -> FitnessRecord {
        let catalogue = Catalogue::built_in();
        let mut check = FitnessCheck::new(catalogue);
        check.respondent = "Müller; Jana".into();
        check.answers.insert("strategy.1".into(), Answer::Score(3));
        check.answers.insert("strategy.2".into(), Answer::DontKnow);
        let now = Timestamp::parse("2026-11-27T10:00:00Z").unwrap();
        FitnessRecord {
            id: Uuid::nil(),
            created: now,
            modified: now,
            check,
            step: 0,
            completed: true,
        }
    }

    fn labels(language: Language) -> AnswerLabels {
        let words = |list: [&str; 9]| list.map(String::from);
        match language {
            Language::German => AnswerLabels {
                header: words([
                    "Befragte Person",
                    "Rolle",
                    "Einheit",
                    "Datum",
                    "Bereich",
                    "Aussage-ID",
                    "Aussage",
                    "Antwort",
                    "Skala bis",
                ]),
                dont_know: "weiß nicht".into(),
                language,
            },
            Language::English => AnswerLabels {
                header: words([
                    "Respondent",
                    "Role",
                    "Unit",
                    "Date",
                    "Area",
                    "Statement ID",
                    "Statement",
                    "Answer",
                    "Scale max",
                ]),
                dont_know: "don’t know".into(),
                language,
            },
        }
    }

    #[test]
    fn german_excel_gets_semicolons_a_bom_and_quoted_separators() {
        let catalogue = Catalogue::built_in();
        let r = record();
        let text = answers_csv(
            catalogue,
            &[&r],
            CsvDialect::German,
            &labels(Language::German),
        );
        assert!(text.starts_with("\u{feff}Befragte Person;Rolle;"));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + catalogue.statement_count());
        assert!(
            lines[1].starts_with(
                "\"Müller; Jana\";;;2026-11-27;Unternehmens- und Vertriebsstrategie;strategy.1;"
            ),
            "{}",
            lines[1]
        );
        assert!(lines[1].ends_with(";3;4"));
        assert!(lines[2].ends_with(";weiß nicht;4"));
        assert!(lines[3].ends_with(";;4"), "unanswered stays empty");
        assert!(text.contains("\r\n"));
    }

    #[test]
    fn english_excel_gets_commas() {
        let catalogue = Catalogue::built_in();
        let r = record();
        let text = answers_csv(
            catalogue,
            &[&r],
            CsvDialect::English,
            &labels(Language::English),
        );
        assert!(text.starts_with("\u{feff}Respondent,Role,Unit,Date,Area,"));
        assert!(text.lines().nth(2).unwrap().ends_with(",don’t know,4"));
    }

    /// Regression: the words followed the Excel dialect, so a German user who
    /// needed commas got English headings and statements.
    #[test]
    fn the_words_follow_the_language_and_the_separators_the_dialect() {
        let catalogue = Catalogue::built_in();
        let r = record();
        let text = answers_csv(
            catalogue,
            &[&r],
            CsvDialect::English,
            &labels(Language::German),
        );
        assert!(text.starts_with("\u{feff}Befragte Person,Rolle,Einheit,"));
        let second = text.lines().nth(1).unwrap();
        assert!(
            second.contains(",Unternehmens- und Vertriebsstrategie,strategy.1,"),
            "{second}"
        );
        assert!(text.lines().nth(2).unwrap().ends_with(",weiß nicht,4"));
        let english = answers_csv(
            catalogue,
            &[&r],
            CsvDialect::German,
            &labels(Language::English),
        );
        assert!(english.starts_with("\u{feff}Respondent;Role;"));
        assert!(english.contains(";Corporate and sales strategy;strategy.1;"));
    }
}
