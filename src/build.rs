//! Generates the translation module from `src/i18n/locales/{de,en}.json`
//! with leptos_i18n (German is the default language), and the table of the
//! app's areas from `src/areas.json` (see `src/areas.rs`).

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=src/build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("i18n");
    let config = Config::new("de")?
        .add_locale("en")?
        .locales_path("src/i18n/locales")
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    generate_areas()?;
    Ok(())
}

/// Writes `AREAS: &[(name, binary, path prefixes)]` from `src/areas.json`.
fn generate_areas() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=src/areas.json");
    let table: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("src/areas.json")?)?;
    let areas = table["areas"]
        .as_array()
        .ok_or("src/areas.json: no \"areas\" list")?;
    let mut code = String::from("/// (area, wasm binary, path prefixes), from src/areas.json.\n");
    code.push_str("pub const AREAS: &[(&str, &str, &[&str])] = &[\n");
    for area in areas {
        let text = |key: &str| -> Result<String, Box<dyn Error>> {
            let value = area[key]
                .as_str()
                .ok_or(format!("src/areas.json: an area without \"{key}\""))?;
            Ok(format!("{value:?}"))
        };
        let paths = area["paths"]
            .as_array()
            .ok_or("src/areas.json: an area without \"paths\"")?
            .iter()
            .map(|path| {
                path.as_str()
                    .map(|p| format!("{p:?}"))
                    .ok_or("src/areas.json: a path that is not text")
            })
            .collect::<Result<Vec<_>, _>>()?;
        code.push_str(&format!(
            "    ({}, {}, &[{}]),\n",
            text("name")?,
            text("bin")?,
            paths.join(", ")
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("areas.rs");
    std::fs::write(out, code)?;
    Ok(())
}
