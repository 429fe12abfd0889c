//! The market of one key account: its markets, customers and competitors
//! as lists of names, and the trends with their PESTLE area, their meaning
//! for us and what follows.

use super::{
    change_with_undo, error_at, focus_soon, item_setter, problem_text, show_at, tool_page,
    update_tool, FieldError,
};
use crate::domain::potentials::market::{Market, MarketList, MarketTool, Meaning, Pestle, Trend};
use crate::domain::potentials::Named;
use crate::ui::i18n::*;
use crate::ui::store::use_store;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the market of the key account in the address.
#[component]
pub fn MarketPage() -> impl IntoView {
    tool_page::<MarketTool, _, _>(
        |locale| td_string!(locale, mkt.title),
        |locale| td_string!(locale, mkt.intro),
        |account, data| view! { <MarketEditor account data/> },
    )
}

pub(crate) fn area_name(locale: Locale, area: Pestle) -> &'static str {
    match area {
        Pestle::Political => td_string!(locale, mkt.area_political),
        Pestle::Economic => td_string!(locale, mkt.area_economic),
        Pestle::Social => td_string!(locale, mkt.area_social),
        Pestle::Technological => td_string!(locale, mkt.area_technological),
        Pestle::Legal => td_string!(locale, mkt.area_legal),
        Pestle::Environmental => td_string!(locale, mkt.area_environmental),
    }
}

/// The words of one list of names: title, hint, empty state, the add
/// button and a new entry's name.
struct ListText {
    title: fn(Locale) -> &'static str,
    hint: fn(Locale) -> &'static str,
    empty: fn(Locale) -> &'static str,
    add: fn(Locale) -> &'static str,
    new_name: fn(Locale, usize) -> String,
}

fn list_text(list: MarketList) -> ListText {
    match list {
        MarketList::Markets => ListText {
            title: |l| td_string!(l, mkt.markets_title),
            hint: |l| td_string!(l, mkt.markets_hint),
            empty: |l| td_string!(l, mkt.markets_empty),
            add: |l| td_string!(l, mkt.add_market),
            new_name: |l, n| td_string!(l, mkt.new_market, n = n),
        },
        MarketList::Customers => ListText {
            title: |l| td_string!(l, mkt.customers_title),
            hint: |l| td_string!(l, mkt.customers_hint),
            empty: |l| td_string!(l, mkt.customers_empty),
            add: |l| td_string!(l, mkt.add_customer),
            new_name: |l, n| td_string!(l, mkt.new_customer, n = n),
        },
        MarketList::Competitors => ListText {
            title: |l| td_string!(l, mkt.competitors_title),
            hint: |l| td_string!(l, mkt.competitors_hint),
            empty: |l| td_string!(l, mkt.competitors_empty),
            add: |l| td_string!(l, mkt.add_competitor),
            new_name: |l, n| td_string!(l, mkt.new_competitor, n = n),
        },
    }
}

#[component]
fn MarketEditor(account: Uuid, data: Memo<Market>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let add_trend = move |_| {
        let id = Uuid::new_v4();
        let locale = i18n.get_locale_untracked();
        let text = td_string!(locale, mkt.new_trend).to_owned();
        match update_tool::<MarketTool>(store, account, data, |m| {
            m.trends.push(Trend::new(id, &text))
        }) {
            Ok(()) => focus_soon(format!("trend-{id}-text")),
            Err(e) => error.set(Some((Uuid::nil(), problem_text(locale, &e)))),
        }
    };
    let trend_ids = move || data.with(|m| m.trends.iter().map(|t| t.id).collect::<Vec<_>>());
    let summary = move || {
        let count = data.with(Market::trend_count);
        td_string!(
            i18n.get_locale(),
            mkt.summary,
            opportunities = count.opportunities,
            threats = count.threats,
            open = count.open
        )
    };
    view! {
        <div class="kam-mkt__lists">
            {MarketList::ALL.map(|list| view! { <NameList account data list error/> })}
        </div>
        <section class="kam-card" aria-labelledby="mkt-trends-title">
            <h2 id="mkt-trends-title">{t!(i18n, mkt.trends_title)}</h2>
            <p class="kam-muted kam-no-print">{t!(i18n, mkt.trends_hint)}</p>
            <Show when=move || data.with(|m| m.trends.is_empty())
                fallback=move || view! { <p data-testid="mkt-summary"><strong>{summary}</strong></p> }>
                <p class="kam-muted" data-testid="mkt-trends-empty">{t!(i18n, mkt.trends_empty)}</p>
            </Show>
            <ul class="kam-mkt__trends">
                <For each=trend_ids key=|id| *id let:trend>
                    <TrendItem account data trend error/>
                </For>
            </ul>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <button class="kam-button kam-button--primary kam-no-print" data-testid="mkt-add-trend" on:click=add_trend>{t!(i18n, mkt.add_trend)}</button>
        </section>
    }
}

