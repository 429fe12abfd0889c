//! The annual review talks (Jahresgespräch) of a key account, one per year
//! under review, as a tool family ([`Talks`], [`ReviewTool`]): date,
//! participants, the agenda with the minutes of each point, and the
//! planned revenue. The actions agreed in a talk are the account plan's
//! actions that name it ([`agreed`]).
//!
//! And the talk's preparation: one sheet drawn from the account's data at
//! the moment it is shown or printed, never copied by hand. It reads what
//! the analysis already holds ([`Findings`]) and the account's
//! satisfaction surveys up to today:
//! - revenue and margin of the year under review against the plan for it,
//!   and the year before;
//! - share of wallet and potential;
//! - the NPS of the latest survey against the previous one, and the items
//!   the account rates important but is not satisfied with;
//! - the open actions of the account plan and those overdue;
//! - the competitors ahead of us, by importance-weighted gap;
//! - every red flag of the analysis.

use super::satisfaction::{previous, Nps, Survey};
use crate::domain::account::{
    check_name, check_text, Amount, ValidationProblem, MAX_LONG_TEXT_CHARS, MAX_SHORT_TEXT_CHARS,
};
use crate::domain::potentials::business::{Wallet, Year, FIRST_YEAR, LAST_YEAR};
use crate::domain::potentials::findings::{Finding, Findings};
use crate::domain::potentials::plan::{AccountPlan, Action};
use crate::domain::potentials::requirements::{Gap, Quadrant};
use crate::domain::potentials::{too_many, ToolKind, ToolRecord};
use crate::domain::record::{FieldProblem, ToolFamily};
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// The revenue planned for one year (from the talk's own record).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Planned {
    pub year: i32,
    pub revenue: f64,
}

/// The year under review against its plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AgainstPlan {
    pub planned: f64,
    pub actual: f64,
    /// actual − planned, in euros.
    pub deviation: f64,
    /// deviation / planned; `None` for a plan of 0.
    pub share: Option<f64>,
}

/// The preparation sheet's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Preparation {
    /// The year under review and the year before, where entered.
    pub year: Option<Year>,
    pub year_before: Option<Year>,
    pub against_plan: Option<AgainstPlan>,
    pub wallet: Option<Wallet>,
    pub nps: Option<Nps>,
    pub nps_before: Option<Nps>,
    /// Items of the latest survey in the field "concentrate here"
    /// (important, not satisfied), in the survey's order.
    pub to_discuss: Vec<Uuid>,
    /// The latest survey up to today, whose NPS and items the sheet shows.
    pub survey: Option<Uuid>,
    pub open_actions: usize,
    /// The overdue actions, in the plan's order.
    pub overdue: Vec<Uuid>,
    /// Competitors ahead of us (weighted gap above 0), the largest first.
    pub ahead: Vec<Gap>,
    pub flags: Vec<Finding>,
}

/// The sheet for the talk about `year` (usually the year just ended).
pub fn preparation(
    findings: &Findings,
    surveys: &[Survey],
    year: i32,
    planned: Option<Planned>,
    today: Day,
) -> Preparation {
    let years = findings
        .business
        .as_ref()
        .map(|b| b.years())
        .unwrap_or_default();
    let of = |y: i32| years.iter().find(|entry| entry.year == y).copied();
    let this_year = of(year);
    let against_plan = planned
        .filter(|p| p.year == year)
        .zip(this_year)
        .map(|(plan, actual)| {
            let deviation = actual.revenue - plan.revenue;
            AgainstPlan {
                planned: plan.revenue,
                actual: actual.revenue,
                deviation,
                share: (plan.revenue != 0.0).then(|| deviation / plan.revenue),
            }
        });
    // A survey dated later than today is planned, not held: it has no
    // answers to show yet (the due list counts surveys the same way).
    let latest = surveys
        .iter()
        .filter(|s| s.date.is_none_or(|day| day <= today))
        .max_by_key(|s| s.date);
    let before = latest.and_then(|s| previous(surveys, s));
    let (open_actions, overdue) = findings.plan.as_ref().map_or((0, Vec::new()), |plan| {
        (
            plan.open_actions().len(),
            plan.actions
                .iter()
                .filter(|a| a.is_overdue(today))
                .map(|a| a.id)
                .collect(),
        )
    });
    let mut ahead: Vec<Gap> = findings
        .requirements
        .as_ref()
        .map(|r| {
            r.gaps()
                .into_iter()
                .filter_map(|(_, gap)| gap.filter(|g| g.value > 0.0))
                .collect()
        })
        .unwrap_or_default();
    ahead.sort_by(|a, b| b.value.total_cmp(&a.value));
    Preparation {
        year: this_year,
        year_before: of(year - 1),
        against_plan,
        wallet: findings.business.as_ref().and_then(|b| b.wallet()),
        nps: latest.and_then(Survey::nps),
        nps_before: before.and_then(Survey::nps),
        survey: latest.map(|s| s.id),
        to_discuss: latest
            .map(|s| {
                s.by_quadrant(Quadrant::ConcentrateHere)
                    .iter()
                    .map(|item| item.id)
                    .collect()
            })
            .unwrap_or_default(),
        open_actions,
        overdue,
        ahead,
        flags: findings.flags.clone(),
    }
}

