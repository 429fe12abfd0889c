//! The key account team of one account: its members with role and days,
//! the RACI matrix of task areas × members, and the flags (no A, several
//! A, no R, overloaded across all teams).

use super::{all_loads, load_text, people_memo, person_name, take_required};
use crate::domain::people::team::{
    parse_days, team_flags, DefaultTask, Load, Member, Raci, Task, Team, TeamFlag, TeamTool,
};
use crate::domain::people::People;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::pages::potentials::{
    change_with_undo, error_at, focus_soon, item_setter, problem_text, show_at, tool_page,
    update_tool, FieldError,
};
use crate::ui::store::use_store;
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the team of the key account in the address.
#[component]
pub fn TeamPage() -> impl IntoView {
    tool_page::<TeamTool, _, _>(
        |locale| td_string!(locale, team.title),
        |locale| td_string!(locale, team.intro),
        |account, data| view! { <TeamEditor account data/> },
    )
}

fn task_name(locale: Locale, task: DefaultTask) -> String {
    match task {
        DefaultTask::AccountAnalysis => td_string!(locale, team.task_account_analysis),
        DefaultTask::AccountPlan => td_string!(locale, team.task_account_plan),
        DefaultTask::AnnualReview => td_string!(locale, team.task_annual_review),
        DefaultTask::OffersAndPricing => td_string!(locale, team.task_offers),
        DefaultTask::DeliveryAndService => td_string!(locale, team.task_delivery),
        DefaultTask::Complaints => td_string!(locale, team.task_complaints),
        DefaultTask::Reporting => td_string!(locale, team.task_reporting),
    }
    .to_owned()
}

/// The choices of a RACI cell: none, one letter, or A and R together.
const CHOICES: [(&str, &[Raci]); 6] = [
    ("", &[]),
    ("R", &[Raci::Responsible]),
    ("A", &[Raci::Accountable]),
    ("AR", &[Raci::Accountable, Raci::Responsible]),
    ("C", &[Raci::Consulted]),
    ("I", &[Raci::Informed]),
];

fn choice_key(letters: &[Raci]) -> &'static str {
    CHOICES
        .iter()
        .find(|(_, l)| l.len() == letters.len() && l.iter().all(|x| letters.contains(x)))
        .map_or("", |(k, _)| k)
}

fn choice_label(key: &str) -> &'static str {
    match key {
        "" => "–",
        "R" => "R",
        "A" => "A",
        "AR" => "A+R",
        "C" => "C",
        _ => "I",
    }
}

