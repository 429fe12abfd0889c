//! The KAM Fitness-Check (book section 2.5): a self-assessment of how ready
//! a company is for key account management.
//!
//! The catalogue of statements is data (`catalogue.json`), so that a trainer
//! can edit it. Answers are on a scale 0 (not at all) … `scale_max` (fully);
//! "don't know" is kept apart: excluded from every mean, but counted.
//!
//! *Choices, fixed here and shown in the help text:* an area score is the
//! mean answer divided by the scale maximum, in percent; the overall score
//! is the mean of the area scores of the areas that have answers; an area
//! without answers has no score (never 0 %). A score exactly on a level's
//! lower bound reaches that level. Group spread is the population standard
//! deviation (the group describes itself, it is not a sample).

mod group;
mod record;
mod scoring;

pub use group::{group_summary, GroupSummary, Stats};
pub use record::{FitnessRecord, Foundations};
pub use scoring::{compare, score, weakest_areas, AreaScore, CheckScore};

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// The catalogue that ships with the workbench.
pub const BUILT_IN_CATALOGUE: &str = include_str!("catalogue.json");

/// Text in both UI languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub de: String,
    pub en: String,
}

/// Which text of a [`Bilingual`] to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    German,
    English,
}

impl Bilingual {
    /// The text in `language`.
    pub fn text(&self, language: Language) -> &str {
        match language {
            Language::German => &self.de,
            Language::English => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub text: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub id: String,
    /// The book chapter to work on when the area is weak.
    pub chapter: String,
    pub title: Bilingual,
    pub advice: Bilingual,
    pub statements: Vec<Statement>,
}

/// A maturity level, reached from `from` percent on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Level {
    pub from: f64,
    pub name: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub id: String,
    pub version: u32,
    pub scale_max: u8,
    pub areas: Vec<Area>,
    pub levels: Vec<Level>,
}

/// Why a catalogue cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    #[error("the catalogue is not valid JSON of the expected shape: {0}")]
    Shape(String),
    #[error("the scale must run from 0 to between 1 and 10")]
    Scale,
    #[error("an area needs at least one statement: {0}")]
    EmptyArea(String),
    #[error("the id {0} is used twice")]
    DuplicateId(String),
    #[error("levels must start at 0 and rise, each below 100")]
    Levels,
}

impl Catalogue {
    /// Reads and checks a catalogue.
    pub fn parse(json: &str) -> Result<Catalogue, CatalogueError> {
        let catalogue: Catalogue =
            serde_json::from_str(json).map_err(|e| CatalogueError::Shape(e.to_string()))?;
        catalogue.validate()?;
        Ok(catalogue)
    }

    /// The catalogue shipped with the app, parsed once. It is checked by a
    /// test, so loading it cannot fail in a released build.
    pub fn built_in() -> &'static Catalogue {
        static BUILT_IN: std::sync::LazyLock<Catalogue> = std::sync::LazyLock::new(|| {
            Catalogue::parse(BUILT_IN_CATALOGUE).expect("the built-in catalogue is valid (tested)")
        });
        &BUILT_IN
    }

    pub fn validate(&self) -> Result<(), CatalogueError> {
        if !(1..=10).contains(&self.scale_max) {
            return Err(CatalogueError::Scale);
        }
        let mut ids = HashSet::new();
        for area in &self.areas {
            if area.statements.is_empty() {
                return Err(CatalogueError::EmptyArea(area.id.clone()));
            }
            for id in std::iter::once(&area.id).chain(area.statements.iter().map(|s| &s.id)) {
                if !ids.insert(id.clone()) {
                    return Err(CatalogueError::DuplicateId(id.clone()));
                }
            }
        }
        let rising = self.levels.windows(2).all(|w| w[0].from < w[1].from);
        let starts_at_zero = self.levels.first().is_some_and(|l| l.from == 0.0);
        if !rising || !starts_at_zero || self.levels.iter().any(|l| l.from >= 100.0) {
            return Err(CatalogueError::Levels);
        }
        Ok(())
    }

    /// The level an overall score reaches: the last whose bound it meets.
    pub fn level(&self, percent: f64) -> Option<&Level> {
        self.levels.iter().rev().find(|l| percent >= l.from)
    }

    /// The catalogue with new lower bounds for its levels (same order), or
    /// why they cannot be used. The statements are untouched, so checks made
    /// with the catalogue still fit it.
    pub fn with_level_bounds(&self, bounds: &[f64]) -> Result<Catalogue, CatalogueError> {
        if bounds.len() != self.levels.len() || bounds.iter().any(|b| !b.is_finite()) {
            return Err(CatalogueError::Levels);
        }
        let mut changed = self.clone();
        for (level, bound) in changed.levels.iter_mut().zip(bounds) {
            level.from = *bound;
        }
        changed.validate()?;
        Ok(changed)
    }

    pub fn statement_count(&self) -> usize {
        self.areas.iter().map(|a| a.statements.len()).sum()
    }
}

