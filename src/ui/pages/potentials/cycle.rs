//! The KAM process cycle across all key accounts (block "Prozesse und
//! Tools"): what is due, overdue or coming, with the tool that does each
//! step, a calendar file of the due dates, and each account's rhythms;
//! and the toolbox, which shows for each account which tools are in use
//! and how recent they are.

use super::{account_tool_name, account_tool_path, page_head, page_tabs, store_tool, today, Tab};
use crate::domain::potentials::{tool_of, ToolError, ToolKind};
use crate::domain::processes::calendar::{calendar, Event};
use crate::domain::processes::cycle::{
    cycles, workspace_due, Cycle, CycleTool, Due, Status, Step, RHYTHM_MAX, RHYTHM_MIN,
};
use crate::domain::processes::toolbox::{toolbox, State, TOOLS};
use crate::domain::record::ToolFamily;
use crate::storage::browser;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part, Store};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// The name of a step of the cycle.
fn step_name(locale: Locale, step: Step) -> &'static str {
    match step {
        Step::AnalysisUpdate => td_string!(locale, cyc.step_analysis),
        Step::PlanUpdate => td_string!(locale, cyc.step_plan),
        Step::QuarterlyReview => td_string!(locale, cyc.step_quarterly),
        Step::AnnualReview => td_string!(locale, cyc.step_annual),
        Step::SatisfactionSurvey => td_string!(locale, cyc.step_survey),
    }
}

/// The page that does a step for one account.
fn step_path(step: Step, account: Uuid) -> String {
    match step {
        Step::AnalysisUpdate => href(&format!("/potentials/overview/{account}")),
        Step::PlanUpdate | Step::QuarterlyReview => {
            account_tool_path(ToolFamily::AccountPlan, account)
        }
        Step::AnnualReview => account_tool_path(ToolFamily::AnnualReview, account),
        Step::SatisfactionSurvey => account_tool_path(ToolFamily::Satisfaction, account),
    }
}

fn status_name(locale: Locale, status: Status) -> &'static str {
    match status {
        Status::Overdue => td_string!(locale, cyc.overdue),
        Status::DueSoon => td_string!(locale, cyc.due_soon),
        Status::Upcoming => td_string!(locale, cyc.upcoming),
    }
}

fn status_key(status: Status) -> &'static str {
    match status {
        Status::Overdue => "overdue",
        Status::DueSoon => "soon",
        Status::Upcoming => "upcoming",
    }
}

/// The name of a key account.
fn account_name(store: Store, account: Uuid) -> String {
    store.read(Part::Accounts, |ws| {
        ws.account(account)
            .map(|a| a.name.clone())
            .unwrap_or_default()
    })
}

/// The two pages of the block's overview.
const TABS: [Tab; 2] = [
    ("/processes/cycle", "cyc-tab-due", |l| {
        td_string!(l, cyc.tab_due)
    }),
    ("/processes/toolbox", "cyc-tab-toolbox", |l| {
        td_string!(l, cyc.tab_toolbox)
    }),
];

/// The tabs, the page shown marked.
fn tabs(here: &'static str) -> impl IntoView {
    page_tabs(|l| td_string!(l, cyc.title), here, &TABS)
}

/// The head of both pages: title, what it is for, printing.
fn head(title: fn(Locale) -> &'static str, intro: fn(Locale) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    page_head(move || title(i18n.get_locale()), intro)
}

/// What to do while there is no key account.
fn no_accounts() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="kam-card" data-testid="cyc-no-accounts">
            <p>{t!(i18n, cyc.no_accounts)}</p>
            <a class="kam-button kam-button--primary" rel="external" href=href("/accounts")>{t!(i18n, cyc.to_accounts)}</a>
        </section>
    }
}