/// A flag of the team in the user's words.
fn flag_text(locale: Locale, flag: &TeamFlag, team: &Team, people: &People) -> String {
    let task = |id: Uuid| {
        team.tasks
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_default()
    };
    match flag {
        TeamFlag::NoAccountable { task: t } => td_string!(locale, team.flag_no_a, task = task(*t)),
        TeamFlag::SeveralAccountable { task: t, persons } => td_string!(
            locale,
            team.flag_several_a,
            task = task(*t),
            persons = persons
                .iter()
                .map(|p| person_name(locale, people, *p))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        TeamFlag::NoResponsible { task: t } => td_string!(locale, team.flag_no_r, task = task(*t)),
        TeamFlag::Overloaded(load) => td_string!(
            locale,
            team.flag_overloaded,
            person = person_name(locale, people, load.person),
            days = super::days_text(locale, load.days),
            teams = text::plural!(locale, team.teams_n, load.teams),
            available = super::days_text(locale, load.availability.unwrap_or_default())
        ),
    }
}

#[component]
fn TeamEditor(account: Uuid, data: Memo<Team>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let people = people_memo(store);
    let loads = all_loads(store);
    let error: FieldError = RwSignal::new(None);
    let started = move || data.with(|t| !t.tasks.is_empty() || !t.members.is_empty());
    let create = move |_| {
        let locale = i18n.get_locale_untracked();
        let result = update_tool::<TeamTool>(store, account, data, |t| {
            *t = Team::with_default_tasks(|d| task_name(locale, d), Uuid::new_v4);
        });
        show_at(
            error,
            Uuid::nil(),
            result.err().map(|e| problem_text(locale, &e)),
        );
    };
    view! {
        <Show when=started fallback=move || view! {
            <section class="kam-card" data-testid="team-none">
                <p>{t!(i18n, team.none)}</p>
                <p class="kam-muted">{t!(i18n, team.create_hint)}</p>
                <button class="kam-button kam-button--primary" data-testid="team-create" on:click=create>{t!(i18n, team.create)}</button>
                <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            </section>
        }>
            <Members account data people loads/>
            <Matrix account data people/>
            <Flags data people loads/>
        </Show>
    }
}

/// The members with role, days and load, and how to add one.
#[component]
fn Members(
    account: Uuid,
    data: Memo<Team>,
    people: Memo<People>,
    loads: Memo<Vec<Load>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let ids = move || data.with(|t| t.members.iter().map(|m| m.person).collect::<Vec<_>>());
    // Colleagues not yet on the team, by name.
    let available = move || {
        let on_team = data.with(|t| t.members.iter().map(|m| m.person).collect::<Vec<_>>());
        people.with(|p| {
            let mut list: Vec<(Uuid, String)> = p
                .colleagues
                .iter()
                .filter(|c| !on_team.contains(&c.id))
                .map(|c| (c.id, c.name.clone()))
                .collect();
            list.sort_by_key(|a| a.1.to_lowercase());
            list
        })
    };
    let picked = RwSignal::new(String::new());
    let join = move |person: Uuid| {
        let locale = i18n.get_locale_untracked();
        let result = update_tool::<TeamTool>(store, account, data, |t| {
            t.members.push(Member {
                person,
                role: String::new(),
                days: None,
            })
        });
        show_at(
            error,
            Uuid::nil(),
            result.err().map(|e| problem_text(locale, &e)),
        );
    };
    let add_picked = move |_| {
        if let Ok(person) = Uuid::parse_str(&picked.get_untracked()) {
            join(person);
            picked.set(String::new());
        }
    };
    view! {
        <section class="kam-card" aria-labelledby="team-members-title">
            <div class="kam-card__head">
                <h2 id="team-members-title">{t!(i18n, team.members_title)}</h2>
                <span class="kam-badge" data-testid="team-count">{move || text::plural!(i18n.get_locale(), ppl.count, data.with(|t| t.members.len()))}</span>
            </div>
            <Show when=move || data.with(|t| t.members.is_empty())>
                <p class="kam-muted" data-testid="team-members-empty">{t!(i18n, team.members_empty)}</p>
            </Show>
            <Show when=move || data.with(|t| !t.members.is_empty())>
                <div class="kam-table-wrap">
                    <table class="kam-table kam-team__members">
                        <thead><tr>
                            <th scope="col">{t!(i18n, team.col_person)}</th>
                            <th scope="col">{t!(i18n, team.col_role)}</th>
                            <th scope="col">{t!(i18n, team.col_days)}</th>
                            <th scope="col">{t!(i18n, team.col_load)}</th>
                            <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, team.remove_member)}</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=ids key=|id| *id let:person>
                                <MemberRow account data person people loads error/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <div class="kam-team__add kam-no-print">
                <div class="kam-field">
                    <label for="team-pick">{t!(i18n, team.pick)}</label>
                    <div class="kam-team__pick">
                        <select id="team-pick" data-testid="team-pick" prop:value=move || picked.get()
                            on:change:target=move |ev| picked.set(ev.target().value())>
                            <option value="">{t!(i18n, team.pick_none)}</option>
                            {move || available().into_iter().map(|(id, name)| view! {
                                <option value=id.to_string()>{name}</option>
                            }).collect_view()}
                        </select>
                        <button class="kam-button kam-button--primary" data-testid="team-add-member" on:click=add_picked
                            disabled=move || picked.with(String::is_empty)>{t!(i18n, team.add_member)}</button>
                    </div>
                    <Show when=move || available().is_empty() && people.with(|p| !p.colleagues.is_empty())>
                        <p class="kam-field__hint">{t!(i18n, team.nobody_left)}</p>
                    </Show>
                    <Show when=move || people.with(|p| p.colleagues.is_empty())>
                        <p class="kam-field__hint" data-testid="team-no-people">{t!(i18n, ppl.empty)}</p>
                    </Show>
                </div>
            </div>
            <p class="kam-field__error" role="alert" data-testid="team-error">{error_at(error, Uuid::nil())}</p>
            <p class="kam-no-print"><a rel="external" href=href("/people")>{t!(i18n, team.manage_people)}</a></p>
        </section>
    }
}

