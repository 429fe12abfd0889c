//! The project plan: the five phases with their dates and checklists, the
//! progress of each and of the whole, and the timeline.

use super::{
    breadcrumb, day_value, edit_intro, intro_memo, intro_with_undo, phase_name, status_name, tabs,
};
use crate::charts::introduction::{timeline, TimelineRow, TimelineText};
use crate::domain::introduction::project::{
    overall, timeline_span, Phase, Progress, Task, TaskStatus,
};
use crate::domain::introduction::Introduction;
use crate::domain::time::Day;
use crate::ui::i18n::*;
use crate::ui::pages::potentials::{
    error_at, focus_soon, one_line, page_head, show_at, today, FieldError,
};
use crate::ui::store::use_store;
use crate::ui::text::plural;
use leptos::prelude::*;
use uuid::Uuid;

/// The text of the n-th task of a phase's default checklist.
fn default_task(locale: Locale, phase: Phase, n: usize) -> Option<String> {
    let text = match (phase, n) {
        (Phase::Initiation, 0) => td_string!(locale, intro.task_initiation_0),
        (Phase::Initiation, 1) => td_string!(locale, intro.task_initiation_1),
        (Phase::Initiation, 2) => td_string!(locale, intro.task_initiation_2),
        (Phase::Initiation, 3) => td_string!(locale, intro.task_initiation_3),
        (Phase::Initiation, 4) => td_string!(locale, intro.task_initiation_4),
        (Phase::Design, 0) => td_string!(locale, intro.task_design_0),
        (Phase::Design, 1) => td_string!(locale, intro.task_design_1),
        (Phase::Design, 2) => td_string!(locale, intro.task_design_2),
        (Phase::Design, 3) => td_string!(locale, intro.task_design_3),
        (Phase::Design, 4) => td_string!(locale, intro.task_design_4),
        (Phase::Design, 5) => td_string!(locale, intro.task_design_5),
        (Phase::Pilot, 0) => td_string!(locale, intro.task_pilot_0),
        (Phase::Pilot, 1) => td_string!(locale, intro.task_pilot_1),
        (Phase::Pilot, 2) => td_string!(locale, intro.task_pilot_2),
        (Phase::Pilot, 3) => td_string!(locale, intro.task_pilot_3),
        (Phase::Pilot, 4) => td_string!(locale, intro.task_pilot_4),
        (Phase::RollOut, 0) => td_string!(locale, intro.task_roll_out_0),
        (Phase::RollOut, 1) => td_string!(locale, intro.task_roll_out_1),
        (Phase::RollOut, 2) => td_string!(locale, intro.task_roll_out_2),
        (Phase::RollOut, 3) => td_string!(locale, intro.task_roll_out_3),
        (Phase::RollOut, 4) => td_string!(locale, intro.task_roll_out_4),
        (Phase::Anchoring, 0) => td_string!(locale, intro.task_anchoring_0),
        (Phase::Anchoring, 1) => td_string!(locale, intro.task_anchoring_1),
        (Phase::Anchoring, 2) => td_string!(locale, intro.task_anchoring_2),
        (Phase::Anchoring, 3) => td_string!(locale, intro.task_anchoring_3),
        (Phase::Anchoring, 4) => td_string!(locale, intro.task_anchoring_4),
        _ => return None,
    };
    Some(text.to_owned())
}

/// "3 von 5 Aufgaben erledigt · 60 % · 1 überfällig".
fn progress_text(locale: Locale, progress: Progress) -> String {
    let mut parts = vec![plural!(
        locale,
        intro.done_of,
        progress.total,
        done = progress.done
    )];
    if let Some(percent) = progress.percent() {
        parts.push(td_string!(locale, intro.percent, n = percent));
    }
    if progress.in_progress > 0 {
        parts.push(plural!(
            locale,
            intro.in_progress_count,
            progress.in_progress
        ));
    }
    if progress.overdue > 0 {
        parts.push(plural!(locale, intro.overdue_count, progress.overdue));
    }
    parts.join(" · ")
}

