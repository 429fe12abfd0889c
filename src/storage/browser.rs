//! localStorage, files and the clock, as the browser offers them.
//!
//! Every call is guarded: a browser that refuses storage (private mode,
//! blocked site data, a full quota) yields a [`WriteFailure`], never a panic.

use super::quota::{classify_write_error, WriteFailure};
use crate::domain::Timestamp;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn failure(error: JsValue) -> WriteFailure {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) => classify_write_error(&exception.name(), Some(exception.code())),
        None => WriteFailure::Unavailable("unknown".into()),
    }
}

/// The page's localStorage, if the browser grants it.
pub fn storage() -> Result<web_sys::Storage, WriteFailure> {
    let window = web_sys::window().ok_or_else(|| WriteFailure::Unavailable("no window".into()))?;
    window
        .local_storage()
        .map_err(failure)?
        .ok_or_else(|| WriteFailure::Unavailable("no localStorage".into()))
}

pub fn get_item(key: &str) -> Result<Option<String>, WriteFailure> {
    storage()?.get_item(key).map_err(failure)
}

pub fn set_item(key: &str, value: &str) -> Result<(), WriteFailure> {
    storage()?.set_item(key, value).map_err(failure)
}

pub fn remove_item(key: &str) -> Result<(), WriteFailure> {
    storage()?.remove_item(key).map_err(failure)
}

/// The tab's sessionStorage: read and then removed (what a page hands on
/// to the next page of the same tab).
pub fn take_session_item(key: &str) -> Option<String> {
    let storage = web_sys::window()?.session_storage().ok()??;
    let value = storage.get_item(key).ok()?;
    let _ = storage.remove_item(key);
    value
}

/// Writes into the tab's sessionStorage; a refusal (quota) is ignored.
pub fn set_session_item(key: &str, value: &str) {
    let _ = try_set_session_item(key, value);
}

/// Writes into the tab's sessionStorage; `false` when it was refused
/// (quota, storage switched off).
pub fn try_set_session_item(key: &str, value: &str) -> bool {
    match web_sys::window().map(|w| w.session_storage()) {
        Some(Ok(Some(storage))) => storage.set_item(key, value).is_ok(),
        _ => false,
    }
}

/// Reads the tab's sessionStorage without removing the entry.
pub fn session_item(key: &str) -> Option<String> {
    let storage = web_sys::window()?.session_storage().ok()??;
    storage.get_item(key).ok()?
}

/// Removes entries of the tab's sessionStorage.
pub fn remove_session_items(keys: &[&str]) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.session_storage()) {
        for key in keys {
            let _ = storage.remove_item(key);
        }
    }
}

/// All keys that start with `prefix`, sorted.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Ok(storage) = storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    keys.sort();
    keys
}

/// The current time. The browser clock always lies in the supported range;
/// should it not, the epoch is used rather than failing a save.
pub fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
        .unwrap_or_else(|_| Timestamp::from_millis(0).expect("the epoch is a valid timestamp"))
}

/// Minutes east of UTC of the user's time zone, right now.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The path the app is served under, from `<base href>` (Trunk's
/// `public_url`): `""` at the site root, `"/kam-workbench"` under a sub-path.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_owned()
}

/// Loads `url` as a new page, in place of this one in the history (the
/// page's loader then starts the area that serves it).
pub fn load_page(url: &str) {
    if let Some(window) = web_sys::window() {
        window.location().replace(url).ok();
    }
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_rel("noopener");
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Reads a chosen or dropped file as bytes. The caller checks `file.size()`
/// against the limit first, so that an oversized file is never read.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What the browser answered to `navigator.storage.persist()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersistAnswer {
    Granted,
    Denied,
    Unsupported,
}

/// Asks the browser to keep this site's storage even when space runs low.
pub async fn request_persistence() -> PersistAnswer {
    let Some(window) = web_sys::window() else {
        return PersistAnswer::Unsupported;
    };
    let navigator = window.navigator();
    let has_storage =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).unwrap_or(false);
    if !has_storage {
        return PersistAnswer::Unsupported;
    }
    let manager = navigator.storage();
    let Ok(promise) = manager.persist() else {
        return PersistAnswer::Unsupported;
    };
    match JsFuture::from(promise).await {
        Ok(value) if value.as_bool() == Some(true) => PersistAnswer::Granted,
        Ok(_) => PersistAnswer::Denied,
        Err(_) => PersistAnswer::Unsupported,
    }
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// The files chosen in an `<input type="file">` whose change event this is.
/// The input is cleared, so that picking the same file again (after fixing
/// it) fires another change.
pub fn picked_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = file_list(input.files());
    input.set_value("");
    files
}

/// The files dropped with a drop event.
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    file_list(event.data_transfer().and_then(|dt| dt.files()))
}
