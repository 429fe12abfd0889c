//! Requirements vs. performance of one key account: the competitors, the
//! requirements with importance and everyone's performance, the
//! importance–performance grid and the weighted gap per competitor.

use super::{
    change_with_undo, error_at, focus_soon, item_setter, on_this_page, problem_text, show_at,
    tool_page, update_tool, FieldError,
};
use crate::charts::requirements::{ipa_grid, GridPoint, GridText};
use crate::domain::potentials::requirements::{
    Competitor, Quadrant, Requirement, RequirementFlag, Requirements, RequirementsTool, SCALE_MAX,
    SCALE_MIN,
};
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Store};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the requirements analysis of the key account in the address.
#[component]
pub fn RequirementsPage() -> impl IntoView {
    tool_page::<RequirementsTool, _, _>(
        |locale| td_string!(locale, req.title),
        |locale| td_string!(locale, req.intro),
        |account, data| view! { <RequirementsEditor account data/> },
    )
}

pub(crate) fn quadrant_name(locale: Locale, quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::ConcentrateHere => td_string!(locale, req.quadrant_concentrate),
        Quadrant::KeepUpTheGoodWork => td_string!(locale, req.quadrant_keep),
        Quadrant::LowPriority => td_string!(locale, req.quadrant_low),
        Quadrant::PossibleOverkill => td_string!(locale, req.quadrant_overkill),
    }
}

fn quadrant_key(quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::ConcentrateHere => "concentrate",
        Quadrant::KeepUpTheGoodWork => "keep",
        Quadrant::LowPriority => "low",
        Quadrant::PossibleOverkill => "overkill",
    }
}

/// A red flag of the requirements analysis as a sentence.
pub(crate) fn flag_text(locale: Locale, data: &Requirements, flag: RequirementFlag) -> String {
    let RequirementFlag::CompetitorAhead {
        requirement,
        competitor,
    } = flag;
    let requirement = data.requirement(requirement);
    td_string!(
        locale,
        req.flag_ahead,
        requirement = requirement.map(|r| r.text.clone()).unwrap_or_default(),
        competitor = data
            .competitor(competitor)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        theirs = requirement
            .and_then(|r| r.score_of(competitor))
            .unwrap_or(0),
        ours = requirement.and_then(|r| r.ours).unwrap_or(0)
    )
}

/// The importance–performance grid of the analysis, as SVG.
pub(crate) fn grid_svg(locale: Locale, data: &Requirements) -> String {
    let flagged: Vec<Uuid> = data
        .red_flags()
        .into_iter()
        .map(|RequirementFlag::CompetitorAhead { requirement, .. }| requirement)
        .collect();
    let points: Vec<GridPoint> = data
        .requirements
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            Some(GridPoint {
                number: i + 1,
                importance: r.importance?,
                ours: r.ours?,
                flagged: flagged.contains(&r.id),
            })
        })
        .collect();
    ipa_grid(
        &points,
        &GridText {
            quadrants: Quadrant::ALL.map(|q| quadrant_name(locale, q).to_owned()),
            importance: td_string!(locale, req.axis_importance).to_owned(),
            performance: td_string!(locale, req.axis_performance).to_owned(),
        },
    )
}

fn update(
    store: Store,
    account: Uuid,
    data: Memo<Requirements>,
    change: impl FnOnce(&mut Requirements),
) -> Result<(), crate::domain::potentials::ToolError> {
    update_tool::<RequirementsTool>(store, account, data, change)
}

/// A choice on the scale 1–5, or "not rated".
fn scale_select(
    label: Signal<String>,
    testid: &'static str,
    value: Signal<Option<u8>>,
    on_change: impl Fn(Option<u8>) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select aria-label=label data-testid=testid class="kam-input--short"
            on:change:target=move |ev| on_change(ev.target().value().parse::<u8>().ok())>
            <option value="" prop:selected=move || value.get().is_none()>{t!(i18n, req.not_rated)}</option>
            {(SCALE_MIN..=SCALE_MAX).map(|v| view! {
                <option value=v.to_string() prop:selected=move || value.get() == Some(v)>{v.to_string()}</option>
            }).collect::<Vec<_>>()}
        </select>
    }
}

