//! The whitespace matrix of one key account (part of our business with
//! it): the account's sites or units against our product groups, each cell
//! with who supplies it and its yearly value, with row, column and total
//! sums. A page of its own, so that the revenue page stays light.

use super::business::{state_key, state_name, update};
use super::{change_with_undo, focus_soon, problem_text, show_at, tool_page};
use super::{error_at, AmountField, FieldError, RowSignals};
use crate::charts::business::whitespace_grid;
use crate::domain::account::Amount;
use crate::domain::format_amount;
use crate::domain::potentials::business::{Business, BusinessTool, Cell, CellState, Named};
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::use_store;
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the whitespace matrix of the key account in the address.
#[component]
pub fn WhitespacePage() -> impl IntoView {
    tool_page::<BusinessTool, _, _>(
        |locale| td_string!(locale, biz.ws_title),
        |locale| td_string!(locale, biz.ws_hint),
        |account, data| {
            let error: FieldError = RwSignal::new(None);
            view! {
                <p class="kam-no-print"><a href=href(&format!("/potentials/business/{account}")) rel="external">{move || td_string!(use_i18n().get_locale(), biz.back_to_business)}</a></p>
                <WhitespaceSection account data error/>
            }
        },
    )
}

/// The whitespace matrix as a coloured grid (the printed sheet).
pub(crate) fn whitespace_svg(business: &Business) -> String {
    let names = |list: &[Named]| list.iter().map(|n| n.name.clone()).collect::<Vec<_>>();
    let cells: Vec<(usize, usize, CellState)> = business
        .cells
        .iter()
        .filter_map(|c| {
            Some((
                business.sites.iter().position(|s| s.id == c.site)?,
                business.groups.iter().position(|g| g.id == c.group)?,
                c.state,
            ))
        })
        .collect();
    whitespace_grid(&names(&business.sites), &names(&business.groups), &cells)
}

/// The colours of the cell states, named.
#[component]
pub(crate) fn WhitespaceLegend() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="kam-legend">
            {CellState::ALL.into_iter().map(|state| view! {
                <li><span class=format!("kam-swatch kam-swatch--{}", state_key(state))></span>{move || state_name(i18n.get_locale(), state)}</li>
            }).collect::<Vec<_>>()}
        </ul>
    }
}

