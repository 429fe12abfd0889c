//! The market of the key account (book section 4.1.2): the markets the
//! account sells in, its own customers, its competitors, and the trends
//! around it, each with what it means for us (an opportunity or a threat).

use super::{check_names, too_many, Named, ToolKind};
use crate::domain::account::{check_name, check_text, ValidationProblem, MAX_LONG_TEXT_CHARS};
use crate::domain::record::{FieldProblem, ToolFamily};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Most entries in each list of names (markets, customers, competitors).
pub const MAX_NAMES: usize = 50;
/// Most trends.
pub const MAX_TRENDS: usize = 50;

/// The PESTLE area a trend belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pestle {
    Political,
    Economic,
    Social,
    Technological,
    Legal,
    Environmental,
}

impl Pestle {
    pub const ALL: [Pestle; 6] = [
        Pestle::Political,
        Pestle::Economic,
        Pestle::Social,
        Pestle::Technological,
        Pestle::Legal,
        Pestle::Environmental,
    ];

    /// The area's name in the file format (and in the page's markup).
    pub fn as_str(self) -> &'static str {
        match self {
            Pestle::Political => "political",
            Pestle::Economic => "economic",
            Pestle::Social => "social",
            Pestle::Technological => "technological",
            Pestle::Legal => "legal",
            Pestle::Environmental => "environmental",
        }
    }
}

/// What a trend means for our business with the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Meaning {
    Opportunity,
    Threat,
}

impl Meaning {
    pub const ALL: [Meaning; 2] = [Meaning::Opportunity, Meaning::Threat];

    /// The meaning's name in the file format (and in the page's markup).
    pub fn as_str(self) -> &'static str {
        match self {
            Meaning::Opportunity => "opportunity",
            Meaning::Threat => "threat",
        }
    }
}

/// A development in the account's market.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    pub id: Uuid,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Pestle>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<Meaning>,
    /// What follows for us: what we could offer, or what we must guard.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub consequence: String,
}

impl Trend {
    /// A new trend with only its text, not yet assessed.
    pub fn new(id: Uuid, text: &str) -> Self {
        Trend {
            id,
            text: text.into(),
            area: None,
            meaning: None,
            consequence: String::new(),
        }
    }
}

/// The lists of names of the market, in the order of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarketList {
    Markets,
    Customers,
    Competitors,
}

impl MarketList {
    pub const ALL: [MarketList; 3] = [
        MarketList::Markets,
        MarketList::Customers,
        MarketList::Competitors,
    ];

    /// The list's name in the file format.
    pub fn field(self) -> &'static str {
        match self {
            MarketList::Markets => "markets",
            MarketList::Customers => "customers",
            MarketList::Competitors => "competitors",
        }
    }
}

/// The market of one key account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Market {
    /// The markets (segments, regions) the account sells in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markets: Vec<Named>,
    /// The account's most important customers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customers: Vec<Named>,
    /// The account's competitors (not ours: those are in requirements
    /// and performance).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<Named>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trends: Vec<Trend>,
}

/// The market as a tool of the account analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MarketTool;

impl ToolKind for MarketTool {
    const FAMILY: ToolFamily = ToolFamily::Market;
    type Data = Market;
    fn problems(data: &Market) -> Vec<FieldProblem> {
        data.problems()
    }
}

/// How many trends mean what for us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TrendCount {
    pub opportunities: usize,
    pub threats: usize,
    /// Trends whose meaning for us is not assessed yet.
    pub open: usize,
}

impl Market {
    /// One of the lists of names.
    pub fn list(&self, list: MarketList) -> &Vec<Named> {
        match list {
            MarketList::Markets => &self.markets,
            MarketList::Customers => &self.customers,
            MarketList::Competitors => &self.competitors,
        }
    }

    pub fn list_mut(&mut self, list: MarketList) -> &mut Vec<Named> {
        match list {
            MarketList::Markets => &mut self.markets,
            MarketList::Customers => &mut self.customers,
            MarketList::Competitors => &mut self.competitors,
        }
    }

