//! Our business with one key account: share of wallet and potential, the
//! relationship stage, revenue and margin per year with the revenue
//! chart, and the editable whitespace matrix with its sums.

use super::{
    change_with_undo, error_at, focus_soon, problem_text, show_at, tool_page, update_tool,
    AmountField, FieldError,
};
use crate::charts::business::{revenue_bars, Bar};
use crate::domain::account::Amount;
use crate::domain::format_amount;
use crate::domain::potentials::business::{
    Business, BusinessFlag, BusinessTool, CellState, Named, RevenueLine, Stage,
};
use crate::domain::potentials::ToolError;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Store};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows our business with the key account in the address.
#[component]
pub fn BusinessPage() -> impl IntoView {
    tool_page::<BusinessTool, _, _>(
        |locale| td_string!(locale, biz.title),
        |locale| td_string!(locale, biz.intro),
        |account, data| view! { <BusinessEditor account data/> },
    )
}

pub(super) fn state_name(locale: Locale, state: CellState) -> &'static str {
    match state {
        CellState::Supplied => td_string!(locale, biz.state_supplied),
        CellState::Pipeline => td_string!(locale, biz.state_pipeline),
        CellState::Competitor => td_string!(locale, biz.state_competitor),
        CellState::Gap => td_string!(locale, biz.state_gap),
        CellState::NotRelevant => td_string!(locale, biz.state_not_relevant),
    }
}

pub(super) fn state_key(state: CellState) -> &'static str {
    match state {
        CellState::Supplied => "supplied",
        CellState::Pipeline => "pipeline",
        CellState::Competitor => "competitor",
        CellState::Gap => "gap",
        CellState::NotRelevant => "not_relevant",
    }
}

pub(crate) fn stage_name(locale: Locale, stage: Stage) -> &'static str {
    match stage {
        Stage::Exploratory => td_string!(locale, biz.stage_exploratory),
        Stage::Basic => td_string!(locale, biz.stage_basic),
        Stage::Cooperative => td_string!(locale, biz.stage_cooperative),
        Stage::Interdependent => td_string!(locale, biz.stage_interdependent),
        Stage::Integrated => td_string!(locale, biz.stage_integrated),
        Stage::Disintegrating => td_string!(locale, biz.stage_disintegrating),
    }
}

fn stage_hint(locale: Locale, stage: Stage) -> &'static str {
    match stage {
        Stage::Exploratory => td_string!(locale, biz.stage_exploratory_hint),
        Stage::Basic => td_string!(locale, biz.stage_basic_hint),
        Stage::Cooperative => td_string!(locale, biz.stage_cooperative_hint),
        Stage::Interdependent => td_string!(locale, biz.stage_interdependent_hint),
        Stage::Integrated => td_string!(locale, biz.stage_integrated_hint),
        Stage::Disintegrating => td_string!(locale, biz.stage_disintegrating_hint),
    }
}

fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::Exploratory => "exploratory",
        Stage::Basic => "basic",
        Stage::Cooperative => "cooperative",
        Stage::Interdependent => "interdependent",
        Stage::Integrated => "integrated",
        Stage::Disintegrating => "disintegrating",
    }
}

/// The red flag of our business as a sentence.
pub(crate) fn flag_text(locale: Locale, flag: BusinessFlag) -> String {
    let BusinessFlag::LargeGapNoAction { share, potential } = flag;
    td_string!(
        locale,
        biz.flag_gap,
        share = text::percent(locale, share * 100.0),
        potential = format_amount(potential, text::number_style(locale))
    )
}

pub(super) fn update(
    store: Store,
    account: Uuid,
    data: Memo<Business>,
    change: impl FnOnce(&mut Business),
) -> Result<(), ToolError> {
    update_tool::<BusinessTool>(store, account, data, change)
}

