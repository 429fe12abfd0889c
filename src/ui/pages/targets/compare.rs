//! The three procedures side by side, the selection goals, promotion to key
//! account, the results CSV, and the printable overview.

use super::{
    class_name, edit_targets, pareto_svg, portfolio_chart, print_page, quadrant_member,
    quadrant_name, today, use_analysis, verdict_name, NoCustomers, Pager, PromoteCell, TargetsHead,
    PAGE_SIZE,
};
use crate::domain::format_amount;
use crate::domain::targets::{
    against_goals, Analysis, CountGap, Proposal, SelectionGoals, SelectionStatus, ShareGap, Verdict,
};
use crate::storage::browser;
use crate::storage::customer_csv::{results_csv, Dialect, ResultLabels};
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part, Store};
use crate::ui::text;
use leptos::prelude::*;

fn proposal_name(locale: Locale, proposal: Proposal, top_n: u32) -> String {
    match proposal {
        Proposal::AbcA => td_string!(locale, targets.prop_abc).to_owned(),
        Proposal::TopN => td_string!(locale, targets.prop_top, n = top_n),
        Proposal::Stars => td_string!(locale, targets.prop_stars).to_owned(),
        Proposal::Chosen => td_string!(locale, targets.prop_chosen).to_owned(),
    }
}

/// How a selection stands against the goals, as text.
fn against_goals_text(locale: Locale, status: SelectionStatus, goals: SelectionGoals) -> String {
    let check = against_goals(status, goals);
    let count_text = match check.count {
        CountGap::OnTarget => td_string!(locale, targets.goal_count_ok).to_owned(),
        CountGap::TooFew(n) => text::plural!(locale, targets.goal_count_below, n),
        CountGap::TooMany(n) => text::plural!(locale, targets.goal_count_above, n),
    };
    let share_text = match check.share {
        ShareGap::Met => td_string!(locale, targets.goal_share_ok).to_owned(),
        ShareGap::Short(points) => td_string!(
            locale,
            targets.goal_share_below,
            points = text::decimal(locale, points)
        ),
    };
    format!("{count_text} · {share_text}")
}

