//! What the account analysis of one key account holds so far and what it
//! warns about, across its tools: the account page's overview and the
//! account list's column read this.

use super::business::{Business, BusinessFlag, BusinessTool};
use super::buying_center::{BuyingCenterTool, RedFlag};
use super::market::MarketTool;
use super::plan::{PlanFlag, PlanTool};
use super::profile::ProfileTool;
use super::requirements::{RequirementFlag, Requirements, RequirementsTool};
use super::sources::SourcesTool;
use super::{tool_of, ToolKind, ToolRecord};
use crate::domain::record::ToolFamily;
use crate::domain::time::{Day, Timestamp};
use crate::domain::workspace::Workspace;
use uuid::Uuid;

/// An analysis older than this many days is shown as out of date.
pub const OUTDATED_AFTER_DAYS: i64 = 365;

/// A tool of the account analysis, as the overview lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnalysisTool {
    Profile,
    Market,
    Requirements,
    BuyingCenter,
    Business,
    Sources,
    AccountPlan,
}

impl AnalysisTool {
    /// The tools in the order of the book's chapter 4, the plan last.
    pub const ALL: [AnalysisTool; 7] = [
        AnalysisTool::Profile,
        AnalysisTool::Market,
        AnalysisTool::Requirements,
        AnalysisTool::BuyingCenter,
        AnalysisTool::Business,
        AnalysisTool::Sources,
        AnalysisTool::AccountPlan,
    ];

    /// The tool's record family.
    pub fn family(self) -> ToolFamily {
        match self {
            AnalysisTool::Profile => ToolFamily::Profile,
            AnalysisTool::Market => ToolFamily::Market,
            AnalysisTool::Requirements => ToolFamily::Requirements,
            AnalysisTool::BuyingCenter => ToolFamily::BuyingCenter,
            AnalysisTool::Business => ToolFamily::Business,
            AnalysisTool::Sources => ToolFamily::Sources,
            AnalysisTool::AccountPlan => ToolFamily::AccountPlan,
        }
    }

    /// A stable name (page markup and tests) and the tool's path segment.
    pub fn key(self) -> &'static str {
        match self {
            AnalysisTool::Profile => "profile",
            AnalysisTool::Market => "market",
            AnalysisTool::Requirements => "requirements",
            AnalysisTool::BuyingCenter => "buying-center",
            AnalysisTool::Business => "business",
            AnalysisTool::Sources => "sources",
            AnalysisTool::AccountPlan => "plan",
        }
    }
}

/// One check of completeness: a part of a tool that is filled in or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// At least one person in the Buying Center.
    Persons,
    /// Every person's influence and attitude rated (not "unknown").
    PersonsRated,
    /// Someone holds the deciding role of the chosen lens.
    Decider,
    /// A vision for the account.
    Vision,
    /// At least one goal.
    Goals,
    /// At least one action.
    Actions,
    /// At least one requirement with importance and our performance rated.
    RequirementsRated,
    /// At least one competitor compared with us.
    CompetitorsCompared,
    /// At least one year of revenue.
    Revenue,
    /// Share of wallet known (demand and revenue entered).
    ShareOfWallet,
    /// At least one cell of the whitespace matrix assessed.
    Whitespace,
    /// The relationship stage chosen.
    Stage,
    /// The account's size known: its employees or its own revenue.
    Size,
    /// How the account decides, described.
    DecisionProcess,
    /// The account's strategy and goals, described.
    Strategy,
    /// At least one of the account's markets, customers or competitors.
    Market,
    /// At least one trend assessed as an opportunity or a threat.
    Trends,
    /// At least one information source.
    Sources,
}

/// Where one tool of the account stands.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolState {
    pub tool: AnalysisTool,
    /// When the tool was last changed; `None`: not started.
    pub modified: Option<Timestamp>,
    /// The stored content cannot be read (see the tool's page).
    pub unreadable: bool,
    /// Each part of the tool and whether it is filled in.
    pub parts: Vec<(Part, bool)>,
}

impl ToolState {
    /// Whether the last change is older than [`OUTDATED_AFTER_DAYS`].
    pub fn outdated(&self, today: Day) -> bool {
        self.modified
            .is_some_and(|m| Day::of(m).days_until(today) > OUTDATED_AFTER_DAYS)
    }
}

/// A red flag of any tool of the account.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    Requirements(RequirementFlag),
    BuyingCenter(RedFlag),
    Business(BusinessFlag),
    AccountPlan(PlanFlag),
}

