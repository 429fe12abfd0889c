//! How KAM is organised (form, reporting line, authority, interfaces) and
//! the key account manager's role description with the target profile.

use super::{breadcrumb, edit_people, people_memo, people_with_undo, tabs, take_required};
use crate::domain::people::competency::{Area, DefaultArea, RATING_MAX, RATING_MIN};
use crate::domain::people::organisation::{
    Authority, DefaultInterface, Interface, OrgForm, Role, Subject,
};
use crate::domain::people::People;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::pages::potentials::{error_at, focus_soon, page_head, show_at, FieldError};
use crate::ui::store::use_store;
use leptos::prelude::*;
use uuid::Uuid;

/// Name, description, strengths and weaknesses of an organisation form.
fn form_text(locale: Locale, form: OrgForm) -> [&'static str; 4] {
    match form {
        OrgForm::SalesLine => [
            td_string!(locale, ppl.form_sales_line),
            td_string!(locale, ppl.form_sales_line_desc),
            td_string!(locale, ppl.form_sales_line_plus),
            td_string!(locale, ppl.form_sales_line_minus),
        ],
        OrgForm::KamUnit => [
            td_string!(locale, ppl.form_kam_unit),
            td_string!(locale, ppl.form_kam_unit_desc),
            td_string!(locale, ppl.form_kam_unit_plus),
            td_string!(locale, ppl.form_kam_unit_minus),
        ],
        OrgForm::Matrix => [
            td_string!(locale, ppl.form_matrix),
            td_string!(locale, ppl.form_matrix_desc),
            td_string!(locale, ppl.form_matrix_plus),
            td_string!(locale, ppl.form_matrix_minus),
        ],
        OrgForm::AccountTeams => [
            td_string!(locale, ppl.form_account_teams),
            td_string!(locale, ppl.form_account_teams_desc),
            td_string!(locale, ppl.form_account_teams_plus),
            td_string!(locale, ppl.form_account_teams_minus),
        ],
        OrgForm::TopManagement => [
            td_string!(locale, ppl.form_top_management),
            td_string!(locale, ppl.form_top_management_desc),
            td_string!(locale, ppl.form_top_management_plus),
            td_string!(locale, ppl.form_top_management_minus),
        ],
    }
}

fn subject_name(locale: Locale, subject: Subject) -> &'static str {
    match subject {
        Subject::Prices => td_string!(locale, ppl.subject_prices),
        Subject::Contracts => td_string!(locale, ppl.subject_contracts),
        Subject::Resources => td_string!(locale, ppl.subject_resources),
    }
}

fn subject_key(subject: Subject) -> &'static str {
    match subject {
        Subject::Prices => "prices",
        Subject::Contracts => "contracts",
        Subject::Resources => "resources",
    }
}

fn authority_name(locale: Locale, authority: Option<Authority>) -> &'static str {
    match authority {
        None => td_string!(locale, ppl.level_none),
        Some(Authority::Proposes) => td_string!(locale, ppl.level_proposes),
        Some(Authority::WithinLimits) => td_string!(locale, ppl.level_within_limits),
        Some(Authority::Decides) => td_string!(locale, ppl.level_decides),
    }
}

fn interface_name(locale: Locale, interface: DefaultInterface) -> String {
    match interface {
        DefaultInterface::Marketing => td_string!(locale, ppl.if_marketing),
        DefaultInterface::ProductManagement => td_string!(locale, ppl.if_product),
        DefaultInterface::Logistics => td_string!(locale, ppl.if_logistics),
        DefaultInterface::Service => td_string!(locale, ppl.if_service),
        DefaultInterface::Finance => td_string!(locale, ppl.if_finance),
    }
    .to_owned()
}

