//! The Fitness-Check answers as CSV, in the dialect Excel expects.

use crate::domain::fitness::{Answer, Catalogue, FitnessRecord};

/// Which Excel a CSV is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// German Excel: `;` between fields, UTF-8 with byte-order mark.
    German,
    /// English Excel: `,` between fields, UTF-8 with byte-order mark.
    English,
}

/// One row per respondent and statement. Answers are the scale value,
/// "weiß nicht"/"don't know", or empty when unanswered.
pub fn answers_csv(
    catalogue: &Catalogue,
    records: &[&FitnessRecord],
    dialect: CsvDialect,
) -> String {
    let (delimiter, german) = match dialect {
        CsvDialect::German => (b';', true),
        CsvDialect::English => (b',', false),
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![]);
    let header: [&str; 9] = if german {
        [
            "Befragte Person",
            "Rolle",
            "Einheit",
            "Datum",
            "Bereich",
            "Aussage-ID",
            "Aussage",
            "Antwort",
            "Skala bis",
        ]
    } else {
        [
            "Respondent",
            "Role",
            "Unit",
            "Date",
            "Area",
            "Statement ID",
            "Statement",
            "Answer",
            "Scale max",
        ]
    };
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(header);
    for record in records {
        for area in &catalogue.areas {
            let area_title = if german {
                &area.title.de
            } else {
                &area.title.en
            };
            for statement in &area.statements {
                let answer = match record.check.answers.get(&statement.id) {
                    Some(Answer::Score(v)) => v.to_string(),
                    Some(Answer::DontKnow) => {
                        (if german { "weiß nicht" } else { "don't know" }).to_string()
                    }
                    None => String::new(),
                };
                let text = if german {
                    &statement.text.de
                } else {
                    &statement.text.en
                };
                let _ = writer.write_record([
                    record.check.respondent.as_str(),
                    record.check.role.as_str(),
                    record.check.unit.as_str(),
                    &record.created.date_stamp(),
                    area_title,
                    &statement.id,
                    text,
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

    #[test]
    fn german_excel_gets_semicolons_a_bom_and_quoted_separators() {
        let catalogue = Catalogue::built_in();
        let r = record();
        let text = answers_csv(catalogue, &[&r], CsvDialect::German);
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
        let text = answers_csv(catalogue, &[&r], CsvDialect::English);
        assert!(text.starts_with("\u{feff}Respondent,Role,Unit,Date,Area,"));
        assert!(text.lines().nth(2).unwrap().ends_with(",don't know,4"));
    }
}