/// One list of names (markets, customers or competitors of the account):
/// rename in place, add, remove with undo.
#[component]
fn NameList(
    account: Uuid,
    data: Memo<Market>,
    list: MarketList,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let words = list_text(list);
    let ids = move || data.with(|m| m.list(list).iter().map(|n| n.id).collect::<Vec<_>>());
    let add = move |_| {
        let id = Uuid::new_v4();
        let locale = i18n.get_locale_untracked();
        let count = data.with_untracked(|m| m.list(list).len());
        let name = (list_text(list).new_name)(locale, count + 1);
        match update_tool::<MarketTool>(store, account, data, |m| {
            m.list_mut(list).push(Named { id, name })
        }) {
            Ok(()) => focus_soon(format!("named-{id}")),
            Err(e) => error.set(Some((Uuid::nil(), problem_text(locale, &e)))),
        }
    };
    let title_id = format!("mkt-{}-title", list.field());
    let labelledby = title_id.clone();
    view! {
        <section class="kam-card" aria-labelledby=labelledby data-testid=format!("mkt-{}", list.field())>
            <h2 id=title_id>{move || (words.title)(i18n.get_locale())}</h2>
            <p class="kam-muted kam-no-print">{move || (words.hint)(i18n.get_locale())}</p>
            <Show when=move || data.with(|m| m.list(list).is_empty())>
                <p class="kam-muted">{move || (words.empty)(i18n.get_locale())}</p>
            </Show>
            <ul class="kam-plan__list">
                <For each=ids key=|id| *id let:named>
                    <NameItem account data list named error/>
                </For>
            </ul>
            <button class="kam-button kam-no-print" data-testid=format!("mkt-add-{}", list.field()) on:click=add>{move || (words.add)(i18n.get_locale())}</button>
        </section>
    }
}

#[component]
fn NameItem(
    account: Uuid,
    data: Memo<Market>,
    list: MarketList,
    named: Uuid,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = named;
    let name = Memo::new(move |_| {
        data.with(|m| {
            m.list(list)
                .iter()
                .find(|n| n.id == id)
                .map(|n| n.name.clone())
                .unwrap_or_default()
        })
    });
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            mkt.removed,
            name = name.get_untracked()
        );
        change_with_undo::<MarketTool>(store, account, message, move |m| {
            m.list_mut(list).retain(|n| n.id != id)
        });
    };
    let label = move || {
        let locale = i18n.get_locale();
        td_string!(locale, mkt.name_of, list = (list_text(list).title)(locale))
    };
    view! {
        <li data-testid="mkt-name">
            <input id=format!("named-{id}") maxlength="300" aria-label=label
                prop:value=move || name.get()
                on:input:target=move |ev| {
                    let v = ev.target().value();
                    let result = update_tool::<MarketTool>(store, account, data, |m| {
                        if let Some(n) = m.list_mut(list).iter_mut().find(|n| n.id == id) { n.name = v }
                    });
                    let locale = i18n.get_locale_untracked();
                    show_at(error, id, result.err().map(|e| problem_text(locale, &e)));
                }/>
            <button class="kam-button kam-no-print" on:click=remove aria-label=move || format!("{}: {}", t_string!(i18n, common.remove), name.get())>{t!(i18n, common.remove)}</button>
            <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
        </li>
    }
}