#[component]
fn RequirementsEditor(account: Uuid, data: Memo<Requirements>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let flags = Memo::new(move |_| data.with(Requirements::red_flags));
    let flag_list = move || {
        let locale = i18n.get_locale();
        if data.with(|d| d.requirements.is_empty() || d.competitors.is_empty()) {
            return view! { <p class="kam-muted" data-testid="req-no-flags-yet">{td_string!(locale, req.flags_empty)}</p> }.into_any();
        }
        let list = flags.get();
        if list.is_empty() {
            return view! { <p class="kam-note kam-note--ok" data-testid="req-no-flags">{td_string!(locale, req.flags_none)}</p> }.into_any();
        }
        let items = data.with(|d| {
            list.iter()
                .map(|flag| {
                    let RequirementFlag::CompetitorAhead { requirement, .. } = *flag;
                    view! {
                        <li data-flag="competitor_ahead">{flag_text(locale, d, *flag)}" "
                            <a href=on_this_page(&format!("req-{requirement}")) class="kam-no-print">{td_string!(locale, req.go_to_requirement)}</a>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        });
        view! { <ul class="kam-flags" data-testid="req-flags">{items}</ul> }.into_any()
    };
    let add_competitor = move |_| {
        let id = Uuid::new_v4();
        let locale = i18n.get_locale_untracked();
        let count = data.with_untracked(|d| d.competitors.len());
        let name = td_string!(locale, req.new_competitor, n = count + 1);
        match update(store, account, data, |d| {
            d.competitors.push(Competitor { id, name })
        }) {
            Ok(()) => focus_soon(format!("competitor-{id}")),
            Err(e) => error.set(Some((Uuid::nil(), problem_text(locale, &e)))),
        }
    };
    let add_requirement = move |_| {
        let id = Uuid::new_v4();
        let locale = i18n.get_locale_untracked();
        let text = td_string!(locale, req.new_requirement).to_owned();
        match update(store, account, data, |d| {
            d.requirements.push(Requirement::new(id, &text))
        }) {
            Ok(()) => focus_soon(format!("req-{id}-text")),
            Err(e) => error.set(Some((Uuid::nil(), problem_text(locale, &e)))),
        }
    };
    let competitor_ids =
        Memo::new(move |_| data.with(|d| d.competitors.iter().map(|c| c.id).collect::<Vec<_>>()));
    let requirement_ids = move || {
        data.with(|d| {
            d.requirements
                .iter()
                .enumerate()
                .map(|(i, r)| (i + 1, r.id))
                .collect::<Vec<_>>()
        })
    };
    let grid = Memo::new(move |_| {
        let locale = i18n.get_locale();
        data.with(|d| grid_svg(locale, d))
    });
    let gaps = move || {
        let locale = i18n.get_locale();
        data.with(|d| {
            d.gaps()
                .into_iter()
                .map(|(id, gap)| {
                    let name = d.competitor(id).map(|c| c.name.clone()).unwrap_or_default();
                    let sentence = match gap {
                        None => td_string!(locale, req.gap_none, name = name),
                        Some(gap) => {
                            let points = text::decimal2(locale, gap.value.abs());
                            let basis = text::plural!(locale, count.requirements, gap.compared);
                            if gap.value > 0.005 {
                                td_string!(
                                    locale,
                                    req.gap_ahead,
                                    name = name,
                                    points = points,
                                    basis = basis
                                )
                            } else if gap.value < -0.005 {
                                td_string!(
                                    locale,
                                    req.gap_behind,
                                    name = name,
                                    points = points,
                                    basis = basis
                                )
                            } else {
                                td_string!(locale, req.gap_even, name = name, basis = basis)
                            }
                        }
                    };
                    view! { <li data-testid="req-gap">{sentence}</li> }
                })
                .collect::<Vec<_>>()
        })
    };
    let general_error = error_at(error, Uuid::nil());
    view! {
        <section class="kam-card" aria-labelledby="req-flags-title">
            <h2 id="req-flags-title">{t!(i18n, bc.flags_title)}</h2>
            {flag_list}
        </section>
        <section class="kam-card" aria-labelledby="req-competitors-title">
            <h2 id="req-competitors-title">{t!(i18n, req.competitors_title)}</h2>
            <p class="kam-muted kam-no-print">{t!(i18n, req.competitors_hint)}</p>
            <Show when=move || competitor_ids.with(Vec::is_empty)>
                <p class="kam-muted">{t!(i18n, req.competitors_empty)}</p>
            </Show>
            <ul class="kam-plan__list">
                <For each=move || competitor_ids.get() key=|id| *id let:competitor>
                    <CompetitorRow account data competitor error/>
                </For>
            </ul>
            <button class="kam-button kam-no-print" data-testid="req-add-competitor" on:click=add_competitor>{t!(i18n, req.add_competitor)}</button>
        </section>
        <section class="kam-card" aria-labelledby="req-list-title">
            <h2 id="req-list-title">{t!(i18n, req.requirements_title)}</h2>
            <p class="kam-muted kam-no-print">{t!(i18n, req.requirements_hint)}</p>
            <Show when=move || data.with(|d| d.requirements.is_empty())>
                <p class="kam-muted">{t!(i18n, req.requirements_empty)}</p>
            </Show>
            <Show when=move || data.with(|d| !d.requirements.is_empty())>
                <div class="kam-table-wrap">
                    <table class="kam-table kam-req__table" data-testid="req-table">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, req.col_number)}</th>
                                <th scope="col">{t!(i18n, req.col_requirement)}</th>
                                <th scope="col">{t!(i18n, req.col_importance)}</th>
                                <th scope="col" class="kam-num">{t!(i18n, req.col_weight)}</th>
                                <th scope="col">{t!(i18n, req.col_ours)}</th>
                                {move || data.with(|d| d.competitors.iter().map(|c| view! { <th scope="col">{c.name.clone()}</th> }).collect::<Vec<_>>())}
                                <th scope="col">{t!(i18n, req.col_field)}</th>
                                <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, req.remove_requirement)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=requirement_ids key=|(n, id)| (*n, *id) let:row>
                                <RequirementRow account data number=row.0 requirement=row.1 competitors=competitor_ids error/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <p class="kam-field__error" role="alert">{general_error}</p>
            <button class="kam-button kam-button--primary kam-no-print" data-testid="req-add-requirement" on:click=add_requirement>{t!(i18n, req.add_requirement)}</button>
        </section>
        <section class="kam-card kam-req__results">
            <div>
                <h2>{t!(i18n, req.grid_title)}</h2>
                <p class="kam-muted">{t!(i18n, req.grid_hint)}</p>
                <Show when=move || data.with(|d| d.requirements.iter().all(|r| r.quadrant().is_none()))>
                    <p class="kam-muted" data-testid="req-grid-empty">{t!(i18n, req.grid_empty)}</p>
                </Show>
                <div class="kam-chart kam-req__grid" data-testid="req-grid" inner_html=move || grid.get()></div>
            </div>
            <div>
                <h2>{t!(i18n, req.gaps_title)}</h2>
                <p class="kam-muted">{t!(i18n, req.gaps_hint)}</p>
                <Show when=move || competitor_ids.with(Vec::is_empty)>
                    <p class="kam-muted">{t!(i18n, req.competitors_empty)}</p>
                </Show>
                <ul class="kam-req__gaps">{gaps}</ul>
            </div>
        </section>
    }
}

