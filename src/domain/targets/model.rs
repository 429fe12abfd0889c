//! The customer list and the settings of the target customer selection, as
//! the workspace stores them.

use super::abc::CutOffs;
use crate::domain::account::{ValidationProblem, MAX_AMOUNT, MAX_NAME_CHARS, MAX_SHORT_TEXT_CHARS};
use crate::domain::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Most customers one list may hold.
pub const MAX_CUSTOMERS: usize = 20_000;
/// Most criteria one scoring model may hold.
pub const MAX_CRITERIA: usize = 20;

/// One customer of the list (not necessarily a key account).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    pub id: Uuid,
    /// The customer number from the ERP/CRM; may be empty.
    #[serde(default)]
    pub number: String,
    pub name: String,
    /// Revenue of the last 12 months, euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<f64>,
    /// Contribution margin, euros (may be negative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
    /// Revenue potential, euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential: Option<f64>,
    /// Grade per criterion id, on the model's scale.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub grades: BTreeMap<String, f64>,
    /// The key account this customer was promoted to or linked with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<Uuid>,
}

impl Customer {
    pub fn new(id: Uuid, name: impl Into<String>) -> Customer {
        Customer {
            id,
            number: String::new(),
            name: name.into(),
            revenue: None,
            margin: None,
            potential: None,
            grades: BTreeMap::new(),
            account_id: None,
        }
    }

    pub fn measure(&self, measure: Measure) -> Option<f64> {
        match measure {
            Measure::Revenue => self.revenue,
            Measure::Margin => self.margin,
            Measure::Potential => self.potential,
        }
    }

    /// The first problem of this record, with the field's name.
    pub fn problem(&self) -> Option<(&'static str, ValidationProblem)> {
        use ValidationProblem::*;
        let name_chars = self.name.chars().count();
        if self.name.trim().is_empty() {
            return Some(("name", Empty));
        }
        if name_chars > MAX_NAME_CHARS {
            return Some((
                "name",
                TooLong {
                    max: MAX_NAME_CHARS,
                },
            ));
        }
        if self.number.chars().count() > MAX_SHORT_TEXT_CHARS {
            return Some((
                "number",
                TooLong {
                    max: MAX_SHORT_TEXT_CHARS,
                },
            ));
        }
        if self
            .name
            .chars()
            .chain(self.number.chars())
            .any(char::is_control)
        {
            return Some(("name", ControlCharacters));
        }
        for (field, value, may_be_negative) in [
            ("revenue", self.revenue, false),
            ("margin", self.margin, true),
            ("potential", self.potential, false),
        ] {
            if let Some(v) = value {
                if !v.is_finite() {
                    return Some((field, NotFinite));
                }
                if v < 0.0 && !may_be_negative {
                    return Some((field, Negative));
                }
                if v.abs() > MAX_AMOUNT {
                    return Some((field, TooLarge));
                }
            }
        }
        if self.grades.values().any(|g| !g.is_finite()) {
            return Some(("grades", NotFinite));
        }
        None
    }
}

/// What the ABC analysis sorts by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    #[default]
    Revenue,
    Margin,
    Potential,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Revenue, Measure::Margin, Measure::Potential];
}

/// The grading scale of a scoring model.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeScale {
    /// 1 (poor) to 5 (excellent).
    #[default]
    OneToFive,
    /// 0 (poor) to 10 (excellent).
    ZeroToTen,
}

impl GradeScale {
    pub fn min(self) -> f64 {
        match self {
            GradeScale::OneToFive => 1.0,
            GradeScale::ZeroToTen => 0.0,
        }
    }

    pub fn max(self) -> f64 {
        match self {
            GradeScale::OneToFive => 5.0,
            GradeScale::ZeroToTen => 10.0,
        }
    }

    pub fn midpoint(self) -> f64 {
        (self.min() + self.max()) / 2.0
    }

    pub fn contains(self, grade: f64) -> bool {
        grade.is_finite() && grade >= self.min() && grade <= self.max()
    }

    /// A grade on this scale moved linearly to `other`, to one decimal.
    pub fn convert(self, grade: f64, other: GradeScale) -> f64 {
        let t = (grade - self.min()) / (self.max() - self.min());
        let v = other.min() + t * (other.max() - other.min());
        (v * 10.0).round() / 10.0
    }
}

/// Which portfolio axis a criterion feeds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionGroup {
    /// Customer attractiveness (vertical axis).
    #[default]
    Attractiveness,
    /// Our supplier position (horizontal axis).
    Position,
}

