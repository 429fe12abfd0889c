//! Building block "Ergebnissicherung": the Balanced Scorecard of a key
//! account.

mod scorecard;

pub use scorecard::ScorecardPage;
