//! Any UTF-8 text through the layout stage alone: it does not panic, and
//! every span it gives lies inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsparse_core::span::ByteSpan;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let layout = newsparse_layout::analyze(text);
    let check = |what: &str, s: &ByteSpan| {
        assert!(
            s.start <= s.end && text.get(s.start..s.end).is_some(),
            "{what} span {}..{} is not a slice of the {}-byte text",
            s.start,
            s.end,
            text.len()
        );
    };
    for b in &layout.blocks {
        check("block", &b.span);
    }
    for s in layout.title.iter().chain(&layout.subtitle).chain(&layout.agencies) {
        check("title/subtitle/agency", s);
    }
    if let Some(d) = &layout.dateline {
        check("dateline", &d.span);
    }
    for p in &layout.photos {
        check("caption", &p.caption);
        if let Some(c) = &p.credit {
            check("credit", c);
        }
    }
});
