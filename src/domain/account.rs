//! A key account and its basic profile (the first part of the
//! *Key Account Steckbrief*, book section 4.1.1).

use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest account name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest one-line field (industry, country, KAM responsible), in characters.
pub const MAX_SHORT_TEXT_CHARS: usize = 300;
/// Longest multi-line field (sites, notes), in characters.
pub const MAX_LONG_TEXT_CHARS: usize = 20_000;
/// Largest revenue the workbench accepts, in euros (a trillion).
pub const MAX_AMOUNT: f64 = 1e12;

/// A revenue figure in euros: finite, not negative, at most [`MAX_AMOUNT`].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Amount(f64);

impl Amount {
    pub fn parse(value: f64) -> Result<Self, ValidationProblem> {
        if !value.is_finite() {
            Err(ValidationProblem::NotFinite)
        } else if value < 0.0 {
            Err(ValidationProblem::Negative)
        } else if value > MAX_AMOUNT {
            Err(ValidationProblem::TooLarge)
        } else {
            Ok(Self(value))
        }
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Amount::parse(value).map_err(|problem| serde::de::Error::custom(problem.to_string()))
    }
}

/// The editable fields of an account, named for error messages and sorting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountField {
    Name,
    Industry,
    Country,
    Sites,
    KamResponsible,
    RevenueLastYear,
    Notes,
    Parent,
}

impl AccountField {
    /// The field's name in the file format.
    pub fn as_str(self) -> &'static str {
        match self {
            AccountField::Name => "name",
            AccountField::Industry => "industry",
            AccountField::Country => "country",
            AccountField::Sites => "sites",
            AccountField::KamResponsible => "kam_responsible",
            AccountField::RevenueLastYear => "revenue_last_year",
            AccountField::Notes => "notes",
            AccountField::Parent => "parent_id",
        }
    }
}

/// What is wrong with one field's value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationProblem {
    #[error("must not be empty")]
    Empty,
    #[error("is longer than {max} characters")]
    TooLong { max: usize },
    #[error("contains control characters")]
    ControlCharacters,
    #[error("is not a finite number")]
    NotFinite,
    #[error("is negative")]
    Negative,
    #[error("is larger than the workbench accepts")]
    TooLarge,
    #[error("points to an account that does not exist")]
    DanglingReference,
    #[error("points to the account itself")]
    SelfReference,
    #[error("is outside {min}..={max}")]
    OutOfRange { min: i64, max: i64 },
    #[error("is listed twice")]
    Duplicate,
    #[error("closes a circle of reports-to references")]
    Cycle,
    #[error("ends before it starts")]
    EndsBeforeStart,
}

/// A key account as the workspace stores it.
///
/// Every record carries a stable id and its modification time, so that two
/// colleagues' files can later be merged record by record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyAccount {
    pub id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub name: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub country: String,
    /// Sites and countries where the account buys, one per line.
    #[serde(default)]
    pub sites: String,
    /// Who on our side is responsible for the account (KAM-Verantwortlicher).
    #[serde(default)]
    pub kam_responsible: String,
    /// Our revenue with the account in the last full year, in euros.
    #[serde(default)]
    pub revenue_last_year: Option<Amount>,
    #[serde(default)]
    pub notes: String,
    /// The parent company (Konzernmutter), when it is a key account of its own.
    #[serde(default)]
    pub parent_id: Option<Uuid>,
}

/// The user-editable part of an account, as a form holds it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccountDraft {
    pub name: String,
    pub industry: String,
    pub country: String,
    pub sites: String,
    pub kam_responsible: String,
    pub revenue_last_year: Option<f64>,
    pub notes: String,
    pub parent_id: Option<Uuid>,
}

pub(crate) fn check_text(
    text: &str,
    max: usize,
    multi_line: bool,
) -> Result<(), ValidationProblem> {
    if text.chars().count() > max {
        return Err(ValidationProblem::TooLong { max });
    }
    let bad_control = text
        .chars()
        .any(|c| c.is_control() && !(multi_line && (c == '\n' || c == '\t' || c == '\r')));
    if bad_control {
        return Err(ValidationProblem::ControlCharacters);
    }
    Ok(())
}

/// Checks a name or other one-line text that must not be empty.
pub(crate) fn check_name(text: &str) -> Result<(), ValidationProblem> {
    if text.trim().is_empty() {
        Err(ValidationProblem::Empty)
    } else {
        check_text(text, MAX_SHORT_TEXT_CHARS, false)
    }
}

