//! The customer form: what a user typed, parsed into a customer's own
//! fields (name, customer number, revenue, contribution margin, potential).
//!
//! *Parse, don't validate:* [`CustomerDraft::parse`] either returns a
//! [`CustomerEntry`] whose fields a stored [`Customer`] accepts as they are,
//! or every problem, field by field, in form order. Problems are typed; the
//! UI turns them into catalogue text.
//!
//! Usage:
//! ```
//! use kam_workbench::domain::targets::customer_draft::{CustomerDraft, CustomerField, EntryProblem};
//! use kam_workbench::domain::NumberStyle;
//! let draft = CustomerDraft { name: " Müller AG ".into(), revenue: "1.250.000".into(), ..Default::default() };
//! let entry = draft.parse(NumberStyle::German).unwrap();
//! assert_eq!((entry.name.as_str(), entry.revenue), ("Müller AG", Some(1_250_000.0)));
//! let bad = CustomerDraft { potential: "-5".into(), ..draft };
//! assert_eq!(bad.parse(NumberStyle::German), Err(vec![(CustomerField::Potential, EntryProblem::Negative)]));
//! ```

use super::model::{Customer, TargetSelection};
use crate::domain::account::{MAX_AMOUNT, MAX_NAME_CHARS, MAX_SHORT_TEXT_CHARS};
use crate::domain::numbers::{parse_amount, NumberStyle};
use uuid::Uuid;

/// The fields of the customer form, in form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CustomerField {
    Name,
    Number,
    Revenue,
    Margin,
    Potential,
}

impl CustomerField {
    pub const ALL: [CustomerField; 5] = [
        CustomerField::Name,
        CustomerField::Number,
        CustomerField::Revenue,
        CustomerField::Margin,
        CustomerField::Potential,
    ];

    /// The field's name in the file format.
    pub fn as_str(self) -> &'static str {
        match self {
            CustomerField::Name => "name",
            CustomerField::Number => "number",
            CustomerField::Revenue => "revenue",
            CustomerField::Margin => "margin",
            CustomerField::Potential => "potential",
        }
    }
}

/// What is wrong with one field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum EntryProblem {
    #[error("must not be empty")]
    Missing,
    #[error("is longer than {max} characters")]
    TooLong { max: usize },
    #[error("is not a number")]
    NotANumber,
    #[error("must not be negative")]
    Negative,
    #[error("is larger than the workbench accepts")]
    TooLarge,
}

/// The customer form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerDraft {
    pub name: String,
    pub number: String,
    pub revenue: String,
    pub margin: String,
    pub potential: String,
}

/// A customer's own fields, parsed: the name is not empty, texts are trimmed,
/// within their length and free of control characters; amounts are finite,
/// at most [`MAX_AMOUNT`] in size, and only the margin may be negative.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerEntry {
    pub name: String,
    pub number: String,
    /// Euros.
    pub revenue: Option<f64>,
    /// Euros; may be negative.
    pub margin: Option<f64>,
    /// Euros.
    pub potential: Option<f64>,
}

/// One line of text without control characters (a pasted tab or line break
/// is dropped), trimmed.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_owned()
}

fn parse_text(text: &str, max: usize, required: bool) -> Result<String, EntryProblem> {
    let text = clean(text);
    if required && text.is_empty() {
        Err(EntryProblem::Missing)
    } else if text.chars().count() > max {
        Err(EntryProblem::TooLong { max })
    } else {
        Ok(text)
    }
}

fn parse_money(
    text: &str,
    style: NumberStyle,
    may_be_negative: bool,
) -> Result<Option<f64>, EntryProblem> {
    match parse_amount(text, style) {
        Err(_) => Err(EntryProblem::NotANumber),
        Ok(Some(v)) if v < 0.0 && !may_be_negative => Err(EntryProblem::Negative),
        Ok(Some(v)) if v.abs() > MAX_AMOUNT => Err(EntryProblem::TooLarge),
        Ok(v) => Ok(v),
    }
}

impl CustomerDraft {
    /// The form filled with a customer's fields, for editing; `amount`
    /// writes a number the way the user types it.
    pub fn of(customer: &Customer, amount: impl Fn(f64) -> String) -> CustomerDraft {
        let text = |v: Option<f64>| v.map(&amount).unwrap_or_default();
        CustomerDraft {
            name: customer.name.clone(),
            number: customer.number.clone(),
            revenue: text(customer.revenue),
            margin: text(customer.margin),
            potential: text(customer.potential),
        }
    }

