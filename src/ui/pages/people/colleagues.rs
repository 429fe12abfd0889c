//! The list of people who work on key account teams, with each one's load
//! across all teams, and the teams of all key accounts with their flags.

use super::{
    all_loads, all_teams, breadcrumb, days_value, edit_people, load_text, people_memo,
    people_with_undo, tabs, take_required,
};
use crate::domain::people::team::{parse_days, team_flags, Colleague, Load};
use crate::domain::people::People;
use crate::domain::potentials::tool_of;
use crate::domain::record::ToolFamily;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::pages::potentials::{error_at, focus_soon, page_head, show_at, FieldError};
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let people = people_memo(store);
    let loads = all_loads(store);
    let error: FieldError = RwSignal::new(None);
    let ids = move || people.with(|p| p.colleagues.iter().map(|c| c.id).collect::<Vec<_>>());
    view! {
        <section class="kam-page kam-people">
            {breadcrumb()}
            {page_head(move || td_string!(i18n.get_locale(), ppl.title), |l| td_string!(l, ppl.people_intro))}
            {tabs("/people")}
            <AddPerson/>
            <section class="kam-card" aria-labelledby="ppl-list-title">
                <div class="kam-card__head">
                    <h2 id="ppl-list-title">{t!(i18n, ppl.list_title)}</h2>
                    <span class="kam-badge" data-testid="ppl-count">{move || text::plural!(i18n.get_locale(), ppl.count, people.with(|p| p.colleagues.len()))}</span>
                </div>
                <Show when=move || people.with(|p| p.colleagues.is_empty())>
                    <p class="kam-muted" data-testid="ppl-empty">{t!(i18n, ppl.empty)}</p>
                </Show>
                <Show when=move || people.with(|p| !p.colleagues.is_empty())>
                    <div class="kam-table-wrap">
                        <table class="kam-table kam-ppl__table">
                            <thead><tr>
                                <th scope="col">{t!(i18n, ppl.name)}</th>
                                <th scope="col">{t!(i18n, ppl.function)}</th>
                                <th scope="col">{t!(i18n, ppl.availability)}</th>
                                <th scope="col">{t!(i18n, ppl.col_load)}</th>
                                <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, ppl.open_profile)}</span></th>
                            </tr></thead>
                            <tbody>
                                <For each=ids key=|id| *id let:person>
                                    <PersonRow person people loads error/>
                                </For>
                            </tbody>
                        </table>
                    </div>
                </Show>
            </section>
            <TeamsOverview people loads/>
        </section>
    }
}

/// The form that adds a person to the list.
#[component]
fn AddPerson() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let name = RwSignal::new(String::new());
    let function = RwSignal::new(String::new());
    let days = RwSignal::new(String::new());
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let locale = i18n.get_locale_untracked();
        let new_name = name.get_untracked().trim().to_owned();
        if new_name.is_empty() {
            message.set(Some(td_string!(locale, ppl.name_missing).to_owned()));
            focus_soon("ppl-new-name".into());
            return;
        }
        let Ok(availability) = parse_days(&days.get_untracked()) else {
            message.set(Some(td_string!(locale, ppl.bad_days).to_owned()));
            focus_soon("ppl-new-days".into());
            return;
        };
        let colleague = Colleague {
            id: Uuid::new_v4(),
            name: new_name,
            function: function.get_untracked().trim().to_owned(),
            availability,
            ..Colleague::default()
        };
        match edit_people(store, |p| p.colleagues.push(colleague)) {
            Ok(()) => {
                message.set(None);
                name.set(String::new());
                function.set(String::new());
                days.set(String::new());
                focus_soon("ppl-new-name".into());
            }
            Err(reason) => message.set(Some(reason)),
        }
    };
    view! {
        <section class="kam-card kam-no-print" aria-labelledby="ppl-add-title">
            <h2 id="ppl-add-title">{t!(i18n, ppl.add_title)}</h2>
            <form class="kam-ppl__add" on:submit=add novalidate>
                <div class="kam-field">
                    <label for="ppl-new-name">{t!(i18n, ppl.name)}</label>
                    <input id="ppl-new-name" data-testid="ppl-new-name" maxlength="300" autocomplete="off"
                        prop:value=move || name.get() on:input:target=move |ev| name.set(ev.target().value())/>
                </div>
                <div class="kam-field">
                    <label for="ppl-new-function">{t!(i18n, ppl.function)}</label>
                    <input id="ppl-new-function" data-testid="ppl-new-function" maxlength="300" autocomplete="off"
                        prop:value=move || function.get() on:input:target=move |ev| function.set(ev.target().value())/>
                </div>
                <div class="kam-field">
                    <label for="ppl-new-days">{t!(i18n, ppl.availability)}</label>
                    <input id="ppl-new-days" data-testid="ppl-new-days" inputmode="decimal" aria-describedby="ppl-new-days-hint"
                        prop:value=move || days.get() on:input:target=move |ev| days.set(ev.target().value())/>
                    <p class="kam-field__hint" id="ppl-new-days-hint">{t!(i18n, ppl.availability_hint)}</p>
                </div>
                <div class="kam-field kam-ppl__add-button">
                    <button type="submit" class="kam-button kam-button--primary" data-testid="ppl-add">{t!(i18n, ppl.add)}</button>
                </div>
            </form>
            <p class="kam-field__error" role="alert" data-testid="ppl-add-error">{move || message.get()}</p>
        </section>
    }
}

