//! The group evaluation of Fitness-Checks for a team or a seminar.

use crate::charts::{percent_rings, radar, RadarSeries, SeriesColor};
use crate::domain::fitness::{group_summary, score, FitnessRecord};
use crate::domain::{plan_import, ImportMode, RecordDecision, Workspace};
use crate::storage::{browser, decode_stored_fit, MAX_FILE_BYTES};
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;

/// Import many participants' files; aggregates per area and statement.
#[component]
pub fn FitnessGroupPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let anonymous = RwSignal::new(false);
    let messages = RwSignal::new(Vec::<String>::new());
    let drag_over = RwSignal::new(false);

    let take_files = move |files: Vec<web_sys::File>| {
        leptos::task::spawn_local(async move {
            let locale = i18n.get_locale_untracked();
            let mut notes = Vec::new();
            let mut incoming = Workspace::default();
            for file in files {
                let name = file.name();
                let size = file.size() as usize;
                let decoded = if size > MAX_FILE_BYTES {
                    Err(crate::storage::DecodeError::TooLarge {
                        bytes: size,
                        max: MAX_FILE_BYTES,
                    })
                } else {
                    match browser::read_file(&file).await {
                        Ok(bytes) => decode_stored_fit(&bytes),
                        Err(_) => Err(crate::storage::DecodeError::Empty),
                    }
                };
                match decoded {
                    Ok(d) if d.workspace.fitness_checks.is_empty() => {
                        notes.push(td_string!(locale, fitness.group_no_checks, file = name))
                    }
                    Ok(d) => {
                        for record in d.workspace.fitness_checks.iter().cloned() {
                            // The same check twice in one drop: keep the newer.
                            match incoming
                                .fitness_checks
                                .iter_mut()
                                .find(|r| r.id == record.id)
                            {
                                Some(existing) if existing.modified >= record.modified => {}
                                Some(existing) => *existing = record,
                                None => incoming.fitness_checks.push(record),
                            }
                        }
                    }
                    Err(error) => notes.push(td_string!(
                        locale,
                        fitness.group_file_error,
                        file = name,
                        detail = text::decode_error(locale, &error)
                    )),
                }
            }
            let count = incoming.fitness_checks.len();
            if count > 0 {
                // Adding participants never removes anything: merge by id.
                let mut stays_deleted = 0;
                let merged = store.try_edit(|ws| {
                    let plan = plan_import(ws, &incoming, ImportMode::Merge);
                    stays_deleted = plan.count(RecordDecision::StaysDeleted);
                    *ws = plan.result;
                });
                // Checks deleted here after the file was made stay deleted.
                let count = count - stays_deleted;
                match merged {
                    Ok(()) => notes.insert(0, text::plural!(locale, fitness.group_added, count)),
                    Err(error) => notes.insert(0, text::workspace_error(locale, &error)),
                }
            }
            messages.set(notes);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| take_files(browser::picked_files(&ev));
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        drag_over.set(false);
        take_files(browser::dropped_files(&ev));
    };

    let evaluation = move || {
        let locale = i18n.get_locale();
        let hide = anonymous.get();
        store.read(Part::Fitness, |ws| {
            let catalogue = ws.active_catalogue();
            let records: Vec<&FitnessRecord> =
                ws.fitness_checks.iter().filter(|r| !r.check.answers.is_empty()).collect();
            if records.is_empty() {
                return view! { <p class="kam-muted" data-testid="group-empty">{td_string!(locale, fitness.group_empty)}</p> }.into_any();
            }
            let checks: Vec<_> = records.iter().map(|r| r.check.clone()).collect();
            let summary = group_summary(catalogue, &checks);
            let name_of = |i: usize, r: &FitnessRecord| {
                if hide || r.check.respondent.trim().is_empty() {
                    td_string!(locale, fitness.person, n = i + 1)
                } else {
                    r.check.respondent.clone()
                }
            };
            let excluded_note = (!summary.excluded.is_empty()).then(|| {
                let names = summary.excluded.iter().map(|&i| name_of(i, records[i])).collect::<Vec<_>>().join(", ");
                view! { <p class="kam-note" data-testid="group-excluded">{text::plural!(locale, fitness.excluded, summary.excluded.len(), names = names)}</p> }
            });
            let n = records.len() - summary.excluded.len();
            let pct = move |v: f64| text::percent(locale, v);
            let axes: Vec<String> = catalogue.areas.iter().map(|a| text::bilingual(locale, &a.title)).collect();
            let means: Vec<Option<f64>> = summary.areas.iter().map(|(_, s)| s.as_ref().map(|s| s.mean)).collect();
            let radar_svg = radar(
                &axes,
                &[RadarSeries { label: td_string!(locale, fitness.group_mean).to_owned(), values: means, color: SeriesColor::Group }],
                &percent_rings(&pct),
            );
            let stat_cells = |s: &Option<crate::domain::fitness::Stats>, fmt: &dyn Fn(f64) -> String| match s {
                Some(s) => view! {
                    <td class="kam-num">{s.n}</td>
                    <td class="kam-num">{fmt(s.mean)}</td>
                    <td class="kam-num">{fmt(s.min)}</td>
                    <td class="kam-num">{fmt(s.max)}</td>
                    <td class="kam-num">{fmt(s.sd)}</td>
                }
                .into_any(),
                None => view! { <td class="kam-num">"0"</td><td colspan="4" class="kam-muted">{td_string!(locale, fitness.no_answers)}</td> }.into_any(),
            };
            // A closure, not a cloned view: erased views (release build) are not `Clone`.
            let stat_head = move || view! {
                <th scope="col" class="kam-num">{td_string!(locale, fitness.col_n)}</th>
                <th scope="col" class="kam-num">{td_string!(locale, fitness.col_mean)}</th>
                <th scope="col" class="kam-num">{td_string!(locale, fitness.col_min)}</th>
                <th scope="col" class="kam-num">{td_string!(locale, fitness.col_max)}</th>
                <th scope="col" class="kam-num">{td_string!(locale, fitness.col_sd)}</th>
            };
            let area_rows = catalogue
                .areas
                .iter()
                .zip(&summary.areas)
                .map(|(area, (_, stats))| view! {
                    <tr data-testid="group-area"><th scope="row">{text::bilingual(locale, &area.title)}</th>{stat_cells(stats, &pct)}</tr>
                })
                .collect_view();
            let one_decimal = move |v: f64| text::decimal(locale, v);
            let statement_text = |id: &str| {
                catalogue.areas.iter().flat_map(|a| &a.statements).find(|s| s.id == id).map(|s| text::bilingual(locale, &s.text)).unwrap_or_default()
            };
            let widest: Vec<String> = summary.disagreement.iter().take(5).cloned().collect();
            let no_spread = widest.is_empty().then(|| view! {
                <p class="kam-note" data-testid="no-disagreement">{td_string!(locale, fitness.disagreement_none)}</p>
            });
            let disagreement = widest
                .iter()
                .map(|id| {
                    let sd = summary.statements.iter().find(|(sid, _, _)| sid == id).and_then(|(_, s, _)| s.as_ref().map(|s| s.sd)).unwrap_or(0.0);
                    view! { <li data-testid="disagreement">{statement_text(id)}" "<span class="kam-badge">{format!("σ {}", one_decimal(sd))}</span></li> }
                })
                .collect_view();
            let statement_rows = summary
                .statements
                .iter()
                .map(|(id, stats, dont_know)| {
                    let wide = widest.contains(id);
                    view! {
                        <tr class:kam-row--change=wide data-testid="group-statement">
                            <th scope="row">{statement_text(id)}</th>
                            {stat_cells(stats, &one_decimal)}
                            <td class="kam-num">{*dont_know}</td>
                        </tr>
                    }
                })
                .collect_view();
            let participants = records
                .iter()
                .enumerate()
                .filter(|(i, _)| !summary.excluded.contains(i))
                .map(|(i, r)| {
                    let overall = score(catalogue, &r.check).overall;
                    view! {
                        <tr data-testid="participant">
                            <th scope="row">{name_of(i, r)}</th>
                            <td>{if hide { String::new() } else { r.check.unit.clone() }}</td>
                            <td class="kam-num">{overall.map(pct).unwrap_or_else(|| "–".into())}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                {excluded_note}
                <p class="kam-summary" data-testid="group-n">{text::plural!(locale, fitness.group_n, n)}</p>
                <div class="kam-columns kam-charts">
                    <section class="kam-card">
                        <h2>{td_string!(locale, fitness.radar_title)}</h2>
                        <div class="kam-chart" inner_html=radar_svg></div>
                    </section>
                    <section class="kam-card">
                        <h2>{td_string!(locale, fitness.disagreement_title)}</h2>
                        <p class="kam-muted">{td_string!(locale, fitness.disagreement_body)}</p>
                        {no_spread}
                        <ol class="kam-disagreement">{disagreement}</ol>
                    </section>
                </div>
                <section class="kam-card">
                    <h2>{td_string!(locale, fitness.by_area)}</h2>
                    <div class="kam-table-wrap"><table class="kam-table" data-testid="group-areas">
                        <thead><tr><th scope="col">{td_string!(locale, fitness.col_area)}</th>{stat_head()}</tr></thead>
                        <tbody>{area_rows}</tbody>
                    </table></div>
                </section>
                <section class="kam-card">
                    <h2>{td_string!(locale, fitness.statements_title)}</h2>
                    <div class="kam-table-wrap"><table class="kam-table" data-testid="group-statements">
                        <thead><tr><th scope="col"></th>{stat_head()}<th scope="col" class="kam-num">{td_string!(locale, fitness.col_dont_know)}</th></tr></thead>
                        <tbody>{statement_rows}</tbody>
                    </table></div>
                </section>
                <section class="kam-card">
                    <h2>{td_string!(locale, fitness.participants)}</h2>
                    <table class="kam-table" data-testid="participants"><tbody>{participants}</tbody></table>
                </section>
            }
            .into_any()
        })
    };
    view! {
        <section class="kam-page"
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); drag_over.set(true); }
            on:dragleave=move |_| drag_over.set(false)
            on:drop=on_drop>
            <p class="kam-breadcrumb"><A href=href("/fitness")>{t!(i18n, fitness.title)}</A></p>
            <h1>{t!(i18n, fitness.group_title)}</h1>
            <p class="kam-lead">{t!(i18n, fitness.group_intro)}</p>
            <div class="kam-toolbar">
                <label class="kam-drop kam-drop--inline" class:kam-drop--active=move || drag_over.get() data-testid="group-drop">
                    <span class="kam-drop__title">{t!(i18n, fitness.group_drop)}</span>
                    <span class="kam-button">{t!(i18n, fitness.group_import)}</span>
                    <input type="file" multiple=true class="kam-visually-hidden" accept=".json,application/json"
                        data-testid="group-files" on:change=on_pick/>
                </label>
                <label class="kam-choice">
                    <input type="checkbox" data-testid="anonymous" prop:checked=move || anonymous.get()
                        on:change:target=move |ev| anonymous.set(ev.target().checked())/>
                    <span>{t!(i18n, fitness.anonymous)}</span>
                </label>
            </div>
            {move || {
                let list = messages.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="kam-note" role="status" data-testid="group-messages">
                        {list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                })
            }}
            {evaluation}
        </section>
    }
}
