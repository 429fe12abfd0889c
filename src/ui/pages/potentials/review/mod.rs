//! The annual review talk (Jahresgespräch) with one key account (block
//! "Prozesse und Tools"), one talk per year under review:
//! - the preparation sheet, drawn from the account's analysis and surveys
//!   each time it is shown or printed (`domain::processes::review`);
//! - the talk itself: date, participants, the agenda with the minutes of
//!   each point;
//! - the agreed actions, which are actions of the account plan that name
//!   the talk: added here, they are in the plan at once, and a change on
//!   either page is the same record;
//! - the agreements of the talk before, and how they stand.
//!
//! Two pages with tabs, each printing its own A4 sheet: the preparation
//! (`prep.rs`) and the talk with its minutes (here). They are two areas,
//! so that the minutes do not carry the reading code of every tool of
//! the analysis.

mod prep;

pub use prep::ReviewPrepPage;

use super::plan::status_name;
use super::{
    change_with_undo, error_at, problem_text, record_page, record_tabs, show_at, shown_record,
    stored_tool, today, tool_page, update_tool, AmountField, FieldError, RecordPicker, Tab,
};
use crate::domain::account::Amount;
use crate::domain::potentials::plan::{AccountPlan, Action, PlanTool};
use crate::domain::processes::review::{agreed, DefaultPoint, Point, ReviewTool, Talk, Talks};
use crate::domain::time::Day;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::use_store;
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the annual review talks of the key account in the address.
#[component]
pub fn ReviewPage() -> impl IntoView {
    tool_page::<ReviewTool, _, _>(
        |locale| td_string!(locale, rev.title),
        |locale| td_string!(locale, rev.intro),
        |account, data| view! { <ReviewEditor account data/> },
    )
}

/// The title of a default agenda point in the user's language.
fn point_title(locale: Locale, point: DefaultPoint) -> &'static str {
    match point {
        DefaultPoint::YearInReview => td_string!(locale, rev.point_year),
        DefaultPoint::Satisfaction => td_string!(locale, rev.point_satisfaction),
        DefaultPoint::CustomerPlans => td_string!(locale, rev.point_plans),
        DefaultPoint::OurProposals => td_string!(locale, rev.point_proposals),
        DefaultPoint::Agreements => td_string!(locale, rev.point_agreements),
    }
}

/// The line a printed sheet names the talk with: its date and who took part.
fn print_head(locale: Locale, talk: &Talk) -> String {
    let date = talk
        .date
        .map(|d| text::date(locale, &d.iso()))
        .unwrap_or_else(|| "–".to_owned());
    td_string!(
        locale,
        rev.print_head,
        date = date,
        participants = if talk.participants.trim().is_empty() {
            "–".to_owned()
        } else {
            talk.participants.clone()
        }
    )
}

/// "Jahresgespräch 2025 · 12.02.2026" as lists name a talk.
fn talk_label(locale: Locale, talk: &Talk) -> String {
    let name = td_string!(locale, rev.talk_of, year = talk.year);
    match talk.date {
        Some(day) => format!("{name} · {}", text::date(locale, &day.iso())),
        None => name,
    }
}

/// The talk a page shows: the one chosen (or named in the address) while
/// it exists, else the latest year's.
fn shown_talk(data: Memo<Talks>) -> (RwSignal<Option<Uuid>>, Memo<Option<Uuid>>) {
    shown_record(data, "talk", |d| {
        d.newest_first().iter().map(|t| t.id).collect()
    })
}

/// The address of a page of the talk for one account and talk.
fn page_of(page: &str, account: Uuid, talk: Option<Uuid>) -> String {
    record_page("/processes/review", "talk", page, account, talk)
}

/// The two pages of the talk (preparation, talk and minutes), the one
/// shown marked.
fn page_tabs(account: Uuid, current: Memo<Option<Uuid>>, here: &'static str) -> impl IntoView {
    const TABS: &[Tab] = &[
        ("/prep", "rev-tab-prep", |l| td_string!(l, rev.tab_prep)),
        ("", "rev-tab-minutes", |l| td_string!(l, rev.tab_minutes)),
    ];
    record_tabs(
        |l| td_string!(l, rev.title),
        ("/processes/review", "talk"),
        account,
        current,
        here,
        TABS,
    )
}

