//! Target customer selection (Zielkundenauswahl, book section 3.2): the
//! customer list, ABC analysis, weighted scoring, customer portfolio and the
//! comparison of the three procedures.

pub mod abc;
pub mod analysis;
pub mod customer_draft;
pub mod goals;
pub mod model;
pub mod portfolio;
pub mod scoring;
pub mod search;

pub use abc::{AbcClass, CutOffs};
pub use analysis::{
    analyse, Analysis, CustomerResult, Proposal, Quadrant, SelectionStatus, Verdict,
};
pub use customer_draft::{CustomerDraft, CustomerEntry, CustomerField, EntryProblem, Saved};
pub use goals::{against_goals, CountGap, GoalCheck, ShareGap};
pub use model::{
    Criterion, CriterionGroup, Customer, GradeScale, Measure, PortfolioSplit, SelectionGoals,
    TargetProblem, TargetSelection,
};
pub use portfolio::{bubbles_drawn, quadrant_shares, BubbleChoice, QuadrantShare, PORTFOLIO_MAX};
pub use search::search_customers;
