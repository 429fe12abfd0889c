//! The floor page of the start-up benchmark (issue #9): the smallest
//! Leptos page with one plotters chart, built like the app (release, LTO,
//! wasm-opt). What the app costs is measured against it
//! (`tests/e2e/bench-load.mjs`). Not part of the app; shows no user text.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    let rows: Vec<(String, Option<f64>)> = ["A", "B", "C"]
        .iter()
        .zip([80.0, 55.0, 30.0])
        .map(|(label, value)| (label.to_string(), Some(value)))
        .collect();
    let svg = kam_workbench::charts::area_bars(&rows, "–", &|v| format!("{v:.0}"));
    leptos::mount::mount_to_body(move || {
        view! { <main class="floor"><div inner_html=svg.clone()></div></main> }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