/// The lists of sites and product groups, the matrix and its sums.
#[component]
fn WhitespaceSection(account: Uuid, data: Memo<Business>, error: FieldError) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let site_ids =
        Memo::new(move |_| data.with(|d| d.sites.iter().map(|s| s.id).collect::<Vec<_>>()));
    let group_ids =
        Memo::new(move |_| data.with(|d| d.groups.iter().map(|g| g.id).collect::<Vec<_>>()));
    let add = move |groups: bool| {
        let id = Uuid::new_v4();
        let locale = i18n.get_locale_untracked();
        let n = data.with_untracked(|d| {
            if groups {
                d.groups.len()
            } else {
                d.sites.len()
            }
        }) + 1;
        let name = if groups {
            td_string!(locale, biz.new_group, n = n)
        } else {
            td_string!(locale, biz.new_site, n = n)
        };
        match update(store, account, data, |d| {
            let list = if groups { &mut d.groups } else { &mut d.sites };
            list.push(Named { id, name });
        }) {
            Ok(()) => focus_soon(format!("named-{id}")),
            Err(e) => error.set(Some((Uuid::nil(), problem_text(locale, &e)))),
        }
    };
    let sums = Memo::new(move |_| data.with(Business::sums));
    // Names change rarely; cells often: headers follow only the names.
    let names = Memo::new(move |_| {
        data.with(|d| {
            let pairs = |list: &[Named]| {
                list.iter()
                    .map(|n| (n.id, n.name.clone()))
                    .collect::<Vec<_>>()
            };
            (pairs(&d.sites), pairs(&d.groups))
        })
    });
    let cell_map: CellMap = RowSignals::new(data, |d| &d.cells, |c| (c.site, c.group));
    let style = move || text::number_style(i18n.get_locale());
    let column_sums = move || {
        let style = style();
        sums.with(|s| {
            s.columns
                .iter()
                .map(|v| view! { <td class="kam-num" data-testid="biz-column-sum">{format_amount(*v, style)}</td> })
                .collect::<Vec<_>>()
        })
    };
    let state_totals = move || {
        let locale = i18n.get_locale();
        let style = text::number_style(locale);
        sums.with(|s| {
            s.by_state
                .iter()
                .map(|(state, count, value)| {
                    view! {
                        <li data-state=state_key(*state)>
                            <span class=format!("kam-swatch kam-swatch--{}", state_key(*state))></span>
                            {format!("{}: {} · {}", state_name(locale, *state), text::plural!(locale, count.cells, *count), format_amount(*value, style))}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="kam-card" aria-labelledby="biz-ws-title">
            <h2 id="biz-ws-title">{t!(i18n, biz.ws_matrix_title)}</h2>
            <div class="kam-biz__lists kam-no-print">
                <div>
                    <h3>{t!(i18n, biz.sites_title)}</h3>
                    <ul class="kam-plan__list">
                        <For each=move || site_ids.get() key=|id| *id let:site>
                            <NamedRow account data id=site groups=false error/>
                        </For>
                    </ul>
                    <button class="kam-button" data-testid="biz-add-site" on:click=move |_| add(false)>{t!(i18n, biz.add_site)}</button>
                </div>
                <div>
                    <h3>{t!(i18n, biz.groups_title)}</h3>
                    <ul class="kam-plan__list">
                        <For each=move || group_ids.get() key=|id| *id let:group>
                            <NamedRow account data id=group groups=true error/>
                        </For>
                    </ul>
                    <button class="kam-button" data-testid="biz-add-group" on:click=move |_| add(true)>{t!(i18n, biz.add_group)}</button>
                </div>
            </div>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <Show when=move || site_ids.with(Vec::is_empty) || group_ids.with(Vec::is_empty)
                fallback=move || view! {
                    <ul class="kam-legend" data-testid="biz-state-totals">{state_totals}</ul>
                    <div class="kam-table-wrap">
                        <span class="kam-visually-hidden" id="ws-state-label">{t!(i18n, biz.cell_state_label)}</span>
                        <span class="kam-visually-hidden" id="ws-value-label">{t!(i18n, biz.cell_value_label)}</span>
                        <table class="kam-table kam-ws" data-testid="biz-matrix">
                            <thead><tr>
                                <th scope="col">{t!(i18n, biz.col_site)}</th>
                                {move || names.with(|(_, groups)| groups.iter().map(|(id, name)| view! { <th scope="col" id=format!("ws-col-{id}")>{name.clone()}</th> }).collect::<Vec<_>>())}
                                <th scope="col" class="kam-num">{t!(i18n, biz.col_sum)}</th>
                            </tr></thead>
                            <tbody>
                                <For each=move || site_ids.get() key=|id| *id let:site>
                                    <tr data-testid="biz-matrix-row">
                                        <th scope="row" id=format!("ws-row-{site}")>{move || names.with(|(sites, _)| sites.iter().find(|(id, _)| *id == site).map(|(_, n)| n.clone()).unwrap_or_default())}</th>
                                        <For each=move || group_ids.get() key=|id| *id let:group>
                                            <CellView account data cells=cell_map site group/>
                                        </For>
                                        <td class="kam-num" data-testid="biz-row-sum">{move || {
                                            let style = style();
                                            data.with(|d| d.sites.iter().position(|s| s.id == site))
                                                .and_then(|i| sums.with(|s| s.rows.get(i).copied()))
                                                .map(|v| format_amount(v, style))
                                        }}</td>
                                    </tr>
                                </For>
                            </tbody>
                            <tfoot><tr>
                                <th scope="row">{t!(i18n, biz.col_sum)}</th>
                                {column_sums}
                                <td class="kam-num" data-testid="biz-total">{move || format_amount(sums.with(|s| s.total), style())}</td>
                            </tr></tfoot>
                        </table>
                    </div>
                }>
                <p class="kam-muted" data-testid="biz-matrix-empty">{t!(i18n, biz.matrix_empty)}</p>
            </Show>
        </section>
    }
}

/// A site or product group: its name, and removal with undo.
#[component]
fn NamedRow(
    account: Uuid,
    data: Memo<Business>,
    id: Uuid,
    groups: bool,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let list = move |d: &Business| -> Option<String> {
        let list = if groups { &d.groups } else { &d.sites };
        list.iter().find(|n| n.id == id).map(|n| n.name.clone())
    };
    let name = Memo::new(move |_| data.with(list).unwrap_or_default());
    let remove = move |_| {
        let locale = i18n.get_locale_untracked();
        let message = if groups {
            td_string!(locale, biz.removed_group, name = name.get_untracked())
        } else {
            td_string!(locale, biz.removed_site, name = name.get_untracked())
        };
        change_with_undo::<BusinessTool>(store, account, message, move |d| {
            if groups {
                d.remove_group(id)
            } else {
                d.remove_site(id)
            }
        });
    };
    view! {
        <li class="kam-plan__goal" data-testid=if groups { "biz-group" } else { "biz-site" }>
            <input id=format!("named-{id}") maxlength="300"
                aria-label=move || if groups { t_string!(i18n, biz.group_name) } else { t_string!(i18n, biz.site_name) }
                prop:value=move || name.get()
                on:input:target=move |ev| {
                    let v = ev.target().value();
                    let locale = i18n.get_locale_untracked();
                    let result = update(store, account, data, |d| {
                        let list = if groups { &mut d.groups } else { &mut d.sites };
                        if let Some(n) = list.iter_mut().find(|n| n.id == id) { n.name = v }
                    });
                    show_at(error, id, result.err().map(|e| problem_text(locale, &e)));
                }/>
            <button class="kam-button" on:click=remove>{move || if groups { t_string!(i18n, biz.remove_group) } else { t_string!(i18n, biz.remove_site) }}</button>
            <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
        </li>
    }
}

/// The assessed cells by site and product group, built once per change so
/// that each of up to 2,400 cells finds its own without a search.
/// The cells' signals, by site and product group.
type CellMap = RowSignals<(Uuid, Uuid), Cell>;

/// One cell of the matrix: its state and value. Its labels point to the
/// row and column headers (`aria-labelledby`), so that no cell does any
/// work when a name changes.
#[component]
fn CellView(
    account: Uuid,
    data: Memo<Business>,
    cells: CellMap,
    site: Uuid,
    group: Uuid,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let me = cells.row(
        (site, group),
        data.with_untracked(|d| {
            d.cells
                .iter()
                .find(|c| c.site == site && c.group == group)
                .cloned()
        }),
    );
    let state = Memo::new(move |_| me.with(|c| c.as_ref().map(|c| c.state)));
    let place = format!("ws-row-{site} ws-col-{group}");
    view! {
        <td class="kam-ws__cell" data-testid="biz-cell" data-state=move || state.get().map(state_key).unwrap_or("")>
            <select data-testid="biz-cell-state" aria-labelledby=format!("{place} ws-state-label")
                on:change:target=move |ev| {
                    let value = ev.target().value();
                    let chosen = CellState::ALL.into_iter().find(|s| state_key(*s) == value);
                    let _ = update(store, account, data, |d| d.set_state(site, group, chosen));
                }>
                <option value="" prop:selected=move || state.get().is_none()>{t!(i18n, biz.state_none)}</option>
                {CellState::ALL.into_iter().map(|s| view! {
                    <option value=state_key(s) prop:selected=move || state.get() == Some(s)>{move || state_name(i18n.get_locale(), s)}</option>
                }).collect::<Vec<_>>()}
            </select>
            <AmountField labelledby=format!("{place} ws-value-label")
                testid="biz-cell-value"
                value=Signal::derive(move || me.with(|c| c.as_ref().and_then(|c| c.value.map(Amount::value)))) negative=false
                commit=Callback::new(move |v: Option<f64>| {
                    let locale = i18n.get_locale_untracked();
                    let amount = v.and_then(|v| Amount::parse(v).ok());
                    update(store, account, data, |d| d.set_value(site, group, amount)).err().map(|e| problem_text(locale, &e))
                })/>
        </td>
    }
}
