//! The goals of the KAM programme: what KAM as a whole should reach, by
//! when, and where it stands.

use super::{breadcrumb, day_value, edit_intro, intro_memo, intro_with_undo, tabs};
use crate::domain::introduction::{GoalState, Introduction, ProgrammeGoal};
use crate::domain::time::Day;
use crate::domain::{format_decimal, parse_amount};
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::pages::potentials::{
    direction_select, error_at, focus_soon, one_line, page_head, show_at, today, FieldError,
};
use crate::ui::store::use_store;
use crate::ui::text::{number_style as style, plural};
use leptos::prelude::*;
use uuid::Uuid;

fn state_text(locale: Locale, state: GoalState) -> (&'static str, &'static str) {
    match state {
        GoalState::Open => (td_string!(locale, intro.goal_open), ""),
        GoalState::Reached => (td_string!(locale, intro.goal_reached), "kam-badge--ok"),
        GoalState::OnTheWay => (td_string!(locale, intro.goal_on_the_way), "kam-badge--warn"),
        GoalState::Missed => (td_string!(locale, intro.goal_missed), "kam-badge--bad"),
    }
}

/// Name and unit of the usual programme goals.
fn usual_goals(locale: Locale) -> [(&'static str, &'static str); 4] {
    [
        (td_string!(locale, intro.usual_goal_share), "%"),
        (
            td_string!(locale, intro.usual_goal_count),
            td_string!(locale, intro.unit_accounts),
        ),
        (td_string!(locale, intro.usual_goal_growth), "%"),
        (td_string!(locale, intro.usual_goal_nps), "NPS"),
    ]
}

/// The programme goals, and where the selection goals are.
#[component]
pub fn ProgrammeGoalsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let intro = intro_memo(store);
    let error: FieldError = RwSignal::new(None);
    let ids = move || intro.with(|i| i.goals.iter().map(|g| g.id).collect::<Vec<_>>());
    let empty = move || intro.with(|i| i.goals.is_empty());
    let add = move |_| {
        let id = Uuid::new_v4();
        let name = td_string!(i18n.get_locale_untracked(), intro.new_goal).to_owned();
        let result = edit_intro(store, |i| {
            i.goals.push(ProgrammeGoal {
                id,
                name,
                ..ProgrammeGoal::default()
            })
        });
        if result.is_ok() {
            focus_soon(format!("goal-{id}-name"));
        }
        show_at(error, Uuid::nil(), result.err());
    };
    let add_usual = move |_| {
        let locale = i18n.get_locale_untracked();
        let result = edit_intro(store, |i| {
            for (name, unit) in usual_goals(locale) {
                i.goals.push(ProgrammeGoal {
                    id: Uuid::new_v4(),
                    name: name.to_owned(),
                    unit: unit.to_owned(),
                    ..ProgrammeGoal::default()
                });
            }
        });
        show_at(error, Uuid::nil(), result.err());
    };
    let reached = move || {
        let day = today();
        intro.with(|i| {
            let reached = i
                .goals
                .iter()
                .filter(|g| g.state(day) == GoalState::Reached)
                .count();
            plural!(
                i18n.get_locale(),
                intro.goals_reached,
                i.goals.len(),
                n = reached
            )
        })
    };
    view! {
        <section class="kam-page kam-intro">
            {breadcrumb()}
            {page_head(move || td_string!(i18n.get_locale(), intro.tab_goals), |l| td_string!(l, intro.goals_intro))}
            {tabs("/introduction/goals")}
            <section class="kam-card" aria-labelledby="intro-goals-title">
                <h2 id="intro-goals-title">{t!(i18n, intro.goals_title)}</h2>
                <Show when=empty>
                    <p class="kam-muted" data-testid="intro-goals-empty">{t!(i18n, intro.goals_empty)}</p>
                    <button class="kam-button kam-button--primary kam-no-print" data-testid="intro-add-usual-goals" on:click=add_usual>{t!(i18n, intro.add_usual_goals)}</button>
                </Show>
                <Show when=move || !empty()>
                    <p data-testid="intro-goals-reached">{reached}</p>
                    <div class="kam-table-wrap">
                        <table class="kam-table kam-intro__goals">
                            <thead><tr>
                                <th scope="col">{t!(i18n, intro.col_goal)}</th>
                                <th scope="col">{t!(i18n, intro.col_unit)}</th>
                                <th scope="col">{t!(i18n, intro.col_direction)}</th>
                                <th scope="col">{t!(i18n, intro.col_target)}</th>
                                <th scope="col">{t!(i18n, intro.col_actual)}</th>
                                <th scope="col">{t!(i18n, intro.col_by)}</th>
                                <th scope="col">{t!(i18n, intro.col_state)}</th>
                                <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, common.remove)}</span></th>
                            </tr></thead>
                            <tbody>
                                <For each=ids key=|id| *id let:goal>
                                    <GoalRow goal intro error/>
                                </For>
                            </tbody>
                        </table>
                    </div>
                </Show>
                <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
                <button class="kam-button kam-no-print" data-testid="intro-add-goal" on:click=add>{t!(i18n, intro.add_goal)}</button>
            </section>
            <section class="kam-card" aria-labelledby="intro-selection-title">
                <h2 id="intro-selection-title">{t!(i18n, intro.selection_title)}</h2>
                <p>{t!(i18n, intro.selection_text)}</p>
                <a class="kam-no-print" rel="external" href=href("/targets/compare")>{t!(i18n, intro.selection_link)}</a>
            </section>
        </section>
    }
}

