//! Target customer selection (block "Ziele", book section 3.2): customer
//! list, CSV import, ABC analysis, weighted scoring, portfolio, comparison
//! and a printable overview. Every figure comes from
//! `domain::targets::analyse`.

mod abc;
mod compare;
mod customers;
mod import;
mod portfolio;
mod scoring;

pub use abc::AbcPage;
pub use compare::{ComparePage, OverviewPage};
pub use customers::CustomersPage;
pub use import::ImportPage;
pub use portfolio::PortfolioPage;
pub use scoring::ScoringPage;

use crate::charts::targets::{pareto_of, portfolio_of, ParetoText, PortfolioChart, PortfolioText};
use crate::domain::targets::{
    analyse, bubbles_drawn, AbcClass, Analysis, BubbleChoice, CutOffs, Measure, Quadrant,
    TargetSelection, Verdict,
};
use crate::storage::browser;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{Notice, Part, Store};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;

/// Rows per page in the long tables.
pub const PAGE_SIZE: usize = 50;

/// The analysis of the workspace's selection, recomputed when it changes.
pub fn use_analysis(store: Store) -> Memo<Analysis> {
    Memo::new(move |_| store.read(Part::Targets, |ws| analyse(&ws.targets)))
}

/// Changes the target selection and stamps it.
pub fn edit_targets(store: Store, change: impl FnOnce(&mut TargetSelection)) {
    let now = browser::now();
    store.edit_part(Part::Targets, |ws| {
        change(&mut ws.targets);
        ws.targets.modified = Some(now);
    });
}

/// Changes the selection after keeping the current state for undo; the
/// notice says `message` and offers "undo" (which puts the whole list back
/// as it was, links to key accounts deleted meanwhile excepted). Returns
/// whether the change was made; a refused one is explained in the notice.
pub fn edit_targets_with_undo(
    store: Store,
    message: String,
    change: impl FnOnce(&mut TargetSelection),
) -> bool {
    let now = browser::now();
    store.edit_with_undo(Notice::Worded(message), |ws| {
        let before = (*ws.targets).clone();
        change(&mut ws.targets);
        ws.targets.modified = Some(now);
        Some(Box::new(move |ws: &mut crate::domain::Workspace| {
            ws.restore_targets(before)
        }))
    })
}

/// The measure inside a sentence or heading ("share of revenue"): lower
/// case in English, the noun as it is in German.
pub fn measure_in_text(locale: Locale, measure: Measure) -> &'static str {
    match measure {
        Measure::Revenue => td_string!(locale, targets.measure_revenue_in_text),
        Measure::Margin => td_string!(locale, targets.measure_margin_in_text),
        Measure::Potential => td_string!(locale, targets.measure_potential_in_text),
    }
}

pub fn measure_name(locale: Locale, measure: Measure) -> &'static str {
    match measure {
        Measure::Revenue => td_string!(locale, targets.measure_revenue),
        Measure::Margin => td_string!(locale, targets.measure_margin),
        Measure::Potential => td_string!(locale, targets.measure_potential),
    }
}

/// The Pareto chart of the current analysis with its texts in the given
/// language; `None` when there is no ABC analysis.
pub fn pareto_svg(
    locale: Locale,
    analysis: &Analysis,
    measure: Measure,
    cut_offs: CutOffs,
) -> Option<String> {
    let abc = analysis.abc.as_ref().ok()?;
    let label = |v: f64| text::percent(locale, v);
    let measure = measure_in_text(locale, measure);
    let chart_text = ParetoText {
        x_axis: td_string!(locale, targets.pareto_x, measure = measure),
        y_axis: td_string!(locale, targets.pareto_y, measure = measure),
        cut_a: td_string!(
            locale,
            targets.pareto_cut,
            class = "A",
            value = label(cut_offs.a)
        ),
        cut_b: td_string!(
            locale,
            targets.pareto_cut,
            class = "B",
            value = label(cut_offs.b)
        ),
        percent: match locale {
            Locale::de => " %".into(),
            Locale::en => "%".into(),
        },
    };
    Some(pareto_of(abc, cut_offs, &chart_text))
}

