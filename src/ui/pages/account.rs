use crate::domain::{
    format_amount, parse_amount, AccountDraft, AccountField, KeyAccount, ValidationProblem,
};
use crate::storage::browser;
use crate::ui::components::{account_of_address, export_account};
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part, Toast};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

/// A problem shown under a form field: from the domain, or typed text that
/// is not a number.
#[derive(Clone, PartialEq)]
enum FieldProblem {
    Domain(ValidationProblem),
    NotANumber,
}

/// The editable state of the account form: one signal per field.
#[derive(Clone, Copy)]
struct FormState {
    name: RwSignal<String>,
    industry: RwSignal<String>,
    country: RwSignal<String>,
    sites: RwSignal<String>,
    kam: RwSignal<String>,
    revenue: RwSignal<String>,
    notes: RwSignal<String>,
    parent: RwSignal<String>,
    problems: RwSignal<Vec<(AccountField, FieldProblem)>>,
}

impl FormState {
    fn new(draft: &AccountDraft, locale: Locale) -> Self {
        let form = FormState {
            name: RwSignal::new(String::new()),
            industry: RwSignal::new(String::new()),
            country: RwSignal::new(String::new()),
            sites: RwSignal::new(String::new()),
            kam: RwSignal::new(String::new()),
            revenue: RwSignal::new(String::new()),
            notes: RwSignal::new(String::new()),
            parent: RwSignal::new(String::new()),
            problems: RwSignal::new(Vec::new()),
        };
        form.load(draft, locale);
        form
    }

    fn load(&self, draft: &AccountDraft, locale: Locale) {
        self.name.set(draft.name.clone());
        self.industry.set(draft.industry.clone());
        self.country.set(draft.country.clone());
        self.sites.set(draft.sites.clone());
        self.kam.set(draft.kam_responsible.clone());
        self.revenue
            .set(revenue_text(draft.revenue_last_year, locale));
        self.notes.set(draft.notes.clone());
        self.parent
            .set(draft.parent_id.map(|id| id.to_string()).unwrap_or_default());
        self.problems.set(Vec::new());
    }

    /// The draft as typed, or the problems that keep it from being one.
    /// Reads are tracked, so a closure calling this follows every keystroke.
    fn read(&self, locale: Locale) -> Result<AccountDraft, Vec<(AccountField, FieldProblem)>> {
        let revenue = parse_amount(&self.revenue.get(), text::number_style(locale));
        let draft = AccountDraft {
            name: self.name.get(),
            industry: self.industry.get(),
            country: self.country.get(),
            sites: self.sites.get(),
            kam_responsible: self.kam.get(),
            revenue_last_year: revenue.clone().ok().flatten(),
            notes: self.notes.get(),
            parent_id: Uuid::parse_str(&self.parent.get()).ok(),
        };
        let mut problems: Vec<(AccountField, FieldProblem)> = draft
            .problems()
            .into_iter()
            .map(|(f, p)| (f, FieldProblem::Domain(p)))
            .collect();
        if revenue.is_err() {
            problems.push((AccountField::RevenueLastYear, FieldProblem::NotANumber));
        }
        if problems.is_empty() {
            Ok(draft)
        } else {
            Err(problems)
        }
    }
}

fn revenue_text(value: Option<f64>, locale: Locale) -> String {
    value
        .map(|v| {
            format_amount(v, text::number_style(locale))
                .replace(['€', ' '], "")
                .trim()
                .to_owned()
        })
        .unwrap_or_default()
}

/// Creates a key account.
#[component]
pub fn NewAccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let navigate = use_navigate();
    let on_submit = Callback::new(move |draft: AccountDraft| {
        let id = Uuid::new_v4();
        if let Ok(account) = draft.create(id, browser::now()) {
            match store.try_edit(|ws| ws.accounts.push(account)) {
                Ok(()) => navigate(&format!("/accounts/{id}"), Default::default()),
                Err(problem) => store.show_toast(Toast::Refused(problem)),
            }
        }
    });
    let on_cancel = Callback::new({
        let navigate = use_navigate();
        move |_| navigate("/accounts", Default::default())
    });
    view! {
        <section class="kam-page">
            <p class="kam-breadcrumb"><A href=href("/accounts")>{t!(i18n, account.back)}</A></p>
            <h1>{t!(i18n, account.title_new)}</h1>
            <AccountForm
                initial=AccountDraft::default()
                own_id=None
                submit_label=Signal::derive(move || t_string!(i18n, account.create).to_owned())
                on_submit
                on_cancel
            />
        </section>
    }
}

