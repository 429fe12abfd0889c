//! The Buying Center of one key account: its people, their roles,
//! influence and attitude, the red flags, the influence × attitude map and
//! the org chart. Every entry is saved as it is made; an entry that breaks
//! a rule is refused at its field and nothing wrong is stored.

use super::{
    change_with_undo, focus_soon, on_this_page, problem_text, today, tool_page, update_tool,
};
use crate::charts::buying_center::{influence_map, org_chart, MapPerson, MapText, OrgNode};
use crate::charts::escape_into;
use crate::domain::potentials::buying_center::{
    org_order, AnyRole, BuyingCenter, BuyingCenterTool, Lens, MhRole, Person, RedFlag, Role,
    CONTACT_DAYS_RANGE,
};
use crate::domain::potentials::ToolError;
use crate::domain::time::Day;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Store};
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the Buying Center of the key account in the address.
#[component]
pub fn BuyingCenterPage() -> impl IntoView {
    tool_page::<BuyingCenterTool, _, _>(
        |locale| td_string!(locale, bc.title),
        |locale| td_string!(locale, bc.intro),
        |account, center| view! { <Content account center/> },
    )
}

fn update(
    store: Store,
    account: Uuid,
    center: Memo<BuyingCenter>,
    change: impl FnOnce(&mut BuyingCenter),
) -> Result<(), ToolError> {
    update_tool::<BuyingCenterTool>(store, account, center, change)
}

/// A role's name in the page's markup (`data-role`).
fn role_key(role: AnyRole) -> &'static str {
    match role {
        AnyRole::Classic(role) => match role {
            Role::User => "User",
            Role::Influencer => "Influencer",
            Role::Buyer => "Buyer",
            Role::Decider => "Decider",
            Role::Gatekeeper => "Gatekeeper",
            Role::Initiator => "Initiator",
            Role::Approver => "Approver",
        },
        AnyRole::MillerHeiman(role) => match role {
            MhRole::EconomicBuyer => "EconomicBuyer",
            MhRole::UserBuyer => "UserBuyer",
            MhRole::TechnicalBuyer => "TechnicalBuyer",
            MhRole::Coach => "Coach",
        },
    }
}

fn role_name(locale: Locale, role: AnyRole) -> &'static str {
    match role {
        AnyRole::Classic(role) => match role {
            Role::User => td_string!(locale, bc.role_user),
            Role::Influencer => td_string!(locale, bc.role_influencer),
            Role::Buyer => td_string!(locale, bc.role_buyer),
            Role::Decider => td_string!(locale, bc.role_decider),
            Role::Gatekeeper => td_string!(locale, bc.role_gatekeeper),
            Role::Initiator => td_string!(locale, bc.role_initiator),
            Role::Approver => td_string!(locale, bc.role_approver),
        },
        AnyRole::MillerHeiman(role) => match role {
            MhRole::EconomicBuyer => td_string!(locale, bc.mh_economic),
            MhRole::UserBuyer => td_string!(locale, bc.mh_user),
            MhRole::TechnicalBuyer => td_string!(locale, bc.mh_technical),
            MhRole::Coach => td_string!(locale, bc.mh_coach),
        },
    }
}

fn attitude_name(locale: Locale, attitude: Option<i8>) -> &'static str {
    match attitude {
        None => td_string!(locale, bc.attitude_unknown),
        Some(-2) => td_string!(locale, bc.attitude_m2),
        Some(-1) => td_string!(locale, bc.attitude_m1),
        Some(0) => td_string!(locale, bc.attitude_0),
        Some(1) => td_string!(locale, bc.attitude_p1),
        Some(_) => td_string!(locale, bc.attitude_p2),
    }
}