/// Most talks one account keeps (one per year under review).
pub const MAX_TALKS: usize = 50;
/// Most points one agenda holds.
pub const MAX_POINTS: usize = 30;

/// The default agenda of a new talk, in the order of the talk. The page
/// writes each point's title in the user's language into the talk, where
/// it can be changed like any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultPoint {
    /// The year under review: figures, what went well and what did not.
    YearInReview,
    /// How satisfied the account is, and its feedback.
    Satisfaction,
    /// The account's own plans and challenges for the coming year.
    CustomerPlans,
    /// What we propose.
    OurProposals,
    /// What both sides agree to do.
    Agreements,
}

impl DefaultPoint {
    pub const ALL: [DefaultPoint; 5] = [
        DefaultPoint::YearInReview,
        DefaultPoint::Satisfaction,
        DefaultPoint::CustomerPlans,
        DefaultPoint::OurProposals,
        DefaultPoint::Agreements,
    ];
}

/// One point of the agenda, with what was said about it (the minutes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub id: Uuid,
    pub title: String,
    #[serde(default)]
    pub notes: String,
}

/// The annual review talk about one year. Its agreed actions are actions
/// of the account plan that name the talk (`Action::talk`): one record,
/// changed on either page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Talk {
    pub id: Uuid,
    /// The year under review (usually the year just ended).
    pub year: i32,
    /// When the talk takes or took place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    /// The revenue planned for the year under review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_revenue: Option<Amount>,
    /// Who takes part, on both sides.
    #[serde(default)]
    pub participants: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<Point>,
}

impl Talk {
    /// A talk about `year` with an agenda of these titles.
    pub fn new(id: Uuid, year: i32, date: Option<Day>, agenda: &[(Uuid, &str)]) -> Talk {
        Talk {
            id,
            year,
            date,
            planned_revenue: None,
            participants: String::new(),
            agenda: agenda
                .iter()
                .map(|(id, title)| Point {
                    id: *id,
                    title: (*title).to_owned(),
                    notes: String::new(),
                })
                .collect(),
        }
    }

    /// The plan for the year under review, as the preparation reads it.
    pub fn planned(&self) -> Option<Planned> {
        self.planned_revenue.map(|revenue| Planned {
            year: self.year,
            revenue: revenue.value(),
        })
    }

    /// Whether the talk has taken place by `today`.
    pub fn held(&self, today: Day) -> bool {
        self.date.is_some_and(|day| day <= today)
    }
}

/// The annual review talks of one key account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Talks {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub talks: Vec<Talk>,
}

/// The annual review talks as a tool of a key account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReviewTool;

impl ToolKind for ReviewTool {
    const FAMILY: ToolFamily = ToolFamily::AnnualReview;
    type Data = Talks;
    fn problems(data: &Talks) -> Vec<FieldProblem> {
        data.problems()
    }
}

impl Talks {
    /// The talks, the latest year first.
    pub fn newest_first(&self) -> Vec<&Talk> {
        let mut talks: Vec<&Talk> = self.talks.iter().collect();
        talks.sort_by_key(|t| std::cmp::Reverse(t.year));
        talks
    }

    /// The talk about the latest year before `talk`'s.
    pub fn before(&self, talk: &Talk) -> Option<&Talk> {
        self.talks
            .iter()
            .filter(|t| t.year < talk.year)
            .max_by_key(|t| t.year)
    }

