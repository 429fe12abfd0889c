//! Recognising why a localStorage write failed, across browsers.

/// Why a write to storage did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteFailure {
    /// The storage quota is used up (or is zero, as in some private modes).
    QuotaExceeded,
    /// Storage is switched off or refused the write for another reason.
    Unavailable(String),
}

/// Classifies a `DOMException` by its name and legacy code. Browsers spell
/// the quota error differently: Chromium and Safari say
/// `QuotaExceededError` (code 22), old Firefox `NS_ERROR_DOM_QUOTA_REACHED`
/// (code 1014).
pub fn classify_write_error(name: &str, code: Option<u16>) -> WriteFailure {
    let quota_name = matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED");
    let quota_code = matches!(code, Some(22) | Some(1014));
    if quota_name || quota_code {
        WriteFailure::QuotaExceeded
    } else {
        WriteFailure::Unavailable(name.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_browsers_quota_error_is_recognised() {
        assert_eq!(
            classify_write_error("QuotaExceededError", Some(22)),
            WriteFailure::QuotaExceeded
        );
        assert_eq!(
            classify_write_error("NS_ERROR_DOM_QUOTA_REACHED", Some(1014)),
            WriteFailure::QuotaExceeded
        );
        assert_eq!(
            classify_write_error("Error", Some(22)),
            WriteFailure::QuotaExceeded
        );
        assert_eq!(
            classify_write_error("", Some(1014)),
            WriteFailure::QuotaExceeded
        );
    }

    #[test]
    fn other_failures_are_not_mistaken_for_a_full_storage() {
        assert_eq!(
            classify_write_error("SecurityError", Some(18)),
            WriteFailure::Unavailable("SecurityError".into())
        );
    }
}
