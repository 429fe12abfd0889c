//! The customer list: add and edit by hand, search, page through, delete
//! (with undo), empty the list.

use super::{edit_targets, edit_targets_with_undo, Pager, TargetsHead, PAGE_SIZE};
use crate::domain::format_amount;
use crate::domain::targets::customer_draft::{CustomerDraft, CustomerField, EntryProblem, Saved};
use crate::domain::targets::search::search_customers;
use crate::storage::customer_csv::sample_selection;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

/// What the entry form holds: the customer being edited (if any) and the
/// fields as typed.
#[derive(Clone, Default, PartialEq)]
struct Form {
    editing: Option<Uuid>,
    draft: CustomerDraft,
}

fn field_name(locale: Locale, field: CustomerField) -> &'static str {
    match field {
        CustomerField::Name => td_string!(locale, targets.col_name),
        CustomerField::Number => td_string!(locale, targets.col_number),
        CustomerField::Revenue => td_string!(locale, targets.measure_revenue),
        CustomerField::Margin => td_string!(locale, targets.measure_margin),
        CustomerField::Potential => td_string!(locale, targets.measure_potential),
    }
}

/// The message for a problem of the form.
fn problem_text(locale: Locale, field: CustomerField, problem: EntryProblem) -> String {
    let field = field_name(locale, field);
    match problem {
        EntryProblem::Missing => td_string!(locale, targets.form_name_missing).to_owned(),
        EntryProblem::TooLong { .. } => td_string!(locale, targets.form_too_long).to_owned(),
        EntryProblem::Negative => td_string!(locale, targets.form_negative, field = field),
        EntryProblem::NotANumber | EntryProblem::TooLarge => {
            td_string!(locale, targets.form_not_number, field = field)
        }
    }
}

