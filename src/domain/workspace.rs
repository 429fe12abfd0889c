//! The workspace: everything one user keeps in the workbench.

use super::account::{AccountField, KeyAccount, ValidationProblem};
use super::fitness::{Catalogue, CatalogueError, FitnessRecord, Foundations};
use super::introduction::Introduction;
use super::lazy::{Lazy, SectionData};
use super::people::team::TeamTool;
use super::people::People;
use super::potentials::business::BusinessTool;
use super::potentials::buying_center::BuyingCenterTool;
use super::potentials::market::MarketTool;
use super::potentials::plan::PlanTool;
use super::potentials::profile::ProfileTool;
use super::potentials::requirements::RequirementsTool;
use super::potentials::sources::SourcesTool;
use super::potentials::{first_unusable, ToolError, ToolKind, ToolRecord};
use super::processes::cycle::CycleTool;
use super::processes::review::ReviewTool;
use super::processes::satisfaction::SatisfactionTool;
use super::record::{
    remove_for_account, remove_record, restore_record, validate_family, Deletions, Family,
    FieldProblem, Record, RecordProblem, Removed, ToolFamily, ToolGroup,
};
use super::results::scorecard::ScorecardTool;
use super::targets::{TargetProblem, TargetSelection};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Hard limits a workspace must stay within, so that a file or a stored
/// state can never grow beyond what the browser handles comfortably. The
/// same limits hold for reading a file, for every edit and for a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkspaceLimits {
    pub max_accounts: usize,
    pub max_fitness_checks: usize,
}

impl WorkspaceLimits {
    pub const DEFAULT: WorkspaceLimits = WorkspaceLimits {
        max_accounts: 5_000,
        max_fitness_checks: 2_000,
    };

    /// The limit of one family.
    pub fn max(&self, family: Family) -> usize {
        match family {
            Family::Account => self.max_accounts,
            Family::FitnessCheck => self.max_fitness_checks,
            // One record per key account.
            Family::BuyingCenter
            | Family::AccountPlan
            | Family::Requirements
            | Family::Business
            | Family::Profile
            | Family::Market
            | Family::Sources
            | Family::Satisfaction
            | Family::AnnualReview
            | Family::Cycle
            | Family::Team
            | Family::Scorecard => self.max_accounts,
        }
    }
}

/// The sections of the workspace that are checked (and followed by the
/// views) separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The key accounts (and, later, their tools) and the deletion records.
    Accounts,
    /// Fitness-Checks and a trainer's catalogue.
    Fitness,
    /// The KAM foundations notes.
    Foundations,
    /// The customer list and the target customer selection.
    Targets,
    /// The tools of the key accounts (blocks "Potenziale", "Menschen im
    /// KAM", "Prozesse und Tools").
    Potentials,
    /// The company's side of "Menschen im KAM": organisation, role,
    /// colleagues.
    People,
    /// The KAM introduction project: programme goals, phases, risks.
    Introduction,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Accounts,
        Section::Fitness,
        Section::Foundations,
        Section::Targets,
        Section::Potentials,
        Section::People,
        Section::Introduction,
    ];
}

/// All data of one user. New kinds of records are added as new fields with
/// `#[serde(default)]`, so that older files stay readable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    #[serde(default)]
    pub accounts: Vec<KeyAccount>,
    /// Fitness-Checks: own ones and participants' imported files.
    /// (This section and the next three are typed only on the pages that
    /// use them: [`Lazy`].)
    #[serde(default)]
    pub fitness_checks: Lazy<Vec<FitnessRecord>>,
    /// The company's KAM foundations notes (block "Fit für KAM").
    #[serde(default)]
    pub foundations: Lazy<Foundations>,
    /// A trainer's own Fitness-Check catalogue; the built-in one when absent.
    #[serde(default)]
    pub fitness_catalogue: Lazy<Option<Catalogue>>,
    /// The customer list and the target customer selection (block "Ziele").
    #[serde(default, skip_serializing_if = "Lazy::is_empty")]
    pub targets: Lazy<TargetSelection>,
    /// The Buying Centers of the key accounts (format version 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buying_centers: Vec<ToolRecord>,
    /// The account plans of the key accounts (format version 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub account_plans: Vec<ToolRecord>,
    /// Requirements vs. performance of the key accounts (format version 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<ToolRecord>,
    /// Our own business with the key accounts (format version 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own_business: Vec<ToolRecord>,
    /// The extended Steckbriefe of the key accounts (format version 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub account_profiles: Vec<ToolRecord>,
    /// The markets of the key accounts (format version 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markets: Vec<ToolRecord>,
    /// The information sources about the key accounts (format version 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub information_sources: Vec<ToolRecord>,
    /// The satisfaction surveys of the key accounts (format version 8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub satisfaction_surveys: Vec<ToolRecord>,
    /// The annual review talks of the key accounts (format version 9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annual_reviews: Vec<ToolRecord>,
    /// The process cycles of the key accounts (format version 9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub process_cycles: Vec<ToolRecord>,
    /// The key account teams (format version 10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub account_teams: Vec<ToolRecord>,
    /// The Balanced Scorecards of the key accounts (format version 11).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scorecards: Vec<ToolRecord>,
    /// The company's side of "Menschen im KAM" (format version 10): the
    /// organisation, the role description and the colleagues.
    #[serde(default, skip_serializing_if = "Lazy::is_empty")]
    pub people: Lazy<People>,
    /// The KAM introduction project (format version 11): programme goals,
    /// the phases with their checklists, the risk register.
    #[serde(default, skip_serializing_if = "Lazy::is_empty")]
    pub introduction: Lazy<Introduction>,
    /// Deletion records of deleted records (format version 4), so that a
    /// merge with an older file does not bring them back.
    #[serde(default, skip_serializing_if = "Deletions::is_empty")]
    pub deleted: Deletions,
}