/// One competitor: its name, and removal with undo.
#[component]
fn CompetitorRow(
    account: Uuid,
    data: Memo<Requirements>,
    competitor: Uuid,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = competitor;
    let name = Memo::new(move |_| {
        data.with(|d| d.competitor(id).map(|c| c.name.clone()).unwrap_or_default())
    });
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            req.removed_competitor,
            name = name.get_untracked()
        );
        change_with_undo::<RequirementsTool>(store, account, message, move |d| {
            d.remove_competitor(id)
        });
    };
    view! {
        <li class="kam-plan__goal" data-testid="req-competitor">
            <input id=format!("competitor-{id}") maxlength="300" aria-label=move || t_string!(i18n, req.competitor_name)
                prop:value=move || name.get()
                on:input:target=move |ev| {
                    let v = ev.target().value();
                    let result = update(store, account, data, |d| {
                        if let Some(c) = d.competitors.iter_mut().find(|c| c.id == id) { c.name = v }
                    });
                    let locale = i18n.get_locale_untracked();
                    show_at(error, id, result.err().map(|e| problem_text(locale, &e)));
                }/>
            <button class="kam-button kam-no-print" on:click=remove>{t!(i18n, req.remove_competitor)}</button>
            <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
        </li>
    }
}

/// One requirement as a table row: text, importance, weight, our and each
/// competitor's performance, and its field of the grid.
#[component]
fn RequirementRow(
    account: Uuid,
    data: Memo<Requirements>,
    number: usize,
    requirement: Uuid,
    competitors: Memo<Vec<Uuid>>,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = requirement;
    let me = Memo::new(move |_| data.with(|d| d.requirement(id).cloned()));
    let text =
        Memo::new(move |_| me.with(|r| r.as_ref().map(|r| r.text.clone()).unwrap_or_default()));
    let set =
        item_setter::<RequirementsTool, Requirement>(store, account, data, error, id, |d, id| {
            d.requirements.iter_mut().find(|r| r.id == id)
        });
    let weight = move || {
        let locale = i18n.get_locale();
        data.with(|d| {
            d.requirement(id)
                .and_then(|r| d.weight(r))
                .map(|w| text::percent(locale, w * 100.0))
                .unwrap_or_else(|| "–".into())
        })
    };
    let quadrant = Memo::new(move |_| me.with(|r| r.as_ref().and_then(Requirement::quadrant)));
    let label = move |what: fn(Locale) -> &'static str| {
        Signal::derive(move || {
            let locale = i18n.get_locale();
            td_string!(
                locale,
                req.rating_of,
                what = what(locale),
                name = text.get()
            )
        })
    };
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            req.removed_requirement,
            name = text.get_untracked()
        );
        change_with_undo::<RequirementsTool>(store, account, message, move |d| {
            d.requirements.retain(|r| r.id != id)
        });
    };
    let competitor_cells = move || {
        competitors
            .get()
            .into_iter()
            .map(|competitor| {
                let value = Signal::derive(move || me.with(|r| r.as_ref().and_then(|r| r.score_of(competitor))));
                let label = Signal::derive(move || {
                    let name = data.with(|d| d.competitor(competitor).map(|c| c.name.clone()).unwrap_or_default());
                    td_string!(i18n.get_locale(), req.rating_of, what = name, name = text.get())
                });
                view! {
                    <td data-testid="req-theirs">
                        {scale_select(label, "req-theirs-select", value, move |v| set(Box::new(move |r| r.set_score(competitor, v))))}
                    </td>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <tr id=format!("req-{id}") data-testid="req-row">
            <td class="kam-num">{number}</td>
            <td>
                <input id=format!("req-{id}-text") data-testid="req-text" maxlength="300" aria-label=move || t_string!(i18n, req.col_requirement)
                    prop:value=move || text.get()
                    on:input:target=move |ev| { let v = ev.target().value(); set(Box::new(move |r| r.text = v)); }/>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            </td>
            <td>{scale_select(label(|l| td_string!(l, req.col_importance)), "req-importance", Signal::derive(move || me.with(|r| r.as_ref().and_then(|r| r.importance))), move |v| set(Box::new(move |r| r.importance = v)))}</td>
            <td class="kam-num">{weight}</td>
            <td>{scale_select(label(|l| td_string!(l, req.col_ours)), "req-ours", Signal::derive(move || me.with(|r| r.as_ref().and_then(|r| r.ours))), move |v| set(Box::new(move |r| r.ours = v)))}</td>
            {competitor_cells}
            <td data-testid="req-field" data-quadrant=move || quadrant.get().map(quadrant_key).unwrap_or("")>
                {move || quadrant.get().map(|q| quadrant_name(i18n.get_locale(), q)).unwrap_or("–")}
            </td>
            <td class="kam-no-print"><button class="kam-button" on:click=remove aria-label=move || format!("{}: {}", t_string!(i18n, req.remove_requirement), text.get())>{t!(i18n, common.remove)}</button></td>
        </tr>
    }
}
