//! The Buying Center of a key account (book 4.1.4): the people who take
//! part in buying decisions, their roles, influence and attitude towards
//! us, our contacts to them, and the red flags that follow.
//!
//! Two role sets describe the same people: the classic roles (Webster &
//! Wind, Bonoma) and, as an alternative lens, the Miller Heiman roles. Both
//! are kept per person; the chosen lens decides which set the page shows
//! and which roles the red flags ask for.

use super::{ToolKind, ValidationProblem};
use crate::domain::account::{
    check_text, MAX_LONG_TEXT_CHARS, MAX_NAME_CHARS, MAX_SHORT_TEXT_CHARS,
};
use crate::domain::record::{FieldProblem, ToolFamily};
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Most persons one Buying Center holds.
pub const MAX_PERSONS: usize = 300;
/// Influence from this rating on counts as high (scale 1–5): such a person
/// with a negative or unknown attitude is a red flag, and the map puts them
/// in its upper half.
pub const HIGH_INFLUENCE: u8 = 4;
/// Days after the last contact from which it counts as old, unless the
/// user chooses otherwise.
pub const DEFAULT_CONTACT_DAYS: u16 = 90;
/// The range the user may choose the threshold from.
pub const CONTACT_DAYS_RANGE: (u16, u16) = (7, 730);

/// A classic buying role (Webster & Wind, Bonoma).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    User,
    Influencer,
    Buyer,
    Decider,
    Gatekeeper,
    Initiator,
    Approver,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::User,
        Role::Influencer,
        Role::Buyer,
        Role::Decider,
        Role::Gatekeeper,
        Role::Initiator,
        Role::Approver,
    ];

    /// Whether a Buying Center without anyone in this role is flagged. The
    /// approver is optional: many decisions need none.
    pub fn expected(self) -> bool {
        self != Role::Approver
    }
}

/// A role of the Miller Heiman lens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MhRole {
    EconomicBuyer,
    UserBuyer,
    TechnicalBuyer,
    Coach,
}

impl MhRole {
    pub const ALL: [MhRole; 4] = [
        MhRole::EconomicBuyer,
        MhRole::UserBuyer,
        MhRole::TechnicalBuyer,
        MhRole::Coach,
    ];
}

/// Which role set the page shows and the red flags ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lens {
    #[default]
    Classic,
    MillerHeiman,
}

/// A role of either lens, for messages and red flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnyRole {
    Classic(Role),
    MillerHeiman(MhRole),
}

/// One person of the account's Buying Center.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: Uuid,
    pub name: String,
    /// Function or title at the account.
    #[serde(default)]
    pub function: String,
    /// The person's superior in the org chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mh_roles: Vec<MhRole>,
    /// Influence on the decision, 1 (low) to 5 (very high); `None`: not rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<u8>,
    /// Attitude towards us, −2 (strong opponent) to +2 (strong supporter);
    /// `None`: unknown, which is a value of its own, not neutral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attitude: Option<i8>,
    /// Strength of our best relationship to the person, 1 (none to speak
    /// of) to 5 (close, trusting); `None`: not rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<u8>,
    /// Who on our side holds the contact; empty: nobody.
    #[serde(default)]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_contact: Option<Day>,
    /// What the person wins personally, and what they need from us.
    #[serde(default)]
    pub win: String,
}

impl Person {
    /// A person with only a name.
    pub fn named(id: Uuid, name: &str) -> Person {
        Person {
            id,
            name: name.to_owned(),
            function: String::new(),
            reports_to: None,
            roles: Vec::new(),
            mh_roles: Vec::new(),
            influence: None,
            attitude: None,
            relationship: None,
            owner: String::new(),
            last_contact: None,
            win: String::new(),
        }
    }

    pub fn has(&self, role: AnyRole) -> bool {
        match role {
            AnyRole::Classic(r) => self.roles.contains(&r),
            AnyRole::MillerHeiman(r) => self.mh_roles.contains(&r),
        }
    }

    /// Whether someone on our side holds the contact.
    pub fn has_contact(&self) -> bool {
        !self.owner.trim().is_empty()
    }

    fn high_influence(&self) -> bool {
        self.influence.is_some_and(|i| i >= HIGH_INFLUENCE)
    }

