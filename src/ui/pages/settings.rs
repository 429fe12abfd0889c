use crate::domain::Workspace;
use crate::storage::browser::{self, PersistAnswer};
use crate::storage::keys;
use crate::ui::components::download_recovery;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Toast};
use crate::ui::text;
use leptos::prelude::*;

/// Language, storage persistence, snapshots, recovery copies and reset.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let persist = RwSignal::new(None::<PersistAnswer>);
    leptos::task::spawn_local(async move {
        persist.set(Some(browser::request_persistence().await));
    });
    let persist_text = move || {
        let locale = i18n.get_locale();
        match persist.get() {
            None => td_string!(locale, settings.persist_pending),
            Some(PersistAnswer::Granted) => td_string!(locale, settings.persist_granted),
            Some(PersistAnswer::Denied) => td_string!(locale, settings.persist_denied),
            Some(PersistAnswer::Unsupported) => td_string!(locale, settings.persist_unsupported),
        }
    };
    let language_option = move |locale: Locale, label: &'static str| {
        view! {
            <label class="kam-choice kam-choice--inline">
                <input type="radio" name="language" prop:checked=move || i18n.get_locale() == locale
                    on:change=move |_| i18n.set_locale(locale)/>
                <span lang=locale.to_string()>{label}</span>
            </label>
        }
    };
    let confirm_restore = RwSignal::new(None::<String>);
    let snapshots = move || {
        store.storage_revision.track();
        let locale = i18n.get_locale();
        let list = store.snapshots();
        if list.is_empty() {
            return view! { <p class="kam-muted" data-testid="no-snapshots">{td_string!(locale, settings.snapshots_empty)}</p> }.into_any();
        }
        view! {
            <ul class="kam-list" data-testid="snapshots">
                {list.into_iter().map(|snapshot| {
                    let key = snapshot.key.clone();
                    let key_restore = key.clone();
                    let key_confirm = key.clone();
                    let key_download = key.clone();
                    let label = td_string!(
                        locale,
                        settings.snapshot_row,
                        time = snapshot.taken.map(|t| text::time(locale, t)).unwrap_or_default(),
                        accounts = snapshot.accounts.map(|c| text::plural!(locale, count.key_accounts, c)).unwrap_or_else(|| "?".into())
                    );
                    view! {
                        <li class="kam-list__item" data-testid="snapshot">
                            <span>{label}</span>
                            <div class="kam-actions">
                                <button class="kam-button" on:click=move |_| confirm_restore.set(Some(key_confirm.clone()))>
                                    {td_string!(locale, settings.restore)}
                                </button>
                                <button class="kam-button kam-button--quiet" on:click=move |_| {
                                    if let Ok(Some(raw)) = browser::get_item(&key_download) {
                                        let _ = browser::download("kam-workbench-snapshot.json", &raw, "application/json");
                                    }
                                }>{td_string!(locale, settings.download)}</button>
                                <button class="kam-button kam-button--quiet" on:click=move |_| store.remove_stored(&key)>
                                    {td_string!(locale, settings.delete)}
                                </button>
                            </div>
                            <Show when={
                                let key_restore = key_restore.clone();
                                move || confirm_restore.get().as_deref() == Some(key_restore.as_str())
                            }>
                                <div class="kam-confirm" role="alertdialog">
                                    <p>{td_string!(locale, settings.restore_confirm)}</p>
                                    <div class="kam-actions">
                                        <button class="kam-button kam-button--primary" data-testid="confirm-restore" on:click={
                                            let key = key_restore.clone();
                                            move |_| { let _ = store.restore_snapshot(&key); confirm_restore.set(None); }
                                        }>{td_string!(locale, settings.restore)}</button>
                                        <button class="kam-button" on:click=move |_| confirm_restore.set(None)>{td_string!(locale, common.cancel)}</button>
                                    </div>
                                </div>
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let recovery = move || {
        store.storage_revision.track();
        store.recovered.track();
        let locale = i18n.get_locale();
        let list = browser::keys_with_prefix(keys::RECOVERY_PREFIX);
        if list.is_empty() {
            return view! { <p class="kam-muted">{td_string!(locale, settings.recovery_empty)}</p> }
                .into_any();
        }
        view! {
            <ul class="kam-list" data-testid="recovery-copies">
                {list.into_iter().rev().map(|key| {
                    let size = browser::get_item(&key).ok().flatten().map(|r| r.len()).unwrap_or(0);
                    let time = keys::key_millis(keys::RECOVERY_PREFIX, &key)
                        .and_then(|m| crate::domain::Timestamp::from_millis(m).ok())
                        .map(|t| text::time(locale, t))
                        .unwrap_or_default();
                    let key_download = key.clone();
                    view! {
                        <li class="kam-list__item">
                            <span>{td_string!(locale, settings.recovery_row, time = time, size = text::file_size(locale, size))}</span>
                            <div class="kam-actions">
                                <button class="kam-button" on:click=move |_| download_recovery(&key_download)>{td_string!(locale, settings.download)}</button>
                                <button class="kam-button kam-button--quiet" on:click=move |_| store.remove_stored(&key)>{td_string!(locale, settings.delete)}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let confirm_reset = RwSignal::new(false);
    let reset = move |_| {
        confirm_reset.set(false);
        if store.replace_workspace(Workspace::default()).is_ok() {
            store.show_toast(Toast::ResetDone);
        }
    };
    let empty = move || store.read_all(|ws| ws.is_empty());
    view! {
        <section class="kam-page">
            <h1>{t!(i18n, settings.title)}</h1>
            <section class="kam-card">
                <h2>{t!(i18n, settings.language_title)}</h2>
                <div class="kam-choices kam-choices--inline">
                    {language_option(Locale::de, "Deutsch")}
                    {language_option(Locale::en, "English")}
                </div>
            </section>
            <section class="kam-card">
                <h2>{t!(i18n, settings.storage_title)}</h2>
                <p>{t!(i18n, settings.storage_body)}</p>
                <p data-testid="persist-state"><strong>{persist_text}</strong></p>
            </section>
            <section class="kam-card">
                <h2>{t!(i18n, settings.snapshots_title)}</h2>
                <p>{t!(i18n, settings.snapshots_body, max = keys::MAX_SNAPSHOTS)}</p>
                {snapshots}
            </section>
            <section class="kam-card">
                <h2>{t!(i18n, settings.recovery_title)}</h2>
                <p>{t!(i18n, settings.recovery_body)}</p>
                {recovery}
            </section>
            <section class="kam-card">
                <h2>{t!(i18n, settings.reset_title)}</h2>
                <p>{t!(i18n, settings.reset_body)}</p>
                <button class="kam-button kam-button--danger" data-testid="reset" disabled=empty on:click=move |_| confirm_reset.set(true)>
                    {t!(i18n, settings.reset_button)}
                </button>
                <Show when=move || confirm_reset.get()>
                    <div class="kam-confirm" role="alertdialog">
                        <p>{t!(i18n, settings.reset_confirm)}</p>
                        <div class="kam-actions">
                            <button class="kam-button kam-button--danger" data-testid="confirm-reset" on:click=reset>{t!(i18n, settings.reset_yes)}</button>
                            <button class="kam-button" on:click=move |_| confirm_reset.set(false)>{t!(i18n, common.cancel)}</button>
                        </div>
                    </div>
                </Show>
            </section>
        </section>
    }
}