/// The talks of the account, the latest year first, and a button that
/// creates the next one with the suggested agenda.
#[component]
fn TalkPicker(
    account: Uuid,
    data: Memo<Talks>,
    chosen: RwSignal<Option<Uuid>>,
    current: Memo<Option<Uuid>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let add = move |_| {
        let locale = i18n.get_locale_untracked();
        let id = Uuid::new_v4();
        let points: Vec<(Uuid, &str)> = DefaultPoint::ALL
            .iter()
            .map(|p| (Uuid::new_v4(), point_title(locale, *p)))
            .collect();
        let year = data.with_untracked(|d| d.next_year(today()));
        let talk = Talk::new(id, year, None, &points);
        match update_tool::<ReviewTool>(store, account, data, |d| d.talks.push(talk)) {
            Ok(()) => {
                chosen.set(Some(id));
                show_at(error, Uuid::nil(), None);
            }
            Err(e) => show_at(error, Uuid::nil(), Some(problem_text(locale, &e))),
        }
    };
    let items = Signal::derive(move || {
        let locale = i18n.get_locale();
        data.with(|d| {
            d.newest_first()
                .into_iter()
                .map(|t| (t.id, talk_label(locale, t), None))
                .collect()
        })
    });
    let count = Signal::derive(move || {
        text::plural!(i18n.get_locale(), rev.count, data.with(|d| d.talks.len()))
    });
    view! {
        <RecordPicker prefix="rev" title=|l| td_string!(l, rev.talks) empty=|l| td_string!(l, rev.empty)
            count items chosen current>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <button class="kam-button kam-button--primary" data-testid="rev-add" on:click=add>{t!(i18n, rev.add)}</button>
        </RecordPicker>
    }
}

#[component]
fn ReviewEditor(account: Uuid, data: Memo<Talks>) -> impl IntoView {
    let (chosen, current) = shown_talk(data);
    view! {
        {page_tabs(account, current, "")}
        <TalkPicker account data chosen current/>
        {move || current.get().map(|id| view! { <TalkDetail account data id/> })}
    }
}