/// The portfolio chart of the current analysis with its texts in the given
/// language, which customer each bubble is (list indexes), and how many
/// customers had both axes.
pub fn portfolio_chart(
    locale: Locale,
    ws: &crate::domain::Workspace,
    analysis: &Analysis,
    selected: Option<uuid::Uuid>,
) -> (PortfolioChart, Vec<usize>, usize) {
    let BubbleChoice { drawn, with_axes } = bubbles_drawn(&ws.targets, analysis);
    let chart_text = PortfolioText {
        x_axis: td_string!(locale, targets.axis_position).to_owned(),
        y_axis: td_string!(locale, targets.axis_attractiveness).to_owned(),
        quadrants: [
            Quadrant::QuestionMark,
            Quadrant::Star,
            Quadrant::TakeAlong,
            Quadrant::Cash,
        ]
        .map(|q| quadrant_name(locale, q).to_owned()),
    };
    let chart = portfolio_of(&ws.targets, analysis, &drawn, selected, &chart_text);
    (chart, drawn, with_axes)
}

pub fn class_name(class: AbcClass) -> &'static str {
    match class {
        AbcClass::A => "A",
        AbcClass::B => "B",
        AbcClass::C => "C",
    }
}

pub fn quadrant_name(locale: Locale, quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::Star => td_string!(locale, targets.q_star),
        Quadrant::QuestionMark => td_string!(locale, targets.q_question),
        Quadrant::Cash => td_string!(locale, targets.q_cash),
        Quadrant::TakeAlong => td_string!(locale, targets.q_take_along),
    }
}

/// The portfolio field as a label for one customer in it („Starkunde“).
pub fn quadrant_member(locale: Locale, quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::Star => td_string!(locale, targets.q_star_one),
        Quadrant::QuestionMark => td_string!(locale, targets.q_question_one),
        Quadrant::Cash => td_string!(locale, targets.q_cash_one),
        Quadrant::TakeAlong => td_string!(locale, targets.q_take_along_one),
    }
}

pub fn quadrant_strategy(locale: Locale, quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::Star => td_string!(locale, targets.q_star_strategy),
        Quadrant::QuestionMark => td_string!(locale, targets.q_question_strategy),
        Quadrant::Cash => td_string!(locale, targets.q_cash_strategy),
        Quadrant::TakeAlong => td_string!(locale, targets.q_take_along_strategy),
    }
}

pub fn verdict_name(locale: Locale, verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::AllFor => td_string!(locale, targets.v_all_for),
        Verdict::AllAgainst => td_string!(locale, targets.v_all_against),
        Verdict::Disagree => td_string!(locale, targets.v_disagree),
        Verdict::Incomplete => td_string!(locale, targets.v_incomplete),
    }
}

/// Page title, introduction and the tabs of the tool.
#[component]
pub fn TargetsHead(#[prop(into)] intro: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let tab = |path: &'static str, label: Signal<String>, exact: bool| {
        view! { <A href=href(path) exact=exact attr:class="kam-tab">{move || label.get()}</A> }
    };
    view! {
        <nav class="kam-breadcrumb" aria-label=move || t_string!(i18n, targets.breadcrumb_label)>
            <A href=href("/blocks/goals")>{t!(i18n, targets.block_link)}</A>
        </nav>
        <h1>{t!(i18n, targets.title)}</h1>
        <p class="kam-lead">{move || intro.get()}</p>
        <nav class="kam-tabs" aria-label=move || t_string!(i18n, targets.tabs_label) data-testid="targets-tabs">
            {tab("/targets", Signal::derive(move || t_string!(i18n, targets.tab_customers).to_owned()), true)}
            {tab("/targets/import", Signal::derive(move || t_string!(i18n, targets.tab_import).to_owned()), true)}
            {tab("/targets/abc", Signal::derive(move || t_string!(i18n, targets.tab_abc).to_owned()), true)}
            {tab("/targets/scoring", Signal::derive(move || t_string!(i18n, targets.tab_scoring).to_owned()), true)}
            {tab("/targets/portfolio", Signal::derive(move || t_string!(i18n, targets.tab_portfolio).to_owned()), true)}
            {tab("/targets/compare", Signal::derive(move || t_string!(i18n, targets.tab_compare).to_owned()), true)}
            {tab("/targets/overview", Signal::derive(move || t_string!(i18n, targets.tab_overview).to_owned()), true)}
        </nav>
    }
}

