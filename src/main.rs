//! Mounts the app. Everything else lives in the library, so tests can use it.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(kam_workbench::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "KAM Workbench runs in the browser. Build and serve it with `trunk serve --offline`."
    );
}
