//! Weighted scoring: criteria and weights, the grading grid (keyboard
//! first), ranking and sensitivity of the top N.

use super::{
    class_name, edit_targets, edit_targets_with_undo, quadrant_member, use_analysis, NoCustomers,
    Pager, TargetsHead, PAGE_SIZE,
};
use crate::domain::account_list::fold;
use crate::domain::parse_amount;
use crate::domain::targets::model::{suggested_criteria, MAX_CRITERIA};
use crate::domain::targets::{Criterion, CriterionGroup, GradeScale};
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Customers listed in the ranking beyond the top N (the ones just missing it).
const RANKING_EXTRA: usize = 10;

fn criterion_value<T>(
    store: crate::ui::store::Store,
    id: &str,
    get: impl Fn(&Criterion) -> T,
) -> Option<T> {
    store.read(Part::Targets, |ws| {
        ws.targets.criteria.iter().find(|c| c.id == id).map(get)
    })
}

fn focus_cell(row: usize, col: usize) {
    let selector = format!("[data-grid-row=\"{row}\"][data-grid-col=\"{col}\"]");
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

#[component]
pub fn ScoringPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let analysis = use_analysis(store);
    let page = RwSignal::new(0usize);
    let only_missing = RwSignal::new(false);
    let query = RwSignal::new(String::new());

    // The structure of the model; the editor is rebuilt only when it changes.
    let criteria_ids = Memo::new(move |_| {
        store.read(Part::Targets, |ws| {
            ws.targets
                .criteria
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let scale = Memo::new(move |_| store.read(Part::Targets, |ws| ws.targets.scale));
    let count = Memo::new(move |_| store.read(Part::Targets, |ws| ws.targets.customers.len()));

    let model = move || {
        let locale = i18n.get_locale();
        let ids = criteria_ids.get();
        if ids.is_empty() {
            return view! {
                <div class="kam-card kam-empty" data-testid="criteria-empty">
                    <p>{td_string!(locale, targets.criteria_empty)}</p>
                    <button class="kam-button kam-button--primary" data-testid="criteria-suggest"
                        on:click=move |_| edit_targets(store, |t| t.criteria = suggested_criteria(locale == Locale::de))>
                        {td_string!(locale, targets.criteria_suggest)}
                    </button>
                </div>
            }
            .into_any();
        }
        let style = text::number_style(locale);
        let rows = ids.into_iter().enumerate().map(|(index, id)| {
            let id_name = id.clone();
            let id_desc = id.clone();
            let id_weight = id.clone();
            let id_group = id.clone();
            let id_del = id.clone();
            let weight_invalid = RwSignal::new(false);
            let name = Signal::derive({ let id = id.clone(); move || criterion_value(store, &id, |c| c.name.clone()).unwrap_or_default() });
            view! {
                <tr data-testid="criterion-row">
                    <td data-label=td_string!(locale, targets.crit_name)>
                        <input type="text" aria-label=move || td_string!(locale, targets.crit_name_for, n = index + 1) data-testid="criterion-name"
                            prop:value=move || name.get()
                            on:change:target=move |ev| { let v = ev.target().value(); let id = id_name.clone(); edit_targets(store, move |t| if let Some(c) = t.criteria.iter_mut().find(|c| c.id == id) { c.name = v.chars().filter(|c| !c.is_control()).take(200).collect() }) }/>
                    </td>
                    <td data-label=td_string!(locale, targets.crit_description)>
                        <input type="text" aria-label=move || td_string!(locale, targets.crit_description_for, name = name.get())
                            prop:value={ let id = id.clone(); move || criterion_value(store, &id, |c| c.description.clone()).unwrap_or_default() }
                            on:change:target=move |ev| { let v = ev.target().value(); let id = id_desc.clone(); edit_targets(store, move |t| if let Some(c) = t.criteria.iter_mut().find(|c| c.id == id) { c.description = v.chars().filter(|c| !c.is_control()).take(300).collect() }) }/>
                    </td>
                    <td data-label=td_string!(locale, targets.crit_weight) class="kam-num">
                        <input type="text" inputmode="decimal" class="kam-input--short" data-testid="criterion-weight"
                            aria-label=move || td_string!(locale, targets.crit_weight_for, name = name.get())
                            aria-invalid=move || weight_invalid.get().to_string()
                            prop:value={ let id = id.clone(); move || criterion_value(store, &id, |c| text::plain_number(locale, c.weight)).unwrap_or_default() }
                            on:change:target=move |ev| {
                                match parse_amount(&ev.target().value(), style) {
                                    Ok(Some(w)) if (0.0..=100.0).contains(&w) => {
                                        weight_invalid.set(false);
                                        let id = id_weight.clone();
                                        edit_targets(store, move |t| if let Some(c) = t.criteria.iter_mut().find(|c| c.id == id) { c.weight = w });
                                    }
                                    _ => weight_invalid.set(true),
                                }
                            }/>
                        <span aria-hidden="true">" %"</span>
                    </td>
                    <td data-label=td_string!(locale, targets.crit_group)>
                        <select aria-label=move || td_string!(locale, targets.crit_group_for, name = name.get())
                            prop:value={ let id = id.clone(); move || criterion_value(store, &id, |c| if c.group == CriterionGroup::Position { "position" } else { "attractiveness" }).unwrap_or("attractiveness") }
                            on:change:target=move |ev| {
                                let g = if ev.target().value() == "position" { CriterionGroup::Position } else { CriterionGroup::Attractiveness };
                                let id = id_group.clone();
                                edit_targets(store, move |t| if let Some(c) = t.criteria.iter_mut().find(|c| c.id == id) { c.group = g });
                            }>
                            <option value="attractiveness">{td_string!(locale, targets.group_attractiveness)}</option>
                            <option value="position">{td_string!(locale, targets.group_position)}</option>
                        </select>
                    </td>
                    <td>
                        <button class="kam-button kam-button--quiet kam-button--danger"
                            aria-label=move || td_string!(locale, targets.delete_named, name = name.get())
                            on:click=move |_| {
                                let message = td_string!(locale, targets.criterion_deleted, name = name.get_untracked());
                                let id = id_del.clone();
                                edit_targets_with_undo(store, message, move |t| t.remove_criterion(&id));
                            }>
                            {td_string!(locale, targets.delete)}
                        </button>
                    </td>
                </tr>
            }
        }).collect_view();
        view! {
            <div class="kam-table-wrap">
                <table class="kam-table kam-table--stack kam-criteria" data-testid="criteria">
                    <thead><tr>
                        <th scope="col">{td_string!(locale, targets.crit_name)}</th>
                        <th scope="col">{td_string!(locale, targets.crit_description)}</th>
                        <th scope="col" class="kam-num">{td_string!(locale, targets.crit_weight)}</th>
                        <th scope="col">{td_string!(locale, targets.crit_group)}</th>
                        <th scope="col"><span class="kam-visually-hidden">{td_string!(locale, targets.col_actions)}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    let weight_status = move || {
        let locale = i18n.get_locale();
        analysis.with(|a| {
            if criteria_ids.with(Vec::is_empty) {
                return ().into_any();
            }
            let check = &a.weights;
            let sum = text::plain_number(locale, check.sum);
            let negligible: Vec<String> = store.read(Part::Targets, |ws| check.negligible.iter().filter_map(|&i| ws.targets.criteria.get(i).map(|c| c.name.clone())).collect());
            view! {
                <p class=if check.sums_to_100() { "kam-note kam-note--ok" } else { "kam-note kam-note--error" } data-testid="weight-sum" role="status">
                    {if check.sums_to_100() { td_string!(locale, targets.weights_ok).to_owned() } else { td_string!(locale, targets.weights_off, sum = sum) }}
                </p>
                {(!negligible.is_empty()).then(|| view! { <p class="kam-note" data-testid="weight-negligible">{td_string!(locale, targets.weights_small, names = negligible.join(", "))}</p> })}
            }
            .into_any()
        })
    };

    let model_settings = move || {
        let locale = i18n.get_locale();
        let current = scale.get();
        let top_n = store.read_untracked(|ws| ws.targets.top_n);
        let full = criteria_ids.with(|ids| ids.len() >= MAX_CRITERIA);
        view! {
            <div class="kam-toolbar">
                <label class="kam-field">
                    <span>{td_string!(locale, targets.scale_label)}</span>
                    <select data-testid="scale" on:change:target=move |ev| {
                        let s = if ev.target().value() == "10" { GradeScale::ZeroToTen } else { GradeScale::OneToFive };
                        let message = td_string!(locale, targets.scale_changed).to_owned();
                        edit_targets_with_undo(store, message, move |t| t.change_scale(s));
                    }>
                        <option value="5" selected=current == GradeScale::OneToFive>{td_string!(locale, targets.scale_5)}</option>
                        <option value="10" selected=current == GradeScale::ZeroToTen>{td_string!(locale, targets.scale_10)}</option>
                    </select>
                </label>
                <label class="kam-field kam-field--short">
                    <span>{td_string!(locale, targets.top_n_label)}</span>
                    <input type="number" min="1" max="1000" data-testid="top-n" value=top_n
                        on:change:target=move |ev| {
                            if let Ok(n) = ev.target().value().parse::<u32>() {
                                let n = n.clamp(1, 1000);
                                edit_targets(store, move |t| t.top_n = n);
                            }
                        }/>
                </label>
                <button class="kam-button" data-testid="criterion-add" disabled=full on:click=move |_| {
                    let name = td_string!(locale, targets.criterion_new).to_owned();
                    edit_targets(store, move |t| {
                        let id = t.free_criterion_id();
                        t.criteria.push(Criterion { id, name, description: String::new(), weight: 0.0, group: CriterionGroup::Attractiveness });
                    });
                }>{td_string!(locale, targets.criterion_add)}</button>
                <p class="kam-field__hint kam-field--grow">{td_string!(locale, targets.scale_hint)}</p>
            </div>
        }
    };

    // Customers on the current grid page (indexes into the list).
    let matching = Memo::new(move |_| {
        let terms: Vec<String> = fold(&query.get())
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let missing_only = only_missing.get();
        // Re-filtered when the list or the model changes, not on every
        // grade typed: a row must not vanish under the cursor while the
        // "only missing grades" filter is on.
        count.track();
        criteria_ids.track();
        scale.track();
        store.read_untracked(|ws| {
            let t = &ws.targets;
            t.customers
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    (!missing_only
                        || t.criteria
                            .iter()
                            .any(|k| c.grades.get(&k.id).is_none_or(|g| !t.scale.contains(*g))))
                        && (terms.is_empty() || {
                            let hay = fold(&format!("{} {}", c.name, c.number));
                            terms.iter().all(|q| hay.contains(q.as_str()))
                        })
                })
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
    });
    let grid_page = Memo::new(move |_| {
        matching.with(|m| {
            m.iter()
                .skip(page.get() * PAGE_SIZE)
                .take(PAGE_SIZE)
                .copied()
                .collect::<Vec<usize>>()
        })
    });

    let grid = move || {
        let locale = i18n.get_locale();
        let ids = criteria_ids.get();
        if ids.is_empty() {
            return ().into_any();
        }
        let visible = grid_page.get();
        let scale_now = scale.get();
        let headers: Vec<String> =
            store.read_untracked(|ws| ws.targets.criteria.iter().map(|c| c.name.clone()).collect());
        let cols = ids.len();
        let rows = visible.iter().enumerate().map(|(row, &index)| {
            let (cid, name) = store.read_untracked(|ws| (ws.targets.customers[index].id, ws.targets.customers[index].name.clone()));
            // The row's grades: the cells update only when this row changes.
            let row_grades = Memo::new(move |_| store.read(Part::Targets, |ws| ws.targets.customers.get(index).filter(|c| c.id == cid).map(|c| c.grades.clone()).unwrap_or_default()));
            let cells = ids.iter().enumerate().map(|(col, kid)| {
                let invalid = RwSignal::new(false);
                let kid_read = kid.clone();
                let kid_write = kid.clone();
                let label = td_string!(locale, targets.grade_for, customer = name.clone(), criterion = headers[col].clone());
                view! {
                    <td>
                        <input type="text" inputmode="decimal" class="kam-grade" aria-label=label
                            data-grid-row=row data-grid-col=col data-testid="grade"
                            aria-invalid=move || invalid.get().to_string()
                            prop:value=move || row_grades.with(|g| g.get(&kid_read).map(|g| text::plain_number(locale, *g)).unwrap_or_default())
                            on:focus:target=move |ev| ev.target().select()
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                let (r, c) = (row, col);
                                let target = match ev.key().as_str() {
                                    "ArrowDown" | "Enter" => Some((r + 1, c)),
                                    "ArrowUp" => r.checked_sub(1).map(|r| (r, c)),
                                    "ArrowRight" => Some(if c + 1 < cols { (r, c + 1) } else { (r + 1, 0) }),
                                    "ArrowLeft" => if c > 0 { Some((r, c - 1)) } else { r.checked_sub(1).map(|r| (r, cols - 1)) },
                                    _ => None,
                                };
                                if let Some((r, c)) = target {
                                    ev.prevent_default();
                                    focus_cell(r, c);
                                }
                            }
                            on:input:target=move |ev| {
                                let raw = ev.target().value();
                                let parsed = parse_amount(&raw, text::number_style(locale));
                                let kid = kid_write.clone();
                                match parsed {
                                    Ok(None) => {
                                        invalid.set(false);
                                        edit_targets(store, move |t| if let Some(c) = t.customers.iter_mut().find(|c| c.id == cid) { c.grades.remove(&kid); });
                                    }
                                    Ok(Some(g)) if scale_now.contains(g) => {
                                        invalid.set(false);
                                        edit_targets(store, move |t| if let Some(c) = t.customers.iter_mut().find(|c| c.id == cid) { c.grades.insert(kid, g); });
                                    }
                                    _ => invalid.set(true),
                                }
                            }/>
                    </td>
                }
            }).collect_view();
            view! {
                <tr data-testid="grid-row">
                    <th scope="row">{name.clone()}</th>
                    {cells}
                    <td class="kam-num" data-testid="grid-score">{move || analysis.with(|a| a.customers.get(index).and_then(|r| r.score).map(|s| text::decimal2(locale, s)).unwrap_or_else(|| td_string!(locale, targets.missing).to_owned()))}</td>
                    <td class="kam-num">{move || analysis.with(|a| a.customers.get(index).and_then(|r| r.rank).map(|r| r.to_string()).unwrap_or_else(|| "–".into()))}</td>
                </tr>
            }
        }).collect_view();
        view! {
            <div class="kam-table-wrap">
                <table class="kam-table kam-grid" data-testid="grade-grid">
                    <thead><tr>
                        <th scope="col">{td_string!(locale, targets.col_name)}</th>
                        {headers.iter().map(|h| view! { <th scope="col" class="kam-grid__head">{h.clone()}</th> }).collect_view()}
                        <th scope="col" class="kam-num">{td_string!(locale, targets.col_score)}</th>
                        <th scope="col" class="kam-num">{td_string!(locale, targets.col_rank)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="kam-field__hint">{td_string!(locale, targets.grid_keys, min = text::plain_number(locale, scale_now.min()), max = text::plain_number(locale, scale_now.max()))}</p>
        }
        .into_any()
    };

    let ranking = move || {
        let locale = i18n.get_locale();
        analysis.with(|a| {
            let (top_n, names) = store.read(Part::Targets, |ws| {
                (ws.targets.top_n as usize, a.ranking.iter().take((ws.targets.top_n as usize + RANKING_EXTRA).min(100)).map(|&i| ws.targets.customers[i].name.clone()).collect::<Vec<_>>())
            });
            let unscored = a.customers.len() - a.ranking.len();
            view! {
                <div class="kam-card">
                    <h2>{td_string!(locale, targets.ranking_title)}</h2>
                    {(unscored > 0).then(|| view! { <p class="kam-note" data-testid="unscored">{td_string!(locale, targets.unscored, count = unscored)}</p> })}
                    {if a.ranking.is_empty() {
                        view! { <p class="kam-muted">{td_string!(locale, targets.ranking_empty)}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="kam-ranking" data-testid="ranking">
                                {a.ranking.iter().zip(names).enumerate().map(|(pos, (&i, name))| {
                                    let r = &a.customers[i];
                                    view! {
                                        <li class:kam-ranking__top=pos < top_n data-testid="ranking-row">
                                            <span class="kam-ranking__name">{name}</span>
                                            <span class="kam-num">{r.score.map(|s| text::decimal2(locale, s)).unwrap_or_default()}</span>
                                            <span class="kam-muted">{r.abc.map(class_name).unwrap_or("–")}" · "{r.quadrant.map(|q| quadrant_member(locale, q)).unwrap_or("–")}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                </div>
            }
        })
    };

    let sensitivity = move || {
        let locale = i18n.get_locale();
        analysis.with(|a| {
            if a.sensitivity.is_empty() || a.ranking.is_empty() {
                return ().into_any();
            }
            let (names, customers, top_n): (Vec<String>, Vec<String>, u32) = store.read(Part::Targets, |ws| {
                (ws.targets.criteria.iter().map(|c| c.name.clone()).collect(), ws.targets.customers.iter().map(|c| c.name.clone()).collect(), ws.targets.top_n)
            });
            let describe = |change: &crate::domain::targets::analysis::TopChange| {
                if change.is_empty() {
                    return td_string!(locale, targets.sens_stable).to_owned();
                }
                let list = |ids: &[usize]| {
                    let mut names: Vec<String> = ids.iter().take(5).map(|&i| customers[i].clone()).collect();
                    if ids.len() > 5 { names.push(text::plural!(locale, targets.and_more, ids.len() - 5)); }
                    names.join(", ")
                };
                let mut parts = Vec::new();
                if !change.entered.is_empty() { parts.push(td_string!(locale, targets.sens_in, names = list(&change.entered))); }
                if !change.left.is_empty() { parts.push(td_string!(locale, targets.sens_out, names = list(&change.left))); }
                parts.join(" · ")
            };
            let sensitive = a.sensitivity.iter().filter(|s| !s.minus.is_empty() || !s.plus.is_empty()).count();
            view! {
                <div class="kam-card">
                    <h2>{td_string!(locale, targets.sens_title, n = top_n)}</h2>
                    <p>{td_string!(locale, targets.sens_intro)}</p>
                    <p data-testid="sens-summary"><strong>{td_string!(locale, targets.sens_summary, count = sensitive, total = a.sensitivity.len())}</strong></p>
                    <div class="kam-table-wrap">
                        <table class="kam-table kam-table--stack" data-testid="sensitivity">
                            <thead><tr>
                                <th scope="col">{td_string!(locale, targets.crit_name)}</th>
                                <th scope="col">{td_string!(locale, targets.sens_minus)}</th>
                                <th scope="col">{td_string!(locale, targets.sens_plus)}</th>
                            </tr></thead>
                            <tbody>
                                {a.sensitivity.iter().map(|s| {
                                    let flagged = !s.minus.is_empty() || !s.plus.is_empty();
                                    view! {
                                        <tr class:kam-row--change=flagged data-testid="sens-row">
                                            <th scope="row">{names.get(s.criterion).cloned().unwrap_or_default()}</th>
                                            <td data-label=td_string!(locale, targets.sens_minus)>{describe(&s.minus)}</td>
                                            <td data-label=td_string!(locale, targets.sens_plus)>{describe(&s.plus)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
            }
            .into_any()
        })
    };

    view! {
        <section class="kam-page kam-targets">
            <TargetsHead intro=Signal::derive(move || t_string!(i18n, targets.intro_scoring).to_owned())/>
            <div class="kam-card">
                <h2>{t!(i18n, targets.model_title)}</h2>
                {model_settings}
                {model}
                {weight_status}
            </div>
            {move || if count.get() == 0 {
                view! { <NoCustomers/> }.into_any()
            } else {
                view! {
                    <div class="kam-card">
                        <h2>{t!(i18n, targets.grid_title)}</h2>
                        <div class="kam-toolbar">
                            <label class="kam-field kam-field--grow">
                                <span>{t!(i18n, targets.search)}</span>
                                <input type="search" prop:value=move || query.get() on:input:target=move |ev| { query.set(ev.target().value()); page.set(0); }/>
                            </label>
                            <label class="kam-choice">
                                <input type="checkbox" data-testid="only-missing" prop:checked=move || only_missing.get() on:change:target=move |ev| { only_missing.set(ev.target().checked()); page.set(0); }/>
                                <span>{t!(i18n, targets.only_missing)}</span>
                            </label>
                        </div>
                        {grid}
                        <Pager page=page total=Signal::derive(move || matching.with(|m| m.len()))/>
                    </div>
                    {ranking}
                    {sensitivity}
                }.into_any()
            }}
        </section>
    }
}