/// The due list of all key accounts, the calendar export and the rhythms.
#[component]
pub fn CyclePage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let due = Memo::new(move |_| store.read_all(|ws| workspace_due(ws, today())));
    let empty = Memo::new(move |_| store.read(Part::Accounts, |ws| ws.accounts.is_empty()));
    let filter: RwSignal<Option<Status>> = RwSignal::new(None);
    // Why a step could not be marked as done.
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let counts = move || {
        due.with(|list| {
            [Status::Overdue, Status::DueSoon, Status::Upcoming]
                .map(|s| list.iter().filter(|d| d.status == s).count())
        })
    };
    let export = move |_| {
        let locale = i18n.get_locale_untracked();
        let events: Vec<Event> = due.with_untracked(|list| {
            list.iter()
                .map(|d| Event {
                    uid: d.uid(),
                    day: d.due,
                    summary: td_string!(
                        locale,
                        cyc.event_summary,
                        step = step_name(locale, d.step),
                        account = account_name(store, d.account)
                    ),
                    description: match d.last {
                        Some(day) => td_string!(
                            locale,
                            cyc.event_last,
                            date = text::date(locale, &day.iso())
                        ),
                        None => td_string!(locale, cyc.event_never).to_owned(),
                    },
                })
                .collect()
        });
        if let Some(file) = calendar(&events, browser::now()) {
            let name = format!("kam-workbench-{}.ics", today().iso());
            let _ = browser::download(&name, &file, "text/calendar");
        }
    };
    let rows = move || {
        let locale = i18n.get_locale();
        let shown = filter.get();
        due.with(|list| {
            list.iter()
                .filter(|d| shown.is_none_or(|s| d.status == s))
                .map(|d| due_row(locale, store, d, message))
                .collect::<Vec<_>>()
        })
    };
    let chip = move |status: Option<Status>, testid: &'static str| {
        let label = move || {
            let locale = i18n.get_locale();
            let [overdue, soon, upcoming] = counts();
            match status {
                None => td_string!(locale, cyc.filter_all, n = overdue + soon + upcoming),
                Some(Status::Overdue) => td_string!(locale, cyc.filter_overdue, n = overdue),
                Some(Status::DueSoon) => td_string!(locale, cyc.filter_soon, n = soon),
                Some(Status::Upcoming) => td_string!(locale, cyc.filter_upcoming, n = upcoming),
            }
        };
        view! {
            <button class="kam-button kam-button--small" data-testid=testid
                aria-pressed=move || (filter.get() == status).to_string()
                on:click=move |_| filter.set(status)>{label}</button>
        }
    };
    view! {
        <section class="kam-page kam-cycle">
            {head(|l| td_string!(l, cyc.title), |l| td_string!(l, cyc.intro))}
            {tabs("/processes/cycle")}
            {move || if empty.get() {
                no_accounts().into_any()
            } else {
                view! {
                    <section class="kam-card" aria-labelledby="cyc-due-title" data-testid="cyc-due">
                        <div class="kam-card__head">
                            <h2 id="cyc-due-title">{t!(i18n, cyc.due_title)}</h2>
                            <button class="kam-button kam-button--primary kam-no-print" data-testid="cyc-ics" on:click=export>{t!(i18n, cyc.export)}</button>
                        </div>
                        <p class="kam-muted kam-no-print">{t!(i18n, cyc.due_help)}</p>
                        <div class="kam-actions kam-no-print" role="group" aria-label=move || td_string!(i18n.get_locale(), cyc.filter)>
                            {chip(None, "cyc-filter-all")}
                            {chip(Some(Status::Overdue), "cyc-filter-overdue")}
                            {chip(Some(Status::DueSoon), "cyc-filter-soon")}
                            {chip(Some(Status::Upcoming), "cyc-filter-upcoming")}
                        </div>
                        <p class="kam-field__error" role="alert" data-testid="cyc-due-error">{move || message.get()}</p>
                        <div class="kam-table-wrap">
                            <table class="kam-table kam-cycle__due">
                                <thead><tr>
                                    <th scope="col">{t!(i18n, cyc.col_account)}</th>
                                    <th scope="col">{t!(i18n, cyc.col_step)}</th>
                                    <th scope="col">{t!(i18n, cyc.col_last)}</th>
                                    <th scope="col">{t!(i18n, cyc.col_due)}</th>
                                    <th scope="col">{t!(i18n, cyc.col_status)}</th>
                                    <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, cyc.col_do)}</span></th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    </section>
                    <Rhythms/>
                }.into_any()
            }}
        </section>
    }
}

