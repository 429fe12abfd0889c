//! The localStorage keys the workbench uses. All start with `kam-workbench/`
//! so that they never collide with another app on the same origin.

/// The current workspace (the versioned envelope).
pub const WORKSPACE: &str = "kam-workbench/workspace";
/// A token that changes with every save of the workspace. A tab compares
/// it (a few characters) instead of the whole stored workspace to notice
/// that another tab saved meanwhile.
pub const REVISION: &str = "kam-workbench/revision";
/// The chosen UI language: `de` or `en`.
pub const LANGUAGE: &str = "kam-workbench/language";
/// Prefix of snapshots taken before an import or restore replaces data.
pub const SNAPSHOT_PREFIX: &str = "kam-workbench/snapshot/";
/// Prefix of unreadable stored states kept for recovery.
pub const RECOVERY_PREFIX: &str = "kam-workbench/recovery/";
/// How many snapshots are kept; the oldest goes first.
pub const MAX_SNAPSHOTS: usize = 5;

/// The key of a snapshot or recovery entry taken at `millis`. Zero-padded so
/// that keys sort by time.
pub fn timed_key(prefix: &str, millis: i64) -> String {
    format!("{prefix}{millis:015}")
}

/// The time part of a timed key, if the key has the prefix.
pub fn key_millis(prefix: &str, key: &str) -> Option<i64> {
    key.strip_prefix(prefix)?.parse().ok()
}

/// Which snapshot keys to delete so that at most `keep` remain, oldest first.
pub fn snapshots_to_drop(mut keys: Vec<String>, keep: usize) -> Vec<String> {
    keys.sort();
    let excess = keys.len().saturating_sub(keep);
    keys.into_iter().take(excess).collect()
}

/// Length and hash of a text, to tell whether it changed (the same on
/// every page: the hasher's keys are fixed).
pub fn fingerprint(text: &str) -> (usize, u64) {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    (text.len(), hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timed_keys_sort_by_time_and_parse_back() {
        let early = timed_key(SNAPSHOT_PREFIX, 999);
        let late = timed_key(SNAPSHOT_PREFIX, 1_700_000_000_000);
        assert!(early < late);
        assert_eq!(key_millis(SNAPSHOT_PREFIX, &late), Some(1_700_000_000_000));
        assert_eq!(key_millis(RECOVERY_PREFIX, &late), None);
    }

    #[test]
    fn the_oldest_snapshots_are_dropped_first() {
        let keys: Vec<String> = (1..=7)
            .rev()
            .map(|m| timed_key(SNAPSHOT_PREFIX, m))
            .collect();
        let dropped = snapshots_to_drop(keys, 5);
        assert_eq!(
            dropped,
            vec![timed_key(SNAPSHOT_PREFIX, 1), timed_key(SNAPSHOT_PREFIX, 2)]
        );
    }
}
