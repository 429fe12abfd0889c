//! Block "Menschen im KAM" (book chapter 5): who works on a key account
//! and what a key account manager needs to be able to do.
//!
//! - [`team`]: the key account team with its RACI matrix and each
//!   person's load across all teams;
//! - [`competency`]: the competency profile of a key account manager
//!   (own view, superior's view, target profile, gaps, development).
//!
//! The pages and record families of these tools follow with the block's
//! pages (issue #11); the computations are here first, tested natively.

pub mod competency;
pub mod team;
