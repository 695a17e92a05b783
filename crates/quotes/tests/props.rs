//! Whatever the text, `find` returns well-formed quotes and never panics.

use newsparse_core::{Block, BlockKind, ByteSpan, Doc, EntityKind, FoundEntity};
use proptest::prelude::*;

fn doc(text: &str) -> Doc<'_> {
    let mut blocks = Vec::new();
    let mut pos = 0;
    for block in text.split('\n') {
        if !block.trim().is_empty() {
            blocks.push(Block {
                kind: if blocks.is_empty() {
                    BlockKind::Title
                } else {
                    BlockKind::Body
                },
                span: ByteSpan::new(pos, pos + block.len()),
            });
        }
        pos += block.len() + 1;
    }
    newsparse_text::segment(text, &blocks)
}

/// Every capitalized word is a mention of one person entity.
fn entities(text: &str) -> Vec<FoundEntity> {
    let mut mentions = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                if text[s..i].starts_with(char::is_uppercase) {
                    mentions.push(ByteSpan::new(s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    vec![FoundEntity {
        id: "p1".into(),
        kind: EntityKind::Person,
        name: "Anka Vell".into(),
        aliases: vec![],
        titles: vec![],
        roles: vec![],
        acronym: None,
        attributes: vec![],
        mentions,
    }]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn quotes_are_well_formed(
        text in r#"([A-Za-z]{1,6}|[ ,.:;!?\-\n]|["'“”‘’„«»]|said|he|she|they|Mr|, said |: ){0,60}"#
    ) {
        let d = doc(&text);
        let ents = entities(&text);
        let (quotes, _warnings) = newsparse_quotes::find(&d, &ents);
        let mut last_end = 0;
        for q in &quotes {
            prop_assert!(q.span.start >= last_end, "quotes in order, not overlapping");
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            let s = q.span.text(&text);
            prop_assert!(!s.is_empty() && s.trim() == s);
            prop_assert!(d.paragraphs.iter().any(|p| p.span.contains(q.span)));
            if let Some(c) = q.cue {
                prop_assert!(!quotes.iter().any(|o| o.span.overlaps(c)));
                prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            }
            if let Some(sp) = &q.speaker {
                prop_assert!(sp.entity.is_none() || sp.entity.as_deref() == Some("p1"));
                prop_assert!(!sp.name.is_empty());
            }
            last_end = q.span.end;
        }
    }
}