#[component]
fn MemberRow(
    account: Uuid,
    data: Memo<Team>,
    person: Uuid,
    people: Memo<People>,
    loads: Memo<Vec<Load>>,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = person;
    let me = Memo::new(move |_| data.with(|t| t.members.iter().find(|m| m.person == id).cloned()));
    let name = move || person_name(i18n.get_locale(), &people.get(), id);
    let function = move || {
        people.with(|p| {
            p.colleague(id)
                .map(|c| c.function.clone())
                .unwrap_or_default()
        })
    };
    let known = move || people.with(|p| p.colleague(id).is_some());
    let set = item_setter::<TeamTool, Member>(store, account, data, error, id, |t, id| {
        t.members.iter_mut().find(|m| m.person == id)
    });
    let load = move || {
        let locale = i18n.get_locale();
        let load = loads.with(|l| l.iter().find(|l| l.person == id).cloned());
        let (text, over) = load_text(locale, load.as_ref());
        view! {
            <span>{text}</span>
            {over.then(|| view! { " "<span class="kam-badge kam-badge--bad" data-testid="team-overloaded">{t!(i18n, ppl.overloaded)}</span> })}
        }
    };
    let days_value = move || {
        super::days_value(
            i18n.get_locale(),
            me.with(|m| m.as_ref().and_then(|m| m.days)),
        )
    };
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            team.member_removed,
            name = name()
        );
        change_with_undo::<TeamTool>(store, account, message, move |t| t.remove_member(id));
    };
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(locale, ppl.of_person, what = what(locale), name = name())
        }
    };
    view! {
        <tr data-testid="team-member">
            <th scope="row">
                <span data-testid="team-member-name" class:kam-muted=move || !known()>{name}</span>
                <span class="kam-team__function">{function}</span>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            </th>
            <td>
                <input class="kam-input--cell" data-testid="team-role" maxlength="300" aria-label=label(|l| td_string!(l, team.col_role))
                    prop:value=move || me.with(|m| m.as_ref().map(|m| m.role.clone()).unwrap_or_default())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |m| m.role = v)); }/>
            </td>
            <td>
                <input class="kam-input--cell kam-input--number" data-testid="team-days" inputmode="decimal" aria-label=label(|l| td_string!(l, team.col_days))
                    prop:value=days_value
                    on:change:target=move |ev| {
                        match parse_days(&ev.target().value()) {
                            Ok(days) => set(Box::new(move |m| m.days = days)),
                            Err(_) => {
                                show_at(error, id, Some(td_string!(i18n.get_locale_untracked(), ppl.bad_days).to_owned()));
                                ev.target().set_value(&days_value());
                            }
                        }
                    }/>
            </td>
            <td data-testid="team-load">{load}</td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" data-testid="team-remove-member" on:click=remove
                    aria-label=label(|l| td_string!(l, team.remove_member))>{t!(i18n, team.remove_member)}</button>
            </td>
        </tr>
    }
}

