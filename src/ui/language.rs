//! The UI language: German unless the user chose English; the choice is
//! kept in localStorage.

use super::i18n::*;
use crate::storage::{browser, keys};
use leptos::prelude::*;

fn stored() -> Option<Locale> {
    // gloo_storage panics when localStorage is missing, so check first.
    browser::storage().ok()?;
    let code: String =
        <gloo_storage::LocalStorage as gloo_storage::Storage>::get(keys::LANGUAGE).ok()?;
    match code.as_str() {
        "de" => Some(Locale::de),
        "en" => Some(Locale::en),
        _ => None,
    }
}

/// Applies the remembered language and remembers every later switch.
pub fn init(i18n: leptos_i18n::I18nContext<Locale>) {
    let initial = stored().unwrap_or(Locale::de);
    i18n.set_locale(initial);
    // The provider derives its first locale from the browser's languages in
    // an effect; this effect runs after it and restores our choice once.
    Effect::new(move |first_run: Option<()>| {
        if first_run.is_none() && i18n.get_locale_untracked() != initial {
            i18n.set_locale(initial);
        }
    });
    Effect::new(move |_| {
        let code = match i18n.get_locale() {
            Locale::de => "de",
            Locale::en => "en",
        };
        if browser::storage().is_ok() {
            let _ =
                <gloo_storage::LocalStorage as gloo_storage::Storage>::set(keys::LANGUAGE, code);
        }
    });
}
