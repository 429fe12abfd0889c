//! A survey read from a CSV file of answers: the file's rows counted, every
//! row with a problem left out whole and listed with its line and column,
//! then the survey is added and its results shown.

use super::super::{today, tool_page, update_tool};
use super::page_tabs;
use crate::domain::processes::satisfaction::{SatisfactionTool, Surveys};
use crate::domain::time::Day;
use crate::storage::browser;
use crate::storage::customer_csv::{decode_text, detect_dialect, read_table, TableError};
use crate::storage::survey_csv::{
    build_survey, check_columns, guess_columns, AnswerIssue, MappingError, SurveyPreview,
};
use crate::storage::MAX_FILE_BYTES;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, SaveState};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Reads a survey from a CSV file for the key account in the address.
#[component]
pub fn SatisfactionImportPage() -> impl IntoView {
    tool_page::<SatisfactionTool, _, _>(
        |locale| td_string!(locale, sat.import_title),
        |locale| td_string!(locale, sat.import_intro),
        |account, data| {
            let current = Memo::new(|_| None);
            view! {
                {page_tabs(account, current, "/import")}
                <SurveyImport account data/>
            }
        },
    )
}

/// Reading a survey from a CSV file of answers: the preview with every row
/// problem, then the survey is added.
#[component]
fn SurveyImport(account: Uuid, data: Memo<Surveys>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // The file's name and what was read from it, or why nothing was.
    let read: RwSignal<Option<(String, Result<SurveyPreview, String>)>> = RwSignal::new(None);
    let date = RwSignal::new(today());
    let date_error: RwSignal<Option<String>> = RwSignal::new(None);
    let take = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_files(&ev).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let locale = i18n.get_locale_untracked();
            let name = file.name();
            let result = if file.size() as usize > MAX_FILE_BYTES {
                Err(td_string!(
                    locale,
                    targets.file_too_large,
                    size = text::file_size(locale, file.size() as usize)
                ))
            } else {
                match browser::read_file(&file).await {
                    Err(_) => Err(td_string!(locale, targets.file_unreadable).to_owned()),
                    Ok(bytes) if bytes.is_empty() => {
                        Err(td_string!(locale, targets.file_empty).to_owned())
                    }
                    Ok(bytes) => preview_of(locale, &bytes),
                }
            };
            date.set(today());
            read.set(Some((name, result)));
        });
    };
    let add = move |_| {
        let Some((name, Ok(preview))) = read.get_untracked() else {
            return;
        };
        let locale = i18n.get_locale_untracked();
        let day = date.get_untracked();
        if day > today() {
            date_error.set(Some(td_string!(locale, sat.future_date).to_owned()));
            return;
        }
        date_error.set(None);
        let mut survey = preview.survey;
        survey.date = Some(day);
        survey.title = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem)
            .chars()
            .take(200)
            .collect();
        let id = survey.id;
        match update_tool::<SatisfactionTool>(store, account, data, |d| d.surveys.push(survey)) {
            Ok(()) => {
                // Saved now; the results open only once the survey is
                // stored (otherwise the header's banner says why, and the
                // page stays).
                store.flush();
                if matches!(store.save_state.get_untracked(), SaveState::Saved(_)) {
                    browser::load_page(&super::page_of("/results", account, Some(id)));
                }
            }
            Err(e) => read.set(Some((name, Err(super::super::problem_text(locale, &e))))),
        }
    };
    let outcome = move || {
        read.with(|r| {
            let locale = i18n.get_locale();
            let (name, result) = r.as_ref()?;
            Some(match result {
                Err(message) => view! {
                    <p class="kam-note kam-note--error" role="alert" data-testid="sat-import-error">{format!("{name}: {message}")}</p>
                }
                .into_any(),
                Ok(preview) => {
                    let items = preview.survey.items.len();
                    let answers = preview.survey.nps().map_or(0, |n| n.answers());
                    let problems = preview
                        .problems
                        .iter()
                        .take(50)
                        .map(|p| {
                            let issue = match &p.issue {
                                AnswerIssue::NotAWholeNumber(value) => td_string!(locale, sat.issue_not_whole, value = value.clone()),
                                AnswerIssue::OutOfScale { value, min, max } => td_string!(locale, sat.issue_scale, value = value.clone(), min = *min, max = *max),
                            };
                            view! { <li data-testid="sat-row-problem">{td_string!(locale, sat.row_problem, line = p.line, column = p.column.clone(), issue = issue)}</li> }
                        })
                        .collect::<Vec<_>>();
                    let more = preview.problems.len().saturating_sub(50);
                    view! {
                        <div class="kam-sat__preview" data-testid="sat-preview">
                            <p><strong>{name.clone()}</strong>": "{td_string!(locale, sat.preview_counts, rows = preview.rows_used, items = items, answers = answers)}</p>
                            {(preview.rows_with_problems > 0).then(|| view! {
                                <p class="kam-note kam-note--warn" data-testid="sat-rows-left-out">{text::plural!(locale, sat.rows_left_out, preview.rows_with_problems)}</p>
                                <ul class="kam-sat__problems">{problems}</ul>
                                {(more > 0).then(|| view! { <p class="kam-muted">{td_string!(locale, sat.more_problems, n = more)}</p> })}
                            })}
                            <div class="kam-field kam-sat__date">
                                <label for="sat-import-date">{t!(i18n, sat.import_date)}</label>
                                <input type="date" id="sat-import-date" data-testid="sat-import-date"
                                    prop:value=move || date.get().iso()
                                    on:change:target=move |ev| if let Some(day) = Day::parse(&ev.target().value()) { date.set(day) }/>
                                <span class="kam-field__error" role="alert">{move || date_error.get()}</span>
                            </div>
                            <div class="kam-actions">
                                <button class="kam-button kam-button--primary" data-testid="sat-import-add" on:click=add>{t!(i18n, sat.import_add)}</button>
                                <button class="kam-button" on:click=move |_| read.set(None)>{t!(i18n, common.cancel)}</button>
                            </div>
                        </div>
                    }
                    .into_any()
                }
            })
        })
    };
    view! {
        <section class="kam-card" aria-labelledby="sat-import-title">
            <h2 id="sat-import-title">{t!(i18n, sat.import_choose_title)}</h2>
            <p class="kam-muted">{t!(i18n, sat.import_help)}</p>
            <label class="kam-button">
                {t!(i18n, sat.import_choose)}
                <input type="file" accept=".csv,.txt,text/csv" class="kam-visually-hidden" data-testid="sat-file" on:change=take/>
            </label>
            {outcome}
        </section>
    }
}

