use crate::domain::{plan_import, ImportMode, RecordDecision, RecordKind};
use crate::storage::handoff::{self, Step};
use crate::storage::{browser, decode_file, encode_compact, DecodeError, Decoded, MAX_FILE_BYTES};
use crate::ui::components::export_workspace;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, ReplaceError, Toast};
use crate::ui::text;
use leptos::prelude::*;

/// What the import area currently shows.
#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    Reading,
    Failed(ImportFailure),
    Preview {
        file_name: String,
        /// Shared, so that reading the state does not copy a large file.
        decoded: std::sync::Arc<Decoded>,
    },
}

#[derive(Clone, PartialEq)]
enum ImportFailure {
    Decode(DecodeError),
    ReadFailed,
    SnapshotFailed,
    /// The merged result breaks a rule of the workspace.
    Refused(crate::domain::WorkspaceError),
    /// A tool's content in the file cannot be read or breaks a rule (found
    /// by its group's check page, already in the user's words).
    Checked {
        message: String,
        detail: Option<String>,
    },
    /// The tab could not keep the file while its tools are checked.
    CannotHandOver,
    /// A check page did not leave its verdict.
    CheckUnfinished,
}

/// Removes everything the import handed over to the check pages.
fn end_hand_over() {
    let keys = handoff::keys();
    browser::remove_session_items(&keys.iter().map(String::as_str).collect::<Vec<_>>());
}

/// The import's next step for a file that was read: the preview, a check
/// page (the tools' contents of one group), or why it is refused. Once the
/// import leaves the check pages, what was handed on is removed.
fn import_step(file_name: String, text: &str, decoded: Decoded) -> Option<ImportState> {
    let used = decoded.workspace.tool_groups_used();
    let step = handoff::next_step(&used, |group| {
        browser::session_item(&handoff::verdict_key(group))
            .and_then(|kept| handoff::read_verdict(&kept, text))
    });
    let state = match step {
        Step::Check(group) => {
            let sent = browser::session_item(handoff::SENT)
                .and_then(|n| n.parse::<u32>().ok())
                .unwrap_or(0);
            if sent < handoff::max_sent()
                && browser::try_set_session_item(handoff::SENT, &(sent + 1).to_string())
            {
                browser::load_page(&href(&format!("/data/check/{}", group.key())));
                return None;
            }
            ImportState::Failed(ImportFailure::CheckUnfinished)
        }
        Step::Refuse { message, detail } => {
            ImportState::Failed(ImportFailure::Checked { message, detail })
        }
        Step::Preview => ImportState::Preview {
            file_name,
            decoded: std::sync::Arc::new(decoded),
        },
    };
    end_hand_over();
    Some(state)
}

/// Hands a read file over to the check pages of its tools: the file
/// written again compactly (what the workspace would hold of it), and what
/// the preview tells about the file as it was picked.
fn hand_over(file_name: String, decoded: Decoded) -> ImportState {
    end_hand_over();
    let text = encode_compact(&decoded.workspace, decoded.exported_at);
    let about = handoff::write_about(
        decoded.version_read,
        &decoded.app_version,
        &decoded.ignored_fields,
    );
    let kept = browser::try_set_session_item(handoff::FILE, &text)
        && browser::try_set_session_item(handoff::NAME, &file_name)
        && browser::try_set_session_item(handoff::ABOUT, &about);
    if !kept {
        end_hand_over();
        return ImportState::Failed(ImportFailure::CannotHandOver);
    }
    import_step(file_name, &text, decoded).unwrap_or(ImportState::Reading)
}

/// Where the import stands when the page opens: coming back from a check
/// page, it goes on with the file it handed over.
fn resumed_import() -> ImportState {
    let Some(text) = browser::session_item(handoff::FILE) else {
        return ImportState::Idle;
    };
    let file_name = browser::session_item(handoff::NAME).unwrap_or_default();
    let about = browser::session_item(handoff::ABOUT).and_then(|a| handoff::read_about(&a));
    match (decode_file(text.as_bytes()), about) {
        (Ok(mut decoded), Some((version, app_version, ignored))) => {
            decoded.version_read = version;
            decoded.app_version = app_version;
            decoded.ignored_fields = ignored;
            import_step(file_name, &text, decoded).unwrap_or(ImportState::Reading)
        }
        (Err(error), _) => {
            end_hand_over();
            ImportState::Failed(ImportFailure::Decode(error))
        }
        (Ok(_), None) => {
            end_hand_over();
            ImportState::Failed(ImportFailure::CheckUnfinished)
        }
    }
}