    /// The year a new talk is about: the year before `today`'s, or, when
    /// that has a talk, the first later year that has none.
    pub fn next_year(&self, today: Day) -> i32 {
        let mut year = today.year() - 1;
        while self.talks.iter().any(|t| t.year == year) {
            year += 1;
        }
        year
    }

    /// The day of the latest talk held by `today` (the process cycle's
    /// "last done").
    pub fn last_held(&self, today: Day) -> Option<Day> {
        self.talks
            .iter()
            .filter(|t| t.held(today))
            .filter_map(|t| t.date)
            .max()
    }

    /// Every field-level problem, talk by talk.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.talks.len() > MAX_TALKS {
            problems.push(("talks".into(), too_many(MAX_TALKS)));
        }
        let mut ids = HashSet::new();
        let mut years = HashSet::new();
        for (index, talk) in self.talks.iter().enumerate() {
            let mut push = |field: &str, problem| {
                problems.push((format!("talks[{index}].{field}"), problem));
            };
            if !ids.insert(talk.id) {
                push("id", ValidationProblem::Duplicate);
            }
            if !(FIRST_YEAR..=LAST_YEAR).contains(&talk.year) {
                push(
                    "year",
                    ValidationProblem::OutOfRange {
                        min: i64::from(FIRST_YEAR),
                        max: i64::from(LAST_YEAR),
                    },
                );
            } else if !years.insert(talk.year) {
                push("year", ValidationProblem::Duplicate);
            }
            if let Err(problem) = check_text(&talk.participants, MAX_SHORT_TEXT_CHARS, true) {
                push("participants", problem);
            }
            if talk.agenda.len() > MAX_POINTS {
                push("agenda", too_many(MAX_POINTS));
            }
            let mut points = HashSet::new();
            for (p, point) in talk.agenda.iter().enumerate() {
                if !points.insert(point.id) {
                    push(&format!("agenda[{p}].id"), ValidationProblem::Duplicate);
                }
                if let Err(problem) = check_name(&point.title) {
                    push(&format!("agenda[{p}].title"), problem);
                }
                if let Err(problem) = check_text(&point.notes, MAX_LONG_TEXT_CHARS, true) {
                    push(&format!("agenda[{p}].notes"), problem);
                }
            }
        }
        problems
    }
}

/// The day of the latest talk held by `today`, read from a stored record
/// without the talks' model, so that the due list stays light. Agrees with
/// [`Talks::last_held`] (a test compares the two).
pub fn last_held_stored(record: &ToolRecord, today: Day) -> Option<Day> {
    record
        .data
        .get("talks")?
        .as_array()?
        .iter()
        .filter_map(|talk| Day::parse(talk.get("date")?.as_str()?))
        .filter(|day| *day <= today)
        .max()
}

