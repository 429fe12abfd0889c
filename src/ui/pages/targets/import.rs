//! CSV import of a customer list: choose or drop a file, check the detected
//! dialect, map the columns, look at the preview and the rows with
//! problems, then confirm.

use super::{edit_targets_with_undo, TargetsHead};
use crate::domain::format_amount;
use crate::domain::targets::model::suggested_criteria;
use crate::domain::NumberStyle;
use crate::storage::customer_csv::{
    apply_import, build_customers, check_mapping, decode_text, detect_dialect, guess_columns,
    read_table, ApplySummary, Column, Delimiter, Dialect, ListMode, MappingError, RowIssue,
    TableError, TextEncoding,
};
use crate::storage::{browser, MAX_FILE_BYTES};
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

#[derive(Clone, PartialEq)]
struct Source {
    file_name: String,
    text: String,
    encoding: TextEncoding,
}

/// Rows of problems listed before the list is cut.
const PROBLEMS_LISTED: usize = 100;

fn column_value(column: &Column) -> String {
    match column {
        Column::Ignore => "ignore".into(),
        Column::Number => "number".into(),
        Column::Name => "name".into(),
        Column::Revenue => "revenue".into(),
        Column::Margin => "margin".into(),
        Column::Potential => "potential".into(),
        Column::Grade(id) => format!("grade:{id}"),
    }
}

fn column_from(value: &str) -> Column {
    match value {
        "number" => Column::Number,
        "name" => Column::Name,
        "revenue" => Column::Revenue,
        "margin" => Column::Margin,
        "potential" => Column::Potential,
        v => v
            .strip_prefix("grade:")
            .map(|id| Column::Grade(id.to_owned()))
            .unwrap_or(Column::Ignore),
    }
}