/// One trend: what it is, its area, what it means for us and what follows.
#[component]
fn TrendItem(account: Uuid, data: Memo<Market>, trend: Uuid, error: FieldError) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = trend;
    let me = Memo::new(move |_| data.with(|m| m.trends.iter().find(|t| t.id == id).cloned()));
    let text =
        Memo::new(move |_| me.with(|t| t.as_ref().map(|t| t.text.clone()).unwrap_or_default()));
    let set = item_setter::<MarketTool, Trend>(store, account, data, error, id, |m, id| {
        m.trends.iter_mut().find(|t| t.id == id)
    });
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(locale, mkt.of_trend, what = what(locale), name = text.get())
        }
    };
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            mkt.removed_trend,
            name = text.get_untracked()
        );
        change_with_undo::<MarketTool>(store, account, message, move |m| {
            m.trends.retain(|t| t.id != id)
        });
    };
    let meaning = move || me.with(|t| t.as_ref().and_then(|t| t.meaning));
    let area = move || me.with(|t| t.as_ref().and_then(|t| t.area));
    let meaning_key = move || meaning().map_or("open", Meaning::as_str);
    view! {
        <li class="kam-mkt__trend" data-testid="mkt-trend" data-meaning=meaning_key>
            <div class="kam-field kam-mkt__trend-text">
                <label for=format!("trend-{id}-text")>{t!(i18n, mkt.col_trend)}</label>
                <input id=format!("trend-{id}-text") data-testid="mkt-trend-text" maxlength="300"
                    prop:value=move || text.get()
                    on:input:target=move |ev| { let v = ev.target().value(); set(Box::new(move |t| t.text = v)); }/>
            </div>
            <div class="kam-field">
                <label for=format!("trend-{id}-area")>{t!(i18n, mkt.col_area)}</label>
                <select id=format!("trend-{id}-area") data-testid="mkt-trend-area" aria-label=label(|l| td_string!(l, mkt.col_area))
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        let chosen = Pestle::ALL.into_iter().find(|a| a.as_str() == v);
                        set(Box::new(move |t| t.area = chosen));
                    }>
                    <option value="" prop:selected=move || area().is_none()>{t!(i18n, mkt.not_assigned)}</option>
                    {Pestle::ALL.map(|a| view! {
                        <option value=a.as_str() prop:selected=move || area() == Some(a)>{move || area_name(i18n.get_locale(), a)}</option>
                    })}
                </select>
            </div>
            <div class="kam-field">
                <label for=format!("trend-{id}-meaning")>{t!(i18n, mkt.col_meaning)}</label>
                <select id=format!("trend-{id}-meaning") data-testid="mkt-trend-meaning" aria-label=label(|l| td_string!(l, mkt.col_meaning))
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        let chosen = Meaning::ALL.into_iter().find(|m| m.as_str() == v);
                        set(Box::new(move |t| t.meaning = chosen));
                    }>
                    <option value="" prop:selected=move || meaning().is_none()>{t!(i18n, mkt.meaning_open)}</option>
                    <option value=Meaning::Opportunity.as_str() prop:selected=move || meaning() == Some(Meaning::Opportunity)>{t!(i18n, mkt.meaning_opportunity)}</option>
                    <option value=Meaning::Threat.as_str() prop:selected=move || meaning() == Some(Meaning::Threat)>{t!(i18n, mkt.meaning_threat)}</option>
                </select>
            </div>
            <div class="kam-field kam-mkt__trend-consequence">
                <label for=format!("trend-{id}-consequence")>{t!(i18n, mkt.col_consequence)}</label>
                <textarea id=format!("trend-{id}-consequence") data-testid="mkt-trend-consequence" rows="2" maxlength="20000"
                    prop:value=move || me.with(|t| t.as_ref().map(|t| t.consequence.clone()).unwrap_or_default())
                    on:input:target=move |ev| { let v = ev.target().value(); set(Box::new(move |t| t.consequence = v)); }></textarea>
            </div>
            <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            <button class="kam-button kam-no-print" on:click=remove aria-label=move || format!("{}: {}", t_string!(i18n, mkt.remove_trend), text.get())>{t!(i18n, common.remove)}</button>
        </li>
    }
}
