//! Everything that crosses the browser boundary: the versioned file format
//! (pure, natively tested), the storage keys, and — in the browser build —
//! localStorage and file import/export.

pub mod carry;
pub mod codec;
pub mod customer_csv;
pub mod fitness_csv;
pub mod handoff;
mod json_path;
pub mod keys;
pub mod quota;
pub mod survey_csv;

#[cfg(target_arch = "wasm32")]
pub mod browser;

pub use codec::{
    decode, decode_file, decode_stored, decode_stored_all, decode_stored_fit,
    decode_stored_introduction, decode_stored_people, decode_stored_targets, encode,
    encode_compact, DecodeError, Decoded, SchemaProblem, CURRENT_VERSION, FORMAT_NAME,
    MAX_FILE_BYTES,
};
pub use quota::{classify_write_error, WriteFailure};