/// Name and suggested development action of a default competency area.
pub(super) fn area_text(locale: Locale, area: DefaultArea) -> (String, String) {
    let (name, development) = match area {
        DefaultArea::CustomerBusiness => (
            td_string!(locale, ppl.area_customer_business),
            td_string!(locale, ppl.area_customer_business_dev),
        ),
        DefaultArea::StrategicPlanning => (
            td_string!(locale, ppl.area_strategic_planning),
            td_string!(locale, ppl.area_strategic_planning_dev),
        ),
        DefaultArea::ValueSelling => (
            td_string!(locale, ppl.area_value_selling),
            td_string!(locale, ppl.area_value_selling_dev),
        ),
        DefaultArea::Negotiation => (
            td_string!(locale, ppl.area_negotiation),
            td_string!(locale, ppl.area_negotiation_dev),
        ),
        DefaultArea::TeamLeadership => (
            td_string!(locale, ppl.area_team_leadership),
            td_string!(locale, ppl.area_team_leadership_dev),
        ),
        DefaultArea::Relationships => (
            td_string!(locale, ppl.area_relationships),
            td_string!(locale, ppl.area_relationships_dev),
        ),
        DefaultArea::Finance => (
            td_string!(locale, ppl.area_finance),
            td_string!(locale, ppl.area_finance_dev),
        ),
        DefaultArea::InternalSelling => (
            td_string!(locale, ppl.area_internal_selling),
            td_string!(locale, ppl.area_internal_selling_dev),
        ),
    };
    (name.to_owned(), development.to_owned())
}

/// Adds the default competency areas to the role (used by the role page
/// and, while the role has none, by the competency profile).
pub(super) fn add_default_areas(people: &mut People, locale: Locale) {
    people
        .role
        .areas
        .extend(Role::default_areas(|a| area_text(locale, a), Uuid::new_v4));
}

