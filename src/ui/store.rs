//! The one state root of the app, provided as context.
//!
//! It holds the workspace and everything about saving it. Views change the
//! workspace only through [`Store::edit`] (or the replace operations), which
//! marks it dirty and schedules a debounced save. Saving follows
//! RELIABILITY.md: it never writes over data it could not read, over data of
//! a newer version, or over what another tab saved meanwhile.

use crate::domain::{Timestamp, Workspace, WorkspaceError, WorkspaceLimits};
use crate::storage::browser;
use crate::storage::{self, keys, DecodeError, WriteFailure};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Debounce between the last edit and the save.
const SAVE_DELAY: Duration = Duration::from_millis(250);
/// How long a notice at the bottom of the screen stays.
const TOAST_DURATION: Duration = Duration::from_secs(10);

/// Why this tab has stopped writing.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockReason {
    /// The stored data was written by a newer app version (its format).
    NewerVersion(u64),
    /// Another tab saved after this one last read or wrote.
    Stale,
    /// The stored data is unreadable and could not be set aside.
    UnreadableNotMoved,
}

/// What the header shows about saving.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Idle,
    Pending,
    Saved(Timestamp),
    Failed(WriteFailure),
    Blocked(BlockReason),
}

/// A short-lived message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Toast {
    /// Something was changed that can be undone: the notice offers "undo"
    /// while it shows (see [`Store::edit_with_undo`]).
    Undoable(Notice),
    /// An undo was carried out.
    Undone,
    FromOtherTab,
    ImportApplied,
    SnapshotRestored,
    ResetDone,
    /// A change was refused because its result would break a rule of the
    /// workspace; nothing was changed.
    Refused(WorkspaceError),
}

/// What an undoable change did, as the notice names it.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    AccountDeleted(String),
    CheckDeleted,
    /// Any other change, already worded in the UI language (the customer
    /// list, a person of a Buying Center).
    Worded(String),
}

impl Notice {
    /// Kind and detail, as an undo handed on to the next page keeps them
    /// (`storage::carry`).
    fn to_parts(&self) -> (&'static str, String) {
        match self {
            Notice::AccountDeleted(name) => ("account", name.clone()),
            Notice::CheckDeleted => ("check", String::new()),
            Notice::Worded(text) => ("worded", text.clone()),
        }
    }

    /// The notice of [`Notice::to_parts`].
    fn from_parts(kind: &str, text: String) -> Notice {
        match kind {
            "account" => Notice::AccountDeleted(text),
            "check" => Notice::CheckDeleted,
            _ => Notice::Worded(text),
        }
    }
}

/// How to take back the last undoable change.
pub type UndoAction = Box<dyn FnOnce(&mut Workspace) + Send + Sync>;

#[derive(Default)]
struct Persist {
    /// The revision token as this tab last read or wrote it.
    revision: Option<String>,
    /// Length and hash of the stored workspace text as this tab last read
    /// or wrote it: compared only when there is no revision token (a save
    /// by an older build, or a token that could not be written).
    stored_fingerprint: Option<(usize, u64)>,
    /// Edits not yet written.
    dirty: bool,
    blocked: Option<BlockReason>,
    timer: Option<TimeoutHandle>,
    /// Unreadable stored text that could not be moved aside (for download).
    unreadable_raw: Option<String>,
    toast_serial: u64,
    /// The last workspace that passed validation and was saved or loaded:
    /// what a refused edit falls back to.
    last_good: Workspace,
    /// Undo of the change the notice shows, with that notice's serial.
    undo: Option<(u64, UndoAction)>,
    /// Until when (milliseconds since 1970) that notice shows.
    undo_until: i64,
    /// For an undo that puts a whole state back as it was before the
    /// change (handed on from the previous page, or a record of a tool of
    /// the account analysis): it stands only while nothing has been edited
    /// since, so any edit withdraws it and undo never throws an edit away.
    undo_restores_state: bool,
}

/// A snapshot kept before a replace, as the settings list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotInfo {
    pub key: String,
    pub taken: Option<Timestamp>,
    pub accounts: Option<usize>,
}

/// The parts of the workspace that views follow separately: a change to
/// one part re-runs only the views that read that part, and is checked with
/// that part's validation ([`Section`] of the domain).
pub use crate::domain::Section as Part;

