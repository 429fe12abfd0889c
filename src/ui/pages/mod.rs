//! One module per page (route).

mod account;
mod accounts;
mod block;
mod data;
mod data_check;
mod fitness;
mod fitness_group;
mod foundations;
mod home;
mod introduction;
mod not_found;
mod people;
mod potentials;
mod results;
mod settings;
mod targets;

pub use account::{AccountPage, NewAccountPage};
pub use accounts::AccountsPage;
pub use block::BlockPage;
pub use data::DataPage;
pub use data_check::{PotentialsCheckPage, ProcessesCheckPage};
pub use fitness::{CheckPage, FitnessPage, QuestionnairePage};
pub use fitness_group::FitnessGroupPage;
pub use foundations::FoundationsPage;
pub use home::HomePage;
pub use introduction::{IntroductionPage, ProgrammeGoalsPage, RisksPage};
pub use not_found::NotFoundPage;
pub use people::{
    CompetencyDevelopmentPage, CompetencyPage, OrganisationPage, PeoplePage, RolePage, TeamPage,
};
pub(crate) use potentials::{
    account_tool_name, account_tool_path, analysis_tool_name, analysis_tool_path, today,
};
pub use potentials::{
    AccountPlanPage, AnalysisOverviewPage, BusinessPage, BuyingCenterPage, CyclePage, MarketPage,
    OpenActionsPage, ProfilePage, RequirementsPage, ReviewPage, ReviewPrepPage,
    SatisfactionImportPage, SatisfactionPage, SatisfactionResultsPage, SourcesPage, ToolboxPage,
    WhitespacePage,
};
pub use results::ScorecardPage;
pub use settings::SettingsPage;
pub use targets::{
    AbcPage, ComparePage, CustomersPage, ImportPage, OverviewPage, PortfolioPage, ScoringPage,
};
