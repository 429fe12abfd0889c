//! Block "Prozesse und Tools" (book chapter 6): the recurring work per key
//! account and the tools that do it.
//!
//! - [`cycle`]: the KAM process cycle, each step with its rhythm, and what
//!   is due, overdue or coming across all accounts;
//! - [`calendar`]: due dates as an iCalendar file;
//! - [`satisfaction`]: the customer satisfaction analysis with its
//!   importance–satisfaction grid and the Net Promoter Score;
//! - [`review`]: the annual review talks (a record family per account) and
//!   the figures of their preparation sheet, drawn from the account's
//!   analysis and surveys;
//! - [`toolbox`]: which tools of each account are in use and how recent.

pub mod calendar;
pub mod cycle;
pub mod review;
pub mod satisfaction;
pub mod toolbox;
