//! How the company anchors KAM (book chapter 5): the organisation form,
//! the reporting line, the key account manager's authority, the interfaces
//! to other functions, and the key account manager's role description
//! whose required competencies are the target profile of every competency
//! profile ([`super::competency`]).

use super::competency::{Area, DefaultArea, Profile};
use crate::domain::account::{
    check_text, ValidationProblem, MAX_LONG_TEXT_CHARS, MAX_SHORT_TEXT_CHARS,
};
use crate::domain::potentials::too_many;
use crate::domain::record::FieldProblem;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Most interfaces to other functions.
pub const MAX_INTERFACES: usize = 30;

/// The usual ways to anchor KAM in a company. Strengths and weaknesses of
/// each come from the translation catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgForm {
    /// Key account managers inside the sales line, next to the regions.
    SalesLine,
    /// A KAM unit of its own, reporting to sales management or higher.
    KamUnit,
    /// A matrix: the key account manager leads across the functions'
    /// lines without line authority over their people.
    Matrix,
    /// Cross-functional account teams, each led by the key account manager.
    AccountTeams,
    /// Top management looks after the few strategic accounts itself.
    TopManagement,
}

impl OrgForm {
    pub const ALL: [OrgForm; 5] = [
        OrgForm::SalesLine,
        OrgForm::KamUnit,
        OrgForm::Matrix,
        OrgForm::AccountTeams,
        OrgForm::TopManagement,
    ];

    /// The stable name (page markup and tests).
    pub fn key(self) -> &'static str {
        match self {
            OrgForm::SalesLine => "sales_line",
            OrgForm::KamUnit => "kam_unit",
            OrgForm::Matrix => "matrix",
            OrgForm::AccountTeams => "account_teams",
            OrgForm::TopManagement => "top_management",
        }
    }
}

/// What the key account manager may decide on a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// Proposes; someone else decides.
    Proposes,
    /// Decides within agreed limits.
    WithinLimits,
    /// Decides alone.
    Decides,
}

impl Authority {
    pub const ALL: [Authority; 3] = [
        Authority::Proposes,
        Authority::WithinLimits,
        Authority::Decides,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Authority::Proposes => "proposes",
            Authority::WithinLimits => "within_limits",
            Authority::Decides => "decides",
        }
    }

    pub fn from_key(key: &str) -> Option<Authority> {
        Authority::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// The subjects of the key account manager's authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Prices,
    Contracts,
    Resources,
}

impl Subject {
    pub const ALL: [Subject; 3] = [Subject::Prices, Subject::Contracts, Subject::Resources];
}

/// The key account manager's authority per subject; unknown when `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authorities {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<Authority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contracts: Option<Authority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Authority>,
}

impl Authorities {
    pub fn get(&self, subject: Subject) -> Option<Authority> {
        match subject {
            Subject::Prices => self.prices,
            Subject::Contracts => self.contracts,
            Subject::Resources => self.resources,
        }
    }

    pub fn set(&mut self, subject: Subject, value: Option<Authority>) {
        match subject {
            Subject::Prices => self.prices = value,
            Subject::Contracts => self.contracts = value,
            Subject::Resources => self.resources = value,
        }
    }
}

/// The functions a new list of interfaces starts with; their names come
/// from the translation catalogue when the list is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultInterface {
    Marketing,
    ProductManagement,
    Logistics,
    Service,
    Finance,
}

impl DefaultInterface {
    pub const ALL: [DefaultInterface; 5] = [
        DefaultInterface::Marketing,
        DefaultInterface::ProductManagement,
        DefaultInterface::Logistics,
        DefaultInterface::Service,
        DefaultInterface::Finance,
    ];
}

/// An interface of KAM to another function of the company.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Interface {
    pub id: Uuid,
    /// The function (e.g. "Logistik").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub function: String,
    /// The named contact there.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// How KAM and the function work together.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
}

/// How KAM is organised in the company.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<OrgForm>,
    /// To whom the key account managers report.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reporting_line: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub authority: Authorities,
    /// Limits and details of the authority (e.g. "Rabatte bis 5 %").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub authority_note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interfaces: Vec<Interface>,
}

fn is_default(authorities: &Authorities) -> bool {
    *authorities == Authorities::default()
}

impl Organisation {
    /// Adds the default interfaces, named by `name`, each with a new id.
    pub fn add_default_interfaces(
        &mut self,
        name: impl Fn(DefaultInterface) -> String,
        new_id: impl Fn() -> Uuid,
    ) {
        self.interfaces
            .extend(DefaultInterface::ALL.iter().map(|d| Interface {
                id: new_id(),
                function: name(*d),
                contact: String::new(),
                rule: String::new(),
            }));
    }

