//! Block "Menschen im KAM" (book chapter 5): who works on a key account
//! and what a key account manager needs to be able to do.
//!
//! - [`organisation`]: how KAM is anchored in the company, and the key
//!   account manager's role description with the target profile;
//! - [`team`]: the key account team with its RACI matrix and each
//!   person's load across all teams;
//! - [`competency`]: the competency profile of a key account manager
//!   (own view, superior's view, target profile, gaps, development).
//!
//! The company's side ([`People`]: the organisation, the role and the
//! colleagues with their assessments) is one section of the workspace,
//! merged as one record like the foundations notes. The team of each key
//! account is a tool family of its own ([`team::TeamTool`]), keyed by the
//! account's id.

pub mod competency;
pub mod organisation;
pub mod team;

use crate::domain::account::ValidationProblem;
use crate::domain::potentials::too_many;
use crate::domain::record::FieldProblem;
use crate::domain::time::Timestamp;
use competency::{Profile, MAX_DEVELOPMENT};
use organisation::{Organisation, Role};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use team::Colleague;
use uuid::Uuid;

/// Most colleagues in the company's list.
pub const MAX_COLLEAGUES: usize = 500;

/// The company's side of "Menschen im KAM".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct People {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "is_default_organisation")]
    pub organisation: Organisation,
    #[serde(default, skip_serializing_if = "is_default_role")]
    pub role: Role,
    /// The people who can sit on key account teams, with their competency
    /// assessments and development actions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub colleagues: Vec<Colleague>,
}

fn is_default_organisation(o: &Organisation) -> bool {
    *o == Organisation::default()
}

fn is_default_role(r: &Role) -> bool {
    *r == Role::default()
}

impl People {
    pub fn colleague(&self, id: Uuid) -> Option<&Colleague> {
        self.colleagues.iter().find(|c| c.id == id)
    }

    pub fn colleague_mut(&mut self, id: Uuid) -> Option<&mut Colleague> {
        self.colleagues.iter_mut().find(|c| c.id == id)
    }

    /// The competency profile of a colleague: the role's areas and targets
    /// with the colleague's assessments.
    pub fn profile(&self, colleague: &Colleague) -> Profile {
        Profile {
            areas: self.role.areas.clone(),
            assessments: colleague.assessments.clone(),
        }
    }

    /// Removes a competency area from the role, and its ratings and the
    /// link of development actions to it from every colleague, so that no
    /// rating points to an area that is gone.
    pub fn remove_area(&mut self, area: Uuid) {
        self.role.areas.retain(|a| a.id != area);
        for colleague in &mut self.colleagues {
            for assessment in &mut colleague.assessments {
                assessment.ratings.retain(|r| r.area != area);
            }
            for action in &mut colleague.development {
                if action.area == Some(area) {
                    action.area = None;
                }
            }
        }
    }

    /// Every field-level problem, with its place in the section.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let prefixed = |prefix: String, problems: Vec<FieldProblem>| {
            problems
                .into_iter()
                .map(move |(field, p)| (format!("{prefix}.{field}"), p))
        };
        let mut problems: Vec<FieldProblem> = Vec::new();
        problems.extend(prefixed(
            "organisation".into(),
            self.organisation.problems(),
        ));
        problems.extend(prefixed("role".into(), self.role.problems()));
        if self.colleagues.len() > MAX_COLLEAGUES {
            problems.push(("colleagues".into(), too_many(MAX_COLLEAGUES)));
        }
        let areas: HashSet<Uuid> = self.role.areas.iter().map(|a| a.id).collect();
        let mut ids = HashSet::new();
        for (index, colleague) in self.colleagues.iter().enumerate() {
            let place = format!("colleagues[{index}]");
            if !ids.insert(colleague.id) {
                problems.push((format!("{place}.id"), ValidationProblem::Duplicate));
            }
            problems.extend(prefixed(place.clone(), colleague.problems()));
            // The assessments' own checks (areas of the role only).
            let assessments = self
                .profile(colleague)
                .problems()
                .into_iter()
                .filter(|(field, _)| field.starts_with("assessments"));
            problems.extend(prefixed(place.clone(), assessments.collect()));
            if colleague.development.len() > MAX_DEVELOPMENT {
                problems.push((format!("{place}.development"), too_many(MAX_DEVELOPMENT)));
            }
            let mut actions = HashSet::new();
            for (n, action) in colleague.development.iter().enumerate() {
                let at = format!("{place}.development[{n}]");
                if !actions.insert(action.id) {
                    problems.push((format!("{at}.id"), ValidationProblem::Duplicate));
                }
                if action.area.is_some_and(|a| !areas.contains(&a)) {
                    problems.push((format!("{at}.area"), ValidationProblem::DanglingReference));
                }
                problems.extend(prefixed(at, action.problems()));
            }
        }
        problems
    }

    pub fn is_empty(&self) -> bool {
        *self == People::default()
    }
}