    /// Parses the form with amounts written in `style`; lists every
    /// problem in form order when there is one.
    pub fn parse(
        &self,
        style: NumberStyle,
    ) -> Result<CustomerEntry, Vec<(CustomerField, EntryProblem)>> {
        let name = parse_text(&self.name, MAX_NAME_CHARS, true);
        let number = parse_text(&self.number, MAX_SHORT_TEXT_CHARS, false);
        let revenue = parse_money(&self.revenue, style, false);
        let margin = parse_money(&self.margin, style, true);
        let potential = parse_money(&self.potential, style, false);
        match (name, number, revenue, margin, potential) {
            (Ok(name), Ok(number), Ok(revenue), Ok(margin), Ok(potential)) => Ok(CustomerEntry {
                name,
                number,
                revenue,
                margin,
                potential,
            }),
            (name, number, revenue, margin, potential) => {
                let problems = [
                    name.err(),
                    number.err(),
                    revenue.err(),
                    margin.err(),
                    potential.err(),
                ];
                Err(CustomerField::ALL
                    .into_iter()
                    .zip(problems)
                    .filter_map(|(field, problem)| Some((field, problem?)))
                    .collect())
            }
        }
    }
}

impl CustomerEntry {
    /// Writes the entry into a customer; grades and the key account link stay.
    pub fn apply_to(self, customer: &mut Customer) {
        customer.name = self.name;
        customer.number = self.number;
        customer.revenue = self.revenue;
        customer.margin = self.margin;
        customer.potential = self.potential;
    }
}

/// Where a saved entry went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Saved {
    /// Into the customer being edited.
    Updated,
    /// Into a new customer at the end of the list.
    Added,
}

