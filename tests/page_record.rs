//! A page's record (contract 1.1): it says its format and URL, carries the
//! rendered text its spans index, and passes validation.

use newsparse::pipeline::{extract_page, PageSource, SourceInfo};
use newsparse_core::record::SourceFormat;

#[test]
fn a_page_record_carries_its_text_and_validates() {
    let html = "<html><body><h1>Kestford bridge opens</h1>\n\n<p>The mayor of Kestford, Ola Brandt, opened the bridge on Friday.</p></body></html>";
    let page = newsparse_html::render(html).expect("the page has an article");
    let source = SourceInfo {
        path: "invented.html",
        bytes: html.as_bytes(),
        page: Some(PageSource {
            format: SourceFormat::Html,
            url: Some("https://example.org/kestford-bridge"),
            warc_record_id: None,
        }),
    };
    let record = extract_page(&source, &page);
    assert_eq!(record.schema_version, "1.1");
    assert_eq!(record.text.as_deref(), Some(page.text.as_str()));
    assert_eq!(record.source.format, Some(SourceFormat::Html));
    let value = serde_json::to_value(&record).unwrap();
    assert_eq!(
        value["source"]["url"],
        "https://example.org/kestford-bridge"
    );
    let problems = newsparse::schema::check_record(&value);
    assert!(problems.is_empty(), "{problems:?}");
    // Every person mention points into the record's own text.
    let chars: Vec<char> = page.text.chars().collect();
    for person in &record.people {
        for m in &person.mentions {
            let slice: String = chars[m.start..m.end].iter().collect();
            assert_eq!(slice, m.text);
        }
    }
    assert!(!record.people.is_empty(), "the page's person is found");
}

#[test]
fn a_text_record_stays_1_0_without_the_new_fields() {
    let text = "Kestford bridge opens\n\nThe mayor, Ola Brandt, opened it.";
    let record = newsparse::pipeline::extract(&SourceInfo::text("a.txt", text.as_bytes()), text);
    let value = serde_json::to_value(&record).unwrap();
    assert_eq!(value["schema_version"], "1.0");
    assert!(value.get("text").is_none());
    assert!(value["source"].get("format").is_none());
    assert!(value["source"].get("url").is_none());
}
