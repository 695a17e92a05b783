use super::*;
use newsparse_core::BlockKind;
use newsparse_lang::chars::is_space;
use newsparse_lang::count_sentences;

fn body(text: &str) -> Vec<Block> {
    let start = text.len() - text.trim_start_matches(is_space).len();
    let end = text.trim_end_matches(is_space).len();
    vec![Block {
        kind: BlockKind::Body,
        span: ByteSpan::new(start, end),
    }]
}

fn tokens(text: &str) -> Vec<&str> {
    let doc = segment(text, &body(text));
    (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect()
}

fn sentences(text: &str) -> Vec<&str> {
    let doc = segment(text, &body(text));
    doc.sentences.iter().map(|s| s.span.text(text)).collect()
}

#[test]
fn clitics_split_names_stay_whole() {
    assert_eq!(
        tokens("Varnia’s envoy al-Tamimi don't O'Rourke they're"),
        [
            "Varnia",
            "’s",
            "envoy",
            "al-Tamimi",
            "do",
            "n't",
            "O'Rourke",
            "they",
            "'re"
        ]
    );
    assert_eq!(tokens("can't won't"), ["ca", "n't", "wo", "n't"]);
    assert_eq!(
        tokens("the players' union"),
        ["the", "players", "'", "union"]
    );
}

#[test]
fn numbers_keep_their_inner_marks() {
    assert_eq!(
        tokens("a 7.4bn Australian dollar ($5.8bn; £3bn) bid, up 30%, 3,000 firms at 10:15 on 21/07/2020"),
        [
            "a", "7.4bn", "Australian", "dollar", "(", "$", "5.8bn", ";", "£", "3bn", ")", "bid", ",",
            "up", "30", "%", ",", "3,000", "firms", "at", "10:15", "on", "21/07/2020"
        ]
    );
    assert_eq!(
        tokens("1,2 and 3,4567"),
        ["1", ",", "2", "and", "3", ",", "4567"]
    );
}

#[test]
fn quotes_and_punctuation_are_tokens() {
    assert_eq!(
        tokens("the “bad” idea – 'scare' -- end..."),
        ["the", "“", "bad", "”", "idea", "–", "'", "scare", "'", "--", "end", "..."]
    );
}

#[test]
fn abbreviations_keep_their_stop() {
    assert_eq!(
        tokens("Mr. Dorn of the U.S. met J. R. Quill at 5 p.m. on Jan. 3 at No. 10."),
        [
            "Mr.", "Dorn", "of", "the", "U.S.", "met", "J.", "R.", "Quill", "at", "5", "p.m.",
            "on", "Jan.", "3", "at", "No.", "10", "."
        ]
    );
    assert_eq!(
        tokens("see Fig. 3 and art. 5"),
        ["see", "Fig.", "3", "and", "art.", "5"]
    );
    assert_eq!(tokens("modern art. It"), ["modern", "art", ".", "It"]);
    assert_eq!(tokens("a U.S.-led force"), ["a", "U.S.-led", "force"]);
    assert_eq!(tokens("US$5m or HK$3"), ["US$", "5m", "or", "HK$", "3"]);
    // "no." without a number is a word and a full stop.
    assert_eq!(tokens("She said no."), ["She", "said", "no", "."]);
}

#[test]
fn abbreviations_do_not_end_sentences() {
    let s = sentences(
        "Mr. Dorn met Dr. Vale and Gov. Pike in St. Olave on Jan. 5, 2021. \
         The U.S. envoy J. R. Quill said output rose 3.5 per cent at Brant Inc. on No. 4 line. \
         Then they left.",
    );
    assert_eq!(s.len(), 3, "{s:#?}");
    assert!(s[0].ends_with("2021."));
    assert!(s[1].ends_with("line."));
}

#[test]
fn abbreviation_at_sentence_end_before_a_clear_start() {
    let s = sentences("The firm moved to the U.S. The board agreed. It joined Brant Inc. He left.");
    assert_eq!(
        s,
        [
            "The firm moved to the U.S.",
            "The board agreed.",
            "It joined Brant Inc.",
            "He left."
        ]
    );
}

#[test]
fn closing_quotes_stay_with_their_sentence() {
    let s =
        sentences("“We will win.” He smiled. \"They lost.\" She agreed? \"Yes!\" Then silence.");
    assert_eq!(
        s,
        [
            "“We will win.”",
            "He smiled.",
            "\"They lost.\"",
            "She agreed?",
            "\"Yes!\"",
            "Then silence."
        ]
    );
    // An opening quote after a stop starts the next sentence.
    let s = sentences("It was late. \"Go home,\" he said. 'Now,' she added.");
    assert_eq!(
        s,
        ["It was late.", "\"Go home,\" he said.", "'Now,' she added."]
    );
}

#[test]
fn question_inside_quote_followed_by_lowercase_continues() {
    let s = sentences("\"Why not?\" he asked. Nobody knew.");
    assert_eq!(s, ["\"Why not?\" he asked.", "Nobody knew."]);
}

#[test]
fn ellipses() {
    let s = sentences("He paused... and went on. It ended… Then it began again.");
    assert_eq!(
        s,
        [
            "He paused... and went on.",
            "It ended…",
            "Then it began again."
        ]
    );
    let s = sentences("Fans of Stay Up... Go Home On Time watched it.");
    assert_eq!(s.len(), 1);
}

#[test]
fn decimals_and_numbers_after_stops() {
    let s = sentences("Growth was 3.5 per cent. 2020 was worse.");
    assert_eq!(s, ["Growth was 3.5 per cent.", "2020 was worse."]);
}

#[test]
fn bom_crlf_nbsp_are_whitespace() {
    let text = "\u{feff}Title line\r\n\r\nFirst\u{a0}part. Second part.\r\n";
    let blocks = vec![
        Block {
            kind: BlockKind::Title,
            span: ByteSpan::new(3, 13),
        },
        Block {
            kind: BlockKind::Body,
            span: ByteSpan::new(17, text.len() - 2),
        },
    ];
    let doc = segment(text, &blocks);
    assert_eq!(doc.paragraphs.len(), 2);
    assert_eq!(doc.sentences.len(), 3);
    let toks: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
    assert_eq!(
        toks,
        ["Title", "line", "First", "part", ".", "Second", "part", "."]
    );
}

#[test]
fn unread_blocks_are_skipped_and_invariants_hold() {
    let text = "Head\n\nBy Ann Tull\n\nBody one. Body two.\n\n(photo credit: AGENCY)";
    let span = |s: &str| {
        let i = text.find(s).unwrap();
        ByteSpan::new(i, i + s.len())
    };
    let blocks = vec![
        Block {
            kind: BlockKind::Title,
            span: span("Head"),
        },
        Block {
            kind: BlockKind::Byline,
            span: span("By Ann Tull"),
        },
        Block {
            kind: BlockKind::Body,
            span: span("Body one. Body two."),
        },
        Block {
            kind: BlockKind::Credit,
            span: span("(photo credit: AGENCY)"),
        },
    ];
    let doc = segment(text, &blocks);
    assert_eq!(doc.paragraphs.len(), 2);
    assert_eq!(doc.paragraphs[1].kind, BlockKind::Body);
    assert!(!doc.tokens.iter().any(|t| t.span.text(text) == "Ann"));
    check_invariants(&doc);
    assert_eq!(doc.sentence_at(text.find("two").unwrap()), Some(2));
}

fn check_invariants(doc: &Doc) {
    for w in doc.tokens.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for (si, s) in doc.sentences.iter().enumerate() {
        assert!(!s.tokens.is_empty());
        for t in &doc.tokens[s.tokens.clone()] {
            assert!(s.span.contains(t.span));
        }
        let p = &doc.paragraphs[s.paragraph];
        assert!(p.span.contains(s.span));
        assert!(p.sentences.contains(&si));
    }
    for t in &doc.tokens {
        let w = t.span.text(doc.text);
        assert!(!w.is_empty() && !w.starts_with(is_space) && !w.ends_with(is_space));
    }
}

#[test]
fn invariants_on_messy_text() {
    let text =
        "  “Odd” ’quote’ don’t… U.S.A. e.g. rock'n'roll 3.. --x-- a.b.c. \r\n line\u{a0}two! ?";
    let doc = segment(text, &body(text));
    check_invariants(&doc);
    assert!(doc.tokens.len() > 10);
}

#[test]
fn hostnames_and_hyphens() {
    assert_eq!(
        tokens("see news.example.co.uk for anti-ISIS and Iran-US talks."),
        [
            "see",
            "news.example.co.uk",
            "for",
            "anti-ISIS",
            "and",
            "Iran-US",
            "talks",
            "."
        ]
    );
}

#[test]
fn count_sentences_counts() {
    let text = "One sentence with Mr. Bell in it.";
    assert_eq!(count_sentences(text, ByteSpan::new(0, text.len())), 1);
    let text = "One. Two. Three.";
    assert_eq!(count_sentences(text, ByteSpan::new(0, text.len())), 3);
}

/// Invented texts with the marks tokenizers disagree on: quotes, typographic
/// and plain apostrophes, abbreviations, CR LF, NBSP, U+2060 and a BOM.
const TRICKY: &[&str] = &[
    "\u{feff}\u{201c}Varnia\u{2019}s envoy didn't go,\u{201d} said Mr. Lund of Brant Inc. on Monday.\r\n\r\nThe U.S.-led talks\u{a0}ended\u{2060}early. \"We're done,\" she said.",
    "Dr. O'Rourke's 3,000 men aren't here... They're in St. Kest\u{2026} \u{2018}Why?\u{2019} No. 10 asked.",
    "Kest\u{a0}(AP) \u{2014} The firm's \u{2018}red line\u{2019}, Ms Vell said, was J.R.R. Tolkien's.\r\nIt rained.",
];

#[test]
fn the_doc_and_the_language_crate_give_the_same_tokens_and_sentences() {
    for text in TRICKY {
        let blocks = body(text);
        let doc = segment(text, &blocks);
        let seg = newsparse_lang::segment_span(text, blocks[0].span);
        let doc_tokens: Vec<ByteSpan> = doc.tokens.iter().map(|t| t.span).collect();
        let seg_tokens: Vec<ByteSpan> = seg.tokens.iter().map(|t| t.span).collect();
        assert_eq!(doc_tokens, seg_tokens, "{text:?}");
        let doc_sentences: Vec<_> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
        assert_eq!(doc_sentences, seg.sentences, "{text:?}");
        // No token holds or touches whitespace of any kind.
        for t in &doc.tokens {
            let s = t.span.text(text);
            assert!(!s.is_empty() && !s.contains(is_space), "{s:?} in {text:?}");
        }
    }
}
