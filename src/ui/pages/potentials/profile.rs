//! The extended Steckbrief of one key account: the basic data from the
//! account's record (shown, edited on the account's page), the account's
//! size, and what it makes, how it decides, where it is heading, how our
//! relationship grew and who works on it; the open questions of the
//! account plan are counted and linked.

use super::{problem_text, tool_page, update_tool, AmountField};
use crate::domain::account::Amount;
use crate::domain::parse_amount;
use crate::domain::potentials::profile::{employees, Profile, ProfileText, ProfileTool};
use crate::domain::potentials::tool_of;
use crate::domain::{format_amount, format_whole, KeyAccount};
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the Steckbrief of the key account in the address.
#[component]
pub fn ProfilePage() -> impl IntoView {
    tool_page::<ProfileTool, _, _>(
        |locale| td_string!(locale, prof.title),
        |locale| td_string!(locale, prof.intro),
        |account, data| view! { <ProfileEditor account data/> },
    )
}

fn text_label(locale: Locale, field: ProfileText) -> &'static str {
    match field {
        ProfileText::KeyProducts => td_string!(locale, prof.key_products),
        ProfileText::DecisionProcess => td_string!(locale, prof.decision_process),
        ProfileText::Strategy => td_string!(locale, prof.strategy),
        ProfileText::History => td_string!(locale, prof.history),
        ProfileText::Team => td_string!(locale, prof.team),
    }
}

fn text_hint(locale: Locale, field: ProfileText) -> &'static str {
    match field {
        ProfileText::KeyProducts => td_string!(locale, prof.key_products_hint),
        ProfileText::DecisionProcess => td_string!(locale, prof.decision_process_hint),
        ProfileText::Strategy => td_string!(locale, prof.strategy_hint),
        ProfileText::History => td_string!(locale, prof.history_hint),
        ProfileText::Team => td_string!(locale, prof.team_hint),
    }
}

/// Reads a typed number of employees: `Ok(None)` when empty.
fn read_employees(locale: Locale, raw: &str) -> Result<Option<u32>, String> {
    let refused = || td_string!(locale, prof.employees_invalid).to_owned();
    match parse_amount(raw, text::number_style(locale)).map_err(|_| refused())? {
        None => Ok(None),
        Some(v) => employees(v).map(Some).map_err(|_| refused()),
    }
}

#[component]
fn ProfileEditor(account: Uuid, data: Memo<Profile>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // The field whose change was refused, and why.
    let error: RwSignal<Option<(&'static str, String)>> = RwSignal::new(None);
    let error_at = move |field: &'static str| {
        move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, m)| m.clone())
            })
        }
    };
    let commit = move |field: &'static str, change: Box<dyn FnOnce(&mut Profile)>| {
        let locale = i18n.get_locale_untracked();
        let result = update_tool::<ProfileTool>(store, account, data, change);
        match result {
            Err(e) => error.set(Some((field, problem_text(locale, &e)))),
            // A message at another field stays: its refused text is still there.
            Ok(()) => {
                if error.with_untracked(|e| e.as_ref().is_some_and(|(f, _)| *f == field)) {
                    error.set(None);
                }
            }
        }
    };
    let on_employees = move |raw: String| {
        let locale = i18n.get_locale_untracked();
        match read_employees(locale, &raw) {
            Ok(n) => commit("employees", Box::new(move |p| p.employees = n)),
            Err(message) => error.set(Some(("employees", message))),
        }
    };
    let texts = ProfileText::ALL
        .into_iter()
        .map(|field| {
            let id = format!("profile-{}", field.field());
            let hint_id = format!("{id}-hint");
            view! {
                <div class="kam-field">
                    <label for=id.clone()>{move || text_label(i18n.get_locale(), field)}</label>
                    <p class="kam-field__hint kam-no-print" id=hint_id.clone()>{move || text_hint(i18n.get_locale(), field)}</p>
                    <textarea id=id rows="4" maxlength="20000" aria-describedby=hint_id data-testid=format!("profile-{}", field.field())
                        prop:value=move || data.with(|p| p.text(field).to_owned())
                        on:input:target=move |ev| {
                            let v = ev.target().value();
                            commit(field.field(), Box::new(move |p| *p.text_mut(field) = v));
                        }></textarea>
                    <p class="kam-field__error" role="alert">{error_at(field.field())}</p>
                </div>
            }
        })
        .collect::<Vec<_>>();
    let filled = move || {
        td_string!(
            i18n.get_locale(),
            prof.filled,
            done = data.with(Profile::filled),
            total = Profile::FIELDS
        )
    };
    view! {
        <BasicData account/>
        <section class="kam-card" aria-labelledby="profile-size-title">
            <div class="kam-card__head">
                <h2 id="profile-size-title">{t!(i18n, prof.size_title)}</h2>
                <span class="kam-badge" data-testid="profile-filled">{filled}</span>
            </div>
            <div class="kam-prof__size">
                <div class="kam-field">
                    <label for="profile-employees">{t!(i18n, prof.employees)}</label>
                    <input id="profile-employees" type="text" inputmode="numeric" class="kam-input--amount" data-testid="profile-employees"
                        aria-describedby="profile-employees-hint"
                        aria-invalid=move || error.with(|e| e.as_ref().is_some_and(|(f, _)| *f == "employees")).to_string()
                        prop:value=move || data.with(|p| p.employees.map(|n| format_whole(f64::from(n), text::number_style(i18n.get_locale()))).unwrap_or_default())
                        on:change:target=move |ev| on_employees(ev.target().value())/>
                    <p class="kam-field__hint kam-no-print" id="profile-employees-hint">{t!(i18n, prof.employees_hint)}</p>
                    <p class="kam-field__error" role="alert">{error_at("employees")}</p>
                </div>
                <div class="kam-field">
                    <span id="profile-revenue-label">{t!(i18n, prof.revenue)}</span>
                    <AmountField labelledby="profile-revenue-label" testid="profile-revenue"
                        value=Signal::derive(move || data.with(|p| p.revenue.map(Amount::value))) negative=false
                        commit=Callback::new(move |v: Option<f64>| {
                            let locale = i18n.get_locale_untracked();
                            update_tool::<ProfileTool>(store, account, data, move |p| p.revenue = v.and_then(|v| Amount::parse(v).ok()))
                                .err()
                                .map(|e| problem_text(locale, &e))
                        })/>
                    <p class="kam-field__hint kam-no-print">{t!(i18n, prof.revenue_hint)}</p>
                </div>
            </div>
        </section>
        <section class="kam-card kam-prof__texts" aria-labelledby="profile-texts-title">
            <h2 id="profile-texts-title">{t!(i18n, prof.texts_title)}</h2>
            {texts}
        </section>
        <OpenQuestions account/>
    }
}

