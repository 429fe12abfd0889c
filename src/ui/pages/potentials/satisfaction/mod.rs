//! The customer satisfaction analysis of one key account (block "Prozesse
//! und Tools"): its surveys, each with attributes rated by importance and
//! satisfaction, the answers to the recommendation question and the NPS,
//! the importance–satisfaction grid, and the comparison with the survey
//! before. A survey is entered by hand or read from a CSV file of answers
//! (`storage::survey_csv`); a file row with a problem is left out whole and
//! listed with its line and column.

mod import;
mod results;

pub use import::SatisfactionImportPage;
pub use results::SatisfactionResultsPage;

use super::requirements::quadrant_name;
use super::{
    change_with_undo, error_at, record_page, record_tabs, show_at, shown_record, today, tool_page,
    update_tool, FieldError, RecordPicker, Tab,
};
use crate::domain::processes::satisfaction::{
    item_key, Item, Nps, SatisfactionTool, Score, Survey, Surveys, MAX_ANSWERS, NPS_MAX,
    RATING_MAX, RATING_MIN,
};
use crate::domain::time::Day;
use crate::ui::i18n::*;
use crate::ui::store::use_store;
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the satisfaction surveys of the key account in the address.
#[component]
pub fn SatisfactionPage() -> impl IntoView {
    tool_page::<SatisfactionTool, _, _>(
        |locale| td_string!(locale, sat.title),
        |locale| td_string!(locale, sat.intro),
        |account, data| view! { <SatisfactionEditor account data/> },
    )
}