/// One person: name, function and availability editable, the load, the
/// way to the competency profile, and removal with undo (refused while
/// the person is on a team).
#[component]
fn PersonRow(
    person: Uuid,
    people: Memo<People>,
    loads: Memo<Vec<Load>>,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = person;
    let me = Memo::new(move |_| people.with(|p| p.colleague(id).cloned().unwrap_or_default()));
    let name = Memo::new(move |_| me.with(|c| c.name.clone()));
    let set = move |change: Box<dyn FnOnce(&mut Colleague)>| {
        let result = edit_people(store, |p| {
            if let Some(c) = p.colleague_mut(id) {
                change(c);
            }
        });
        show_at(error, id, result.err());
    };
    let load = Memo::new(move |_| loads.with(|l| l.iter().find(|l| l.person == id).cloned()));
    let load_view = move || {
        let (text, over) = load_text(i18n.get_locale(), load.get().as_ref());
        view! {
            <span data-testid="ppl-load">{text}</span>
            {over.then(|| view! { " "<span class="kam-badge kam-badge--bad" data-testid="ppl-overloaded">{t!(i18n, ppl.overloaded)}</span> })}
        }
    };
    let teams = move || load.with(|l| l.as_ref().map_or(0, |l| l.teams));
    let remove = move |_| {
        let locale = i18n.get_locale_untracked();
        let person_name = name.get_untracked();
        // Refused while the person sits on a team: the team would keep
        // letters for someone who is gone.
        let accounts: Vec<String> = store.read_untracked(|ws| {
            all_teams(ws)
                .into_iter()
                .filter(|(_, t)| t.members.iter().any(|m| m.person == id))
                .filter_map(|(account, _)| ws.account(account).map(|a| a.name.clone()))
                .collect()
        });
        if !accounts.is_empty() {
            let accounts = accounts.join(", ");
            error.set(Some((
                id,
                td_string!(
                    locale,
                    ppl.still_on_teams,
                    name = person_name.clone(),
                    accounts = accounts
                ),
            )));
            return;
        }
        let message = td_string!(locale, ppl.removed, name = person_name);
        people_with_undo(store, message, move |p| p.colleagues.retain(|c| c.id != id));
    };
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(
                locale,
                ppl.of_person,
                what = what(locale),
                name = name.get()
            )
        }
    };
    view! {
        <tr data-testid="ppl-row" id=format!("person-{id}")>
            <td>
                <input class="kam-input--cell" data-testid="ppl-name" maxlength="300" aria-label=label(|l| td_string!(l, ppl.name))
                    prop:value=move || name.get()
                    on:change:target=move |ev| {
                        let missing = |l: Locale| td_string!(l, ppl.name_missing);
                        if !take_required(ev.target().value(), error, id, missing, |v| set(Box::new(move |c| c.name = v))) {
                            ev.target().set_value(&name.get_untracked());
                        }
                    }/>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            </td>
            <td>
                <input class="kam-input--cell" data-testid="ppl-function" maxlength="300" aria-label=label(|l| td_string!(l, ppl.function))
                    prop:value=move || me.with(|c| c.function.clone())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |c| c.function = v)); }/>
            </td>
            <td>
                <input class="kam-input--cell kam-input--number" data-testid="ppl-days" inputmode="decimal" aria-label=label(|l| td_string!(l, ppl.availability))
                    prop:value=move || days_value(i18n.get_locale(), me.with(|c| c.availability))
                    on:change:target=move |ev| {
                        match parse_days(&ev.target().value()) {
                            Ok(days) => set(Box::new(move |c| c.availability = days)),
                            Err(_) => {
                                show_at(error, id, Some(td_string!(i18n.get_locale_untracked(), ppl.bad_days).to_owned()));
                                ev.target().set_value(&days_value(i18n.get_locale_untracked(), me.get_untracked().availability));
                            }
                        }
                    }/>
            </td>
            <td>
                {load_view}
                <span class="kam-muted">" · "{move || text::plural!(i18n.get_locale(), team.teams_n, teams())}</span>
            </td>
            <td class="kam-no-print kam-ppl__actions">
                <a rel="external" data-testid="ppl-profile" href=href(&format!("/people/competency/{id}"))
                    aria-label=label(|l| td_string!(l, ppl.open_profile))>{t!(i18n, ppl.open_profile)}</a>
                <button class="kam-button kam-button--small" data-testid="ppl-remove" on:click=remove
                    aria-label=label(|l| td_string!(l, common.remove))>{t!(i18n, common.remove)}</button>
            </td>
        </tr>
    }
}