    fn supporter(&self) -> bool {
        self.attitude.is_some_and(|a| a > 0)
    }
}

/// The Buying Center of one key account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuyingCenter {
    #[serde(default)]
    pub persons: Vec<Person>,
    /// A last contact older than this many days is a red flag.
    #[serde(default = "default_contact_days")]
    pub contact_days: u16,
    #[serde(default)]
    pub lens: Lens,
}

fn default_contact_days() -> u16 {
    DEFAULT_CONTACT_DAYS
}

impl Default for BuyingCenter {
    fn default() -> Self {
        BuyingCenter {
            persons: Vec::new(),
            contact_days: DEFAULT_CONTACT_DAYS,
            lens: Lens::Classic,
        }
    }
}

/// The Buying Center as a tool of the account analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BuyingCenterTool;

impl ToolKind for BuyingCenterTool {
    const FAMILY: ToolFamily = ToolFamily::BuyingCenter;
    type Data = BuyingCenter;
    fn problems(data: &BuyingCenter) -> Vec<FieldProblem> {
        data.problems()
    }
}

fn range_problem(value: i64, min: i64, max: i64) -> Option<ValidationProblem> {
    (!(min..=max).contains(&value)).then_some(ValidationProblem::OutOfRange { min, max })
}

impl BuyingCenter {
    /// Every field-level problem, in order, with its path inside the tool.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        let (min_days, max_days) = CONTACT_DAYS_RANGE;
        if let Some(p) = range_problem(self.contact_days.into(), min_days.into(), max_days.into()) {
            problems.push(("contact_days".into(), p));
        }
        if self.persons.len() > MAX_PERSONS {
            problems.push((
                "persons".into(),
                ValidationProblem::OutOfRange {
                    min: 0,
                    max: MAX_PERSONS as i64,
                },
            ));
        }
        let ids: HashSet<Uuid> = self.persons.iter().map(|p| p.id).collect();
        let mut seen = HashSet::new();
        for (index, person) in self.persons.iter().enumerate() {
            let mut push = |field: &str, problem: ValidationProblem| {
                problems.push((format!("persons[{index}].{field}"), problem));
            };
            if !seen.insert(person.id) {
                push("id", ValidationProblem::Duplicate);
            }
            if person.name.trim().is_empty() {
                push("name", ValidationProblem::Empty);
            }
            let texts = [
                ("name", &person.name, MAX_NAME_CHARS, false),
                ("function", &person.function, MAX_SHORT_TEXT_CHARS, false),
                ("owner", &person.owner, MAX_SHORT_TEXT_CHARS, false),
                ("win", &person.win, MAX_LONG_TEXT_CHARS, true),
            ];
            for (field, text, max, multi_line) in texts {
                if let Err(problem) = check_text(text, max, multi_line) {
                    push(field, problem);
                }
            }
            let ratings = [
                ("influence", person.influence.map(i64::from), 1, 5),
                ("attitude", person.attitude.map(i64::from), -2, 2),
                ("relationship", person.relationship.map(i64::from), 1, 5),
            ];
            for (field, value, min, max) in ratings {
                if let Some(problem) = value.and_then(|v| range_problem(v, min, max)) {
                    push(field, problem);
                }
            }
            match person.reports_to {
                Some(boss) if boss == person.id => {
                    push("reports_to", ValidationProblem::SelfReference)
                }
                Some(boss) if !ids.contains(&boss) => {
                    push("reports_to", ValidationProblem::DanglingReference)
                }
                _ => {}
            }
            if has_duplicates(&person.roles) {
                push("roles", ValidationProblem::Duplicate);
            }
            if has_duplicates(&person.mh_roles) {
                push("mh_roles", ValidationProblem::Duplicate);
            }
        }
        if let Some(cycle) = self.cycles().first() {
            let index = self.index_of(cycle[0]).unwrap_or_default();
            problems.push((
                format!("persons[{index}].reports_to"),
                ValidationProblem::Cycle,
            ));
        }
        problems
    }

    pub fn person(&self, id: Uuid) -> Option<&Person> {
        self.persons.iter().find(|p| p.id == id)
    }

    pub fn index_of(&self, id: Uuid) -> Option<usize> {
        self.persons.iter().position(|p| p.id == id)
    }

    /// The persons of a reports-to circle that would close if `person`
    /// reported to `boss`, in chain order starting with `person`; `None`
    /// when the chart stays a tree.
    pub fn cycle_if(&self, person: Uuid, boss: Uuid) -> Option<Vec<Uuid>> {
        let superior: HashMap<Uuid, Uuid> = self
            .persons
            .iter()
            .filter_map(|p| p.reports_to.map(|b| (p.id, b)))
            .collect();
        let mut chain = vec![person];
        let mut current = boss;
        while chain.len() <= self.persons.len() {
            if current == person {
                return Some(chain);
            }
            chain.push(current);
            current = *superior.get(&current)?;
        }
        None
    }

    /// Every reports-to circle in the chart (each listed once, starting
    /// with its earliest person in the list).
    pub fn cycles(&self) -> Vec<Vec<Uuid>> {
        let mut found: Vec<Vec<Uuid>> = Vec::new();
        let mut in_cycle = HashSet::new();
        for person in &self.persons {
            if in_cycle.contains(&person.id) {
                continue;
            }
            if let Some(boss) = person.reports_to {
                if let Some(cycle) = self.cycle_if(person.id, boss) {
                    in_cycle.extend(cycle.iter().copied());
                    found.push(cycle);
                }
            }
        }
        found
    }

    /// The roles the active lens expects; each without a person is a red flag.
    pub fn expected_roles(&self) -> Vec<AnyRole> {
        match self.lens {
            Lens::Classic => Role::ALL
                .into_iter()
                .filter(|r| r.expected())
                .map(AnyRole::Classic)
                .collect(),
            Lens::MillerHeiman => MhRole::ALL.into_iter().map(AnyRole::MillerHeiman).collect(),
        }
    }

    /// The role that decides in the active lens.
    pub fn deciding_role(&self) -> AnyRole {
        match self.lens {
            Lens::Classic => AnyRole::Classic(Role::Decider),
            Lens::MillerHeiman => AnyRole::MillerHeiman(MhRole::EconomicBuyer),
        }
    }

    /// The red flags, in a fixed order: first what concerns the decision,
    /// then single persons in list order, then the structure.
    pub fn red_flags(&self, today: Day) -> Vec<RedFlag> {
        let mut flags = Vec::new();
        if self.persons.is_empty() {
            return flags;
        }
        let decider = self.deciding_role();
        let deciders: Vec<&Person> = self.persons.iter().filter(|p| p.has(decider)).collect();
        if !deciders.is_empty() && deciders.iter().all(|p| !p.has_contact()) {
            flags.push(RedFlag::NoContactToDecider {
                persons: deciders.iter().map(|p| p.id).collect(),
            });
        }
        if self.lens == Lens::MillerHeiman && deciders.len() > 1 {
            flags.push(RedFlag::SeveralEconomicBuyers {
                persons: deciders.iter().map(|p| p.id).collect(),
            });
        }
        for person in &self.persons {
            if person.has(decider) || person.high_influence() {
                match person.attitude {
                    Some(a) if a < 0 => flags.push(RedFlag::KeyPersonOpposed {
                        person: person.id,
                        attitude: a,
                    }),
                    None => flags.push(RedFlag::KeyPersonUnknown { person: person.id }),
                    _ => {}
                }
            }
        }
        for person in &self.persons {
            if let Some(last) = person.last_contact {
                let days = last.days_until(today);
                if days > i64::from(self.contact_days) {
                    flags.push(RedFlag::ContactOutdated {
                        person: person.id,
                        days,
                    });
                }
            }
        }
        let coach = AnyRole::MillerHeiman(MhRole::Coach);
        if !self.persons.iter().any(|p| p.supporter() || p.has(coach)) {
            flags.push(RedFlag::NoSupporter);
        }
        let contacts: Vec<&Person> = self.persons.iter().filter(|p| p.has_contact()).collect();
        if self.persons.len() >= 2 && contacts.len() == 1 {
            flags.push(RedFlag::SingleThreaded {
                person: contacts[0].id,
            });
        }
        for role in self.expected_roles() {
            if !self.persons.iter().any(|p| p.has(role)) {
                flags.push(RedFlag::RoleUnassigned(role));
            }
        }
        flags
    }

    /// Where a person stands on the influence × attitude map; `None` when
    /// the influence is not rated.
    pub fn quadrant(person: &Person) -> Option<MapQuadrant> {
        let high = person.influence? >= HIGH_INFLUENCE;
        Some(match (high, person.supporter()) {
            (true, true) => MapQuadrant::ManageClosely,
            (true, false) => MapQuadrant::WinOver,
            (false, true) => MapQuadrant::KeepInformed,
            (false, false) => MapQuadrant::Monitor,
        })
    }
}