/// Shows and edits one key account.
#[component]
pub fn AccountPage() -> impl IntoView {
    account_of_address(|id| view! { <AccountEditor id/> })
}

/// The editor of an existing account, with export and delete.
#[component]
fn AccountEditor(
    /// The account's id; it exists when the editor is created.
    id: Uuid,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let navigate = use_navigate();
    let account = move || store.read(Part::Accounts, |ws| ws.account(id).cloned());
    let initial = account().map(|a| a.draft()).unwrap_or_default();
    let saved_note = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let on_submit = Callback::new(move |draft: AccountDraft| {
        let now = browser::now();
        store.edit_part(Part::Accounts, |ws| {
            if let Some(account) = ws.account_mut(id) {
                let _ = account.apply(draft, now);
            }
        });
        saved_note.set(true);
    });
    let on_cancel = Callback::new({
        let navigate = use_navigate();
        move |_| navigate("/accounts", Default::default())
    });
    let name = move || account().map(|a| a.name).unwrap_or_default();
    let meta = move || {
        let locale = i18n.get_locale();
        account().map(|a: KeyAccount| {
            format!(
                "{} · {}",
                td_string!(
                    locale,
                    account.created_at,
                    time = text::time(locale, a.created)
                ),
                td_string!(
                    locale,
                    account.modified_at,
                    time = text::time(locale, a.modified)
                )
            )
        })
    };
    let delete_now = move |_| {
        store.delete_account(id);
        navigate("/accounts", Default::default());
    };
    view! {
        <section class="kam-page">
            <p class="kam-breadcrumb"><A href=href("/accounts")>{t!(i18n, account.back)}</A></p>
            <div class="kam-page__head">
                <div>
                    <h1 data-testid="account-title">{name}</h1>
                    <p class="kam-muted">{meta}</p>
                </div>
                <div class="kam-actions">
                    <button class="kam-button" data-testid="export-account" on:click=move |_| {
                        if let Some(a) = account() { export_account(store, &a) }
                    }>{t!(i18n, account.export)}</button>
                    <button class="kam-button kam-button--danger" data-testid="delete-account"
                        on:click=move |_| confirm_delete.set(true)>{t!(i18n, account.delete)}</button>
                </div>
            </div>
            <Show when=move || confirm_delete.get()>
                <div class="kam-confirm" role="alertdialog" aria-labelledby="kam-delete-question">
                    <p id="kam-delete-question">{move || t_string!(i18n, account.delete_question, name = name())}</p>
                    <div class="kam-actions">
                        <button class="kam-button kam-button--danger" data-testid="confirm-delete" on:click=delete_now.clone()>
                            {t!(i18n, account.delete_yes)}
                        </button>
                        <button class="kam-button" on:click=move |_| confirm_delete.set(false)>{t!(i18n, common.cancel)}</button>
                    </div>
                </div>
            </Show>
            <Show when=move || saved_note.get()>
                <p class="kam-note kam-note--ok" role="status" data-testid="form-saved">{t!(i18n, account.saved)}</p>
            </Show>
            <AnalysisCard id/>
            <AccountForm
                initial
                own_id=Some(id)
                submit_label=Signal::derive(move || t_string!(i18n, account.save).to_owned())
                on_submit
                on_cancel
                on_change=Callback::new(move |_| saved_note.set(false))
            />
        </section>
    }
}

