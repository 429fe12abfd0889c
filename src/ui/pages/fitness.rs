//! The KAM Fitness-Check: overview, questionnaire flow, result, blank form.

use crate::charts::{area_bars, percent_rings, radar, RadarSeries, SeriesColor};
use crate::domain::fitness::{
    compare, score, weakest_areas, Answer, Catalogue, CheckScore, FitnessCheck, FitnessRecord,
    Language,
};
use crate::storage::browser;
use crate::storage::fitness_csv::{answers_csv, AnswerLabels, CsvDialect};
use crate::ui::components::export_check;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use uuid::Uuid;

/// Starts a new check with the active catalogue and returns its id.
fn start_check() -> Uuid {
    let store = use_store();
    let id = Uuid::new_v4();
    let now = browser::now();
    store.edit_part(Part::Fitness, |ws| {
        let check = FitnessCheck::new(ws.active_catalogue());
        ws.fitness_checks.push(FitnessRecord {
            id,
            created: now,
            modified: now,
            check,
            step: 0,
            completed: false,
        });
    });
    id
}

/// Changes one check and stamps its modification time.
fn edit_check(id: Uuid, change: impl FnOnce(&mut FitnessRecord)) {
    let store = use_store();
    let now = browser::now();
    store.edit_part(Part::Fitness, |ws| {
        if let Some(record) = ws.fitness_checks.iter_mut().find(|r| r.id == id) {
            change(record);
            record.modified = now.max(record.modified);
        }
    });
}

/// Who answered, for lists: name and unit, or "no name".
fn who(locale: Locale, record: &FitnessRecord) -> String {
    let parts: Vec<&str> = [record.check.respondent.trim(), record.check.unit.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        td_string!(locale, fitness.anonymous_person).to_owned()
    } else {
        parts.join(", ")
    }
}

