//! The competency profile of one person: assessments by date with the own
//! and the manager's rating per area against the role's target, a radar
//! of the three, the three largest gaps with their suggested development
//! action, the development actions, and the comparison of two dates.

use super::organisation::add_default_areas;
use super::{breadcrumb, edit_people, people_memo, people_with_undo, take_required};
use crate::charts::competency::{rings, series, SeriesText};
use crate::charts::radar;
use crate::domain::people::competency::{
    Assessment, Development, Profile, Rating, RATING_MAX, RATING_MIN, TOP_GAPS,
};
use crate::domain::people::team::Colleague;
use crate::domain::people::People;
use crate::domain::time::Day;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::pages::potentials::{error_at, focus_soon, page_head, show_at, today, FieldError};
use crate::ui::store::use_store;
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// How far ahead a development action taken from a gap is due.
const DEVELOPMENT_DAYS: i64 = 90;

/// The competency profile of the person in the address
/// (`/people/competency/:id`): assessment, radar and gaps.
#[component]
pub fn CompetencyPage() -> impl IntoView {
    person_page(|person, people| view! { <Profile person people/> }.into_any())
}

/// The development of the person in the address
/// (`/people/competency/development/:id`): the development actions and
/// two assessments compared.
#[component]
pub fn CompetencyDevelopmentPage() -> impl IntoView {
    person_page(|person, people| view! { <Development person people/> }.into_any())
}

/// The frame of both pages: finds the person of the address, or says that
/// there is no such person and leads back to the list.
fn person_page(render: fn(Uuid, Memo<People>) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let people = people_memo(store);
    let params = leptos_router::hooks::use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let exists = Memo::new(move |_| {
        id.get()
            .is_some_and(|id| people.with(|p| p.colleague(id).is_some()))
    });
    move || {
        match id.get().filter(|_| exists.get()) {
        Some(person) => render(person, people),
        None => view! {
            <section class="kam-page kam-empty" data-testid="comp-not-found">
                {breadcrumb()}
                <h1>{t!(i18n, comp.title)}</h1>
                <p>{t!(i18n, comp.not_found)}</p>
                <a href=href("/people") rel="external" class="kam-button kam-button--primary">{t!(i18n, comp.back)}</a>
            </section>
        }
        .into_any(),
    }
    }
}

/// The heading with the person's name and the two tabs.
fn head(person: Uuid, people: Memo<People>, here: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || {
        let locale = i18n.get_locale();
        let name = people.with(|p| {
            p.colleague(person)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        });
        td_string!(locale, comp.print_person, name = name)
    };
    let tab = move |path: &'static str, testid: &'static str, name: fn(Locale) -> &'static str| {
        let address = if path.is_empty() {
            href(&format!("/people/competency/{person}"))
        } else {
            href(&format!("/people/competency/{path}/{person}"))
        };
        view! {
            <a class="kam-tab" rel="external" data-testid=testid href=address
                aria-current=(path == here).then_some("page")>{move || name(i18n.get_locale())}</a>
        }
    };
    view! {
        {breadcrumb()}
        {page_head(view! { <span data-testid="comp-title">{title}</span> }, |l| td_string!(l, comp.intro))}
        <nav class="kam-tabs kam-no-print" aria-label=move || td_string!(i18n.get_locale(), comp.title)>
            {tab("", "comp-tab-profile", |l| td_string!(l, comp.tab_profile))}
            {tab("development", "comp-tab-development", |l| td_string!(l, comp.tab_development))}
        </nav>
    }
}

/// Changes one person's record in the people section.
fn edit_person(
    store: crate::ui::store::Store,
    person: Uuid,
    change: impl FnOnce(&mut Colleague),
) -> Result<(), String> {
    edit_people(store, |p| {
        if let Some(c) = p.colleague_mut(person) {
            change(c);
        }
    })
}