/// A red flag as a sentence, with the persons named.
pub(crate) fn flag_text(locale: Locale, center: &BuyingCenter, flag: &RedFlag) -> String {
    let name = |id: &Uuid| {
        center
            .person(*id)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let names = |ids: &[Uuid]| ids.iter().map(name).collect::<Vec<_>>().join(", ");
    match flag {
        RedFlag::NoContactToDecider { persons } => {
            td_string!(locale, bc.flag_no_contact_decider, names = names(persons))
        }
        RedFlag::SeveralEconomicBuyers { persons } => {
            td_string!(locale, bc.flag_several_eb, names = names(persons))
        }
        RedFlag::KeyPersonOpposed { person, attitude } => td_string!(
            locale,
            bc.flag_opposed,
            name = name(person),
            attitude = attitude_name(locale, Some(*attitude))
        ),
        RedFlag::KeyPersonUnknown { person } => {
            td_string!(locale, bc.flag_unknown, name = name(person))
        }
        RedFlag::ContactOutdated { person, days } => {
            td_string!(locale, bc.flag_outdated, name = name(person), days = *days)
        }
        RedFlag::NoSupporter => td_string!(locale, bc.flag_no_supporter).to_owned(),
        RedFlag::SingleThreaded { person } => {
            td_string!(locale, bc.flag_single, name = name(person))
        }
        RedFlag::RoleUnassigned(role) => {
            td_string!(locale, bc.flag_role, role = role_name(locale, *role))
        }
    }
}

/// A stable name of the flag's rule, for the page markup and tests.
pub(crate) fn flag_kind(flag: &RedFlag) -> &'static str {
    match flag {
        RedFlag::NoContactToDecider { .. } => "no-contact-to-decider",
        RedFlag::SeveralEconomicBuyers { .. } => "several-economic-buyers",
        RedFlag::KeyPersonOpposed { .. } => "key-person-opposed",
        RedFlag::KeyPersonUnknown { .. } => "key-person-unknown",
        RedFlag::ContactOutdated { .. } => "contact-outdated",
        RedFlag::NoSupporter => "no-supporter",
        RedFlag::SingleThreaded { .. } => "single-threaded",
        RedFlag::RoleUnassigned(_) => "role-unassigned",
    }
}