/// The table of the four selections against the goals.
fn goals_table(
    locale: Locale,
    analysis: &Analysis,
    goals: SelectionGoals,
    top_n: u32,
) -> impl IntoView {
    view! {
        <table class="kam-table kam-table--stack" data-testid="goals-table">
            <thead><tr>
                <th scope="col">{td_string!(locale, targets.col_selection)}</th>
                <th scope="col" class="kam-num">{td_string!(locale, targets.col_count)}</th>
                <th scope="col" class="kam-num">{td_string!(locale, targets.col_revenue_share)}</th>
                <th scope="col">{td_string!(locale, targets.col_against_goals)}</th>
            </tr></thead>
            <tbody>
                {Proposal::ALL.into_iter().map(|p| {
                    let s = analysis.proposal(p);
                    view! {
                        <tr class:kam-row--chosen=p == Proposal::Chosen data-testid="goal-row">
                            <th scope="row">{proposal_name(locale, p, top_n)}</th>
                            <td class="kam-num" data-label=td_string!(locale, targets.col_count)>{s.count}</td>
                            <td class="kam-num" data-label=td_string!(locale, targets.col_revenue_share)>{text::percent1(locale, s.revenue_share)}</td>
                            <td data-label=td_string!(locale, targets.col_against_goals)>{against_goals_text(locale, s, goals)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Filter {
    All,
    Disagree,
    Chosen,
}

/// The words of the results CSV from the translation catalogue.
fn result_labels(locale: Locale) -> ResultLabels {
    let t = |s: &str| s.to_owned();
    ResultLabels {
        header: [
            t(td_string!(locale, targets.col_number)),
            t(td_string!(locale, targets.col_name)),
            t(td_string!(locale, targets.measure_revenue)),
            t(td_string!(locale, targets.measure_margin)),
            t(td_string!(locale, targets.measure_potential)),
            t(td_string!(locale, targets.csv_class)),
            t(td_string!(locale, targets.csv_cumulative)),
            t(td_string!(locale, targets.col_score)),
            t(td_string!(locale, targets.col_rank)),
            t(td_string!(locale, targets.csv_attractiveness)),
            t(td_string!(locale, targets.group_position)),
            t(td_string!(locale, targets.tab_portfolio)),
            t(td_string!(locale, targets.col_verdict)),
            t(td_string!(locale, targets.col_key_account)),
        ],
        quadrants: [
            t(td_string!(locale, targets.csv_q_star)),
            t(td_string!(locale, targets.csv_q_question)),
            t(td_string!(locale, targets.csv_q_cash)),
            t(td_string!(locale, targets.csv_q_take_along)),
        ],
        verdicts: [
            Verdict::AllFor,
            Verdict::AllAgainst,
            Verdict::Disagree,
            Verdict::Incomplete,
        ]
        .map(|v| t(verdict_name(locale, v))),
        yes: t(td_string!(locale, targets.csv_yes)),
    }
}

fn download_results(store: Store, analysis: &Analysis, dialect: Dialect, locale: Locale) {
    let labels = result_labels(locale);
    let csv = store.read_untracked(|ws| results_csv(&ws.targets, analysis, dialect, &labels));
    let _ = browser::download(
        &format!(
            "{}-{}.csv",
            td_string!(locale, targets.csv_file_name),
            today()
        ),
        &csv,
        "text/csv;charset=utf-8",
    );
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let analysis = use_analysis(store);
    let filter = RwSignal::new(Filter::All);
    let page = RwSignal::new(0usize);
    let csv_dialect = RwSignal::new(None::<Dialect>);
    let count = Memo::new(move |_| store.read(Part::Targets, |ws| ws.targets.customers.len()));

    // Largest revenue first: the order a management discussion starts from.
    let rows = Memo::new(move |_| {
        let f = filter.get();
        analysis.with(|a| {
            store.read(Part::Targets, |ws| {
                let customers = &ws.targets.customers;
                let mut rows: Vec<usize> = (0..a.customers.len())
                    .filter(|&i| match f {
                        Filter::All => true,
                        Filter::Disagree => a.customers[i].verdict == Verdict::Disagree,
                        Filter::Chosen => customers[i].account_id.is_some(),
                    })
                    .collect();
                let revenue = |i: usize| customers[i].revenue.unwrap_or(f64::NEG_INFINITY);
                rows.sort_by(|&x, &y| revenue(y).total_cmp(&revenue(x)).then(x.cmp(&y)));
                rows
            })
        })
    });

    let goals = move || {
        let locale = i18n.get_locale();
        let (goals, top_n) = store.read(Part::Targets, |ws| (ws.targets.goals, ws.targets.top_n));
        analysis.with(|a| view! {
            <div class="kam-card" data-testid="goals">
                <h2>{td_string!(locale, targets.goals_title)}</h2>
                <p>{td_string!(locale, targets.goals_intro)}</p>
                <div class="kam-toolbar">
                    <label class="kam-field kam-field--short">
                        <span>{td_string!(locale, targets.goal_count)}</span>
                        <input type="number" min="1" max="1000" data-testid="goal-count" value=goals.key_accounts
                            on:change:target=move |ev| { if let Ok(n) = ev.target().value().parse::<u32>() { let n = n.clamp(1, 1000); edit_targets(store, move |t| t.goals.key_accounts = n) } }/>
                    </label>
                    <label class="kam-field kam-field--short">
                        <span>{td_string!(locale, targets.goal_share)}</span>
                        <input type="number" min="0" max="100" step="1" data-testid="goal-share" value=goals.revenue_share
                            on:change:target=move |ev| { if let Some(v) = crate::domain::parse_decimal(&ev.target().value()) { let v = v.clamp(0.0, 100.0); edit_targets(store, move |t| t.goals.revenue_share = v) } }/>
                    </label>
                </div>
                {goals_table(locale, a, goals, top_n)}
            </div>
        })
    };

    let export = move || {
        let locale = i18n.get_locale();
        let default = if locale == Locale::de {
            Dialect::GERMAN
        } else {
            Dialect::ENGLISH
        };
        let current = csv_dialect.get().unwrap_or(default);
        view! {
            <div class="kam-card kam-toolbar kam-no-print" data-testid="results-export">
                <label class="kam-field">
                    <span>{td_string!(locale, targets.csv_dialect)}</span>
                    <select data-testid="csv-dialect" on:change:target=move |ev| csv_dialect.set(Some(if ev.target().value() == "en" { Dialect::ENGLISH } else { Dialect::GERMAN }))>
                        <option value="de" selected=current == Dialect::GERMAN>{td_string!(locale, targets.csv_de)}</option>
                        <option value="en" selected=current == Dialect::ENGLISH>{td_string!(locale, targets.csv_en)}</option>
                    </select>
                </label>
                <button class="kam-button kam-button--primary" data-testid="results-csv" on:click=move |_| analysis.with_untracked(|a| download_results(store, a, current, locale))>
                    {td_string!(locale, targets.csv_download)}
                </button>
            </div>
        }
    };

    let table = move || {
        let locale = i18n.get_locale();
        let style = text::number_style(locale);
        let visible: Vec<usize> = rows.with(|r| {
            r.iter()
                .skip(page.get() * PAGE_SIZE)
                .take(PAGE_SIZE)
                .copied()
                .collect()
        });
        let disagreements = analysis.with(Analysis::disagreements);
        let data: Vec<_> = analysis.with(|a| {
            store.read(Part::Targets, |ws| {
                visible
                    .iter()
                    .map(|&i| (ws.targets.customers[i].clone(), a.customers[i].clone()))
                    .collect()
            })
        });
        view! {
            <div class="kam-card">
                <h2>{td_string!(locale, targets.compare_title)}</h2>
                <p data-testid="disagreements"><strong>{td_string!(locale, targets.compare_disagreements, count = disagreements)}</strong></p>
                <p class="kam-muted">{td_string!(locale, targets.compare_rule)}</p>
                <fieldset class="kam-choices kam-choices--inline">
                    <legend class="kam-visually-hidden">{td_string!(locale, targets.filter_label)}</legend>
                    {[(Filter::All, td_string!(locale, targets.filter_all)), (Filter::Disagree, td_string!(locale, targets.filter_disagree)), (Filter::Chosen, td_string!(locale, targets.filter_chosen))].into_iter().map(|(f, label)| view! {
                        <label class="kam-choice"><input type="radio" name="compare-filter" checked=move || filter.get() == f on:change=move |_| { filter.set(f); page.set(0); }/><span>{label}</span></label>
                    }).collect_view()}
                </fieldset>
                <div class="kam-table-wrap">
                    <table class="kam-table kam-table--stack" data-testid="compare-table">
                        <thead><tr>
                            <th scope="col">{td_string!(locale, targets.col_name)}</th>
                            <th scope="col" class="kam-num">{td_string!(locale, targets.measure_revenue)}</th>
                            <th scope="col">{td_string!(locale, targets.col_class)}</th>
                            <th scope="col" class="kam-num">{td_string!(locale, targets.col_rank)}</th>
                            <th scope="col">{td_string!(locale, targets.col_quadrant)}</th>
                            <th scope="col">{td_string!(locale, targets.col_verdict)}</th>
                            <th scope="col">{td_string!(locale, targets.col_key_account)}</th>
                        </tr></thead>
                        <tbody>
                            {data.into_iter().map(|(c, r)| {
                                let verdict_class = match r.verdict { Verdict::Disagree => "kam-badge kam-badge--warn", Verdict::AllFor => "kam-badge kam-badge--ok", _ => "kam-badge" };
                                view! {
                                    <tr data-testid="compare-row">
                                        <th scope="row" data-label=td_string!(locale, targets.col_name)>{c.name.clone()}</th>
                                        <td class="kam-num" data-label=td_string!(locale, targets.measure_revenue)>{c.revenue.map(|v| format_amount(v, style)).unwrap_or_else(|| "–".into())}</td>
                                        <td data-label=td_string!(locale, targets.col_class)>{r.abc.map(class_name).unwrap_or("–")}</td>
                                        <td class="kam-num" data-label=td_string!(locale, targets.col_rank)>{r.rank.map(|v| v.to_string()).unwrap_or_else(|| "–".into())}</td>
                                        <td data-label=td_string!(locale, targets.col_quadrant)>{r.quadrant.map(|q| quadrant_name(locale, q)).unwrap_or("–")}</td>
                                        <td data-label=td_string!(locale, targets.col_verdict)><span class=verdict_class data-testid="verdict">{verdict_name(locale, r.verdict)}</span></td>
                                        <td data-label=td_string!(locale, targets.col_key_account)><PromoteCell customer=c.id name=c.name.clone()/></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pager page=page total=Signal::derive(move || rows.with(|r| r.len()))/>
            </div>
        }
    };

    view! {
        <section class="kam-page kam-targets">
            <TargetsHead intro=Signal::derive(move || t_string!(i18n, targets.intro_compare).to_owned())/>
            {move || if count.get() == 0 {
                view! { <NoCustomers/> }.into_any()
            } else {
                view! { {goals} {export} {table} }.into_any()
            }}
        </section>
    }
}

/// Rows of the ranking and of the disagreements on the printed overview.
const OVERVIEW_ROWS: usize = 12;

/// A one-page management overview, laid out for A4 landscape.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let analysis = use_analysis(store);
    // The printed overview is A4 landscape: a page rule is added to the
    // style sheet while this view is shown (CSSOM, allowed by the CSP).
    let rule = landscape_rule();
    on_cleanup(move || {
        if let Some(index) = rule {
            remove_rule(index);
        }
    });
    let body = move || {
        let locale = i18n.get_locale();
        if store.read(Part::Targets, |ws| ws.targets.customers.is_empty()) {
            return view! { <NoCustomers/> }.into_any();
        }
        let style = text::number_style(locale);
        analysis.with(|a| {
            store.read(Part::Targets, |ws| {
                let t = &ws.targets;
                let pareto = pareto_svg(locale, a, t.measure, t.cut_offs).unwrap_or_default();
                let (portfolio, _, _) = portfolio_chart(locale, ws, a, None);
                let top: Vec<_> = a.ranking.iter().take(OVERVIEW_ROWS.min(t.top_n as usize)).map(|&i| (t.customers[i].name.clone(), a.customers[i].clone())).collect();
                let disagree: Vec<_> = (0..a.customers.len()).filter(|&i| a.customers[i].verdict == Verdict::Disagree).take(OVERVIEW_ROWS).map(|i| (t.customers[i].name.clone(), t.customers[i].revenue, a.customers[i].clone())).collect();
                view! {
                    <div class="kam-overview" data-testid="overview">
                        <header class="kam-overview__head">
                            <h2>{td_string!(locale, targets.overview_heading, date = text::date(locale, &today()))}</h2>
                            <p class="kam-muted">{text::plural!(locale, targets.overview_basis, t.customers.len(), measure = super::measure_in_text(locale, t.measure), revenue = format_amount(a.total_revenue, style))}</p>
                        </header>
                        <div class="kam-overview__grid">
                            <section>
                                <h3>{td_string!(locale, targets.goals_title)}</h3>
                                {goals_table(locale, a, t.goals, t.top_n)}
                                <h3>{td_string!(locale, targets.ranking_title)}</h3>
                                <ol class="kam-ranking kam-ranking--compact">
                                    {top.into_iter().map(|(name, r)| view! {
                                        <li><span class="kam-ranking__name">{name}</span><span class="kam-num">{r.score.map(|s| text::decimal2(locale, s)).unwrap_or_default()}</span><span class="kam-muted">{r.abc.map(class_name).unwrap_or("–")}" · "{r.quadrant.map(|q| quadrant_member(locale, q)).unwrap_or("–")}</span></li>
                                    }).collect_view()}
                                </ol>
                            </section>
                            <section>
                                <h3>{td_string!(locale, targets.pareto_title)}</h3>
                                <div class="kam-chart" inner_html=pareto></div>
                            </section>
                            <section>
                                <h3>{td_string!(locale, targets.portfolio_title)}</h3>
                                <div class="kam-chart" inner_html=portfolio.svg></div>
                            </section>
                            <section>
                                <h3>{td_string!(locale, targets.compare_disagreements, count = a.disagreements())}</h3>
                                <div class="kam-table-wrap"><table class="kam-table kam-table--compact">
                                    <thead><tr>
                                        <th scope="col">{td_string!(locale, targets.col_name)}</th>
                                        <th scope="col" class="kam-num">{td_string!(locale, targets.measure_revenue)}</th>
                                        <th scope="col">{td_string!(locale, targets.col_class)}</th>
                                        <th scope="col" class="kam-num">{td_string!(locale, targets.col_rank)}</th>
                                        <th scope="col">{td_string!(locale, targets.col_quadrant)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {disagree.into_iter().map(|(name, revenue, r)| view! {
                                            <tr>
                                                <th scope="row">{name}</th>
                                                <td class="kam-num">{revenue.map(|v| format_amount(v, style)).unwrap_or_else(|| "–".into())}</td>
                                                <td>{r.abc.map(class_name).unwrap_or("–")}</td>
                                                <td class="kam-num">{r.rank.map(|v| v.to_string()).unwrap_or_else(|| "–".into())}</td>
                                                <td>{r.quadrant.map(|q| quadrant_name(locale, q)).unwrap_or("–")}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table></div>
                            </section>
                        </div>
                    </div>
                }
                .into_any()
            })
        })
    };
    view! {
        <section class="kam-page kam-targets kam-targets--print">
            <div class="kam-no-print">
                <TargetsHead intro=Signal::derive(move || t_string!(i18n, targets.intro_overview).to_owned())/>
                <div class="kam-actions">
                    <button class="kam-button kam-button--primary" data-testid="overview-print" on:click=move |_| print_page()>{t!(i18n, targets.print)}</button>
                </div>
            </div>
            {body}
        </section>
    }
}

/// The style sheet the landscape rule goes into: the last one.
fn last_sheet() -> Option<web_sys::CssStyleSheet> {
    use wasm_bindgen::JsCast;
    let sheets = web_sys::window()?.document()?.style_sheets();
    let count = sheets.length();
    sheets.item(count.checked_sub(1)?)?.dyn_into().ok()
}

/// Appends `@page { size: A4 landscape }` for print; returns its index.
fn landscape_rule() -> Option<u32> {
    let sheet = last_sheet()?;
    let index = sheet.css_rules().ok()?.length();
    sheet
        .insert_rule_with_index(
            "@media print { @page { size: A4 landscape; margin: 10mm; } }",
            index,
        )
        .ok()
}

fn remove_rule(index: u32) {
    if let Some(sheet) = last_sheet() {
        let _ = sheet.delete_rule(index);
    }
}