/// Export the workspace; import a file with a full check and a preview.
#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let state = RwSignal::new(resumed_import());
    let mode = RwSignal::new(ImportMode::Merge);
    let drag_over = RwSignal::new(false);

    // Only the file picked last counts: a slower read of an earlier pick
    // is dropped when it ends.
    let picks = StoredValue::new(0u64);
    let take_file = move |file: web_sys::File| {
        end_hand_over();
        picks.update_value(|n| *n += 1);
        let pick = picks.get_value();
        let file_name = file.name();
        let size = file.size() as usize;
        if size > MAX_FILE_BYTES {
            state.set(ImportState::Failed(ImportFailure::Decode(
                DecodeError::TooLarge {
                    bytes: size,
                    max: MAX_FILE_BYTES,
                },
            )));
            return;
        }
        state.set(ImportState::Reading);
        leptos::task::spawn_local(async move {
            let bytes = browser::read_file(&file).await;
            if picks.get_value() != pick {
                return;
            }
            let next = match bytes {
                Err(_) => ImportState::Failed(ImportFailure::ReadFailed),
                Ok(bytes) => match decode_file(&bytes) {
                    Err(error) => ImportState::Failed(ImportFailure::Decode(error)),
                    Ok(decoded) if decoded.workspace.tool_groups_used().is_empty() => {
                        ImportState::Preview {
                            file_name,
                            decoded: std::sync::Arc::new(decoded),
                        }
                    }
                    // The tools' contents are checked on their groups'
                    // pages: the file goes along in this tab.
                    Ok(decoded) => hand_over(file_name, decoded),
                },
            };
            state.set(next);
        });
    };

    let plan = Memo::new(move |_| {
        let decoded = state.with(|s| match s {
            ImportState::Preview { decoded, .. } => Some(decoded.clone()),
            _ => None,
        })?;
        Some(store.read_all(|ws| plan_import(ws, &decoded.workspace, mode.get())))
    });

    let apply = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        match store.replace_workspace(plan.result) {
            Ok(()) => {
                state.set(ImportState::Idle);
                store.show_toast(Toast::ImportApplied);
            }
            Err(ReplaceError::Storage(_)) => {
                state.set(ImportState::Failed(ImportFailure::SnapshotFailed))
            }
            Err(ReplaceError::Invalid(e)) => {
                state.set(ImportState::Failed(ImportFailure::Refused(e)))
            }
        }
    };

    let on_pick = move |ev: leptos::ev::Event| {
        if let Some(file) = browser::picked_files(&ev).into_iter().next() {
            take_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        drag_over.set(false);
        if let Some(file) = browser::dropped_files(&ev).into_iter().next() {
            take_file(file);
        }
    };

    let status = move || {
        let locale = i18n.get_locale();
        match state.get() {
            ImportState::Idle => ().into_any(),
            ImportState::Reading => view! { <p class="kam-muted">{td_string!(locale, data.reading)}</p> }.into_any(),
            ImportState::Failed(failure) => {
                let (message, detail) = match failure {
                    ImportFailure::Decode(error) => (text::decode_error(locale, &error), text::decode_error_detail(locale, &error)),
                    ImportFailure::ReadFailed => (td_string!(locale, error.read_failed).to_owned(), None),
                    ImportFailure::SnapshotFailed => (td_string!(locale, error.snapshot_failed).to_owned(), None),
                    ImportFailure::Refused(error) => (text::workspace_error(locale, &error), None),
                    ImportFailure::Checked { message, detail } => (message, detail),
                    ImportFailure::CannotHandOver => (td_string!(locale, data.cannot_hand_over).to_owned(), None),
                    ImportFailure::CheckUnfinished => (td_string!(locale, data.check_unfinished).to_owned(), None),
                };
                view! {
                    <div class="kam-note kam-note--error" role="alert" data-testid="import-error">
                        <strong>{td_string!(locale, error.title)}</strong>
                        <p>{message}</p>
                        {detail.map(|d| view! { <p class="kam-muted kam-small" data-testid="error-detail">{d}</p> })}
                        <p>{td_string!(locale, error.unchanged)}</p>
                    </div>
                }
                .into_any()
            }
            ImportState::Preview { file_name, decoded } => view! {
                <ImportPreview file_name decoded mode plan/>
                <p class="kam-muted">{td_string!(locale, data.snapshot_note)}</p>
                {move || plan.with(|p| p.as_ref().and_then(|p| p.problem.clone())).map(|problem| view! {
                    <div class="kam-note kam-note--error" role="alert" data-testid="merge-refused">
                        <p>{td_string!(locale, data.merge_refused, reason = text::workspace_error(locale, &problem))}</p>
                        <p class="kam-muted kam-small">{td_string!(locale, data.details, path = format!("data.{}", problem.path()))}</p>
                    </div>
                })}
                <div class="kam-actions">
                    <button class="kam-button kam-button--primary" data-testid="apply-import" on:click=apply
                        disabled=move || !plan.with(|p| p.as_ref().is_some_and(|p| p.changes_anything() && p.problem.is_none()))>
                        {td_string!(locale, data.apply)}
                    </button>
                    <button class="kam-button" on:click=move |_| state.set(ImportState::Idle)>{td_string!(locale, data.cancel)}</button>
                </div>
            }
            .into_any(),
        }
    };

    let empty = move || store.read_all(|ws| ws.is_empty());
    view! {
        <section
            class="kam-page"
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); drag_over.set(true); }
            on:dragleave=move |_| drag_over.set(false)
            on:drop=on_drop
        >
            <h1>{t!(i18n, data.title)}</h1>
            <p class="kam-lead">{t!(i18n, data.intro)}</p>
            <div class="kam-columns">
                <section class="kam-card">
                    <h2>{t!(i18n, data.export_title)}</h2>
                    <p>{t!(i18n, data.export_body)}</p>
                    <button class="kam-button kam-button--primary" data-testid="export-workspace"
                        disabled=empty on:click=move |_| export_workspace(store)>
                        {t!(i18n, data.export_button)}
                    </button>
                    <Show when=empty>
                        <p class="kam-muted">{t!(i18n, data.export_empty)}</p>
                    </Show>
                </section>
                <section class="kam-card">
                    <h2>{t!(i18n, data.import_title)}</h2>
                    <p>{t!(i18n, data.import_body)}</p>
                    <label class="kam-drop" class:kam-drop--active=move || drag_over.get() data-testid="drop-zone">
                        <span class="kam-drop__title">{t!(i18n, data.drop_here)}</span>
                        <span class="kam-button">{t!(i18n, data.choose_file)}</span>
                        <input type="file" class="kam-visually-hidden" accept=".json,application/json"
                            data-testid="import-file" on:change=on_pick/>
                        <span class="kam-muted">{t!(i18n, data.limit_note)}</span>
                    </label>
                </section>
            </div>
            <div class="kam-import-status">{status}</div>
        </section>
    }
}