#[component]
fn BusinessEditor(account: Uuid, data: Memo<Business>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let commit = move |change: Box<dyn FnOnce(&mut Business)>| -> Option<String> {
        let locale = i18n.get_locale_untracked();
        update(store, account, data, change)
            .err()
            .map(|e| problem_text(locale, &e))
    };
    let open_actions = Memo::new(move |_| {
        store.read(crate::ui::store::Part::Potentials, |ws| {
            crate::domain::potentials::tool_of(&ws.account_plans, account)
                .is_some_and(crate::domain::potentials::plan::has_open_action)
        })
    });
    let wallet = Memo::new(move |_| data.with(Business::wallet));
    let flag = Memo::new(move |_| data.with(|d| d.gap_flag(open_actions.get())));
    let wallet_view = move || {
        let locale = i18n.get_locale();
        let style = text::number_style(locale);
        match wallet.get() {
            None => view! { <p class="kam-muted" data-testid="biz-wallet-missing">{td_string!(locale, biz.wallet_missing)}</p> }.into_any(),
            Some(w) => view! {
                <dl class="kam-kpis" data-testid="biz-wallet">
                    <div><dt>{td_string!(locale, biz.share)}</dt><dd data-testid="biz-share">{text::percent(locale, w.share * 100.0)}</dd></div>
                    <div><dt>{td_string!(locale, biz.potential)}</dt><dd data-testid="biz-potential">{format_amount(w.potential, style)}</dd></div>
                    <div><dt>{td_string!(locale, biz.our_revenue, year = w.year)}</dt><dd>{format_amount(w.revenue, style)}</dd></div>
                </dl>
                {(w.share > 1.0).then(|| view! { <p class="kam-note kam-note--error" role="status">{td_string!(locale, biz.wallet_over)}</p> })}
            }.into_any(),
        }
    };
    let flag_view = move || {
        let locale = i18n.get_locale();
        flag.get().map(|f| view! {
            <ul class="kam-flags" data-testid="biz-flags">
                <li data-flag="large_gap">{flag_text(locale, f)}" "
                    <a href=href(&format!("/potentials/plan/{account}")) rel="external" class="kam-no-print">{td_string!(locale, biz.go_to_plan)}</a>
                </li>
            </ul>
        })
    };
    let stage = Memo::new(move |_| data.with(|d| d.stage));
    view! {
        <section class="kam-card" aria-labelledby="biz-wallet-title">
            <h2 id="biz-wallet-title">{t!(i18n, biz.wallet_title)}</h2>
            <p class="kam-muted kam-no-print">{t!(i18n, biz.wallet_hint)}</p>
            <div class="kam-field">
                <label>{t!(i18n, biz.demand)}
                    <AmountField label=Signal::derive(move || t_string!(i18n, biz.demand).to_owned()) testid="biz-demand"
                        value=Signal::derive(move || data.with(|d| d.demand.map(Amount::value))) negative=false
                        commit=Callback::new(move |v: Option<f64>| commit(Box::new(move |d| d.demand = v.and_then(|v| Amount::parse(v).ok()))))/>
                </label>
            </div>
            {wallet_view}
            {flag_view}
        </section>
        <section class="kam-card" aria-labelledby="biz-stage-title">
            <h2 id="biz-stage-title">{t!(i18n, biz.stage_title)}</h2>
            <div class="kam-field">
                <label for="biz-stage">{t!(i18n, biz.stage_label)}</label>
                <select id="biz-stage" data-testid="biz-stage" on:change:target=move |ev| {
                    let value = ev.target().value();
                    let chosen = Stage::ALL.into_iter().find(|s| stage_key(*s) == value);
                    error.set(commit(Box::new(move |d| d.stage = chosen)).map(|m| (Uuid::nil(), m)));
                }>
                    <option value="" prop:selected=move || stage.get().is_none()>{t!(i18n, biz.stage_none)}</option>
                    {Stage::ALL.into_iter().map(|s| view! {
                        <option value=stage_key(s) prop:selected=move || stage.get() == Some(s)>{move || stage_name(i18n.get_locale(), s)}</option>
                    }).collect::<Vec<_>>()}
                </select>
                <p class="kam-field__hint">{move || stage.get().map(|s| stage_hint(i18n.get_locale(), s)).unwrap_or_else(|| t_string!(i18n, biz.stage_hint))}</p>
            </div>
        </section>
        <RevenueSection account data error/>
        <section class="kam-card" aria-labelledby="biz-ws-link-title">
            <h2 id="biz-ws-link-title">{t!(i18n, biz.ws_title)}</h2>
            <p class="kam-muted">{t!(i18n, biz.ws_link_hint)}</p>
            <a class="kam-button kam-button--primary" rel="external" data-testid="open-whitespace"
                href=href(&format!("/potentials/whitespace/{account}"))>{t!(i18n, biz.ws_open)}</a>
        </section>
    }
}