/// One answer to one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// 0 = not at all … scale max = fully.
    Score(u8),
    /// The respondent cannot judge it: counted, not scored.
    DontKnow,
}

/// One filled-in (or partly filled-in) check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitnessCheck {
    pub catalogue_id: String,
    pub catalogue_version: u32,
    #[serde(default)]
    pub respondent: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub unit: String,
    /// Answers by statement id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Free comments by area id.
    #[serde(default)]
    pub comments: BTreeMap<String, String>,
}

impl FitnessCheck {
    pub fn new(catalogue: &Catalogue) -> FitnessCheck {
        FitnessCheck {
            catalogue_id: catalogue.id.clone(),
            catalogue_version: catalogue.version,
            respondent: String::new(),
            role: String::new(),
            unit: String::new(),
            answers: BTreeMap::new(),
            comments: BTreeMap::new(),
        }
    }

    /// Whether the check was made with exactly this catalogue.
    pub fn fits(&self, catalogue: &Catalogue) -> bool {
        self.catalogue_id == catalogue.id && self.catalogue_version == catalogue.version
    }

    /// How many of the catalogue's statements have an answer (including
    /// "don't know").
    pub fn answered(&self, catalogue: &Catalogue) -> usize {
        catalogue
            .areas
            .iter()
            .flat_map(|a| &a.statements)
            .filter(|s| self.answers.contains_key(&s.id))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_catalogue_covers_the_four_topics_and_every_other_block() {
        let catalogue = Catalogue::built_in();
        assert_eq!(catalogue.areas.len(), 9);
        for area in &catalogue.areas {
            assert!(
                (4..=6).contains(&area.statements.len()),
                "{} has {}",
                area.id,
                area.statements.len()
            );
            for text in std::iter::once(&area.title)
                .chain(std::iter::once(&area.advice))
                .chain(area.statements.iter().map(|s| &s.text))
            {
                assert!(
                    !text.de.trim().is_empty() && !text.en.trim().is_empty(),
                    "{}",
                    area.id
                );
                assert_ne!(text.de, text.en, "{} is not translated", area.id);
            }
        }
        let chapters: Vec<&str> = catalogue.areas.iter().map(|a| a.chapter.as_str()).collect();
        assert_eq!(
            chapters,
            ["2.1", "2.2", "2.3", "2.4", "3", "4", "5", "6", "7"]
        );
    }

    #[test]
    fn a_score_exactly_on_a_bound_reaches_that_level() {
        let catalogue = Catalogue::built_in();
        assert_eq!(catalogue.level(39.99).unwrap().name.de, "Einstieg");
        assert_eq!(catalogue.level(40.0).unwrap().name.de, "Im Aufbau");
        assert_eq!(catalogue.level(80.0).unwrap().name.en, "Exemplary");
        assert_eq!(catalogue.level(100.0).unwrap().name.en, "Exemplary");
    }

    #[test]
    fn level_bounds_can_be_edited_but_must_rise() {
        let catalogue = Catalogue::built_in();
        let stricter = catalogue
            .with_level_bounds(&[0.0, 50.0, 70.0, 90.0])
            .unwrap();
        assert_eq!(stricter.level(85.0).unwrap().name.de, "Fortgeschritten");
        assert!(stricter.areas == catalogue.areas);
        assert_eq!(
            catalogue.with_level_bounds(&[0.0, 70.0, 50.0, 90.0]),
            Err(CatalogueError::Levels)
        );
        assert_eq!(
            catalogue.with_level_bounds(&[0.0, 40.0, 60.0, 100.0]),
            Err(CatalogueError::Levels)
        );
        assert_eq!(
            catalogue.with_level_bounds(&[0.0, 40.0]),
            Err(CatalogueError::Levels)
        );
    }

    #[test]
    fn broken_catalogues_are_refused() {
        let mut bad: serde_json::Value = serde_json::from_str(BUILT_IN_CATALOGUE).unwrap();
        bad["levels"][1]["from"] = serde_json::json!(90);
        assert_eq!(
            Catalogue::parse(&bad.to_string()),
            Err(CatalogueError::Levels)
        );
        let mut dup: serde_json::Value = serde_json::from_str(BUILT_IN_CATALOGUE).unwrap();
        dup["areas"][1]["statements"][0]["id"] = serde_json::json!("strategy.1");
        assert_eq!(
            Catalogue::parse(&dup.to_string()),
            Err(CatalogueError::DuplicateId("strategy.1".into()))
        );
        assert!(matches!(
            Catalogue::parse("[]"),
            Err(CatalogueError::Shape(_))
        ));
    }
}