/// The analysis of one key account at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    pub tools: Vec<ToolState>,
    pub flags: Vec<Finding>,
    /// The readable contents, to name the persons and actions of the flags.
    pub center: Option<super::buying_center::BuyingCenter>,
    pub plan: Option<super::plan::AccountPlan>,
    pub requirements: Option<Requirements>,
    pub business: Option<Business>,
    pub profile: Option<super::profile::Profile>,
}

impl Findings {
    /// Where one tool stands.
    pub fn tool(&self, tool: AnalysisTool) -> Option<&ToolState> {
        self.tools.iter().find(|t| t.tool == tool)
    }

    /// Filled parts and all parts, over every tool.
    pub fn completeness(&self) -> (usize, usize) {
        let parts = self.tools.iter().flat_map(|t| t.parts.iter());
        let total = parts.clone().count();
        (parts.filter(|(_, done)| *done).count(), total)
    }
}

fn state<K: ToolKind>(
    tool: AnalysisTool,
    record: Option<&ToolRecord>,
    parts: impl FnOnce(Option<&K::Data>) -> Vec<(Part, bool)>,
) -> (ToolState, Option<K::Data>) {
    let data = record.map(K::read);
    let typed = data.as_ref().and_then(|d| d.as_ref().ok());
    let state = ToolState {
        tool,
        modified: record.map(|r| r.modified),
        unreadable: matches!(data, Some(Err(_))),
        parts: parts(typed),
    };
    (state, typed.cloned())
}