/// Why a workspace cannot be used, or why a change to it was refused.
/// Each variant names the place; the UI turns it into a sentence in the
/// user's language, with [`WorkspaceError::path`] as a technical detail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{}: {}", self.path(), describe(family.field(), problem))]
    Family {
        family: Family,
        problem: RecordProblem,
    },
    #[error("foundations.{field}: {problem}")]
    Foundations {
        field: String,
        problem: ValidationProblem,
    },
    #[error("people.{field}: {problem}")]
    People {
        field: String,
        problem: ValidationProblem,
    },
    #[error("introduction.{field}: {problem}")]
    Introduction {
        field: String,
        problem: ValidationProblem,
    },
    #[error("fitness_catalogue: {0}")]
    Catalogue(CatalogueError),
    #[error("targets.{0}")]
    Targets(TargetProblem),
    #[error("deleted: {}", describe("deleted", .0))]
    Deletions(RecordProblem),
    /// A section as stored cannot be read into its model (found by the
    /// page that uses it).
    #[error("{section}: {message}")]
    Unreadable { section: String, message: String },
    /// The content of a tool's record cannot be used (only the reader of
    /// users' files and the tool's own pages read the content).
    #[error("{}: {}", self.path(), match error { ToolError::Shape(m) => m.clone(), ToolError::Field(_, p) => p.to_string() })]
    Tool {
        family: Family,
        index: usize,
        error: ToolError,
    },
}

fn describe(list: &str, problem: &RecordProblem) -> String {
    match problem {
        RecordProblem::TooMany { count, max } => {
            format!("{count} records; at most {max} are allowed")
        }
        RecordProblem::DuplicateId { id, first, .. } => {
            format!("the id {id} is already used by {list}[{first}]")
        }
        RecordProblem::Field { problem, .. } => problem.to_string(),
        RecordProblem::ModifiedBeforeCreated { .. } => "modified is earlier than created".into(),
    }
}

impl WorkspaceError {
    /// The technical place in the file format, e.g. `accounts[3].name`.
    pub fn path(&self) -> String {
        match self {
            WorkspaceError::Family { family, problem } => {
                let list = family.field();
                match problem {
                    RecordProblem::TooMany { .. } => list.to_owned(),
                    RecordProblem::DuplicateId { second, .. } => format!("{list}[{second}]"),
                    RecordProblem::Field { index, field, .. } => format!("{list}[{index}].{field}"),
                    RecordProblem::ModifiedBeforeCreated { index } => {
                        format!("{list}[{index}].modified")
                    }
                }
            }
            WorkspaceError::Foundations { field, .. } => format!("foundations.{field}"),
            WorkspaceError::People { field, .. } => format!("people.{field}"),
            WorkspaceError::Introduction { field, .. } => format!("introduction.{field}"),
            WorkspaceError::Catalogue(_) => "fitness_catalogue".into(),
            WorkspaceError::Targets(problem) => format!("targets.{}", problem.path()),
            WorkspaceError::Deletions(_) => "deleted".into(),
            WorkspaceError::Unreadable { section, .. } => section.clone(),
            WorkspaceError::Tool {
                family,
                index,
                error,
            } => match error {
                ToolError::Shape(_) => format!("{}[{index}].data", family.field()),
                ToolError::Field(field, _) => format!("{}[{index}].data.{field}", family.field()),
            },
        }
    }
}

/// The first tool record of `K` whose content cannot be read or breaks a
/// rule, as the workspace's error.
fn usable<K: ToolKind>(workspace: &Workspace) -> Result<(), WorkspaceError> {
    first_unusable::<K>(workspace).map_or(Ok(()), |(index, error)| {
        Err(WorkspaceError::Tool {
            family: K::FAMILY.family(),
            index,
            error,
        })
    })
}

impl Record for KeyAccount {
    fn id(&self) -> Uuid {
        self.id
    }
    fn created(&self) -> Timestamp {
        self.created
    }
    fn modified(&self) -> Timestamp {
        self.modified
    }
    fn label(&self) -> String {
        self.name.clone()
    }
    fn problems(&self) -> Vec<FieldProblem> {
        KeyAccount::problems(self)
            .into_iter()
            .map(|(field, problem)| (field.as_str().to_owned(), problem))
            .collect()
    }
}

impl Record for FitnessRecord {
    fn id(&self) -> Uuid {
        self.id
    }
    fn created(&self) -> Timestamp {
        self.created
    }
    fn modified(&self) -> Timestamp {
        self.modified
    }
    fn label(&self) -> String {
        FitnessRecord::label(self)
    }
    fn problems(&self) -> Vec<FieldProblem> {
        FitnessRecord::problems(self)
    }
}

