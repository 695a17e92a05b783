//! The review library without a browser: escaping, the policy, problems in
//! place, and compare matching as score.py does.

use base64::Engine as _;
use newsparse_core::record::{Record, Speaker};
use newsparse_review::compare::{compare, Status};
use newsparse_review::{page_html, page_html_for, problems, PageOptions};
use sha2::{Digest, Sha256};

const HARBOUR: &str = include_str!("../../../tests/fixtures/review/harbour.txt");
const INJECTION: &str = include_str!("../../../tests/fixtures/review/injection.txt");

fn extract(text: &str) -> Record {
    newsparse_pipeline::extract(
        &newsparse_pipeline::SourceInfo::text("in/review/a.txt", text.as_bytes()),
        text,
    )
}

/// The text between `open` and the next `close` after it.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap() + open.len();
    &html[start..start + html[start..].find(close).unwrap()]
}

fn sha(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
}

#[test]
fn the_policy_allows_exactly_the_inline_script_and_style() {
    let record = extract(HARBOUR);
    let html = page_html(&record, HARBOUR, &[]);
    let policy = between(
        &html,
        "http-equiv=\"Content-Security-Policy\" content=\"",
        "\"",
    );
    let script = between(&html, "<script>", "</script>");
    let style = between(&html, "<style>", "</style>");
    assert!(policy.starts_with("default-src 'none'; "), "{policy}");
    assert!(policy.contains(&format!("script-src 'sha256-{}';", sha(script))));
    assert!(policy.contains(&format!("style-src 'sha256-{}';", sha(style))));
    assert!(!policy.contains("unsafe") && !policy.contains("http"));
    assert!(
        !html.contains(" style=\""),
        "no style attributes: the policy forbids them"
    );
}

#[test]
fn record_strings_and_text_are_escaped() {
    let record = extract(INJECTION);
    let html = page_html(&record, INJECTION, &[]);
    assert!(!html.contains("<img"));
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("&lt;script&gt;document.documentElement"));
    assert!(
        html.contains("&quot;&gt;&lt;img src=x onerror="),
        "in the JSON and attributes too"
    );
    // The title (a record string) is escaped in <title> and <h1>.
    assert!(
        between(&html, "<title>", "</title>").starts_with("Harbour board rejects &lt;script&gt;")
    );
}

#[test]
fn problems_are_listed_and_shown_at_their_span() {
    let mut record = extract(HARBOUR);
    record.people[1].mentions[0].text = "Ilsa Morrow".into();
    let value = serde_json::to_value(&record).unwrap();
    let found = problems(&value, Some(HARBOUR.as_bytes()));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "/people/1/mentions/0/text");
    let html = page_html_for(&value, Some(HARBOUR), &found, &PageOptions::default());
    assert!(html.contains("<code>/people/1/mentions/0/text</code>"));
    assert!(html.contains("class=\"m k-per bad\" data-r=\"p2"));
    // A valid record has none.
    let clean = serde_json::to_value(extract(HARBOUR)).unwrap();
    assert!(problems(&clean, Some(HARBOUR.as_bytes())).is_empty());
}

#[test]
fn a_record_without_the_contracts_shape_still_gets_a_page() {
    let mut value = serde_json::to_value(extract(HARBOUR)).unwrap();
    value["people"] = "none".into();
    let found = problems(&value, Some(HARBOUR.as_bytes()));
    assert!(found.iter().any(|p| p.pointer == "/people"), "{found:?}");
    let html = page_html_for(&value, Some(HARBOUR), &found, &PageOptions::default());
    assert!(
        html.contains("does not have the contract&#39;s shape")
            || html.contains("does not have the contract's shape")
    );
    assert!(
        html.contains("Foreign minister Ilsa Marrow"),
        "the text is shown"
    );
}

#[test]
fn a_hand_edited_record_differs_in_exactly_the_two_edits() {
    let a = extract(HARBOUR);
    let mut b = a.clone();
    // One quote's speaker changed, one person (referenced nowhere) removed.
    let q = b
        .quotes
        .iter_mut()
        .find(|q| q.text.starts_with("We have lost"))
        .unwrap();
    q.speaker = Some(Speaker {
        reference: Some("p2".into()),
        name: "Ilsa Marrow".into(),
    });
    let gone = b.people.remove(0);
    assert_eq!(gone.name, "Lotte Brannick");
    let c = compare(&a, &b);
    let differing: Vec<_> = c
        .items
        .iter()
        .filter(|i| i.status != Status::Both)
        .collect();
    assert_eq!(differing.len(), 2, "{differing:#?}");
    assert_eq!(c.count(Some("quotes"), Status::Different), 1);
    assert_eq!(c.count(Some("people"), Status::OnlyA), 1);
    let quote = differing.iter().find(|i| i.kind == "quotes").unwrap();
    assert_eq!(
        quote.notes,
        vec!["speaker: Rena Holt vs Ilsa Marrow".to_string()]
    );
    assert!(c.items.len() > 20);
    // A record compared with itself agrees fully.
    assert_eq!(compare(&a, &a).differences(), 0);
}