/// One criterion of the scoring model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Short stable key, used in the customers' grades (e.g. `c3`).
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Weight in percent of the total score.
    pub weight: f64,
    #[serde(default)]
    pub group: CriterionGroup,
}

/// Where the portfolio splits each axis into low and high.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PortfolioSplit {
    pub attractiveness: f64,
    pub position: f64,
}

/// What the selection should reach (book section 3.1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SelectionGoals {
    /// How many key accounts the company wants to look after.
    pub key_accounts: u32,
    /// Share of the total revenue they should bring, percent.
    pub revenue_share: f64,
}

impl Default for SelectionGoals {
    fn default() -> Self {
        SelectionGoals {
            key_accounts: 10,
            revenue_share: 50.0,
        }
    }
}

/// The whole target customer selection of a workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetSelection {
    pub modified: Option<Timestamp>,
    pub customers: Vec<Customer>,
    pub measure: Measure,
    pub cut_offs: CutOffs,
    pub scale: GradeScale,
    pub criteria: Vec<Criterion>,
    /// How many top-ranked customers the scoring proposes.
    pub top_n: u32,
    /// `None`: split at the scale's midpoint.
    pub split: Option<PortfolioSplit>,
    pub goals: SelectionGoals,
}

impl Default for TargetSelection {
    fn default() -> Self {
        TargetSelection {
            modified: None,
            customers: Vec::new(),
            measure: Measure::Revenue,
            cut_offs: CutOffs::default(),
            scale: GradeScale::OneToFive,
            criteria: Vec::new(),
            top_n: 10,
            split: None,
            goals: SelectionGoals::default(),
        }
    }
}

/// Why a stored or imported target selection cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetProblem {
    #[error("customers[{index}].{field}: {problem}")]
    Customer {
        index: usize,
        field: &'static str,
        problem: ValidationProblem,
    },
    #[error("the list holds {count} customers; at most {max} are allowed")]
    TooManyCustomers { count: usize, max: usize },
    #[error("customers[{second}]: the id is already used by customers[{first}]")]
    DuplicateCustomer { first: usize, second: usize },
    #[error("criteria[{index}]: {problem:?}")]
    Criterion {
        index: usize,
        problem: CriterionProblem,
    },
    #[error("cut-offs must satisfy 0 < A < B < 100")]
    CutOffs,
    #[error("customers[{index}]: points to a key account that does not exist")]
    DanglingAccount { index: usize },
    #[error("top_n must be between 1 and {MAX_TOP_N}")]
    TopN,
    #[error("goals: key accounts 1 to {MAX_TOP_N}, revenue share 0 to 100")]
    Goals,
    #[error("split: must lie on the rating scale")]
    Split,
}

/// What is wrong with one criterion of the scoring model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriterionProblem {
    TooMany,
    /// The stable key must have 1 to 40 characters.
    BadId,
    DuplicateId,
    /// The weight must be between 0 and 100.
    Weight,
    TextTooLong,
}

/// The largest "top N" and number of key accounts a goal may name.
pub const MAX_TOP_N: u32 = 1_000;

impl TargetProblem {
    /// The technical place below `targets`, e.g. `customers[3].revenue`.
    pub fn path(&self) -> String {
        match self {
            TargetProblem::Customer { index, field, .. } => format!("customers[{index}].{field}"),
            TargetProblem::TooManyCustomers { .. } => "customers".into(),
            TargetProblem::DuplicateCustomer { second, .. } => format!("customers[{second}]"),
            TargetProblem::Criterion { index, .. } => format!("criteria[{index}]"),
            TargetProblem::CutOffs => "cut_offs".into(),
            TargetProblem::DanglingAccount { index } => format!("customers[{index}].account_id"),
            TargetProblem::TopN => "top_n".into(),
            TargetProblem::Goals => "goals".into(),
            TargetProblem::Split => "split".into(),
        }
    }
}

impl TargetSelection {
    pub fn is_empty(&self) -> bool {
        self.customers.is_empty() && self.criteria.is_empty()
    }

    /// The portfolio split in effect.
    pub fn split(&self) -> PortfolioSplit {
        self.split.unwrap_or(PortfolioSplit {
            attractiveness: self.scale.midpoint(),
            position: self.scale.midpoint(),
        })
    }