/// What the file holds and what taking it over would do.
#[component]
fn ImportPreview(
    /// Name of the chosen file.
    file_name: String,
    /// The validated file content.
    decoded: std::sync::Arc<Decoded>,
    /// Merge or replace, chosen by the user.
    mode: RwSignal<ImportMode>,
    /// The decisions for the chosen mode.
    plan: Memo<Option<crate::domain::ImportPlan>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ignored = decoded.ignored_fields.join(", ");
    let count = decoded.workspace.accounts.len();
    let checks = decoded.workspace.fitness_checks.len();
    let exported_at = decoded.exported_at;
    let app_version = decoded.app_version.clone();
    let mode_option = move |value: ImportMode,
                            label: fn(Locale) -> &'static str,
                            help: fn(Locale) -> &'static str,
                            testid: &'static str| {
        view! {
            <label class="kam-choice">
                <input type="radio" name="import-mode" data-testid=testid
                    prop:checked=move || mode.get() == value
                    on:change=move |_| mode.set(value)/>
                <span>
                    <strong>{move || label(i18n.get_locale())}</strong>
                    <span class="kam-muted">{move || help(i18n.get_locale())}</span>
                </span>
            </label>
        }
    };
    let rows = move || {
        let locale = i18n.get_locale();
        plan.with(|plan| plan.as_ref().map(|plan| plan.rows.clone()))
            .map(|rows| {
                rows.into_iter()
                    .map(|row| {
                        let changes = matches!(
                            row.decision,
                            RecordDecision::Added
                                | RecordDecision::Replaced
                                | RecordDecision::Removed
                                | RecordDecision::DeletedThere
                        );
                        let name = match row.kind {
                            RecordKind::Foundations => {
                                td_string!(locale, data.kind_foundations).to_owned()
                            }
                            RecordKind::Catalogue => {
                                td_string!(locale, data.kind_catalogue).to_owned()
                            }
                            RecordKind::TargetSelection => {
                                td_string!(locale, data.kind_targets).to_owned()
                            }
                            RecordKind::People => td_string!(locale, data.kind_people).to_owned(),
                            RecordKind::Introduction => {
                                td_string!(locale, data.kind_introduction).to_owned()
                            }
                            RecordKind::Family(_) => row.name,
                        };
                        view! {
                            <tr data-testid="plan-row" class:kam-row--change=changes>
                                <td>{name}</td>
                                <td>{text::decision(locale, row.decision)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
    };
    let summary = move || {
        plan.with(|plan| {
            plan.as_ref().map(|p| {
                t_string!(
                    i18n,
                    data.summary,
                    added = p.count(RecordDecision::Added),
                    replaced = p.count(RecordDecision::Replaced),
                    unchanged = p.count(RecordDecision::Unchanged)
                        + p.count(RecordDecision::KeptOurs)
                        + p.count(RecordDecision::KeptOnlyOurs),
                    removed = p.count(RecordDecision::Removed)
                )
            })
        })
    };
    let nothing = move || plan.with(|p| p.as_ref().is_some_and(|p| !p.changes_anything()));
    view! {
        <section class="kam-card kam-preview" data-testid="import-preview">
            <h2>{move || t_string!(i18n, data.preview_title, file = file_name.clone())}</h2>
            <p class="kam-muted">
                {move || t_string!(i18n, data.file_info, time = text::time(i18n.get_locale(), exported_at), version = app_version.clone())}
                " "
                {move || { let locale = i18n.get_locale(); td_string!(locale, data.file_accounts, accounts = text::plural!(locale, count.key_accounts, count), checks = text::plural!(locale, count.checks, checks)) }}
            </p>
            {(!ignored.is_empty()).then(|| {
                let ignored = ignored.clone();
                view! { <p class="kam-note">{move || t_string!(i18n, data.ignored_fields, fields = ignored.clone())}</p> }
            })}
            <fieldset class="kam-choices">
                <legend>{t!(i18n, data.mode_title)}</legend>
                {mode_option(ImportMode::Merge, |l| td_string!(l, data.mode_merge), |l| td_string!(l, data.mode_merge_help), "mode-merge")}
                {mode_option(ImportMode::Replace, |l| td_string!(l, data.mode_replace), |l| td_string!(l, data.mode_replace_help), "mode-replace")}
            </fieldset>
            <p class="kam-summary" data-testid="plan-summary">{summary}</p>
            <Show when=nothing>
                <p class="kam-note">{t!(i18n, data.nothing_changes)}</p>
            </Show>
            <div class="kam-table-wrap">
                <table class="kam-table">
                    <thead><tr><th scope="col">{t!(i18n, data.col_account)}</th><th scope="col">{t!(i18n, data.col_decision)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
