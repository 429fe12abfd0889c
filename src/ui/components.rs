//! Pieces shared by several pages: save status, language switch, the
//! persistent banners about storage problems, and the notice at the bottom.

use super::i18n::*;
use super::store::{use_store, BlockReason, Notice, SaveState, Store, Toast};
use super::text;
use crate::domain::{KeyAccount, Workspace};
use crate::storage::{self, browser, WriteFailure};
use leptos::prelude::*;

/// Downloads the whole workspace as `kam-workbench-YYYY-MM-DD.json`.
pub fn export_workspace(store: Store) {
    let now = browser::now();
    let text = store.read_untracked(|ws| storage::encode(ws, now));
    let _ = browser::download(
        &format!("kam-workbench-{}.json", now.date_stamp()),
        &text,
        "application/json",
    );
}

/// Downloads one account as a file of its own.
pub fn export_account(store: Store, account: &KeyAccount) {
    let now = browser::now();
    let text = store.read_untracked(|ws| storage::encode(&ws.single(account), now));
    let _ = browser::download(
        &format!(
            "kam-account-{}-{}.json",
            file_slug(&account.name),
            now.date_stamp()
        ),
        &text,
        "application/json",
    );
}

/// Downloads one Fitness-Check: what a participant hands in.
pub fn export_check(record: &crate::domain::fitness::FitnessRecord) {
    let now = browser::now();
    let text = storage::encode(&Workspace::single_check(record), now);
    let who = if record.check.respondent.trim().is_empty() {
        "check".to_owned()
    } else {
        file_slug(&record.check.respondent)
    };
    let _ = browser::download(
        &format!("kam-fitness-{who}-{}.json", now.date_stamp()),
        &text,
        "application/json",
    );
}

/// A file-name-safe version of a name: `Müller & Söhne AG` → `muller-sohne-ag`.
fn file_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'ä' => 'a',
            'ö' => 'o',
            'ü' => 'u',
            'ß' => 's',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug
        .trim_end_matches('-')
        .chars()
        .take(40)
        .collect::<String>();
    if slug.is_empty() {
        "account".into()
    } else {
        slug
    }
}

/// Shows in the header whether the work is saved.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let label = move || {
        let locale = i18n.get_locale();
        match store.save_state.get() {
            SaveState::Idle => td_string!(locale, save.idle).to_owned(),
            SaveState::Pending => td_string!(locale, save.pending).to_owned(),
            SaveState::Saved(at) => {
                td_string!(locale, save.saved_at, time = text::time(locale, at))
            }
            SaveState::Failed(WriteFailure::QuotaExceeded) => {
                td_string!(locale, save.failed_quota).to_owned()
            }
            SaveState::Failed(WriteFailure::Unavailable(_)) => {
                td_string!(locale, save.failed_unavailable).to_owned()
            }
            SaveState::Blocked(BlockReason::NewerVersion(_)) => {
                td_string!(locale, save.blocked_newer).to_owned()
            }
            SaveState::Blocked(BlockReason::Stale) => {
                td_string!(locale, save.blocked_stale).to_owned()
            }
            SaveState::Blocked(BlockReason::UnreadableNotMoved) => {
                td_string!(locale, save.blocked_unreadable).to_owned()
            }
        }
    };
    let problem = move || {
        matches!(
            store.save_state.get(),
            SaveState::Failed(_) | SaveState::Blocked(_)
        )
    };
    view! {
        <p class="kam-save" class:kam-save--problem=problem role="status" data-testid="save-state">
            {label}
        </p>
    }
}

/// Switches between German and English.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let button = move |locale: Locale, code: &'static str| {
        view! {
            <button
                type="button"
                class="kam-lang__option"
                lang=code
                aria-pressed=move || (i18n.get_locale() == locale).to_string()
                on:click=move |_| i18n.set_locale(locale)
            >
                {code.to_uppercase()}
            </button>
        }
    };
    view! {
        <div class="kam-lang" role="group" aria-label=move || t_string!(i18n, nav.language)>
            {button(Locale::de, "de")}
            {button(Locale::en, "en")}
        </div>
    }
}

