use crate::domain::BuildingBlock;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::use_store;
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;

/// The overview: the six building blocks of the concept, what the workspace
/// holds in each, and first steps for a new user.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let is_empty = move || store.read_all(|ws| ws.is_empty());
    let getting_started = move || {
        is_empty().then(|| {
            view! {
                <section class="kam-card kam-card--highlight kam-start" data-testid="getting-started">
                    <h2>{t!(i18n, home.start_title)}</h2>
                    <p>{t!(i18n, home.start_body)}</p>
                    <div class="kam-actions">
                        <A href=href("/accounts/new") attr:class="kam-button kam-button--primary">{t!(i18n, home.start_create)}</A>
                        <A href=href("/data") attr:class="kam-button">{t!(i18n, home.start_import)}</A>
                    </div>
                </section>
            }
        })
    };
    view! {
        <section class="kam-page">
            <h1>{t!(i18n, home.title)}</h1>
            <p class="kam-lead">{t!(i18n, home.intro)}</p>
            {getting_started}
            <h2>{t!(i18n, home.blocks_title)}</h2>
            <ol class="kam-blocks">
                {BuildingBlock::ALL.into_iter().enumerate().map(|(i, block)| view! { <BlockCard block number=i + 1/> }).collect_view()}
            </ol>
            <p class="kam-privacy">{t!(i18n, home.privacy)}</p>
        </section>
    }
}

/// One building block on the overview.
#[component]
fn BlockCard(
    /// The block to show.
    block: BuildingBlock,
    /// Its position in the concept, 1–6.
    number: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let holdings = move || {
        let locale = i18n.get_locale();
        store.read_all(|ws| {
            let (mut parts, last) = match block {
                BuildingBlock::Potentials => {
                    let count = ws.accounts.len();
                    let part =
                        (count > 0).then(|| text::plural!(locale, count.key_accounts, count));
                    (part.into_iter().collect::<Vec<_>>(), ws.last_modified())
                }
                BuildingBlock::Fit => {
                    let count = ws.fitness_checks.len();
                    let mut parts = Vec::new();
                    if count > 0 {
                        parts.push(text::plural!(locale, count.checks, count));
                    }
                    if !ws.foundations.is_empty() {
                        parts.push(td_string!(locale, home.foundations_noted).to_owned());
                    }
                    (parts, ws.last_fit_change())
                }
                BuildingBlock::Goals => {
                    let t = &ws.targets;
                    let chosen = t
                        .customers
                        .iter()
                        .filter(|c| c.account_id.is_some())
                        .count();
                    let count = t.customers.len();
                    let part = (count > 0)
                        .then(|| text::plural!(locale, home.customers, count, chosen = chosen));
                    (part.into_iter().collect::<Vec<_>>(), t.modified)
                }
                _ => (Vec::new(), None),
            };
            if parts.is_empty() {
                return td_string!(locale, home.no_data_yet).to_owned();
            }
            if let Some(at) = last {
                parts.push(td_string!(
                    locale,
                    home.last_change,
                    time = text::time(locale, at)
                ));
            }
            parts.join(", ")
        })
    };
    let planned_note = move || {
        (!block.has_available_tools())
            .then(|| view! { <p class="kam-muted">{t!(i18n, home.tools_planned)}</p> })
    };
    view! {
        <li class="kam-card kam-block" class:kam-block--planned=!block.has_available_tools() data-block=block.slug()>
            <div class="kam-block__head">
                <span class="kam-block__number" aria-hidden="true">{number}</span>
                <div>
                    <h3>
                        <A href=href(&format!("/blocks/{}", block.slug()))>{move || text::block_name(i18n.get_locale(), block)}</A>
                    </h3>
                    <p class="kam-block__chapter">{t!(i18n, home.chapter, n = block.chapter())}</p>
                </div>
            </div>
            <p>{move || text::block_summary(i18n.get_locale(), block)}</p>
            <p class="kam-block__holdings" data-testid="block-holdings">{holdings}</p>
            {planned_note}
        </li>
    }
}