/// The ids of the talks of a stored record, read without the talks' model
/// (the account plan links an agreed action to its talk only while the
/// talk exists). Agrees with the typed talks (a test compares the two).
pub fn talk_ids_stored(record: &ToolRecord) -> Vec<Uuid> {
    record
        .data
        .get("talks")
        .and_then(|talks| talks.as_array())
        .map(|talks| {
            talks
                .iter()
                .filter_map(|talk| Uuid::parse_str(talk.get("id")?.as_str()?).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The actions of the plan agreed in `talk`, in the plan's order.
pub fn agreed(plan: &AccountPlan, talk: Uuid) -> Vec<&Action> {
    plan.actions
        .iter()
        .filter(|a| a.talk == Some(talk))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::{AccountDraft, Amount};
    use crate::domain::potentials::business::{Business, BusinessTool, RevenueLine};
    use crate::domain::potentials::findings::findings;
    use crate::domain::potentials::plan::{AccountPlan, Action, PlanTool, Status};
    use crate::domain::potentials::put_tool;
    use crate::domain::potentials::requirements::{
        Competitor, Requirement, Requirements, RequirementsTool,
    };
    use crate::domain::processes::satisfaction::{Item, Recommendation, Score};
    use crate::domain::{Timestamp, Workspace};

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    /// One key account with two years of revenue, a demand, three
    /// actions, two competitors and two surveys.
    fn pinned() -> (Workspace, Uuid, Vec<Survey>) {
        let now = Timestamp::parse("2026-11-27T09:00:00Z").unwrap();
        let account = AccountDraft {
            name: "Nordlicht Logistik GmbH".into(),
            ..Default::default()
        }
        .create(id(1), now)
        .unwrap();
        let mut ws = Workspace {
            accounts: vec![account],
            ..Workspace::default()
        };
        let line = |n: u128, year: i32, revenue: f64, margin: f64| RevenueLine {
            id: id(n),
            year,
            site: None,
            group: None,
            revenue: Amount::parse(revenue).unwrap(),
            margin: Some(margin),
        };
        let business = Business {
            revenue: vec![
                line(10, 2024, 1_600_000.0, 240_000.0),
                line(11, 2025, 1_400_000.0, 180_000.0),
                line(12, 2025, 400_000.0, 60_000.0),
            ],
            demand: Amount::parse(6_000_000.0).ok(),
            ..Business::default()
        };
        put_tool::<BusinessTool>(&mut ws, id(1), &business, now).unwrap();
        let action = |n: u128, due: &str, status: Status| {
            let mut a = Action::new(id(n), &format!("Maßnahme {n}"));
            a.owner = "Jana Becker".into();
            a.due = Day::parse(due);
            a.status = status;
            a
        };
        let plan = AccountPlan {
            actions: vec![
                action(20, "2026-10-31", Status::Open),
                action(21, "2027-03-31", Status::InProgress),
                action(22, "2026-09-30", Status::Done),
            ],
            ..AccountPlan::default()
        };
        put_tool::<PlanTool>(&mut ws, id(1), &plan, now).unwrap();
        let mut delivery = Requirement::new(id(30), "Liefertreue");
        delivery.importance = Some(5);
        delivery.ours = Some(3);
        delivery.set_score(id(40), Some(5));
        delivery.set_score(id(41), Some(2));
        let mut price = Requirement::new(id(31), "Preis");
        price.importance = Some(3);
        price.ours = Some(4);
        price.set_score(id(40), Some(4));
        price.set_score(id(41), Some(3));
        let requirements = Requirements {
            competitors: vec![
                Competitor {
                    id: id(40),
                    name: "Wettbewerber A".into(),
                },
                Competitor {
                    id: id(41),
                    name: "Wettbewerber B".into(),
                },
            ],
            requirements: vec![delivery, price],
        };
        put_tool::<RequirementsTool>(&mut ws, id(1), &requirements, now).unwrap();
        let item = |n: u128, name: &str, importance: f64, satisfaction: f64| Item {
            id: id(n),
            name: name.into(),
            importance: Some(Score {
                mean: importance,
                answers: 10,
            }),
            satisfaction: Some(Score {
                mean: satisfaction,
                answers: 10,
            }),
        };
        let answers = |spec: &[(u8, usize)]| -> Vec<u8> {
            spec.iter()
                .flat_map(|(a, n)| std::iter::repeat_n(*a, *n))
                .collect()
        };
        let surveys = vec![
            Survey {
                id: Uuid::from_u128(901),
                title: String::new(),
                date: day("2026-03-15").into(),
                items: vec![
                    item(50, "Liefertreue", 4.6, 3.1),
                    item(51, "Beratung", 4.0, 4.4),
                ],
                recommendation: Recommendation::of_answers(&answers(&[(10, 4), (8, 4), (5, 2)]))
                    .unwrap(),
            },
            Survey {
                id: Uuid::from_u128(902),
                title: String::new(),
                date: day("2025-03-15").into(),
                items: vec![item(52, "Liefertreue", 4.5, 3.5)],
                recommendation: Recommendation::of_answers(&answers(&[(9, 2), (7, 5), (3, 3)]))
                    .unwrap(),
            },
        ];
        (ws, id(1), surveys)
    }

    #[test]
    fn the_sheet_of_a_pinned_account() {
        let (ws, account, surveys) = pinned();
        let today = day("2026-11-27");
        let found = findings(&ws, account, today);
        let sheet = preparation(
            &found,
            &surveys,
            2025,
            Some(Planned {
                year: 2025,
                revenue: 2_000_000.0,
            }),
            today,
        );
        // 2025: 1.4 M + 0.4 M = 1.8 M revenue, 240,000 margin; +12.5 % against 2024.
        let year = sheet.year.unwrap();
        assert_eq!((year.revenue, year.margin), (1_800_000.0, Some(240_000.0)));
        assert!((year.growth.unwrap() - 0.125).abs() < 1e-12);
        assert_eq!(sheet.year_before.unwrap().revenue, 1_600_000.0);
        // Against the plan of 2.0 M: −200,000, −10 %.
        let plan = sheet.against_plan.unwrap();
        assert_eq!((plan.actual, plan.deviation), (1_800_000.0, -200_000.0));
        assert!((plan.share.unwrap() + 0.1).abs() < 1e-12);
        // Share of wallet of the latest year: 1.8 M of 6 M = 30 %, potential 4.2 M.
        let wallet = sheet.wallet.unwrap();
        assert!((wallet.share - 0.3).abs() < 1e-12);
        assert_eq!(wallet.potential, 4_200_000.0);
        // NPS 2026: 40 % − 20 % = +20; 2025: 20 % − 30 % = −10.
        assert_eq!(sheet.nps.unwrap().rounded(), 20);
        assert_eq!(sheet.nps_before.unwrap().rounded(), -10);
        assert_eq!(sheet.to_discuss, [id(50)]);
        // Two open actions, one of them overdue; the done one counts for neither.
        assert_eq!(
            (sheet.open_actions, sheet.overdue.clone()),
            (2, vec![id(20)])
        );
        // A is ahead: (5 × (5 − 3) + 3 × (4 − 4)) / 8 = 1.25; B is behind.
        assert_eq!(sheet.ahead.len(), 1);
        assert_eq!(sheet.ahead[0].competitor, id(40));
        assert!((sheet.ahead[0].value - 1.25).abs() < 1e-12);
        // The flags are the analysis's own: the overdue action, and A ahead on an important requirement.
        assert_eq!(sheet.flags, found.flags);
        assert_eq!(sheet.flags.len(), 2);
    }

    #[test]
    fn a_plan_for_another_year_or_missing_data_leave_the_figures_empty() {
        let (ws, account, _) = pinned();
        let today = day("2026-11-27");
        let found = findings(&ws, account, today);
        let sheet = preparation(
            &found,
            &[],
            2026,
            Some(Planned {
                year: 2025,
                revenue: 2_000_000.0,
            }),
            today,
        );
        assert_eq!(sheet.year, None, "no revenue entered for 2026 yet");
        assert_eq!(sheet.against_plan, None);
        assert_eq!((sheet.nps, sheet.nps_before), (None, None));
        assert!(sheet.to_discuss.is_empty());
        let empty = Workspace::default();
        let nothing = preparation(&findings(&empty, account, today), &[], 2025, None, today);
        assert_eq!(
            (nothing.open_actions, nothing.wallet, nothing.year),
            (0, None, None)
        );
        assert!(nothing.ahead.is_empty() && nothing.flags.is_empty());
    }

    #[test]
    fn a_plan_of_zero_has_a_deviation_but_no_share() {
        let (ws, account, _) = pinned();
        let today = day("2026-11-27");
        let sheet = preparation(
            &findings(&ws, account, today),
            &[],
            2025,
            Some(Planned {
                year: 2025,
                revenue: 0.0,
            }),
            today,
        );
        let plan = sheet.against_plan.unwrap();
        assert_eq!((plan.deviation, plan.share), (1_800_000.0, None));
    }

    fn talk(n: u128, year: i32, date: &str) -> Talk {
        Talk::new(id(n), year, Day::parse(date), &[(id(n + 100), "Rückblick")])
    }

    #[test]
    fn a_talk_per_year_with_its_plan_and_the_talk_before() {
        let talks = Talks {
            talks: vec![
                talk(1, 2024, "2025-02-10"),
                talk(2, 2026, "2027-02-01"),
                talk(3, 2025, "2026-02-12"),
            ],
        };
        assert_eq!(talks.problems(), []);
        let years: Vec<i32> = talks.newest_first().iter().map(|t| t.year).collect();
        assert_eq!(years, [2026, 2025, 2024]);
        assert_eq!(talks.before(&talks.talks[1]).map(|t| t.id), Some(id(3)));
        assert_eq!(talks.before(&talks.talks[0]), None);
        // The talk of 2027-02-01 is planned, not held, on 2026-11-27.
        let today = day("2026-11-27");
        assert!(!talks.talks[1].held(today));
        assert_eq!(talks.last_held(today), day("2026-02-12").into());
        // A new talk is about last year, or the first later year without one.
        assert_eq!(Talks::default().next_year(today), 2025);
        assert_eq!(talks.next_year(today), 2027);
        let mut planned = talk(4, 2025, "2026-02-12");
        assert_eq!(planned.planned(), None);
        planned.planned_revenue = Amount::parse(2_000_000.0).ok();
        assert_eq!(
            planned.planned(),
            Some(Planned {
                year: 2025,
                revenue: 2_000_000.0
            })
        );
    }

    #[test]
    fn the_stored_reading_of_the_last_talk_agrees_with_the_model() {
        let today = day("2026-11-27");
        let cases = [
            vec![],
            vec![talk(1, 2024, "2025-02-10")],
            vec![talk(1, 2024, "2025-02-10"), talk(2, 2026, "2027-02-01")],
            vec![talk(1, 2025, "2026-11-27"), talk(2, 2024, "2026-12-01")],
            vec![Talk::new(id(5), 2025, None, &[])],
        ];
        for talks in cases {
            let talks = Talks { talks };
            let mut ws = Workspace::default();
            put_tool::<ReviewTool>(&mut ws, id(1), &talks, Timestamp::from_millis(0).unwrap())
                .unwrap();
            assert_eq!(
                last_held_stored(&ws.annual_reviews[0], today),
                talks.last_held(today),
                "{talks:?}"
            );
            let ids: Vec<Uuid> = talks.talks.iter().map(|t| t.id).collect();
            assert_eq!(talk_ids_stored(&ws.annual_reviews[0]), ids);
        }
    }

    #[test]
    fn broken_talks_are_refused_at_their_field() {
        let mut twice = Talks {
            talks: vec![talk(1, 2025, "2026-02-12"), talk(2, 2025, "2026-03-01")],
        };
        assert_eq!(
            twice.problems(),
            [("talks[1].year".to_owned(), ValidationProblem::Duplicate)]
        );
        twice.talks[1].year = 1989;
        assert_eq!(
            twice.problems(),
            [(
                "talks[1].year".to_owned(),
                ValidationProblem::OutOfRange {
                    min: 1990,
                    max: 2100
                }
            )]
        );
        let mut blank = talk(3, 2025, "2026-02-12");
        blank.agenda[0].title = "  ".into();
        blank.agenda[0].notes = "x".repeat(MAX_LONG_TEXT_CHARS + 1);
        let problems: Vec<String> = Talks { talks: vec![blank] }
            .problems()
            .into_iter()
            .map(|(field, _)| field)
            .collect();
        assert_eq!(
            problems,
            ["talks[0].agenda[0].title", "talks[0].agenda[0].notes"]
        );
        // Through the tool: nothing broken is stored.
        let mut ws = Workspace::default();
        let now = Timestamp::from_millis(0).unwrap();
        assert!(put_tool::<ReviewTool>(&mut ws, id(1), &twice, now).is_err());
        assert!(ws.annual_reviews.is_empty());
    }

    #[test]
    fn the_agreed_actions_are_the_plans_actions_that_name_the_talk() {
        let mut plan = AccountPlan::default();
        for (n, talk) in [
            (1, Some(id(9))),
            (2, None),
            (3, Some(id(9))),
            (4, Some(id(8))),
        ] {
            let mut action = Action::new(id(n), &format!("Maßnahme {n}"));
            action.talk = talk;
            plan.actions.push(action);
        }
        let ids: Vec<Uuid> = agreed(&plan, id(9)).iter().map(|a| a.id).collect();
        assert_eq!(ids, [id(1), id(3)]);
        assert!(agreed(&plan, id(7)).is_empty());
    }

    #[test]
    fn a_survey_dated_after_today_is_planned_and_not_on_the_sheet() {
        let (ws, account, mut surveys) = pinned();
        let today = day("2026-11-27");
        surveys.push(Survey {
            id: id(903),
            date: day("2027-03-15").into(),
            ..Survey::default()
        });
        let sheet = preparation(&findings(&ws, account, today), &surveys, 2025, None, today);
        assert_eq!(sheet.survey, Some(Uuid::from_u128(901)));
        assert_eq!(sheet.nps.unwrap().rounded(), 20);
        assert_eq!(sheet.to_discuss, [id(50)]);
    }
}
