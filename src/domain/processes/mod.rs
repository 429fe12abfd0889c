//! Block "Prozesse und Tools" (book chapter 6): the recurring work per key
//! account and the tools that do it.
//!
//! - [`cycle`]: the KAM process cycle, each step with its rhythm, and what
//!   is due, overdue or coming across all accounts;
//! - [`calendar`]: due dates as an iCalendar file;
//! - [`satisfaction`]: the customer satisfaction analysis with its
//!   importance–satisfaction grid and the Net Promoter Score;
//! - [`review`]: the figures of the annual review talk's preparation
//!   sheet, drawn from the account's analysis and surveys.
//!
//! The pages and record families of these tools follow with the block's
//! pages (issue #11); the computations are here first, tested natively.

pub mod calendar;
pub mod cycle;
pub mod review;
pub mod satisfaction;