/// Length and hash of a stored text, to tell whether it changed.
fn fingerprint(raw: Option<&str>) -> Option<(usize, u64)> {
    raw.map(crate::storage::keys::fingerprint)
}

/// The app's state root. Cheap to copy; every field is an arena handle.
///
/// The workspace itself is never tracked: views read it through
/// [`Store::read`] (one part) or [`Store::read_all`], and edits notify only
/// the parts they name.
#[derive(Clone, Copy)]
pub struct Store {
    workspace: StoredValue<Workspace>,
    changed: [Trigger; Part::ALL.len()],
    pub save_state: RwSignal<SaveState>,
    /// Key of the recovery copy made at start-up, while its banner shows.
    pub recovered: RwSignal<Option<String>>,
    pub toast: RwSignal<Option<Toast>>,
    /// Bumped whenever snapshots or recovery copies change, for lists.
    pub storage_revision: RwSignal<u32>,
    persist: StoredValue<Persist>,
    /// The reader of stored data this area uses.
    read: Reader,
}

/// Reads stored or exported text (see [`Store::init`]).
pub type Reader = fn(&[u8]) -> Result<storage::Decoded, DecodeError>;

/// The store from context. Every view is inside the provider.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

impl Store {
    /// Loads the stored workspace (parse → validate → migrate), sets aside
    /// unreadable data, and installs the save-on-leave and other-tab
    /// listeners.
    ///
    /// `read` is the reader of stored data: one of the `storage::decode_stored*`
    /// readers (which name the sections the area types), or in the area that
    /// reads users' files anyway, [`storage::decode_file`], so that each area
    /// links one reader (docs/PERFORMANCE.md).
    pub fn init(read: Reader) -> Store {
        let mut persist = Persist::default();
        let mut workspace = Workspace::default();
        let mut save_state = SaveState::Idle;
        let mut recovered = None;
        persist.revision = browser::get_item(keys::REVISION).ok().flatten();
        match browser::get_item(keys::WORKSPACE) {
            Err(failure) => save_state = SaveState::Failed(failure),
            Ok(None) => {}
            Ok(Some(raw)) => match read(raw.as_bytes()) {
                Ok(decoded) => {
                    persist.stored_fingerprint = fingerprint(Some(&raw));
                    persist.last_good = decoded.workspace.clone();
                    workspace = decoded.workspace;
                    save_state = SaveState::Saved(decoded.exported_at);
                }
                Err(DecodeError::TooNew { version }) => {
                    persist.blocked = Some(BlockReason::NewerVersion(version));
                    save_state = SaveState::Blocked(BlockReason::NewerVersion(version));
                }
                Err(_) => {
                    let key = keys::timed_key(keys::RECOVERY_PREFIX, browser::now().millis());
                    match browser::set_item(&key, &raw) {
                        Ok(()) => {
                            let _ = browser::remove_item(keys::WORKSPACE);
                            recovered = Some(key);
                        }
                        Err(_) => {
                            persist.blocked = Some(BlockReason::UnreadableNotMoved);
                            save_state = SaveState::Blocked(BlockReason::UnreadableNotMoved);
                            persist.unreadable_raw = Some(raw.clone());
                        }
                    }
                }
            },
        }
        let store = Store {
            workspace: StoredValue::new(workspace),
            changed: std::array::from_fn(|_| Trigger::new()),
            save_state: RwSignal::new(save_state),
            recovered: RwSignal::new(recovered),
            toast: RwSignal::new(None),
            storage_revision: RwSignal::new(0),
            persist: StoredValue::new(persist),
            read,
        };
        store.install_listeners();
        store.take_carried_undo();
        store
    }

    /// Reads the workspace and follows changes to one part of it.
    pub fn read<T>(&self, part: Part, f: impl FnOnce(&Workspace) -> T) -> T {
        self.changed[part as usize].track();
        self.workspace.with_value(f)
    }

    /// Reads the workspace and follows every change to it.
    pub fn read_all<T>(&self, f: impl FnOnce(&Workspace) -> T) -> T {
        for trigger in &self.changed {
            trigger.track();
        }
        self.workspace.with_value(f)
    }