/// The form for an account's basic profile, with validation per field.
#[component]
fn AccountForm(
    /// Field values when the form opens.
    initial: AccountDraft,
    /// The account being edited, excluded from the parent choices.
    own_id: Option<Uuid>,
    /// Text of the submit button.
    submit_label: Signal<String>,
    /// Called with a valid draft.
    on_submit: Callback<AccountDraft>,
    /// Called when the user cancels.
    on_cancel: Callback<()>,
    /// Called on every edit (optional).
    #[prop(optional)]
    on_change: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let form = FormState::new(&initial, i18n.get_locale_untracked());
    let baseline = RwSignal::new(initial);
    let dirty = move || {
        form.read(i18n.get_locale())
            .map(|draft| draft != baseline.get())
            .unwrap_or(true)
    };
    let parents = move || {
        store.read(Part::Accounts, |ws| {
            ws.accounts
                .iter()
                .filter(|a| Some(a.id) != own_id && a.parent_id.is_none_or(|p| Some(p) != own_id))
                .map(|a| (a.id.to_string(), a.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let problem_text = move |field: AccountField| {
        move || {
            let locale = i18n.get_locale();
            form.problems.with(|list| {
                list.iter()
                    .find(|(f, _)| *f == field)
                    .map(|(_, p)| match p {
                        FieldProblem::Domain(p) => text::problem(locale, p),
                        FieldProblem::NotANumber => {
                            td_string!(locale, problem.not_a_number).to_owned()
                        }
                    })
            })
        }
    };
    let has_problem = move |field: AccountField| {
        move || form.problems.with(|l| l.iter().any(|(f, _)| *f == field))
    };
    let changed = move || {
        if let Some(cb) = on_change {
            cb.run(())
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.read(i18n.get_locale_untracked()) {
            Ok(draft) => {
                form.problems.set(Vec::new());
                baseline.set(draft.clone());
                on_submit.run(draft);
            }
            Err(problems) => form.problems.set(problems),
        }
    };
    let text_field = move |field: AccountField,
                           id: &'static str,
                           label: Signal<String>,
                           value: RwSignal<String>,
                           required: bool| {
        let error_id = format!("{id}-error");
        view! {
            <div class="kam-field" class:kam-field--invalid=has_problem(field)>
                <label for=id>{label}{required.then(|| view! { <span class="kam-required">" *"</span> })}</label>
                <input
                    id=id
                    type="text"
                    required=required
                    aria-invalid=move || has_problem(field)().to_string()
                    aria-describedby=error_id.clone()
                    prop:value=move || value.get()
                    on:input:target=move |ev| { value.set(ev.target().value()); changed(); }
                />
                <p class="kam-field__error" id=error_id>{problem_text(field)}</p>
            </div>
        }
    };
    let area_field = move |field: AccountField,
                           id: &'static str,
                           label: Signal<String>,
                           hint: Option<Signal<String>>,
                           value: RwSignal<String>| {
        let error_id = format!("{id}-error");
        view! {
            <div class="kam-field kam-field--wide" class:kam-field--invalid=has_problem(field)>
                <label for=id>{label}</label>
                {hint.map(|h| view! { <p class="kam-field__hint">{h}</p> })}
                <textarea
                    id=id
                    rows="4"
                    aria-invalid=move || has_problem(field)().to_string()
                    aria-describedby=error_id.clone()
                    prop:value=move || value.get()
                    on:input:target=move |ev| { value.set(ev.target().value()); changed(); }
                ></textarea>
                <p class="kam-field__error" id=error_id>{problem_text(field)}</p>
            </div>
        }
    };
    let label = move |s: fn(Locale) -> &'static str| {
        Signal::derive(move || s(i18n.get_locale()).to_owned())
    };
    view! {
        <form class="kam-card kam-form" novalidate=true on:submit=submit data-testid="account-form">
            <div class="kam-form__grid">
                {text_field(AccountField::Name, "account-name", label(|l| td_string!(l, account.field_name)), form.name, true)}
                {text_field(AccountField::Industry, "account-industry", label(|l| td_string!(l, account.field_industry)), form.industry, false)}
                {text_field(AccountField::Country, "account-country", label(|l| td_string!(l, account.field_country)), form.country, false)}
                {text_field(AccountField::KamResponsible, "account-kam", label(|l| td_string!(l, account.field_kam)), form.kam, false)}
                <div class="kam-field" class:kam-field--invalid=has_problem(AccountField::RevenueLastYear)>
                    <label for="account-revenue">{t!(i18n, account.field_revenue)}</label>
                    <input
                        id="account-revenue"
                        type="text"
                        inputmode="decimal"
                        aria-describedby="account-revenue-hint account-revenue-error"
                        aria-invalid=move || has_problem(AccountField::RevenueLastYear)().to_string()
                        prop:value=move || form.revenue.get()
                        on:input:target=move |ev| { form.revenue.set(ev.target().value()); changed(); }
                    />
                    <p class="kam-field__hint" id="account-revenue-hint">{t!(i18n, account.field_revenue_hint)}</p>
                    <p class="kam-field__error" id="account-revenue-error">{problem_text(AccountField::RevenueLastYear)}</p>
                </div>
                <div class="kam-field">
                    <label for="account-parent">{t!(i18n, account.field_parent)}</label>
                    <select
                        id="account-parent"
                        prop:value=move || form.parent.get()
                        on:change:target=move |ev| { form.parent.set(ev.target().value()); changed(); }
                    >
                        <option value="">{t!(i18n, account.parent_none)}</option>
                        {move || parents().into_iter().map(|(id, name)| {
                            let selected = form.parent.get_untracked() == id;
                            view! { <option value=id selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {area_field(AccountField::Sites, "account-sites", label(|l| td_string!(l, account.field_sites)), Some(label(|l| td_string!(l, account.field_sites_hint))), form.sites)}
                {area_field(AccountField::Notes, "account-notes", label(|l| td_string!(l, account.field_notes)), None, form.notes)}
            </div>
            <Show when=move || form.problems.with(|p| !p.is_empty())>
                <p class="kam-note kam-note--error" role="alert">{t!(i18n, account.fix_first)}</p>
            </Show>
            <div class="kam-form__actions">
                <button type="submit" class="kam-button kam-button--primary" data-testid="submit-account">{move || submit_label.get()}</button>
                <button type="button" class="kam-button" on:click=move |_| on_cancel.run(())>{t!(i18n, account.cancel)}</button>
                <Show when=dirty>
                    <span class="kam-muted" data-testid="unsaved">{t!(i18n, account.unsaved)}</span>
                </Show>
            </div>
        </form>
    }
}

/// The tools of the account analysis with their last change, read from
/// the stored records without the tools' models (which the analysis
/// overview, one click away, reads: this page stays light).
#[component]
fn AnalysisCard(id: Uuid) -> impl IntoView {
    use crate::domain::potentials::findings::AnalysisTool;
    use crate::domain::potentials::tool_of;
    use crate::domain::record::ToolFamily;
    use crate::ui::pages::{
        account_tool_name, account_tool_path, analysis_tool_name, analysis_tool_path,
    };
    let i18n = use_i18n();
    let store = use_store();
    // One line per tool: its name, its last change, and the way to it.
    let item = move |locale: Locale,
                     name: &'static str,
                     key: &'static str,
                     path: String,
                     modified: Option<crate::domain::time::Timestamp>| {
        let state = match modified {
            None => td_string!(locale, analysis.not_started).to_owned(),
            Some(at) => td_string!(locale, analysis.modified, time = text::time(locale, at)),
        };
        view! {
            <li data-testid="analysis-tool">
                <div>
                    <strong>{name}</strong>
                    <p class="kam-muted">{state}</p>
                </div>
                <a class="kam-button" rel="external" href=path data-testid=format!("open-{key}")>
                    {td_string!(locale, analysis.open)}
                </a>
            </li>
        }
    };
    let tools = move || {
        let locale = i18n.get_locale();
        store.read(Part::Potentials, |ws| {
            AnalysisTool::ALL
                .into_iter()
                .map(|tool| {
                    let modified = tool_of(ws.tool_list(tool.family()), id).map(|r| r.modified);
                    item(
                        locale,
                        analysis_tool_name(locale, tool),
                        tool.key(),
                        analysis_tool_path(tool, id),
                        modified,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    // The per-account tools of the blocks "Menschen im KAM" and
    // "Prozesse und Tools".
    let listed = move |tools: &'static [(ToolFamily, &'static str)]| {
        let locale = i18n.get_locale();
        store.read(Part::Potentials, |ws| {
            tools
                .iter()
                .map(|(tool, key)| {
                    let modified = tool_of(ws.tool_list(*tool), id).map(|r| r.modified);
                    item(
                        locale,
                        account_tool_name(locale, *tool),
                        key,
                        account_tool_path(*tool, id),
                        modified,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let people = move || listed(&[(ToolFamily::Team, "team")]);
    let results = move || listed(&[(ToolFamily::Scorecard, "scorecard")]);
    let processes = move || {
        listed(&[
            (ToolFamily::AnnualReview, "annual_review"),
            (ToolFamily::Satisfaction, "satisfaction"),
        ])
    };
    view! {
        <section class="kam-card" aria-labelledby="account-analysis-title" data-testid="account-analysis">
            <div class="kam-card__head">
                <h2 id="account-analysis-title">{t!(i18n, bc.account_title)}</h2>
                <a class="kam-button kam-button--primary" rel="external" data-testid="open-overview"
                    href=href(&format!("/potentials/overview/{id}"))>{t!(i18n, analysis.overview_open)}</a>
            </div>
            <ul class="kam-tool-list">{tools}</ul>
            <p><a href=href("/potentials/actions") rel="external">{t!(i18n, plan.my_link)}</a></p>
            <h3>{move || text::block_name(i18n.get_locale(), crate::domain::BuildingBlock::People)}</h3>
            <ul class="kam-tool-list">{people}</ul>
            <h3>{move || text::block_name(i18n.get_locale(), crate::domain::BuildingBlock::Processes)}</h3>
            <ul class="kam-tool-list">{processes}</ul>
            <p><a href=href("/processes/cycle") rel="external">{t!(i18n, cyc.open_cycle)}</a></p>
            <h3>{move || text::block_name(i18n.get_locale(), crate::domain::BuildingBlock::Results)}</h3>
            <ul class="kam-tool-list">{results}</ul>
        </section>
    }
}
