//! The information sources of one key account: each with what it tells,
//! its reliability, its date and a link. A link is always shown as text
//! and opens only when it is an http or https address
//! ([`openable_link`]), in a new tab without referrer or opener.

use super::{
    change_with_undo, error_at, focus_soon, item_setter, problem_text, today, tool_page,
    update_tool, FieldError,
};
use crate::domain::potentials::sources::{
    openable_link, Reliability, Source, Sources, SourcesTool,
};
use crate::domain::time::Day;
use crate::ui::i18n::*;
use crate::ui::store::use_store;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the information sources of the key account in the address.
#[component]
pub fn SourcesPage() -> impl IntoView {
    tool_page::<SourcesTool, _, _>(
        |locale| td_string!(locale, src.title),
        |locale| td_string!(locale, src.intro),
        |account, data| view! { <SourcesEditor account data/> },
    )
}

fn reliability_name(locale: Locale, reliability: Reliability) -> &'static str {
    match reliability {
        Reliability::High => td_string!(locale, src.reliability_high),
        Reliability::Medium => td_string!(locale, src.reliability_medium),
        Reliability::Low => td_string!(locale, src.reliability_low),
    }
}

#[component]
fn SourcesEditor(account: Uuid, data: Memo<Sources>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let add = move |_| {
        let id = Uuid::new_v4();
        let locale = i18n.get_locale_untracked();
        let name = td_string!(locale, src.new_source).to_owned();
        match update_tool::<SourcesTool>(store, account, data, |s| {
            s.sources.push(Source::new(id, &name))
        }) {
            Ok(()) => focus_soon(format!("source-{id}-name")),
            Err(e) => error.set(Some((Uuid::nil(), problem_text(locale, &e)))),
        }
    };
    let ids = move || data.with(|s| s.sources.iter().map(|s| s.id).collect::<Vec<_>>());
    view! {
        <section class="kam-card" aria-labelledby="src-list-title">
            <div class="kam-card__head">
                <h2 id="src-list-title">{t!(i18n, src.title)}</h2>
                <span class="kam-badge" data-testid="src-count">{move || td_string!(i18n.get_locale(), src.count, n = data.with(|s| s.sources.len()))}</span>
            </div>
            <p class="kam-muted kam-no-print">{t!(i18n, src.link_hint)}</p>
            <Show when=move || data.with(|s| s.sources.is_empty())>
                <p class="kam-muted" data-testid="src-empty">{t!(i18n, src.empty)}</p>
            </Show>
            <ul class="kam-src__list">
                <For each=ids key=|id| *id let:source>
                    <SourceItem account data source error/>
                </For>
            </ul>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <button class="kam-button kam-button--primary kam-no-print" data-testid="src-add" on:click=add>{t!(i18n, src.add)}</button>
        </section>
    }
}