#[component]
fn GoalRow(goal: Uuid, intro: Memo<Introduction>, error: FieldError) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = goal;
    let me = Memo::new(move |_| {
        intro.with(|i| {
            i.goals
                .iter()
                .find(|g| g.id == id)
                .cloned()
                .unwrap_or_default()
        })
    });
    let set = move |change: Box<dyn FnOnce(&mut ProgrammeGoal)>| {
        let result = edit_intro(store, |i| {
            if let Some(g) = i.goals.iter_mut().find(|g| g.id == id) {
                change(g);
            }
        });
        show_at(error, id, result.err());
    };
    let name = move || me.with(|g| g.name.clone());
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            intro.goal_removed,
            name = name()
        );
        intro_with_undo(store, message, move |i| i.goals.retain(|g| g.id != id));
    };
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(locale, intro.of_task, what = what(locale), name = name())
        }
    };
    let number = move |read: fn(&ProgrammeGoal) -> Option<f64>| {
        move || {
            let locale = i18n.get_locale();
            me.with(|g| {
                read(g)
                    .map(|v| format_decimal(v, style(locale)))
                    .unwrap_or_default()
            })
        }
    };
    // A typed number, or the field put back with the reason.
    let take_number =
        move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlInputElement>,
              write: fn(&mut ProgrammeGoal, Option<f64>),
              shown: String| {
            let locale = i18n.get_locale_untracked();
            match parse_amount(&ev.target().value(), style(locale)) {
                Ok(value) => set(Box::new(move |g| write(g, value))),
                Err(_) => {
                    show_at(
                        error,
                        id,
                        Some(td_string!(locale, intro.not_a_number).to_owned()),
                    );
                    ev.target().set_value(&shown);
                }
            }
        };
    let state = move || {
        let locale = i18n.get_locale();
        state_text(locale, me.with(|g| g.state(today())))
    };
    let direction = move || me.with(|g| g.direction);
    view! {
        <tr data-testid="intro-goal">
            <td>
                <textarea class="kam-input--cell kam-input--name" rows="1" id=format!("goal-{id}-name") data-testid="intro-goal-name" maxlength="200"
                    aria-label=move || td_string!(i18n.get_locale(), intro.col_goal)
                    prop:value=name
                    on:change:target=move |ev| {
                        let value = one_line(&ev.target().value());
                        if value.is_empty() {
                            show_at(error, id, Some(td_string!(i18n.get_locale_untracked(), intro.goal_missing).to_owned()));
                            ev.target().set_value(&name());
                        } else {
                            set(Box::new(move |g| g.name = value));
                        }
                    }></textarea>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            </td>
            <td>
                <input class="kam-input--cell kam-intro__unit" data-testid="intro-goal-unit" maxlength="300" aria-label=label(|l| td_string!(l, intro.col_unit))
                    prop:value=move || me.with(|g| g.unit.clone())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |g| g.unit = v)); }/>
            </td>
            <td>
                {direction_select("intro-goal-direction", label(|l| td_string!(l, intro.col_direction)), direction,
                    move |d| set(Box::new(move |g| g.direction = d)))}
            </td>
            <td>
                <input class="kam-input--cell kam-input--number" data-testid="intro-goal-target" inputmode="decimal" aria-label=label(|l| td_string!(l, intro.col_target))
                    prop:value=number(|g| g.target)
                    on:change:target=move |ev| { let shown = number(|g| g.target)(); take_number(ev, |g, v| g.target = v, shown) }/>
            </td>
            <td>
                <input class="kam-input--cell kam-input--number" data-testid="intro-goal-actual" inputmode="decimal" aria-label=label(|l| td_string!(l, intro.col_actual))
                    prop:value=number(|g| g.actual)
                    on:change:target=move |ev| { let shown = number(|g| g.actual)(); take_number(ev, |g, v| g.actual = v, shown) }/>
            </td>
            <td>
                <input type="date" data-testid="intro-goal-due" aria-label=label(|l| td_string!(l, intro.col_by))
                    prop:value=move || me.with(|g| day_value(g.due))
                    on:change:target=move |ev| { let v = Day::parse(&ev.target().value()); set(Box::new(move |g| g.due = v)); }/>
            </td>
            <td>
                <span class=move || format!("kam-badge {}", state().1) data-testid="intro-goal-state">{move || state().0}</span>
            </td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" data-testid="intro-goal-remove" on:click=remove
                    aria-label=label(|l| td_string!(l, common.remove))>{t!(i18n, common.remove)}</button>
            </td>
        </tr>
    }
}