/// The phases, their checklists and the timeline.
#[component]
pub fn IntroductionPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let intro = intro_memo(store);
    let today = today();
    let planned = move || intro.with(|i| !i.phases.is_empty());
    view! {
        <section class="kam-page kam-intro">
            {breadcrumb()}
            {page_head(move || td_string!(i18n.get_locale(), intro.title), |l| td_string!(l, intro.intro))}
            {tabs("/introduction")}
            <Show when=planned fallback=move || view! { <StartPlan/> }>
                <Overview intro today/>
                {Phase::ALL.map(|phase| view! { <PhaseCard phase intro today/> }).collect_view()}
            </Show>
        </section>
    }
}

/// The empty state: what the plan is, and a start date to plan from.
#[component]
fn StartPlan() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let start = RwSignal::new(today().iso());
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let plan = move |_| {
        let locale = i18n.get_locale_untracked();
        let Some(day) = Day::parse(&start.get_untracked()) else {
            message.set(Some(td_string!(locale, intro.start_missing).to_owned()));
            return;
        };
        let result = edit_intro(store, |i: &mut Introduction| {
            i.plan_phases(day, |p, n| default_task(locale, p, n), Uuid::new_v4)
        });
        message.set(result.err());
    };
    view! {
        <section class="kam-card kam-form" data-testid="intro-start">
            <h2>{t!(i18n, intro.start_title)}</h2>
            <p>{t!(i18n, intro.start_text)}</p>
            <div class="kam-field">
                <label for="intro-start-date">{t!(i18n, intro.start_date)}</label>
                <input id="intro-start-date" type="date" data-testid="intro-start-date"
                    prop:value=move || start.get()
                    on:change:target=move |ev| start.set(ev.target().value())/>
            </div>
            <p class="kam-field__error" role="alert">{move || message.get()}</p>
            <button class="kam-button kam-button--primary" data-testid="intro-plan" on:click=plan>{t!(i18n, intro.plan_button)}</button>
        </section>
    }
}

/// The progress of the whole project and the timeline.
#[component]
fn Overview(intro: Memo<Introduction>, today: Day) -> impl IntoView {
    let i18n = use_i18n();
    let summary = move || {
        let locale = i18n.get_locale();
        intro.with(|i| progress_text(locale, overall(&i.phases, today)))
    };
    let chart = move || {
        let locale = i18n.get_locale();
        intro.with(|i| {
            let span = timeline_span(&i.phases, today)?;
            let rows: Vec<TimelineRow> = Phase::ALL
                .iter()
                .map(|phase| {
                    let plan = i.phase(*phase);
                    TimelineRow {
                        label: phase_name(locale, *phase).to_owned(),
                        span: plan.and_then(|p| Some((p.start?, p.end?))),
                        percent: plan.and_then(|p| p.progress(today).percent()),
                    }
                })
                .collect();
            let german = locale == Locale::de;
            let month = move |d: Day| {
                if german {
                    format!("{:02}/{:02}", d.month(), d.year() % 100)
                } else {
                    format!("{}-{:02}", d.year(), d.month())
                }
            };
            let percent = move |n: u32| td_string!(locale, intro.percent, n = n);
            Some(timeline(
                &rows,
                span,
                today,
                &TimelineText {
                    today: td_string!(locale, intro.today).to_owned(),
                    no_dates: td_string!(locale, intro.no_dates).to_owned(),
                    month: &month,
                    percent: &percent,
                },
            ))
        })
    };
    view! {
        <section class="kam-card" aria-labelledby="intro-overview-title">
            <h2 id="intro-overview-title">{t!(i18n, intro.timeline_title)}</h2>
            <p data-testid="intro-overall"><strong>{t!(i18n, intro.overall)}": "</strong>{summary}</p>
            {move || match chart() {
                Some(svg) => view! { <div class="kam-intro__chart" data-testid="intro-timeline" role="img"
                    aria-label=move || td_string!(i18n.get_locale(), intro.timeline_title) inner_html=svg></div> }.into_any(),
                None => view! { <p class="kam-muted">{t!(i18n, intro.timeline_empty)}</p> }.into_any(),
            }}
        </section>
    }
}