/// One source with its fields, its link and removal with undo.
#[component]
fn SourceItem(
    account: Uuid,
    data: Memo<Sources>,
    source: Uuid,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = source;
    let me = Memo::new(move |_| data.with(|s| s.sources.iter().find(|s| s.id == id).cloned()));
    let field = move |read: fn(&Source) -> String| {
        move || me.with(|s| s.as_ref().map(read).unwrap_or_default())
    };
    let name =
        Memo::new(move |_| me.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default()));
    let set = item_setter::<SourcesTool, Source>(store, account, data, error, id, |s, id| {
        s.sources.iter_mut().find(|s| s.id == id)
    });
    let on_date = move |value: String| {
        let locale = i18n.get_locale_untracked();
        if value.trim().is_empty() {
            set(Box::new(|s| s.date = None));
            return;
        }
        match Day::parse(&value) {
            Some(day) if day > today() => {
                error.set(Some((id, td_string!(locale, src.future_date).to_owned())))
            }
            Some(day) => set(Box::new(move |s| s.date = Some(day))),
            None => error.set(Some((id, td_string!(locale, bc.bad_date).to_owned()))),
        }
    };
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            src.removed,
            name = name.get_untracked()
        );
        change_with_undo::<SourcesTool>(store, account, message, move |s| {
            s.sources.retain(|s| s.id != id)
        });
    };
    let reliability = move || me.with(|s| s.as_ref().and_then(|s| s.reliability));
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(
                locale,
                src.of_source,
                what = what(locale),
                name = name.get()
            )
        }
    };
    // The link as text, and as a link only when it may be opened.
    let link = move || {
        let text = me.with(|s| s.as_ref().map(|s| s.link.clone()).unwrap_or_default());
        if text.is_empty() {
            return None;
        }
        let view = match openable_link(&text) {
            Some(address) => view! {
                <a href=address.to_owned() target="_blank" rel="noopener noreferrer" data-testid="src-link-open">
                    {t!(i18n, src.open_link)}
                </a>
            }
            .into_any(),
            None => view! {
                <span class="kam-muted" data-testid="src-link-text-only">{t!(i18n, src.link_text_only)}</span>
            }
            .into_any(),
        };
        Some(
            view! { <p class="kam-src__link"><span class="kam-src__address">{text}</span>" "{view}</p> },
        )
    };
    let old = move || me.with(|s| s.as_ref().is_some_and(|s| s.old(today())));
    view! {
        <li class="kam-src" id=format!("source-{id}") data-testid="src-item">
            <div class="kam-src__grid">
                <div class="kam-field kam-src__name">
                    <label for=format!("source-{id}-name")>{t!(i18n, src.col_name)}</label>
                    <input id=format!("source-{id}-name") data-testid="src-name" maxlength="300"
                        prop:value=move || name.get()
                        on:input:target=move |ev| { let v = ev.target().value(); set(Box::new(move |s| s.name = v)); }/>
                </div>
                <div class="kam-field">
                    <label for=format!("source-{id}-reliability")>{t!(i18n, src.col_reliability)}</label>
                    <select id=format!("source-{id}-reliability") data-testid="src-reliability" aria-label=label(|l| td_string!(l, src.col_reliability))
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            let chosen = Reliability::ALL.into_iter().find(|r| r.as_str() == v);
                            set(Box::new(move |s| s.reliability = chosen));
                        }>
                        <option value="" prop:selected=move || reliability().is_none()>{t!(i18n, src.not_rated)}</option>
                        {Reliability::ALL.map(|r| view! {
                            <option value=r.as_str() prop:selected=move || reliability() == Some(r)>{move || reliability_name(i18n.get_locale(), r)}</option>
                        })}
                    </select>
                </div>
                <div class="kam-field">
                    <label for=format!("source-{id}-date")>{t!(i18n, src.col_date)}</label>
                    <input type="date" id=format!("source-{id}-date") data-testid="src-date" aria-label=label(|l| td_string!(l, src.col_date))
                        prop:value=field(|s| s.date.map(Day::iso).unwrap_or_default())
                        on:change:target=move |ev| on_date(ev.target().value())/>
                    <Show when=old>
                        <span class="kam-badge kam-badge--warn" data-testid="src-old">{t!(i18n, src.old)}</span>
                    </Show>
                </div>
                <div class="kam-field kam-src__link-field">
                    <label for=format!("source-{id}-link")>{t!(i18n, src.col_link)}</label>
                    <input id=format!("source-{id}-link") data-testid="src-link" maxlength="2000" inputmode="url" aria-label=label(|l| td_string!(l, src.col_link))
                        prop:value=field(|s| s.link.clone())
                        on:input:target=move |ev| { let v = ev.target().value(); set(Box::new(move |s| s.link = v)); }/>
                    {link}
                </div>
                <div class="kam-field kam-src__tells">
                    <label for=format!("source-{id}-tells")>{t!(i18n, src.col_tells)}</label>
                    <textarea id=format!("source-{id}-tells") data-testid="src-tells" rows="2" maxlength="20000"
                        prop:value=field(|s| s.tells.clone())
                        on:input:target=move |ev| { let v = ev.target().value(); set(Box::new(move |s| s.tells = v)); }></textarea>
                </div>
            </div>
            <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            <button class="kam-button kam-no-print" on:click=remove aria-label=move || format!("{}: {}", t_string!(i18n, src.remove), name.get())>{t!(i18n, common.remove)}</button>
        </li>
    }
}