impl TargetSelection {
    /// Saves a form entry into the customer `editing`, or as a new customer
    /// with `new_id` when nothing is being edited or the edited customer is
    /// no longer in the list (deleted meanwhile, or undone).
    pub fn save_customer(
        &mut self,
        editing: Option<Uuid>,
        new_id: Uuid,
        entry: CustomerEntry,
    ) -> Saved {
        let existing = editing.and_then(|id| self.customers.iter_mut().find(|c| c.id == id));
        match existing {
            Some(customer) => {
                entry.apply_to(customer);
                Saved::Updated
            }
            None => {
                let mut customer = Customer::new(new_id, String::new());
                entry.apply_to(&mut customer);
                self.customers.push(customer);
                Saved::Added
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::{English, German};

    fn draft(name: &str) -> CustomerDraft {
        CustomerDraft {
            name: name.into(),
            ..CustomerDraft::default()
        }
    }

    fn problems(draft: &CustomerDraft, style: NumberStyle) -> Vec<(CustomerField, EntryProblem)> {
        draft.parse(style).unwrap_err()
    }

    #[test]
    fn amounts_are_read_in_the_users_number_style() {
        let d = CustomerDraft {
            number: " 20000 ".into(),
            revenue: "1.250.000,50".into(),
            margin: "-12.500".into(),
            potential: "3.125.001,25 €".into(),
            ..draft("Müller Maschinenbau GmbH")
        };
        let entry = d.parse(German).unwrap();
        assert_eq!(
            entry,
            CustomerEntry {
                name: "Müller Maschinenbau GmbH".into(),
                number: "20000".into(),
                revenue: Some(1_250_000.5),
                margin: Some(-12_500.0),
                potential: Some(3_125_001.25),
            }
        );
        let english = CustomerDraft {
            revenue: "500,000".into(),
            ..draft("Alpha GmbH")
        };
        assert_eq!(english.parse(English).unwrap().revenue, Some(500_000.0));
    }

    #[test]
    fn empty_amount_fields_are_missing_values_not_zero() {
        let entry = draft("Alpha GmbH").parse(German).unwrap();
        assert_eq!(
            (entry.revenue, entry.margin, entry.potential),
            (None, None, None)
        );
    }

    #[test]
    fn a_customer_needs_a_name() {
        assert_eq!(
            problems(&draft("   "), German),
            [(CustomerField::Name, EntryProblem::Missing)]
        );
    }

    #[test]
    fn a_name_of_control_characters_only_is_missing() {
        assert_eq!(
            problems(&draft("\u{7}\t"), German),
            [(CustomerField::Name, EntryProblem::Missing)]
        );
    }

    #[test]
    fn control_characters_are_dropped_and_texts_trimmed() {
        let d = CustomerDraft {
            number: "20\t001".into(),
            ..draft("  Schäfer\nLogistik AG ")
        };
        let entry = d.parse(German).unwrap();
        assert_eq!(entry.name, "SchäferLogistik AG");
        assert_eq!(entry.number, "20001");
    }

    #[test]
    fn only_the_margin_may_be_negative() {
        let d = CustomerDraft {
            revenue: "-1".into(),
            margin: "-1".into(),
            potential: "-1".into(),
            ..draft("A")
        };
        assert_eq!(
            problems(&d, German),
            [
                (CustomerField::Revenue, EntryProblem::Negative),
                (CustomerField::Potential, EntryProblem::Negative),
            ]
        );
    }

    #[test]
    fn text_in_an_amount_field_is_not_a_number() {
        let d = CustomerDraft {
            revenue: "viel".into(),
            ..draft("A")
        };
        assert_eq!(
            problems(&d, German),
            [(CustomerField::Revenue, EntryProblem::NotANumber)]
        );
    }

    #[test]
    fn amounts_above_a_trillion_are_too_large_in_either_direction() {
        let d = CustomerDraft {
            revenue: "1.000.000.000.000".into(),
            margin: "-1.000.000.000.001".into(),
            potential: "1.000.000.000.001".into(),
            ..draft("A")
        };
        assert_eq!(
            problems(&d, German),
            [
                (CustomerField::Margin, EntryProblem::TooLarge),
                (CustomerField::Potential, EntryProblem::TooLarge),
            ],
            "exactly 10¹² € is still accepted"
        );
    }

    #[test]
    fn names_up_to_200_and_numbers_up_to_300_characters_are_accepted() {
        let fits = CustomerDraft {
            number: "9".repeat(MAX_SHORT_TEXT_CHARS),
            ..draft(&"ä".repeat(MAX_NAME_CHARS))
        };
        assert!(fits.parse(German).is_ok());
        let long = CustomerDraft {
            number: "9".repeat(MAX_SHORT_TEXT_CHARS + 1),
            ..draft(&"ä".repeat(MAX_NAME_CHARS + 1))
        };
        assert_eq!(
            problems(&long, German),
            [
                (CustomerField::Name, EntryProblem::TooLong { max: 200 }),
                (CustomerField::Number, EntryProblem::TooLong { max: 300 }),
            ]
        );
    }

    #[test]
    fn every_problem_is_listed_in_form_order() {
        let d = CustomerDraft {
            name: String::new(),
            number: "x".repeat(301),
            revenue: "abc".into(),
            margin: "1e99".into(),
            potential: "-3".into(),
        };
        let fields: Vec<CustomerField> = problems(&d, German).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, CustomerField::ALL);
    }

    #[test]
    fn an_edited_customer_keeps_its_grades_and_key_account_link() {
        let mut selection = TargetSelection::default();
        let id = Uuid::from_u128(1);
        let mut customer = Customer::new(id, "Alt");
        customer.grades.insert("c1".into(), 4.0);
        customer.account_id = Some(Uuid::from_u128(9));
        customer.revenue = Some(10.0);
        selection.customers.push(customer);
        let draft = CustomerDraft {
            revenue: String::new(),
            ..CustomerDraft::of(&selection.customers[0], |v| v.to_string())
        };
        assert_eq!(draft.revenue, "");
        let entry = CustomerDraft {
            name: "Neu".into(),
            ..draft
        }
        .parse(German)
        .unwrap();
        let saved = selection.save_customer(Some(id), Uuid::from_u128(2), entry);
        assert_eq!(saved, Saved::Updated);
        let c = &selection.customers[0];
        assert_eq!((c.name.as_str(), c.revenue), ("Neu", None));
        assert_eq!(c.grades["c1"], 4.0);
        assert_eq!(c.account_id, Some(Uuid::from_u128(9)));
    }

    #[test]
    fn saving_an_edit_of_a_deleted_customer_adds_it_again() {
        let mut selection = TargetSelection::default();
        let entry = draft("Zurück").parse(German).unwrap();
        let saved = selection.save_customer(Some(Uuid::from_u128(1)), Uuid::from_u128(2), entry);
        assert_eq!(saved, Saved::Added);
        assert_eq!(selection.customers.len(), 1);
        assert_eq!(selection.customers[0].id, Uuid::from_u128(2));
        assert_eq!(selection.customers[0].problem(), None);
    }

    #[test]
    fn a_parsed_entry_is_a_valid_stored_customer() {
        let d = CustomerDraft {
            number: "\u{1b}[31m".into(),
            revenue: "999.999.999.999".into(),
            margin: "-5".into(),
            ..draft("\u{0}Kunde\u{7f}")
        };
        let mut selection = TargetSelection::default();
        selection.save_customer(None, Uuid::from_u128(1), d.parse(German).unwrap());
        assert_eq!(selection.customers[0].problem(), None);
        assert_eq!(selection.validate(|_| true), Ok(()));
    }
}
