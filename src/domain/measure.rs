//! What programme goals and KPIs share: whether more or less is better,
//! and the range a target or an actual may take.

use crate::domain::account::ValidationProblem;
use serde::{Deserialize, Serialize};

/// Largest absolute value of a goal's or KPI's target or actual.
pub const MAX_VALUE: f64 = 1e12;

/// Whether more or less is better (a programme goal, a KPI).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Higher,
    Lower,
}

impl Direction {
    pub fn is_higher(&self) -> bool {
        *self == Direction::Higher
    }
}

/// A target or actual: finite and within ± [`MAX_VALUE`].
pub fn check_value(value: f64) -> Option<ValidationProblem> {
    if !value.is_finite() {
        Some(ValidationProblem::NotFinite)
    } else if value.abs() > MAX_VALUE {
        Some(ValidationProblem::TooLarge)
    } else {
        None
    }
}