/// One step of one account in the due list.
fn due_row(
    locale: Locale,
    store: Store,
    d: &Due,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let (account, step) = (d.account, d.step);
    let last = d
        .last
        .map(|day| text::date(locale, &day.iso()))
        .unwrap_or_else(|| td_string!(locale, cyc.never).to_owned());
    let when = match d.days {
        0 => td_string!(locale, cyc.today).to_owned(),
        days if days < 0 => text::plural!(locale, cyc.days_ago, days.unsigned_abs() as usize),
        days => text::plural!(locale, cyc.days_in, days as usize),
    };
    let mark = move |_| {
        let refused = change_cycle(store, account, |c| c.mark(step, today())).err();
        message.set(refused.map(|e| super::problem_text(locale, &e)));
    };
    let name = account_name(store, account);
    view! {
        <tr data-testid="cyc-row" data-status=status_key(d.status) data-step=step.as_str()>
            <td><a href=href(&format!("/accounts/{account}")) rel="external">{name.clone()}</a></td>
            <td><a href=step_path(step, account) rel="external">{step_name(locale, step)}</a></td>
            <td data-label=td_string!(locale, cyc.col_last)>{last}</td>
            <td data-testid="cyc-due-date" data-label=td_string!(locale, cyc.col_due)>{text::date(locale, &d.due.iso())}<span class="kam-muted kam-small">{format!(" ({when})")}</span></td>
            <td><span class=format!("kam-badge kam-cycle__status kam-cycle__status--{}", status_key(d.status))>{status_name(locale, d.status)}</span></td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" data-testid="cyc-mark" on:click=mark>
                    {td_string!(locale, cyc.mark_done)}
                    <span class="kam-visually-hidden">{format!(": {}, {name}", step_name(locale, step))}</span>
                </button>
            </td>
        </tr>
    }
}

/// Changes the cycle of one account (created with the defaults when it
/// has none) after its check; a change that breaks a rule, or to a stored
/// cycle that cannot be read, is refused and nothing is stored.
fn change_cycle(
    store: Store,
    account: Uuid,
    change: impl FnOnce(&mut Cycle),
) -> Result<(), ToolError> {
    // A stored cycle that cannot be read is refused, not replaced by the
    // defaults: its rhythms and notes stay as they are.
    let stored = store.read_untracked(|ws| {
        tool_of(ws.tool_list(ToolFamily::Cycle), account).map(CycleTool::read)
    });
    let mut next = stored.transpose()?.unwrap_or_default();
    change(&mut next);
    store_tool::<CycleTool>(store, account, &next)
}