/// Revenue lines, yearly totals and the revenue chart.
#[component]
fn RevenueSection(account: Uuid, data: Memo<Business>, error: FieldError) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let add_line = move |_| {
        let id = Uuid::new_v4();
        let year = data
            .with_untracked(|d| d.revenue.iter().map(|l| l.year).max())
            .map_or_else(
                || super::today().iso()[..4].parse::<i32>().unwrap_or(2026) - 1,
                |y| y + 1,
            );
        let locale = i18n.get_locale_untracked();
        match update(store, account, data, |d| {
            d.revenue.push(RevenueLine {
                id,
                year: year.min(crate::domain::potentials::business::LAST_YEAR),
                site: None,
                group: None,
                revenue: Amount::parse(0.0).expect("zero is an amount"),
                margin: None,
            })
        }) {
            Ok(()) => focus_soon(format!("line-{id}-revenue")),
            Err(e) => error.set(Some((Uuid::nil(), problem_text(locale, &e)))),
        }
    };
    let line_ids = move || data.with(|d| d.revenue.iter().map(|l| l.id).collect::<Vec<_>>());
    let years = Memo::new(move |_| data.with(Business::years));
    let chart = Memo::new(move |_| {
        let locale = i18n.get_locale();
        let bars: Vec<Bar> = years
            .get()
            .iter()
            .map(|y| Bar {
                year: y.year,
                revenue: y.revenue,
                margin: y.margin,
            })
            .collect();
        revenue_bars(
            &bars,
            &|v| text::short_amount(locale, v),
            [
                td_string!(locale, biz.chart_revenue),
                td_string!(locale, biz.chart_margin),
            ],
        )
    });
    let year_rows = move || {
        let locale = i18n.get_locale();
        let style = text::number_style(locale);
        years
            .get()
            .into_iter()
            .rev()
            .map(|y| {
                view! {
                    <tr data-testid="biz-year">
                        <th scope="row">{y.year}</th>
                        <td class="kam-num">{format_amount(y.revenue, style)}</td>
                        <td class="kam-num">{y.growth.map(|g| text::percent1(locale, g * 100.0)).unwrap_or_else(|| "–".into())}</td>
                        <td class="kam-num">{y.margin.map(|m| format_amount(m, style)).unwrap_or_else(|| "–".into())}</td>
                        <td class="kam-num">{y.margin_share().map(|m| text::percent1(locale, m * 100.0)).unwrap_or_else(|| "–".into())}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="kam-card" aria-labelledby="biz-revenue-title">
            <h2 id="biz-revenue-title">{t!(i18n, biz.revenue_title)}</h2>
            <p class="kam-muted kam-no-print">{t!(i18n, biz.revenue_hint)}</p>
            <Show when=move || data.with(|d| d.revenue.is_empty())>
                <p class="kam-muted">{t!(i18n, biz.revenue_empty)}</p>
            </Show>
            <Show when=move || data.with(|d| !d.revenue.is_empty())>
                <div class="kam-biz__revenue">
                    <div class="kam-table-wrap">
                        <table class="kam-table" data-testid="biz-years">
                            <thead><tr>
                                <th scope="col">{t!(i18n, biz.col_year)}</th>
                                <th scope="col" class="kam-num">{t!(i18n, biz.col_revenue)}</th>
                                <th scope="col" class="kam-num">{t!(i18n, biz.col_growth)}</th>
                                <th scope="col" class="kam-num">{t!(i18n, biz.col_margin)}</th>
                                <th scope="col" class="kam-num">{t!(i18n, biz.col_margin_share)}</th>
                            </tr></thead>
                            <tbody>{year_rows}</tbody>
                        </table>
                    </div>
                    <div class="kam-chart" data-testid="biz-chart" inner_html=move || chart.get()></div>
                </div>
                <h3>{t!(i18n, biz.lines_title)}</h3>
                <div class="kam-table-wrap">
                    <table class="kam-table kam-biz__lines" data-testid="biz-lines">
                        <thead><tr>
                            <th scope="col">{t!(i18n, biz.col_year)}</th>
                            <th scope="col">{t!(i18n, biz.col_site)}</th>
                            <th scope="col">{t!(i18n, biz.col_group)}</th>
                            <th scope="col">{t!(i18n, biz.col_revenue)}</th>
                            <th scope="col">{t!(i18n, biz.col_margin)}</th>
                            <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, biz.remove_line)}</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=line_ids key=|id| *id let:line>
                                <LineRow account data line error/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <button class="kam-button kam-button--primary kam-no-print" data-testid="biz-add-line" on:click=add_line>{t!(i18n, biz.add_line)}</button>
        </section>
    }
}

