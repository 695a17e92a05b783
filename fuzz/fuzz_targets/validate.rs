//! Arbitrary bytes through `validate`'s checks, both as one JSON document and
//! as JSON Lines: any verdict is fine, a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (clean, reports) = newsparse::validate::check_record_bytes("fuzz", data, None);
    assert_eq!(clean, reports.is_empty());
    newsparse::validate::check_record_bytes("fuzz.jsonl", data, Some(true));
});