/// Overview of the Fitness-Check: start, list, CSV, catalogue.
#[component]
pub fn FitnessPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let navigate = use_navigate();
    let catalogue =
        Memo::new(move |_| store.read(Part::Fitness, |ws| ws.active_catalogue().clone()));
    let start = move |_| {
        let id = start_check();
        navigate(&format!("/fitness/{id}"), Default::default());
    };
    let catalogue_message = RwSignal::new(None::<String>);
    let rows = move || {
        let locale = i18n.get_locale();
        store.read(Part::Fitness, |ws| {
            if ws.fitness_checks.is_empty() {
                return view! { <p class="kam-muted" data-testid="fitness-empty">{td_string!(locale, fitness.empty)}</p> }.into_any();
            }
            let rows = ws
                .fitness_checks
                .iter()
                .map(|record| {
                    let id = record.id;
                    let catalogue = ws.catalogue_for(record);
                    let result = catalogue.as_ref().map(|c| score(c, &record.check));
                    let total = catalogue.map(Catalogue::statement_count).unwrap_or(0);
                    let answered = catalogue.as_ref().map(|c| record.check.answered(c)).unwrap_or(0);
                    let overall = result.as_ref().and_then(|r| r.overall);
                    let level = overall
                        .and_then(|o| catalogue.as_ref().and_then(|c| c.level(o)).map(|l| text::bilingual(locale, &l.name)));
                    let link = if record.completed { td_string!(locale, fitness.show_result) } else { td_string!(locale, fitness.resume) };
                    view! {
                        <tr data-testid="fitness-row">
                            <td data-label=td_string!(locale, fitness.col_date)>{text::time(locale, record.created)}</td>
                            <th scope="row" data-label=td_string!(locale, fitness.col_who)>{who(locale, record)}</th>
                            <td data-label=td_string!(locale, fitness.col_progress)>{format!("{answered}/{total}")}</td>
                            <td class="kam-num" data-label=td_string!(locale, fitness.col_score)>
                                {overall.map(|o| text::percent(locale, o)).unwrap_or_else(|| "–".into())}
                            </td>
                            <td data-label=td_string!(locale, fitness.col_level)>{level.unwrap_or_default()}</td>
                            <td>
                                <div class="kam-actions">
                                    <A href=href(&format!("/fitness/{id}")) attr:class="kam-button">{link}</A>
                                    <button class="kam-button kam-button--quiet" on:click=move |_| store.delete_check(id)>{td_string!(locale, fitness.delete)}</button>
                                </div>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="kam-table kam-table--stack" data-testid="fitness-table">
                    <thead><tr>
                        <th scope="col">{td_string!(locale, fitness.col_date)}</th>
                        <th scope="col">{td_string!(locale, fitness.col_who)}</th>
                        <th scope="col">{td_string!(locale, fitness.col_progress)}</th>
                        <th scope="col" class="kam-num">{td_string!(locale, fitness.col_score)}</th>
                        <th scope="col">{td_string!(locale, fitness.col_level)}</th>
                        <th scope="col"><span class="kam-visually-hidden">{td_string!(locale, fitness.resume)}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
    };
    let csv = move |dialect: CsvDialect| {
        let locale = i18n.get_locale_untracked();
        let text = store.read_untracked(|ws| {
            let catalogue = ws.active_catalogue();
            let records: Vec<&FitnessRecord> = ws
                .fitness_checks
                .iter()
                .filter(|r| r.check.fits(catalogue))
                .collect();
            answers_csv(catalogue, &records, dialect, &answer_labels(locale))
        });
        let suffix = if dialect == CsvDialect::German {
            "de"
        } else {
            "en"
        };
        let _ = browser::download(
            &format!(
                "kam-fitness-antworten-{}-{suffix}.csv",
                browser::now().date_stamp()
            ),
            &text,
            "text/csv;charset=utf-8",
        );
    };
    let export_catalogue = move |_| {
        let json = serde_json::to_string_pretty(&catalogue.get_untracked()).unwrap_or_default();
        let _ = browser::download("kam-fitness-katalog.json", &json, "application/json");
    };
    let import_catalogue = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_files(&ev).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let locale = i18n.get_locale_untracked();
            let bytes = browser::read_file(&file).await.unwrap_or_default();
            let parsed = if bytes.len() > 1_000_000 {
                Err(td_string!(locale, error.read_failed).to_owned())
            } else {
                Catalogue::parse(&String::from_utf8_lossy(&bytes))
                    .map_err(|e| text::catalogue_error(locale, &e))
            };
            match parsed {
                Ok(own) => {
                    store.edit_part(Part::Fitness, |ws| *ws.fitness_catalogue = Some(own));
                    catalogue_message.set(Some(
                        td_string!(locale, fitness.catalogue_loaded).to_owned(),
                    ));
                }
                Err(detail) => catalogue_message.set(Some(td_string!(
                    locale,
                    fitness.catalogue_invalid,
                    detail = detail
                ))),
            }
        });
    };
    let has_own = move || store.read(Part::Fitness, |ws| ws.fitness_catalogue.is_some());
    let levels_error = RwSignal::new(false);
    let level_inputs = move || {
        let locale = i18n.get_locale();
        let levels = catalogue.get().levels;
        levels
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, level)| {
                let label = td_string!(locale, fitness.level_from, name = text::bilingual(locale, &level.name));
                let id = format!("level-{i}");
                view! {
                    <div class="kam-field">
                        <label for=id.clone()>{label}</label>
                        <input id=id type="number" min="1" max="99" step="1" data-testid=format!("level-{i}")
                            prop:value=level.from.to_string()
                            on:change:target=move |ev| {
                                let Some(value) = crate::domain::parse_decimal(&ev.target().value()) else { levels_error.set(true); return };
                                let current = catalogue.get_untracked();
                                let mut bounds: Vec<f64> = current.levels.iter().map(|l| l.from).collect();
                                bounds[i] = value;
                                match current.with_level_bounds(&bounds) {
                                    Ok(changed) => {
                                        levels_error.set(false);
                                        store.edit_part(Part::Fitness, |ws| *ws.fitness_catalogue = Some(changed));
                                    }
                                    Err(_) => levels_error.set(true),
                                }
                            }/>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="kam-page">
            <p class="kam-breadcrumb"><A href=href("/blocks/fit")>{move || text::block_name(i18n.get_locale(), crate::domain::BuildingBlock::Fit)}</A></p>
            <div class="kam-page__head">
                <div>
                    <h1>{t!(i18n, fitness.title)}</h1>
                    <p class="kam-lead">{move || { let locale = i18n.get_locale(); td_string!(locale, fitness.intro, statements = text::plural!(locale, count.statements, catalogue.with(Catalogue::statement_count))) }}</p>
                </div>
                <div class="kam-actions">
                    <button class="kam-button kam-button--primary" data-testid="start-check" on:click=start>{t!(i18n, fitness.start)}</button>
                    <A href=href("/fitness/group") attr:class="kam-button">{t!(i18n, fitness.group)}</A>
                </div>
            </div>
            <section class="kam-card">
                <h2>{t!(i18n, fitness.list_title)}</h2>
                {rows}
            </section>
            <div class="kam-columns">
                <section class="kam-card">
                    <h2>{t!(i18n, fitness.csv_title)}</h2>
                    <p>{t!(i18n, fitness.csv_body)}</p>
                    <div class="kam-actions">
                        <button class="kam-button" data-testid="csv-de" on:click=move |_| csv(CsvDialect::German)>{t!(i18n, fitness.csv_de)}</button>
                        <button class="kam-button" data-testid="csv-en" on:click=move |_| csv(CsvDialect::English)>{t!(i18n, fitness.csv_en)}</button>
                    </div>
                    <p><A href=href("/fitness/questionnaire")>{t!(i18n, fitness.questionnaire)}</A></p>
                </section>
                <section class="kam-card">
                    <h2>{t!(i18n, fitness.catalogue_title)}</h2>
                    <p>{t!(i18n, fitness.catalogue_body)}</p>
                    <p class="kam-muted">{move || { let locale = i18n.get_locale(); catalogue.with(|c| td_string!(locale, fitness.catalogue_active, id = c.id.clone(), version = c.version, statements = text::plural!(locale, count.statements, c.statement_count()))) }}</p>
                    <div class="kam-actions">
                        <button class="kam-button" on:click=export_catalogue>{t!(i18n, fitness.catalogue_export)}</button>
                        <label class="kam-button">
                            {t!(i18n, fitness.catalogue_import)}
                            <input type="file" class="kam-visually-hidden" accept=".json,application/json" on:change=import_catalogue/>
                        </label>
                        <Show when=has_own>
                            <button class="kam-button kam-button--quiet" on:click=move |_| store.edit_part(Part::Fitness, |ws| *ws.fitness_catalogue = None)>
                                {t!(i18n, fitness.catalogue_reset)}
                            </button>
                        </Show>
                    </div>
                    {move || catalogue_message.get().map(|m| view! { <p class="kam-note" role="status">{m}</p> })}
                </section>
            </div>
            <section class="kam-card">
                <h2>{t!(i18n, fitness.levels_title)}</h2>
                <p>{t!(i18n, fitness.levels_body)}</p>
                <div class="kam-toolbar">{level_inputs}</div>
                <Show when=move || levels_error.get()>
                    <p class="kam-note kam-note--error" role="alert" data-testid="levels-error">{t!(i18n, fitness.levels_invalid)}</p>
                </Show>
            </section>
        </section>
    }
}

/// One check: the questionnaire while it is open, the result when done.
#[component]
pub fn CheckPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let state = Memo::new(move |_| {
        let id = id.get()?;
        store.read(Part::Fitness, |ws| {
            ws.fitness_checks
                .iter()
                .find(|r| r.id == id)
                .map(|r| (r.completed, ws.catalogue_for(r).is_some()))
        })
    });
    move || {
        match (id.get(), state.get()) {
        (Some(id), Some((_, false))) => {
            let record = store.read_untracked(|ws| ws.fitness_checks.iter().find(|r| r.id == id).cloned());
            let (cid, version) = record.map(|r| (r.check.catalogue_id, r.check.catalogue_version)).unwrap_or_default();
            view! { <section class="kam-page"><p class="kam-note kam-note--error">{move || t_string!(i18n, fitness.other_catalogue, id = cid.clone(), version = version)}</p></section> }.into_any()
        }
        (Some(id), Some((true, true))) => view! { <CheckResult id/> }.into_any(),
        (Some(id), Some((false, true))) => view! { <CheckFlow id/> }.into_any(),
        _ => view! {
            <section class="kam-page kam-empty" data-testid="check-not-found">
                <h1>{t!(i18n, fitness.not_found)}</h1>
                <A href=href("/fitness") attr:class="kam-button kam-button--primary">{t!(i18n, fitness.title)}</A>
            </section>
        }
        .into_any(),
    }
    }
}

/// The questionnaire: details first, then one area per screen.
#[component]
fn CheckFlow(
    /// The check being answered.
    id: Uuid,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let record = Memo::new(move |_| {
        store.read(Part::Fitness, |ws| {
            ws.fitness_checks.iter().find(|r| r.id == id).cloned()
        })
    });
    let catalogue = Memo::new(move |_| {
        store.read(Part::Fitness, |ws| {
            ws.fitness_checks
                .iter()
                .find(|r| r.id == id)
                .and_then(|r| ws.catalogue_for(r).cloned())
        })
    });
    let area_count = move || catalogue.with(|c| c.as_ref().map(|c| c.areas.len()).unwrap_or(0));
    let step = move || {
        record
            .with(|r| r.as_ref().map(|r| r.step).unwrap_or(0))
            .min(area_count())
    };
    let go = move |next: usize| {
        let last = area_count();
        edit_check(id, |r| {
            if next > last {
                r.completed = true;
                r.step = last;
            } else {
                r.step = next;
            }
        });
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
        {
            main.scroll_into_view();
        }
    };
    let answered = move || {
        record.with(|r| {
            catalogue.with(|c| match (r, c) {
                (Some(r), Some(c)) => (r.check.answered(c), c.statement_count()),
                _ => (0, 0),
            })
        })
    };
    let progress = move || {
        let (done, total) = answered();
        if total == 0 {
            0.0
        } else {
            done as f64 / total as f64 * 100.0
        }
    };
    let details = move || {
        let text_field = move |id_attr: &'static str,
                               label: fn(Locale) -> &'static str,
                               get: fn(&FitnessCheck) -> String,
                               set: fn(&mut FitnessCheck, String)| {
            view! {
                <div class="kam-field">
                    <label for=id_attr>{move || label(i18n.get_locale())}</label>
                    <input id=id_attr type="text" maxlength="300"
                        prop:value=move || record.with(|r| r.as_ref().map(|r| get(&r.check)).unwrap_or_default())
                        on:change:target=move |ev| { let v = ev.target().value(); edit_check(id, |r| set(&mut r.check, v)); }/>
                </div>
            }
        };
        view! {
            <section class="kam-card" data-testid="check-details">
                <h2>{t!(i18n, fitness.details_title)}</h2>
                <p>{t!(i18n, fitness.details_body)}</p>
                <div class="kam-form__grid">
                    {text_field("check-respondent", |l| td_string!(l, fitness.field_respondent), |c| c.respondent.clone(), |c, v| c.respondent = v)}
                    {text_field("check-role", |l| td_string!(l, fitness.field_role), |c| c.role.clone(), |c, v| c.role = v)}
                    {text_field("check-unit", |l| td_string!(l, fitness.field_unit), |c| c.unit.clone(), |c, v| c.unit = v)}
                </div>
                <div class="kam-form__actions">
                    <button class="kam-button kam-button--primary" data-testid="check-begin" on:click=move |_| go(1)>{t!(i18n, fitness.begin)}</button>
                </div>
            </section>
        }
    };
    let area_screen = move |index: usize| {
        let Some(area) = catalogue.with(|c| c.as_ref().and_then(|c| c.areas.get(index).cloned()))
        else {
            return ().into_any();
        };
        let max = catalogue.with(|c| c.as_ref().map(|c| c.scale_max).unwrap_or(4));
        let area_id = area.id.clone();
        let statements = area
            .statements
            .iter()
            .enumerate()
            .map(|(k, statement)| {
                let sid = statement.id.clone();
                let current = {
                    let sid = sid.clone();
                    move || record.with(|r| r.as_ref().and_then(|r| r.check.answers.get(&sid).copied()))
                };
                let set = {
                    let sid = sid.clone();
                    move |answer: Answer| {
                        let sid = sid.clone();
                        edit_check(id, move |r| {
                            r.check.answers.insert(sid, answer);
                        })
                    }
                };
                let on_key = {
                    let set = set.clone();
                    move |ev: leptos::ev::KeyboardEvent| {
                        let key = ev.key();
                        if let Some(v) = key.parse::<u8>().ok().filter(|v| *v <= max) {
                            ev.prevent_default();
                            set(Answer::Score(v));
                        } else if matches!(key.as_str(), "w" | "W" | "d" | "D" | "?") {
                            ev.prevent_default();
                            set(Answer::DontKnow);
                        }
                    }
                };
                let name = format!("answer-{}", sid.replace('.', "-"));
                let options = (0..=max)
                    .map(|v| Some(Answer::Score(v)))
                    .chain(std::iter::once(Some(Answer::DontKnow)))
                    .flatten()
                    .map(|answer| {
                        let current = current.clone();
                        let set = set.clone();
                        let label = move || {
                            let locale = i18n.get_locale();
                            match answer {
                                Answer::Score(0) => format!("0 · {}", td_string!(locale, fitness.scale_0)),
                                Answer::Score(1) if max == 4 => format!("1 · {}", td_string!(locale, fitness.scale_1)),
                                Answer::Score(2) if max == 4 => format!("2 · {}", td_string!(locale, fitness.scale_2)),
                                Answer::Score(3) if max == 4 => format!("3 · {}", td_string!(locale, fitness.scale_3)),
                                Answer::Score(v) if v == max => format!("{v} · {}", td_string!(locale, fitness.scale_4)),
                                Answer::Score(v) => v.to_string(),
                                Answer::DontKnow => td_string!(locale, fitness.dont_know).to_owned(),
                            }
                        };
                        let value = match answer { Answer::Score(v) => v.to_string(), Answer::DontKnow => "dont_know".into() };
                        view! {
                            <label class="kam-scale__option" class:kam-scale__option--dontknow=answer == Answer::DontKnow>
                                <input type="radio" name=name.clone() value=value
                                    prop:checked=move || current() == Some(answer)
                                    on:change=move |_| set(answer)/>
                                <span>{label}</span>
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="kam-statement" data-testid="statement" data-statement=sid.clone() on:keydown=on_key>
                        <legend><span class="kam-statement__number">{k + 1}"."</span>" "{let s = statement.text.clone(); move || text::bilingual(i18n.get_locale(), &s)}</legend>
                        <div class="kam-scale">{options}</div>
                    </fieldset>
                }
            })
            .collect_view();
        let comment_id = area_id.clone();
        let title = area.title.clone();
        let total = area_count();
        view! {
            <section class="kam-card" data-testid="check-area" data-area=area_id.clone()>
                <p class="kam-muted">{move || t_string!(i18n, fitness.area_of, n = index + 1, total = total)}</p>
                <h2>{move || text::bilingual(i18n.get_locale(), &title)}</h2>
                <p class="kam-muted kam-hint">{t!(i18n, fitness.keyboard_hint)}</p>
                {statements}
                <div class="kam-field kam-field--wide">
                    <label for="check-comment">{t!(i18n, fitness.comment)}</label>
                    <textarea id="check-comment" rows="3" maxlength="20000"
                        prop:value=move || record.with(|r| r.as_ref().and_then(|r| r.check.comments.get(&comment_id).cloned()).unwrap_or_default())
                        on:change:target={
                            let area_id = area_id.clone();
                            move |ev| {
                                let v = ev.target().value();
                                let area_id = area_id.clone();
                                edit_check(id, move |r| { if v.trim().is_empty() { r.check.comments.remove(&area_id); } else { r.check.comments.insert(area_id, v); } });
                            }
                        }
                    ></textarea>
                </div>
                <div class="kam-form__actions">
                    <button class="kam-button" data-testid="check-back" on:click=move |_| go(index)>{t!(i18n, fitness.back)}</button>
                    <button class="kam-button kam-button--primary" data-testid="check-next" on:click=move |_| go(index + 2)>
                        {move || if index + 1 == total { t_string!(i18n, fitness.finish) } else { t_string!(i18n, fitness.next) }}
                    </button>
                </div>
            </section>
        }
        .into_any()
    };
    view! {
        <section class="kam-page">
            <p class="kam-breadcrumb"><A href=href("/fitness")>{t!(i18n, fitness.title)}</A></p>
            <h1>{t!(i18n, fitness.title)}</h1>
            <div class="kam-progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                aria-valuenow=move || format!("{:.0}", progress()) data-testid="check-progress">
                <div class="kam-progress__bar" style:width=move || format!("{:.1}%", progress())></div>
            </div>
            <p class="kam-muted">{move || { let (a, t) = answered(); let locale = i18n.get_locale(); td_string!(locale, fitness.progress, answered = a, statements = text::plural!(locale, count.statements, t)) }}</p>
            {move || if step() == 0 { details().into_any() } else { area_screen(step() - 1) }}
        </section>
    }
}

/// The result of a finished check: scores, level, charts, advice, compare.
#[component]
fn CheckResult(
    /// The finished check.
    id: Uuid,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let compare_with = RwSignal::new(None::<Uuid>);
    let data = Memo::new(move |_| {
        store.read(Part::Fitness, |ws| {
            let record = ws.fitness_checks.iter().find(|r| r.id == id)?.clone();
            let catalogue = ws.catalogue_for(&record)?.clone();
            let result = score(&catalogue, &record.check);
            let others: Vec<(Uuid, String, CheckScore)> = ws
                .fitness_checks
                .iter()
                .filter(|r| r.id != id && r.check.fits(&catalogue))
                .map(|r| {
                    (
                        r.id,
                        format!("{} · {}", r.created.date_stamp(), r.check.respondent),
                        score(&catalogue, &r.check),
                    )
                })
                .collect();
            Some((record, catalogue, result, others))
        })
    });
    let reopen = move |_| {
        edit_check(id, |r| {
            r.completed = false;
            r.step = 1;
        })
    };
    move || {
        let locale = i18n.get_locale();
        let Some((record, catalogue, result, others)) = data.get() else {
            return ().into_any();
        };
        let pct = move |v: f64| text::percent(locale, v);
        let axes: Vec<String> = catalogue
            .areas
            .iter()
            .map(|a| text::bilingual(locale, &a.title))
            .collect();
        let mut series = vec![RadarSeries {
            label: td_string!(locale, fitness.this_check).to_owned(),
            values: result.areas.iter().map(|a| a.percent).collect(),
            color: SeriesColor::Primary,
        }];
        let earlier = compare_with
            .get()
            .and_then(|other| others.iter().find(|(oid, _, _)| *oid == other).cloned());
        if let Some((_, label, other)) = &earlier {
            series.push(RadarSeries {
                label: label.clone(),
                values: other.areas.iter().map(|a| a.percent).collect(),
                color: SeriesColor::Earlier,
            });
        }
        let radar_svg = radar(&axes, &series, &percent_rings(&pct));
        let bars_svg = area_bars(
            &axes
                .iter()
                .cloned()
                .zip(result.areas.iter().map(|a| a.percent))
                .collect::<Vec<_>>(),
            td_string!(locale, fitness.no_answers),
            &pct,
        );
        let changes = earlier
            .as_ref()
            .map(|(_, _, other)| compare(other, &result));
        let level = result
            .overall
            .and_then(|o| catalogue.level(o))
            .map(|l| text::bilingual(locale, &l.name));
        let weakest = weakest_areas(&result, 3)
            .into_iter()
            .filter_map(|a| catalogue.areas.iter().find(|c| c.id == a.area_id).map(|c| (c.clone(), a.percent)))
            .map(|(area, percent)| {
                let block = text::block_of_chapter(&area.chapter);
                view! {
                    <li class="kam-card kam-advice" data-testid="weak-area">
                        <h3>{text::bilingual(locale, &area.title)}" · "{percent.map(pct).unwrap_or_default()}</h3>
                        <p>{text::bilingual(locale, &area.advice)}</p>
                        <p class="kam-muted">
                            <A href=href(&format!("/blocks/{}", block.slug()))>
                                {td_string!(locale, fitness.weakest_chapter, chapter = area.chapter.clone(), block = text::block_name(locale, block))}
                            </A>
                        </p>
                    </li>
                }
            })
            .collect_view();
        let table_rows = catalogue
            .areas
            .iter()
            .zip(&result.areas)
            .enumerate()
            .map(|(i, (area, s))| {
                let change = changes.as_ref().and_then(|c| c.get(i)).and_then(|(_, d)| *d);
                view! {
                    <tr data-testid="area-row">
                        <th scope="row">{text::bilingual(locale, &area.title)}</th>
                        <td class="kam-num" data-label=td_string!(locale, fitness.col_percent)>{s.percent.map(pct).unwrap_or_else(|| td_string!(locale, fitness.no_answers).to_owned())}</td>
                        <td data-label=td_string!(locale, fitness.col_counts)>{td_string!(locale, fitness.counts, scored = s.scored, dont_know = s.dont_know, open = s.open)}</td>
                        {changes.is_some().then(|| view! { <td class="kam-num" data-label=td_string!(locale, fitness.compare_change)>{change.map(|d| format!("{:+.0}", d)).unwrap_or_else(|| "–".into())}</td> })}
                        <td data-label=td_string!(locale, fitness.col_comment)>{record.check.comments.get(&area.id).cloned().unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view();
        let options = others
            .iter()
            .map(|(oid, label, _)| view! { <option value=oid.to_string()>{label.clone()}</option> })
            .collect_view();
        let record_for_export = record.clone();
        view! {
            <section class="kam-page kam-result" data-testid="check-result">
                <p class="kam-breadcrumb"><A href=href("/fitness")>{td_string!(locale, fitness.title)}</A></p>
                <div class="kam-page__head">
                    <div>
                        <h1>{td_string!(locale, fitness.result_title)}</h1>
                        <p class="kam-muted">{who(locale, &record)}" · "{text::time(locale, record.created)}</p>
                    </div>
                    <div class="kam-actions">
                        <button class="kam-button" on:click=reopen>{td_string!(locale, fitness.edit_answers)}</button>
                        <button class="kam-button" data-testid="export-check" on:click=move |_| export_check(&record_for_export)>{td_string!(locale, fitness.export_check)}</button>
                        <button class="kam-button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{td_string!(locale, fitness.print)}</button>
                    </div>
                </div>
                <div class="kam-score">
                    <div class="kam-score__value" data-testid="overall-score">
                        <span class="kam-muted">{td_string!(locale, fitness.overall)}</span>
                        <strong>{result.overall.map(pct).unwrap_or_else(|| td_string!(locale, fitness.no_score).to_owned())}</strong>
                    </div>
                    <div class="kam-score__value" data-testid="level">
                        <span class="kam-muted">{td_string!(locale, fitness.level)}</span>
                        <strong>{level.unwrap_or_else(|| "–".into())}</strong>
                    </div>
                </div>
                <div class="kam-columns kam-charts">
                    <section class="kam-card">
                        <h2>{td_string!(locale, fitness.radar_title)}</h2>
                        <div class="kam-chart" data-testid="radar" inner_html=radar_svg></div>
                    </section>
                    <section class="kam-card">
                        <h2>{td_string!(locale, fitness.bars_title)}</h2>
                        <div class="kam-chart" data-testid="bars" inner_html=bars_svg></div>
                    </section>
                </div>
                <h2>{td_string!(locale, fitness.weakest_title)}</h2>
                <ol class="kam-advice-list">{weakest}</ol>
                <section class="kam-card">
                    <div class="kam-toolbar">
                        <label class="kam-field">
                            <span>{td_string!(locale, fitness.compare_title)}</span>
                            <select data-testid="compare-select" on:change:target=move |ev| compare_with.set(Uuid::parse_str(&ev.target().value()).ok())
                                prop:value=move || compare_with.get().map(|u| u.to_string()).unwrap_or_default()>
                                <option value="">{td_string!(locale, fitness.compare_none)}</option>
                                {options}
                            </select>
                        </label>
                    </div>
                    <div class="kam-table-wrap">
                        <table class="kam-table kam-table--stack">
                            <thead><tr>
                                <th scope="col">{td_string!(locale, fitness.col_area)}</th>
                                <th scope="col" class="kam-num">{td_string!(locale, fitness.col_percent)}</th>
                                <th scope="col">{td_string!(locale, fitness.col_counts)}</th>
                                {changes.is_some().then(|| view! { <th scope="col" class="kam-num">{td_string!(locale, fitness.compare_change)}</th> })}
                                <th scope="col">{td_string!(locale, fitness.col_comment)}</th>
                            </tr></thead>
                            <tbody>{table_rows}</tbody>
                        </table>
                    </div>
                    <p class="kam-muted kam-method">{td_string!(locale, fitness.method, levels = catalogue.levels.iter().map(|l| td_string!(locale, fitness.level_range, name = text::bilingual(locale, &l.name), from = text::percent(locale, l.from))).collect::<Vec<_>>().join(" · "))}</p>
                </section>
            </section>
        }
        .into_any()
    }
}

/// A blank questionnaire for printing.
#[component]
pub fn QuestionnairePage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    move || {
        let locale = i18n.get_locale();
        let catalogue = store.read(Part::Fitness, |ws| ws.active_catalogue().clone());
        let max = catalogue.scale_max;
        // A closure, not a cloned view: erased views (release build) are not `Clone`.
        let header = move || {
            (0..=max)
                .map(|v| view! { <th scope="col" class="kam-num">{v}</th> })
                .collect_view()
        };
        let areas = catalogue
            .areas
            .iter()
            .map(|area| {
                let rows = area
                    .statements
                    .iter()
                    .map(|s| {
                        let boxes = (0..=max + 1).map(|_| view! { <td class="kam-box">"☐"</td> }).collect_view();
                        view! { <tr><th scope="row">{text::bilingual(locale, &s.text)}</th>{boxes}</tr> }
                    })
                    .collect_view();
                view! {
                    <section class="kam-questionnaire__area">
                        <h2>{text::bilingual(locale, &area.title)}</h2>
                        <table class="kam-table kam-questionnaire">
                            <thead><tr><th scope="col"></th>{header()}<th scope="col">{td_string!(locale, fitness.dont_know)}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </section>
                }
            })
            .collect_view();
        view! {
            <section class="kam-page" data-testid="questionnaire">
                <p class="kam-breadcrumb"><A href=href("/fitness")>{td_string!(locale, fitness.title)}</A></p>
                <div class="kam-page__head">
                    <h1>{td_string!(locale, fitness.questionnaire_title)}</h1>
                    <button class="kam-button kam-button--primary" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{td_string!(locale, fitness.print)}</button>
                </div>
                <p>{td_string!(locale, fitness.questionnaire_intro)}</p>
                <p class="kam-questionnaire__who">{td_string!(locale, fitness.questionnaire_who)}</p>
                {areas}
            </section>
        }
    }
}

/// The words of the answers CSV in the UI language.
fn answer_labels(locale: Locale) -> AnswerLabels {
    AnswerLabels {
        header: [
            td_string!(locale, fitness.csv_respondent),
            td_string!(locale, fitness.csv_role),
            td_string!(locale, fitness.csv_unit),
            td_string!(locale, fitness.csv_date),
            td_string!(locale, fitness.csv_area),
            td_string!(locale, fitness.csv_statement_id),
            td_string!(locale, fitness.csv_statement),
            td_string!(locale, fitness.csv_answer),
            td_string!(locale, fitness.csv_scale_max),
        ]
        .map(String::from),
        dont_know: td_string!(locale, fitness.dont_know).to_owned(),
        language: match locale {
            Locale::de => Language::German,
            Locale::en => Language::English,
        },
    }
}