/// Organisation form, reporting line, authority and interfaces.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let people = people_memo(store);
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let edit = move |change: Box<dyn FnOnce(&mut People)>| {
        message.set(edit_people(store, change).err());
    };
    let form = move || people.with(|p| p.organisation.form);
    let forms = OrgForm::ALL
        .map(|f| {
            view! {
                <label class="kam-ppl__form" data-testid=format!("org-form-{}", f.key())>
                    <input type="radio" name="org-form" value=f.key()
                        prop:checked=move || form() == Some(f)
                        on:change=move |_| edit(Box::new(move |p| p.organisation.form = Some(f)))/>
                    <span>
                        <strong>{move || form_text(i18n.get_locale(), f)[0]}</strong>
                        <span class="kam-ppl__form-desc">{move || form_text(i18n.get_locale(), f)[1]}</span>
                        <span class="kam-ppl__proscons">
                            <span><em>{t!(i18n, ppl.strengths)}": "</em>{move || form_text(i18n.get_locale(), f)[2]}</span>
                            <span><em>{t!(i18n, ppl.weaknesses)}": "</em>{move || form_text(i18n.get_locale(), f)[3]}</span>
                        </span>
                    </span>
                </label>
            }
        })
        .collect_view();
    let authority = Subject::ALL
        .map(|subject| {
            let id = format!("org-authority-{}", subject_key(subject));
            let current = move || people.with(|p| p.organisation.authority.get(subject));
            view! {
                <div class="kam-field">
                    <label for=id.clone()>{move || subject_name(i18n.get_locale(), subject)}</label>
                    <select id=id.clone() data-testid=id
                        on:change:target=move |ev| {
                            let value = Authority::from_key(&ev.target().value());
                            edit(Box::new(move |p| p.organisation.authority.set(subject, value)));
                        }>
                        <option value="" prop:selected=move || current().is_none()>{move || authority_name(i18n.get_locale(), None)}</option>
                        {Authority::ALL.map(|a| view! {
                            <option value=a.key() prop:selected=move || current() == Some(a)>{move || authority_name(i18n.get_locale(), Some(a))}</option>
                        })}
                    </select>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="kam-page kam-people">
            {breadcrumb()}
            {page_head(move || td_string!(i18n.get_locale(), ppl.tab_org), |l| td_string!(l, ppl.org_intro))}
            {tabs("/people/organisation")}
            <p class="kam-note kam-note--error" role="alert">{move || message.get()}</p>
            <section class="kam-card" aria-labelledby="org-form-title">
                <h2 id="org-form-title">{t!(i18n, ppl.form_title)}</h2>
                <p class="kam-muted kam-no-print">{t!(i18n, ppl.form_help)}</p>
                <fieldset class="kam-ppl__forms">
                    <legend class="kam-visually-hidden">{t!(i18n, ppl.form_title)}</legend>
                    {forms}
                </fieldset>
            </section>
            <section class="kam-card kam-form" aria-labelledby="org-authority-title">
                <h2 id="org-authority-title">{t!(i18n, ppl.authority_title)}</h2>
                <div class="kam-form__grid">
                    <div class="kam-field kam-field--wide">
                        <label for="org-reporting">{t!(i18n, ppl.reporting_line)}</label>
                        <p class="kam-field__hint" id="org-reporting-hint">{t!(i18n, ppl.reporting_line_hint)}</p>
                        <input id="org-reporting" data-testid="org-reporting" maxlength="300" aria-describedby="org-reporting-hint"
                            prop:value=move || people.with(|p| p.organisation.reporting_line.clone())
                            on:change:target=move |ev| { let v = ev.target().value(); edit(Box::new(move |p| p.organisation.reporting_line = v)); }/>
                    </div>
                    {authority}
                    <div class="kam-field kam-field--wide">
                        <label for="org-authority-note">{t!(i18n, ppl.authority_note)}</label>
                        <p class="kam-field__hint" id="org-authority-note-hint">{t!(i18n, ppl.authority_note_hint)}</p>
                        <textarea id="org-authority-note" data-testid="org-authority-note" rows="3" maxlength="20000" aria-describedby="org-authority-note-hint"
                            prop:value=move || people.with(|p| p.organisation.authority_note.clone())
                            on:change:target=move |ev| { let v = ev.target().value(); edit(Box::new(move |p| p.organisation.authority_note = v)); }></textarea>
                    </div>
                </div>
            </section>
            <Interfaces people/>
        </section>
    }
}

/// The interfaces to other functions, each with contact and rule.
#[component]
fn Interfaces(people: Memo<People>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let ids = move || {
        people.with(|p| {
            p.organisation
                .interfaces
                .iter()
                .map(|i| i.id)
                .collect::<Vec<_>>()
        })
    };
    let add_defaults = move |_| {
        let locale = i18n.get_locale_untracked();
        let result = edit_people(store, |p| {
            p.organisation
                .add_default_interfaces(|d| interface_name(locale, d), Uuid::new_v4)
        });
        show_at(error, Uuid::nil(), result.err());
    };
    let add = move |_| {
        let id = Uuid::new_v4();
        let function = td_string!(i18n.get_locale_untracked(), ppl.new_interface).to_owned();
        let result = edit_people(store, |p| {
            p.organisation.interfaces.push(Interface {
                id,
                function,
                ..Interface::default()
            })
        });
        if result.is_ok() {
            focus_soon(format!("interface-{id}-function"));
        }
        show_at(error, Uuid::nil(), result.err());
    };
    let empty = move || people.with(|p| p.organisation.interfaces.is_empty());
    view! {
        <section class="kam-card" aria-labelledby="org-interfaces-title">
            <h2 id="org-interfaces-title">{t!(i18n, ppl.interfaces_title)}</h2>
            <p class="kam-muted kam-no-print">{t!(i18n, ppl.interfaces_intro)}</p>
            <Show when=empty>
                <p class="kam-muted" data-testid="org-interfaces-empty">{t!(i18n, ppl.interfaces_empty)}</p>
                <button class="kam-button kam-button--primary kam-no-print" data-testid="org-add-defaults" on:click=add_defaults>{t!(i18n, ppl.add_defaults)}</button>
            </Show>
            <Show when=move || !empty()>
                <div class="kam-table-wrap">
                    <table class="kam-table kam-ppl__interfaces">
                        <thead><tr>
                            <th scope="col">{t!(i18n, ppl.function)}</th>
                            <th scope="col">{t!(i18n, ppl.col_contact)}</th>
                            <th scope="col">{t!(i18n, ppl.col_rule)}</th>
                            <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, common.remove)}</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=ids key=|id| *id let:interface>
                                <InterfaceRow interface people error/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <button class="kam-button kam-no-print" data-testid="org-add-interface" on:click=add>{t!(i18n, ppl.add_interface)}</button>
        </section>
    }
}