#[cfg(test)]
mod tests {
    use super::competency::{Assessment, Development, Rating};
    use super::*;
    use crate::domain::time::Day;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn people() -> People {
        let next = std::cell::Cell::new(0u128);
        let areas = Role::default_areas(
            |a| (format!("{a:?}"), String::new()),
            || {
                next.set(next.get() + 1);
                id(next.get())
            },
        );
        People {
            role: Role {
                tasks: String::new(),
                areas,
            },
            colleagues: vec![Colleague {
                id: id(100),
                name: "Jana Roth".into(),
                assessments: vec![Assessment {
                    id: id(200),
                    date: Day::parse("2026-03-01").unwrap(),
                    ratings: vec![Rating {
                        area: id(1),
                        own: Some(4),
                        superior: Some(3),
                    }],
                }],
                development: vec![Development {
                    id: id(300),
                    area: Some(id(1)),
                    text: "Branchentag besuchen".into(),
                    due: None,
                    done: false,
                }],
                ..Colleague::default()
            }],
            ..People::default()
        }
    }

    #[test]
    fn removing_an_area_takes_its_ratings_and_links_along_so_the_section_stays_valid() {
        let mut people = people();
        assert!(people.problems().is_empty());
        people.role.areas.retain(|a| a.id != id(1));
        let fields: Vec<String> = people.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "colleagues[0].assessments[0].ratings[0].area",
                "colleagues[0].development[0].area"
            ],
            "an area removed alone leaves dangling ratings"
        );
        let mut people = self::people();
        people.remove_area(id(1));
        assert!(people.problems().is_empty());
        assert!(people.colleagues[0].assessments[0].ratings.is_empty());
        assert_eq!(people.colleagues[0].development[0].area, None);
    }

    #[test]
    fn broken_colleagues_are_named_at_their_field() {
        let mut people = people();
        let mut second = people.colleagues[0].clone();
        second.name = " ".into();
        second.availability = Some(40.0);
        second.assessments[0].ratings[0].own = Some(0);
        second.development[0].text.clear();
        people.colleagues.push(second);
        let fields: Vec<String> = people.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "colleagues[1].id",
                "colleagues[1].name",
                "colleagues[1].availability",
                "colleagues[1].assessments[0].ratings[0].own",
                "colleagues[1].development[0].text"
            ]
        );
    }

    #[test]
    fn an_empty_section_writes_nothing_and_reads_back() {
        assert_eq!(serde_json::to_string(&People::default()).unwrap(), "{}");
        let people = people();
        let back: People = serde_json::from_str(&serde_json::to_string(&people).unwrap()).unwrap();
        assert_eq!(back, people);
        assert!(!people.is_empty());
    }

    #[test]
    fn the_profile_of_a_colleague_measures_against_the_role() {
        let people = people();
        let profile = people.profile(&people.colleagues[0]);
        // Area 1 (CustomerBusiness) targets 5; the superior says 3.
        let gaps = profile.top_gaps();
        assert_eq!(gaps.len(), 1);
        assert_eq!((gaps[0].area, gaps[0].size), (id(1), 2));
    }
}
