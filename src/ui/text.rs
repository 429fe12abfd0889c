//! Turning domain values and errors into translated text.
//!
//! Every function takes the locale explicitly; views call them inside a
//! reactive closure so the text follows a language switch.

use super::i18n::*;
use crate::domain::{BuildingBlock, NumberStyle, RecordDecision, Timestamp, ValidationProblem};
use crate::storage::{browser, DecodeError, SchemaProblem};

/// A counted phrase in the form its count needs. The catalogue holds it as
/// `{ "one": …, "other": … }`, both with `{{ count }}` (see
/// [`crate::domain::plural`]); further values follow the count:
/// `plural!(locale, fitness.excluded, n, names = names)`.
macro_rules! plural {
    ($locale:expr, $($key:ident).+, $count:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let count: usize = $count;
        match $crate::domain::PluralForm::of(count) {
            $crate::domain::PluralForm::One => {
                td_string!($locale, $($key).+.one, count = count $(, $name = $value)*)
            }
            $crate::domain::PluralForm::Other => {
                td_string!($locale, $($key).+.other, count = count $(, $name = $value)*)
            }
        }
    }};
}
pub(crate) use plural;

pub fn number_style(locale: Locale) -> NumberStyle {
    match locale {
        Locale::de => NumberStyle::German,
        Locale::en => NumberStyle::English,
    }
}

/// A timestamp in the user's time zone and the language's convention.
pub fn time(locale: Locale, at: Timestamp) -> String {
    at.display(number_style(locale), browser::utc_offset_minutes())
}

/// `1,2 MB` / `1.2 MB`, `830 KB`.
pub fn file_size(locale: Locale, bytes: usize) -> String {
    let text = if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    };
    match locale {
        Locale::de => text.replace('.', ","),
        Locale::en => text,
    }
}

pub fn block_name(locale: Locale, block: BuildingBlock) -> &'static str {
    match block {
        BuildingBlock::Fit => td_string!(locale, block.fit.name),
        BuildingBlock::Goals => td_string!(locale, block.goals.name),
        BuildingBlock::Potentials => td_string!(locale, block.potentials.name),
        BuildingBlock::People => td_string!(locale, block.people.name),
        BuildingBlock::Processes => td_string!(locale, block.processes.name),
        BuildingBlock::Results => td_string!(locale, block.results.name),
    }
}

pub fn block_summary(locale: Locale, block: BuildingBlock) -> &'static str {
    match block {
        BuildingBlock::Fit => td_string!(locale, block.fit.summary),
        BuildingBlock::Goals => td_string!(locale, block.goals.summary),
        BuildingBlock::Potentials => td_string!(locale, block.potentials.summary),
        BuildingBlock::People => td_string!(locale, block.people.summary),
        BuildingBlock::Processes => td_string!(locale, block.processes.summary),
        BuildingBlock::Results => td_string!(locale, block.results.summary),
    }
}

/// The name of a tool by its stable key (see `BuildingBlock::tools`).
pub fn tool_name(locale: Locale, key: &str) -> &'static str {
    match key {
        "fitness_check" => td_string!(locale, tool.fitness_check),
        "foundations" => td_string!(locale, tool.foundations),
        "kam_goals" => td_string!(locale, tool.kam_goals),
        "target_selection" => td_string!(locale, tool.target_selection),
        "introduction_project" => td_string!(locale, tool.introduction_project),
        "profile" => td_string!(locale, tool.profile),
        "market" => td_string!(locale, tool.market),
        "requirements" => td_string!(locale, tool.requirements),
        "buying_center" => td_string!(locale, tool.buying_center),
        "own_business" => td_string!(locale, tool.own_business),
        "development_plan" => td_string!(locale, tool.development_plan),
        "team" => td_string!(locale, tool.team),
        "manager_profile" => td_string!(locale, tool.manager_profile),
        "annual_review" => td_string!(locale, tool.annual_review),
        "satisfaction" => td_string!(locale, tool.satisfaction),
        "checklists" => td_string!(locale, tool.checklists),
        "controlling" => td_string!(locale, tool.controlling),
        "scorecard" => td_string!(locale, tool.scorecard),
        "crm_exchange" => td_string!(locale, tool.crm_exchange),
        _ => "",
    }
}

/// The app route of an available tool.
pub fn tool_route(key: &str) -> Option<&'static str> {
    match key {
        "profile" => Some("/accounts"),
        "fitness_check" => Some("/fitness"),
        "foundations" => Some("/foundations"),
        "target_selection" => Some("/targets"),
        _ => None,
    }
}

pub fn problem(locale: Locale, problem: &ValidationProblem) -> String {
    match problem {
        ValidationProblem::Empty => td_string!(locale, problem.empty).to_owned(),
        ValidationProblem::TooLong { max } => td_string!(locale, problem.too_long, max = *max),
        ValidationProblem::ControlCharacters => td_string!(locale, problem.control).to_owned(),
        ValidationProblem::NotFinite => td_string!(locale, problem.not_finite).to_owned(),
        ValidationProblem::Negative => td_string!(locale, problem.negative).to_owned(),
        ValidationProblem::TooLarge => td_string!(locale, problem.too_large).to_owned(),
        ValidationProblem::DanglingReference => td_string!(locale, problem.dangling).to_owned(),
        ValidationProblem::SelfReference => td_string!(locale, problem.self_ref).to_owned(),
    }
}

