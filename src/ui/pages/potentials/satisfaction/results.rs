//! The results of a satisfaction survey: the NPS with its three groups and
//! bars (this survey and the one before), the importance–satisfaction grid
//! with the attributes of each field, and the comparison with the survey
//! before; printable on one sheet.

use super::super::requirements::quadrant_name;
use super::super::tool_page;
use super::{nps_text, page_tabs, shown_survey, signed, survey_label, SurveyPicker};
use crate::charts::requirements::{ipa_grid, GridText};
use crate::charts::satisfaction::{grid_points, nps_bars, NpsRow, NpsText};
use crate::domain::potentials::requirements::Quadrant;
use crate::domain::processes::satisfaction::{previous, SatisfactionTool, Survey, Surveys};
use crate::ui::i18n::*;
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the results of the surveys of the key account in the address.
#[component]
pub fn SatisfactionResultsPage() -> impl IntoView {
    tool_page::<SatisfactionTool, _, _>(
        |locale| td_string!(locale, sat.results_title),
        |locale| td_string!(locale, sat.results_intro),
        |account, data| view! { <Results account data/> },
    )
}

#[component]
fn Results(account: Uuid, data: Memo<Surveys>) -> impl IntoView {
    let i18n = use_i18n();
    let (chosen, current) = shown_survey(data);
    let survey = Memo::new(move |_| {
        let id = current.get();
        data.with(|d| d.surveys.iter().find(|s| Some(s.id) == id).cloned())
    });
    let before = Memo::new(move |_| {
        survey.with(|s| {
            s.as_ref()
                .and_then(|s| data.with(|d| previous(&d.surveys, s).cloned()))
        })
    });
    view! {
        {page_tabs(account, current, "/results")}
        <SurveyPicker data chosen current/>
        {move || match survey.get() {
            None => view! { <p class="kam-muted" data-testid="sat-results-empty">{t!(i18n, sat.results_empty)}</p> }.into_any(),
            Some(s) => {
                let now = Memo::new(move |_| survey.get().unwrap_or_default());
                view! {
                    <section class="kam-card kam-sat__results" aria-labelledby="sat-results-title" data-testid="sat-results">
                        <h2 id="sat-results-title">{move || survey_label(i18n.get_locale(), &now.get())}</h2>
                        {(s.items.is_empty() && s.nps().is_none()).then(|| view! { <p class="kam-muted">{t!(i18n, sat.results_nothing)}</p> })}
                        <SurveyResults survey=now before/>
                    </section>
                }
                .into_any()
            }
        }}
    }
}