/// Persistent banners: storage full or unavailable, read-only because of a
/// newer version, another tab saved, damaged data set aside.
#[component]
pub fn Banners() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let export_now = move |_| export_workspace(store);
    let state_banner = move || {
        let banner = |title: String, body: String, actions: AnyView| {
            view! {
                <section class="kam-banner kam-banner--error" role="alert" data-testid="banner">
                    <div class="kam-banner__text">
                        <strong>{title}</strong>
                        <p>{body}</p>
                    </div>
                    <div class="kam-banner__actions">{actions}</div>
                </section>
            }
            .into_any()
        };
        let locale = i18n.get_locale();
        match store.save_state.get() {
            SaveState::Failed(WriteFailure::QuotaExceeded) => Some(banner(
                td_string!(locale, banner.quota_title).into(),
                td_string!(locale, banner.quota_body).into(),
                view! { <button class="kam-button kam-button--primary" on:click=export_now>{td_string!(locale, banner.export_now)}</button> }.into_any(),
            )),
            SaveState::Failed(WriteFailure::Unavailable(_)) => Some(banner(
                td_string!(locale, banner.unavailable_title).into(),
                td_string!(locale, banner.unavailable_body).into(),
                view! { <button class="kam-button kam-button--primary" on:click=export_now>{td_string!(locale, banner.export_now)}</button> }.into_any(),
            )),
            SaveState::Blocked(BlockReason::NewerVersion(version)) => Some(banner(
                td_string!(locale, banner.newer_title).into(),
                td_string!(locale, banner.newer_body, version = version, current = crate::storage::CURRENT_VERSION),
                ().into_any(),
            )),
            SaveState::Blocked(BlockReason::Stale) => Some(banner(
                td_string!(locale, banner.stale_title).into(),
                td_string!(locale, banner.stale_body).into(),
                view! {
                    <button class="kam-button" on:click=export_now>{td_string!(locale, banner.export_mine)}</button>
                    <button class="kam-button kam-button--primary" on:click=move |_| store.load_stored_state()>
                        {td_string!(locale, banner.load_other)}
                    </button>
                }
                .into_any(),
            )),
            SaveState::Blocked(BlockReason::UnreadableNotMoved) => Some(banner(
                td_string!(locale, banner.unreadable_title).into(),
                td_string!(locale, banner.unreadable_stuck_body).into(),
                view! {
                    <button class="kam-button kam-button--primary" on:click=move |_| {
                        if let Some(raw) = store.unreadable_raw() {
                            let _ = browser::download("kam-workbench-unreadable.txt", &raw, "text/plain");
                        }
                    }>{td_string!(locale, banner.download_raw)}</button>
                }
                .into_any(),
            )),
            _ => None,
        }
    };
    let recovered_banner = move || {
        store.recovered.get().map(|key| {
            let download_key = key.clone();
            view! {
                <section class="kam-banner kam-banner--warning" role="alert" data-testid="recovered-banner">
                    <div class="kam-banner__text">
                        <strong>{t!(i18n, banner.unreadable_title)}</strong>
                        <p>{t!(i18n, banner.unreadable_body)}</p>
                    </div>
                    <div class="kam-banner__actions">
                        <button class="kam-button" on:click=move |_| download_recovery(&download_key)>
                            {t!(i18n, banner.download_raw)}
                        </button>
                        <button class="kam-button kam-button--quiet" on:click=move |_| store.recovered.set(None)>
                            {t!(i18n, banner.dismiss)}
                        </button>
                    </div>
                </section>
            }
        })
    };
    view! { <div class="kam-banners">{state_banner}{recovered_banner}</div> }
}

/// Downloads a recovery copy exactly as it was stored.
pub fn download_recovery(key: &str) {
    if let Ok(Some(raw)) = browser::get_item(key) {
        let stamp = crate::storage::keys::key_millis(crate::storage::keys::RECOVERY_PREFIX, key)
            .and_then(|m| crate::domain::Timestamp::from_millis(m).ok())
            .map(|t| t.date_stamp())
            .unwrap_or_default();
        let _ = browser::download(
            &format!("kam-workbench-recovery-{stamp}.txt"),
            &raw,
            "text/plain",
        );
    }
}

/// The notice at the bottom of the screen, with undo where it applies.
#[component]
pub fn ToastView() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = move || {
        let locale = i18n.get_locale();
        let toast = store.toast.get()?;
        let message = match &toast {
            Toast::Undoable(Notice::AccountDeleted(name)) => {
                td_string!(locale, toast.deleted, name = name)
            }
            Toast::Undoable(Notice::CheckDeleted) => td_string!(locale, fitness.deleted).to_owned(),
            Toast::Undoable(Notice::Worded(message)) => message.clone(),
            Toast::Undone => td_string!(locale, toast.undone).to_owned(),
            Toast::FromOtherTab => td_string!(locale, toast.other_tab).to_owned(),
            Toast::ImportApplied => td_string!(locale, data.applied).to_owned(),
            Toast::SnapshotRestored => td_string!(locale, settings.restored).to_owned(),
            Toast::ResetDone => td_string!(locale, settings.reset_done).to_owned(),
            Toast::Refused(error) => td_string!(
                locale,
                toast.refused,
                reason = text::workspace_error(locale, error)
            ),
        };
        let undo_button = matches!(toast, Toast::Undoable(_)).then(|| {
            view! {
                <button class="kam-button kam-button--primary" data-testid="toast-undo" on:click=move |_| store.undo()>
                    {td_string!(locale, toast.undo)}
                </button>
            }
        });
        Some(view! {
            <div class="kam-toast" role="status" data-testid="toast">
                <span>{message}</span>
                {undo_button}
                <button
                    class="kam-toast__close"
                    aria-label=td_string!(locale, toast.close)
                    on:click=move |_| store.toast.set(None)
                >
                    "×"
                </button>
            </div>
        })
    };
    view! { <div class="kam-toast-area" aria-live="polite">{content}</div> }
}

/// The page of the key account named in the address (`:id`): `render`
/// draws it once the account is known to exist; otherwise the page says
/// that there is no such key account and leads back to the list.
pub fn account_of_address<V: IntoView + 'static>(
    render: impl Fn(uuid::Uuid) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let params = leptos_router::hooks::use_params_map();
    let id = Memo::new(move |_| {
        params.with(|p| p.get("id").and_then(|s| uuid::Uuid::parse_str(&s).ok()))
    });
    let exists = Memo::new(move |_| {
        id.get().is_some_and(|id| {
            store.read(super::store::Part::Accounts, |ws| ws.account(id).is_some())
        })
    });
    move || {
        match id.get().filter(|_| exists.get()) {
        Some(account) => render(account).into_any(),
        None => view! {
            <section class="kam-page kam-empty" data-testid="account-not-found">
                <h1>{t!(i18n, account.not_found_title)}</h1>
                <p>{t!(i18n, account.not_found_body)}</p>
                <a href=super::href("/accounts") rel="external" class="kam-button kam-button--primary">{t!(i18n, account.back)}</a>
            </section>
        }
        .into_any(),
    }
    }
}