    /// Checks every record; `account_exists` tells whether a linked key
    /// account is in the workspace.
    pub fn validate(&self, account_exists: impl Fn(Uuid) -> bool) -> Result<(), TargetProblem> {
        self.validate_settings()?;
        let mut seen = std::collections::HashMap::with_capacity(self.customers.len());
        for (index, customer) in self.customers.iter().enumerate() {
            if let Some(first) = seen.insert(customer.id, index) {
                return Err(TargetProblem::DuplicateCustomer {
                    first,
                    second: index,
                });
            }
            if let Some((field, problem)) = customer.problem() {
                return Err(TargetProblem::Customer {
                    index,
                    field,
                    problem,
                });
            }
            if customer.account_id.is_some_and(|id| !account_exists(id)) {
                return Err(TargetProblem::DanglingAccount { index });
            }
        }
        Ok(())
    }

    /// Checks the size of the list and every setting of the model, but not
    /// each customer: the quick check after an edit of the selection, whose
    /// customer fields are checked where they are entered (the whole check
    /// runs again before every save).
    pub fn validate_settings(&self) -> Result<(), TargetProblem> {
        if self.customers.len() > MAX_CUSTOMERS {
            return Err(TargetProblem::TooManyCustomers {
                count: self.customers.len(),
                max: MAX_CUSTOMERS,
            });
        }
        let c = self.cut_offs;
        if !(0.0 < c.a && c.a < c.b && c.b < 100.0) {
            return Err(TargetProblem::CutOffs);
        }
        if !(1..=MAX_TOP_N).contains(&self.top_n) {
            return Err(TargetProblem::TopN);
        }
        let goals = self.goals;
        if !((1..=MAX_TOP_N).contains(&goals.key_accounts)
            && goals.revenue_share.is_finite()
            && (0.0..=100.0).contains(&goals.revenue_share))
        {
            return Err(TargetProblem::Goals);
        }
        if let Some(split) = self.split {
            let on_scale =
                |v: f64| v.is_finite() && (self.scale.min()..=self.scale.max()).contains(&v);
            if !(on_scale(split.attractiveness) && on_scale(split.position)) {
                return Err(TargetProblem::Split);
            }
        }
        if self.criteria.len() > MAX_CRITERIA {
            return Err(TargetProblem::Criterion {
                index: MAX_CRITERIA,
                problem: CriterionProblem::TooMany,
            });
        }
        let mut criterion_ids = std::collections::HashSet::new();
        for (index, criterion) in self.criteria.iter().enumerate() {
            let problem = if criterion.id.is_empty() || criterion.id.len() > 40 {
                Some(CriterionProblem::BadId)
            } else if !criterion_ids.insert(criterion.id.as_str()) {
                Some(CriterionProblem::DuplicateId)
            } else if !(criterion.weight.is_finite() && (0.0..=100.0).contains(&criterion.weight)) {
                Some(CriterionProblem::Weight)
            } else if criterion.name.chars().count() > MAX_NAME_CHARS
                || criterion.description.chars().count() > MAX_SHORT_TEXT_CHARS
            {
                Some(CriterionProblem::TextTooLong)
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(TargetProblem::Criterion { index, problem });
            }
        }
        Ok(())
    }

    /// A criterion key not used yet (`c1`, `c2`, …).
    pub fn free_criterion_id(&self) -> String {
        (1..)
            .map(|n| format!("c{n}"))
            .find(|id| self.criteria.iter().all(|c| &c.id != id))
            .unwrap_or_default()
    }

    /// Removes a criterion and every grade given for it.
    pub fn remove_criterion(&mut self, id: &str) {
        self.criteria.retain(|c| c.id != id);
        for customer in &mut self.customers {
            customer.grades.remove(id);
        }
    }

    /// Switches the grading scale; every grade is moved linearly onto the
    /// new scale, and so is a custom portfolio split.
    pub fn change_scale(&mut self, scale: GradeScale) {
        let old = self.scale;
        if old == scale {
            return;
        }
        for customer in &mut self.customers {
            for grade in customer.grades.values_mut() {
                *grade = old.convert(*grade, scale);
            }
        }
        if let Some(split) = &mut self.split {
            split.attractiveness = old.convert(split.attractiveness, scale);
            split.position = old.convert(split.position, scale);
        }
        self.scale = scale;
    }

    /// Installs the suggested criteria (names in the given language) when
    /// the model has none.
    pub fn ensure_criteria(&mut self, german: bool) {
        if self.criteria.is_empty() {
            self.criteria = suggested_criteria(german);
        }
    }

    /// Removes the link of every customer to the given key account.
    pub fn unlink_account(&mut self, account: Uuid) {
        for customer in &mut self.customers {
            if customer.account_id == Some(account) {
                customer.account_id = None;
            }
        }
    }
}