/// The NPS, the grid and the comparison with the survey before.
#[component]
fn SurveyResults(survey: Memo<Survey>, before: Memo<Option<Survey>>) -> impl IntoView {
    let i18n = use_i18n();
    let nps = move || {
        let locale = i18n.get_locale();
        match survey.with(Survey::nps) {
            None => view! { <p class="kam-muted" data-testid="sat-nps-none">{t!(i18n, sat.nps_none)}</p> }.into_any(),
            Some(n) => {
                let total = n.answers() as f64;
                let share = |count: u64| text::percent(locale, 100.0 * count as f64 / total);
                view! {
                    <p class="kam-sat__nps"><span class="kam-sat__nps-score" data-testid="sat-nps">{td_string!(locale, sat.nps_value, score = nps_text(&n))}</span>
                        " "<span class="kam-muted" data-testid="sat-nps-n">{td_string!(locale, sat.answers, n = n.answers())}</span></p>
                    <ul class="kam-sat__groups" data-testid="sat-groups">
                        <li>{td_string!(locale, sat.promoters, n = n.promoters, share = share(n.promoters))}</li>
                        <li>{td_string!(locale, sat.passives, n = n.passives, share = share(n.passives))}</li>
                        <li>{td_string!(locale, sat.detractors, n = n.detractors, share = share(n.detractors))}</li>
                    </ul>
                }
                .into_any()
            }
        }
    };
    let bars = move || {
        let locale = i18n.get_locale();
        let row = |s: &Survey| NpsRow {
            label: match s.nps() {
                Some(n) => format!(
                    "{} · {} · {}",
                    survey_label(locale, s),
                    td_string!(locale, sat.nps_value, score = nps_text(&n)),
                    td_string!(locale, sat.answers, n = n.answers())
                ),
                None => survey_label(locale, s),
            },
            nps: s.nps(),
        };
        let mut rows = vec![survey.with(row)];
        if let Some(b) = before.get() {
            rows.push(row(&b));
        }
        nps_bars(
            &rows,
            &NpsText {
                detractors: td_string!(locale, sat.detractors_short).to_owned(),
                passives: td_string!(locale, sat.passives_short).to_owned(),
                promoters: td_string!(locale, sat.promoters_short).to_owned(),
                no_answers: td_string!(locale, sat.nps_none).to_owned(),
            },
            &|v| text::percent(locale, v),
        )
    };
    let grid = move || {
        let locale = i18n.get_locale();
        survey.with(|s| {
            ipa_grid(
                &grid_points(&s.items),
                &GridText {
                    quadrants: Quadrant::ALL.map(|q| quadrant_name(locale, q).to_owned()),
                    importance: td_string!(locale, sat.axis_importance).to_owned(),
                    performance: td_string!(locale, sat.axis_satisfaction).to_owned(),
                },
            )
        })
    };
    let fields = move || {
        let locale = i18n.get_locale();
        survey.with(|s| {
            Quadrant::ALL
                .into_iter()
                .map(|q| {
                    let names = s
                        .items
                        .iter()
                        .enumerate()
                        .filter(|(_, i)| i.quadrant() == Some(q))
                        .map(|(n, i)| format!("{} {}", n + 1, i.name))
                        .collect::<Vec<_>>();
                    let list = if names.is_empty() { "–".to_owned() } else { names.join(", ") };
                    view! { <li data-testid="sat-field"><strong>{quadrant_name(locale, q)}": "</strong>{list}</li> }
                })
                .collect::<Vec<_>>()
        })
    };
    let comparison = move || {
        let locale = i18n.get_locale();
        let b = before.get()?;
        let now = survey.get();
        let change = now.compare(&b);
        let rows = change
            .items
            .iter()
            .map(|c| {
                let name = now.items.iter().find(|i| i.id == c.item).map(|i| i.name.clone()).unwrap_or_default();
                let cell = |v: Option<f64>| v.map_or("–".to_owned(), |v| signed(locale, v));
                view! { <tr><td>{name}</td><td>{cell(c.importance)}</td><td>{cell(c.satisfaction)}</td></tr> }
            })
            .collect::<Vec<_>>();
        let new_items = change
            .new_items
            .iter()
            .filter_map(|id| {
                now.items
                    .iter()
                    .find(|i| i.id == *id)
                    .map(|i| i.name.clone())
            })
            .collect::<Vec<_>>();
        Some(view! {
            <section class="kam-sat__compare" data-testid="sat-compare">
                <h3>{td_string!(locale, sat.compare_title, before = survey_label(locale, &b))}</h3>
                <p data-testid="sat-compare-nps">{match change.nps {
                    Some(d) => td_string!(locale, sat.compare_nps, change = signed(locale, d)),
                    None => td_string!(locale, sat.compare_no_nps).to_owned(),
                }}</p>
                {(!rows.is_empty()).then(|| view! {
                    <div class="kam-table-wrap">
                        <table class="kam-table">
                            <thead><tr><th scope="col">{t!(i18n, sat.col_item)}</th><th scope="col">{t!(i18n, sat.col_importance_change)}</th><th scope="col">{t!(i18n, sat.col_satisfaction_change)}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                })}
                {(!new_items.is_empty()).then(|| view! { <p class="kam-muted">{td_string!(locale, sat.new_items, names = new_items.join(", "))}</p> })}
            </section>
        })
    };
    view! {
        <h3>{t!(i18n, sat.nps_title)}</h3>
        <p class="kam-muted kam-no-print">{t!(i18n, sat.nps_help)}</p>
        {nps}
        <div class="kam-chart kam-sat__bars" data-testid="sat-nps-chart" inner_html=bars></div>
        <h3>{t!(i18n, sat.grid_title)}</h3>
        <div class="kam-chart kam-sat__grid" data-testid="sat-grid" inner_html=grid></div>
        <ul class="kam-sat__fields">{fields}</ul>
        {comparison}
    }
}