#[component]
fn InterfaceRow(interface: Uuid, people: Memo<People>, error: FieldError) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = interface;
    let me = Memo::new(move |_| {
        people.with(|p| {
            p.organisation
                .interfaces
                .iter()
                .find(|i| i.id == id)
                .cloned()
                .unwrap_or_default()
        })
    });
    let set = move |change: Box<dyn FnOnce(&mut Interface)>| {
        let result = edit_people(store, |p| {
            if let Some(i) = p.organisation.interfaces.iter_mut().find(|i| i.id == id) {
                change(i);
            }
        });
        show_at(error, id, result.err());
    };
    let incomplete = move || me.with(|i| i.contact.trim().is_empty() || i.rule.trim().is_empty());
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            ppl.interface_removed,
            name = me.get_untracked().function
        );
        people_with_undo(store, message, move |p| {
            p.organisation.interfaces.retain(|i| i.id != id)
        });
    };
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(
                locale,
                ppl.of_person,
                what = what(locale),
                name = me.with(|i| i.function.clone())
            )
        }
    };
    view! {
        <tr data-testid="org-interface">
            <td>
                <input class="kam-input--cell" id=format!("interface-{id}-function") data-testid="org-if-function" maxlength="300"
                    aria-label=move || td_string!(i18n.get_locale(), ppl.function)
                    prop:value=move || me.with(|i| i.function.clone())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |i| i.function = v)); }/>
                <Show when=incomplete>
                    <span class="kam-badge kam-badge--warn" data-testid="org-if-incomplete">{t!(i18n, ppl.incomplete)}</span>
                </Show>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            </td>
            <td>
                <input class="kam-input--cell" data-testid="org-if-contact" maxlength="300" aria-label=label(|l| td_string!(l, ppl.col_contact))
                    prop:value=move || me.with(|i| i.contact.clone())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |i| i.contact = v)); }/>
            </td>
            <td>
                <textarea class="kam-input--cell" data-testid="org-if-rule" rows="2" maxlength="20000" aria-label=label(|l| td_string!(l, ppl.col_rule))
                    prop:value=move || me.with(|i| i.rule.clone())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |i| i.rule = v)); }></textarea>
            </td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" data-testid="org-if-remove" on:click=remove
                    aria-label=label(|l| td_string!(l, common.remove))>{t!(i18n, common.remove)}</button>
            </td>
        </tr>
    }
}

/// The role description: tasks, the authority (from the organisation),
/// and the required competencies with their targets.
#[component]
pub fn RolePage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let people = people_memo(store);
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let authority = move || {
        let locale = i18n.get_locale();
        people.with(|p| {
            Subject::ALL
                .into_iter()
                .map(|s| {
                    let level = authority_name(locale, p.organisation.authority.get(s));
                    view! { <li><strong>{subject_name(locale, s)}": "</strong>{level}</li> }
                })
                .collect::<Vec<_>>()
        })
    };
    let note = move || people.with(|p| p.organisation.authority_note.clone());
    view! {
        <section class="kam-page kam-people">
            {breadcrumb()}
            {page_head(move || td_string!(i18n.get_locale(), ppl.tab_role), |l| td_string!(l, ppl.role_intro))}
            {tabs("/people/role")}
            <p class="kam-note kam-note--error" role="alert">{move || message.get()}</p>
            <section class="kam-card kam-form" aria-labelledby="role-tasks-title">
                <h2 id="role-tasks-title"><label for="role-tasks">{t!(i18n, ppl.tasks)}</label></h2>
                <p class="kam-field__hint kam-no-print" id="role-tasks-hint">{t!(i18n, ppl.tasks_hint)}</p>
                <textarea id="role-tasks" data-testid="role-tasks" rows="6" maxlength="20000" aria-describedby="role-tasks-hint"
                    prop:value=move || people.with(|p| p.role.tasks.clone())
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        message.set(edit_people(store, move |p| p.role.tasks = v).err());
                    }></textarea>
            </section>
            <section class="kam-card" aria-labelledby="role-authority-title">
                <h2 id="role-authority-title">{t!(i18n, ppl.role_authority)}</h2>
                <p class="kam-muted">{t!(i18n, ppl.role_authority_hint)}</p>
                <ul class="kam-ppl__authority" data-testid="role-authority">{authority}</ul>
                <p class="kam-ppl__note">{note}</p>
                <a class="kam-no-print" rel="external" href=href("/people/organisation")>{t!(i18n, ppl.edit_authority)}</a>
            </section>
            <TargetProfile people/>
        </section>
    }
}