fn has_duplicates<T: Eq + std::hash::Hash + Copy>(items: &[T]) -> bool {
    let mut seen = HashSet::new();
    items.iter().any(|i| !seen.insert(*i))
}

/// A warning the app computes from the Buying Center. Each names the
/// persons or the role where it is fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedFlag {
    /// Someone decides, but none of the deciders has a contact on our side.
    NoContactToDecider { persons: Vec<Uuid> },
    /// Miller Heiman: more than one economic buyer for the decision.
    SeveralEconomicBuyers { persons: Vec<Uuid> },
    /// A decider or a person of high influence who is against us.
    KeyPersonOpposed { person: Uuid, attitude: i8 },
    /// A decider or a person of high influence whose attitude is unknown.
    KeyPersonUnknown { person: Uuid },
    /// The last contact is older than the chosen number of days.
    ContactOutdated { person: Uuid, days: i64 },
    /// Nobody supports us (attitude above 0) and there is no coach.
    NoSupporter,
    /// All our contacts run through one person of the account.
    SingleThreaded { person: Uuid },
    /// A role the lens expects that nobody holds.
    RoleUnassigned(AnyRole),
}

impl RedFlag {
    /// The person whose row fixes the flag, if one does.
    pub fn person(&self) -> Option<Uuid> {
        match self {
            RedFlag::NoContactToDecider { persons }
            | RedFlag::SeveralEconomicBuyers { persons } => persons.first().copied(),
            RedFlag::KeyPersonOpposed { person, .. }
            | RedFlag::KeyPersonUnknown { person }
            | RedFlag::ContactOutdated { person, .. }
            | RedFlag::SingleThreaded { person } => Some(*person),
            RedFlag::NoSupporter | RedFlag::RoleUnassigned(_) => None,
        }
    }
}