/// One talk: the talk and its minutes, the agreed actions and the
/// agreements of the talk before.
#[component]
fn TalkDetail(account: Uuid, data: Memo<Talks>, id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let talk = Memo::new(move |_| {
        data.with(|d| d.talks.iter().find(|t| t.id == id).cloned())
            .unwrap_or_else(|| Talk::new(id, today().year() - 1, None, &[]))
    });
    let set = move |place: Uuid, change: Box<dyn FnOnce(&mut Talk)>| {
        let locale = i18n.get_locale_untracked();
        let result = update_tool::<ReviewTool>(store, account, data, |d| {
            if let Some(t) = d.talks.iter_mut().find(|t| t.id == id) {
                change(t);
            }
        });
        show_at(error, place, result.err().map(|e| problem_text(locale, &e)));
    };
    let on_year = move |value: String| {
        let locale = i18n.get_locale_untracked();
        match value.trim().parse::<i32>() {
            Ok(year) => {
                let taken =
                    data.with_untracked(|d| d.talks.iter().any(|t| t.id != id && t.year == year));
                if taken {
                    show_at(
                        error,
                        id,
                        Some(td_string!(locale, rev.year_taken, year = year)),
                    );
                } else {
                    set(id, Box::new(move |t| t.year = year));
                }
            }
            Err(_) => show_at(
                error,
                id,
                Some(td_string!(locale, problem.not_a_number).to_owned()),
            ),
        }
    };
    // Whether the talk's last change was refused (its message stands).
    let refused = move || error.with_untracked(|e| e.as_ref().is_some_and(|(at, _)| *at == id));
    let on_date = move |value: String| {
        let locale = i18n.get_locale_untracked();
        if value.trim().is_empty() {
            set(id, Box::new(|t| t.date = None));
            return;
        }
        match Day::parse(&value) {
            Some(day) => set(id, Box::new(move |t| t.date = Some(day))),
            None => show_at(error, id, Some(td_string!(locale, bc.bad_date).to_owned())),
        }
    };
    let remove = move |_| {
        let locale = i18n.get_locale_untracked();
        let message = td_string!(
            locale,
            rev.removed,
            name = talk_label(locale, &talk.get_untracked())
        );
        change_with_undo::<ReviewTool>(store, account, message, move |d| {
            d.talks.retain(|t| t.id != id)
        });
    };
    let plan_stored = stored_tool::<PlanTool>(store, account);
    let plan = Memo::new(move |_| {
        plan_stored.with(|s| match s {
            Some(Ok(plan)) => plan.clone(),
            _ => AccountPlan::default(),
        })
    });
    let plan_broken = Memo::new(move |_| plan_stored.with(|s| matches!(s, Some(Err(_)))));
    let planned = Signal::derive(move || talk.with(|t| t.planned_revenue.map(Amount::value)));
    let commit_plan = Callback::new(move |value: Option<f64>| {
        let locale = i18n.get_locale_untracked();
        let amount = match value.map(Amount::parse).transpose() {
            Ok(amount) => amount,
            Err(problem) => return Some(text::problem(locale, &problem)),
        };
        update_tool::<ReviewTool>(store, account, data, |d| {
            if let Some(t) = d.talks.iter_mut().find(|t| t.id == id) {
                t.planned_revenue = amount;
            }
        })
        .err()
        .map(|e| problem_text(locale, &e))
    });
    let year_text = move || talk.with(|t| t.year.to_string());
    view! {
        <div class="kam-rev" data-testid="rev-talk">
            <section class="kam-card kam-rev__minutes" aria-labelledby="rev-minutes-title" data-testid="rev-minutes">
                <div class="kam-card__head">
                    <h2 id="rev-minutes-title">{move || td_string!(i18n.get_locale(), rev.minutes_title, year = talk.with(|t| t.year))}</h2>
                    <div class="kam-actions kam-no-print">
                        <button class="kam-button" data-testid="rev-remove" on:click=remove>{t!(i18n, rev.remove)}</button>
                    </div>
                </div>
                <div class="kam-rev__head kam-no-print">
                    <div class="kam-field">
                        <label for="rev-year">{t!(i18n, rev.field_year)}</label>
                        <input id="rev-year" type="number" inputmode="numeric" min="1990" max="2100" class="kam-input--short" data-testid="rev-year"
                            prop:value=year_text
                            on:change:target=move |ev| {
                                let input = ev.target();
                                on_year(input.value());
                                // A refused year: the field shows the stored one again.
                                if refused() { input.set_value(&talk.with_untracked(|t| t.year.to_string())); }
                            }/>
                    </div>
                    <div class="kam-field">
                        <label for="rev-date">{t!(i18n, rev.date)}</label>
                        <input type="date" id="rev-date" data-testid="rev-date"
                            prop:value=move || talk.with(|t| t.date.map(Day::iso).unwrap_or_default())
                            on:change:target=move |ev| {
                                let input = ev.target();
                                on_date(input.value());
                                if refused() { input.set_value(&talk.with_untracked(|t| t.date.map(Day::iso).unwrap_or_default())); }
                            }/>
                    </div>
                    <div class="kam-field kam-rev__plan">
                        <label id="rev-planned-label">{move || td_string!(i18n.get_locale(), rev.planned, year = talk.with(|t| t.year))}</label>
                        <AmountField labelledby="rev-planned-label" testid="rev-planned" value=planned negative=false commit=commit_plan/>
                    </div>
                    <div class="kam-field kam-rev__participants">
                        <label for="rev-participants">{t!(i18n, rev.participants)}</label>
                        <input id="rev-participants" data-testid="rev-participants" maxlength="300"
                            placeholder=move || td_string!(i18n.get_locale(), rev.participants_hint)
                            prop:value=move || talk.with(|t| t.participants.clone())
                            on:input:target=move |ev| { let v = ev.target().value(); set(id, Box::new(move |t| t.participants = v)); }/>
                    </div>
                </div>
                <p class="kam-print-only kam-rev__print-head" data-testid="rev-print-head">{move || talk.with(|t| print_head(i18n.get_locale(), t))}</p>
                <p class="kam-field__error" role="alert" data-testid="rev-error">{error_at(error, id)}</p>
                <Agenda account talk set error/>
                <Agreements account talk plan plan_broken/>
                <Before data talk plan/>
            </section>
        </div>
    }
}