/// Completeness and red flags of `account` on `today`.
pub fn findings(workspace: &Workspace, account: Uuid, today: Day) -> Findings {
    let (center_state, center) = state::<BuyingCenterTool>(
        AnalysisTool::BuyingCenter,
        tool_of(&workspace.buying_centers, account),
        |c| {
            let persons = c.map_or(&[][..], |c| &c.persons[..]);
            let decider = c.is_some_and(|c| persons.iter().any(|p| p.has(c.deciding_role())));
            vec![
                (Part::Persons, !persons.is_empty()),
                (
                    Part::PersonsRated,
                    !persons.is_empty()
                        && persons
                            .iter()
                            .all(|p| p.influence.is_some() && p.attitude.is_some()),
                ),
                (Part::Decider, decider),
            ]
        },
    );
    let (plan_state, plan) = state::<PlanTool>(
        AnalysisTool::AccountPlan,
        tool_of(&workspace.account_plans, account),
        |p| {
            vec![
                (Part::Vision, p.is_some_and(|p| !p.vision.trim().is_empty())),
                (Part::Goals, p.is_some_and(|p| !p.goals.is_empty())),
                (Part::Actions, p.is_some_and(|p| !p.actions.is_empty())),
            ]
        },
    );
    let (requirements_state, requirements) = state::<RequirementsTool>(
        AnalysisTool::Requirements,
        tool_of(&workspace.requirements, account),
        |r| {
            vec![
                (
                    Part::RequirementsRated,
                    r.is_some_and(|r| r.requirements.iter().any(|q| q.quadrant().is_some())),
                ),
                (
                    Part::CompetitorsCompared,
                    r.is_some_and(|r| r.gaps().iter().any(|(_, gap)| gap.is_some())),
                ),
            ]
        },
    );
    let (business_state, business) = state::<BusinessTool>(
        AnalysisTool::Business,
        tool_of(&workspace.own_business, account),
        |b| {
            vec![
                (Part::Revenue, b.is_some_and(|b| !b.revenue.is_empty())),
                (Part::ShareOfWallet, b.is_some_and(|b| b.wallet().is_some())),
                (Part::Whitespace, b.is_some_and(|b| !b.cells.is_empty())),
                (Part::Stage, b.is_some_and(|b| b.stage.is_some())),
            ]
        },
    );
    let (profile_state, profile) = state::<ProfileTool>(
        AnalysisTool::Profile,
        tool_of(&workspace.account_profiles, account),
        |p| {
            let has = |text: fn(&super::profile::Profile) -> &String| {
                p.is_some_and(|p| !text(p).trim().is_empty())
            };
            vec![
                (
                    Part::Size,
                    p.is_some_and(|p| p.employees.is_some() || p.revenue.is_some()),
                ),
                (Part::DecisionProcess, has(|p| &p.decision_process)),
                (Part::Strategy, has(|p| &p.strategy)),
            ]
        },
    );
    let (market_state, _) = state::<MarketTool>(
        AnalysisTool::Market,
        tool_of(&workspace.markets, account),
        |m| {
            vec![
                (Part::Market, m.is_some_and(|m| m.described())),
                (
                    Part::Trends,
                    m.is_some_and(|m| m.trends.iter().any(|t| t.meaning.is_some())),
                ),
            ]
        },
    );
    let (sources_state, _) = state::<SourcesTool>(
        AnalysisTool::Sources,
        tool_of(&workspace.information_sources, account),
        |s| vec![(Part::Sources, s.is_some_and(|s| !s.sources.is_empty()))],
    );
    let mut flags: Vec<Finding> = requirements
        .as_ref()
        .map(Requirements::red_flags)
        .unwrap_or_default()
        .into_iter()
        .map(Finding::Requirements)
        .collect();
    flags.extend(
        center
            .as_ref()
            .map(|c| c.red_flags(today))
            .unwrap_or_default()
            .into_iter()
            .map(Finding::BuyingCenter),
    );
    // As the business page decides it: from the stored plan, readable or not.
    let open_actions =
        tool_of(&workspace.account_plans, account).is_some_and(super::plan::has_open_action);
    flags.extend(
        business
            .as_ref()
            .and_then(|b| b.gap_flag(open_actions))
            .map(Finding::Business),
    );
    flags.extend(
        plan.as_ref()
            .map(|p| p.red_flags(today))
            .unwrap_or_default()
            .into_iter()
            .map(Finding::AccountPlan),
    );
    Findings {
        tools: vec![
            profile_state,
            market_state,
            requirements_state,
            center_state,
            business_state,
            sources_state,
            plan_state,
        ],
        flags,
        center,
        plan,
        requirements,
        business,
        profile,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::potentials::buying_center::{BuyingCenter, Person, Role};
    use crate::domain::potentials::plan::{AccountPlan, Action};
    use crate::domain::potentials::put_tool;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn an_account_without_analysis_has_nothing_filled_and_no_flag() {
        let found = findings(
            &Workspace::default(),
            Uuid::from_u128(1),
            Day::parse("2026-11-28").unwrap(),
        );
        assert_eq!(found.completeness(), (0, 18));
        assert!(found.flags.is_empty());
        assert!(found
            .tools
            .iter()
            .all(|t| t.modified.is_none() && !t.unreadable));
    }

    #[test]
    fn flags_of_both_tools_are_collected_and_parts_counted() {
        let account = Uuid::from_u128(1);
        let mut ws = Workspace::default();
        let mut decider = Person::named(Uuid::from_u128(2), "Dr. Anna Berg");
        decider.roles = vec![Role::Decider];
        decider.influence = Some(5);
        let center = BuyingCenter {
            persons: vec![decider],
            ..BuyingCenter::default()
        };
        put_tool::<BuyingCenterTool>(&mut ws, account, &center, at("2025-06-01T00:00:00Z"))
            .unwrap();
        let plan = AccountPlan {
            vision: "Erster Lieferant".into(),
            actions: vec![Action::new(Uuid::from_u128(3), "Besuch")],
            ..AccountPlan::default()
        };
        put_tool::<PlanTool>(&mut ws, account, &plan, at("2026-11-01T00:00:00Z")).unwrap();
        let today = Day::parse("2026-11-28").unwrap();
        let found = findings(&ws, account, today);
        // Persons, decider, vision, actions; not rated (attitude unknown), no goals.
        assert_eq!(found.completeness(), (4, 18));
        assert!(found
            .flags
            .contains(&Finding::AccountPlan(PlanFlag::Ownerless {
                action: Uuid::from_u128(3)
            })));
        assert!(found
            .flags
            .contains(&Finding::BuyingCenter(RedFlag::KeyPersonUnknown {
                person: Uuid::from_u128(2)
            })));
        // The Buying Center was last changed 545 days ago: out of date.
        assert!(found
            .tool(AnalysisTool::BuyingCenter)
            .unwrap()
            .outdated(today));
        assert!(!found
            .tool(AnalysisTool::AccountPlan)
            .unwrap()
            .outdated(today));
    }

    #[test]
    fn unreadable_content_is_reported_not_hidden() {
        let account = Uuid::from_u128(1);
        let mut ws = Workspace::default();
        put_tool::<PlanTool>(
            &mut ws,
            account,
            &AccountPlan::default(),
            at("2026-11-01T00:00:00Z"),
        )
        .unwrap();
        ws.account_plans[0].data = serde_json::json!({ "actions": 3 });
        let found = findings(&ws, account, Day::parse("2026-11-28").unwrap());
        let plan = found.tool(AnalysisTool::AccountPlan).unwrap();
        assert!(plan.unreadable);
        assert_eq!(plan.parts.iter().filter(|(_, d)| *d).count(), 0);
    }

    #[test]
    fn a_competitor_ahead_and_a_wallet_gap_without_action_are_flagged_across_tools() {
        use crate::domain::account::Amount;
        use crate::domain::potentials::business::{Business, RevenueLine};
        use crate::domain::potentials::requirements::{Competitor, Requirement, Score};
        let account = Uuid::from_u128(1);
        let now = at("2026-11-01T00:00:00Z");
        let today = Day::parse("2026-11-28").unwrap();
        let mut ws = Workspace::default();
        let rival = Uuid::from_u128(9);
        let requirements = Requirements {
            competitors: vec![Competitor {
                id: rival,
                name: "Wettbewerber A".into(),
            }],
            requirements: vec![Requirement {
                importance: Some(5),
                ours: Some(2),
                theirs: vec![Score {
                    competitor: rival,
                    value: 4,
                }],
                ..Requirement::new(Uuid::from_u128(8), "Liefertreue")
            }],
        };
        put_tool::<RequirementsTool>(&mut ws, account, &requirements, now).unwrap();
        let business = Business {
            revenue: vec![RevenueLine {
                id: Uuid::from_u128(7),
                year: 2025,
                site: None,
                group: None,
                revenue: Amount::parse(300_000.0).unwrap(),
                margin: None,
            }],
            demand: Some(Amount::parse(1_000_000.0).unwrap()),
            ..Business::default()
        };
        put_tool::<BusinessTool>(&mut ws, account, &business, now).unwrap();
        let found = findings(&ws, account, today);
        assert_eq!(
            found.flags,
            [
                Finding::Requirements(RequirementFlag::CompetitorAhead {
                    requirement: Uuid::from_u128(8),
                    competitor: rival
                }),
                Finding::Business(BusinessFlag::LargeGapNoAction {
                    share: 0.3,
                    potential: 700_000.0
                }),
            ]
        );
        // Requirements rated, competitor compared, revenue, share of wallet.
        assert_eq!(found.completeness(), (4, 18));
        // An open action in the account plan answers the wallet gap.
        let plan = AccountPlan {
            actions: vec![Action {
                owner: "Jana Schulz".into(),
                ..Action::new(Uuid::from_u128(6), "Bedarf im Werk Süd klären")
            }],
            ..AccountPlan::default()
        };
        put_tool::<PlanTool>(&mut ws, account, &plan, now).unwrap();
        let found = findings(&ws, account, today);
        assert!(!found
            .flags
            .iter()
            .any(|f| matches!(f, Finding::Business(_))));
    }

    #[test]
    fn the_profile_market_and_sources_count_towards_completeness() {
        use crate::domain::potentials::market::{Market, Meaning, Trend};
        use crate::domain::potentials::profile::Profile;
        use crate::domain::potentials::sources::{Source, Sources};
        let account = Uuid::from_u128(1);
        let now = at("2026-11-01T00:00:00Z");
        let today = Day::parse("2026-11-28").unwrap();
        let mut ws = Workspace::default();
        let profile = Profile {
            employees: Some(1_200),
            strategy: "Wachstum in Osteuropa".into(),
            decision_process: "  ".into(),
            ..Profile::default()
        };
        put_tool::<ProfileTool>(&mut ws, account, &profile, now).unwrap();
        let mut market = Market::default();
        market
            .trends
            .push(Trend::new(Uuid::from_u128(2), "E-Mobilität"));
        put_tool::<MarketTool>(&mut ws, account, &market, now).unwrap();
        let found = findings(&ws, account, today);
        // Size and strategy; a blank decision process and an unassessed
        // trend do not count, and no source is named.
        assert_eq!(found.completeness(), (2, 18));
        market.trends[0].meaning = Some(Meaning::Threat);
        put_tool::<MarketTool>(&mut ws, account, &market, now).unwrap();
        let sources = Sources {
            sources: vec![Source::new(Uuid::from_u128(3), "Geschäftsbericht 2025")],
        };
        put_tool::<SourcesTool>(&mut ws, account, &sources, now).unwrap();
        let found = findings(&ws, account, today);
        assert_eq!(found.completeness(), (4, 18));
        assert_eq!(
            found.tool(AnalysisTool::Sources).unwrap().parts,
            vec![(Part::Sources, true)]
        );
        assert!(found.flags.is_empty());
    }
}
