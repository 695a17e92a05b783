//! Full records of web pages, one JSON line each, through the same calls
//! `extract` makes for a page (`newsparse_html::render`, then
//! `pipeline::extract_page`), each checked against the schema:
//!
//! ```sh
//! cargo run --release --example page_records -- ../shared/data/article-extraction/html > /tmp/page-records.jsonl
//! python3 ../shared/tools/score_meta.py --truth ../shared/data/article-extraction/metadata.json --pred /tmp/page-records.jsonl
//! ```
//!
//! Until `extract` reads pages itself (the ingest of .html/.html.gz/WARC
//! inputs), this is how its records are scored.

use newsparse::pipeline::{extract_page, PageSource, SourceInfo};
use newsparse_core::record::SourceFormat;
use rayon::prelude::*;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: page_records DIR");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("a directory of pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let lines: Vec<String> = paths
        .par_iter()
        .map(|path| {
            let html = newsparse::text::read_page(path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let page =
                newsparse_html::render(&html).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let p = path.to_string_lossy();
            let source = SourceInfo {
                path: &p,
                bytes: html.as_bytes(),
                page: Some(PageSource {
                    format: SourceFormat::Html,
                    url: page.url.as_deref(),
                    warc_record_id: None,
                }),
            };
            let record = extract_page(&source, &page);
            let value = serde_json::to_value(&record).expect("a record serializes");
            let problems = newsparse::schema::check_record(&value);
            assert!(problems.is_empty(), "{}: {problems:?}", path.display());
            serde_json::to_string(&value).expect("a record serializes")
        })
        .collect();
    for l in lines {
        println!("{l}");
    }
}