    /// Reads the workspace without following changes (event handlers).
    pub fn read_untracked<T>(&self, f: impl FnOnce(&Workspace) -> T) -> T {
        self.workspace.with_value(f)
    }

    fn notify(&self, parts: &[Part]) {
        for part in parts {
            self.changed[*part as usize].notify();
        }
    }

    /// Puts a whole new workspace in place and tells every view.
    fn set_workspace(&self, workspace: Workspace) {
        self.workspace.set_value(workspace);
        self.notify(&Part::ALL);
    }

    /// Changes the workspace and schedules a save; every view is told. The
    /// change is tried on a copy and applied only when the result passes
    /// the check, so a refusal loses no other edit. For the frequent small
    /// edits of one part, [`Store::edit_part`] avoids the copy.
    pub fn edit(&self, change: impl FnOnce(&mut Workspace)) {
        if let Err(problem) = self.try_edit(change) {
            self.show_toast(Toast::Refused(problem));
        }
    }

    /// Changes one part of the workspace and schedules a save; only the
    /// views of that part re-run. The result is checked with that part's
    /// validation ([`Workspace::validate_edit`]); a change that would break
    /// a rule is refused: the workspace goes back to its last saved state
    /// and the notice says why. Views check their fields first, so this is
    /// the last line of defence (saved means loadable).
    pub fn edit_part(&self, part: Part, change: impl FnOnce(&mut Workspace)) {
        if let Err(problem) = self.edit_parts(&[part], change) {
            self.show_toast(Toast::Refused(problem));
        }
    }

    fn edit_parts(
        &self,
        parts: &[Part],
        change: impl FnOnce(&mut Workspace),
    ) -> Result<(), WorkspaceError> {
        self.workspace.update_value(change);
        let problem = self.workspace.with_value(|ws| {
            parts
                .iter()
                .find_map(|part| ws.validate_edit(*part, WorkspaceLimits::DEFAULT).err())
        });
        if let Some(problem) = problem {
            let good = self.persist.with_value(|p| p.last_good.clone());
            self.set_workspace(good);
            return Err(problem);
        }
        self.notify(parts);
        self.mark_dirty();
        Ok(())
    }

    /// Like [`Store::edit`], but the caller hears of a refusal (and says
    /// it in its own place): bulk changes such as imports and merges.
    pub fn try_edit(&self, change: impl FnOnce(&mut Workspace)) -> Result<(), WorkspaceError> {
        let mut candidate = self.workspace.get_value();
        change(&mut candidate);
        // The whole check: these changes are rare and may touch anything
        // (a CSV import adds thousands of customers at once).
        candidate.validate(WorkspaceLimits::DEFAULT)?;
        self.set_workspace(candidate);
        self.mark_dirty();
        Ok(())
    }

    /// Makes a change that the notice then offers to undo. `change`
    /// returns how to take it back, or `None` when it changed nothing.
    /// Returns whether the change was made (a refused change shows why).
    pub fn edit_with_undo(
        &self,
        notice: Notice,
        change: impl FnOnce(&mut Workspace) -> Option<UndoAction>,
    ) -> bool {
        self.edit_offering_undo(notice, change, false)
    }

    /// Like [`Store::edit_with_undo`], for an undo that puts a whole record
    /// back as it was before the change: the next edit withdraws the offer,
    /// so that undo never throws that edit away.
    pub fn edit_with_state_undo(
        &self,
        notice: Notice,
        change: impl FnOnce(&mut Workspace) -> Option<UndoAction>,
    ) -> bool {
        self.edit_offering_undo(notice, change, true)
    }

    fn edit_offering_undo(
        &self,
        notice: Notice,
        change: impl FnOnce(&mut Workspace) -> Option<UndoAction>,
        restores_state: bool,
    ) -> bool {
        let mut undo = None;
        match self.try_edit(|ws| undo = change(ws)) {
            Err(problem) => {
                self.show_toast(Toast::Refused(problem));
                false
            }
            Ok(()) => {
                if let Some(undo) = undo {
                    let until = browser::now().millis() + TOAST_DURATION.as_millis() as i64;
                    self.offer_undo(notice, undo, until, restores_state);
                }
                true
            }
        }
    }