/// "NPS +10" as the page writes the score (rounded half away from zero).
fn nps_text(nps: &Nps) -> String {
    // With the typographic minus, as the comparison writes it.
    let score = nps.rounded();
    match score.signum() {
        1 => format!("+{score}"),
        -1 => format!("−{}", score.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

/// A survey's name in lists: its title, else "Befragung", with its date.
fn survey_label(locale: Locale, survey: &Survey) -> String {
    let title = if survey.title.trim().is_empty() {
        td_string!(locale, sat.untitled).to_owned()
    } else {
        survey.title.clone()
    };
    match survey.date {
        Some(day) => format!("{title} · {}", text::date(locale, &day.iso())),
        None => title,
    }
}

/// A change in points, with its sign: `+0,4` / `−0,2`.
fn signed(locale: Locale, value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let body = text::decimal(locale, rounded.abs());
    if rounded > 0.0 {
        format!("+{body}")
    } else if rounded < 0.0 {
        format!("−{body}")
    } else {
        body
    }
}

/// The survey a page shows: the one chosen (or named in the address) while
/// it exists, else the newest.
fn shown_survey(data: Memo<Surveys>) -> (RwSignal<Option<Uuid>>, Memo<Option<Uuid>>) {
    shown_record(data, "survey", |d| {
        d.newest_first().iter().map(|s| s.id).collect()
    })
}

/// The address of a page of the analysis for one account and survey.
fn page_of(page: &str, account: Uuid, survey: Option<Uuid>) -> String {
    record_page("/processes/satisfaction", "survey", page, account, survey)
}

/// The three pages of the analysis (entry, results, CSV import), the one
/// shown marked.
fn page_tabs(account: Uuid, current: Memo<Option<Uuid>>, here: &'static str) -> impl IntoView {
    const TABS: &[Tab] = &[
        ("", "sat-tab-entry", |l| td_string!(l, sat.tab_entry)),
        ("/results", "sat-tab-results", |l| {
            td_string!(l, sat.tab_results)
        }),
        ("/import", "sat-tab-import", |l| {
            td_string!(l, sat.tab_import)
        }),
    ];
    record_tabs(
        |l| td_string!(l, sat.title),
        ("/processes/satisfaction", "survey"),
        account,
        current,
        here,
        TABS,
    )
}

/// The list of surveys, newest first, each with its NPS; choosing one
/// shows it.
#[component]
fn SurveyPicker(
    data: Memo<Surveys>,
    chosen: RwSignal<Option<Uuid>>,
    current: Memo<Option<Uuid>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = Signal::derive(move || {
        let locale = i18n.get_locale();
        data.with(|d| {
            d.newest_first()
                .into_iter()
                .map(|s| {
                    let figure = match s.nps() {
                        Some(nps) => td_string!(
                            locale,
                            sat.list_nps,
                            nps = nps_text(&nps),
                            n = nps.answers()
                        ),
                        None => td_string!(locale, sat.list_no_nps).to_owned(),
                    };
                    (s.id, survey_label(locale, s), Some(figure))
                })
                .collect()
        })
    });
    let count = Signal::derive(move || {
        text::plural!(i18n.get_locale(), sat.count, data.with(|d| d.surveys.len()))
    });
    view! {
        <RecordPicker prefix="sat" title=|l| td_string!(l, sat.surveys) empty=|l| td_string!(l, sat.empty)
            count items chosen current>
            {children.map(|c| c())}
        </RecordPicker>
    }
}

#[component]
fn SatisfactionEditor(account: Uuid, data: Memo<Surveys>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let (chosen, current) = shown_survey(data);
    let add = move |_| {
        let id = Uuid::new_v4();
        let survey = Survey {
            id,
            date: Some(today()),
            ..Survey::default()
        };
        let locale = i18n.get_locale_untracked();
        match update_tool::<SatisfactionTool>(store, account, data, |d| d.surveys.push(survey)) {
            Ok(()) => {
                chosen.set(Some(id));
                show_at(error, Uuid::nil(), None);
            }
            Err(e) => show_at(error, Uuid::nil(), Some(super::problem_text(locale, &e))),
        }
    };
    view! {
        {page_tabs(account, current, "")}
        <SurveyPicker data chosen current>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <div class="kam-actions">
                <button class="kam-button kam-button--primary" data-testid="sat-add" on:click=add>{t!(i18n, sat.add)}</button>
                <a class="kam-button" rel="external" data-testid="sat-to-import" href=move || page_of("/import", account, None)>{t!(i18n, sat.tab_import)}</a>
            </div>
        </SurveyPicker>
        {move || current.get().map(|id| view! { <SurveyDetail account data id/> })}
    }
}

/// One survey: its name and date, the attributes, the recommendation
/// answers, the NPS, the grid and the comparison with the survey before.
#[component]
fn SurveyDetail(account: Uuid, data: Memo<Surveys>, id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let survey = Memo::new(move |_| {
        data.with(|d| {
            d.surveys
                .iter()
                .find(|s| s.id == id)
                .cloned()
                .unwrap_or_default()
        })
    });
    let set = move |place: Uuid, change: Box<dyn FnOnce(&mut Survey)>| {
        let locale = i18n.get_locale_untracked();
        let result = update_tool::<SatisfactionTool>(store, account, data, |d| {
            if let Some(s) = d.surveys.iter_mut().find(|s| s.id == id) {
                change(s);
            }
        });
        show_at(
            error,
            place,
            result.err().map(|e| super::problem_text(locale, &e)),
        );
    };
    let on_date = move |value: String| {
        let locale = i18n.get_locale_untracked();
        if value.trim().is_empty() {
            set(id, Box::new(|s| s.date = None));
            return;
        }
        match Day::parse(&value) {
            Some(day) if day > today() => show_at(
                error,
                id,
                Some(td_string!(locale, sat.future_date).to_owned()),
            ),
            Some(day) => set(id, Box::new(move |s| s.date = Some(day))),
            None => show_at(error, id, Some(td_string!(locale, bc.bad_date).to_owned())),
        }
    };
    let remove = move |_| {
        let locale = i18n.get_locale_untracked();
        let message = td_string!(
            locale,
            sat.removed,
            name = survey_label(locale, &survey.get_untracked())
        );
        change_with_undo::<SatisfactionTool>(store, account, message, move |d| {
            d.surveys.retain(|s| s.id != id)
        });
    };
    let add_item = move |_| {
        let locale = i18n.get_locale_untracked();
        // The first number whose name is free (after a removal, the count
        // alone could repeat a name).
        let name = survey.with_untracked(|s| {
            (s.items.len() + 1..)
                .map(|n| td_string!(locale, sat.new_item, n = n))
                .find(|name| !s.items.iter().any(|i| item_key(&i.name) == item_key(name)))
                .unwrap_or_default()
        });
        let item = Item {
            id: Uuid::new_v4(),
            name,
            importance: None,
            satisfaction: None,
        };
        let focus = format!("sat-item-{}", item.id);
        set(Uuid::nil(), Box::new(move |s| s.items.push(item)));
        super::focus_soon(focus);
    };
    let item_ids = move || survey.with(|s| s.items.iter().map(|i| i.id).collect::<Vec<_>>());
    let unrated =
        move || survey.with(|s| s.items.iter().filter(|i| i.quadrant().is_none()).count());
    view! {
        <section class="kam-card kam-sat__survey" aria-labelledby="sat-survey-title" data-testid="sat-survey">
            <div class="kam-card__head">
                <h2 id="sat-survey-title">{move || survey_label(i18n.get_locale(), &survey.get())}</h2>
                <button class="kam-button kam-no-print" data-testid="sat-remove" on:click=remove>{t!(i18n, sat.remove)}</button>
            </div>
            <div class="kam-sat__head kam-no-print">
                <div class="kam-field">
                    <label for="sat-title">{t!(i18n, sat.survey_title)}</label>
                    <input id="sat-title" data-testid="sat-title" maxlength="200" placeholder=move || td_string!(i18n.get_locale(), sat.title_hint)
                        prop:value=move || survey.with(|s| s.title.clone())
                        on:input:target=move |ev| { let v = ev.target().value(); set(id, Box::new(move |s| s.title = v)); }/>
                </div>
                <div class="kam-field">
                    <label for="sat-date">{t!(i18n, sat.date)}</label>
                    <input type="date" id="sat-date" data-testid="sat-date"
                        prop:value=move || survey.with(|s| s.date.map(Day::iso).unwrap_or_default())
                        on:change:target=move |ev| on_date(ev.target().value())/>
                </div>
            </div>
            <p class="kam-field__error" role="alert">{error_at(error, id)}</p>

            <h3>{t!(i18n, sat.items)}</h3>
            <p class="kam-muted kam-no-print">{t!(i18n, sat.items_help)}</p>
            <Show when=move || survey.with(|s| s.items.is_empty())>
                <p class="kam-muted" data-testid="sat-items-empty">{t!(i18n, sat.items_empty)}</p>
            </Show>
            <div class="kam-table-wrap">
                <table class="kam-table kam-sat__items">
                    <thead><tr>
                        <th scope="col">{t!(i18n, sat.col_number)}</th>
                        <th scope="col">{t!(i18n, sat.col_item)}</th>
                        <th scope="col">{t!(i18n, sat.col_importance)}</th>
                        <th scope="col">{t!(i18n, sat.col_satisfaction)}</th>
                        <th scope="col">{t!(i18n, sat.col_field)}</th>
                        <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, common.remove)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=item_ids key=|id| *id let:item>
                            <ItemRow account survey item set/>
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <button class="kam-button kam-no-print" data-testid="sat-add-item" on:click=add_item>{t!(i18n, sat.add_item)}</button>
            <Show when=move || { unrated() > 0 }>
                <p class="kam-muted" data-testid="sat-unrated">{move || text::plural!(i18n.get_locale(), sat.unrated, unrated())}</p>
            </Show>

            <Recommendation survey set error id/>
            <p class="kam-sat__nps" data-testid="sat-nps-line">{move || {
                let locale = i18n.get_locale();
                match survey.with(Survey::nps) {
                    Some(n) => format!("{} · {}", td_string!(locale, sat.nps_value, score = nps_text(&n)), td_string!(locale, sat.answers, n = n.answers())),
                    None => td_string!(locale, sat.nps_none).to_owned(),
                }
            }}</p>
            <a class="kam-button kam-button--primary kam-no-print" rel="external" data-testid="sat-to-results"
                href=move || page_of("/results", account, Some(id))>{t!(i18n, sat.open_results)}</a>
        </section>
    }
}

/// A rating 1–5 of one attribute: the mean of several answers is kept until
/// a rating is chosen by hand.
fn score_select(
    label: Signal<String>,
    testid: &'static str,
    value: Signal<Option<Score>>,
    on_change: impl Fn(Option<Score>) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let mean = move || value.get().filter(|s| s.answers > 1);
    view! {
        <select aria-label=label data-testid=testid class="kam-input--short"
            on:change:target=move |ev| {
                let v = ev.target().value();
                if v != "mean" { on_change(v.parse::<u8>().ok().and_then(Score::single)) }
            }>
            <option value="" prop:selected=move || value.get().is_none()>{t!(i18n, req.not_rated)}</option>
            {move || mean().map(|s| view! {
                <option value="mean" selected=true>{td_string!(i18n.get_locale(), sat.mean_of, mean = text::decimal(i18n.get_locale(), s.mean), n = s.answers)}</option>
            })}
            {(RATING_MIN..=RATING_MAX).map(|v| view! {
                <option value=v.to_string() prop:selected=move || mean().is_none() && value.get().map(|s| s.mean) == Some(f64::from(v))>{v.to_string()}</option>
            }).collect::<Vec<_>>()}
        </select>
    }
}

/// One attribute of the survey as a table row.
#[component]
fn ItemRow(
    account: Uuid,
    survey: Memo<Survey>,
    item: Uuid,
    set: impl Fn(Uuid, Box<dyn FnOnce(&mut Survey)>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let me = Memo::new(move |_| survey.with(|s| s.items.iter().find(|i| i.id == item).cloned()));
    let number = move || {
        survey.with(|s| {
            s.items
                .iter()
                .position(|i| i.id == item)
                .map_or(0, |p| p + 1)
        })
    };
    let name =
        Memo::new(move |_| me.with(|i| i.as_ref().map(|i| i.name.clone()).unwrap_or_default()));
    let change = move |f: Box<dyn FnOnce(&mut Item)>| {
        set(
            item,
            Box::new(move |s| {
                if let Some(i) = s.items.iter_mut().find(|i| i.id == item) {
                    f(i)
                }
            }),
        )
    };
    let label = move |what: fn(Locale) -> &'static str| {
        Signal::derive(move || {
            let locale = i18n.get_locale();
            format!("{}: {}", what(locale), name.get())
        })
    };
    // Removing an attribute can be undone (with its ratings).
    let remove = move |_| {
        let store = use_store();
        let survey_id = survey.with_untracked(|s| s.id);
        let message = td_string!(
            i18n.get_locale_untracked(),
            sat.item_removed,
            name = name.get_untracked()
        );
        change_with_undo::<SatisfactionTool>(store, account, message, move |d| {
            if let Some(s) = d.surveys.iter_mut().find(|s| s.id == survey_id) {
                s.items.retain(|i| i.id != item);
            }
        });
    };
    let field = move || {
        let locale = i18n.get_locale();
        me.with(|i| i.as_ref().and_then(Item::quadrant))
            .map(|q| quadrant_name(locale, q))
            .unwrap_or("–")
    };
    view! {
        <tr data-testid="sat-item">
            <td>{number}</td>
            <td>
                <input id=format!("sat-item-{item}") data-testid="sat-item-name" maxlength="300" aria-label=label(|l| td_string!(l, sat.col_item))
                    prop:value=move || name.get()
                    on:input:target=move |ev| { let v = ev.target().value(); change(Box::new(move |i| i.name = v)); }/>
            </td>
            <td>{score_select(label(|l| td_string!(l, sat.col_importance)), "sat-importance",
                Signal::derive(move || me.with(|i| i.as_ref().and_then(|i| i.importance))),
                move |v| change(Box::new(move |i| i.importance = v)))}</td>
            <td>{score_select(label(|l| td_string!(l, sat.col_satisfaction)), "sat-satisfaction",
                Signal::derive(move || me.with(|i| i.as_ref().and_then(|i| i.satisfaction))),
                move |v| change(Box::new(move |i| i.satisfaction = v)))}</td>
            <td data-testid="sat-item-field">{field}</td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" aria-label=label(|l| td_string!(l, common.remove))
                    on:click=remove>"×"</button>
            </td>
        </tr>
    }
}

/// The answers to the recommendation question: how many gave each value
/// 0–10.
#[component]
fn Recommendation(
    survey: Memo<Survey>,
    set: impl Fn(Uuid, Box<dyn FnOnce(&mut Survey)>) + Copy + Send + Sync + 'static,
    error: FieldError,
    id: Uuid,
) -> impl IntoView {
    let i18n = use_i18n();
    // The place of a message about the answer counts.
    let place = Uuid::from_u128(u128::from(id.as_u64_pair().0) ^ 0x5a7);
    let cells = (0..=NPS_MAX)
        .map(|value| {
            let v = usize::from(value);
            let on_change = move |raw: String| {
                let locale = i18n.get_locale_untracked();
                let trimmed = raw.trim();
                let count = if trimmed.is_empty() { Some(0) } else { trimmed.parse::<u32>().ok() };
                match count {
                    Some(n) if n <= MAX_ANSWERS => set(place, Box::new(move |s| s.recommendation.0[v] = n)),
                    _ => show_at(error, place, Some(td_string!(locale, sat.bad_count, value = value, max = MAX_ANSWERS))),
                }
            };
            let class = match value {
                0..=6 => "kam-sat__value kam-sat__value--detractor",
                7 | 8 => "kam-sat__value kam-sat__value--passive",
                _ => "kam-sat__value kam-sat__value--promoter",
            };
            view! {
                <div class=class>
                    <label for=format!("sat-rec-{value}")>{value.to_string()}</label>
                    <input id=format!("sat-rec-{value}") data-testid="sat-rec" inputmode="numeric" class="kam-input--short"
                        aria-label=move || td_string!(i18n.get_locale(), sat.count_of, value = value)
                        prop:value=move || survey.with(|s| s.recommendation.0[v].to_string())
                        on:change:target=move |ev| on_change(ev.target().value())/>
                </div>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <h3>{t!(i18n, sat.recommendation)}</h3>
        <p class="kam-muted kam-no-print">{t!(i18n, sat.recommendation_help)}</p>
        <div class="kam-sat__values">{cells}</div>
        <p class="kam-field__error" role="alert" data-testid="sat-rec-error">{error_at(error, place)}</p>
    }
}