/// Shown instead of an analysis while the list is empty.
#[component]
pub fn NoCustomers() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="kam-card kam-empty" data-testid="targets-empty">
            <h2>{t!(i18n, targets.empty_title)}</h2>
            <p>{t!(i18n, targets.empty_body)}</p>
            <div class="kam-actions">
                <A href=href("/targets/import") attr:class="kam-button kam-button--primary">{t!(i18n, targets.empty_import)}</A>
                <A href=href("/targets") attr:class="kam-button">{t!(i18n, targets.empty_manual)}</A>
            </div>
        </div>
    }
}

/// Previous/next buttons for a paginated table. `page` is 0-based.
#[component]
pub fn Pager(page: RwSignal<usize>, #[prop(into)] total: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let pages = move || total.get().div_ceil(PAGE_SIZE).max(1);
    // A shrinking list (filter, delete) must not leave us past the end.
    Effect::new(move |_| {
        let last = pages() - 1;
        if page.get_untracked() > last {
            page.set(last);
        }
    });
    view! {
        <div class="kam-pager" data-testid="pager">
            <button class="kam-button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                {t!(i18n, targets.page_prev)}
            </button>
            <span data-testid="pager-status">
                {move || {
                    let total = total.get();
                    let first = (page.get() * PAGE_SIZE + 1).min(total);
                    let last = ((page.get() + 1) * PAGE_SIZE).min(total);
                    t_string!(i18n, targets.page_status, first = first, last = last, total = total)
                }}
            </span>
            <button class="kam-button" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>
                {t!(i18n, targets.page_next)}
            </button>
        </div>
    }
}

/// Offers an SVG string as a file.
pub fn download_svg(name: &str, svg: &str) {
    let _ = browser::download(name, svg, "image/svg+xml");
}

/// Today as `YYYY-MM-DD`, for file names.
pub fn today() -> String {
    browser::now().date_stamp()
}

pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Promotes a customer to a key account (creates or links the account).
pub fn promote(store: Store, customer: uuid::Uuid) {
    let now = browser::now();
    let mut promoted = true;
    store.edit(|ws| {
        promoted = ws
            .promote_customer(customer, uuid::Uuid::new_v4(), now)
            .is_some();
    });
    if !promoted {
        // The only reason a known customer cannot become a key account.
        let max = crate::domain::WorkspaceLimits::DEFAULT.max_accounts;
        store.show_toast(crate::ui::store::Toast::Refused(
            crate::domain::WorkspaceError::Family {
                family: crate::domain::Family::Account,
                problem: crate::domain::RecordProblem::TooMany {
                    count: max + 1,
                    max,
                },
            },
        ));
    }
}

/// The "key account" cell of a customer: a link to the account, or the
/// button that promotes the customer.
#[component]
pub fn PromoteCell(customer: uuid::Uuid, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = crate::ui::store::use_store();
    let account = move || {
        store.read(Part::Targets, |ws| {
            let id = ws
                .targets
                .customers
                .iter()
                .find(|c| c.id == customer)?
                .account_id?;
            ws.account(id).map(|a| (a.id, a.name.clone()))
        })
    };
    move || {
        match account() {
        Some((id, account_name)) => view! {
            <A href=href(&format!("/accounts/{id}")) attr:class="kam-badge kam-badge--ok" attr:data-testid="account-link">{account_name}</A>
        }
        .into_any(),
        None => {
            let label = t_string!(i18n, targets.promote_named, name = name.clone());
            view! {
                <button class="kam-button kam-button--small" data-testid="promote" aria-label=label on:click=move |_| promote(store, customer)>
                    {t!(i18n, targets.promote)}
                </button>
            }
            .into_any()
        }
    }
    }
}