    /// Every field-level problem, in page order.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        for list in MarketList::ALL {
            check_names(&mut problems, list.field(), self.list(list), MAX_NAMES);
        }
        if self.trends.len() > MAX_TRENDS {
            problems.push(("trends".into(), too_many(MAX_TRENDS)));
        }
        let mut seen = HashSet::new();
        for (index, trend) in self.trends.iter().enumerate() {
            if !seen.insert(trend.id) {
                problems.push((format!("trends[{index}].id"), ValidationProblem::Duplicate));
            }
            if let Err(problem) = check_name(&trend.text) {
                problems.push((format!("trends[{index}].text"), problem));
            }
            if let Err(problem) = check_text(&trend.consequence, MAX_LONG_TEXT_CHARS, true) {
                problems.push((format!("trends[{index}].consequence"), problem));
            }
        }
        problems
    }

    /// How many trends are opportunities, threats or not yet assessed.
    pub fn trend_count(&self) -> TrendCount {
        let mut count = TrendCount::default();
        for trend in &self.trends {
            match trend.meaning {
                Some(Meaning::Opportunity) => count.opportunities += 1,
                Some(Meaning::Threat) => count.threats += 1,
                None => count.open += 1,
            }
        }
        count
    }

    /// Whether the account's own market is described: at least one market,
    /// customer or competitor named.
    pub fn described(&self) -> bool {
        MarketList::ALL.iter().any(|l| !self.list(*l).is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(n: u128, name: &str) -> Named {
        Named {
            id: Uuid::from_u128(n),
            name: name.into(),
        }
    }

    #[test]
    fn a_market_names_the_place_of_every_problem() {
        let mut market = Market {
            customers: vec![named(1, "Autohaus Nord"), named(1, "  ")],
            trends: vec![Trend::new(Uuid::from_u128(5), "")],
            ..Market::default()
        };
        market.trends[0].consequence = "Neue Chance\u{1}".into();
        assert_eq!(
            market.problems(),
            vec![
                ("customers[1].id".to_string(), ValidationProblem::Duplicate),
                ("customers[1].name".to_string(), ValidationProblem::Empty),
                ("trends[0].text".to_string(), ValidationProblem::Empty),
                (
                    "trends[0].consequence".to_string(),
                    ValidationProblem::ControlCharacters
                ),
            ]
        );
        market.markets = (0..=MAX_NAMES as u128)
            .map(|n| named(n + 10, "M"))
            .collect();
        assert_eq!(
            market.problems()[0],
            ("markets".to_string(), too_many(MAX_NAMES))
        );
    }

    #[test]
    fn the_names_in_the_markup_are_the_names_in_the_file() {
        for area in Pestle::ALL {
            assert_eq!(
                serde_json::to_string(&area).unwrap(),
                format!("\"{}\"", area.as_str())
            );
        }
        for meaning in Meaning::ALL {
            assert_eq!(
                serde_json::to_string(&meaning).unwrap(),
                format!("\"{}\"", meaning.as_str())
            );
        }
    }

    #[test]
    fn trends_are_counted_by_their_meaning_for_us() {
        let mut market = Market::default();
        assert!(!market.described());
        for (n, meaning) in [
            Some(Meaning::Opportunity),
            Some(Meaning::Threat),
            Some(Meaning::Opportunity),
            None,
        ]
        .into_iter()
        .enumerate()
        {
            let mut trend = Trend::new(Uuid::from_u128(n as u128), "Elektromobilität");
            trend.meaning = meaning;
            market.trends.push(trend);
        }
        assert_eq!(
            market.trend_count(),
            TrendCount {
                opportunities: 2,
                threats: 1,
                open: 1
            }
        );
        // Trends alone do not describe the account's own market.
        assert!(!market.described());
        market.competitors.push(named(9, "Zulieferer Süd"));
        assert!(market.described());
    }
}
