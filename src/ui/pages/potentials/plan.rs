//! The account plan of one key account (vision, goals, strategies, open
//! questions, actions, red flags), and the open actions of all key
//! accounts in one list.

use super::{
    change_with_undo, focus_soon, on_this_page, problem_text, today, tool_page, update_tool,
    RowSignals,
};
use crate::domain::potentials::plan::{
    open_actions_across, AccountPlan, Action, Goal, Horizon, PlanFlag, PlanTool, Question, Status,
};
use crate::domain::potentials::{tool_of, ToolError, ToolKind};
use crate::domain::processes::review::talk_ids_stored;
use crate::domain::record::ToolFamily;
use crate::domain::time::Day;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part, Store};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the account plan of the key account in the address.
#[component]
pub fn AccountPlanPage() -> impl IntoView {
    tool_page::<PlanTool, _, _>(
        |locale| td_string!(locale, plan.title),
        |locale| td_string!(locale, plan.intro),
        |account, plan| view! { <PlanEditor account plan/> },
    )
}

fn update(
    store: Store,
    account: Uuid,
    plan: Memo<AccountPlan>,
    change: impl FnOnce(&mut AccountPlan),
) -> Result<(), ToolError> {
    update_tool::<PlanTool>(store, account, plan, change)
}

pub(crate) fn status_name(locale: Locale, status: Status) -> &'static str {
    match status {
        Status::Open => td_string!(locale, plan.status_open),
        Status::InProgress => td_string!(locale, plan.status_in_progress),
        Status::Done => td_string!(locale, plan.status_done),
        Status::Dropped => td_string!(locale, plan.status_dropped),
    }
}

fn status_key(status: Status) -> &'static str {
    match status {
        Status::Open => "open",
        Status::InProgress => "in_progress",
        Status::Done => "done",
        Status::Dropped => "dropped",
    }
}

pub(crate) fn flag_text(locale: Locale, plan: &AccountPlan, flag: PlanFlag) -> String {
    let name = plan
        .actions
        .iter()
        .find(|a| a.id == flag.action())
        .map(|a| a.title.clone())
        .unwrap_or_default();
    match flag {
        PlanFlag::Overdue { days, .. } => td_string!(
            locale,
            plan.flag_overdue,
            name = name,
            since = text::plural!(locale, count.days_since, usize::try_from(days).unwrap_or(0))
        ),
        PlanFlag::Ownerless { .. } => td_string!(locale, plan.flag_ownerless, name = name),
    }
}

