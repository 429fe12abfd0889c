//! The preparation of the annual review talk (Jahresgespräch) with a key
//! account: one sheet drawn from the account's data at the moment it is
//! shown or printed, never copied by hand.
//!
//! It reads what the analysis already holds ([`Findings`]) and the
//! account's satisfaction surveys:
//! - revenue and margin of the year under review against the plan for it,
//!   and the year before;
//! - share of wallet and potential;
//! - the NPS of the latest survey against the previous one, and the items
//!   the account rates important but is not satisfied with;
//! - the open actions of the account plan and those overdue;
//! - the competitors ahead of us, by importance-weighted gap;
//! - every red flag of the analysis.

use super::satisfaction::{previous, Nps, Survey};
use crate::domain::potentials::business::{Wallet, Year};
use crate::domain::potentials::findings::{Finding, Findings};
use crate::domain::potentials::requirements::{Gap, Quadrant};
use crate::domain::time::Day;
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
    let latest = surveys.iter().max_by_key(|s| s.date);
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
}
