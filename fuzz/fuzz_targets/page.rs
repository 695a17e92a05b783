//! Arbitrary bytes as an HTML page (gzipped or not) through `extract`'s
//! per-page path: inflate, charset, rendering, every stage, validation. A
//! refused page (no article) is fine; a panic or a record that fails
//! validation is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = newsparse::extract::record_for_page("fuzz.html", data, 10 << 20) {
        assert!(!e.starts_with("internal error"), "{e}");
    }
});