/// The basic data from the key account's record, to read here and edit on
/// the account's page.
#[component]
fn BasicData(account: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let rows = move || {
        let locale = i18n.get_locale();
        store.read(Part::Accounts, |ws| {
            let Some(a) = ws.account(account) else {
                return Vec::new();
            };
            let parent = a
                .parent_id
                .and_then(|p| ws.account(p))
                .map(|p| p.name.clone());
            let revenue = a
                .revenue_last_year
                .map(|r| format_amount(r.value(), text::number_style(locale)));
            let or_dash = |s: &str| {
                if s.trim().is_empty() {
                    "–".to_owned()
                } else {
                    s.to_owned()
                }
            };
            let KeyAccount {
                industry,
                country,
                sites,
                kam_responsible,
                ..
            } = a;
            [
                (
                    td_string!(locale, prof.group),
                    parent.unwrap_or_else(|| "–".into()),
                ),
                (
                    td_string!(locale, account.field_industry),
                    or_dash(industry),
                ),
                (td_string!(locale, account.field_country), or_dash(country)),
                (td_string!(locale, account.field_sites), or_dash(sites)),
                (
                    td_string!(locale, account.field_kam),
                    or_dash(kam_responsible),
                ),
                (
                    td_string!(locale, account.field_revenue),
                    revenue.unwrap_or_else(|| "–".into()),
                ),
            ]
            .into_iter()
            .map(|(term, value)| view! { <div><dt>{term}</dt><dd>{value}</dd></div> })
            .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="kam-card" aria-labelledby="profile-basics-title">
            <div class="kam-card__head">
                <h2 id="profile-basics-title">{t!(i18n, prof.basics_title)}</h2>
                <a class="kam-button kam-no-print" rel="external" href=href(&format!("/accounts/{account}"))>{t!(i18n, prof.basics_edit)}</a>
            </div>
            <dl class="kam-prof__basics" data-testid="profile-basics">{rows}</dl>
            <p class="kam-muted kam-no-print">{t!(i18n, prof.basics_hint)}</p>
        </section>
    }
}

/// How many open questions the account plan holds, read from the stored
/// plan without its model, and the way there.
#[component]
fn OpenQuestions(account: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let count = move || {
        store.read(Part::Potentials, |ws| {
            tool_of(&ws.account_plans, account)
                .and_then(|r| r.data.get("questions"))
                .and_then(serde_json::Value::as_array)
                .map_or(0, Vec::len)
        })
    };
    view! {
        <section class="kam-card" aria-labelledby="profile-questions-title">
            <h2 id="profile-questions-title">{t!(i18n, prof.questions_title)}</h2>
            <p class="kam-muted">{t!(i18n, prof.questions_hint)}</p>
            <p data-testid="profile-questions">{move || td_string!(i18n.get_locale(), prof.questions_count, n = count())}</p>
            <a class="kam-button kam-no-print" rel="external" href=href(&format!("/potentials/plan/{account}#plan-questions-title"))>{t!(i18n, prof.questions_open)}</a>
        </section>
    }
}
