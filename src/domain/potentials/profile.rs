//! The extended Key Account Steckbrief (book section 4.1.1): what the
//! key account's record does not hold already (name, group, industry,
//! country, sites, KAM responsible, our revenue, notes): the account's
//! size, what it makes, how it decides, where it is heading, how our
//! relationship came about, and who works on it on our side.
//!
//! The open questions about the account ("known unknowns") live in the
//! account plan ([`super::plan::AccountPlan::questions`]), where each can
//! become a dated action in one step.

use super::ToolKind;
use crate::domain::account::{check_text, Amount, ValidationProblem, MAX_LONG_TEXT_CHARS};
use crate::domain::record::{FieldProblem, ToolFamily};
use serde::{Deserialize, Serialize};

/// Most employees a profile accepts (the largest employers have a few
/// million).
pub const MAX_EMPLOYEES: u32 = 10_000_000;

/// A number of employees as typed (already read as a number): a whole
/// number from 0 to [`MAX_EMPLOYEES`].
pub fn employees(value: f64) -> Result<u32, ValidationProblem> {
    if value.fract() == 0.0 && (0.0..=f64::from(MAX_EMPLOYEES)).contains(&value) {
        Ok(value as u32)
    } else {
        Err(ValidationProblem::OutOfRange {
            min: 0,
            max: i64::from(MAX_EMPLOYEES),
        })
    }
}

/// The long text fields of the profile, in the order of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileText {
    KeyProducts,
    DecisionProcess,
    Strategy,
    History,
    Team,
}

impl ProfileText {
    pub const ALL: [ProfileText; 5] = [
        ProfileText::KeyProducts,
        ProfileText::DecisionProcess,
        ProfileText::Strategy,
        ProfileText::History,
        ProfileText::Team,
    ];

    /// The field's name in the file format.
    pub fn field(self) -> &'static str {
        match self {
            ProfileText::KeyProducts => "key_products",
            ProfileText::DecisionProcess => "decision_process",
            ProfileText::Strategy => "strategy",
            ProfileText::History => "history",
            ProfileText::Team => "team",
        }
    }
}

/// The extended profile of one key account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Employees of the account (the whole group or the part we serve).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<u32>,
    /// The account's own yearly revenue, in euros (not ours with it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Amount>,
    /// What the account makes and sells.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key_products: String,
    /// How the account decides on purchases like ours.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decision_process: String,
    /// The account's strategy and goals.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub strategy: String,
    /// How our relationship came about and developed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub history: String,
    /// Our team for the account: who does what.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
}

/// The extended profile as a tool of the account analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProfileTool;

impl ToolKind for ProfileTool {
    const FAMILY: ToolFamily = ToolFamily::Profile;
    type Data = Profile;
    fn problems(data: &Profile) -> Vec<FieldProblem> {
        data.problems()
    }
}

impl Profile {
    /// One of the long text fields.
    pub fn text(&self, field: ProfileText) -> &str {
        match field {
            ProfileText::KeyProducts => &self.key_products,
            ProfileText::DecisionProcess => &self.decision_process,
            ProfileText::Strategy => &self.strategy,
            ProfileText::History => &self.history,
            ProfileText::Team => &self.team,
        }
    }

    pub fn text_mut(&mut self, field: ProfileText) -> &mut String {
        match field {
            ProfileText::KeyProducts => &mut self.key_products,
            ProfileText::DecisionProcess => &mut self.decision_process,
            ProfileText::Strategy => &mut self.strategy,
            ProfileText::History => &mut self.history,
            ProfileText::Team => &mut self.team,
        }
    }

    /// Every field-level problem, in form order.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.employees.is_some_and(|n| n > MAX_EMPLOYEES) {
            problems.push((
                "employees".into(),
                ValidationProblem::OutOfRange {
                    min: 0,
                    max: i64::from(MAX_EMPLOYEES),
                },
            ));
        }
        for field in ProfileText::ALL {
            if let Err(problem) = check_text(self.text(field), MAX_LONG_TEXT_CHARS, true) {
                problems.push((field.field().into(), problem));
            }
        }
        problems
    }

    /// How many of the profile's seven fields are filled in.
    pub fn filled(&self) -> usize {
        let texts = ProfileText::ALL
            .iter()
            .filter(|f| !self.text(**f).trim().is_empty())
            .count();
        texts + usize::from(self.employees.is_some()) + usize::from(self.revenue.is_some())
    }

    /// The number of fields [`Profile::filled`] counts.
    pub const FIELDS: usize = 7;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_refuses_too_many_employees_and_control_characters() {
        let mut profile = Profile {
            employees: Some(MAX_EMPLOYEES),
            key_products: "Achsen\nGetriebe".into(),
            ..Profile::default()
        };
        assert!(profile.problems().is_empty());
        profile.employees = Some(MAX_EMPLOYEES + 1);
        profile.strategy = "Wachstum\u{7}".into();
        assert_eq!(
            profile.problems(),
            vec![
                (
                    "employees".to_string(),
                    ValidationProblem::OutOfRange {
                        min: 0,
                        max: 10_000_000
                    }
                ),
                ("strategy".to_string(), ValidationProblem::ControlCharacters),
            ]
        );
    }

    #[test]
    fn employees_are_a_whole_number_within_the_range() {
        assert_eq!(employees(0.0), Ok(0));
        assert_eq!(employees(2_400.0), Ok(2_400));
        assert_eq!(employees(f64::from(MAX_EMPLOYEES)), Ok(MAX_EMPLOYEES));
        for bad in [
            12.5,
            -1.0,
            f64::from(MAX_EMPLOYEES) + 1.0,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert!(employees(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn filled_counts_numbers_and_texts_that_are_not_blank() {
        let mut profile = Profile::default();
        assert_eq!(profile.filled(), 0);
        profile.employees = Some(0);
        profile.revenue = Amount::parse(2.5e9).ok();
        profile.team = "   ".into();
        profile.history = "Seit 2019 Lieferant".into();
        assert_eq!(profile.filled(), 3);
        for field in ProfileText::ALL {
            *profile.text_mut(field) = "x".into();
        }
        assert_eq!(profile.filled(), Profile::FIELDS);
    }
}