pub fn decision(locale: Locale, decision: RecordDecision) -> &'static str {
    match decision {
        RecordDecision::Added => td_string!(locale, data.decision_added),
        RecordDecision::Replaced => td_string!(locale, data.decision_replaced),
        RecordDecision::Unchanged => td_string!(locale, data.decision_unchanged),
        RecordDecision::KeptOurs => td_string!(locale, data.decision_kept_ours),
        RecordDecision::Removed => td_string!(locale, data.decision_removed),
        RecordDecision::KeptOnlyOurs => td_string!(locale, data.decision_kept_only_ours),
    }
}

/// What went wrong with a file, in words that say what to do.
pub fn decode_error(locale: Locale, error: &DecodeError) -> String {
    match error {
        DecodeError::Empty => td_string!(locale, error.empty).to_owned(),
        DecodeError::TooLarge { bytes, max } => td_string!(
            locale,
            error.too_large,
            size = file_size(locale, *bytes),
            max = file_size(locale, *max)
        ),
        DecodeError::NotText => td_string!(locale, error.not_text).to_owned(),
        DecodeError::NotJson { line, column } => {
            td_string!(locale, error.not_json, line = *line, column = *column)
        }
        DecodeError::TooDeep => td_string!(locale, error.too_deep).to_owned(),
        DecodeError::NumberOutOfRange { line, .. } => {
            td_string!(locale, error.number, line = *line)
        }
        DecodeError::NotOurFormat { found: None } => td_string!(locale, error.not_ours).to_owned(),
        DecodeError::NotOurFormat {
            found: Some(format),
        } => {
            td_string!(locale, error.not_ours_named, format = format)
        }
        DecodeError::BadVersion { found } => td_string!(locale, error.bad_version, version = found),
        DecodeError::TooNew { version } => td_string!(locale, error.too_new, version = *version),
        DecodeError::Migration { from, message } => {
            td_string!(locale, error.migration, version = *from, detail = message)
        }
        DecodeError::Schema {
            path,
            problem: SchemaProblem::Missing,
        } => {
            td_string!(locale, error.schema_missing, path = path)
        }
        DecodeError::Schema {
            path,
            problem: SchemaProblem::Invalid(detail),
        } => {
            td_string!(locale, error.schema_invalid, path = path, detail = detail)
        }
        DecodeError::Invalid(inner) => {
            td_string!(locale, error.invalid, detail = format!("data.{inner}"))
        }
    }
}

/// Catalogue text in the UI language.
pub fn bilingual(locale: Locale, text: &crate::domain::fitness::Bilingual) -> String {
    match locale {
        Locale::de => text.de.clone(),
        Locale::en => text.en.clone(),
    }
}

/// `62 %` (German, with a narrow space) or `62%` (English).
pub fn percent(locale: Locale, value: f64) -> String {
    match locale {
        Locale::de => format!("{value:.0}\u{202f}%"),
        Locale::en => format!("{value:.0}%"),
    }
}

/// A number with one decimal in the language's convention: `2,5` / `2.5`.
pub fn decimal(locale: Locale, value: f64) -> String {
    let text = format!("{value:.1}");
    match locale {
        Locale::de => text.replace('.', ","),
        Locale::en => text,
    }
}

/// A percentage with one decimal: `80,0 %` / `80.0%`.
pub fn percent1(locale: Locale, value: f64) -> String {
    let mut text = format!("{value:.1}");
    if text == "-0.0" {
        text = "0.0".into();
    }
    match locale {
        Locale::de => format!("{}\u{202f}%", text.replace('.', ",")),
        Locale::en => format!("{text}%"),
    }
}

/// A number with two decimals in the language's convention: `6,70` / `6.70`.
pub fn decimal2(locale: Locale, value: f64) -> String {
    let text = format!("{value:.2}");
    match locale {
        Locale::de => text.replace('.', ","),
        Locale::en => text,
    }
}

/// A number as short as possible (up to two decimals), for input fields.
pub fn plain_number(locale: Locale, value: f64) -> String {
    let mut text = format!("{value:.2}");
    text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
    match locale {
        Locale::de => text.replace('.', ","),
        Locale::en => text,
    }
}

/// A date stamp `YYYY-MM-DD` as the language writes it: `27.11.2026` / `2026-11-27`.
pub fn date(locale: Locale, stamp: &str) -> String {
    match (locale, stamp.split('-').collect::<Vec<_>>().as_slice()) {
        (Locale::de, [y, m, d]) => format!("{d}.{m}.{y}"),
        _ => stamp.to_owned(),
    }
}

/// The building block a Fitness-Check area belongs to, from its chapter.
pub fn block_of_chapter(chapter: &str) -> BuildingBlock {
    match chapter.split('.').next().unwrap_or_default() {
        "3" => BuildingBlock::Goals,
        "4" => BuildingBlock::Potentials,
        "5" => BuildingBlock::People,
        "6" => BuildingBlock::Processes,
        "7" => BuildingBlock::Results,
        _ => BuildingBlock::Fit,
    }
}