/// One revenue line: year, site, product group, revenue and margin.
#[component]
fn LineRow(account: Uuid, data: Memo<Business>, line: Uuid, error: FieldError) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = line;
    let me = Memo::new(move |_| data.with(|d| d.revenue.iter().find(|l| l.id == id).cloned()));
    let set = move |change: Box<dyn FnOnce(&mut RevenueLine)>| -> Option<String> {
        let locale = i18n.get_locale_untracked();
        update(store, account, data, |d| {
            if let Some(l) = d.revenue.iter_mut().find(|l| l.id == id) {
                change(l);
            }
        })
        .err()
        .map(|e| problem_text(locale, &e))
    };
    let year = move || me.with(|l| l.as_ref().map(|l| l.year.to_string()).unwrap_or_default());
    let choice = move |list: fn(&Business) -> &Vec<Named>,
                       chosen: fn(&RevenueLine) -> Option<Uuid>,
                       whole: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            let current = me.with(|l| l.as_ref().and_then(chosen));
            let mut options = vec![
                view! { <option value="" selected=current.is_none()>{whole(locale)}</option> },
            ];
            options.extend(data.with(|d| {
                list(d)
                    .iter()
                    .map(|n| view! { <option value=n.id.to_string() selected=current == Some(n.id)>{n.name.clone()}</option> })
                    .collect::<Vec<_>>()
            }));
            options
        }
    };
    let remove = move |_| {
        let message = td_string!(i18n.get_locale_untracked(), biz.removed_line, year = year());
        change_with_undo::<BusinessTool>(store, account, message, move |d| {
            d.revenue.retain(|l| l.id != id)
        });
    };
    view! {
        <tr data-testid="biz-line">
            <td>
                <input type="text" inputmode="numeric" class="kam-input--short" data-testid="biz-line-year" aria-label=move || t_string!(i18n, biz.col_year)
                    prop:value=year
                    on:change:target=move |ev| {
                        let locale = i18n.get_locale_untracked();
                        let message = match ev.target().value().trim().parse::<i32>() {
                            Ok(y) => set(Box::new(move |l| l.year = y)),
                            Err(_) => Some(td_string!(locale, problem.out_of_range, min = crate::domain::potentials::business::FIRST_YEAR, max = crate::domain::potentials::business::LAST_YEAR)),
                        };
                        show_at(error, id, message);
                    }/>
                <span class="kam-field__error" role="alert">{error_at(error, id)}</span>
            </td>
            <td>
                <select aria-label=move || t_string!(i18n, biz.col_site) on:change:target=move |ev| {
                    let v = Uuid::parse_str(&ev.target().value()).ok();
                    show_at(error, id, set(Box::new(move |l| l.site = v)));
                }>{choice(|d| &d.sites, |l| l.site, |l| td_string!(l, biz.whole_account))}</select>
            </td>
            <td>
                <select aria-label=move || t_string!(i18n, biz.col_group) on:change:target=move |ev| {
                    let v = Uuid::parse_str(&ev.target().value()).ok();
                    show_at(error, id, set(Box::new(move |l| l.group = v)));
                }>{choice(|d| &d.groups, |l| l.group, |l| td_string!(l, biz.all_groups))}</select>
            </td>
            <td>
                <AmountField label=Signal::derive(move || td_string!(i18n.get_locale(), biz.revenue_of, year = year())) testid="biz-line-revenue" id=format!("line-{id}-revenue")
                    value=Signal::derive(move || me.with(|l| l.as_ref().map(|l| l.revenue.value()))) negative=false
                    commit=Callback::new(move |v: Option<f64>| {
                        let amount = Amount::parse(v.unwrap_or(0.0)).ok()?;
                        set(Box::new(move |l| l.revenue = amount))
                    })/>
            </td>
            <td>
                <AmountField label=Signal::derive(move || td_string!(i18n.get_locale(), biz.margin_of, year = year())) testid="biz-line-margin"
                    value=Signal::derive(move || me.with(|l| l.as_ref().and_then(|l| l.margin))) negative=true
                    commit=Callback::new(move |v: Option<f64>| set(Box::new(move |l| l.margin = v)))/>
            </td>
            <td class="kam-no-print"><button class="kam-button" on:click=remove aria-label=move || format!("{}: {}", t_string!(i18n, biz.remove_line), year())>{t!(i18n, common.remove)}</button></td>
        </tr>
    }
}