    /// Shows the notice of an undoable change until `until`, with its undo.
    fn offer_undo(&self, notice: Notice, undo: UndoAction, until: i64, restores_state: bool) {
        let left = (until - browser::now().millis()).clamp(0, TOAST_DURATION.as_millis() as i64);
        self.show_toast_for(Toast::Undoable(notice), Duration::from_millis(left as u64));
        let serial = self.persist.with_value(|p| p.toast_serial);
        self.persist.update_value(|p| {
            p.undo = Some((serial, undo));
            p.undo_until = until;
            p.undo_restores_state = restores_state;
        });
    }

    /// When the page is left while an undo is offered (for example for
    /// another area of the app), hands it on to the next page of this tab
    /// (`storage::carry`): the state before the change, offered for the rest
    /// of the notice's time while nothing has been saved since.
    fn carry_undo(&self) {
        let serial = self.persist.with_value(|p| p.toast_serial);
        let Some(Toast::Undoable(notice)) = self.toast.get_untracked() else {
            return;
        };
        let Some((for_serial, undo)) = self.persist.try_update_value(|p| p.undo.take()).flatten()
        else {
            return;
        };
        let (until, revision, dirty) = self
            .persist
            .with_value(|p| (p.undo_until, p.revision.clone(), p.dirty));
        let now = browser::now();
        if for_serial != serial || dirty || now.millis() >= until {
            return;
        }
        let Some(revision) = revision else { return };
        let mut before = self.workspace.get_value();
        undo(&mut before);
        if before.validate(WorkspaceLimits::DEFAULT).is_err() {
            return;
        }
        let (notice_kind, notice_text) = notice.to_parts();
        let carried = storage::carry::CarriedUndo {
            until,
            revision,
            notice_kind: notice_kind.into(),
            notice_text,
            before: storage::encode_compact(&before, now),
        };
        browser::set_session_item(storage::carry::KEY, &carried.write());
        // The undo now belongs to the next page; should this page come back
        // (from the browser's back-forward cache), it offers none.
        self.toast.set(None);
    }

    /// Offers the undo the previous page of this tab handed on, if it
    /// still applies.
    fn take_carried_undo(&self) {
        let Some(carried) = browser::take_session_item(storage::carry::KEY)
            .and_then(|text| storage::carry::CarriedUndo::read(&text))
        else {
            return;
        };
        let revision = self.persist.with_value(|p| p.revision.clone());
        if !carried.applies(browser::now().millis(), revision.as_deref()) {
            return;
        }
        let Ok(decoded) = (self.read)(carried.before.as_bytes()) else {
            return;
        };
        let notice = Notice::from_parts(&carried.notice_kind, carried.notice_text);
        let before = decoded.workspace;
        self.offer_undo(
            notice,
            Box::new(move |ws| *ws = before),
            carried.until,
            true,
        );
    }

    /// Takes back the change the current notice shows.
    pub fn undo(&self) {
        let serial = self.persist.with_value(|p| p.toast_serial);
        let undo = self.persist.try_update_value(|p| p.undo.take()).flatten();
        if let Some((for_serial, undo)) = undo {
            if for_serial == serial {
                match self.try_edit(undo) {
                    Ok(()) => self.show_toast(Toast::Undone),
                    Err(problem) => self.show_toast(Toast::Refused(problem)),
                }
            }
        }
    }

    /// Forgets the undo of the last change: the workspace it applied to is
    /// gone (another tab's state was loaded, or the workspace replaced).
    fn forget_undo(&self) {
        self.persist.update_value(|p| p.undo = None);
        if matches!(self.toast.get_untracked(), Some(Toast::Undoable(_))) {
            self.toast.set(None);
        }
    }

    fn mark_dirty(&self) {
        // An undo that restores the whole state before its change (carried
        // over from the previous page, or a tool's record): after another
        // edit it would undo that edit too, so it is withdrawn.
        if self
            .persist
            .with_value(|p| p.undo_restores_state && p.undo.is_some())
        {
            self.forget_undo();
        }
        self.persist.update_value(|p| p.dirty = true);
        if self.persist.with_value(|p| p.blocked.is_none()) {
            self.save_state.set(SaveState::Pending);
        }
        self.schedule_save();
    }