#[test]
fn compare_tells_another_event_type_and_role() {
    let a = extract(HARBOUR);
    let mut b = a.clone();
    let last = b.events.len() - 1;
    b.events[last].event_type = "Movement.Transport-Person".into();
    b.events[last].participants[0].role = "Destination".into();
    let c = compare(&a, &b);
    let changed: Vec<_> = c
        .items
        .iter()
        .filter(|i| i.status != Status::Both)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert_eq!(changed[0].status, Status::Different);
    assert!(changed[0]
        .notes
        .iter()
        .any(|n| n.starts_with("type: Movement.Transport vs")));
    assert!(changed[0].notes.iter().any(|n| n.starts_with("role of ")));
}

#[test]
fn review_page_finds_what_problems_finds() {
    use newsparse_review::review_page;
    let clean = serde_json::to_value(extract(HARBOUR)).unwrap();
    let (_, found) = review_page(&clean, Some(HARBOUR.as_bytes()), &PageOptions::default());
    assert!(found.is_empty());
    let mut bad = clean.clone();
    bad["places"][0]["mentions"][0]["text"] = "Velmoro".into();
    bad["quotes"][0]["speaker"]["ref"] = "p99".into();
    let (html, found) = review_page(&bad, Some(HARBOUR.as_bytes()), &PageOptions::default());
    assert_eq!(found, problems(&bad, Some(HARBOUR.as_bytes())));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(html.contains("2 validation problems"));
    // Without a source, the checks that need none.
    let (_, found) = review_page(&bad, None, &PageOptions::default());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "/quotes/0/speaker/ref");
}

/// A batch reads a record from its JSON text, without a `Value` when it is
/// valid: the page and the index row are those of the `Value` path, however
/// the text is written, and an invalid record still has its problems shown.
#[test]
fn review_text_gives_the_page_and_row_of_the_value() {
    use newsparse_review::{review_page, review_read_text, review_text, IndexRow};
    let source = Some(HARBOUR.as_bytes());
    let options = PageOptions {
        index_href: Some("../index.html".into()),
    };
    let by_value = |record: &serde_json::Value| {
        let (html, found) = review_page(record, source, &options);
        let row = IndexRow::of(record, "a.html".into(), found.len());
        (html, row)
    };
    let clean = serde_json::to_value(extract(HARBOUR)).unwrap();
    let mut invalid = clean.clone();
    invalid["quotes"][0]["speaker"]["ref"] = "p99".into();
    let mut null_text = clean.clone();
    null_text["text"] = serde_json::Value::Null;
    for record in [&clean, &invalid, &null_text] {
        let want = by_value(record);
        let pretty = serde_json::to_string_pretty(record).unwrap();
        let compact = serde_json::to_string(record).unwrap();
        // Hand-written: every non-ASCII character and slash escaped.
        let escaped: String = compact
            .chars()
            .map(|c| match c {
                '/' => "\\/".to_string(),
                c if !c.is_ascii() => c
                    .encode_utf16(&mut [0; 2])
                    .iter()
                    .map(|u| format!("\\u{u:04x}"))
                    .collect(),
                c => c.to_string(),
            })
            .collect();
        assert_ne!(escaped, compact, "the fixture has something to escape");
        for text in [&pretty, &compact, &escaped] {
            let got = review_text(text, source, &options, "a.html".into()).unwrap();
            assert!(got == want, "{}", &text[..60]);
            // Not read as the contract's type: the `Value` path, the same page.
            let got = review_read_text(text, None, source, &options, "a.html".into()).unwrap();
            assert!(got == want, "{}", &text[..60]);
        }
    }
    assert_eq!(by_value(&clean).1.problems, 0);
    assert_eq!(by_value(&invalid).1.problems, 1);
    assert!(review_text("{\"id\":", source, &options, "a.html".into()).is_err());
}