/// The four fields of the influence × attitude map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MapQuadrant {
    /// High influence, supports us: involve closely.
    ManageClosely,
    /// High influence, neutral, against us or unknown: win over.
    WinOver,
    /// Lower influence, supports us: keep informed.
    KeepInformed,
    /// Lower influence, not (yet) a supporter: keep an eye on.
    Monitor,
}

/// The org chart as levels: each person with the depth below the top
/// (0 for persons who report to nobody in the list) and the order in which
/// a tree drawing lists them (each superior followed by their team).
/// Persons caught in a reports-to circle are placed at the top.
pub fn org_order(center: &BuyingCenter) -> Vec<(Uuid, usize)> {
    let ids: HashSet<Uuid> = center.persons.iter().map(|p| p.id).collect();
    let in_cycle: HashSet<Uuid> = center.cycles().into_iter().flatten().collect();
    let mut team: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    let mut tops = Vec::new();
    for person in &center.persons {
        match person.reports_to {
            Some(boss)
                if ids.contains(&boss) && boss != person.id && !in_cycle.contains(&person.id) =>
            {
                team.entry(boss).or_default().push(person.id)
            }
            _ => tops.push(person.id),
        }
    }
    let mut order = Vec::with_capacity(center.persons.len());
    let mut stack: Vec<(Uuid, usize)> = tops.into_iter().rev().map(|id| (id, 0)).collect();
    while let Some((id, depth)) = stack.pop() {
        order.push((id, depth));
        if let Some(members) = team.get(&id) {
            stack.extend(members.iter().rev().map(|m| (*m, depth + 1)));
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn person(n: u128, name: &str) -> Person {
        Person::named(Uuid::from_u128(n), name)
    }

    /// A Buying Center with every expected classic role, a decider with a
    /// contact who supports us, and two contacts: no flag.
    fn healthy() -> BuyingCenter {
        let mut decider = person(1, "Dr. Anna Berg");
        decider.roles = vec![Role::Decider, Role::Initiator];
        decider.influence = Some(5);
        decider.attitude = Some(1);
        decider.owner = "Jens Vogt".into();
        decider.last_contact = Some(day("2026-10-01"));
        let mut buyer = person(2, "Tom Kurz");
        buyer.roles = vec![Role::Buyer, Role::Gatekeeper, Role::User, Role::Influencer];
        buyer.influence = Some(3);
        buyer.attitude = Some(0);
        buyer.owner = "Jens Vogt".into();
        buyer.reports_to = Some(decider.id);
        BuyingCenter {
            persons: vec![decider, buyer],
            ..BuyingCenter::default()
        }
    }

    const TODAY: &str = "2026-11-28";

    #[test]
    fn a_healthy_buying_center_has_no_red_flag() {
        assert_eq!(healthy().red_flags(day(TODAY)), vec![]);
        assert_eq!(healthy().problems(), vec![]);
        assert_eq!(BuyingCenter::default().red_flags(day(TODAY)), vec![]);
    }

    #[test]
    fn no_contact_to_the_decider_is_flagged_and_cleared_by_naming_an_owner() {
        let mut center = healthy();
        center.persons[0].owner = "  ".into();
        let flags = center.red_flags(day(TODAY));
        assert!(flags.contains(&RedFlag::NoContactToDecider {
            persons: vec![Uuid::from_u128(1)]
        }));
        // The buyer is now our only contact: single-threaded as well.
        assert!(flags.contains(&RedFlag::SingleThreaded {
            person: Uuid::from_u128(2)
        }));
        center.persons[0].owner = "Eva Lang".into();
        assert_eq!(center.red_flags(day(TODAY)), vec![]);
    }

    #[test]
    fn a_key_person_against_us_or_unknown_is_flagged() {
        let mut center = healthy();
        center.persons[1].influence = Some(HIGH_INFLUENCE);
        center.persons[1].attitude = Some(-1);
        assert!(center
            .red_flags(day(TODAY))
            .contains(&RedFlag::KeyPersonOpposed {
                person: Uuid::from_u128(2),
                attitude: -1
            }));
        center.persons[1].attitude = None;
        assert!(center
            .red_flags(day(TODAY))
            .contains(&RedFlag::KeyPersonUnknown {
                person: Uuid::from_u128(2)
            }));
        // Just below high influence, the same attitude is no flag.
        center.persons[1].influence = Some(HIGH_INFLUENCE - 1);
        assert_eq!(center.red_flags(day(TODAY)), vec![]);
        // A decider is a key person whatever the influence.
        center.persons[0].influence = None;
        center.persons[0].attitude = Some(-2);
        assert!(center
            .red_flags(day(TODAY))
            .contains(&RedFlag::KeyPersonOpposed {
                person: Uuid::from_u128(1),
                attitude: -2
            }));
    }

    #[test]
    fn a_contact_is_outdated_one_day_after_the_threshold() {
        let mut center = healthy();
        center.contact_days = 30;
        // Last contact 2026-10-01; 30 days later is 2026-10-31.
        assert_eq!(center.red_flags(day("2026-10-31")), vec![]);
        assert_eq!(
            center.red_flags(day("2026-11-01")),
            vec![RedFlag::ContactOutdated {
                person: Uuid::from_u128(1),
                days: 31
            }]
        );
    }

    #[test]
    fn without_supporter_or_coach_and_with_empty_roles_flags_appear() {
        let mut center = healthy();
        center.persons[0].attitude = Some(0);
        center.persons[1].roles.retain(|r| *r != Role::Gatekeeper);
        let flags = center.red_flags(day(TODAY));
        assert!(flags.contains(&RedFlag::NoSupporter));
        assert!(flags.contains(&RedFlag::RoleUnassigned(AnyRole::Classic(Role::Gatekeeper))));
        // A coach is support enough.
        center.persons[1].mh_roles = vec![MhRole::Coach];
        assert!(!center.red_flags(day(TODAY)).contains(&RedFlag::NoSupporter));
        // The approver is optional.
        assert!(!center
            .red_flags(day(TODAY))
            .contains(&RedFlag::RoleUnassigned(AnyRole::Classic(Role::Approver))));
    }

    #[test]
    fn the_miller_heiman_lens_asks_for_its_own_roles_and_one_economic_buyer() {
        let mut center = healthy();
        center.lens = Lens::MillerHeiman;
        let flags = center.red_flags(day(TODAY));
        for role in MhRole::ALL {
            assert!(flags.contains(&RedFlag::RoleUnassigned(AnyRole::MillerHeiman(role))));
        }
        center.persons[0].mh_roles = vec![MhRole::EconomicBuyer, MhRole::UserBuyer];
        center.persons[1].mh_roles =
            vec![MhRole::EconomicBuyer, MhRole::TechnicalBuyer, MhRole::Coach];
        assert_eq!(
            center.red_flags(day(TODAY)),
            vec![RedFlag::SeveralEconomicBuyers {
                persons: vec![Uuid::from_u128(1), Uuid::from_u128(2)]
            }]
        );
    }

    #[test]
    fn a_reports_to_circle_is_found_with_its_persons() {
        let mut center = healthy();
        let mut third = person(3, "Lea Roth");
        third.reports_to = Some(Uuid::from_u128(2));
        center.persons.push(third);
        // Anna → Lea would close Anna ← Tom ← Lea.
        assert_eq!(
            center.cycle_if(Uuid::from_u128(1), Uuid::from_u128(3)),
            Some(vec![
                Uuid::from_u128(1),
                Uuid::from_u128(3),
                Uuid::from_u128(2)
            ])
        );
        assert_eq!(
            center.cycle_if(Uuid::from_u128(3), Uuid::from_u128(1)),
            None
        );
        center.persons[0].reports_to = Some(Uuid::from_u128(3));
        assert_eq!(center.cycles().len(), 1);
        assert_eq!(
            center.problems(),
            vec![("persons[0].reports_to".into(), ValidationProblem::Cycle)]
        );
        // The chart still lists everyone once.
        assert_eq!(org_order(&center).len(), 3);
    }

    #[test]
    fn every_rating_is_checked_against_its_scale() {
        let mut center = healthy();
        center.persons[0].influence = Some(0);
        center.persons[0].attitude = Some(3);
        center.persons[1].relationship = Some(6);
        center.persons[1].name = " ".into();
        center.contact_days = 3;
        assert_eq!(
            center.problems(),
            vec![
                (
                    "contact_days".into(),
                    ValidationProblem::OutOfRange { min: 7, max: 730 }
                ),
                (
                    "persons[0].influence".into(),
                    ValidationProblem::OutOfRange { min: 1, max: 5 }
                ),
                (
                    "persons[0].attitude".into(),
                    ValidationProblem::OutOfRange { min: -2, max: 2 }
                ),
                ("persons[1].name".into(), ValidationProblem::Empty),
                (
                    "persons[1].relationship".into(),
                    ValidationProblem::OutOfRange { min: 1, max: 5 }
                ),
            ]
        );
    }

    #[test]
    fn the_map_splits_at_high_influence_and_positive_attitude() {
        let mut p = person(1, "X");
        assert_eq!(BuyingCenter::quadrant(&p), None);
        p.influence = Some(HIGH_INFLUENCE);
        assert_eq!(BuyingCenter::quadrant(&p), Some(MapQuadrant::WinOver));
        p.attitude = Some(1);
        assert_eq!(BuyingCenter::quadrant(&p), Some(MapQuadrant::ManageClosely));
        p.influence = Some(HIGH_INFLUENCE - 1);
        assert_eq!(BuyingCenter::quadrant(&p), Some(MapQuadrant::KeepInformed));
        p.attitude = Some(0);
        assert_eq!(BuyingCenter::quadrant(&p), Some(MapQuadrant::Monitor));
    }

    #[test]
    fn the_org_chart_lists_each_superior_before_their_team() {
        let mut center = healthy();
        let mut third = person(3, "Lea Roth");
        third.reports_to = Some(Uuid::from_u128(1));
        center.persons.insert(0, third);
        let order = org_order(&center);
        assert_eq!(
            order,
            vec![
                (Uuid::from_u128(1), 0),
                (Uuid::from_u128(3), 1),
                (Uuid::from_u128(2), 1)
            ]
        );
    }
}
