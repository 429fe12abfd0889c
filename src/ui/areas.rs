//! The routes of each area (`src/areas.json`). Each area's binary
//! (`src/bin/kam-<area>.rs`) calls one of these; link-time optimisation
//! keeps only the pages that area routes.
//!
//! The import page reads users' files with the detailed reader
//! ([`decode_file`]: field paths in errors, unknown fields listed), so its store
//! uses that reader too; every other area uses the faster reader of stored
//! data ([`decode_stored`]). Each area links one reader.
//!
//! The reader also names the sections the area's pages use and types them
//! as the workspace is read (`decode_stored_fit`: the Fitness-Checks, their
//! catalogue and the foundations; `decode_stored_targets`: the target
//! customer selection; `decode_stored_all`: every section). Other sections
//! stay as they were stored and cost the area nothing
//! (`domain::lazy`). An area that uses a section it does not name still
//! reads it, at its first use, but a section that cannot be read is then
//! found late: name every section the area's pages use.

use super::app::{mount, Elsewhere};
use super::pages::*;
use crate::areas::Area;
use crate::storage::{
    decode_file, decode_stored, decode_stored_all, decode_stored_fit, decode_stored_introduction,
    decode_stored_people, decode_stored_targets,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

/// `area!(function, "name", reader, ("/path", Page), …)` defines the
/// function that mounts the shell with that area's routes.
macro_rules! area {
    ($(#[$doc:meta])* $function:ident, $name:literal, $read:expr, $(($path:tt, $page:ident)),+ $(,)?) => {
        $(#[$doc])*
        pub fn $function() {
            let area = Area::named($name).expect("the area is in src/areas.json");
            mount(area, $read, || {
                view! {
                    <Routes fallback=Elsewhere>
                        $(<Route path=path!($path) view=$page/>)+
                    </Routes>
                }
                .into_any()
            });
        }
    };
}

area!(
    /// The overview, the building-block pages and "page not found".
    home, "home", decode_stored_all,
    ("/", HomePage),
    ("/blocks/:slug", BlockPage),
);
area!(
    /// The list of key accounts.
    accounts, "accounts", decode_stored_all,
    ("/accounts", AccountsPage),
);
area!(
    /// One key account (new or existing), with its analysis at a glance.
    account, "account", decode_stored_all,
    ("/accounts/new", NewAccountPage),
    ("/accounts/:id", AccountPage),
);
area!(
    /// The Fitness-Check: the list of checks.
    fitness, "fitness", decode_stored_fit,
    ("/fitness", FitnessPage),
);
area!(
    /// One Fitness-Check: answering it, its result.
    fitness_check, "fitness-check", decode_stored_fit,
    ("/fitness/:id", CheckPage),
);
area!(
    /// The printable questionnaire for participants without the app.
    fitness_questionnaire, "fitness-questionnaire", decode_stored_fit,
    ("/fitness/questionnaire", QuestionnairePage),
);
area!(
    /// The group view of a seminar's Fitness-Checks. The participants'
    /// files are the app's own exports, read with the faster reader; an
    /// error names its line and column rather than the field.
    fitness_group, "fitness-group", decode_stored_fit,
    ("/fitness/group", FitnessGroupPage),
);
area!(
    /// The KAM foundations notes.
    foundations, "foundations", decode_stored_fit,
    ("/foundations", FoundationsPage),
);
area!(
    /// The target customer selection: the customer list.
    targets, "targets", decode_stored_targets,
    ("/targets", CustomersPage),
);
area!(
    /// The customer list's CSV import.
    targets_import, "targets-import", decode_stored_targets,
    ("/targets/import", ImportPage),
);
area!(
    /// The ABC analysis.
    targets_abc, "targets-abc", decode_stored_targets,
    ("/targets/abc", AbcPage),
);
area!(
    /// The scoring model.
    targets_scoring, "targets-scoring", decode_stored_targets,
    ("/targets/scoring", ScoringPage),
);
area!(
    /// The portfolio.
    targets_portfolio, "targets-portfolio", decode_stored_targets,
    ("/targets/portfolio", PortfolioPage),
);
area!(
    /// The comparison of the three procedures.
    targets_compare, "targets-compare", decode_stored_targets,
    ("/targets/compare", ComparePage),
);
area!(
    /// The printable overview of the selection.
    targets_overview, "targets-overview", decode_stored_targets,
    ("/targets/overview", OverviewPage),
);
area!(
    /// The Buying Center of one key account (block "Potenziale").
    buying_center, "buying-center", decode_stored,
    ("/potentials/buying-center/:id", BuyingCenterPage),
);
area!(
    /// The analysis of one key account at a glance, printable as the
    /// account plan on one page.
    account_overview, "account-overview", decode_stored,
    ("/potentials/overview/:id", AnalysisOverviewPage),
);
area!(
    /// The account plan of one key account.
    account_plan, "account-plan", decode_stored,
    ("/potentials/plan/:id", AccountPlanPage),
);
area!(
    /// Requirements vs. performance of one key account.
    requirements, "requirements", decode_stored,
    ("/potentials/requirements/:id", RequirementsPage),
);
area!(
    /// Our business with one key account, with the whitespace matrix.
    business, "business", decode_stored,
    ("/potentials/business/:id", BusinessPage),
);
area!(
    /// The whitespace matrix of one key account.
    whitespace, "whitespace", decode_stored,
    ("/potentials/whitespace/:id", WhitespacePage),
);
area!(
    /// The extended Steckbrief of one key account.
    profile, "profile", decode_stored,
    ("/potentials/profile/:id", ProfilePage),
);
area!(
    /// The market of one key account.
    market, "market", decode_stored,
    ("/potentials/market/:id", MarketPage),
);
area!(
    /// The information sources about one key account.
    sources, "sources", decode_stored,
    ("/potentials/sources/:id", SourcesPage),
);
area!(
    /// The customer satisfaction analysis of one key account: entering
    /// its surveys.
    satisfaction, "satisfaction", decode_stored,
    ("/processes/satisfaction/:id", SatisfactionPage),
);
area!(
    /// The results of the satisfaction surveys of one key account.
    satisfaction_results, "satisfaction-results", decode_stored,
    ("/processes/satisfaction/results/:id", SatisfactionResultsPage),
);
area!(
    /// A satisfaction survey read from a CSV file of answers.
    satisfaction_import, "satisfaction-import", decode_stored,
    ("/processes/satisfaction/import/:id", SatisfactionImportPage),
);
area!(
    /// The annual review talks of one key account: the talk and its minutes.
    review, "review", decode_stored,
    ("/processes/review/:id", ReviewPage),
);
area!(
    /// The preparation of an annual review talk, drawn from the analysis.
    review_prep, "review-prep", decode_stored,
    ("/processes/review/prep/:id", ReviewPrepPage),
);
area!(
    /// The KAM process cycle of all key accounts, and the toolbox.
    cycle, "cycle", decode_stored,
    ("/processes/cycle", CyclePage),
    ("/processes/toolbox", ToolboxPage),
);
area!(
    /// The KAM introduction project: the plan with its phases and timeline.
    introduction, "introduction", decode_stored_introduction,
    ("/introduction", IntroductionPage),
);
area!(
    /// The risk register of the introduction project.
    introduction_risks, "introduction-risks", decode_stored_introduction,
    ("/introduction/risks", RisksPage),
);
area!(
    /// The goals of the KAM programme.
    introduction_goals, "introduction-goals", decode_stored_introduction,
    ("/introduction/goals", ProgrammeGoalsPage),
);
area!(
    /// The Balanced Scorecard of one key account.
    scorecard, "scorecard", decode_stored,
    ("/results/scorecard/:id", ScorecardPage),
);
area!(
    /// The people of "Menschen im KAM" with their load, how KAM is
    /// organised, and the role description.
    people, "people", decode_stored_people,
    ("/people", PeoplePage),
    ("/people/organisation", OrganisationPage),
    ("/people/role", RolePage),
);
area!(
    /// The key account team of one key account.
    team, "team", decode_stored_people,
    ("/people/team/:id", TeamPage),
);
area!(
    /// The competency profile of one person.
    competency, "competency", decode_stored_people,
    ("/people/competency/:id", CompetencyPage),
);
area!(
    /// The development actions of one person and two assessments compared.
    competency_development, "competency-development", decode_stored_people,
    ("/people/competency/development/:id", CompetencyDevelopmentPage),
);
area!(
    /// The open actions of all key accounts' plans.
    open_actions, "open-actions", decode_stored,
    ("/potentials/actions", OpenActionsPage),
);
area!(
    /// Import and export (reads users' files).
    data, "data", decode_file,
    ("/data", DataPage),
);
area!(
    /// An import's check of the tools of the account analysis.
    data_check_potentials, "data-check-potentials", decode_stored,
    ("/data/check/potentials", PotentialsCheckPage),
);
area!(
    /// An import's check of the tools of "Menschen im KAM" and "Prozesse
    /// und Tools".
    data_check_processes, "data-check-processes", decode_stored,
    ("/data/check/processes", ProcessesCheckPage),
);
area!(
    /// Settings and snapshots.
    settings, "settings", decode_stored,
    ("/settings", SettingsPage),
);