#[component]
fn Profile(person: Uuid, people: Memo<People>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let me = Memo::new(move |_| people.with(|p| p.colleague(person).cloned().unwrap_or_default()));
    let profile = Memo::new(move |_| people.with(|p| p.profile(&me.get())));
    let no_areas = move || profile.with(|p| p.areas.is_empty());
    // The assessment shown: the chosen one while it exists, else the latest.
    let chosen: RwSignal<Option<Uuid>> = RwSignal::new(None);
    let current = Memo::new(move |_| {
        profile.with(|p| {
            chosen
                .get()
                .filter(|c| p.assessments.iter().any(|a| a.id == *c))
                .or_else(|| p.latest().map(|a| a.id))
        })
    });
    let add_defaults = move |_| {
        let locale = i18n.get_locale_untracked();
        show_at(
            error,
            Uuid::nil(),
            edit_people(store, |p| add_default_areas(p, locale)).err(),
        );
    };
    let add_assessment = move |_| {
        let locale = i18n.get_locale_untracked();
        // Today, or the day after the latest when today is taken.
        let taken: Vec<Day> =
            profile.with_untracked(|p| p.assessments.iter().map(|a| a.date).collect());
        let mut date = today();
        while taken.contains(&date) {
            date = date.plus_days(1).unwrap_or(date);
        }
        let id = Uuid::new_v4();
        let result = edit_person(store, person, |c| {
            c.assessments.push(Assessment {
                id,
                date,
                ratings: Vec::new(),
            })
        });
        if result.is_ok() {
            chosen.set(Some(id));
            focus_soon("comp-date".into());
        }
        show_at(error, Uuid::nil(), result.err());
        let _ = locale;
    };
    let picks = move || {
        let locale = i18n.get_locale();
        let mut list: Vec<(Uuid, Day)> =
            profile.with(|p| p.assessments.iter().map(|a| (a.id, a.date)).collect());
        list.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
        list.into_iter()
            .map(|(id, date)| {
                view! {
                    <li>
                        <button class="kam-button kam-button--small" data-testid="comp-pick"
                            aria-pressed=move || (current.get() == Some(id)).to_string()
                            on:click=move |_| chosen.set(Some(id))>
                            {td_string!(locale, comp.assessment_of, date = text::date(locale, &date.iso()))}
                        </button>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="kam-page kam-people kam-comp">
            {head(person, people, "")}
            <Show when=no_areas>
                <section class="kam-card" data-testid="comp-no-areas">
                    <p>{t!(i18n, comp.no_areas)}</p>
                    <div class="kam-actions">
                        <button class="kam-button kam-button--primary" data-testid="comp-add-defaults" on:click=add_defaults>{t!(i18n, ppl.add_default_areas)}</button>
                        <a class="kam-button" rel="external" href=href("/people/role")>{t!(i18n, comp.to_role)}</a>
                    </div>
                </section>
            </Show>
            <section class="kam-card kam-no-print" aria-labelledby="comp-assessments-title">
                <h2 id="comp-assessments-title">{t!(i18n, comp.assessments_title)}</h2>
                <Show when=move || profile.with(|p| p.assessments.is_empty())>
                    <p class="kam-muted" data-testid="comp-empty">{t!(i18n, comp.assessments_empty)}</p>
                </Show>
                <ul class="kam-comp__picks">{picks}</ul>
                <button class="kam-button kam-button--primary" data-testid="comp-add" on:click=add_assessment
                    disabled=no_areas>{t!(i18n, comp.add_assessment)}</button>
                <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            </section>
            {move || current.get().map(|assessment| view! {
                <Ratings person profile assessment error/>
                <Chart profile assessment/>
                <Gaps person profile assessment me/>
            })}
            <DevelopmentSummary person me/>
        </section>
    }
}

/// The assessment's date and its ratings per area.
#[component]
fn Ratings(
    person: Uuid,
    profile: Memo<Profile>,
    assessment: Uuid,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let this = Memo::new(move |_| {
        profile.with(|p| p.assessments.iter().find(|a| a.id == assessment).cloned())
    });
    let date = move || this.with(|a| a.as_ref().map(|a| a.date.iso()).unwrap_or_default());
    let on_date = move |value: String, input: web_sys::HtmlInputElement| {
        let locale = i18n.get_locale_untracked();
        let Some(day) = Day::parse(&value) else {
            show_at(
                error,
                assessment,
                Some(td_string!(locale, bc.bad_date).to_owned()),
            );
            input.set_value(&date());
            return;
        };
        if profile.with_untracked(|p| {
            p.assessments
                .iter()
                .any(|a| a.date == day && a.id != assessment)
        }) {
            show_at(
                error,
                assessment,
                Some(td_string!(locale, comp.date_taken).to_owned()),
            );
            input.set_value(&date());
            return;
        }
        let result = edit_person(store, person, |c| {
            if let Some(a) = c.assessments.iter_mut().find(|a| a.id == assessment) {
                a.date = day;
            }
        });
        show_at(error, assessment, result.err());
    };
    let remove = move |_| {
        let locale = i18n.get_locale_untracked();
        let message = td_string!(
            locale,
            comp.assessment_removed,
            date = text::date(locale, &date())
        );
        people_with_undo(store, message, move |p| {
            if let Some(c) = p.colleague_mut(person) {
                c.assessments.retain(|a| a.id != assessment);
            }
        });
    };
    // The rows follow the role's areas only: a rating changed re-runs its
    // own cells, not the table, so the keyboard focus stays where it was.
    let areas = Memo::new(move |_| profile.with(|p| p.areas.clone()));
    let rows = move || {
        let locale = i18n.get_locale();
        areas.with(|areas| {
            areas
                .iter()
                .map(|area| {
                    let area_id = area.id;
                    let area_name = area.name.clone();
                    let rating = move || this.with(|a| a.as_ref().and_then(|a| a.rating(area_id).copied()));
                    let gap = move || {
                        let target = profile.with(|p| p.areas.iter().find(|a| a.id == area_id).and_then(|a| a.target));
                        match (target, rating().and_then(|r| r.basis())) {
                            (Some(t), Some(r)) if r < t => (t - r).to_string(),
                            (Some(_), Some(_)) => "0".into(),
                            _ => "–".into(),
                        }
                    };
                    let set = move |own: bool, value: Option<u8>| {
                        let result = edit_person(store, person, |c| {
                            if let Some(a) = c.assessments.iter_mut().find(|a| a.id == assessment) {
                                let index = match a.ratings.iter().position(|r| r.area == area_id) {
                                    Some(i) => i,
                                    None => {
                                        a.ratings.push(Rating { area: area_id, own: None, superior: None });
                                        a.ratings.len() - 1
                                    }
                                };
                                let r = &mut a.ratings[index];
                                if own { r.own = value } else { r.superior = value }
                                if r.own.is_none() && r.superior.is_none() {
                                    a.ratings.remove(index);
                                }
                            }
                        });
                        show_at(error, assessment, result.err());
                    };
                    let select = move |own: bool, testid: &'static str| {
                        let current = move || rating().and_then(|r| if own { r.own } else { r.superior });
                        let name = area_name.clone();
                        let label = move || {
                            let locale = i18n.get_locale();
                            let what = if own { td_string!(locale, comp.col_own) } else { td_string!(locale, comp.col_superior) };
                            td_string!(locale, ppl.of_person, what = what, name = name.clone())
                        };
                        view! {
                            <select data-testid=testid aria-label=label
                                on:change:target=move |ev| set(own, ev.target().value().parse::<u8>().ok())>
                                <option value="" prop:selected=move || current().is_none()>{t!(i18n, comp.not_rated)}</option>
                                {(RATING_MIN..=RATING_MAX).map(|r| view! {
                                    <option value=r.to_string() prop:selected=move || current() == Some(r)>{r.to_string()}</option>
                                }).collect_view()}
                            </select>
                        }
                    };
                    let target = area.target.map_or_else(|| td_string!(locale, ppl.no_target).to_owned(), |t| t.to_string());
                    view! {
                        <tr data-testid="comp-row">
                            <th scope="row">{area.name.clone()}</th>
                            <td data-testid="comp-target">{target}</td>
                            <td>{select(true, "comp-own")}</td>
                            <td>{select(false, "comp-superior")}</td>
                            <td data-testid="comp-gap">{gap}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="kam-card" aria-labelledby="comp-ratings-title">
            <div class="kam-card__head">
                <h2 id="comp-ratings-title">{move || { let locale = i18n.get_locale(); td_string!(locale, comp.assessment_of, date = text::date(locale, &date())) }}</h2>
                <button class="kam-button kam-button--small kam-no-print" data-testid="comp-remove" on:click=remove>{t!(i18n, comp.remove_assessment)}</button>
            </div>
            <div class="kam-field kam-no-print">
                <label for="comp-date">{t!(i18n, comp.date)}</label>
                <input type="date" id="comp-date" data-testid="comp-date" prop:value=date
                    on:change:target=move |ev| { let input = ev.target(); on_date(input.value(), input); }/>
            </div>
            <p class="kam-field__error" role="alert" data-testid="comp-error">{error_at(error, assessment)}</p>
            <p class="kam-muted">{t!(i18n, comp.ratings_help)}</p>
            <div class="kam-table-wrap">
                <table class="kam-table kam-comp__ratings">
                    <thead><tr>
                        <th scope="col">{t!(i18n, ppl.col_area)}</th>
                        <th scope="col">{t!(i18n, ppl.col_target)}</th>
                        <th scope="col">{t!(i18n, comp.col_own)}</th>
                        <th scope="col">{t!(i18n, comp.col_superior)}</th>
                        <th scope="col">{t!(i18n, comp.col_gap)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The radar of the target, the manager's and the own view.
#[component]
fn Chart(profile: Memo<Profile>, assessment: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let svg = move || {
        let locale = i18n.get_locale();
        profile.with(|p| {
            let a = p.assessments.iter().find(|a| a.id == assessment)?;
            a.ratings
                .iter()
                .any(|r| r.own.is_some() || r.superior.is_some())
                .then(|| {
                    let text = SeriesText {
                        own: td_string!(locale, comp.series_own).to_owned(),
                        superior: td_string!(locale, comp.series_superior).to_owned(),
                        target: td_string!(locale, comp.series_target).to_owned(),
                    };
                    let (axes, series) = series(p, a, &text);
                    radar(&axes, &series, &rings())
                })
        })
    };
    view! {
        <section class="kam-card kam-comp__chart" aria-labelledby="comp-radar-title">
            <h2 id="comp-radar-title">{t!(i18n, comp.radar_title)}</h2>
            {move || match svg() {
                Some(svg) => view! { <div class="kam-chart" data-testid="comp-radar" role="img" aria-label=move || td_string!(i18n.get_locale(), comp.radar_title) inner_html=svg></div> }.into_any(),
                None => view! { <p class="kam-muted" data-testid="comp-radar-empty">{t!(i18n, comp.radar_empty)}</p> }.into_any(),
            }}
        </section>
    }
}

/// The three largest gaps of the assessment, each with its suggested
/// development action and a button that adds it, due in 90 days.
#[component]
fn Gaps(
    person: Uuid,
    profile: Memo<Profile>,
    assessment: Uuid,
    me: Memo<Colleague>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let gaps = move || {
        profile.with(|p| {
            let Some(a) = p.assessments.iter().find(|a| a.id == assessment) else {
                return Vec::new();
            };
            let mut gaps = p.gaps(a);
            gaps.truncate(TOP_GAPS);
            gaps.into_iter()
                .filter_map(|g| {
                    p.areas
                        .iter()
                        .find(|a| a.id == g.area)
                        .map(|a| (g, a.clone()))
                })
                .collect::<Vec<_>>()
        })
    };
    let items = move || {
        let locale = i18n.get_locale();
        gaps()
            .into_iter()
            .map(|(gap, area)| {
                let area_id = area.id;
                let adopted = move || me.with(|c| c.development.iter().any(|d| d.area == Some(area_id) && !d.done));
                let text_of_action = if area.development.trim().is_empty() { area.name.clone() } else { area.development.clone() };
                let suggestion = area.development.clone();
                let adopt = move |_| {
                    let action = Development {
                        id: Uuid::new_v4(),
                        area: Some(area_id),
                        text: text_of_action.clone(),
                        due: today().plus_days(DEVELOPMENT_DAYS),
                        done: false,
                    };
                    message.set(edit_person(store, person, |c| c.development.push(action)).err());
                };
                view! {
                    <li class="kam-comp__gap" data-testid="comp-gap-item">
                        <strong>{area.name.clone()}</strong>
                        <span class="kam-muted">" — "{td_string!(locale, comp.gap_line, rating = gap.rating, target = gap.target, size = gap.size)}</span>
                        {(!suggestion.trim().is_empty()).then(|| view! { <p>{suggestion.clone()}</p> })}
                        <Show when=adopted fallback=move || view! {
                            <button class="kam-button kam-button--small kam-no-print" data-testid="comp-adopt" on:click=adopt.clone()>{t!(i18n, comp.adopt)}</button>
                        }>
                            <span class="kam-badge kam-badge--ok" data-testid="comp-adopted">{t!(i18n, comp.adopted)}</span>
                        </Show>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="kam-card" aria-labelledby="comp-gaps-title">
            <h2 id="comp-gaps-title">{t!(i18n, comp.gaps_title)}</h2>
            <Show when=move || gaps().is_empty()>
                <p class="kam-muted" data-testid="comp-gaps-none">{t!(i18n, comp.gaps_none)}</p>
            </Show>
            <ol class="kam-comp__gaps">{items}</ol>
            <p class="kam-field__error" role="alert">{move || message.get()}</p>
        </section>
    }
}

/// Two assessments compared area by area: by default the latest and the
/// one before it.
#[component]
fn Compare(profile: Memo<Profile>) -> impl IntoView {
    let i18n = use_i18n();
    let dates = move || {
        profile.with(|p| {
            let mut list: Vec<(Uuid, Day)> = p.assessments.iter().map(|a| (a.id, a.date)).collect();
            list.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
            list
        })
    };
    let first: RwSignal<Option<Uuid>> = RwSignal::new(None);
    let second: RwSignal<Option<Uuid>> = RwSignal::new(None);
    let shown = Memo::new(move |_| {
        let list = dates();
        let pick = |wanted: Option<Uuid>, fallback: usize| {
            wanted
                .filter(|w| list.iter().any(|(id, _)| id == w))
                .or_else(|| list.get(fallback).map(|(id, _)| *id))
        };
        let a = pick(first.get(), 0);
        let b = pick(second.get().filter(|b| Some(*b) != a), 1)
            .filter(|b| Some(*b) != a)
            .or_else(|| list.iter().map(|(id, _)| *id).find(|id| Some(*id) != a));
        (a, b)
    });
    let table = move || {
        let locale = i18n.get_locale();
        let (Some(a), Some(b)) = shown.get() else {
            return None;
        };
        profile.with(|p| {
            let a = p.assessments.iter().find(|x| x.id == a)?;
            let b = p.assessments.iter().find(|x| x.id == b)?;
            let (before, after) = if b.date < a.date { (b, a) } else { (a, b) };
            let heading = |x: &Assessment| {
                td_string!(
                    locale,
                    comp.assessment_of,
                    date = text::date(locale, &x.date.iso())
                )
            };
            let rows = p
                .compare(before, after)
                .into_iter()
                .filter_map(|change| {
                    let name = p.areas.iter().find(|a| a.id == change.area)?.name.clone();
                    let show = |v: Option<u8>| v.map_or_else(|| "–".to_owned(), |v| v.to_string());
                    let delta = change.delta().map_or_else(
                        || "–".to_owned(),
                        |d| match d {
                            d if d > 0 => format!("+{d}"),
                            d if d < 0 => format!("\u{2212}{}", -d),
                            _ => "0".into(),
                        },
                    );
                    Some(view! {
                        <tr data-testid="comp-change">
                            <th scope="row">{name}</th>
                            <td>{show(change.before)}</td>
                            <td>{show(change.after)}</td>
                            <td data-testid="comp-delta">{delta}</td>
                        </tr>
                    })
                })
                .collect::<Vec<_>>();
            Some(view! {
                <div class="kam-table-wrap">
                    <table class="kam-table">
                        <thead><tr>
                            <th scope="col">{t!(i18n, ppl.col_area)}</th>
                            <th scope="col">{heading(before)}</th>
                            <th scope="col">{heading(after)}</th>
                            <th scope="col">{t!(i18n, comp.col_change)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })
        })
    };
    let choice = move |id: &'static str,
                       label: fn(Locale) -> &'static str,
                       signal: RwSignal<Option<Uuid>>,
                       second_one: bool| {
        view! {
            <div class="kam-field">
                <label for=id>{move || label(i18n.get_locale())}</label>
                <select id=id data-testid=id on:change:target=move |ev| signal.set(Uuid::parse_str(&ev.target().value()).ok())>
                    {move || {
                        let locale = i18n.get_locale();
                        let (a, b) = shown.get();
                        let current = if second_one { b } else { a };
                        dates().into_iter().map(|(id, d)| view! {
                            <option value=id.to_string() selected=current == Some(id)>{text::date(locale, &d.iso())}</option>
                        }).collect_view()
                    }}
                </select>
            </div>
        }
    };
    view! {
        <section class="kam-card" aria-labelledby="comp-compare-title">
            <h2 id="comp-compare-title">{t!(i18n, comp.compare_title)}</h2>
            <Show when=move || { dates().len() < 2 }>
                <p class="kam-muted" data-testid="comp-compare-none">{t!(i18n, comp.compare_none)}</p>
            </Show>
            <Show when=move || { dates().len() >= 2 }>
                <div class="kam-comp__choices kam-no-print">
                    {choice("comp-compare-a", |l| td_string!(l, comp.compare_a), first, false)}
                    {choice("comp-compare-with", |l| td_string!(l, comp.compare_with), second, true)}
                </div>
            </Show>
            {table}
        </section>
    }
}

/// The development page: the actions, then two dates compared.
#[component]
fn Development(person: Uuid, people: Memo<People>) -> impl IntoView {
    let me = Memo::new(move |_| people.with(|p| p.colleague(person).cloned().unwrap_or_default()));
    let profile = Memo::new(move |_| people.with(|p| p.profile(&me.get())));
    view! {
        <section class="kam-page kam-people kam-comp">
            {head(person, people, "development")}
            <DevelopmentList person me profile/>
            <Compare profile/>
        </section>
    }
}

/// The open development actions at a glance (for the printed profile),
/// and the way to the page that edits them.
#[component]
fn DevelopmentSummary(person: Uuid, me: Memo<Colleague>) -> impl IntoView {
    let i18n = use_i18n();
    let items = move || {
        let locale = i18n.get_locale();
        me.with(|c| {
            c.development
                .iter()
                .filter(|d| !d.done)
                .map(|d| {
                    let due = d.due.map(|day| format!(" · {} {}", td_string!(locale, comp.col_due), text::date(locale, &day.iso())));
                    let overdue = d.overdue(today());
                    view! {
                        <li data-testid="comp-summary-item">{d.text.clone()}<span class="kam-muted">{due}</span>
                            {overdue.then(|| view! { " "<span class="kam-badge kam-badge--bad">{t!(i18n, comp.overdue)}</span> })}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="kam-card" aria-labelledby="comp-summary-title">
            <h2 id="comp-summary-title">{t!(i18n, comp.development_title)}</h2>
            <Show when=move || me.with(|c| c.development.iter().all(|d| d.done))>
                <p class="kam-muted">{t!(i18n, comp.summary_none)}</p>
            </Show>
            <ul class="kam-comp__summary">{items}</ul>
            <a class="kam-no-print" rel="external" data-testid="comp-to-development"
                href=href(&format!("/people/competency/development/{person}"))>{t!(i18n, comp.summary_edit)}</a>
        </section>
    }
}

/// The person's development actions: text, area, due date, done.
#[component]
fn DevelopmentList(person: Uuid, me: Memo<Colleague>, profile: Memo<Profile>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let ids = move || me.with(|c| c.development.iter().map(|d| d.id).collect::<Vec<_>>());
    let add = move |_| {
        let id = Uuid::new_v4();
        let text = td_string!(i18n.get_locale_untracked(), comp.new_development).to_owned();
        let result = edit_person(store, person, |c| {
            c.development.push(Development {
                id,
                area: None,
                text,
                due: today().plus_days(DEVELOPMENT_DAYS),
                done: false,
            })
        });
        if result.is_ok() {
            focus_soon(format!("development-{id}-text"));
        }
        show_at(error, Uuid::nil(), result.err());
    };
    view! {
        <section class="kam-card" aria-labelledby="comp-development-title">
            <h2 id="comp-development-title">{t!(i18n, comp.development_title)}</h2>
            <Show when=move || me.with(|c| c.development.is_empty())>
                <p class="kam-muted" data-testid="comp-development-empty">{t!(i18n, comp.development_empty)}</p>
            </Show>
            <Show when=move || me.with(|c| !c.development.is_empty())>
                <div class="kam-table-wrap">
                    <table class="kam-table kam-comp__development">
                        <thead><tr>
                            <th scope="col">{t!(i18n, comp.col_action)}</th>
                            <th scope="col">{t!(i18n, comp.col_for)}</th>
                            <th scope="col">{t!(i18n, comp.col_due)}</th>
                            <th scope="col">{t!(i18n, comp.col_done)}</th>
                            <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, common.remove)}</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=ids key=|id| *id let:action>
                                <DevelopmentRow person action me profile error/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <button class="kam-button kam-no-print" data-testid="comp-add-development" on:click=add>{t!(i18n, comp.add_development)}</button>
        </section>
    }
}

#[component]
fn DevelopmentRow(
    person: Uuid,
    action: Uuid,
    me: Memo<Colleague>,
    profile: Memo<Profile>,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = action;
    let this = Memo::new(move |_| me.with(|c| c.development.iter().find(|d| d.id == id).cloned()));
    let set = move |change: Box<dyn FnOnce(&mut Development)>| {
        let result = edit_person(store, person, |c| {
            if let Some(d) = c.development.iter_mut().find(|d| d.id == id) {
                change(d);
            }
        });
        show_at(error, id, result.err());
    };
    let text_value = move || this.with(|d| d.as_ref().map(|d| d.text.clone()).unwrap_or_default());
    let due = move || {
        this.with(|d| {
            d.as_ref()
                .and_then(|d| d.due)
                .map(Day::iso)
                .unwrap_or_default()
        })
    };
    let done = move || this.with(|d| d.as_ref().is_some_and(|d| d.done));
    let overdue = move || this.with(|d| d.as_ref().is_some_and(|d| d.overdue(today())));
    let area = move || {
        let locale = i18n.get_locale();
        let area = this.with(|d| d.as_ref().and_then(|d| d.area));
        area.and_then(|a| {
            profile.with(|p| p.areas.iter().find(|x| x.id == a).map(|x| x.name.clone()))
        })
        .unwrap_or_else(|| td_string!(locale, comp.no_area).to_owned())
    };
    let remove = move |_| {
        let message = td_string!(i18n.get_locale_untracked(), comp.development_removed).to_owned();
        people_with_undo(store, message, move |p| {
            if let Some(c) = p.colleague_mut(person) {
                c.development.retain(|d| d.id != id);
            }
        });
    };
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(
                locale,
                ppl.of_person,
                what = what(locale),
                name = text_value()
            )
        }
    };
    view! {
        <tr data-testid="comp-development" class:kam-row--done=done>
            <td>
                <textarea class="kam-input--cell" id=format!("development-{id}-text") data-testid="comp-development-text" rows="2" maxlength="300"
                    aria-label=move || td_string!(i18n.get_locale(), comp.col_action)
                    prop:value=text_value
                    on:change:target=move |ev| {
                        let missing = |l: Locale| td_string!(l, comp.empty_text);
                        if !take_required(ev.target().value(), error, id, missing, |v| set(Box::new(move |d| d.text = v))) {
                            ev.target().set_value(&text_value());
                        }
                    }></textarea>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            </td>
            <td>{area}</td>
            <td>
                <input type="date" data-testid="comp-development-due" aria-label=label(|l| td_string!(l, comp.col_due))
                    prop:value=due
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        if v.trim().is_empty() {
                            set(Box::new(|d| d.due = None));
                        } else if let Some(day) = Day::parse(&v) {
                            set(Box::new(move |d| d.due = Some(day)));
                        } else {
                            show_at(error, id, Some(td_string!(i18n.get_locale_untracked(), bc.bad_date).to_owned()));
                            ev.target().set_value(&due());
                        }
                    }/>
                <Show when=overdue>
                    <span class="kam-badge kam-badge--bad" data-testid="comp-development-overdue">{t!(i18n, comp.overdue)}</span>
                </Show>
            </td>
            <td>
                <input type="checkbox" data-testid="comp-development-done" aria-label=label(|l| td_string!(l, comp.col_done))
                    prop:checked=done
                    on:change:target=move |ev| { let v = ev.target().checked(); set(Box::new(move |d| d.done = v)); }/>
            </td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" data-testid="comp-development-remove" on:click=remove
                    aria-label=label(|l| td_string!(l, common.remove))>{t!(i18n, common.remove)}</button>
            </td>
        </tr>
    }
}