/// The agenda: each point with its minutes; points can be added, renamed
/// and removed (with undo).
#[component]
fn Agenda(
    account: Uuid,
    talk: Memo<Talk>,
    set: impl Fn(Uuid, Box<dyn FnOnce(&mut Talk)>) + Copy + Send + Sync + 'static,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let add = move |_| {
        let locale = i18n.get_locale_untracked();
        let point = Point {
            id: Uuid::new_v4(),
            title: td_string!(locale, rev.new_point).to_owned(),
            notes: String::new(),
        };
        let focus = format!("rev-point-{}", point.id);
        set(Uuid::nil(), Box::new(move |t| t.agenda.push(point)));
        super::focus_soon(focus);
    };
    let ids = move || talk.with(|t| t.agenda.iter().map(|p| p.id).collect::<Vec<_>>());
    view! {
        <h3>{t!(i18n, rev.agenda)}</h3>
        <p class="kam-muted kam-no-print">{t!(i18n, rev.agenda_help)}</p>
        <Show when=move || talk.with(|t| t.agenda.is_empty())>
            <p class="kam-muted" data-testid="rev-agenda-empty">{t!(i18n, rev.agenda_empty)}</p>
        </Show>
        <ol class="kam-rev__agenda">
            <For each=ids key=|id| *id let:point>
                {
                    let me = Memo::new(move |_| talk.with(|t| t.agenda.iter().find(|p| p.id == point).cloned()));
                    let title = move || me.with(|p| p.as_ref().map(|p| p.title.clone()).unwrap_or_default());
                    let notes = move || me.with(|p| p.as_ref().map(|p| p.notes.clone()).unwrap_or_default());
                    let remove = move |_| {
                        let locale = i18n.get_locale_untracked();
                        let talk_id = talk.with_untracked(|t| t.id);
                        let message = td_string!(locale, rev.point_removed, name = title());
                        change_with_undo::<ReviewTool>(store, account, message, move |d| {
                            if let Some(t) = d.talks.iter_mut().find(|t| t.id == talk_id) {
                                t.agenda.retain(|p| p.id != point);
                            }
                        });
                    };
                    view! {
                        <li class="kam-rev__point" data-testid="rev-point">
                            <div class="kam-rev__point-head">
                                <input id=format!("rev-point-{point}") class="kam-rev__point-title" data-testid="rev-point-title" maxlength="200"
                                    aria-label=move || td_string!(i18n.get_locale(), rev.field_title)
                                    prop:value=title
                                    on:input:target=move |ev| {
                                        let v = ev.target().value();
                                        set(point, Box::new(move |t| if let Some(p) = t.agenda.iter_mut().find(|p| p.id == point) { p.title = v }));
                                    }/>
                                <button class="kam-button kam-button--small kam-no-print" data-testid="rev-point-remove" on:click=remove>
                                    {t!(i18n, common.remove)}<span class="kam-visually-hidden">{move || format!(": {}", title())}</span>
                                </button>
                            </div>
                            <textarea class="kam-rev__notes kam-no-print" rows="4" data-testid="rev-point-notes"
                                aria-label=move || td_string!(i18n.get_locale(), rev.notes_of, point = title())
                                placeholder=move || td_string!(i18n.get_locale(), rev.notes_hint)
                                prop:value=notes
                                on:input:target=move |ev| {
                                    let v = ev.target().value();
                                    set(point, Box::new(move |t| if let Some(p) = t.agenda.iter_mut().find(|p| p.id == point) { p.notes = v }));
                                }></textarea>
                            <p class="kam-print-only kam-rev__notes-print">{notes}</p>
                            <p class="kam-field__error" role="alert">{error_at(error, point)}</p>
                        </li>
                    }
                }
            </For>
        </ol>
        <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
        <button class="kam-button kam-no-print" data-testid="rev-add-point" on:click=add>{t!(i18n, rev.add_point)}</button>
    }
}