#[component]
fn Content(account: Uuid, center: Memo<BuyingCenter>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let today = today();
    let flags = Memo::new(move |_| center.with(|c| c.red_flags(today)));
    let names = Memo::new(move |_| {
        center.with(|c| {
            c.persons
                .iter()
                .map(|p| (p.id, p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let ids = move || center.with(|c| c.persons.iter().map(|p| p.id).collect::<Vec<_>>());
    let add_person = move |_| {
        let id = Uuid::new_v4();
        let name = t_string!(i18n, bc.new_person).to_owned();
        if update(store, account, center, |c| {
            c.persons.push(Person::named(id, &name))
        })
        .is_ok()
        {
            focus_soon(format!("person-{id}-name"));
        }
    };
    view! {
        <div class="kam-bc__settings kam-card kam-no-print">
            <Settings account center/>
        </div>
        <section class="kam-card" aria-labelledby="bc-flags-title">
            <h2 id="bc-flags-title">{t!(i18n, bc.flags_title)}</h2>
            {move || {
                let locale = i18n.get_locale();
                let list = flags.get();
                if center.with(|c| c.persons.is_empty()) {
                    return view! {
                        <div class="kam-empty" data-testid="bc-empty">
                            <h3>{td_string!(locale, bc.empty_title)}</h3>
                            <p>{td_string!(locale, bc.empty_body)}</p>
                        </div>
                    }.into_any();
                }
                if list.is_empty() {
                    return view! { <p class="kam-note kam-note--ok" data-testid="bc-no-flags">{td_string!(locale, bc.flags_none)}</p> }.into_any();
                }
                let items = center.with(|c| list.iter().map(|flag| {
                    let sentence = flag_text(locale, c, flag);
                    let link = flag.person().map(|id| view! {
                        " "<a href=on_this_page(&format!("person-{id}")) class="kam-no-print">{td_string!(locale, bc.to_person)}</a>
                    });
                    view! { <li data-flag=flag_kind(flag)>{sentence}{link}</li> }
                }).collect::<Vec<_>>());
                view! { <ul class="kam-flags" data-testid="bc-flags">{items}</ul> }.into_any()
            }}
        </section>
        <section class="kam-no-print" aria-labelledby="bc-persons-title">
            <div class="kam-card__head kam-no-print">
                <h2 id="bc-persons-title">{t!(i18n, bc.persons_title)}</h2>
                <p class="kam-muted">{t!(i18n, bc.saved_hint)}</p>
            </div>
            <For each=ids key=|id| *id let:person>
                <PersonCard account center person flags names/>
            </For>
            <p class="kam-no-print">
                <button class="kam-button kam-button--primary" data-testid="bc-add" on:click=add_person>{t!(i18n, bc.add_person)}</button>
            </p>
        </section>
        <Show when=move || center.with(|c| !c.persons.is_empty())>
            <PrintTable center/>
            <Pictures center/>
        </Show>
    }
}

/// The role set and the threshold of the last-contact flag.
#[component]
fn Settings(account: Uuid, center: Memo<BuyingCenter>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let days_error = RwSignal::new(None::<String>);
    let (min, max) = CONTACT_DAYS_RANGE;
    view! {
        <div class="kam-bc__setting kam-field">
            <label for="bc-lens">{t!(i18n, bc.lens)}</label>
            <select id="bc-lens" data-testid="bc-lens" on:change:target=move |ev| {
                let lens = if ev.target().value() == "mh" { Lens::MillerHeiman } else { Lens::Classic };
                let _ = update(store, account, center, |c| c.lens = lens);
            }>
                <option value="classic" prop:selected=move || center.with(|c| c.lens == Lens::Classic)>{t!(i18n, bc.lens_classic)}</option>
                <option value="mh" prop:selected=move || center.with(|c| c.lens == Lens::MillerHeiman)>{t!(i18n, bc.lens_mh)}</option>
            </select>
            <p class="kam-field__hint">{t!(i18n, bc.lens_help)}</p>
        </div>
        <div class="kam-bc__setting kam-field" class:kam-field--invalid=move || days_error.with(Option::is_some)>
            <label for="bc-days">{t!(i18n, bc.contact_days)}</label>
            <input id="bc-days" data-testid="bc-days" inputmode="numeric" class="kam-field--short"
                aria-describedby="bc-days-error"
                prop:value=move || center.with(|c| c.contact_days.to_string())
                on:change:target=move |ev| {
                    let typed = ev.target().value();
                    let locale = i18n.get_locale_untracked();
                    let kept = center.with_untracked(|c| c.contact_days);
                    let refused = || td_string!(locale, bc.contact_days_bad, min = min, max = max, kept = kept);
                    match typed.trim().parse::<u16>() {
                        Ok(days) if (min..=max).contains(&days) => {
                            days_error.set(update(store, account, center, |c| c.contact_days = days).err().map(|e| problem_text(locale, &e)));
                        }
                        _ => days_error.set(Some(refused())),
                    }
                }/>
            <p class="kam-field__error" id="bc-days-error" role="alert" data-testid="bc-days-error">{move || days_error.get()}</p>
        </div>
    }
}

/// One person of the Buying Center, every field editable.
#[component]
fn PersonCard(
    account: Uuid,
    center: Memo<BuyingCenter>,
    person: Uuid,
    flags: Memo<Vec<RedFlag>>,
    /// Every person's id and name, for the reports-to choices.
    names: Memo<Vec<(Uuid, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    // This person alone: the fields below follow it, not the whole Buying
    // Center, so that an edit elsewhere re-runs nothing here.
    let me = Memo::new(move |_| center.with(|c| c.person(person).cloned()));
    let get = move |read: fn(&Person) -> String| {
        move || me.with(|p| p.as_ref().map(read).unwrap_or_default())
    };
    let value =
        move |read: fn(&Person) -> Option<i64>| move || me.with(|p| p.as_ref().and_then(read));
    // Applies a change to this person; a refusal is shown at the field.
    let set = move |field: &'static str, change: Box<dyn FnOnce(&mut Person)>| {
        let result = update(store, account, center, |c| {
            if let Some(p) = c.persons.iter_mut().find(|p| p.id == person) {
                change(p);
            }
        });
        let locale = i18n.get_locale_untracked();
        errors.update(|list| {
            list.retain(|(f, _)| *f != field);
            if let Err(error) = result {
                list.push((field, problem_text(locale, &error)));
            }
        });
    };
    let error_of = move |field: &'static str| {
        move || {
            errors.with(|list| {
                list.iter()
                    .find(|(f, _)| *f == field)
                    .map(|(_, m)| m.clone())
            })
        }
    };
    let invalid = move |field: &'static str| {
        move || errors.with(|list| list.iter().any(|(f, _)| *f == field))
    };
    let id = move |field: &str| format!("person-{person}-{field}");
    let refuse = move |field: &'static str, message: String| {
        errors.update(|list| {
            list.retain(|(f, _)| *f != field);
            list.push((field, message));
        })
    };
    let on_reports_to = move |value: String| {
        let boss = Uuid::parse_str(&value).ok();
        if let Some(boss) = boss {
            if let Some(chain) = center.with_untracked(|c| c.cycle_if(person, boss)) {
                let locale = i18n.get_locale_untracked();
                let names: Vec<String> = center.with_untracked(|c| {
                    chain
                        .iter()
                        .chain(chain.first())
                        .filter_map(|id| c.person(*id).map(|p| p.name.clone()))
                        .collect()
                });
                refuse(
                    "reports_to",
                    td_string!(locale, bc.cycle, chain = names.join(" → ")),
                );
                return;
            }
        }
        set("reports_to", Box::new(move |p| p.reports_to = boss));
    };
    let on_date = move |value: String| {
        let locale = i18n.get_locale_untracked();
        if value.trim().is_empty() {
            set("last_contact", Box::new(|p| p.last_contact = None));
            return;
        }
        match Day::parse(&value) {
            Some(day) if day > today() => refuse(
                "last_contact",
                td_string!(locale, bc.future_contact).to_owned(),
            ),
            Some(day) => set(
                "last_contact",
                Box::new(move |p| p.last_contact = Some(day)),
            ),
            None => refuse("last_contact", td_string!(locale, bc.bad_date).to_owned()),
        }
    };
    let remove = move |_| {
        let name =
            center.with_untracked(|c| c.person(person).map(|p| p.name.clone()).unwrap_or_default());
        let message = td_string!(i18n.get_locale_untracked(), bc.removed, name = name);
        change_with_undo::<BuyingCenterTool>(store, account, message, move |center| {
            center.persons.retain(|p| p.id != person);
            for p in &mut center.persons {
                if p.reports_to == Some(person) {
                    p.reports_to = None;
                }
            }
        });
    };
    let lens = Memo::new(move |_| center.with(|c| c.lens));
    let roles_of =
        Memo::new(move |_| me.with(|p| p.as_ref().map(|p| (p.roles.clone(), p.mh_roles.clone()))));
    let roles = move || {
        let locale = i18n.get_locale();
        let lens = lens.get();
        let set_of: Vec<AnyRole> = match lens {
            Lens::Classic => Role::ALL.into_iter().map(AnyRole::Classic).collect(),
            Lens::MillerHeiman => MhRole::ALL.into_iter().map(AnyRole::MillerHeiman).collect(),
        };
        set_of
            .into_iter()
            .map(|role| {
                let key = role_key(role);
                view! {
                    <label class="kam-check">
                        <input type="checkbox" data-role=key
                            prop:checked=move || roles_of.with(|r| r.as_ref().is_some_and(|(classic, mh)| match role {
                                AnyRole::Classic(x) => classic.contains(&x),
                                AnyRole::MillerHeiman(x) => mh.contains(&x),
                            }))
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                set("roles", Box::new(move |p| match role {
                                    AnyRole::Classic(r) => { p.roles.retain(|x| *x != r); if on { p.roles.push(r); p.roles.sort(); } }
                                    AnyRole::MillerHeiman(r) => { p.mh_roles.retain(|x| *x != r); if on { p.mh_roles.push(r); p.mh_roles.sort(); } }
                                }));
                            }/>
                        {role_name(locale, role)}
                    </label>
                }
            })
            .collect::<Vec<_>>()
    };
    let scale = move |field: &'static str,
                      read: fn(&Person) -> Option<i64>,
                      write: fn(&mut Person, Option<i64>),
                      options: Vec<(i64, String)>| {
        let current = value(read);
        let not_rated = t_string!(i18n, bc.not_rated).to_owned();
        view! {
            <select id=id(field) data-field=field aria-describedby=id(&format!("{field}-error"))
                on:change:target=move |ev| {
                    let chosen = ev.target().value().parse::<i64>().ok();
                    set(field, Box::new(move |p| write(p, chosen)));
                }>
                <option value="" prop:selected=move || current().is_none()>{not_rated}</option>
                {options.into_iter().map(|(v, label)| view! {
                    <option value=v.to_string() prop:selected=move || current() == Some(v)>{label}</option>
                }).collect::<Vec<_>>()}
            </select>
        }
    };
    let field_error = move |field: &'static str| {
        view! { <p class="kam-field__error" id=id(&format!("{field}-error")) role="alert">{error_of(field)}</p> }
    };
    // Only this person's flags; recomputed from the page's one list.
    let own_flags = Memo::new(move |_| {
        flags.with(|list| {
            list.iter()
                .filter(|f| {
                    f.person() == Some(person)
                        || matches!(f, RedFlag::NoContactToDecider { persons } if persons.contains(&person))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let boss = Memo::new(move |_| me.with(|p| p.as_ref().and_then(|p| p.reports_to)));
    // The reports-to list holds every other person only while it is in
    // use; otherwise just the current superior (sixty lists of sixty
    // options would make every keystroke slow).
    let choosing = RwSignal::new(false);
    let flagged = move || {
        let locale = i18n.get_locale();
        let list = own_flags.get();
        center.with_untracked(|c| {
            list.iter()
                .map(|f| flag_text(locale, c, f))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <article class="kam-card kam-person" id=format!("person-{person}") data-testid="bc-person">
            <div class="kam-card__head">
                <h3>{get(|p| p.name.clone())}<span class="kam-muted">{move || { let f = get(|p| p.function.clone())(); if f.is_empty() { String::new() } else { format!(" · {f}") } }}</span></h3>
                <button class="kam-button kam-button--danger kam-no-print" data-testid="bc-remove" on:click=remove>{t!(i18n, bc.remove_person)}</button>
            </div>
            <ul class="kam-flags kam-flags--person">
                {move || flagged().into_iter().map(|f| view! { <li>{f}</li> }).collect::<Vec<_>>()}
            </ul>
            <div class="kam-person__grid">
                <div class="kam-field" class:kam-field--invalid=invalid("name")>
                    <label for=id("name")>{t!(i18n, bc.field_name)}</label>
                    <input id=id("name") data-field="name" maxlength="200" prop:value=get(|p| p.name.clone())
                        on:input:target=move |ev| { let v = ev.target().value(); set("name", Box::new(move |p| p.name = v)); }/>
                    {field_error("name")}
                </div>
                <div class="kam-field" class:kam-field--invalid=invalid("function")>
                    <label for=id("function")>{t!(i18n, bc.field_function)}</label>
                    <input id=id("function") data-field="function" maxlength="300" prop:value=get(|p| p.function.clone())
                        on:input:target=move |ev| { let v = ev.target().value(); set("function", Box::new(move |p| p.function = v)); }/>
                    {field_error("function")}
                </div>
                <div class="kam-field" class:kam-field--invalid=invalid("reports_to")>
                    <label for=id("reports_to")>{t!(i18n, bc.field_reports_to)}</label>
                    <select id=id("reports_to") data-field="reports_to"
                        on:focus=move |_| choosing.set(true)
                        on:mousedown=move |_| choosing.set(true)
                        on:blur=move |_| choosing.set(false)
                        on:change:target=move |ev| on_reports_to(ev.target().value())>
                        <option value="" prop:selected=move || boss.get().is_none()>{t!(i18n, bc.nobody)}</option>
                        {move || {
                            let current = boss.get();
                            let all = choosing.get();
                            names.with(|list| {
                                list.iter()
                                    .filter(|(other, _)| *other != person && (all || Some(*other) == current))
                                    .map(|(other, name)| view! {
                                        <option value=other.to_string() selected=Some(*other) == current>{name.clone()}</option>
                                    })
                                    .collect::<Vec<_>>()
                            })
                        }}
                    </select>
                    {field_error("reports_to")}
                </div>
                <fieldset class="kam-field kam-person__roles">
                    <legend>{t!(i18n, bc.field_roles)}</legend>
                    <div class="kam-checks">{roles}</div>
                    {field_error("roles")}
                </fieldset>
                <div class="kam-field">
                    <label for=id("influence")>{t!(i18n, bc.field_influence)}</label>
                    {move || {
                        let locale = i18n.get_locale();
                        scale("influence", |p| p.influence.map(i64::from), |p, v| p.influence = v.and_then(|v| u8::try_from(v).ok()),
                            (1..=5).map(|v| (v, match v { 1 => td_string!(locale, bc.influence_1).to_owned(), 3 => td_string!(locale, bc.influence_3).to_owned(), 5 => td_string!(locale, bc.influence_5).to_owned(), _ => v.to_string() })).collect())
                    }}
                    {field_error("influence")}
                </div>
                <div class="kam-field">
                    <label for=id("attitude")>{t!(i18n, bc.field_attitude)}</label>
                    {move || {
                        let locale = i18n.get_locale();
                        scale("attitude", |p| p.attitude.map(i64::from), |p, v| p.attitude = v.and_then(|v| i8::try_from(v).ok()),
                            (-2..=2).map(|v| (v, attitude_name(locale, Some(v as i8)).to_owned())).collect())
                    }}
                    {field_error("attitude")}
                </div>
                <div class="kam-field">
                    <label for=id("relationship")>{t!(i18n, bc.field_relationship)}</label>
                    {move || {
                        let locale = i18n.get_locale();
                        scale("relationship", |p| p.relationship.map(i64::from), |p, v| p.relationship = v.and_then(|v| u8::try_from(v).ok()),
                            (1..=5).map(|v| (v, match v { 1 => td_string!(locale, bc.relationship_1).to_owned(), 3 => td_string!(locale, bc.relationship_3).to_owned(), 5 => td_string!(locale, bc.relationship_5).to_owned(), _ => v.to_string() })).collect())
                    }}
                    {field_error("relationship")}
                </div>
                <div class="kam-field" class:kam-field--invalid=invalid("owner")>
                    <label for=id("owner")>{t!(i18n, bc.field_owner)}</label>
                    <input id=id("owner") data-field="owner" maxlength="300" prop:value=get(|p| p.owner.clone())
                        title=move || t_string!(i18n, bc.field_owner_hint)
                        on:input:target=move |ev| { let v = ev.target().value(); set("owner", Box::new(move |p| p.owner = v)); }/>
                    {field_error("owner")}
                </div>
                <div class="kam-field" class:kam-field--invalid=invalid("last_contact")>
                    <label for=id("last_contact")>{t!(i18n, bc.field_last_contact)}</label>
                    <input type="date" id=id("last_contact") data-field="last_contact"
                        prop:value=get(|p| p.last_contact.map(Day::iso).unwrap_or_default())
                        on:change:target=move |ev| on_date(ev.target().value())/>
                    {field_error("last_contact")}
                </div>
                <div class="kam-field kam-field--wide" class:kam-field--invalid=invalid("win")>
                    <label for=id("win")>{t!(i18n, bc.field_win)}</label>
                    <textarea id=id("win") data-field="win" rows="2" maxlength="20000" prop:value=get(|p| p.win.clone())
                        on:input:target=move |ev| { let v = ev.target().value(); set("win", Box::new(move |p| p.win = v)); }></textarea>
                    {field_error("win")}
                </div>
            </div>
        </article>
    }
}

/// The influence × attitude map of a Buying Center, in the UI language.
pub(crate) fn map_svg(locale: Locale, c: &BuyingCenter) -> String {
    let placed: Vec<MapPerson> = c
        .persons
        .iter()
        .filter_map(|p| {
            Some(MapPerson {
                label: p.name.clone(),
                influence: p.influence?,
                attitude: p.attitude,
            })
        })
        .collect();
    let text = MapText {
        x_axis: td_string!(locale, bc.map_x).to_owned(),
        y_axis: td_string!(locale, bc.map_y).to_owned(),
        unknown: td_string!(locale, bc.attitude_unknown).to_owned(),
        quadrants: [
            td_string!(locale, bc.q_win).to_owned(),
            td_string!(locale, bc.q_manage).to_owned(),
            td_string!(locale, bc.q_monitor).to_owned(),
            td_string!(locale, bc.q_inform).to_owned(),
        ],
        more: Box::new(move |n| td_string!(locale, bc.map_more, n = n)),
    };
    influence_map(&placed, &text)
}

/// The influence × attitude map and the org chart.
#[component]
fn Pictures(center: Memo<BuyingCenter>) -> impl IntoView {
    let i18n = use_i18n();
    // Memos: the pictures are drawn into the page only when they change
    // (a contact typed in changes neither).
    let map = Memo::new(move |_| {
        let locale = i18n.get_locale();
        center.with(|c| map_svg(locale, c))
    });
    let unplaced = move || {
        let locale = i18n.get_locale();
        let names: Vec<String> = center.with(|c| {
            c.persons
                .iter()
                .filter(|p| p.influence.is_none())
                .map(|p| p.name.clone())
                .collect()
        });
        (!names.is_empty()).then(|| {
            view! { <p class="kam-muted" data-testid="bc-unplaced">{td_string!(locale, bc.map_unplaced, names = names.join(", "))}</p> }
        })
    };
    let org = Memo::new(move |_| {
        center.with(|c| {
            let order = org_order(c);
            let position: std::collections::HashMap<Uuid, usize> = order
                .iter()
                .enumerate()
                .map(|(i, (id, _))| (*id, i))
                .collect();
            let nodes: Vec<OrgNode> = order
                .iter()
                .filter_map(|(id, depth)| {
                    let p = c.person(*id)?;
                    Some(OrgNode {
                        name: p.name.clone(),
                        function: p.function.clone(),
                        depth: *depth,
                        superior: p
                            .reports_to
                            .filter(|_| *depth > 0)
                            .and_then(|b| position.get(&b).copied()),
                        attitude: p.attitude,
                    })
                })
                .collect();
            org_chart(&nodes).0
        })
    });
    view! {
        <section class="kam-card kam-bc__map" aria-labelledby="bc-map-title">
            <h2 id="bc-map-title">{t!(i18n, bc.map_title)}</h2>
            <p class="kam-muted">{t!(i18n, bc.map_help)}</p>
            <div class="kam-chart" data-testid="bc-map" inner_html=move || map.get()></div>
            {unplaced}
        </section>
        <section class="kam-card kam-bc__org" aria-labelledby="bc-org-title">
            <h2 id="bc-org-title">{t!(i18n, bc.org_title)}</h2>
            <p class="kam-muted">{t!(i18n, bc.org_help)}</p>
            <div class="kam-chart kam-chart--org" data-testid="bc-org" inner_html=move || org.get()></div>
        </section>
    }
}

/// The people as one compact table, for the printed sheet only (the cards
/// with their form fields are left out of print).
#[component]
fn PrintTable(center: Memo<BuyingCenter>) -> impl IntoView {
    let i18n = use_i18n();
    // The rows as one HTML string (names escaped), so that the table,
    // which only print shows, costs an edit one string comparison.
    let rows = Memo::new(move |_| {
        let locale = i18n.get_locale();
        let german = locale == Locale::de;
        center.with(|c| {
            let mut html = String::new();
            for p in &c.persons {
                let boss = p
                    .reports_to
                    .and_then(|b| c.person(b))
                    .map(|b| b.name.clone())
                    .unwrap_or_default();
                let roles: Vec<&str> = match c.lens {
                    Lens::Classic => p
                        .roles
                        .iter()
                        .map(|r| role_name(locale, AnyRole::Classic(*r)))
                        .collect(),
                    Lens::MillerHeiman => p
                        .mh_roles
                        .iter()
                        .map(|r| role_name(locale, AnyRole::MillerHeiman(*r)))
                        .collect(),
                };
                let rating = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_else(|| "–".into());
                let cells = [
                    boss,
                    roles.join(", "),
                    rating(p.influence),
                    attitude_name(locale, p.attitude).to_owned(),
                    rating(p.relationship),
                    p.owner.clone(),
                    p.last_contact
                        .map(|d| d.display(german))
                        .unwrap_or_default(),
                    p.win.clone(),
                ];
                html.push_str("<tr><th scope=\"row\">");
                escape_into(&mut html, &p.name);
                html.push_str("<br><span class=\"kam-muted\">");
                escape_into(&mut html, &p.function);
                html.push_str("</span></th>");
                for cell in cells {
                    html.push_str("<td>");
                    escape_into(&mut html, &cell);
                    html.push_str("</td>");
                }
                html.push_str("</tr>");
            }
            html
        })
    });
    view! {
        <table class="kam-print-only kam-bc__table">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, bc.field_name)}</th>
                    <th scope="col">{t!(i18n, bc.field_reports_to)}</th>
                    <th scope="col">{t!(i18n, bc.field_roles)}</th>
                    <th scope="col">{t!(i18n, bc.field_influence)}</th>
                    <th scope="col">{t!(i18n, bc.field_attitude)}</th>
                    <th scope="col">{t!(i18n, bc.field_relationship)}</th>
                    <th scope="col">{t!(i18n, bc.field_owner)}</th>
                    <th scope="col">{t!(i18n, bc.field_last_contact)}</th>
                    <th scope="col">{t!(i18n, bc.field_win)}</th>
                </tr>
            </thead>
            <tbody inner_html=move || rows.get()></tbody>
        </table>
    }
}
