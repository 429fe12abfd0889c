//! The app shell that every area shares: language context, store, router,
//! header, footer and notices. Each area (`super::areas`) puts its own
//! routes into it.

use super::components::{Banners, LanguageSwitch, SaveIndicator, ToastView};
use super::i18n::*;
use super::pages::NotFoundPage;
use super::store::{Reader, Store};
use crate::areas::Area;
use crate::storage::browser;
use crate::ui::href;
use leptos::prelude::*;
use leptos_router::components::{Router, A};
use leptos_router::hooks::use_location;

/// The area this binary serves, set once by [`mount`].
static CURRENT: std::sync::OnceLock<Area> = std::sync::OnceLock::new();

/// The area this page belongs to.
pub fn current_area() -> Area {
    *CURRENT
        .get()
        .expect("the area is set when the app is mounted")
}

/// Starts the app for one area: `routes` is that area's `<Routes>`, whose
/// fallback should be [`Elsewhere`]; `read` the reader of stored data
/// ([`Store::init`]).
pub fn mount(area: Area, read: Reader, routes: fn() -> AnyView) {
    // A panic's message and place in the browser's console (what
    // console_error_panic_hook does, without the JS stack trace: 0.7 KB gzip
    // less on every page, docs/PERFORMANCE.md).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    CURRENT.set(area).ok();
    leptos::mount::mount_to_body(move || {
        view! {
            <I18nContextProvider enable_cookie=false>
                <Shell read routes/>
            </I18nContextProvider>
        }
    });
}

/// `rel="external"` for a link to a page of another area, so that the
/// browser loads that area's page instead of the router looking for a
/// route it does not have.
pub fn rel_for(path: &str) -> Option<&'static str> {
    (Area::of_path(path) != current_area()).then_some("external")
}

/// Header, banners, routed pages, footer and notices.
#[component]
fn Shell(read: Reader, routes: fn() -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    super::language::init(i18n);
    provide_context(Store::init(read));
    let base = browser::base_path();
    let nav = |path: &'static str, exact: bool, label: AnyView| {
        view! { <A href=href(path) exact attr:rel=rel_for(path)>{label}</A> }
    };
    view! {
        <Router base=base>
            <a class="kam-skip" href="#main">{t!(i18n, app.skip)}</a>
            <header class="kam-header">
                <div class="kam-header__inner">
                    <A href=href("/") attr:class="kam-brand" attr:rel=rel_for("/")>
                        <span class="kam-brand__mark" aria-hidden="true">"K"</span>
                        <span>{t!(i18n, app.title)}</span>
                    </A>
                    <nav class="kam-nav" aria-label=move || t_string!(i18n, nav.label)>
                        {nav("/", true, t!(i18n, nav.home).into_any())}
                        {nav("/accounts", false, t!(i18n, nav.accounts).into_any())}
                        {nav("/targets", false, t!(i18n, nav.targets).into_any())}
                        {nav("/data", false, t!(i18n, nav.data).into_any())}
                        {nav("/settings", false, t!(i18n, nav.settings).into_any())}
                    </nav>
                    <div class="kam-header__tools">
                        <SaveIndicator/>
                        <LanguageSwitch/>
                    </div>
                </div>
            </header>
            <Banners/>
            <main id="main" class="kam-main" tabindex="-1">
                {routes()}
            </main>
            <footer class="kam-footer">
                <span>{t!(i18n, footer.privacy)}</span>
                <span>{t!(i18n, footer.version, version = crate::APP_VERSION)}</span>
            </footer>
            <ToastView/>
        </Router>
    }
}

/// The fallback of every area's routes. A path of another area (reached
/// through a link inside this page) is loaded as a page of its own, which
/// brings that area's code; a path no area knows shows "page not found".
#[component]
pub fn Elsewhere() -> impl IntoView {
    let location = use_location();
    move || {
        // The router's location: the browser's address may not have changed
        // yet when the fallback is chosen.
        let base = browser::base_path();
        let pathname = location.pathname.get();
        let path = match pathname.strip_prefix(&base) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => rest.to_owned(),
            _ => pathname.clone(),
        };
        if Area::of_path(&path) == current_area() {
            view! { <NotFoundPage/> }.into_any()
        } else {
            // `?query` and `#hash` with their sign, whether or not the
            // router keeps it.
            let part = |sign: char, text: String| match text.trim_start_matches(sign) {
                "" => String::new(),
                rest => format!("{sign}{rest}"),
            };
            let search = part('?', location.search.get_untracked());
            let hash = part('#', location.hash.get_untracked());
            browser::load_page(&format!("{base}{path}{search}{hash}"));
            ().into_any()
        }
    }
}