/// A message at a field, or nothing.
type FieldError = RwSignal<Option<(Uuid, &'static str, String)>>;

#[component]
fn PlanEditor(account: Uuid, plan: Memo<AccountPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let today = today();
    let error: FieldError = RwSignal::new(None);
    // Applies a change; a refusal is shown at the field that was changed.
    let set = move |item: Uuid, field: &'static str, change: Box<dyn FnOnce(&mut AccountPlan)>| {
        let result = update(store, account, plan, change);
        let locale = i18n.get_locale_untracked();
        show_error(
            error,
            (item, field),
            result.err().map(|e| problem_text(locale, &e)),
        );
    };
    let error_at = move |item: Uuid, field: &'static str| {
        move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|(i, f, _)| *i == item && *f == field)
                    .map(|(_, _, m)| m.clone())
            })
        }
    };
    let flags = Memo::new(move |_| plan.with(|p| p.red_flags(today)));
    let flag_list = move || {
        let locale = i18n.get_locale();
        if plan.with(|p| p.actions.is_empty()) {
            return view! { <p class="kam-muted" data-testid="plan-no-actions-yet">{td_string!(locale, plan.flags_empty)}</p> }.into_any();
        }
        let list = flags.get();
        if list.is_empty() {
            return view! { <p class="kam-note kam-note--ok" data-testid="plan-no-flags">{td_string!(locale, plan.flags_none)}</p> }.into_any();
        }
        let items = plan.with(|p| {
            list.iter()
                .map(|flag| {
                    let kind = match flag {
                        PlanFlag::Overdue { .. } => "overdue",
                        PlanFlag::Ownerless { .. } => "ownerless",
                    };
                    view! {
                        <li data-flag=kind>{flag_text(locale, p, *flag)}" "
                            <a href=on_this_page(&format!("action-{}", flag.action())) class="kam-no-print">{td_string!(locale, plan.go_to_action)}</a>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        });
        view! { <ul class="kam-flags" data-testid="plan-flags">{items}</ul> }.into_any()
    };
    let long_text = move |field: &'static str,
                          label: fn(Locale) -> &'static str,
                          hint: fn(Locale) -> &'static str,
                          read: fn(&AccountPlan) -> String,
                          write: fn(&mut AccountPlan, String)| {
        let id = format!("plan-{field}");
        let hint_id = format!("{id}-hint");
        view! {
            <div class="kam-field kam-field--wide">
                <label for=id.clone()>{move || label(i18n.get_locale())}</label>
                <p class="kam-field__hint" id=hint_id.clone()>{move || hint(i18n.get_locale())}</p>
                <textarea id=id data-testid=format!("plan-{field}") rows="3" maxlength="20000" aria-describedby=hint_id
                    prop:value=move || plan.with(read)
                    on:input:target=move |ev| {
                        let value = ev.target().value();
                        set(Uuid::nil(), field, Box::new(move |p| write(p, value)));
                    }></textarea>
                <p class="kam-field__error" role="alert">{error_at(Uuid::nil(), field)}</p>
            </div>
        }
    };
    let add_goal = move |_| {
        let id = Uuid::new_v4();
        let text = t_string!(i18n, plan.new_goal).to_owned();
        if update(store, account, plan, |p| {
            p.goals.push(Goal {
                id,
                horizon: Horizon::Strategic,
                text,
            })
        })
        .is_ok()
        {
            focus_soon(format!("goal-{id}-text"));
        }
    };
    let add_question = move |_| {
        let id = Uuid::new_v4();
        let text = t_string!(i18n, plan.new_question).to_owned();
        if update(store, account, plan, |p| {
            p.questions.push(Question { id, text })
        })
        .is_ok()
        {
            focus_soon(format!("question-{id}-text"));
        }
    };
    let add_action = move |_| {
        let id = Uuid::new_v4();
        let title = t_string!(i18n, plan.new_action).to_owned();
        if update(store, account, plan, |p| {
            p.actions.push(Action::new(id, &title))
        })
        .is_ok()
        {
            focus_soon(format!("action-{id}-title"));
        }
    };
    let goal_ids = move || plan.with(|p| p.goals.iter().map(|g| g.id).collect::<Vec<_>>());
    let question_ids = move || plan.with(|p| p.questions.iter().map(|q| q.id).collect::<Vec<_>>());
    let action_ids = move || plan.with(|p| p.actions.iter().map(|a| a.id).collect::<Vec<_>>());
    let action_rows = RowSignals::new(plan, |p| &p.actions, |a| a.id);
    // The account's annual review talks, so that an agreed action links to
    // its talk only while that exists.
    let talks = Memo::new(move |_| {
        store.read(Part::Potentials, |ws| {
            tool_of(ws.tool_list(ToolFamily::AnnualReview), account)
                .map(talk_ids_stored)
                .unwrap_or_default()
        })
    });
    let goal_names = Memo::new(move |_| {
        plan.with(|p| {
            p.goals
                .iter()
                .map(|g| (g.id, g.text.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="kam-card" aria-labelledby="plan-flags-title">
            <h2 id="plan-flags-title">{t!(i18n, bc.flags_title)}</h2>
            {flag_list}
        </section>
        <section class="kam-card kam-plan__texts">
            {long_text("vision", |l| td_string!(l, plan.vision), |l| td_string!(l, plan.vision_hint), |p| p.vision.clone(), |p, v| p.vision = v)}
            {long_text("strategies", |l| td_string!(l, plan.strategies), |l| td_string!(l, plan.strategies_hint), |p| p.strategies.clone(), |p, v| p.strategies = v)}
        </section>
        <section class="kam-card" aria-labelledby="plan-goals-title">
            <h2 id="plan-goals-title">{t!(i18n, plan.goals_title)}</h2>
            <Show when=move || plan.with(|p| p.goals.is_empty())>
                <p class="kam-muted">{t!(i18n, plan.goals_empty)}</p>
            </Show>
            <ul class="kam-plan__list">
                <For each=goal_ids key=|id| *id let:goal>
                    <GoalRow account plan goal error/>
                </For>
            </ul>
            <button class="kam-button kam-no-print" data-testid="plan-add-goal" on:click=add_goal>{t!(i18n, plan.add_goal)}</button>
        </section>
        <section class="kam-card" aria-labelledby="plan-questions-title">
            <h2 id="plan-questions-title">{t!(i18n, plan.questions_title)}</h2>
            <p class="kam-muted kam-no-print">{t!(i18n, plan.questions_hint)}</p>
            <Show when=move || plan.with(|p| p.questions.is_empty())>
                <p class="kam-muted">{t!(i18n, plan.questions_empty)}</p>
            </Show>
            <ul class="kam-plan__list">
                <For each=question_ids key=|id| *id let:question>
                    <QuestionRow account plan question today error/>
                </For>
            </ul>
            <button class="kam-button kam-no-print" data-testid="plan-add-question" on:click=add_question>{t!(i18n, plan.add_question)}</button>
        </section>
        <section class="kam-card" aria-labelledby="plan-actions-title">
            <h2 id="plan-actions-title">{t!(i18n, plan.actions_title)}</h2>
            <Show when=move || plan.with(|p| p.actions.is_empty())>
                <p class="kam-muted">{t!(i18n, plan.actions_empty)}</p>
            </Show>
            <Show when=move || plan.with(|p| !p.actions.is_empty())>
                <div class="kam-table-wrap">
                    <table class="kam-table kam-plan__actions" data-testid="plan-actions">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, plan.col_title)}</th>
                                <th scope="col">{t!(i18n, plan.col_owner)}</th>
                                <th scope="col">{t!(i18n, plan.col_due)}</th>
                                <th scope="col">{t!(i18n, plan.col_status)}</th>
                                <th scope="col">{t!(i18n, plan.col_goal)}</th>
                                <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, plan.remove_action)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=action_ids key=|id| *id let:action>
                                <ActionRow account plan action today error goals=goal_names rows=action_rows talks/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <button class="kam-button kam-button--primary kam-no-print" data-testid="plan-add-action" on:click=add_action>{t!(i18n, plan.add_action)}</button>
        </section>
    }
}

/// Applies a change to the plan; a refusal is shown at `item`'s field.
fn set_at(
    store: Store,
    account: Uuid,
    plan: Memo<AccountPlan>,
    error: FieldError,
    locale: Locale,
    (item, field): (Uuid, &'static str),
    change: impl FnOnce(&mut AccountPlan),
) {
    let result = update(store, account, plan, change);
    show_error(
        error,
        (item, field),
        result.err().map(|e| problem_text(locale, &e)),
    );
}

/// Shows `message` at the item's field; when the change was taken, clears
/// only a message that stood there. The signal is set only when the message
/// changes, so a keystroke does not re-run every row's message.
fn show_error(error: FieldError, (item, field): (Uuid, &'static str), message: Option<String>) {
    match message {
        Some(message) => error.set(Some((item, field, message))),
        None => {
            if error.with_untracked(|e| {
                e.as_ref()
                    .is_some_and(|(i, f, _)| *i == item && *f == field)
            }) {
                error.set(None);
            }
        }
    }
}

/// The message at `item`'s field, if there is one.
fn error_text(error: FieldError, item: Uuid) -> impl Fn() -> Option<String> + Copy {
    move || {
        error.with(|e| {
            e.as_ref()
                .filter(|(i, _, _)| *i == item)
                .map(|(_, _, m)| m.clone())
        })
    }
}

/// One goal: its horizon and text.
#[component]
fn GoalRow(account: Uuid, plan: Memo<AccountPlan>, goal: Uuid, error: FieldError) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = goal;
    let text = move || plan.with(|p| p.goal(id).map(|g| g.text.clone()).unwrap_or_default());
    let horizon = move || plan.with(|p| p.goal(id).map(|g| g.horizon));
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            plan.removed_goal,
            name = text()
        );
        change_with_undo::<PlanTool>(store, account, message, move |p| p.remove_goal(id));
    };
    view! {
        <li class="kam-plan__goal" data-testid="plan-goal">
            <select aria-label=move || t_string!(i18n, plan.goal_horizon) data-field="horizon" on:change:target=move |ev| {
                let h = if ev.target().value() == "operational" { Horizon::Operational } else { Horizon::Strategic };
                set_at(store, account, plan, error, i18n.get_locale_untracked(), (id, "horizon"), |p| {
                    if let Some(g) = p.goals.iter_mut().find(|g| g.id == id) { g.horizon = h }
                });
            }>
                <option value="strategic" prop:selected=move || horizon() == Some(Horizon::Strategic)>{t!(i18n, plan.goal_strategic)}</option>
                <option value="operational" prop:selected=move || horizon() == Some(Horizon::Operational)>{t!(i18n, plan.goal_operational)}</option>
            </select>
            <input id=format!("goal-{id}-text") data-field="text" maxlength="300" aria-label=move || t_string!(i18n, plan.goal_text)
                prop:value=text
                on:input:target=move |ev| {
                    let v = ev.target().value();
                    set_at(store, account, plan, error, i18n.get_locale_untracked(), (id, "text"), |p| {
                        if let Some(g) = p.goals.iter_mut().find(|g| g.id == id) { g.text = v }
                    });
                }/>
            <button class="kam-button kam-no-print" on:click=remove>{t!(i18n, plan.remove_goal)}</button>
            <p class="kam-field__error" role="alert">{error_text(error, id)}</p>
        </li>
    }
}

/// One open question, which can become an action.
#[component]
fn QuestionRow(
    account: Uuid,
    plan: Memo<AccountPlan>,
    question: Uuid,
    today: Day,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = question;
    let text = move || {
        plan.with(|p| {
            p.questions
                .iter()
                .find(|q| q.id == id)
                .map(|q| q.text.clone())
                .unwrap_or_default()
        })
    };
    let to_action = move |_| {
        let locale = i18n.get_locale_untracked();
        let title = td_string!(locale, plan.question_action, question = text());
        let action = Uuid::new_v4();
        let made = update(store, account, plan, |p| {
            p.question_to_action(id, &title, today, action);
        });
        match made {
            Ok(()) => focus_soon(format!("action-{action}-owner")),
            Err(e) => error.set(Some((id, "text", problem_text(locale, &e)))),
        }
    };
    let remove = move |_| {
        let _ = update(store, account, plan, |p| p.questions.retain(|q| q.id != id));
    };
    view! {
        <li class="kam-plan__question" data-testid="plan-question">
            <input id=format!("question-{id}-text") data-field="text" maxlength="300" aria-label=move || t_string!(i18n, plan.question_text)
                prop:value=text
                on:input:target=move |ev| {
                    let v = ev.target().value();
                    set_at(store, account, plan, error, i18n.get_locale_untracked(), (id, "text"), |p| {
                        if let Some(q) = p.questions.iter_mut().find(|q| q.id == id) { q.text = v }
                    });
                }/>
            <button class="kam-button kam-no-print" data-testid="question-to-action" on:click=to_action>{t!(i18n, plan.to_action)}</button>
            <button class="kam-button kam-no-print" on:click=remove>{t!(i18n, plan.remove_question)}</button>
            <p class="kam-field__error" role="alert">{error_text(error, id)}</p>
        </li>
    }
}

/// One action as a table row, every cell editable.
#[component]
fn ActionRow(
    account: Uuid,
    plan: Memo<AccountPlan>,
    action: Uuid,
    today: Day,
    error: FieldError,
    /// Every goal's id and text, for the goal choice.
    goals: Memo<Vec<(Uuid, String)>>,
    /// The actions' signals: this row follows its own.
    rows: RowSignals<Uuid, Action>,
    /// The ids of the account's annual review talks.
    talks: Memo<Vec<Uuid>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // This action alone: an edit of another row re-runs nothing here.
    let me = rows.row(
        action,
        plan.with_untracked(|p| p.actions.iter().find(|a| a.id == action).cloned()),
    );
    let get = move |read: fn(&Action) -> String| {
        move || me.with(|a| a.as_ref().map(read).unwrap_or_default())
    };
    let current = move || me.get();
    let goal_of = Memo::new(move |_| me.with(|a| a.as_ref().and_then(|a| a.goal)));
    let status_of = Memo::new(move |_| me.with(|a| a.as_ref().map(|a| a.status)));
    let set = move |field: &'static str, change: Box<dyn FnOnce(&mut Action)>| {
        let result = update(store, account, plan, |p| {
            if let Some(a) = p.actions.iter_mut().find(|a| a.id == action) {
                change(a);
            }
        });
        let locale = i18n.get_locale_untracked();
        show_error(
            error,
            (action, field),
            result.err().map(|e| problem_text(locale, &e)),
        );
    };
    let message = move || {
        error.with(|e| {
            e.as_ref()
                .filter(|(i, _, _)| *i == action)
                .map(|(_, _, m)| m.clone())
        })
    };
    let flagged = move || current().is_some_and(|a| a.is_overdue(today) || a.is_ownerless());
    let remove = move |_| {
        let name = current().map(|a| a.title).unwrap_or_default();
        let message = td_string!(
            i18n.get_locale_untracked(),
            plan.removed_action,
            name = name
        );
        change_with_undo::<PlanTool>(store, account, message, move |p| {
            p.actions.retain(|a| a.id != action)
        });
    };
    let id = move |field: &str| format!("action-{action}-{field}");
    view! {
        <tr id=format!("action-{action}") data-testid="plan-action" class:kam-row--flagged=flagged>
            <td>
                <input id=id("title") data-field="title" maxlength="300" aria-label=move || t_string!(i18n, plan.col_title)
                    prop:value=get(|a| a.title.clone())
                    on:input:target=move |ev| { let v = ev.target().value(); set("title", Box::new(move |a| a.title = v)); }/>
                {move || me.with(|a| a.as_ref().and_then(|a| a.talk)).filter(|t| talks.with(|ids| ids.contains(t))).map(|talk| view! {
                    <a class="kam-small kam-no-print" rel="external" data-testid="plan-action-talk"
                        href=href(&format!("/processes/review/{account}?talk={talk}"))>{t!(i18n, plan.from_review)}</a>
                })}
                <p class="kam-field__error" role="alert">{message}</p>
            </td>
            <td>
                <input id=id("owner") data-field="owner" maxlength="300" aria-label=move || t_string!(i18n, plan.col_owner)
                    prop:value=get(|a| a.owner.clone())
                    on:input:target=move |ev| { let v = ev.target().value(); set("owner", Box::new(move |a| a.owner = v)); }/>
            </td>
            <td>
                <input type="date" id=id("due") data-field="due" aria-label=move || t_string!(i18n, plan.col_due)
                    prop:value=get(|a| a.due.map(Day::iso).unwrap_or_default())
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        if v.trim().is_empty() {
                            set("due", Box::new(|a| a.due = None));
                        } else if let Some(day) = Day::parse(&v) {
                            set("due", Box::new(move |a| a.due = Some(day)));
                        } else {
                            let locale = i18n.get_locale_untracked();
                            error.set(Some((action, "due", td_string!(locale, plan.bad_date).to_owned())));
                        }
                    }/>
            </td>
            <td>
                <select id=id("status") data-field="status" aria-label=move || t_string!(i18n, plan.col_status)
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        let status = Status::ALL.into_iter().find(|s| status_key(*s) == v).unwrap_or_default();
                        set("status", Box::new(move |a| a.status = status));
                    }>
                    {move || {
                        let locale = i18n.get_locale();
                        Status::ALL.into_iter().map(|s| view! {
                            <option value=status_key(s) prop:selected=move || status_of.get() == Some(s)>{status_name(locale, s)}</option>
                        }).collect::<Vec<_>>()
                    }}
                </select>
            </td>
            <td>
                <select id=id("goal") data-field="goal" aria-label=move || t_string!(i18n, plan.col_goal)
                    on:change:target=move |ev| {
                        let goal = Uuid::parse_str(&ev.target().value()).ok();
                        set("goal", Box::new(move |a| a.goal = goal));
                    }>
                    <option value="" prop:selected=move || goal_of.get().is_none()>{t!(i18n, plan.no_goal)}</option>
                    <For each=move || goals.get() key=|entry| entry.clone() let:((g, text))>
                        <option value=g.to_string() prop:selected=move || goal_of.get() == Some(g)>{text}</option>
                    </For>
                </select>
            </td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--danger" data-testid="plan-remove-action" on:click=remove
                    aria-label=move || t_string!(i18n, plan.remove_action)>"×"</button>
            </td>
        </tr>
    }
}

