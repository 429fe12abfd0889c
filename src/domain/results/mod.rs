//! Block "Ergebnissicherung" (book chapter 7): whether KAM pays off.
//!
//! - [`scorecard`]: the Balanced Scorecard of a key account, a tool
//!   family keyed by the account's id ([`scorecard::ScorecardTool`]).

pub mod scorecard;
