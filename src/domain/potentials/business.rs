//! Our own business with a key account (book section 4.1.5): revenue and
//! contribution margin per year (optionally per site and product group),
//! the account's total demand in our categories, and from these the share
//! of wallet and the potential; the whitespace matrix of the account's
//! sites or units against our product groups; and the stage of the
//! relationship.
//!
//! - Share of wallet = our revenue / the account's total demand.
//! - Potential = total demand − our revenue.
//!
//! Both use our revenue of the latest year entered.

pub use super::Named;
use super::{check_names, too_many, ToolKind};
use crate::domain::account::{Amount, ValidationProblem};
use crate::domain::record::{FieldProblem, ToolFamily};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Earliest and latest year a revenue line may have.
pub const FIRST_YEAR: i32 = 1990;
pub const LAST_YEAR: i32 = 2100;
/// Most revenue lines one account holds.
pub const MAX_LINES: usize = 2_000;
/// Most rows (sites, units) and columns (product groups) of the matrix.
pub const MAX_SITES: usize = 60;
pub const MAX_GROUPS: usize = 40;
/// Below this share of wallet, the potential outweighs our business: a
/// large gap that wants an action in the account plan.
pub const LARGE_GAP_SHARE: f64 = 0.5;

/// Our revenue with the account in one year, for the whole account or for
/// one site and/or product group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevenueLine {
    pub id: Uuid,
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Uuid>,
    pub revenue: Amount,
    /// Contribution margin in euros; `None`: not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
}

/// What a cell of the whitespace matrix says about a site and product group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    /// We supply it.
    Supplied,
    /// We are in talks; it is in our pipeline.
    Pipeline,
    /// A competitor supplies it.
    Competitor,
    /// Nobody supplies it yet: an open gap.
    Gap,
    /// The site does not need it.
    NotRelevant,
}

impl CellState {
    pub const ALL: [CellState; 5] = [
        CellState::Supplied,
        CellState::Pipeline,
        CellState::Competitor,
        CellState::Gap,
        CellState::NotRelevant,
    ];
}

/// One assessed cell of the whitespace matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub site: Uuid,
    pub group: Uuid,
    pub state: CellState,
    /// Yearly value in euros (what we sell, or could sell); optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Amount>,
}

/// How close the relationship is (McDonald, Rogers, Woodburn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Exploratory,
    Basic,
    Cooperative,
    Interdependent,
    Integrated,
    Disintegrating,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Exploratory,
        Stage::Basic,
        Stage::Cooperative,
        Stage::Interdependent,
        Stage::Integrated,
        Stage::Disintegrating,
    ];
}

/// Our business with one key account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Business {
    /// Sites, business units or buying centres of the account.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<Named>,
    /// Our product groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Named>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revenue: Vec<RevenueLine>,
    /// The account's total yearly demand in our categories, in euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demand: Option<Amount>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<Cell>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
}

/// Our business as a tool of the account analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BusinessTool;

impl ToolKind for BusinessTool {
    const FAMILY: ToolFamily = ToolFamily::Business;
    type Data = Business;
    fn problems(data: &Business) -> Vec<FieldProblem> {
        data.problems()
    }
}

/// One year of our business with the account.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Year {
    pub year: i32,
    pub revenue: f64,
    /// Sum of the margins given; `None` when no line of the year has one.
    pub margin: Option<f64>,
    /// Growth of revenue against the year before, as a fraction; `None`
    /// for the first year, after a gap, or after a year without revenue.
    pub growth: Option<f64>,
}

impl Year {
    /// Margin as a share of revenue.
    pub fn margin_share(&self) -> Option<f64> {
        self.margin
            .filter(|_| self.revenue > 0.0)
            .map(|m| m / self.revenue)
    }
}

/// Share of wallet and potential, for the latest year entered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wallet {
    pub year: i32,
    pub revenue: f64,
    pub demand: f64,
    /// Our revenue / demand; above 1 when the demand entered is too low.
    pub share: f64,
    /// Demand − our revenue, never below 0.
    pub potential: f64,
}

/// A red flag of our business with the account.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BusinessFlag {
    /// Share of wallet below [`LARGE_GAP_SHARE`], and the account plan has
    /// no open action.
    LargeGapNoAction { share: f64, potential: f64 },
}