/// What a section's check needs of the rest of the workspace.
#[derive(Debug, Clone)]
pub struct CheckContext {
    /// The ids of the key accounts (records may point to them).
    pub accounts: HashSet<Uuid>,
    pub limits: WorkspaceLimits,
}

impl SectionData for Vec<FitnessRecord> {
    const NAME: &'static str = "fitness_checks";
    fn is_empty(&self) -> bool {
        Vec::is_empty(self)
    }
    fn check(&self, context: &CheckContext, _edit_only: bool) -> Result<(), WorkspaceError> {
        validate_family(self, context.limits.max(Family::FitnessCheck), |id| {
            context.accounts.contains(&id)
        })
        .map_err(|problem| WorkspaceError::Family {
            family: Family::FitnessCheck,
            problem,
        })
    }
}

impl SectionData for Option<Catalogue> {
    const NAME: &'static str = "fitness_catalogue";
    fn is_empty(&self) -> bool {
        self.is_none()
    }
    fn check(&self, _context: &CheckContext, _edit_only: bool) -> Result<(), WorkspaceError> {
        self.as_ref().map_or(Ok(()), |catalogue| {
            catalogue.validate().map_err(WorkspaceError::Catalogue)
        })
    }
}

impl SectionData for Foundations {
    const NAME: &'static str = "foundations";
    /// Empty only when it is exactly the empty one (notes written and
    /// cleared again keep their date), the same answer as for the section
    /// still as read ([`Lazy::is_empty`]).
    fn is_empty(&self) -> bool {
        *self == Foundations::default()
    }
    fn check(&self, _context: &CheckContext, _edit_only: bool) -> Result<(), WorkspaceError> {
        match self.problems().into_iter().next() {
            Some((field, problem)) => Err(WorkspaceError::Foundations { field, problem }),
            None => Ok(()),
        }
    }
}

impl SectionData for People {
    const NAME: &'static str = "people";
    const THROUGH_TABLE: bool = true;
    const EMPTY_TEXT: &'static str = "{}";
    fn is_empty(&self) -> bool {
        People::is_empty(self)
    }
    fn check(&self, _context: &CheckContext, _edit_only: bool) -> Result<(), WorkspaceError> {
        match self.problems().into_iter().next() {
            Some((field, problem)) => Err(WorkspaceError::People { field, problem }),
            None => Ok(()),
        }
    }
}

impl SectionData for Introduction {
    const NAME: &'static str = "introduction";
    const THROUGH_TABLE: bool = true;
    const EMPTY_TEXT: &'static str = "{}";
    fn is_empty(&self) -> bool {
        Introduction::is_empty(self)
    }
    fn check(&self, _context: &CheckContext, _edit_only: bool) -> Result<(), WorkspaceError> {
        match self.problems().into_iter().next() {
            Some((field, problem)) => Err(WorkspaceError::Introduction { field, problem }),
            None => Ok(()),
        }
    }
}

impl SectionData for TargetSelection {
    const NAME: &'static str = "targets";
    fn is_empty(&self) -> bool {
        TargetSelection::is_empty(self)
    }
    /// After an edit, the settings and the size only: each of the (up to
    /// 20,000) customers is checked where it is entered, and again before
    /// every save.
    fn check(&self, context: &CheckContext, edit_only: bool) -> Result<(), WorkspaceError> {
        if edit_only {
            self.validate_settings()
        } else {
            self.validate(|id| context.accounts.contains(&id))
        }
        .map_err(WorkspaceError::Targets)
    }
}

/// An account taken out of the workspace, with what is needed to put it back
/// exactly where it was (undo).
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedAccount {
    pub removed: Removed<KeyAccount>,
    /// Accounts whose parent reference pointed to the removed account and was
    /// cleared, so that no reference dangles.
    pub detached_children: Vec<Uuid>,
    /// Customers of the target selection that were linked to the account.
    pub unlinked_customers: Vec<Uuid>,
    /// Records of the account's tools, deleted with it.
    pub cascaded_checks: Vec<Removed<FitnessRecord>>,
    pub cascaded_tools: Vec<(ToolFamily, Removed<ToolRecord>)>,
}

impl RemovedAccount {
    pub fn account(&self) -> &KeyAccount {
        &self.removed.record
    }
}

impl Workspace {
    /// Checks the whole workspace: every family, every single record and
    /// every setting. The first problem found is returned with its place.
    /// Reading a file, every merge and every save run this same check.
    pub fn validate(&self, limits: WorkspaceLimits) -> Result<(), WorkspaceError> {
        Section::ALL
            .iter()
            .try_for_each(|section| self.validate_section(*section, limits))
    }

    /// The check after an edit of one section: [`Workspace::validate_section`],
    /// except that the customer list checks its settings and size but not
    /// each of its (up to 20,000) customers, whose fields are checked where
    /// they are entered. The whole check runs again before every save.
    pub fn validate_edit(
        &self,
        section: Section,
        limits: WorkspaceLimits,
    ) -> Result<(), WorkspaceError> {
        match section {
            Section::Targets => self.targets.check(&self.context(limits), true),
            _ => self.validate_section(section, limits),
        }
    }

