//! KAM Workbench: the integrated KAM Performance Concept as browser tools.
//!
//! `domain` holds the pure methods, `storage` the file format and everything
//! that crosses the browser boundary, `ui` the Leptos views.

pub mod areas;
pub mod charts;
pub mod domain;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The version of this build, written into every saved or exported file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the app's binaries say when started outside the browser.
pub fn not_in_browser() {
    eprintln!("KAM Workbench runs in the browser. Build and serve it with `bash .ci/serve`.");
}
