//! The app shell: language context, store, router, header and footer.

use super::components::{Banners, LanguageSwitch, SaveIndicator, ToastView};
use super::i18n::*;
use super::pages::{
    AbcPage, ComparePage, CustomersPage, ImportPage, OverviewPage, PortfolioPage, ScoringPage,
};
use super::pages::{
    AccountPage, AccountsPage, BlockPage, CheckPage, DataPage, FitnessGroupPage, FitnessPage,
    FoundationsPage, HomePage, NewAccountPage, NotFoundPage, QuestionnairePage, SettingsPage,
};
use super::store::Store;
use crate::storage::browser;
use crate::ui::href;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider enable_cookie=false>
            <Shell/>
        </I18nContextProvider>
    }
}

/// Header, banners, routed pages, footer and notices.
#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    super::language::init(i18n);
    provide_context(Store::init());
    let base = browser::base_path();
    view! {
        <Router base=base>
            <a class="kam-skip" href="#main">{t!(i18n, app.skip)}</a>
            <header class="kam-header">
                <div class="kam-header__inner">
                    <A href=href("/") attr:class="kam-brand">
                        <span class="kam-brand__mark" aria-hidden="true">"K"</span>
                        <span>{t!(i18n, app.title)}</span>
                    </A>
                    <nav class="kam-nav" aria-label=move || t_string!(i18n, nav.label)>
                        <A href=href("/") exact=true>{t!(i18n, nav.home)}</A>
                        <A href=href("/accounts")>{t!(i18n, nav.accounts)}</A>
                        <A href=href("/targets")>{t!(i18n, nav.targets)}</A>
                        <A href=href("/data")>{t!(i18n, nav.data)}</A>
                        <A href=href("/settings")>{t!(i18n, nav.settings)}</A>
                    </nav>
                    <div class="kam-header__tools">
                        <SaveIndicator/>
                        <LanguageSwitch/>
                    </div>
                </div>
            </header>
            <Banners/>
            <main id="main" class="kam-main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/accounts") view=AccountsPage/>
                    <Route path=path!("/accounts/new") view=NewAccountPage/>
                    <Route path=path!("/accounts/:id") view=AccountPage/>
                    <Route path=path!("/blocks/:slug") view=BlockPage/>
                    <Route path=path!("/fitness") view=FitnessPage/>
                    <Route path=path!("/fitness/group") view=FitnessGroupPage/>
                    <Route path=path!("/fitness/questionnaire") view=QuestionnairePage/>
                    <Route path=path!("/fitness/:id") view=CheckPage/>
                    <Route path=path!("/foundations") view=FoundationsPage/>
                    <Route path=path!("/targets") view=CustomersPage/>
                    <Route path=path!("/targets/import") view=ImportPage/>
                    <Route path=path!("/targets/abc") view=AbcPage/>
                    <Route path=path!("/targets/scoring") view=ScoringPage/>
                    <Route path=path!("/targets/portfolio") view=PortfolioPage/>
                    <Route path=path!("/targets/compare") view=ComparePage/>
                    <Route path=path!("/targets/overview") view=OverviewPage/>
                    <Route path=path!("/data") view=DataPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                </Routes>
            </main>
            <footer class="kam-footer">
                <span>{t!(i18n, footer.privacy)}</span>
                <span>{t!(i18n, footer.version, version = crate::APP_VERSION)}</span>
            </footer>
            <ToastView/>
        </Router>
    }
}