/// One phase: dates, progress and checklist.
#[component]
fn PhaseCard(phase: Phase, intro: Memo<Introduction>, today: Day) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let plan = Memo::new(move |_| intro.with(|i| i.phase(phase).cloned()));
    let progress = Memo::new(move |_| {
        plan.with(|p| p.as_ref().map(|p| p.progress(today)).unwrap_or_default())
    });
    let ids = move || {
        plan.with(|p| {
            p.as_ref()
                .map(|p| p.checklist.iter().map(|t| t.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    // A date refused (an end before the start) is put back in its field.
    let set_date = move |end: bool, input: web_sys::HtmlInputElement| {
        let day = Day::parse(&input.value());
        let result = edit_intro(store, |i| {
            let p = i.phase_entry(phase);
            if end {
                p.end = day;
            } else {
                p.start = day;
            }
        });
        if result.is_err() {
            let stored =
                plan.with_untracked(|p| p.as_ref().and_then(|p| if end { p.end } else { p.start }));
            input.set_value(&day_value(stored));
        }
        show_at(error, Uuid::nil(), result.err());
    };
    let add = move |_| {
        let id = Uuid::new_v4();
        let text = td_string!(i18n.get_locale_untracked(), intro.new_task).to_owned();
        let result = edit_intro(store, |i| {
            i.phase_entry(phase).checklist.push(Task {
                id,
                text,
                ..Task::default()
            });
        });
        if result.is_ok() {
            focus_soon(format!("task-{id}-text"));
        }
        show_at(error, Uuid::nil(), result.err());
    };
    let key = phase.key();
    let title_id = format!("intro-phase-{key}-title");
    let percent = move || progress.get().percent().unwrap_or(0);
    let complete = move || progress.get().complete();
    view! {
        <section class="kam-card kam-intro__phase" data-testid=format!("intro-phase-{key}") aria-labelledby=format!("intro-phase-{key}-title")>
            <div class="kam-intro__phase-head">
                <h2 id=title_id>{move || phase_name(i18n.get_locale(), phase)}</h2>
                <Show when=complete>
                    <span class="kam-badge kam-badge--ok" data-testid="intro-phase-complete">{t!(i18n, intro.phase_complete)}</span>
                </Show>
            </div>
            <p class="kam-muted" data-testid="intro-phase-progress">{move || progress_text(i18n.get_locale(), progress.get())}</p>
            <div class="kam-progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                aria-valuenow=move || percent().to_string()
                aria-label=move || td_string!(i18n.get_locale(), intro.progress_of, phase = phase_name(i18n.get_locale(), phase))>
                <div class="kam-progress__bar" style:width=move || format!("{}%", percent())></div>
            </div>
            <div class="kam-intro__dates">
                <div class="kam-field">
                    <label for=format!("phase-{key}-start")>{t!(i18n, intro.start)}</label>
                    <input type="date" id=format!("phase-{key}-start") data-testid="intro-phase-start"
                        prop:value=move || plan.with(|p| day_value(p.as_ref().and_then(|p| p.start)))
                        on:change:target=move |ev| set_date(false, ev.target())/>
                </div>
                <div class="kam-field">
                    <label for=format!("phase-{key}-end")>{t!(i18n, intro.end)}</label>
                    <input type="date" id=format!("phase-{key}-end") data-testid="intro-phase-end"
                        prop:value=move || plan.with(|p| day_value(p.as_ref().and_then(|p| p.end)))
                        on:change:target=move |ev| set_date(true, ev.target())/>
                </div>
            </div>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <Show when=move || !ids().is_empty() fallback=move || view! { <p class="kam-muted">{t!(i18n, intro.checklist_empty)}</p> }>
                <div class="kam-table-wrap">
                    <table class="kam-table kam-intro__tasks">
                        <caption class="kam-visually-hidden">{move || td_string!(i18n.get_locale(), intro.checklist_of, phase = phase_name(i18n.get_locale(), phase))}</caption>
                        <thead><tr>
                            <th scope="col">{t!(i18n, intro.col_task)}</th>
                            <th scope="col">{t!(i18n, intro.col_owner)}</th>
                            <th scope="col">{t!(i18n, intro.col_due)}</th>
                            <th scope="col">{t!(i18n, intro.col_status)}</th>
                            <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, common.remove)}</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=ids key=|id| *id let:task>
                                <TaskRow phase task plan error today/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <button class="kam-button kam-no-print" data-testid="intro-add-task" on:click=add>{t!(i18n, intro.add_task)}</button>
        </section>
    }
}

#[component]
fn TaskRow(
    phase: Phase,
    task: Uuid,
    plan: Memo<Option<crate::domain::introduction::project::PhasePlan>>,
    error: FieldError,
    today: Day,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = task;
    let me = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.checklist.iter().find(|t| t.id == id).cloned())
                .unwrap_or_default()
        })
    });
    let set = move |change: Box<dyn FnOnce(&mut Task)>| {
        let result = edit_intro(store, |i| {
            if let Some(t) = i
                .phase_mut(phase)
                .and_then(|p| p.checklist.iter_mut().find(|t| t.id == id))
            {
                change(t);
            }
        });
        show_at(error, id, result.err());
    };
    let text = move || me.with(|t| t.text.clone());
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            intro.task_removed,
            name = text()
        );
        intro_with_undo(store, message, move |i| {
            if let Some(p) = i.phase_mut(phase) {
                p.checklist.retain(|t| t.id != id);
            }
        });
    };
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(locale, intro.of_task, what = what(locale), name = text())
        }
    };
    let status = move || me.with(|t| t.status);
    let overdue = move || me.with(|t| t.overdue(today));
    view! {
        <tr data-testid="intro-task" class:kam-row--done=move || status() == TaskStatus::Done>
            <td>
                <textarea class="kam-input--cell kam-input--name" rows="1" id=format!("task-{id}-text") data-testid="intro-task-text" maxlength="200"
                    aria-label=move || td_string!(i18n.get_locale(), intro.col_task)
                    prop:value=text
                    on:change:target=move |ev| {
                        let value = one_line(&ev.target().value());
                        if value.is_empty() {
                            show_at(error, id, Some(td_string!(i18n.get_locale_untracked(), intro.task_missing).to_owned()));
                            ev.target().set_value(&text());
                        } else {
                            set(Box::new(move |t| t.text = value));
                        }
                    }></textarea>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            </td>
            <td>
                <input class="kam-input--cell" data-testid="intro-task-owner" maxlength="300" aria-label=label(|l| td_string!(l, intro.col_owner))
                    prop:value=move || me.with(|t| t.owner.clone())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |t| t.owner = v)); }/>
            </td>
            <td>
                <input type="date" data-testid="intro-task-due" aria-label=label(|l| td_string!(l, intro.col_due))
                    prop:value=move || me.with(|t| day_value(t.due))
                    on:change:target=move |ev| { let v = Day::parse(&ev.target().value()); set(Box::new(move |t| t.due = v)); }/>
                <Show when=overdue>
                    <span class="kam-badge kam-badge--bad" data-testid="intro-task-overdue">{t!(i18n, intro.overdue)}</span>
                </Show>
            </td>
            <td>
                <select data-testid="intro-task-status" aria-label=label(|l| td_string!(l, intro.col_status))
                    on:change:target=move |ev| {
                        if let Some(s) = TaskStatus::from_key(&ev.target().value()) {
                            set(Box::new(move |t| t.status = s));
                        }
                    }>
                    {TaskStatus::ALL.map(|s| view! {
                        <option value=s.key() prop:selected=move || status() == s>{move || status_name(i18n.get_locale(), s)}</option>
                    })}
                </select>
            </td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" data-testid="intro-task-remove" on:click=remove
                    aria-label=label(|l| td_string!(l, common.remove))>{t!(i18n, common.remove)}</button>
            </td>
        </tr>
    }
}