/// Reads the answers of a CSV file, or says in the user's words why not.
fn preview_of(locale: Locale, bytes: &[u8]) -> Result<SurveyPreview, String> {
    let (content, _) = decode_text(bytes);
    let dialect = detect_dialect(&content);
    let table = read_table(&content, dialect.delimiter).map_err(|e| match e {
        TableError::NoHeader => td_string!(locale, targets.table_no_header).to_owned(),
        TableError::TooManyRows { max } => td_string!(locale, targets.table_too_many, max = max),
        TableError::Csv { line, message } => {
            td_string!(locale, targets.table_broken, line = line, detail = message)
        }
    })?;
    let columns = guess_columns(&table.headers);
    check_columns(&columns).map_err(|e| match e {
        MappingError::NothingToRead => td_string!(locale, sat.map_nothing).to_owned(),
        MappingError::TooManyItems { max } => td_string!(locale, sat.map_too_many, max = max),
        MappingError::BadItemName(name) | MappingError::Twice(_, name) => {
            td_string!(locale, sat.map_bad_name, name = name)
        }
        MappingError::SeveralRecommendations => td_string!(locale, sat.map_several_nps).to_owned(),
        MappingError::NoItemName => td_string!(locale, sat.map_no_name).to_owned(),
    })?;
    let preview = build_survey(&table, &columns, dialect.numbers, Uuid::new_v4);
    if preview.is_empty() {
        return Err(if preview.rows_with_problems > 0 {
            td_string!(locale, sat.all_rows_bad, n = preview.rows_with_problems)
        } else {
            td_string!(locale, sat.no_answers).to_owned()
        });
    }
    Ok(preview)
}
