//! The Leptos views: app shell, pages per building block, shared components.
//! Views show what `domain` computes and change data only through the
//! [`store::Store`].

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

mod app;
pub mod areas;
mod components;
mod language;
mod pages;
pub mod store;
mod text;

use std::sync::OnceLock;

/// The path the app is served under ("" or e.g. "/kam-workbench").
static BASE_PATH: OnceLock<String> = OnceLock::new();

/// An app path as a link target. leptos_router's `<A>` leaves absolute paths
/// as they are, so the base path of a sub-path deployment is added here.
/// (`use_navigate` adds the base itself and takes the bare path.)
pub fn href(path: &str) -> String {
    let base = BASE_PATH.get_or_init(crate::storage::browser::base_path);
    format!("{base}{path}")
}