impl AccountDraft {
    /// Checks every field and returns all problems, in form order.
    pub fn problems(&self) -> Vec<(AccountField, ValidationProblem)> {
        let mut problems = Vec::new();
        let mut check = |field, result: Result<(), ValidationProblem>| {
            if let Err(problem) = result {
                problems.push((field, problem));
            }
        };
        check(
            AccountField::Name,
            if self.name.trim().is_empty() {
                Err(ValidationProblem::Empty)
            } else {
                check_text(&self.name, MAX_NAME_CHARS, false)
            },
        );
        check(
            AccountField::Industry,
            check_text(&self.industry, MAX_SHORT_TEXT_CHARS, false),
        );
        check(
            AccountField::Country,
            check_text(&self.country, MAX_SHORT_TEXT_CHARS, false),
        );
        check(
            AccountField::Sites,
            check_text(&self.sites, MAX_LONG_TEXT_CHARS, true),
        );
        check(
            AccountField::KamResponsible,
            check_text(&self.kam_responsible, MAX_SHORT_TEXT_CHARS, false),
        );
        check(
            AccountField::RevenueLastYear,
            self.revenue_last_year
                .map_or(Ok(()), |v| Amount::parse(v).map(|_| ())),
        );
        check(
            AccountField::Notes,
            check_text(&self.notes, MAX_LONG_TEXT_CHARS, true),
        );
        problems
    }

    /// Turns the draft into a new account, or lists what must be fixed first.
    pub fn create(
        self,
        id: Uuid,
        now: Timestamp,
    ) -> Result<KeyAccount, Vec<(AccountField, ValidationProblem)>> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(KeyAccount {
            id,
            created: now,
            modified: now,
            name: self.name.trim().to_owned(),
            industry: self.industry.trim().to_owned(),
            country: self.country.trim().to_owned(),
            sites: self.sites,
            kam_responsible: self.kam_responsible.trim().to_owned(),
            revenue_last_year: self.revenue_last_year.and_then(|v| Amount::parse(v).ok()),
            notes: self.notes,
            parent_id: self.parent_id,
        })
    }
}

impl KeyAccount {
    /// The account's editable fields as a draft for a form.
    pub fn draft(&self) -> AccountDraft {
        AccountDraft {
            name: self.name.clone(),
            industry: self.industry.clone(),
            country: self.country.clone(),
            sites: self.sites.clone(),
            kam_responsible: self.kam_responsible.clone(),
            revenue_last_year: self.revenue_last_year.map(Amount::value),
            notes: self.notes.clone(),
            parent_id: self.parent_id,
        }
    }

    /// Applies an edited draft. The modification time moves only when
    /// something actually changed; returns whether it did.
    pub fn apply(
        &mut self,
        draft: AccountDraft,
        now: Timestamp,
    ) -> Result<bool, Vec<(AccountField, ValidationProblem)>> {
        let updated = draft.create(self.id, self.created)?;
        let changed = KeyAccount {
            modified: self.modified,
            ..updated.clone()
        } != *self;
        if changed {
            *self = KeyAccount {
                modified: now.max(self.modified),
                ..updated
            };
        }
        Ok(changed)
    }

    /// Field-level problems of a stored record (used when a file is loaded).
    pub fn problems(&self) -> Vec<(AccountField, ValidationProblem)> {
        let mut problems = self.draft().problems();
        if self.parent_id == Some(self.id) {
            problems.push((AccountField::Parent, ValidationProblem::SelfReference));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-27T10:00:00Z").unwrap()
    }

    fn draft(name: &str) -> AccountDraft {
        AccountDraft {
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_account_needs_a_name() {
        let err = draft("   ").create(Uuid::nil(), now()).unwrap_err();
        assert_eq!(err, vec![(AccountField::Name, ValidationProblem::Empty)]);
    }

    #[test]
    fn names_are_trimmed_and_limited() {
        let account = draft("  Müller AG ").create(Uuid::nil(), now()).unwrap();
        assert_eq!(account.name, "Müller AG");
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        let err = draft(&long).create(Uuid::nil(), now()).unwrap_err();
        assert_eq!(
            err[0].1,
            ValidationProblem::TooLong {
                max: MAX_NAME_CHARS
            }
        );
    }

    #[test]
    fn revenue_must_be_a_finite_non_negative_amount() {
        for (value, problem) in [
            (-1.0, ValidationProblem::Negative),
            (f64::NAN, ValidationProblem::NotFinite),
            (f64::INFINITY, ValidationProblem::NotFinite),
            (2e12, ValidationProblem::TooLarge),
        ] {
            let d = AccountDraft {
                revenue_last_year: Some(value),
                ..draft("A")
            };
            assert_eq!(d.problems(), vec![(AccountField::RevenueLastYear, problem)]);
        }
    }

    #[test]
    fn control_characters_are_refused_in_one_line_fields_but_newlines_allowed_in_notes() {
        let d = AccountDraft {
            name: "A\u{0}B".into(),
            notes: "line 1\nline 2".into(),
            ..draft("")
        };
        assert_eq!(
            d.problems(),
            vec![(AccountField::Name, ValidationProblem::ControlCharacters)]
        );
    }

    #[test]
    fn editing_moves_the_modification_time_only_on_a_real_change() {
        let mut account = draft("A").create(Uuid::nil(), now()).unwrap();
        let later = Timestamp::parse("2026-11-28T10:00:00Z").unwrap();
        assert_eq!(account.apply(account.draft(), later), Ok(false));
        assert_eq!(account.modified, now());
        let edited = AccountDraft {
            industry: "Chemie".into(),
            ..account.draft()
        };
        assert_eq!(account.apply(edited, later), Ok(true));
        assert_eq!(account.modified, later);
        assert_eq!(account.created, now());
    }
}