fn issue_text(locale: Locale, issue: &RowIssue) -> String {
    match issue {
        RowIssue::NoName => td_string!(locale, targets.issue_no_name).to_owned(),
        RowIssue::TooLong => td_string!(locale, targets.issue_too_long).to_owned(),
        RowIssue::NotANumber(v) => td_string!(locale, targets.issue_not_number, value = v.clone()),
        RowIssue::Negative(v) => td_string!(locale, targets.issue_negative, value = v.clone()),
        RowIssue::TooLarge(v) => td_string!(locale, targets.issue_too_large, value = v.clone()),
        RowIssue::GradeOutOfScale(v) => td_string!(locale, targets.issue_grade, value = v.clone()),
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let source = RwSignal::new(None::<Source>);
    let read_error = RwSignal::new(None::<String>);
    let dialect = RwSignal::new(Dialect::GERMAN);
    let columns = RwSignal::new(Vec::<Column>::new());
    let mode = RwSignal::new(ListMode::Merge);
    let done = RwSignal::new(None::<ApplySummary>);
    let drag_over = RwSignal::new(false);

    let table = Memo::new(move |_| {
        let delimiter = dialect.with(|d| d.delimiter);
        source.with(|s| s.as_ref().map(|s| read_table(&s.text, delimiter)))
    });
    // The criteria grade columns can be mapped to: the model's, or the
    // suggested ones that the import installs into an empty model.
    let criteria_for_mapping = move || {
        let german = i18n.get_locale_untracked() == Locale::de;
        store.read_untracked(|ws| {
            if ws.targets.criteria.is_empty() {
                suggested_criteria(german)
            } else {
                ws.targets.criteria.clone()
            }
        })
    };
    let guess = move || {
        let criteria = criteria_for_mapping();
        let guessed = table.with_untracked(|t| match t {
            Some(Ok(t)) => guess_columns(&t.headers, &criteria),
            _ => Vec::new(),
        });
        columns.set(guessed);
    };
    let preview = Memo::new(move |_| {
        let numbers = dialect.with(|d| d.numbers);
        let scale = store.read(Part::Targets, |ws| ws.targets.scale);
        table.with(|t| match t {
            Some(Ok(t)) => columns.with(|c| {
                check_mapping(c).map(|_| build_customers(t, c, numbers, scale, Uuid::new_v4))
            }),
            _ => Err(MappingError::NoName),
        })
    });

    let take_files = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let locale = i18n.get_locale_untracked();
            done.set(None);
            let size = file.size() as usize;
            if size > MAX_FILE_BYTES {
                read_error.set(Some(td_string!(
                    locale,
                    targets.file_too_large,
                    size = text::file_size(locale, size)
                )));
                return;
            }
            let Ok(bytes) = browser::read_file(&file).await else {
                read_error.set(Some(td_string!(locale, targets.file_unreadable).to_owned()));
                return;
            };
            if bytes.is_empty() {
                read_error.set(Some(td_string!(locale, targets.file_empty).to_owned()));
                return;
            }
            let (text, encoding) = decode_text(&bytes);
            read_error.set(None);
            dialect.set(detect_dialect(&text));
            source.set(Some(Source {
                file_name: file.name(),
                text,
                encoding,
            }));
            guess();
        });
    };
    let on_pick = move |ev: leptos::ev::Event| take_files(browser::picked_files(&ev));
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        drag_over.set(false);
        take_files(browser::dropped_files(&ev));
    };

    let apply = move |_| {
        let locale = i18n.get_locale_untracked();
        let Ok(result) = preview.get_untracked() else {
            return;
        };
        let m = mode.get_untracked();
        let mut summary = ApplySummary::default();
        let german = locale == Locale::de;
        let message = td_string!(
            locale,
            targets.import_done_toast,
            count = result.customers.len()
        );
        let applied = edit_targets_with_undo(store, message, |t| {
            summary = apply_import(t, result.customers, m);
            t.ensure_criteria(german);
        });
        if applied {
            done.set(Some(summary));
            source.set(None);
        }
    };

    let chooser = move || {
        view! {
            <div
                class="kam-card kam-drop"
                class:kam-drop--active=move || drag_over.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); drag_over.set(true); }
                on:dragleave=move |_| drag_over.set(false)
                on:drop=on_drop
                data-testid="csv-drop"
            >
                <h2>{t!(i18n, targets.import_title)}</h2>
                <p>{t!(i18n, targets.import_body)}</p>
                <label class="kam-button kam-button--primary">
                    {t!(i18n, targets.import_choose)}
                    <input type="file" accept=".csv,.txt,text/csv" class="kam-visually-hidden" data-testid="csv-file" on:change=on_pick/>
                </label>
                <p class="kam-muted">{t!(i18n, targets.import_formats)}</p>
                <p class="kam-note kam-note--error" role="alert" hidden=move || read_error.with(Option::is_none)>{move || read_error.get()}</p>
            </div>
        }
    };

    let done_view = move || {
        done.get().map(|s| view! {
            <div class="kam-card kam-note--ok" data-testid="import-done" role="status">
                <p>{move || t_string!(i18n, targets.import_done, added = s.added, updated = s.updated, removed = s.removed)}</p>
                <div class="kam-actions">
                    <A href=href("/targets/abc") attr:class="kam-button kam-button--primary">{t!(i18n, targets.import_next_abc)}</A>
                    <A href=href("/targets") attr:class="kam-button">{t!(i18n, targets.import_next_list)}</A>
                </div>
            </div>
        })
    };

    let settings = move || {
        let locale = i18n.get_locale();
        let src = source.get()?;
        let encoding = match src.encoding {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8WithBom => "UTF-8 (BOM)",
            TextEncoding::Windows1252 => "Windows-1252",
        };
        let table_view = match table.get() {
            Some(Err(error)) => {
                let message = match error {
                    TableError::NoHeader => td_string!(locale, targets.table_no_header).to_owned(),
                    TableError::TooManyRows { max } => {
                        td_string!(locale, targets.table_too_many, max = max)
                    }
                    TableError::Csv { line, message } => {
                        td_string!(locale, targets.table_broken, line = line, detail = message)
                    }
                };
                view! { <p class="kam-note kam-note--error" role="alert" data-testid="table-error">{message}</p> }.into_any()
            }
            Some(Ok(t)) => {
                let criteria = criteria_for_mapping();
                let options = move || {
                    let mut list = vec![
                        (
                            Column::Ignore,
                            td_string!(locale, targets.map_ignore).to_owned(),
                        ),
                        (
                            Column::Name,
                            td_string!(locale, targets.col_name).to_owned(),
                        ),
                        (
                            Column::Number,
                            td_string!(locale, targets.col_number).to_owned(),
                        ),
                        (
                            Column::Revenue,
                            td_string!(locale, targets.measure_revenue).to_owned(),
                        ),
                        (
                            Column::Margin,
                            td_string!(locale, targets.measure_margin).to_owned(),
                        ),
                        (
                            Column::Potential,
                            td_string!(locale, targets.measure_potential).to_owned(),
                        ),
                    ];
                    for c in &criteria {
                        list.push((
                            Column::Grade(c.id.clone()),
                            td_string!(locale, targets.map_grade, name = c.name.clone()),
                        ));
                    }
                    list
                };
                let rows = t.rows.len();
                let empty_rows = t.empty_rows;
                view! {
                    <p data-testid="table-summary">{td_string!(locale, targets.table_summary, rows = rows, columns = t.headers.len(), empty = empty_rows)}</p>
                    <div class="kam-table-wrap">
                        <table class="kam-table" data-testid="mapping">
                            <thead><tr>
                                <th scope="col">{td_string!(locale, targets.map_header)}</th>
                                <th scope="col">{td_string!(locale, targets.map_samples)}</th>
                                <th scope="col">{td_string!(locale, targets.map_meaning)}</th>
                            </tr></thead>
                            <tbody>
                                {t.headers.iter().enumerate().map(|(i, header)| {
                                    let samples = t.rows.iter().take(3).filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join(" · ");
                                    let opts = options();
                                    view! {
                                        <tr>
                                            <th scope="row">{header.clone()}</th>
                                            <td class="kam-muted">{samples}</td>
                                            <td>
                                                <select
                                                    aria-label=td_string!(locale, targets.map_for, header = header.clone())
                                                    data-testid="map-select"
                                                    prop:value=move || columns.with(|c| c.get(i).map(column_value).unwrap_or_else(|| "ignore".into()))
                                                    on:change:target=move |ev| {
                                                        let value = column_from(&ev.target().value());
                                                        columns.update(|c| {
                                                            if c.len() <= i { c.resize(i + 1, Column::Ignore); }
                                                            c[i] = value;
                                                        });
                                                    }
                                                >
                                                    {opts.into_iter().map(|(col, label)| {
                                                        let value = column_value(&col);
                                                        view! { <option value=value.clone() selected=move || columns.with(|c| c.get(i).map(column_value) == Some(value.clone()))>{label}</option> }
                                                    }).collect_view()}
                                                </select>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
            None => ().into_any(),
        };
        Some(view! {
            <div class="kam-card" data-testid="import-settings">
                <h2>{td_string!(locale, targets.import_check_title)}</h2>
                <p>{td_string!(locale, targets.import_file, file = src.file_name.clone(), encoding = encoding)}</p>
                <div class="kam-toolbar">
                    <label class="kam-field">
                        <span>{td_string!(locale, targets.dialect_separator)}</span>
                        <select data-testid="dialect-separator"
                            prop:value=move || match dialect.with(|d| d.delimiter) { Delimiter::Semicolon => "semicolon", Delimiter::Comma => "comma", Delimiter::Tab => "tab" }
                            on:change:target=move |ev| {
                                let delimiter = match ev.target().value().as_str() { "comma" => Delimiter::Comma, "tab" => Delimiter::Tab, _ => Delimiter::Semicolon };
                                dialect.update(|d| d.delimiter = delimiter);
                                guess();
                            }>
                            <option value="semicolon">{td_string!(locale, targets.sep_semicolon)}</option>
                            <option value="comma">{td_string!(locale, targets.sep_comma)}</option>
                            <option value="tab">{td_string!(locale, targets.sep_tab)}</option>
                        </select>
                    </label>
                    <label class="kam-field">
                        <span>{td_string!(locale, targets.dialect_numbers)}</span>
                        <select data-testid="dialect-numbers"
                            prop:value=move || if dialect.with(|d| d.numbers) == NumberStyle::German { "de" } else { "en" }
                            on:change:target=move |ev| {
                                let numbers = if ev.target().value() == "en" { NumberStyle::English } else { NumberStyle::German };
                                dialect.update(|d| d.numbers = numbers);
                            }>
                            <option value="de">{td_string!(locale, targets.numbers_de)}</option>
                            <option value="en">{td_string!(locale, targets.numbers_en)}</option>
                        </select>
                    </label>
                </div>
                {table_view}
            </div>
        })
    };

    let result = move || {
        let locale = i18n.get_locale();
        source.with(Option::is_some).then_some(())?;
        let style = text::number_style(locale);
        let money = move |v: Option<f64>| {
            v.map(|v| format_amount(v, style))
                .unwrap_or_else(|| "–".into())
        };
        Some(match preview.get() {
            Err(MappingError::NoName) => view! { <p class="kam-note kam-note--error" role="alert" data-testid="mapping-error">{td_string!(locale, targets.map_no_name)}</p> }.into_any(),
            Err(MappingError::Twice(_)) => view! { <p class="kam-note kam-note--error" role="alert" data-testid="mapping-error">{td_string!(locale, targets.map_twice)}</p> }.into_any(),
            Ok(p) => {
                let count = p.customers.len();
                let problems = p.problems.len();
                let bad_rows = p.rows_with_problems;
                view! {
                    <div class="kam-card" data-testid="import-preview">
                        <h2>{td_string!(locale, targets.preview_title)}</h2>
                        <div class="kam-table-wrap">
                            <table class="kam-table">
                                <thead><tr>
                                    <th scope="col">{td_string!(locale, targets.col_name)}</th>
                                    <th scope="col">{td_string!(locale, targets.col_number)}</th>
                                    <th scope="col" class="kam-num">{td_string!(locale, targets.measure_revenue)}</th>
                                    <th scope="col" class="kam-num">{td_string!(locale, targets.measure_margin)}</th>
                                    <th scope="col" class="kam-num">{td_string!(locale, targets.measure_potential)}</th>
                                    <th scope="col" class="kam-num">{td_string!(locale, targets.col_grades)}</th>
                                </tr></thead>
                                <tbody>
                                    {p.customers.iter().take(5).map(|c| view! {
                                        <tr data-testid="preview-row">
                                            <th scope="row">{c.name.clone()}</th>
                                            <td>{c.number.clone()}</td>
                                            <td class="kam-num">{money(c.revenue)}</td>
                                            <td class="kam-num">{money(c.margin)}</td>
                                            <td class="kam-num">{money(c.potential)}</td>
                                            <td class="kam-num">{c.grades.len()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        {(bad_rows > 0).then(|| view! {
                            <div class="kam-note kam-note--error" data-testid="row-problems">
                                <p><strong>{td_string!(locale, targets.problems_title, rows = bad_rows)}</strong></p>
                                <ul>
                                    {p.problems.iter().take(PROBLEMS_LISTED).map(|problem| {
                                        let text = match &problem.column {
                                            Some(col) => td_string!(locale, targets.problem_at_column, line = problem.line, column = col.clone(), issue = issue_text(locale, &problem.issue)),
                                            None => td_string!(locale, targets.problem_at_line, line = problem.line, issue = issue_text(locale, &problem.issue)),
                                        };
                                        view! { <li data-testid="row-problem">{text}</li> }
                                    }).collect_view()}
                                </ul>
                                {(problems > PROBLEMS_LISTED).then(|| view! { <p>{text::plural!(locale, targets.problems_more, problems - PROBLEMS_LISTED)}</p> })}
                            </div>
                        })}
                        <fieldset class="kam-choices">
                            <legend>{td_string!(locale, targets.mode_legend)}</legend>
                            <label class="kam-choice">
                                <input type="radio" name="list-mode" checked=move || mode.get() == ListMode::Merge on:change=move |_| mode.set(ListMode::Merge)/>
                                <span><strong>{td_string!(locale, targets.mode_merge)}</strong><small>{td_string!(locale, targets.mode_merge_hint)}</small></span>
                            </label>
                            <label class="kam-choice">
                                <input type="radio" name="list-mode" data-testid="mode-replace" checked=move || mode.get() == ListMode::Replace on:change=move |_| mode.set(ListMode::Replace)/>
                                <span><strong>{td_string!(locale, targets.mode_replace)}</strong><small>{td_string!(locale, targets.mode_replace_hint)}</small></span>
                            </label>
                        </fieldset>
                        <div class="kam-actions">
                            <button class="kam-button kam-button--primary" data-testid="import-apply" disabled=count == 0 on:click=apply>
                                {td_string!(locale, targets.import_apply, count = count)}
                            </button>
                            <button class="kam-button" on:click=move |_| source.set(None)>{td_string!(locale, targets.form_cancel)}</button>
                        </div>
                    </div>
                }
                .into_any()
            }
        })
    };

    view! {
        <section class="kam-page kam-targets">
            <TargetsHead intro=Signal::derive(move || t_string!(i18n, targets.intro_import).to_owned())/>
            {done_view}
            {chooser}
            {settings}
            {result}
        </section>
    }
}