/// Task areas × members, one choice per cell.
#[component]
fn Matrix(account: Uuid, data: Memo<Team>, people: Memo<People>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let notice: RwSignal<Option<String>> = RwSignal::new(None);
    let members =
        Memo::new(move |_| data.with(|t| t.members.iter().map(|m| m.person).collect::<Vec<_>>()));
    let tasks = move || data.with(|t| t.tasks.iter().map(|t| t.id).collect::<Vec<_>>());
    let add = move |_| {
        let locale = i18n.get_locale_untracked();
        let id = Uuid::new_v4();
        let name = td_string!(locale, team.new_task).to_owned();
        let result = update_tool::<TeamTool>(store, account, data, |t| {
            t.tasks.push(Task {
                id,
                name,
                raci: Vec::new(),
            })
        });
        if result.is_ok() {
            focus_soon(format!("task-{id}-name"));
        }
        show_at(
            error,
            Uuid::nil(),
            result.err().map(|e| problem_text(locale, &e)),
        );
    };
    let head = move || {
        let locale = i18n.get_locale();
        people.with(|p| {
            members
                .get()
                .into_iter()
                .map(|m| view! { <th scope="col" class="kam-team__person">{person_name(locale, p, m)}</th> })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="kam-card" aria-labelledby="team-raci-title">
            <h2 id="team-raci-title">{t!(i18n, team.raci_title)}</h2>
            <p class="kam-muted">{t!(i18n, team.raci_help)}</p>
            <Show when=move || members.with(Vec::is_empty)>
                <p class="kam-muted" data-testid="team-raci-needs-members">{t!(i18n, team.raci_needs_members)}</p>
            </Show>
            <div class="kam-table-wrap">
                <table class="kam-table kam-team__raci" data-testid="team-raci">
                    <thead><tr>
                        <th scope="col">{t!(i18n, team.col_task)}</th>
                        {head}
                        <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, common.remove)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=tasks key=|id| *id let:task>
                            <TaskRow account data task members people error notice/>
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="kam-note kam-team__notice" role="status" data-testid="team-notice">{move || notice.get()}</p>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <button class="kam-button kam-no-print" data-testid="team-add-task" on:click=add>{t!(i18n, team.add_task)}</button>
        </section>
    }
}

#[component]
fn TaskRow(
    account: Uuid,
    data: Memo<Team>,
    task: Uuid,
    members: Memo<Vec<Uuid>>,
    people: Memo<People>,
    error: FieldError,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = task;
    let me = Memo::new(move |_| data.with(|t| t.tasks.iter().find(|t| t.id == id).cloned()));
    let name = move || me.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default());
    let set = item_setter::<TeamTool, Task>(store, account, data, error, id, |t, id| {
        t.tasks.iter_mut().find(|t| t.id == id)
    });
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            team.task_removed,
            name = name()
        );
        change_with_undo::<TeamTool>(store, account, message, move |t| {
            t.tasks.retain(|t| t.id != id)
        });
    };
    let cells = move || {
        members
            .get()
            .into_iter()
            .map(|person| {
                let value = move || me.with(|t| t.as_ref().map_or("", |t| choice_key(&t.letters_of(person))));
                let label = move || {
                    let locale = i18n.get_locale();
                    td_string!(
                        locale,
                        team.cell_label,
                        person = person_name(locale, &people.get(), person),
                        task = name()
                    )
                };
                let change = move |key: String| {
                    let locale = i18n.get_locale_untracked();
                    let letters = CHOICES.iter().find(|(k, _)| *k == key).map_or(&[][..], |(_, l)| *l);
                    let mut replaced = None;
                    let result = update_tool::<TeamTool>(store, account, data, |t| {
                        replaced = t.assign(id, person, letters).ok().flatten();
                    });
                    show_at(error, id, result.err().map(|e| problem_text(locale, &e)));
                    notice.set(replaced.map(|before| {
                        people.with_untracked(|p| {
                            td_string!(
                                locale,
                                team.a_moved,
                                task = name(),
                                person = person_name(locale, p, person),
                                before = person_name(locale, p, before)
                            )
                        })
                    }));
                };
                view! {
                    <td class="kam-team__cell">
                        <select data-testid="team-cell" aria-label=label
                            on:change:target=move |ev| change(ev.target().value())>
                            {CHOICES.map(|(key, _)| view! {
                                <option value=key prop:selected=move || value() == key>{choice_label(key)}</option>
                            })}
                        </select>
                    </td>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <tr data-testid="team-task">
            <th scope="row">
                <input class="kam-input--cell" id=format!("task-{id}-name") data-testid="team-task-name" maxlength="300"
                    aria-label=move || td_string!(i18n.get_locale(), team.col_task)
                    prop:value=name
                    on:change:target=move |ev| {
                        let missing = |l: Locale| td_string!(l, ppl.name_missing);
                        if !take_required(ev.target().value(), error, id, missing, |v| set(Box::new(move |t| t.name = v))) {
                            ev.target().set_value(&name());
                        }
                    }/>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            </th>
            {cells}
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" data-testid="team-remove-task" on:click=remove
                    aria-label=move || td_string!(i18n.get_locale(), ppl.of_person, what = td_string!(i18n.get_locale(), common.remove), name = name())>{t!(i18n, common.remove)}</button>
            </td>
        </tr>
    }
}

/// What needs attention in the team.
#[component]
fn Flags(data: Memo<Team>, people: Memo<People>, loads: Memo<Vec<Load>>) -> impl IntoView {
    let i18n = use_i18n();
    let flags = move || {
        let locale = i18n.get_locale();
        data.with(|team| {
            loads.with(|loads| {
                people.with(|p| {
                    team_flags(team, loads)
                        .iter()
                        .map(|f| flag_text(locale, f, team, p))
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    view! {
        <section class="kam-card" aria-labelledby="team-flags-title">
            <h2 id="team-flags-title">{t!(i18n, team.flags_title)}</h2>
            {move || {
                let list = flags();
                if list.is_empty() {
                    view! { <p class="kam-note kam-note--ok" data-testid="team-flags-none">{t!(i18n, team.flags_none)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="kam-flags">
                            {list.into_iter().map(|f| view! { <li data-testid="team-flag">{f}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