/// Each account's rhythms: months between two times of each step.
#[component]
fn Rhythms() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let all = Memo::new(move |_| store.read_all(cycles));
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    // One row per account, kept while the account is there, and one memo
    // per cell: a change redraws only its own field, so the keyboard focus
    // stays where the user is.
    let accounts = move || all.with(|list| list.iter().map(|(a, _)| *a).collect::<Vec<_>>());
    let cell = move |account: Uuid, step: Step| {
        let months = Memo::new(move |_| {
            all.with(|list| {
                list.iter()
                    .find(|(a, _)| *a == account)
                    .map_or(step.default_rhythm(), |(_, c)| c.rhythms.of(step))
            })
        });
        let label = move || {
            format!(
                "{}: {}",
                account_name(store, account),
                step_name(i18n.get_locale(), step)
            )
        };
        view! {
            <td>
                <input type="number" inputmode="numeric" class="kam-input--short" data-testid="cyc-rhythm"
                    min=RHYTHM_MIN.to_string() max=RHYTHM_MAX.to_string() aria-label=label
                    prop:value=move || months.get().to_string()
                    on:change:target=move |ev| {
                        let locale = i18n.get_locale_untracked();
                        let value = ev.target().value();
                        let refused = match value.trim().parse::<u8>() {
                            // Checked on a copy first: a refused value stores nothing.
                            Ok(v) => match Cycle::default().rhythms.set(step, v) {
                                Err(p) => Some(text::problem(locale, &p)),
                                Ok(()) => change_cycle(store, account, |c| { let _ = c.rhythms.set(step, v); })
                                    .err()
                                    .map(|e| super::problem_text(locale, &e)),
                            },
                            Err(_) => Some(td_string!(locale, cyc.bad_rhythm).to_owned()),
                        };
                        if refused.is_some() {
                            ev.target().set_value(&months.get_untracked().to_string());
                        }
                        message.set(refused);
                    }/>
            </td>
        }
    };
    view! {
        <section class="kam-card kam-no-print" aria-labelledby="cyc-rhythm-title" data-testid="cyc-rhythms">
            <h2 id="cyc-rhythm-title">{t!(i18n, cyc.rhythm_title)}</h2>
            <p class="kam-muted">{t!(i18n, cyc.rhythm_help)}</p>
            <p class="kam-field__error" role="alert" data-testid="cyc-rhythm-error">{move || message.get()}</p>
            <div class="kam-table-wrap">
                <table class="kam-table kam-cycle__rhythms">
                    <thead><tr>
                        <th scope="col">{t!(i18n, cyc.col_account)}</th>
                        {move || Step::ALL.iter().map(|s| view! { <th scope="col">{step_name(i18n.get_locale(), *s)}</th> }).collect::<Vec<_>>()}
                    </tr></thead>
                    <tbody>
                        <For each=accounts key=|a| *a let:account>
                            <tr>
                                <th scope="row">{move || account_name(store, account)}</th>
                                {Step::ALL.iter().map(|step| cell(account, *step)).collect::<Vec<_>>()}
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// For each key account, which tools are in use and how recent they are;
/// each cell opens its tool.
#[component]
pub fn ToolboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let rows = Memo::new(move |_| store.read_all(|ws| toolbox(ws, today())));
    let empty = Memo::new(move |_| store.read(Part::Accounts, |ws| ws.accounts.is_empty()));
    let body = move || {
        let locale = i18n.get_locale();
        rows.with(|rows| {
            rows.iter()
                .map(|row| {
                    let account = row.account;
                    let cells = row
                        .cells
                        .iter()
                        .map(|cell| {
                            let (mark, state, key) = match cell.state {
                                State::Missing => ("–", td_string!(locale, cyc.state_missing), "missing"),
                                State::Current => ("✓", td_string!(locale, cyc.state_current), "current"),
                                State::Outdated => ("!", td_string!(locale, cyc.state_outdated), "outdated"),
                            };
                            let date = cell
                                .modified
                                .map(|at| text::date(locale, &crate::domain::time::Day::of(at).iso()))
                                .unwrap_or_default();
                            let title = format!("{}: {state}", account_tool_name(locale, cell.tool));
                            let label = format!("{}, {title}", account_name(store, account));
                            view! {
                                <td class=format!("kam-toolbox__cell kam-toolbox__cell--{key}") data-testid="toolbox-cell" data-state=key>
                                    <a href=account_tool_path(cell.tool, account) rel="external" title=title.clone() aria-label=format!("{label} {date}")>
                                        <span aria-hidden="true">{mark}</span>" "<span class="kam-small">{date.clone()}</span>
                                    </a>
                                </td>
                            }
                        })
                        .collect::<Vec<_>>();
                    let current = row.current();
                    view! {
                        <tr data-testid="toolbox-row">
                            <th scope="row"><a href=href(&format!("/accounts/{account}")) rel="external">{account_name(store, account)}</a>
                                <div class="kam-muted kam-small" data-testid="toolbox-summary">{td_string!(locale, cyc.toolbox_summary, current = current, total = TOOLS.len())}</div>
                            </th>
                            {cells}
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="kam-page kam-cycle">
            {head(|l| td_string!(l, cyc.toolbox_title), |l| td_string!(l, cyc.toolbox_intro))}
            {tabs("/processes/toolbox")}
            {move || if empty.get() {
                no_accounts().into_any()
            } else {
                view! {
                    <section class="kam-card" aria-labelledby="toolbox-title" data-testid="toolbox">
                        <h2 id="toolbox-title" class="kam-visually-hidden">{t!(i18n, cyc.toolbox_title)}</h2>
                        <ul class="kam-toolbox__legend">
                            <li><span class="kam-toolbox__cell--current">"✓"</span>" "{t!(i18n, cyc.state_current)}</li>
                            <li><span class="kam-toolbox__cell--outdated">"!"</span>" "{t!(i18n, cyc.state_outdated)}</li>
                            <li><span class="kam-toolbox__cell--missing">"–"</span>" "{t!(i18n, cyc.state_missing)}</li>
                        </ul>
                        <div class="kam-table-wrap">
                            <table class="kam-table kam-toolbox">
                                <thead><tr>
                                    <th scope="col">{t!(i18n, cyc.col_account)}</th>
                                    {move || TOOLS.iter().map(|t| view! { <th scope="col">{account_tool_name(i18n.get_locale(), *t)}</th> }).collect::<Vec<_>>()}
                                </tr></thead>
                                <tbody>{body}</tbody>
                            </table>
                        </div>
                    </section>
                }.into_any()
            }}
        </section>
    }
}
