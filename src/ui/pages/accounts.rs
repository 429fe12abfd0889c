use crate::domain::potentials::findings::findings;
use crate::domain::{filter_and_sort, format_amount, SortKey, SortOrder};
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;

/// One line of the account table, computed from the workspace.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    industry: String,
    country: String,
    kam: String,
    revenue: Option<f64>,
    modified: crate::domain::Timestamp,
    /// Completeness of the account analysis, "filled/all".
    analysis: String,
    /// Number of red flags of the account analysis.
    flags: usize,
}

/// The list of key accounts: search, sort, open, create.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let query = RwSignal::new(String::new());
    let sort_key = RwSignal::new(SortKey::Name);
    let order = RwSignal::new(SortOrder::Ascending);
    let total = move || store.read(Part::Accounts, |ws| ws.accounts.len());
    let today = crate::ui::pages::today();
    let rows = Memo::new(move |_| {
        store.read_all(|ws| {
            filter_and_sort(&ws.accounts, &query.get(), sort_key.get(), order.get())
                .into_iter()
                .map(|a| {
                    let found = findings(ws, a.id, today);
                    let (done, all) = found.completeness();
                    (a, format!("{done}/{all}"), found.flags.len())
                })
                .map(|(a, analysis, flags)| Row {
                    id: a.id.to_string(),
                    name: a.name.clone(),
                    industry: a.industry.clone(),
                    country: a.country.clone(),
                    kam: a.kam_responsible.clone(),
                    revenue: a.revenue_last_year.map(|r| r.value()),
                    modified: a.modified,
                    analysis,
                    flags,
                })
                .collect::<Vec<_>>()
        })
    });
    let table = move || {
        let locale = i18n.get_locale();
        if total() == 0 {
            return view! {
                <div class="kam-card kam-empty" data-testid="accounts-empty">
                    <h2>{td_string!(locale, accounts.empty_title)}</h2>
                    <p>{td_string!(locale, accounts.empty_body)}</p>
                    <div class="kam-actions">
                        <A href=href("/accounts/new") attr:class="kam-button kam-button--primary">{td_string!(locale, accounts.add)}</A>
                        <A href=href("/data") attr:class="kam-button">{td_string!(locale, home.start_import)}</A>
                    </div>
                </div>
            }
            .into_any();
        }
        let list = rows.get();
        if list.is_empty() {
            return view! {
                <div class="kam-card kam-empty" data-testid="accounts-no-results">
                    <p>{td_string!(locale, accounts.no_results, query = query.get())}</p>
                    <button class="kam-button" on:click=move |_| query.set(String::new())>
                        {td_string!(locale, accounts.clear_search)}
                    </button>
                </div>
            }
            .into_any();
        }
        let style = text::number_style(locale);
        let none = td_string!(locale, accounts.no_revenue);
        view! {
            <table class="kam-table kam-table--stack" data-testid="accounts-table">
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, accounts.col_name)}</th>
                        <th scope="col">{td_string!(locale, accounts.col_industry)}</th>
                        <th scope="col">{td_string!(locale, accounts.col_country)}</th>
                        <th scope="col">{td_string!(locale, accounts.col_kam)}</th>
                        <th scope="col" class="kam-num">{td_string!(locale, accounts.col_revenue)}</th>
                        <th scope="col">{td_string!(locale, accounts.col_modified)}</th>
                        <th scope="col">{td_string!(locale, analysis.col_analysis)}</th>
                        <th scope="col" class="kam-num">{td_string!(locale, analysis.col_flags)}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|row| {
                            view! {
                                <tr data-testid="account-row">
                                    <th scope="row" data-label=td_string!(locale, accounts.col_name)>
                                        <A href=href(&format!("/accounts/{}", row.id))>{row.name}</A>
                                    </th>
                                    <td data-label=td_string!(locale, accounts.col_industry)>{row.industry}</td>
                                    <td data-label=td_string!(locale, accounts.col_country)>{row.country}</td>
                                    <td data-label=td_string!(locale, accounts.col_kam)>{row.kam}</td>
                                    <td class="kam-num" data-label=td_string!(locale, accounts.col_revenue)>
                                        {row.revenue.map(|v| format_amount(v, style)).unwrap_or_else(|| none.to_owned())}
                                    </td>
                                    <td data-label=td_string!(locale, accounts.col_modified)>{text::time(locale, row.modified)}</td>
                                    <td data-label=td_string!(locale, analysis.col_analysis)>{row.analysis}</td>
                                    <td class="kam-num" data-label=td_string!(locale, analysis.col_flags) data-testid="account-flags">{row.flags}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    let controls = move || {
        (total() > 0).then(|| {
            view! {
                <div class="kam-toolbar">
                    <label class="kam-field kam-field--grow">
                        <span>{t!(i18n, accounts.search_label)}</span>
                        <input
                            type="search"
                            data-testid="account-search"
                            placeholder=move || t_string!(i18n, accounts.search_placeholder)
                            prop:value=move || query.get()
                            on:input:target=move |ev| query.set(ev.target().value())
                        />
                    </label>
                    <label class="kam-field">
                        <span>{t!(i18n, accounts.sort_label)}</span>
                        <select
                            data-testid="account-sort"
                            on:change:target=move |ev| {
                                if let Some(key) = SortKey::parse(&ev.target().value()) {
                                    sort_key.set(key)
                                }
                            }
                            prop:value=move || sort_key.get().as_str()
                        >
                            <option value="name">{t!(i18n, accounts.sort_name)}</option>
                            <option value="industry">{t!(i18n, accounts.sort_industry)}</option>
                            <option value="revenue">{t!(i18n, accounts.sort_revenue)}</option>
                            <option value="modified">{t!(i18n, accounts.sort_modified)}</option>
                        </select>
                    </label>
                    <label class="kam-field">
                        <span class="kam-visually-hidden">{t!(i18n, accounts.sort_label)}</span>
                        <select
                            data-testid="account-order"
                            on:change:target=move |ev| {
                                order.set(if ev.target().value() == "desc" { SortOrder::Descending } else { SortOrder::Ascending })
                            }
                            prop:value=move || if order.get() == SortOrder::Descending { "desc" } else { "asc" }
                        >
                            <option value="asc">{t!(i18n, accounts.order_asc)}</option>
                            <option value="desc">{t!(i18n, accounts.order_desc)}</option>
                        </select>
                    </label>
                    <p class="kam-muted kam-count" data-testid="account-count">
                        {move || t_string!(i18n, accounts.count, shown = rows.with(|r| r.len()), total = total())}
                    </p>
                </div>
            }
        })
    };
    view! {
        <section class="kam-page">
            <div class="kam-page__head">
                <div>
                    <h1>{t!(i18n, accounts.title)}</h1>
                    <p class="kam-lead">{t!(i18n, accounts.intro)}</p>
                </div>
                <A href=href("/accounts/new") attr:class="kam-button kam-button--primary">{t!(i18n, accounts.add)}</A>
            </div>
            {controls}
            {table}
        </section>
    }
}