    fn schedule_save(&self) {
        let store = *self;
        self.persist.update_value(|p| {
            if let Some(timer) = p.timer.take() {
                timer.clear();
            }
        });
        if let Ok(timer) = set_timeout_with_handle(move || store.flush(), SAVE_DELAY) {
            self.persist.update_value(|p| p.timer = Some(timer));
        }
    }

    fn block(&self, reason: BlockReason) {
        self.persist.update_value(|p| {
            p.blocked = Some(reason.clone());
            if let Some(timer) = p.timer.take() {
                timer.clear();
            }
        });
        self.save_state.set(SaveState::Blocked(reason));
    }

    /// Writes pending edits now, unless this tab must not write.
    pub fn flush(&self) {
        let (dirty, blocked, revision) = self
            .persist
            .with_value(|p| (p.dirty, p.blocked.clone(), p.revision.clone()));
        if !dirty {
            return;
        }
        if let Some(reason) = blocked {
            self.save_state.set(SaveState::Blocked(reason));
            return;
        }
        // Another tab saved since this one last read or wrote: its token
        // differs. Comparing the token keeps the whole stored workspace out
        // of every save.
        match browser::get_item(keys::REVISION) {
            Err(failure) => {
                self.save_state.set(SaveState::Failed(failure));
                return;
            }
            Ok(current) if current != revision => {
                self.block(BlockReason::Stale);
                return;
            }
            Ok(None) => {
                // No token: compare the stored text itself (once per save
                // only in this rare case).
                let known = self.persist.with_value(|p| p.stored_fingerprint);
                match browser::get_item(keys::WORKSPACE) {
                    Err(failure) => {
                        self.save_state.set(SaveState::Failed(failure));
                        return;
                    }
                    Ok(stored) if fingerprint(stored.as_deref()) != known => {
                        self.block(BlockReason::Stale);
                        return;
                    }
                    Ok(_) => {}
                }
            }
            Ok(Some(_)) => {}
        }
        // The last check before a write: what is stored must load again.
        if let Some(problem) = self
            .workspace
            .with_value(|ws| ws.validate(WorkspaceLimits::DEFAULT).err())
        {
            let good = self.persist.with_value(|p| p.last_good.clone());
            self.set_workspace(good);
            self.persist.update_value(|p| p.dirty = false);
            self.show_toast(Toast::Refused(problem));
            return;
        }
        let now = browser::now();
        let raw = self
            .workspace
            .with_value(|ws| storage::encode_compact(ws, now));
        let good = self.workspace.get_value();
        match browser::set_item(keys::WORKSPACE, &raw) {
            Ok(()) => {
                let token = uuid::Uuid::new_v4().simple().to_string();
                // When the token cannot be written, it is removed instead:
                // other tabs then see that it changed, and this tab compares
                // the stored text on its next save.
                let token = match browser::set_item(keys::REVISION, &token) {
                    Ok(()) => Some(token),
                    Err(_) => {
                        let _ = browser::remove_item(keys::REVISION);
                        None
                    }
                };
                let written = fingerprint(Some(&raw));
                self.persist.update_value(|p| {
                    p.revision = token;
                    p.stored_fingerprint = written;
                    p.dirty = false;
                    p.last_good = good;
                });
                self.save_state.set(SaveState::Saved(now));
            }
            Err(failure) => self.save_state.set(SaveState::Failed(failure)),
        }
    }

    /// Takes the state another tab saved, dropping this tab's unsaved edits.
    pub fn load_stored_state(&self) {
        let revision = browser::get_item(keys::REVISION).ok().flatten();
        let stored = match browser::get_item(keys::WORKSPACE) {
            Ok(stored) => stored,
            Err(failure) => {
                self.save_state.set(SaveState::Failed(failure));
                return;
            }
        };
        let decoded = match &stored {
            None => Ok((Workspace::default(), SaveState::Idle)),
            Some(raw) => {
                (self.read)(raw.as_bytes()).map(|d| (d.workspace, SaveState::Saved(d.exported_at)))
            }
        };
        match decoded {
            Ok((workspace, state)) => {
                let good = workspace.clone();
                let stored_fingerprint = fingerprint(stored.as_deref());
                self.persist.update_value(|p| {
                    p.revision = revision;
                    p.stored_fingerprint = stored_fingerprint;
                    p.dirty = false;
                    p.blocked = None;
                    p.last_good = good;
                });
                self.set_workspace(workspace);
                self.forget_undo();
                self.save_state.set(state);
            }
            Err(DecodeError::TooNew { version }) => self.block(BlockReason::NewerVersion(version)),
            Err(_) => self.block(BlockReason::Stale),
        }
    }