    /// Checks one section of the workspace and the references from it. An
    /// edit that changes only that section (an answer in a Fitness-Check, a
    /// rating in the customer list) needs only this check; edits that touch
    /// several sections, such as deleting a key account, check them all.
    pub fn validate_section(
        &self,
        section: Section,
        limits: WorkspaceLimits,
    ) -> Result<(), WorkspaceError> {
        let family = |family: Family| move |problem| WorkspaceError::Family { family, problem };
        let account_ids = || -> HashSet<Uuid> { self.accounts.iter().map(|a| a.id).collect() };
        match section {
            Section::Accounts => {
                validate_family(&self.accounts, limits.max(Family::Account), |_| true)
                    .map_err(family(Family::Account))?;
                let ids = account_ids();
                for (index, account) in self.accounts.iter().enumerate() {
                    if account
                        .parent_id
                        .is_some_and(|parent| !ids.contains(&parent))
                    {
                        return Err(WorkspaceError::Family {
                            family: Family::Account,
                            problem: RecordProblem::Field {
                                index,
                                field: AccountField::Parent.as_str().into(),
                                problem: ValidationProblem::DanglingReference,
                            },
                        });
                    }
                }
                if let Some(problem) = self.deleted.problem() {
                    return Err(WorkspaceError::Deletions(problem));
                }
            }
            Section::Fitness => {
                let context = self.context(limits);
                self.fitness_checks.check(&context, false)?;
                self.fitness_catalogue.check(&context, false)?;
            }
            Section::Foundations => self.foundations.check(&self.context(limits), false)?,
            Section::Targets => self.targets.check(&self.context(limits), false)?,
            Section::People => self.people.check(&self.context(limits), false)?,
            Section::Introduction => self.introduction.check(&self.context(limits), false)?,
            Section::Potentials => {
                let ids = account_ids();
                for tool in ToolFamily::ALL {
                    let family = tool.family();
                    validate_family(self.tool_list(tool), limits.max(family), |id| {
                        ids.contains(&id)
                    })
                    .map_err(|problem| WorkspaceError::Family { family, problem })?;
                }
            }
        }
        Ok(())
    }

    /// What a section's check needs to know of the rest of the workspace.
    fn context(&self, limits: WorkspaceLimits) -> CheckContext {
        CheckContext {
            accounts: self.accounts.iter().map(|a| a.id).collect(),
            limits,
        }
    }

    /// Types every section that is typed only where it is used
    /// ([`Lazy`]): the reader of users' files and the pages that show all
    /// sections call this, so that a section that cannot be read is found.
    pub fn force_all(&self) -> Result<(), WorkspaceError> {
        self.force_fit()?;
        self.targets.force()
    }

    /// Types the company's side of "Menschen im KAM" (read only by the
    /// areas of that block and by the reader of users' files).
    pub fn force_people(&self) -> Result<(), WorkspaceError> {
        self.people.force()
    }

    /// Types the KAM introduction project (read only by its area and by
    /// the check page of users' files).
    pub fn force_introduction(&self) -> Result<(), WorkspaceError> {
        self.introduction.force()
    }

    /// Types the sections of block "Fit für KAM" (Fitness-Checks, their
    /// catalogue, the foundations).
    pub fn force_fit(&self) -> Result<(), WorkspaceError> {
        self.fitness_checks.force()?;
        self.fitness_catalogue.force()?;
        self.foundations.force()
    }

    /// Reads the content of every tool record into its typed model and
    /// checks it, group by group ([`Workspace::check_tool_group`]). The
    /// reader of users' files runs this (natively in one go; in the browser
    /// one page per group), so that no file brings content that a tool's
    /// page could not show; other pages carry the content along unread.
    pub fn check_tool_contents(&self) -> Result<(), WorkspaceError> {
        ToolGroup::ALL
            .into_iter()
            .try_for_each(|group| self.check_tool_group(group))
    }

    /// The groups with at least one tool record (or, for the second group,
    /// a people section or an introduction project): the checks an import
    /// needs.
    pub fn tool_groups_used(&self) -> Vec<ToolGroup> {
        ToolGroup::ALL
            .into_iter()
            .filter(|group| {
                (*group == ToolGroup::Processes
                    && !(self.people.is_empty() && self.introduction.is_empty()))
                    || ToolFamily::ALL
                        .iter()
                        .any(|tool| tool.group() == *group && !self.tool_list(*tool).is_empty())
            })
            .collect()
    }

    /// Reads and checks the contents of one group's tools. Each group is a
    /// function of its own, so that a page checking one group links only
    /// that group's models.
    pub fn check_tool_group(&self, group: ToolGroup) -> Result<(), WorkspaceError> {
        match group {
            ToolGroup::Potentials => self.check_potentials_tools(),
            ToolGroup::Processes => self.check_process_tools(),
        }
    }

