//! Arbitrary bytes as a WARC file through `extract`'s per-record path: the
//! WARC reader, HTTP decoding (chunked, gzip), page decoding, rendering,
//! every stage, validation. A refused record is fine; a panic, a hang or a
//! record that fails validation is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for made in newsparse::extract::records_for_warc(data, 1 << 20) {
        if let Err(e) = made {
            assert!(!e.starts_with("internal error"), "{e}");
        }
    }
});