/// The suggested starting model: four attractiveness and three position
/// criteria, weights summing to 100 %.
pub fn suggested_criteria(german: bool) -> Vec<Criterion> {
    use CriterionGroup::*;
    let rows: [(&str, &str, &str, &str, f64, CriterionGroup); 7] = [
        (
            "Umsatzpotenzial",
            "Wie viel mehr könnte der Kunde bei uns kaufen (Bedarf in unseren Kategorien, den wir noch nicht liefern)?",
            "Revenue potential",
            "How much more could this customer buy from us (demand in our categories that we do not supply yet)?",
            25.0,
            Attractiveness,
        ),
        (
            "Wachstum",
            "Wächst der Kunde in seinen Märkten?",
            "Growth",
            "Is the customer growing in its markets?",
            15.0,
            Attractiveness,
        ),
        (
            "Marge und Preisdurchsetzung",
            "Lassen sich bei ihm auskömmliche Preise erzielen?",
            "Margin and pricing power",
            "Can we earn healthy prices with this customer?",
            15.0,
            Attractiveness,
        ),
        (
            "Strategische Passung und Referenzwert",
            "Passt er zu unserer Strategie, hilft er uns als Referenz?",
            "Strategic fit and reference value",
            "Does the customer fit our strategy and serve as a reference?",
            10.0,
            Attractiveness,
        ),
        (
            "Lieferanteil",
            "Welchen Teil seines Bedarfs deckt er heute bei uns?",
            "Share of wallet",
            "What part of its needs does the customer buy from us today?",
            15.0,
            Position,
        ),
        (
            "Beziehungsqualität",
            "Wie gut und wie breit sind unsere Kontakte?",
            "Relationship quality",
            "How good and how broad are our contacts?",
            10.0,
            Position,
        ),
        (
            "Zufriedenheit",
            "Wie zufrieden ist der Kunde mit uns?",
            "Satisfaction",
            "How satisfied is the customer with us?",
            10.0,
            Position,
        ),
    ];
    rows.into_iter()
        .enumerate()
        .map(|(i, (de, de_text, en, en_text, weight, group))| Criterion {
            id: format!("c{}", i + 1),
            name: if german { de } else { en }.to_owned(),
            description: if german { de_text } else { en_text }.to_owned(),
            weight,
            group,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_weights_sum_to_100_and_feed_both_axes() {
        for german in [true, false] {
            let criteria = suggested_criteria(german);
            let sum: f64 = criteria.iter().map(|c| c.weight).sum();
            assert_eq!(sum, 100.0);
            assert!(criteria.iter().any(|c| c.group == CriterionGroup::Position));
            assert!(criteria
                .iter()
                .any(|c| c.group == CriterionGroup::Attractiveness));
        }
    }

    #[test]
    fn changing_the_scale_moves_grades_and_split() {
        let mut selection = TargetSelection::default();
        let mut customer = Customer::new(Uuid::from_u128(1), "Kunde");
        customer.grades.insert("c1".into(), 5.0);
        customer.grades.insert("c2".into(), 3.0);
        selection.customers.push(customer);
        selection.split = Some(PortfolioSplit {
            attractiveness: 4.0,
            position: 1.0,
        });
        selection.change_scale(GradeScale::ZeroToTen);
        assert_eq!(selection.customers[0].grades["c1"], 10.0);
        assert_eq!(selection.customers[0].grades["c2"], 5.0);
        assert_eq!(selection.split().attractiveness, 7.5);
        assert_eq!(selection.split().position, 0.0);
    }

    #[test]
    fn validation_names_the_customer_and_field() {
        let mut selection = TargetSelection::default();
        selection
            .customers
            .push(Customer::new(Uuid::from_u128(1), "Gut"));
        let mut bad = Customer::new(Uuid::from_u128(2), "Schlecht");
        bad.revenue = Some(-5.0);
        selection.customers.push(bad);
        assert_eq!(
            selection.validate(|_| true),
            Err(TargetProblem::Customer {
                index: 1,
                field: "revenue",
                problem: ValidationProblem::Negative
            })
        );
        selection.customers[1].revenue = Some(5.0);
        selection.customers[1].account_id = Some(Uuid::from_u128(9));
        assert_eq!(
            selection.validate(|_| false),
            Err(TargetProblem::DanglingAccount { index: 1 })
        );
        selection.customers[1].id = Uuid::from_u128(1);
        assert_eq!(
            selection.validate(|_| true),
            Err(TargetProblem::DuplicateCustomer {
                first: 0,
                second: 1
            })
        );
    }
}