/// Sums of the whitespace matrix.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MatrixSums {
    /// Value per site, in the order of the sites.
    pub rows: Vec<f64>,
    /// Value per product group, in the order of the groups.
    pub columns: Vec<f64>,
    pub total: f64,
    /// Cells and value per state, in the order of [`CellState::ALL`].
    pub by_state: Vec<(CellState, usize, f64)>,
}

impl Business {
    /// Every field-level problem, in order, with its path inside the tool.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        check_names(&mut problems, "sites", &self.sites, MAX_SITES);
        check_names(&mut problems, "groups", &self.groups, MAX_GROUPS);
        let sites: HashSet<Uuid> = self.sites.iter().map(|s| s.id).collect();
        let groups: HashSet<Uuid> = self.groups.iter().map(|g| g.id).collect();
        if self.revenue.len() > MAX_LINES {
            problems.push(("revenue".into(), too_many(MAX_LINES)));
        }
        let mut seen = HashSet::new();
        for (index, line) in self.revenue.iter().enumerate() {
            let mut push = |field: &str, problem| {
                problems.push((format!("revenue[{index}].{field}"), problem))
            };
            if !seen.insert(line.id) {
                push("id", ValidationProblem::Duplicate);
            }
            if !(FIRST_YEAR..=LAST_YEAR).contains(&line.year) {
                push(
                    "year",
                    ValidationProblem::OutOfRange {
                        min: FIRST_YEAR.into(),
                        max: LAST_YEAR.into(),
                    },
                );
            }
            if line.site.is_some_and(|s| !sites.contains(&s)) {
                push("site", ValidationProblem::DanglingReference);
            }
            if line.group.is_some_and(|g| !groups.contains(&g)) {
                push("group", ValidationProblem::DanglingReference);
            }
            if let Some(margin) = line.margin {
                // A margin may be negative (a loss), but not beyond the limits.
                if let Err(problem) = Amount::parse(margin.abs()) {
                    push("margin", problem);
                }
            }
        }
        let mut seen = HashSet::new();
        for (index, cell) in self.cells.iter().enumerate() {
            let mut push =
                |field: &str, problem| problems.push((format!("cells[{index}].{field}"), problem));
            if !sites.contains(&cell.site) {
                push("site", ValidationProblem::DanglingReference);
            }
            if !groups.contains(&cell.group) {
                push("group", ValidationProblem::DanglingReference);
            }
            if !seen.insert((cell.site, cell.group)) {
                push("group", ValidationProblem::Duplicate);
            }
        }
        problems
    }

    /// The yearly totals, oldest first.
    pub fn years(&self) -> Vec<Year> {
        let mut years: Vec<i32> = self.revenue.iter().map(|l| l.year).collect();
        years.sort_unstable();
        years.dedup();
        let mut result: Vec<Year> = Vec::with_capacity(years.len());
        for year in years {
            let lines = self.revenue.iter().filter(|l| l.year == year);
            let revenue = lines.clone().map(|l| l.revenue.value()).sum::<f64>();
            let margins: Vec<f64> = lines.filter_map(|l| l.margin).collect();
            let margin = (!margins.is_empty()).then(|| margins.iter().sum());
            let growth = result
                .last()
                .filter(|before| {
                    i64::from(before.year) + 1 == i64::from(year) && before.revenue > 0.0
                })
                .map(|before| revenue / before.revenue - 1.0);
            result.push(Year {
                year,
                revenue,
                margin,
                growth,
            });
        }
        result
    }

    /// Share of wallet and potential, once the demand and at least one
    /// year of revenue are entered and the demand is above zero.
    pub fn wallet(&self) -> Option<Wallet> {
        let demand = self.demand?.value();
        let latest = *self.years().last()?;
        (demand > 0.0).then(|| Wallet {
            year: latest.year,
            revenue: latest.revenue,
            demand,
            share: latest.revenue / demand,
            potential: (demand - latest.revenue).max(0.0),
        })
    }

    /// The red flag of a large share-of-wallet gap that no open action
    /// addresses; `open_actions` tells whether the account plan has any.
    pub fn gap_flag(&self, open_actions: bool) -> Option<BusinessFlag> {
        let wallet = self.wallet()?;
        (wallet.share < LARGE_GAP_SHARE && !open_actions).then_some(
            BusinessFlag::LargeGapNoAction {
                share: wallet.share,
                potential: wallet.potential,
            },
        )
    }

    /// The assessed cell of a site and product group.
    pub fn cell(&self, site: Uuid, group: Uuid) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.site == site && c.group == group)
    }

    /// Sets a cell's state; `None` clears the cell (not assessed).
    pub fn set_state(&mut self, site: Uuid, group: Uuid, state: Option<CellState>) {
        let at = self
            .cells
            .iter()
            .position(|c| c.site == site && c.group == group);
        match (at, state) {
            (Some(at), None) => {
                self.cells.remove(at);
            }
            (Some(at), Some(state)) => self.cells[at].state = state,
            (None, Some(state)) => self.cells.push(Cell {
                site,
                group,
                state,
                value: None,
            }),
            (None, None) => {}
        }
    }

    /// Sets a cell's value; a cell not assessed yet becomes an open gap.
    pub fn set_value(&mut self, site: Uuid, group: Uuid, value: Option<Amount>) {
        if self.cell(site, group).is_none() {
            self.set_state(site, group, Some(CellState::Gap));
        }
        if let Some(cell) = self
            .cells
            .iter_mut()
            .find(|c| c.site == site && c.group == group)
        {
            cell.value = value;
        }
    }

    /// Removes a site with its cells and clears it from revenue lines.
    pub fn remove_site(&mut self, id: Uuid) {
        self.sites.retain(|s| s.id != id);
        self.cells.retain(|c| c.site != id);
        for line in &mut self.revenue {
            if line.site == Some(id) {
                line.site = None;
            }
        }
    }

    /// Removes a product group with its cells and clears it from revenue
    /// lines.
    pub fn remove_group(&mut self, id: Uuid) {
        self.groups.retain(|g| g.id != id);
        self.cells.retain(|c| c.group != id);
        for line in &mut self.revenue {
            if line.group == Some(id) {
                line.group = None;
            }
        }
    }

    /// Row, column and total sums of the cells' values, and per state.
    pub fn sums(&self) -> MatrixSums {
        let mut rows = vec![0.0; self.sites.len()];
        let mut columns = vec![0.0; self.groups.len()];
        let mut by_state: Vec<(CellState, usize, f64)> =
            CellState::ALL.iter().map(|s| (*s, 0, 0.0)).collect();
        let mut total = 0.0;
        for cell in &self.cells {
            let (Some(row), Some(column)) = (
                self.sites.iter().position(|s| s.id == cell.site),
                self.groups.iter().position(|g| g.id == cell.group),
            ) else {
                continue;
            };
            let value = cell.value.map_or(0.0, Amount::value);
            rows[row] += value;
            columns[column] += value;
            total += value;
            if let Some(entry) = by_state.iter_mut().find(|(s, _, _)| *s == cell.state) {
                entry.1 += 1;
                entry.2 += value;
            }
        }
        MatrixSums {
            rows,
            columns,
            total,
            by_state,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn eur(value: f64) -> Amount {
        Amount::parse(value).unwrap()
    }

    fn line(n: u128, year: i32, revenue: f64, margin: Option<f64>) -> RevenueLine {
        RevenueLine {
            id: id(n),
            year,
            site: None,
            group: None,
            revenue: eur(revenue),
            margin,
        }
    }

    fn named(n: u128, name: &str) -> Named {
        Named {
            id: id(n),
            name: name.into(),
        }
    }

    #[test]
    fn years_add_up_their_lines_and_grow_only_against_the_year_before() {
        let business = Business {
            revenue: vec![
                line(1, 2024, 800_000.0, Some(200_000.0)),
                line(2, 2025, 600_000.0, Some(120_000.0)),
                line(3, 2025, 400_000.0, None),
                line(4, 2027, 1_100_000.0, None),
            ],
            ..Business::default()
        };
        let years = business.years();
        assert_eq!(
            years.iter().map(|y| y.year).collect::<Vec<_>>(),
            [2024, 2025, 2027]
        );
        assert_eq!(years[1].revenue, 1_000_000.0);
        assert_eq!(years[1].margin, Some(120_000.0));
        assert!((years[1].growth.unwrap() - 0.25).abs() < 1e-12);
        assert_eq!(years[1].margin_share(), Some(0.12));
        // 2026 is missing: no growth figure for 2027.
        assert_eq!(years[2].growth, None);
        assert_eq!(years[2].margin, None);
    }

    #[test]
    fn share_of_wallet_and_potential_use_the_latest_year() {
        let mut business = Business {
            revenue: vec![
                line(1, 2024, 500_000.0, None),
                line(2, 2025, 1_200_000.0, None),
            ],
            demand: Some(eur(4_000_000.0)),
            ..Business::default()
        };
        let wallet = business.wallet().unwrap();
        assert_eq!(wallet.year, 2025);
        assert!((wallet.share - 0.3).abs() < 1e-12);
        assert_eq!(wallet.potential, 2_800_000.0);
        // A demand below our revenue: share above 100 %, no negative potential.
        business.demand = Some(eur(1_000_000.0));
        let wallet = business.wallet().unwrap();
        assert!((wallet.share - 1.2).abs() < 1e-12);
        assert_eq!(wallet.potential, 0.0);
        business.demand = Some(eur(0.0));
        assert_eq!(business.wallet(), None);
        business.demand = None;
        assert_eq!(business.wallet(), None);
    }

    #[test]
    fn a_large_gap_is_flagged_only_while_no_action_is_open() {
        let mut business = Business {
            revenue: vec![line(1, 2025, 1_000_000.0, None)],
            demand: Some(eur(2_500_000.0)),
            ..Business::default()
        };
        assert_eq!(
            business.gap_flag(false),
            Some(BusinessFlag::LargeGapNoAction {
                share: 0.4,
                potential: 1_500_000.0
            })
        );
        assert_eq!(business.gap_flag(true), None);
        // Exactly half the demand is not a large gap any more.
        business.demand = Some(eur(2_000_000.0));
        assert_eq!(business.gap_flag(false), None);
        business.demand = None;
        assert_eq!(business.gap_flag(false), None);
    }

    #[test]
    fn the_matrix_sums_rows_columns_total_and_states() {
        let mut business = Business {
            sites: vec![named(1, "Werk Nord"), named(2, "Werk Süd")],
            groups: vec![named(10, "Ventile"), named(20, "Pumpen")],
            ..Business::default()
        };
        business.set_state(id(1), id(10), Some(CellState::Supplied));
        business.set_value(id(1), id(10), Some(eur(100.0)));
        business.set_value(id(1), id(20), Some(eur(50.0)));
        business.set_state(id(2), id(20), Some(CellState::Competitor));
        business.set_value(id(2), id(20), Some(eur(30.0)));
        business.set_state(id(2), id(10), Some(CellState::NotRelevant));
        let sums = business.sums();
        assert_eq!(sums.rows, [150.0, 30.0]);
        assert_eq!(sums.columns, [100.0, 80.0]);
        assert_eq!(sums.total, 180.0);
        // A value in a cell not assessed made it an open gap.
        assert_eq!(
            business.cell(id(1), id(20)).map(|c| c.state),
            Some(CellState::Gap)
        );
        assert_eq!(
            sums.by_state,
            [
                (CellState::Supplied, 1, 100.0),
                (CellState::Pipeline, 0, 0.0),
                (CellState::Competitor, 1, 30.0),
                (CellState::Gap, 1, 50.0),
                (CellState::NotRelevant, 1, 0.0),
            ]
        );
        business.set_state(id(2), id(10), None);
        assert_eq!(business.cells.len(), 3);
    }

    #[test]
    fn removing_a_site_or_group_takes_its_cells_and_keeps_the_revenue() {
        let mut business = Business {
            sites: vec![named(1, "Werk Nord")],
            groups: vec![named(10, "Ventile")],
            revenue: vec![RevenueLine {
                site: Some(id(1)),
                group: Some(id(10)),
                ..line(5, 2025, 1_000.0, None)
            }],
            ..Business::default()
        };
        business.set_state(id(1), id(10), Some(CellState::Supplied));
        business.remove_site(id(1));
        business.remove_group(id(10));
        assert!(business.cells.is_empty());
        assert_eq!(business.revenue[0].site, None);
        assert_eq!(business.years()[0].revenue, 1_000.0);
        assert!(business.problems().is_empty());
    }

    #[test]
    fn broken_years_references_margins_and_double_cells_are_refused() {
        let mut business = Business {
            sites: vec![named(1, "Werk Nord")],
            groups: vec![named(10, "")],
            revenue: vec![
                RevenueLine {
                    site: Some(id(9)),
                    ..line(1, 1989, 5.0, Some(f64::NAN))
                },
                line(1, 2025, 5.0, Some(-2e12)),
            ],
            ..Business::default()
        };
        business.set_state(id(1), id(10), Some(CellState::Gap));
        business.cells.push(business.cells[0].clone());
        let fields: Vec<String> = business.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "groups[0].name",
                "revenue[0].year",
                "revenue[0].site",
                "revenue[0].margin",
                "revenue[1].id",
                "revenue[1].margin",
                "cells[1].group",
            ]
        );
    }
}
