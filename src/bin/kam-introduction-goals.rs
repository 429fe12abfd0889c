//! The "introduction-goals" area of the app (src/areas.json): its own wasm
//! binary with only the pages of that area.

#[cfg(target_arch = "wasm32")]
fn main() {
    kam_workbench::ui::areas::introduction_goals();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    kam_workbench::not_in_browser();
}
