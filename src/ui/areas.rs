//! The routes of each area (`src/areas.json`). Each area's binary
//! (`src/bin/kam-<area>.rs`) calls one of these; link-time optimisation
//! keeps only the pages that area routes.

use super::app::{mount, Elsewhere};
use super::pages::*;
use crate::areas::Area;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn area(name: &str) -> Area {
    Area::named(name).expect("the area is in src/areas.json")
}

/// The overview, the building-block pages and "page not found".
pub fn home() {
    mount(area("home"), || {
        view! {
            <Routes fallback=Elsewhere>
                <Route path=path!("/") view=HomePage/>
                <Route path=path!("/blocks/:slug") view=BlockPage/>
            </Routes>
        }
        .into_any()
    });
}

/// The key accounts: list, new key account, one key account.
pub fn accounts() {
    mount(area("accounts"), || {
        view! {
            <Routes fallback=Elsewhere>
                <Route path=path!("/accounts") view=AccountsPage/>
                <Route path=path!("/accounts/new") view=NewAccountPage/>
                <Route path=path!("/accounts/:id") view=AccountPage/>
            </Routes>
        }
        .into_any()
    });
}

/// "Fit für KAM": the Fitness-Check (own checks, the participants'
/// questionnaire, the group view) and the foundations notes.
pub fn fitness() {
    mount(area("fitness"), || {
        view! {
            <Routes fallback=Elsewhere>
                <Route path=path!("/fitness") view=FitnessPage/>
                <Route path=path!("/fitness/group") view=FitnessGroupPage/>
                <Route path=path!("/fitness/questionnaire") view=QuestionnairePage/>
                <Route path=path!("/fitness/:id") view=CheckPage/>
                <Route path=path!("/foundations") view=FoundationsPage/>
            </Routes>
        }
        .into_any()
    });
}

/// "Ziele": the target customer selection.
pub fn targets() {
    mount(area("targets"), || {
        view! {
            <Routes fallback=Elsewhere>
                <Route path=path!("/targets") view=CustomersPage/>
                <Route path=path!("/targets/import") view=ImportPage/>
                <Route path=path!("/targets/abc") view=AbcPage/>
                <Route path=path!("/targets/scoring") view=ScoringPage/>
                <Route path=path!("/targets/portfolio") view=PortfolioPage/>
                <Route path=path!("/targets/compare") view=ComparePage/>
                <Route path=path!("/targets/overview") view=OverviewPage/>
            </Routes>
        }
        .into_any()
    });
}

/// Import and export, snapshots, settings.
pub fn data() {
    mount(area("data"), || {
        view! {
            <Routes fallback=Elsewhere>
                <Route path=path!("/data") view=DataPage/>
                <Route path=path!("/settings") view=SettingsPage/>
            </Routes>
        }
        .into_any()
    });
}