/// The open actions of every key account's plan, filtered by owner.
#[component]
pub fn OpenActionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let owner = RwSignal::new(String::new());
    let today = today();
    let everything = Memo::new(move |_| {
        store.read(Part::Potentials, |ws| {
            let plans: Vec<(uuid::Uuid, AccountPlan)> = ws
                .account_plans
                .iter()
                .filter_map(|r| PlanTool::read(r).ok().map(|plan| (r.account_id, plan)))
                .collect();
            plans
        })
    });
    let names = move || {
        store.read(Part::Accounts, |ws| {
            ws.accounts
                .iter()
                .map(|a| (a.id, a.name.clone()))
                .collect::<std::collections::HashMap<_, _>>()
        })
    };
    let rows = move || {
        let locale = i18n.get_locale();
        let names = names();
        let german = locale == Locale::de;
        let all = everything
            .with(|plans| open_actions_across(plans.iter().map(|(a, p)| (*a, p)), "", today).len());
        let list = everything.with(|plans| {
            open_actions_across(plans.iter().map(|(a, p)| (*a, p)), &owner.get(), today)
        });
        let count = td_string!(locale, plan.my_count, shown = list.len(), total = all);
        if list.is_empty() {
            return view! { <p class="kam-muted" data-testid="actions-empty">{td_string!(locale, plan.my_empty)}</p> }.into_any();
        }
        let body = list
            .into_iter()
            .map(|o| {
                let link = href(&format!("/potentials/plan/{}#action-{}", o.account, o.action.id));
                view! {
                    <tr data-testid="open-action" class:kam-row--flagged=o.overdue>
                        <td><a href=link rel="external">{o.action.title.clone()}</a></td>
                        <td>{names.get(&o.account).cloned().unwrap_or_default()}</td>
                        <td>{o.action.owner.clone()}</td>
                        <td>{o.action.due.map(|d| d.display(german)).unwrap_or_default()}
                            {o.overdue.then(|| view! { " "<span class="kam-badge kam-badge--warn">{td_string!(locale, plan.my_overdue)}</span> })}</td>
                        <td>{status_name(locale, o.action.status)}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>();
        view! {
            <p class="kam-muted" data-testid="actions-count">{count}</p>
            <div class="kam-table-wrap">
                <table class="kam-table" data-testid="open-actions">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, plan.col_title)}</th>
                            <th scope="col">{td_string!(locale, plan.my_account)}</th>
                            <th scope="col">{td_string!(locale, plan.col_owner)}</th>
                            <th scope="col">{td_string!(locale, plan.col_due)}</th>
                            <th scope="col">{td_string!(locale, plan.col_status)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="kam-page">
            <p class="kam-breadcrumb kam-no-print"><a href=href("/accounts") rel="external">{t!(i18n, account.back)}</a></p>
            <h1>{t!(i18n, plan.my_title)}</h1>
            <p class="kam-muted">{t!(i18n, plan.my_intro)}</p>
            <div class="kam-field kam-no-print">
                <label for="actions-owner">{t!(i18n, plan.my_owner)}</label>
                <input id="actions-owner" data-testid="actions-owner" type="search" maxlength="300"
                    prop:value=move || owner.get()
                    on:input:target=move |ev| owner.set(ev.target().value())/>
            </div>
            {rows}
        </section>
    }
}