    /// Interfaces that have a function but no named contact or no rule:
    /// the gaps a sales director would ask about.
    pub fn incomplete_interfaces(&self) -> Vec<Uuid> {
        self.interfaces
            .iter()
            .filter(|i| i.contact.trim().is_empty() || i.rule.trim().is_empty())
            .map(|i| i.id)
            .collect()
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if let Err(p) = check_text(&self.reporting_line, MAX_SHORT_TEXT_CHARS, false) {
            problems.push(("reporting_line".into(), p));
        }
        if let Err(p) = check_text(&self.authority_note, MAX_LONG_TEXT_CHARS, true) {
            problems.push(("authority_note".into(), p));
        }
        if self.interfaces.len() > MAX_INTERFACES {
            problems.push(("interfaces".into(), too_many(MAX_INTERFACES)));
        }
        let mut ids = HashSet::new();
        for (index, interface) in self.interfaces.iter().enumerate() {
            if !ids.insert(interface.id) {
                problems.push((
                    format!("interfaces[{index}].id"),
                    ValidationProblem::Duplicate,
                ));
            }
            for (field, text, max, multi) in [
                ("function", &interface.function, MAX_SHORT_TEXT_CHARS, false),
                ("contact", &interface.contact, MAX_SHORT_TEXT_CHARS, false),
                ("rule", &interface.rule, MAX_LONG_TEXT_CHARS, true),
            ] {
                if let Err(p) = check_text(text, max, multi) {
                    problems.push((format!("interfaces[{index}].{field}"), p));
                }
            }
        }
        problems
    }
}

/// The key account manager's role description: the tasks, and the
/// required competencies with their targets (the target profile). The
/// authority is the organisation's ([`Organisation::authority`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Role {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tasks: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
}

impl Role {
    /// The default competency areas with their targets, named by `text`.
    pub fn default_areas(
        text: impl Fn(DefaultArea) -> (String, String),
        new_id: impl Fn() -> Uuid,
    ) -> Vec<Area> {
        Profile::with_default_areas(text, new_id).areas
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if let Err(p) = check_text(&self.tasks, MAX_LONG_TEXT_CHARS, true) {
            problems.push(("tasks".into(), p));
        }
        let areas = Profile {
            areas: self.areas.clone(),
            assessments: Vec::new(),
        };
        problems.extend(areas.problems());
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn default_interfaces_are_named_and_incomplete_until_contact_and_rule_are_given() {
        let next = Cell::new(0u128);
        let new_id = || {
            next.set(next.get() + 1);
            Uuid::from_u128(next.get())
        };
        let mut org = Organisation::default();
        org.add_default_interfaces(|d| format!("{d:?}"), new_id);
        assert_eq!(org.interfaces.len(), 5);
        assert_eq!(org.interfaces[1].function, "ProductManagement");
        assert_eq!(org.incomplete_interfaces().len(), 5);
        org.interfaces[0].contact = "Frau Berg".into();
        assert_eq!(org.incomplete_interfaces().len(), 5, "a rule is missing");
        org.interfaces[0].rule = "Kampagnen für Key Accounts stimmen wir vorab ab.".into();
        assert_eq!(org.incomplete_interfaces().len(), 4);
        assert!(org.problems().is_empty());
    }

    #[test]
    fn broken_interfaces_are_named_at_their_field() {
        let interface = Interface {
            id: Uuid::from_u128(1),
            function: "Logistik\u{7}".into(),
            ..Interface::default()
        };
        let org = Organisation {
            interfaces: vec![interface.clone(), interface],
            ..Organisation::default()
        };
        let fields: Vec<String> = org.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "interfaces[0].function",
                "interfaces[1].id",
                "interfaces[1].function"
            ]
        );
    }

    #[test]
    fn authority_per_subject_round_trips_and_is_left_out_when_unknown() {
        let mut org = Organisation::default();
        assert_eq!(serde_json::to_string(&org).unwrap(), "{}");
        org.authority
            .set(Subject::Prices, Some(Authority::WithinLimits));
        assert_eq!(
            org.authority.get(Subject::Prices),
            Some(Authority::WithinLimits)
        );
        assert_eq!(org.authority.get(Subject::Contracts), None);
        let json = serde_json::to_string(&org).unwrap();
        assert_eq!(json, r#"{"authority":{"prices":"within_limits"}}"#);
        let back: Organisation = serde_json::from_str(&json).unwrap();
        assert_eq!(back, org);
    }

    #[test]
    fn a_target_out_of_range_in_the_role_is_refused() {
        let role = Role {
            tasks: String::new(),
            areas: vec![Area {
                id: Uuid::from_u128(1),
                name: "Verhandeln".into(),
                development: String::new(),
                target: Some(6),
            }],
        };
        assert_eq!(role.problems()[0].0, "areas[0].target");
    }
}