#[component]
pub fn CustomersPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let form = RwSignal::new(Form::default());
    let error = RwSignal::new(None::<(CustomerField, EntryProblem)>);
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let confirm_clear = RwSignal::new(false);
    let total = move || store.read(Part::Targets, |ws| ws.targets.customers.len());

    // Indexes of the customers matching the search.
    let matching = Memo::new(move |_| {
        query.with(|q| {
            store.read(Part::Targets, |ws| {
                search_customers(&ws.targets.customers, q)
            })
        })
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let locale = i18n.get_locale_untracked();
        let Form { editing, draft } = form.get_untracked();
        let entry = match draft.parse(text::number_style(locale)) {
            Ok(entry) => entry,
            Err(problems) => {
                // One message at a time: the first field to fix, in form order.
                error.set(problems.first().copied());
                return;
            }
        };
        let german = locale == Locale::de;
        edit_targets(store, |t| {
            if t.save_customer(editing, Uuid::new_v4(), entry) == Saved::Added {
                t.ensure_criteria(german);
            }
        });
        error.set(None);
        form.set(Form::default());
        focus_name();
    };

    let field = move |label: &'static str,
                      get: fn(&Form) -> String,
                      set: fn(&mut Form, String),
                      testid: &'static str,
                      numeric: bool| {
        view! {
            <label class="kam-field">
                <span>{label}</span>
                <input
                    type="text"
                    inputmode=if numeric { "decimal" } else { "text" }
                    data-testid=testid
                    id=testid
                    prop:value=move || form.with(get)
                    on:input:target=move |ev| form.update(|f| set(f, ev.target().value()))
                />
            </label>
        }
    };

    // Only the switch between "add" and "edit" rebuilds the form, not every keystroke.
    let editing_flag = Memo::new(move |_| form.with(|f| f.editing.is_some()));
    let entry = move || {
        let locale = i18n.get_locale();
        let editing = editing_flag.get();
        view! {
            <form class="kam-card kam-entry" on:submit=submit data-testid="customer-form">
                <h2>{if editing { td_string!(locale, targets.form_edit_title) } else { td_string!(locale, targets.form_add_title) }}</h2>
                <div class="kam-entry__fields">
                    {field(td_string!(locale, targets.col_name), |f| f.draft.name.clone(), |f, v| f.draft.name = v, "customer-name", false)}
                    {field(td_string!(locale, targets.col_number), |f| f.draft.number.clone(), |f, v| f.draft.number = v, "customer-number", false)}
                    {field(td_string!(locale, targets.measure_revenue), |f| f.draft.revenue.clone(), |f, v| f.draft.revenue = v, "customer-revenue", true)}
                    {field(td_string!(locale, targets.measure_margin), |f| f.draft.margin.clone(), |f, v| f.draft.margin = v, "customer-margin", true)}
                    {field(td_string!(locale, targets.measure_potential), |f| f.draft.potential.clone(), |f, v| f.draft.potential = v, "customer-potential", true)}
                </div>
                <p class="kam-field__error" role="alert" data-testid="customer-error">{move || error.get().map(|(field, problem)| problem_text(i18n.get_locale(), field, problem))}</p>
                <div class="kam-actions">
                    <button type="submit" class="kam-button kam-button--primary" data-testid="customer-save">
                        {if editing { td_string!(locale, targets.form_save) } else { td_string!(locale, targets.form_add) }}
                    </button>
                    {editing.then(|| view! {
                        <button type="button" class="kam-button" on:click=move |_| { form.set(Form::default()); error.set(None); }>
                            {td_string!(locale, targets.form_cancel)}
                        </button>
                    })}
                    <span class="kam-muted">{td_string!(locale, targets.form_hint)}</span>
                </div>
            </form>
        }
    };

    let table = move || {
        let locale = i18n.get_locale();
        if total() == 0 {
            return view! {
                <div class="kam-card kam-empty" data-testid="targets-empty">
                    <h2>{td_string!(locale, targets.empty_title)}</h2>
                    <p>{td_string!(locale, targets.empty_body)}</p>
                    <div class="kam-actions">
                        <A href=href("/targets/import") attr:class="kam-button kam-button--primary">{td_string!(locale, targets.empty_import)}</A>
                        <button class="kam-button" data-testid="load-sample" on:click=move |_| {
                            let message = td_string!(locale, targets.sample_loaded).to_owned();
                            let sample = sample_selection(locale == Locale::de);
                            edit_targets_with_undo(store, message, move |t| {
                                t.customers = sample.customers;
                                if t.criteria.is_empty() {
                                    t.criteria = sample.criteria;
                                }
                            });
                        }>{td_string!(locale, targets.sample_load)}</button>
                    </div>
                    <p class="kam-muted">{td_string!(locale, targets.sample_hint)}</p>
                </div>
            }
            .into_any();
        }
        let style = text::number_style(locale);
        let money = move |v: Option<f64>| {
            v.map(|v| format_amount(v, style))
                .unwrap_or_else(|| "–".into())
        };
        let rows = store.read(Part::Targets, |ws| {
            let accounts = &ws.accounts;
            matching.with(|m| {
                m.iter()
                    .skip(page.get() * PAGE_SIZE)
                    .take(PAGE_SIZE)
                    .map(|&i| {
                        let c = &ws.targets.customers[i];
                        let account = c
                            .account_id
                            .and_then(|id| accounts.iter().find(|a| a.id == id))
                            .map(|a| (a.id, a.name.clone()));
                        (c.clone(), account)
                    })
                    .collect::<Vec<_>>()
            })
        });
        view! {
            <div class="kam-table-wrap">
                <table class="kam-table kam-table--stack" data-testid="customer-table">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, targets.col_name)}</th>
                            <th scope="col">{td_string!(locale, targets.col_number)}</th>
                            <th scope="col" class="kam-num">{td_string!(locale, targets.measure_revenue)}</th>
                            <th scope="col" class="kam-num">{td_string!(locale, targets.measure_margin)}</th>
                            <th scope="col" class="kam-num">{td_string!(locale, targets.measure_potential)}</th>
                            <th scope="col">{td_string!(locale, targets.col_key_account)}</th>
                            <th scope="col"><span class="kam-visually-hidden">{td_string!(locale, targets.col_actions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|(c, account)| {
                            let id = c.id;
                            let name = c.name.clone();
                            let edit_form = Form {
                                editing: Some(id),
                                draft: CustomerDraft::of(&c, |v| text::plain_number(locale, v)),
                            };
                            view! {
                                <tr data-testid="customer-row">
                                    <th scope="row" data-label=td_string!(locale, targets.col_name)>{c.name.clone()}</th>
                                    <td data-label=td_string!(locale, targets.col_number)>{c.number.clone()}</td>
                                    <td class="kam-num" data-label=td_string!(locale, targets.measure_revenue)>{money(c.revenue)}</td>
                                    <td class="kam-num" data-label=td_string!(locale, targets.measure_margin)>{money(c.margin)}</td>
                                    <td class="kam-num" data-label=td_string!(locale, targets.measure_potential)>{money(c.potential)}</td>
                                    <td data-label=td_string!(locale, targets.col_key_account)>
                                        {account.map(|(aid, aname)| view! { <A href=href(&format!("/accounts/{aid}"))>{aname}</A> })}
                                    </td>
                                    <td class="kam-row-actions">
                                        <button class="kam-button kam-button--quiet" aria-label=td_string!(locale, targets.edit_named, name = name.clone())
                                            on:click=move |_| { form.set(edit_form.clone()); error.set(None); focus_name(); }>
                                            {td_string!(locale, targets.edit)}
                                        </button>
                                        <button class="kam-button kam-button--quiet kam-button--danger" data-testid="customer-delete"
                                            aria-label=td_string!(locale, targets.delete_named, name = name.clone())
                                            on:click=move |_| {
                                                let message = td_string!(locale, targets.deleted, name = name.clone());
                                                edit_targets_with_undo(store, message, |t| t.customers.retain(|c| c.id != id));
                                            }>
                                            {td_string!(locale, targets.delete)}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Pager page=page total=Signal::derive(move || matching.with(|m| m.len()))/>
        }
        .into_any()
    };

    let toolbar = move || {
        (total() > 0).then(|| view! {
            <div class="kam-toolbar">
                <label class="kam-field kam-field--grow">
                    <span>{t!(i18n, targets.search)}</span>
                    <input type="search" data-testid="customer-search" prop:value=move || query.get()
                        on:input:target=move |ev| { query.set(ev.target().value()); page.set(0); }/>
                </label>
                <p class="kam-muted kam-count" data-testid="customer-count">
                    {move || text::plural!(i18n.get_locale(), targets.count, total(), shown = matching.with(|m| m.len()))}
                </p>
                <button class="kam-button kam-button--danger" on:click=move |_| confirm_clear.set(true)>{t!(i18n, targets.clear)}</button>
            </div>
            {move || confirm_clear.get().then(|| view! {
                <div class="kam-confirm" role="alertdialog" aria-labelledby="clear-q">
                    <p id="clear-q"><strong>{t!(i18n, targets.clear_question)}</strong></p>
                    <div class="kam-actions">
                        <button class="kam-button kam-button--danger" data-testid="clear-confirm" on:click=move |_| {
                            let message = t_string!(i18n, targets.cleared).to_owned();
                            edit_targets_with_undo(store, message, |t| t.customers.clear());
                            confirm_clear.set(false);
                        }>{t!(i18n, targets.clear_yes)}</button>
                        <button class="kam-button" on:click=move |_| confirm_clear.set(false)>{t!(i18n, targets.form_cancel)}</button>
                    </div>
                </div>
            })}
        })
    };

    view! {
        <section class="kam-page kam-targets">
            <TargetsHead intro=Signal::derive(move || t_string!(i18n, targets.intro_customers).to_owned())/>
            {entry}
            {toolbar}
            {table}
        </section>
    }
}

fn focus_name() {
    use wasm_bindgen::JsCast;
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("customer-name"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}