    /// [`Workspace::check_tool_group`] of the account analysis.
    pub fn check_potentials_tools(&self) -> Result<(), WorkspaceError> {
        usable::<BuyingCenterTool>(self)?;
        usable::<PlanTool>(self)?;
        usable::<RequirementsTool>(self)?;
        usable::<BusinessTool>(self)?;
        usable::<ProfileTool>(self)?;
        usable::<MarketTool>(self)?;
        usable::<SourcesTool>(self)
    }

    /// [`Workspace::check_tool_group`] of "Menschen im KAM" and "Prozesse
    /// und Tools".
    /// The people section of the block and the introduction project are
    /// read and checked here too (the import page leaves them as text).
    pub fn check_process_tools(&self) -> Result<(), WorkspaceError> {
        let context = self.context(WorkspaceLimits::DEFAULT);
        self.people.force()?;
        self.people.check(&context, false)?;
        self.introduction.force()?;
        self.introduction.check(&context, false)?;
        usable::<SatisfactionTool>(self)?;
        usable::<ReviewTool>(self)?;
        usable::<CycleTool>(self)?;
        usable::<TeamTool>(self)?;
        usable::<ScorecardTool>(self)
    }

    /// Whether the workspace holds nothing the user made: no record of any
    /// family, no notes, no catalogue, no customer list. Export, reset and
    /// snapshots ask this one question.
    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty()
            && self.fitness_checks.is_empty()
            && self.foundations.is_empty()
            && self.fitness_catalogue.is_empty()
            && self.targets.is_empty()
            && self.people.is_empty()
            && self.introduction.is_empty()
            && ToolFamily::ALL
                .iter()
                .all(|tool| self.tool_list(*tool).is_empty())
    }

    /// A workspace holding one account and its tools, as a single-account
    /// export. The parent reference is dropped, because the parent is not
    /// in the file.
    pub fn single(&self, account: &KeyAccount) -> Workspace {
        let mut single = Workspace {
            accounts: vec![KeyAccount {
                parent_id: None,
                ..account.clone()
            }],
            ..Workspace::default()
        };
        for tool in ToolFamily::ALL {
            single.tool_list_mut(tool).extend(
                self.tool_list(tool)
                    .iter()
                    .filter(|r| r.account_id == account.id)
                    .cloned(),
            );
        }
        single
    }

    /// A workspace holding one Fitness-Check, as a participant hands it in.
    pub fn single_check(record: &FitnessRecord) -> Workspace {
        Workspace {
            fitness_checks: vec![record.clone()].into(),
            ..Workspace::default()
        }
    }

    /// The catalogue new Fitness-Checks use: the trainer's, else the built-in.
    pub fn active_catalogue(&self) -> &Catalogue {
        self.fitness_catalogue
            .as_ref()
            .unwrap_or(Catalogue::built_in())
    }

    /// The catalogue a check was made with, if the workspace has it.
    pub fn catalogue_for(&self, record: &FitnessRecord) -> Option<&Catalogue> {
        self.fitness_catalogue
            .iter()
            .chain(std::iter::once(Catalogue::built_in()))
            .find(|c| record.check.fits(c))
    }

    /// The most recent change to a Fitness-Check or the foundations notes.
    pub fn last_fit_change(&self) -> Option<Timestamp> {
        self.fitness_checks
            .iter()
            .map(|c| c.modified)
            .chain(self.foundations.modified)
            .max()
    }

    pub fn account(&self, id: Uuid) -> Option<&KeyAccount> {
        self.accounts.iter().find(|a| a.id == id)
    }

    pub fn account_mut(&mut self, id: Uuid) -> Option<&mut KeyAccount> {
        self.accounts.iter_mut().find(|a| a.id == id)
    }

    /// The most recent modification of any record, if there is one.
    pub fn last_modified(&self) -> Option<Timestamp> {
        self.accounts.iter().map(|a| a.modified).max()
    }

    /// Puts an earlier state of the target selection back (undo). Links to
    /// key accounts deleted meanwhile are dropped, so none dangles.
    pub fn restore_targets(&mut self, earlier: TargetSelection) {
        *self.targets = earlier;
        let ids: HashSet<Uuid> = self.accounts.iter().map(|a| a.id).collect();
        for customer in &mut self.targets.customers {
            if customer.account_id.is_some_and(|id| !ids.contains(&id)) {
                customer.account_id = None;
            }
        }
    }

    /// Promotes a customer of the list to a key account: links it to the
    /// account of the same name if there is one, else creates the account
    /// with name and revenue prefilled. Returns the account's id; `None`
    /// when the customer is unknown or the account limit is reached.
    pub fn promote_customer(
        &mut self,
        customer: Uuid,
        new_id: Uuid,
        now: Timestamp,
    ) -> Option<Uuid> {
        let index = self
            .targets
            .customers
            .iter()
            .position(|c| c.id == customer)?;
        if let Some(existing) = self.targets.customers[index].account_id {
            if self.account(existing).is_some() {
                return Some(existing);
            }
        }
        let source = &self.targets.customers[index];
        let key = crate::domain::account_list::fold(&source.name);
        let id = match self
            .accounts
            .iter()
            .find(|a| crate::domain::account_list::fold(&a.name) == key)
        {
            Some(account) => account.id,
            None => {
                if self.accounts.len() >= WorkspaceLimits::DEFAULT.max_accounts {
                    return None;
                }
                let draft = super::AccountDraft {
                    name: source.name.clone(),
                    revenue_last_year: source.revenue.filter(|r| *r >= 0.0),
                    ..Default::default()
                };
                let account = draft.create(new_id, now).ok()?;
                self.accounts.push(account);
                new_id
            }
        };
        self.targets.customers[index].account_id = Some(id);
        self.targets.modified = Some(now);
        Some(id)
    }

    /// The records of one tool family.
    pub fn tool_list(&self, tool: ToolFamily) -> &Vec<ToolRecord> {
        match tool {
            ToolFamily::BuyingCenter => &self.buying_centers,
            ToolFamily::AccountPlan => &self.account_plans,
            ToolFamily::Requirements => &self.requirements,
            ToolFamily::Business => &self.own_business,
            ToolFamily::Profile => &self.account_profiles,
            ToolFamily::Market => &self.markets,
            ToolFamily::Sources => &self.information_sources,
            ToolFamily::Satisfaction => &self.satisfaction_surveys,
            ToolFamily::AnnualReview => &self.annual_reviews,
            ToolFamily::Cycle => &self.process_cycles,
            ToolFamily::Team => &self.account_teams,
            ToolFamily::Scorecard => &self.scorecards,
        }
    }

    /// The records of one tool family, to change.
    pub fn tool_list_mut(&mut self, tool: ToolFamily) -> &mut Vec<ToolRecord> {
        self.tool_list_and_deletions(tool).0
    }

    /// The records of one tool family and the deletion records, both to
    /// change (deleting and restoring).
    pub fn tool_list_and_deletions(
        &mut self,
        tool: ToolFamily,
    ) -> (&mut Vec<ToolRecord>, &mut Deletions) {
        let records = match tool {
            ToolFamily::BuyingCenter => &mut self.buying_centers,
            ToolFamily::AccountPlan => &mut self.account_plans,
            ToolFamily::Requirements => &mut self.requirements,
            ToolFamily::Business => &mut self.own_business,
            ToolFamily::Profile => &mut self.account_profiles,
            ToolFamily::Market => &mut self.markets,
            ToolFamily::Sources => &mut self.information_sources,
            ToolFamily::Satisfaction => &mut self.satisfaction_surveys,
            ToolFamily::AnnualReview => &mut self.annual_reviews,
            ToolFamily::Cycle => &mut self.process_cycles,
            ToolFamily::Team => &mut self.account_teams,
            ToolFamily::Scorecard => &mut self.scorecards,
        };
        (records, &mut self.deleted)
    }

    /// Removes an account, notes its deletion, and clears references to it.
    /// Returns what undo needs.
    pub fn remove_account(&mut self, id: Uuid, now: Timestamp) -> Option<RemovedAccount> {
        let removed = remove_record(
            Family::Account,
            &mut self.accounts,
            &mut self.deleted,
            id,
            now,
        )?;
        let mut detached_children = Vec::new();
        for other in &mut self.accounts {
            if other.parent_id == Some(id) {
                other.parent_id = None;
                detached_children.push(other.id);
            }
        }
        let mut unlinked_customers = Vec::new();
        for customer in &mut self.targets.customers {
            if customer.account_id == Some(id) {
                customer.account_id = None;
                unlinked_customers.push(customer.id);
            }
        }
        // Per-account tools go with their account.
        let cascaded_checks = remove_for_account(
            Family::FitnessCheck,
            &mut self.fitness_checks,
            &mut self.deleted,
            id,
            now,
        );
        let mut cascaded_tools = Vec::new();
        for tool in ToolFamily::ALL {
            let (records, deleted) = self.tool_list_and_deletions(tool);
            let removed = remove_for_account(tool.family(), records, deleted, id, now);
            cascaded_tools.extend(removed.into_iter().map(|r| (tool, r)));
        }
        Some(RemovedAccount {
            removed,
            detached_children,
            unlinked_customers,
            cascaded_checks,
            cascaded_tools,
        })
    }

    /// Undoes [`Workspace::remove_account`]. An account that has meanwhile
    /// come back (for example through an import) is not duplicated.
    pub fn restore_account(&mut self, removed: RemovedAccount) {
        let id = removed.account().id;
        if self.account(id).is_some() {
            return;
        }
        restore_record(
            Family::Account,
            &mut self.accounts,
            &mut self.deleted,
            removed.removed,
        );
        for record in removed.cascaded_checks {
            restore_record(
                Family::FitnessCheck,
                &mut self.fitness_checks,
                &mut self.deleted,
                record,
            );
        }
        for (tool, record) in removed.cascaded_tools {
            let (records, deleted) = self.tool_list_and_deletions(tool);
            restore_record(tool.family(), records, deleted, record);
        }
        for child in removed.detached_children {
            if let Some(account) = self.account_mut(child) {
                if account.parent_id.is_none() {
                    account.parent_id = Some(id);
                }
            }
        }
        for customer in &mut self.targets.customers {
            if removed.unlinked_customers.contains(&customer.id) && customer.account_id.is_none() {
                customer.account_id = Some(id);
            }
        }
    }

    /// Removes a Fitness-Check and notes its deletion.
    pub fn remove_check(&mut self, id: Uuid, now: Timestamp) -> Option<Removed<FitnessRecord>> {
        remove_record(
            Family::FitnessCheck,
            &mut self.fitness_checks,
            &mut self.deleted,
            id,
            now,
        )
    }

    /// Undoes [`Workspace::remove_check`].
    pub fn restore_check(&mut self, removed: Removed<FitnessRecord>) {
        restore_record(
            Family::FitnessCheck,
            &mut self.fitness_checks,
            &mut self.deleted,
            removed,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AccountDraft;

    fn now() -> Timestamp {
        Timestamp::parse("2026-02-01T00:00:00Z").unwrap()
    }

    fn account(n: u128, name: &str) -> KeyAccount {
        let now = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        AccountDraft {
            name: name.into(),
            ..Default::default()
        }
        .create(Uuid::from_u128(n), now)
        .unwrap()
    }

    #[test]
    fn every_tool_family_is_checked_by_its_group_and_by_no_other() {
        for tool in ToolFamily::ALL {
            let mut ws = Workspace {
                accounts: vec![account(1, "A")],
                ..Default::default()
            };
            // Content no tool can read: text instead of an object.
            ws.tool_list_mut(tool).push(ToolRecord {
                account_id: Uuid::from_u128(1),
                created: now(),
                modified: now(),
                data: serde_json::json!("kein Objekt"),
            });
            assert_eq!(ws.tool_groups_used(), vec![tool.group()], "{tool:?}");
            for group in ToolGroup::ALL {
                let checked = ws.check_tool_group(group);
                if group == tool.group() {
                    assert!(
                        matches!(checked, Err(WorkspaceError::Tool { family, index: 0, .. }) if family == tool.family()),
                        "{tool:?} in {group:?}: {checked:?}"
                    );
                } else {
                    assert_eq!(checked, Ok(()), "{tool:?} in {group:?}");
                }
            }
            assert!(ws.check_tool_contents().is_err(), "{tool:?}");
        }
        assert!(Workspace::default().tool_groups_used().is_empty());
        for group in ToolGroup::ALL {
            assert_eq!(ToolGroup::from_key(group.key()), Some(group));
        }
    }

    #[test]
    fn duplicate_ids_are_reported_with_both_positions() {
        let ws = Workspace {
            accounts: vec![account(1, "A"), account(2, "B"), account(1, "C")],
            ..Default::default()
        };
        assert_eq!(
            ws.validate(WorkspaceLimits::DEFAULT),
            Err(WorkspaceError::Family {
                family: Family::Account,
                problem: RecordProblem::DuplicateId {
                    id: Uuid::from_u128(1),
                    first: 0,
                    second: 2
                }
            })
        );
    }

    #[test]
    fn a_parent_that_does_not_exist_is_a_dangling_reference() {
        let mut child = account(2, "Tochter GmbH");
        child.parent_id = Some(Uuid::from_u128(99));
        let ws = Workspace {
            accounts: vec![account(1, "A"), child],
            ..Default::default()
        };
        let err = ws.validate(WorkspaceLimits::DEFAULT).unwrap_err();
        assert_eq!(
            err.to_string(),
            "accounts[1].parent_id: points to an account that does not exist"
        );
    }

    #[test]
    fn a_single_account_export_is_valid_on_its_own() {
        let mut child = account(2, "Tochter");
        child.parent_id = Some(Uuid::from_u128(1));
        let single = Workspace::default().single(&child);
        assert_eq!(single.accounts.len(), 1);
        assert_eq!(single.accounts[0].parent_id, None);
        assert!(single.validate(WorkspaceLimits::DEFAULT).is_ok());
    }

    #[test]
    fn the_account_limit_is_enforced() {
        let ws = Workspace {
            accounts: vec![account(1, "A"), account(2, "B")],
            ..Default::default()
        };
        assert_eq!(
            ws.validate(WorkspaceLimits {
                max_accounts: 1,
                ..WorkspaceLimits::DEFAULT
            }),
            Err(WorkspaceError::Family {
                family: Family::Account,
                problem: RecordProblem::TooMany { count: 2, max: 1 }
            })
        );
    }

    #[test]
    fn removing_an_account_detaches_children_and_undo_restores_everything() {
        let mut child = account(3, "Tochter");
        child.parent_id = Some(Uuid::from_u128(2));
        let mut linked = crate::domain::targets::Customer::new(Uuid::from_u128(7), "Mutter");
        linked.account_id = Some(Uuid::from_u128(2));
        let original = Workspace {
            accounts: vec![account(1, "A"), account(2, "Mutter"), child],
            targets: TargetSelection {
                customers: vec![linked],
                ..Default::default()
            }
            .into(),
            ..Default::default()
        };
        let mut ws = original.clone();
        let removed = ws.remove_account(Uuid::from_u128(2), now()).unwrap();
        assert_eq!(
            ws.deleted.deleted_at(Family::Account, Uuid::from_u128(2)),
            Some(now())
        );
        assert_eq!(ws.accounts.len(), 2);
        assert_eq!(ws.account(Uuid::from_u128(3)).unwrap().parent_id, None);
        assert_eq!(ws.targets.customers[0].account_id, None);
        assert!(ws.validate(WorkspaceLimits::DEFAULT).is_ok());
        ws.restore_account(removed);
        assert_eq!(ws, original);
    }

    fn check(n: u128) -> FitnessRecord {
        let at = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        FitnessRecord {
            id: Uuid::from_u128(n),
            created: at,
            modified: at,
            check: crate::domain::fitness::FitnessCheck::new(Catalogue::built_in()),
            step: 0,
            completed: false,
        }
    }

    // Regression: export and reset were greyed out for a workspace that held
    // only a customer list or only Fitness-Checks (emptiness was decided by
    // looking at the accounts alone).
    #[test]
    fn a_workspace_with_only_customers_or_only_checks_is_not_empty() {
        assert!(Workspace::default().is_empty());
        let only_checks = Workspace {
            fitness_checks: vec![check(1)].into(),
            ..Default::default()
        };
        assert!(!only_checks.is_empty());
        let only_customers = Workspace {
            targets: TargetSelection {
                customers: vec![crate::domain::targets::Customer::new(
                    Uuid::from_u128(5),
                    "Kunde",
                )],
                ..Default::default()
            }
            .into(),
            ..Default::default()
        };
        assert!(!only_customers.is_empty());
        let only_notes = Workspace {
            foundations: Foundations {
                strategy: "Wachstum mit wenigen Kunden".into(),
                ..Default::default()
            }
            .into(),
            ..Default::default()
        };
        assert!(!only_notes.is_empty());
    }

    // Regression: Fitness-Checks, the foundations notes and a trainer's
    // catalogue were never validated when a file was read.
    #[test]
    fn checks_notes_and_the_catalogue_are_validated() {
        let mut long = check(1);
        long.check.respondent = "x".repeat(400);
        let ws = Workspace {
            fitness_checks: vec![long].into(),
            ..Default::default()
        };
        let err = ws.validate(WorkspaceLimits::DEFAULT).unwrap_err();
        assert_eq!(err.path(), "fitness_checks[0].respondent");

        let ws = Workspace {
            foundations: Foundations {
                principles: "x".repeat(30_000),
                ..Default::default()
            }
            .into(),
            ..Default::default()
        };
        assert_eq!(
            ws.validate(WorkspaceLimits::DEFAULT).unwrap_err().path(),
            "foundations.principles"
        );

        let mut catalogue = Catalogue::built_in().clone();
        catalogue.scale_max = 0;
        let ws = Workspace {
            fitness_catalogue: Some(catalogue).into(),
            ..Default::default()
        };
        assert_eq!(
            ws.validate(WorkspaceLimits::DEFAULT),
            Err(WorkspaceError::Catalogue(CatalogueError::Scale))
        );
    }

    #[test]
    fn too_many_checks_are_refused() {
        let ws = Workspace {
            fitness_checks: vec![check(1), check(2)].into(),
            ..Default::default()
        };
        let limits = WorkspaceLimits {
            max_fitness_checks: 1,
            ..WorkspaceLimits::DEFAULT
        };
        assert_eq!(ws.validate(limits).unwrap_err().path(), "fitness_checks");
    }

    #[test]
    fn removing_a_check_notes_its_deletion_and_undo_takes_it_back() {
        let original = Workspace {
            fitness_checks: vec![check(1), check(2), check(3)].into(),
            ..Default::default()
        };
        let mut ws = original.clone();
        let removed = ws.remove_check(Uuid::from_u128(2), now()).unwrap();
        assert_eq!(ws.fitness_checks.len(), 2);
        assert_eq!(ws.deleted.len(), 1);
        ws.restore_check(removed);
        assert_eq!(ws, original);
    }

    #[test]
    fn promotion_stops_at_the_account_limit() {
        let mut ws = Workspace {
            accounts: (0..WorkspaceLimits::DEFAULT.max_accounts as u128)
                .map(|n| account(100 + n, &format!("K{n}")))
                .collect(),
            targets: TargetSelection {
                customers: vec![crate::domain::targets::Customer::new(
                    Uuid::from_u128(5),
                    "Neu GmbH",
                )],
                ..Default::default()
            }
            .into(),
            ..Default::default()
        };
        assert_eq!(
            ws.promote_customer(Uuid::from_u128(5), Uuid::from_u128(6), now()),
            None
        );
        assert!(ws.validate(WorkspaceLimits::DEFAULT).is_ok());
    }

    #[test]
    fn a_section_check_looks_at_its_section_and_the_whole_check_at_all() {
        let mut long = check(1);
        long.check.unit = "x".repeat(400);
        let ws = Workspace {
            fitness_checks: vec![long].into(),
            ..Default::default()
        };
        let limits = WorkspaceLimits::DEFAULT;
        assert!(ws.validate_section(Section::Targets, limits).is_ok());
        assert!(ws.validate_section(Section::Accounts, limits).is_ok());
        assert_eq!(
            ws.validate_section(Section::Fitness, limits)
                .unwrap_err()
                .path(),
            "fitness_checks[0].unit"
        );
        assert_eq!(
            ws.validate(limits).unwrap_err().path(),
            "fitness_checks[0].unit"
        );
    }
}