/// The competency areas with their targets and development suggestions.
#[component]
fn TargetProfile(people: Memo<People>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let ids = move || people.with(|p| p.role.areas.iter().map(|a| a.id).collect::<Vec<_>>());
    let empty = move || people.with(|p| p.role.areas.is_empty());
    let add_defaults = move |_| {
        let locale = i18n.get_locale_untracked();
        let result = edit_people(store, |p| add_default_areas(p, locale));
        show_at(error, Uuid::nil(), result.err());
    };
    let add = move |_| {
        let id = Uuid::new_v4();
        let name = td_string!(i18n.get_locale_untracked(), ppl.new_area).to_owned();
        let result = edit_people(store, |p| {
            p.role.areas.push(Area {
                id,
                name,
                development: String::new(),
                target: Some(4),
            })
        });
        if result.is_ok() {
            focus_soon(format!("area-{id}-name"));
        }
        show_at(error, Uuid::nil(), result.err());
    };
    view! {
        <section class="kam-card" aria-labelledby="role-areas-title">
            <h2 id="role-areas-title">{t!(i18n, ppl.areas_title)}</h2>
            <p class="kam-muted kam-no-print">{t!(i18n, ppl.areas_intro)}</p>
            <Show when=empty>
                <p class="kam-muted" data-testid="role-areas-empty">{t!(i18n, ppl.areas_empty)}</p>
                <button class="kam-button kam-button--primary kam-no-print" data-testid="role-add-defaults" on:click=add_defaults>{t!(i18n, ppl.add_default_areas)}</button>
            </Show>
            <Show when=move || !empty()>
                <div class="kam-table-wrap">
                    <table class="kam-table kam-ppl__areas">
                        <thead><tr>
                            <th scope="col">{t!(i18n, ppl.col_area)}</th>
                            <th scope="col">{t!(i18n, ppl.col_target)}</th>
                            <th scope="col">{t!(i18n, ppl.col_development)}</th>
                            <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, common.remove)}</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=ids key=|id| *id let:area>
                                <AreaRow area people error/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <button class="kam-button kam-no-print" data-testid="role-add-area" on:click=add>{t!(i18n, ppl.add_area)}</button>
        </section>
    }
}

#[component]
fn AreaRow(area: Uuid, people: Memo<People>, error: FieldError) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = area;
    let me = Memo::new(move |_| people.with(|p| p.role.areas.iter().find(|a| a.id == id).cloned()));
    let name = move || me.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let set = move |change: Box<dyn FnOnce(&mut Area)>| {
        let result = edit_people(store, |p| {
            if let Some(a) = p.role.areas.iter_mut().find(|a| a.id == id) {
                change(a);
            }
        });
        show_at(error, id, result.err());
    };
    let target = move || me.with(|a| a.as_ref().and_then(|a| a.target));
    let remove = move |_| {
        let message = td_string!(i18n.get_locale_untracked(), ppl.area_removed, name = name());
        people_with_undo(store, message, move |p| p.remove_area(id));
    };
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(locale, ppl.of_person, what = what(locale), name = name())
        }
    };
    view! {
        <tr data-testid="role-area">
            <td>
                <input class="kam-input--cell" id=format!("area-{id}-name") data-testid="role-area-name" maxlength="300"
                    aria-label=move || td_string!(i18n.get_locale(), ppl.col_area)
                    prop:value=name
                    on:change:target=move |ev| {
                        let missing = |l: Locale| td_string!(l, ppl.name_missing);
                        if !take_required(ev.target().value(), error, id, missing, |v| set(Box::new(move |a| a.name = v))) {
                            ev.target().set_value(&name());
                        }
                    }/>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            </td>
            <td>
                <select data-testid="role-area-target" aria-label=label(|l| td_string!(l, ppl.col_target))
                    on:change:target=move |ev| {
                        let value = ev.target().value().parse::<u8>().ok();
                        set(Box::new(move |a| a.target = value));
                    }>
                    <option value="" prop:selected=move || target().is_none()>{t!(i18n, ppl.no_target)}</option>
                    {(RATING_MIN..=RATING_MAX).map(|r| view! {
                        <option value=r.to_string() prop:selected=move || target() == Some(r)>{r.to_string()}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <textarea class="kam-input--cell" data-testid="role-area-development" rows="2" maxlength="20000" aria-label=label(|l| td_string!(l, ppl.col_development))
                    prop:value=move || me.with(|a| a.as_ref().map(|a| a.development.clone()).unwrap_or_default())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |a| a.development = v)); }></textarea>
            </td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" data-testid="role-area-remove" on:click=remove
                    aria-label=label(|l| td_string!(l, common.remove))>{t!(i18n, common.remove)}</button>
            </td>
        </tr>
    }
}