/// The actions agreed in the talk: actions of the account plan that name
/// it. A new one is added to the plan; each is changed in the plan.
#[component]
fn Agreements(
    account: Uuid,
    talk: Memo<Talk>,
    plan: Memo<AccountPlan>,
    plan_broken: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let title = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let locale = i18n.get_locale_untracked();
        // A stored plan that cannot be read is never written over.
        if plan_broken.get_untracked() {
            message.set(Some(td_string!(locale, rev.plan_broken).to_owned()));
            return;
        }
        if title.with_untracked(|t| t.trim().is_empty()) {
            message.set(Some(td_string!(locale, rev.action_needs_title).to_owned()));
            return;
        }
        let due_day = match due.get_untracked() {
            v if v.trim().is_empty() => None,
            v => match Day::parse(&v) {
                Some(day) => Some(day),
                None => {
                    message.set(Some(td_string!(locale, bc.bad_date).to_owned()));
                    return;
                }
            },
        };
        let mut action = Action::new(Uuid::new_v4(), title.get_untracked().trim());
        action.owner = owner.get_untracked().trim().to_owned();
        action.due = due_day;
        action.talk = Some(talk.with_untracked(|t| t.id));
        match update_tool::<PlanTool>(store, account, plan, |p| p.actions.push(action)) {
            Ok(()) => {
                title.set(String::new());
                owner.set(String::new());
                due.set(String::new());
                message.set(None);
            }
            Err(e) => message.set(Some(problem_text(locale, &e))),
        }
    };
    let rows = move || {
        let locale = i18n.get_locale();
        let talk_id = talk.with(|t| t.id);
        plan.with(|p| {
            agreed(p, talk_id)
                .into_iter()
                .map(|a| action_row(locale, account, a))
                .collect::<Vec<_>>()
        })
    };
    let none = move || plan.with(|p| agreed(p, talk.with(|t| t.id)).is_empty());
    view! {
        <h3 id="rev-agreed-title">{t!(i18n, rev.agreed)}</h3>
        <p class="kam-muted kam-no-print">{t!(i18n, rev.agreed_help)}</p>
        <Show when=none>
            <p class="kam-muted" data-testid="rev-agreed-empty">{t!(i18n, rev.agreed_empty)}</p>
        </Show>
        <Show when=move || !none()>
            <div class="kam-table-wrap">
                <table class="kam-table" aria-labelledby="rev-agreed-title" data-testid="rev-agreed">
                    <thead><tr>
                        <th scope="col">{t!(i18n, plan.col_title)}</th>
                        <th scope="col">{t!(i18n, plan.col_owner)}</th>
                        <th scope="col">{t!(i18n, plan.col_due)}</th>
                        <th scope="col">{t!(i18n, plan.col_status)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
        <Show when=move || plan_broken.get()>
            <p class="kam-note kam-note--error" role="alert">{t!(i18n, rev.plan_broken)}</p>
        </Show>
        <form class="kam-rev__add kam-no-print" on:submit=add>
            <div class="kam-field">
                <label for="rev-action-title">{t!(i18n, plan.col_title)}</label>
                <input id="rev-action-title" data-testid="rev-action-title" maxlength="300"
                    prop:value=move || title.get() on:input:target=move |ev| title.set(ev.target().value())/>
            </div>
            <div class="kam-field">
                <label for="rev-action-owner">{t!(i18n, plan.col_owner)}</label>
                <input id="rev-action-owner" data-testid="rev-action-owner" maxlength="300"
                    prop:value=move || owner.get() on:input:target=move |ev| owner.set(ev.target().value())/>
            </div>
            <div class="kam-field">
                <label for="rev-action-due">{t!(i18n, plan.col_due)}</label>
                <input id="rev-action-due" type="date" data-testid="rev-action-due"
                    prop:value=move || due.get() on:change:target=move |ev| due.set(ev.target().value())/>
            </div>
            <button type="submit" class="kam-button kam-button--primary" data-testid="rev-action-add"
                disabled=move || plan_broken.get()>{t!(i18n, rev.add_action)}</button>
        </form>
        <p class="kam-field__error" role="alert" data-testid="rev-action-error">{move || message.get()}</p>
    }
}

/// One agreed action as a table row, its title a link to it in the plan.
fn action_row(locale: Locale, account: Uuid, action: &Action) -> impl IntoView {
    let link = href(&format!("/potentials/plan/{account}#action-{}", action.id));
    let due = action
        .due
        .map(|d| text::date(locale, &d.iso()))
        .unwrap_or_else(|| "–".to_owned());
    let owner = if action.owner.trim().is_empty() {
        "–".to_owned()
    } else {
        action.owner.clone()
    };
    view! {
        <tr data-testid="rev-agreed-row">
            <td><a href=link rel="external">{action.title.clone()}</a></td>
            <td>{owner}</td>
            <td>{due}</td>
            <td data-testid="rev-agreed-status">{status_name(locale, action.status)}</td>
        </tr>
    }
}

/// What was agreed in the talk about the year before, and how it stands.
#[component]
fn Before(data: Memo<Talks>, talk: Memo<Talk>, plan: Memo<AccountPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let content = move || {
        let locale = i18n.get_locale();
        let before = talk.with(|t| data.with(|d| d.before(t).cloned()));
        let Some(before) = before else {
            return view! { <p class="kam-muted" data-testid="rev-before-none">{t!(i18n, rev.before_none)}</p> }.into_any();
        };
        plan.with(|p| {
            let actions = agreed(p, before.id);
            let done = actions
                .iter()
                .filter(|a| a.status == crate::domain::potentials::plan::Status::Done)
                .count();
            let items = actions
                .iter()
                .map(|a| {
                    view! {
                        <li>{a.title.clone()}" – "<span data-testid="rev-before-status">{status_name(locale, a.status)}</span></li>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <p data-testid="rev-before-summary">{td_string!(locale, rev.before_summary, talk = talk_label(locale, &before), done = done, total = actions.len())}</p>
                <ul class="kam-rev__before">{items}</ul>
            }
            .into_any()
        })
    };
    view! {
        <h3>{t!(i18n, rev.before_title)}</h3>
        <div data-testid="rev-before">{content}</div>
    }
}
