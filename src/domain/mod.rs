//! The KAM methods as pure Rust: no browser, no UI framework.
//!
//! Everything the workbench computes lives here and is tested natively with
//! `cargo test`. The UI only shows what these modules return.

pub mod account;
pub mod account_list;
pub mod blocks;
pub mod fitness;
pub mod import_plan;
pub mod introduction;
pub mod lazy;
pub mod measure;
pub mod numbers;
pub mod people;
pub mod plural;
pub mod potentials;
pub mod processes;
pub mod record;
pub mod results;
pub mod targets;
pub mod time;
pub mod workspace;

pub use account::{AccountDraft, AccountField, Amount, KeyAccount, ValidationProblem};
pub use account_list::{filter_and_sort, SortKey, SortOrder};
pub use blocks::{BuildingBlock, Tool, ToolStatus};
pub use import_plan::{plan_import, ImportMode, ImportPlan, PlanRow, RecordDecision, RecordKind};
pub use numbers::{
    format_amount, format_decimal, format_whole, parse_amount, parse_decimal, NumberStyle,
};
pub use plural::PluralForm;
pub use record::{Deletion, Deletions, Family, Record, RecordProblem, Removed};
pub use time::Timestamp;
pub use workspace::{RemovedAccount, Section, Workspace, WorkspaceError, WorkspaceLimits};
