//! KAM Workbench: the integrated KAM Performance Concept as browser tools.
//!
//! `domain` holds the pure methods, `storage` the file format and everything
//! that crosses the browser boundary, `ui` the Leptos views.

pub mod charts;
pub mod domain;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::App;

/// The version of this build, written into every saved or exported file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