    /// Another tab saved (the storage event fires only in the other tabs):
    /// its new revision token arrives here; `None` for a save without a
    /// token (an older build), which always counts as new.
    fn on_other_tab_write(&self, new_revision: Option<String>) {
        let (same, dirty) = self.persist.with_value(|p| {
            (
                new_revision.is_some() && p.revision == new_revision,
                p.dirty,
            )
        });
        if same {
            return;
        }
        if dirty {
            self.block(BlockReason::Stale);
            return;
        }
        let blocked = self.persist.with_value(|p| p.blocked.clone());
        if blocked.is_some() && blocked != Some(BlockReason::Stale) {
            return;
        }
        self.load_stored_state();
        self.show_toast(Toast::FromOtherTab);
    }

    fn install_listeners(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let store = *self;
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                match event.key() {
                    Some(key) if key == keys::REVISION => {
                        store.on_other_tab_write(event.new_value())
                    }
                    // A save that comes without a token (an older build of
                    // the app in another tab): the workspace event alone.
                    Some(key)
                        if key == keys::WORKSPACE
                            && browser::get_item(keys::REVISION).ok().flatten().is_none() =>
                    {
                        store.on_other_tab_write(None)
                    }
                    Some(key)
                        if key.starts_with(keys::SNAPSHOT_PREFIX)
                            || key.starts_with(keys::RECOVERY_PREFIX) =>
                    {
                        store.storage_revision.update(|r| *r += 1)
                    }
                    _ => {}
                }
            });
        let on_leave = Closure::<dyn Fn()>::new(move || store.flush());
        // Only when the page is really left: `beforeunload` may be cancelled.
        let on_hide = Closure::<dyn Fn()>::new(move || {
            store.flush();
            store.carry_undo();
        });
        let on_visibility = Closure::<dyn Fn()>::new(move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .map(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
                .unwrap_or(false);
            if hidden {
                store.flush();
            }
        });
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        let _ =
            window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        let _ = window
            .add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
        let _ = window.add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        // The listeners live as long as the page.
        on_storage.forget();
        on_leave.forget();
        on_hide.forget();
        on_visibility.forget();
    }

    /// Shows a notice at the bottom; it hides itself after a while.
    pub fn show_toast(&self, toast: Toast) {
        self.show_toast_for(toast, TOAST_DURATION);
    }

    fn show_toast_for(&self, toast: Toast, duration: Duration) {
        let serial = self.persist.with_value(|p| p.toast_serial) + 1;
        self.persist.update_value(|p| p.toast_serial = serial);
        self.toast.set(Some(toast));
        let store = *self;
        set_timeout(
            move || {
                if store.persist.with_value(|p| p.toast_serial) == serial {
                    store.toast.set(None);
                }
            },
            duration,
        );
    }

    /// Deletes an account (with its deletion record); the notice offers undo.
    pub fn delete_account(&self, id: uuid::Uuid) {
        let name = self
            .workspace
            .with_value(|ws| ws.account(id).map(|a| a.name.clone()))
            .unwrap_or_default();
        let now = browser::now();
        self.edit_with_undo(Notice::AccountDeleted(name), |ws| {
            let removed = ws.remove_account(id, now)?;
            Some(Box::new(move |ws: &mut Workspace| {
                ws.restore_account(removed)
            }))
        });
    }

    /// Deletes a Fitness-Check (with its deletion record); the notice offers undo.
    pub fn delete_check(&self, id: uuid::Uuid) {
        let now = browser::now();
        self.edit_with_undo(Notice::CheckDeleted, |ws| {
            let removed = ws.remove_check(id, now)?;
            Some(Box::new(move |ws: &mut Workspace| {
                ws.restore_check(removed)
            }))
        });
    }

    /// Keeps the current workspace as a snapshot, then replaces it and saves
    /// at once. Fails, changing nothing, when the snapshot cannot be written
    /// or the new workspace breaks a rule.
    pub fn replace_workspace(&self, new: Workspace) -> Result<(), ReplaceError> {
        new.validate(WorkspaceLimits::DEFAULT)
            .map_err(ReplaceError::Invalid)?;
        self.take_snapshot().map_err(ReplaceError::Storage)?;
        self.set_workspace(new);
        self.forget_undo();
        self.mark_dirty();
        self.flush();
        Ok(())
    }

    fn take_snapshot(&self) -> Result<(), WriteFailure> {
        let now = browser::now();
        let (empty, raw) = self
            .workspace
            .with_value(|ws| (ws.is_empty(), storage::encode_compact(ws, now)));
        if empty {
            return Ok(());
        }
        let key = keys::timed_key(keys::SNAPSHOT_PREFIX, now.millis());
        // A large customer list can fill the quota: make room by dropping
        // the oldest snapshots, one at a time, before giving up.
        while let Err(failure) = browser::set_item(&key, &raw) {
            if failure != WriteFailure::QuotaExceeded {
                return Err(failure);
            }
            let existing = browser::keys_with_prefix(keys::SNAPSHOT_PREFIX);
            let keep = existing.len().saturating_sub(1);
            let oldest = keys::snapshots_to_drop(existing, keep);
            if oldest.is_empty() {
                return Err(failure);
            }
            for key in oldest {
                let _ = browser::remove_item(&key);
            }
        }
        let existing = browser::keys_with_prefix(keys::SNAPSHOT_PREFIX);
        for key in keys::snapshots_to_drop(existing, keys::MAX_SNAPSHOTS) {
            let _ = browser::remove_item(&key);
        }
        self.storage_revision.update(|r| *r += 1);
        Ok(())
    }

    /// The snapshots in storage, newest first.
    pub fn snapshots(&self) -> Vec<SnapshotInfo> {
        let mut list: Vec<SnapshotInfo> = browser::keys_with_prefix(keys::SNAPSHOT_PREFIX)
            .into_iter()
            .map(|key| {
                let decoded = browser::get_item(&key)
                    .ok()
                    .flatten()
                    .and_then(|raw| (self.read)(raw.as_bytes()).ok());
                SnapshotInfo {
                    taken: keys::key_millis(keys::SNAPSHOT_PREFIX, &key)
                        .and_then(|m| Timestamp::from_millis(m).ok()),
                    accounts: decoded.map(|d| d.workspace.accounts.len()),
                    key,
                }
            })
            .collect();
        list.reverse();
        list
    }

    /// Restores a snapshot; the current state becomes a snapshot itself.
    pub fn restore_snapshot(&self, key: &str) -> Result<(), RestoreError> {
        let raw = browser::get_item(key)
            .map_err(RestoreError::Storage)?
            .ok_or(RestoreError::Missing)?;
        let decoded = (self.read)(raw.as_bytes()).map_err(RestoreError::Unreadable)?;
        self.replace_workspace(decoded.workspace)
            .map_err(|e| match e {
                ReplaceError::Storage(f) => RestoreError::Storage(f),
                ReplaceError::Invalid(e) => RestoreError::Unreadable(DecodeError::Invalid(e)),
            })?;
        self.show_toast(Toast::SnapshotRestored);
        Ok(())
    }

    pub fn remove_stored(&self, key: &str) {
        let _ = browser::remove_item(key);
        self.storage_revision.update(|r| *r += 1);
    }

    /// Unreadable text that stays in the workspace key (storage was full).
    pub fn unreadable_raw(&self) -> Option<String> {
        self.persist.with_value(|p| p.unreadable_raw.clone())
    }
}

/// Why the workspace could not be replaced; nothing was changed.
#[derive(Debug, Clone, PartialEq)]
pub enum ReplaceError {
    /// The snapshot of the current state could not be written.
    Storage(WriteFailure),
    /// The new workspace breaks a rule.
    Invalid(WorkspaceError),
}

/// Why a snapshot could not be restored.
#[derive(Debug, Clone, PartialEq)]
pub enum RestoreError {
    Missing,
    Unreadable(DecodeError),
    Storage(WriteFailure),
}