/// Every key account with its team's size and flags, and the way there.
#[component]
fn TeamsOverview(people: Memo<People>, loads: Memo<Vec<Load>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let rows = move || {
        let locale = i18n.get_locale();
        let all_loads = loads.get();
        people.track();
        store.read(Part::Potentials, |ws| {
            ws.accounts
                .iter()
                .map(|account| {
                    let record = tool_of(ws.tool_list(ToolFamily::Team), account.id);
                    let state = match record.map(<crate::domain::people::team::TeamTool as crate::domain::potentials::ToolKind>::read) {
                        None => td_string!(locale, ppl.team_none).to_owned(),
                        Some(Err(_)) => td_string!(locale, ppl.team_broken).to_owned(),
                        Some(Ok(team)) => {
                            let flags = team_flags(&team, &all_loads).len();
                            let members = text::plural!(locale, ppl.count, team.members.len());
                            let flags = if flags == 0 {
                                td_string!(locale, ppl.team_ok).to_owned()
                            } else {
                                text::plural!(locale, ppl.team_flags, flags)
                            };
                            format!("{members} · {flags}")
                        }
                    };
                    let path = href(&format!("/people/team/{}", account.id));
                    view! {
                        <li class="kam-ppl__team" data-testid="ppl-team">
                            <a rel="external" href=path>{account.name.clone()}</a>
                            <span class="kam-muted">{state}</span>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let no_accounts = move || store.read(Part::Accounts, |ws| ws.accounts.is_empty());
    view! {
        <section class="kam-card" aria-labelledby="ppl-teams-title">
            <h2 id="ppl-teams-title">{t!(i18n, ppl.teams_title)}</h2>
            <p class="kam-muted">{t!(i18n, ppl.teams_intro)}</p>
            <Show when=no_accounts>
                <p class="kam-muted" data-testid="ppl-no-accounts">{t!(i18n, ppl.no_accounts)}</p>
            </Show>
            <ul class="kam-ppl__teams">{rows}</ul>
        </section>
    }
}
