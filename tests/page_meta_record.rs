//! A page's record takes its headline, authors and date from the page, so
//! `text --jsonl` and `extract` give the same figures.

use newsparse::pipeline::{extract_page, PageSource, SourceInfo};
use newsparse_core::record::SourceFormat;

#[test]
fn the_record_carries_the_pages_headline_authors_and_date() {
    let html = r#"<html><head><title>Ferry link approved | Kestford Courier</title>
<meta property="og:site_name" content="Kestford Courier">
<meta property="article:published_time" content="2021-03-04T22:10:00-05:00"></head>
<body><article><h1>Ferry link approved</h1><p class="byline">By Ana Lind and Tom Berg, Kestford Courier</p>
<p>The Velmora harbour council approved a new ferry route to Port Averin on Tuesday, ending two years of talks.</p>
<p>Council leader Marta Keloway said the boats would sail from May, and that fares would stay low for islanders.</p>
</article></body></html>"#;
    let page = newsparse_html::render(html).expect("an article");
    let source = SourceInfo {
        path: "ferry.html",
        bytes: html.as_bytes(),
        page: Some(PageSource {
            format: SourceFormat::Html,
            url: None,
            warc_record_id: None,
        }),
    };
    let record = extract_page(&source, &page);
    let a = &record.article;
    assert_eq!(a.title.as_deref(), Some("Ferry link approved"));
    let span = a.title_span.expect("a title span");
    let chars: Vec<char> = page.text.chars().collect();
    assert_eq!(
        chars[span.start..span.end].iter().collect::<String>(),
        "Ferry link approved"
    );
    assert_eq!(a.byline, vec!["Ana Lind", "Tom Berg"]);
    assert_eq!(a.published.as_deref(), Some("2021-03-04"));
    let value = serde_json::to_value(&record).unwrap();
    let problems = newsparse::schema::check_record(&value);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_page_without_a_headline_gives_a_record_without_a_title() {
    let html = "<html><body><div><p>The Velmora harbour council approved a new ferry route to Port Averin on Tuesday, ending two years of talks.</p></div></body></html>";
    let page = newsparse_html::render(html).expect("an article");
    assert_eq!(page.title, None);
    let source = SourceInfo {
        path: "bare.html",
        bytes: html.as_bytes(),
        page: Some(PageSource {
            format: SourceFormat::Html,
            url: None,
            warc_record_id: None,
        }),
    };
    let record = extract_page(&source, &page);
    assert_eq!(record.article.title, None);
    assert_eq!(record.article.title_span, None);
    assert!(record.article.byline.is_empty());
    assert_eq!(record.article.published, None);
}
