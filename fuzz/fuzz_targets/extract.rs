//! Arbitrary bytes through `extract`'s per-input path: decode, every stage,
//! validation. A refused input (not UTF-8, empty, binary) is fine; a panic
//! or a record that fails validation is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = newsparse::extract::record_for_bytes("fuzz.txt", data, 10 << 20) {
        assert!(!e.starts_with("internal error"), "{e}");
    }
});
