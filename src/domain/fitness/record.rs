//! Fitness-Checks and the KAM foundations notes as workspace records.

use super::{Answer, FitnessCheck};
use crate::domain::account::{ValidationProblem, MAX_LONG_TEXT_CHARS, MAX_SHORT_TEXT_CHARS};
use crate::domain::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One Fitness-Check as stored: the answers plus where the respondent is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitnessRecord {
    pub id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    #[serde(flatten)]
    pub check: FitnessCheck,
    /// The screen the respondent was on: 0 = details, 1..=areas, so that a
    /// reload resumes there.
    #[serde(default)]
    pub step: usize,
    /// Whether the respondent finished the questionnaire.
    #[serde(default)]
    pub completed: bool,
}

impl FitnessRecord {
    /// Field-level problems, as `(field, problem)`.
    pub fn problems(&self) -> Vec<(String, ValidationProblem)> {
        let mut problems = Vec::new();
        for (field, text) in [
            ("respondent", &self.check.respondent),
            ("role", &self.check.role),
            ("unit", &self.check.unit),
        ] {
            if text.chars().count() > MAX_SHORT_TEXT_CHARS {
                problems.push((
                    field.to_string(),
                    ValidationProblem::TooLong {
                        max: MAX_SHORT_TEXT_CHARS,
                    },
                ));
            }
        }
        for (area, comment) in &self.check.comments {
            if comment.chars().count() > MAX_LONG_TEXT_CHARS {
                problems.push((
                    format!("comments.{area}"),
                    ValidationProblem::TooLong {
                        max: MAX_LONG_TEXT_CHARS,
                    },
                ));
            }
        }
        for (statement, answer) in &self.check.answers {
            if matches!(answer, Answer::Score(v) if *v > 10) {
                problems.push((format!("answers.{statement}"), ValidationProblem::TooLarge));
            }
        }
        if self.check.answers.len() > 500 || self.check.comments.len() > 100 {
            problems.push(("answers".into(), ValidationProblem::TooLarge));
        }
        problems
    }

    /// How the record is named in lists and import previews.
    pub fn label(&self) -> String {
        let who = [self.check.respondent.trim(), self.check.unit.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        if who.is_empty() {
            format!("Fitness-Check {}", self.created.date_stamp())
        } else {
            format!("Fitness-Check {} ({who})", self.created.date_stamp())
        }
    }
}

/// The company's KAM foundations (book chapters 1.3 and 2.1–2.4) as short
/// structured notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Foundations {
    pub modified: Option<Timestamp>,
    /// What "key account" and "KAM" mean for this company.
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub strategy: String,
    #[serde(default)]
    pub competencies: String,
    #[serde(default)]
    pub principles: String,
    #[serde(default)]
    pub customer_orientation: String,
}

impl Foundations {
    pub fn fields(&self) -> [(&'static str, &String); 5] {
        [
            ("definition", &self.definition),
            ("strategy", &self.strategy),
            ("competencies", &self.competencies),
            ("principles", &self.principles),
            ("customer_orientation", &self.customer_orientation),
        ]
    }

    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|(_, text)| text.trim().is_empty())
    }

    pub fn problems(&self) -> Vec<(String, ValidationProblem)> {
        self.fields()
            .iter()
            .filter(|(_, text)| text.chars().count() > MAX_LONG_TEXT_CHARS)
            .map(|(name, _)| {
                (
                    name.to_string(),
                    ValidationProblem::TooLong {
                        max: MAX_LONG_TEXT_CHARS,
                    },
                )
            })
            .collect()
    }
}
