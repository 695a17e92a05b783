//! Throughput of `newsparse_quotes::find` over a folder of articles.
//!
//! usage: cargo run --release -p newsparse-quotes --example bench_quotes [DIR] [ROUNDS]
//! (DIR defaults to the shared news corpus; every *.txt below it is read.)
//!
//! Docs are segmented once (layout + text stages); entities are stand-ins made
//! from runs of capitalized words, so that attribution has realistic numbers of
//! mentions to look through. Only `find` is timed.

use newsparse_core::{ByteSpan, Doc, EntityKind, FoundEntity};
use std::time::Instant;

fn txt_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            txt_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// One stand-in entity per distinct run of capitalized words after a sentence's first word.
fn stand_in_entities(doc: &Doc) -> Vec<FoundEntity> {
    let mut by_name: Vec<FoundEntity> = Vec::new();
    for s in &doc.sentences {
        let toks = &doc.tokens[s.tokens.clone()];
        let mut i = 1;
        while i < toks.len() {
            let cap = |t: usize| {
                toks[t]
                    .span
                    .text(doc.text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            };
            if !cap(i) {
                i += 1;
                continue;
            }
            let start = i;
            while i < toks.len() && cap(i) {
                i += 1;
            }
            let span = ByteSpan::new(toks[start].span.start, toks[i - 1].span.end);
            let name = span.text(doc.text).to_string();
            match by_name.iter_mut().find(|e| e.name == name) {
                Some(e) => e.mentions.push(span),
                None => by_name.push(FoundEntity {
                    id: format!("x{}", by_name.len() + 1),
                    kind: if i - start > 1 {
                        EntityKind::Person
                    } else {
                        EntityKind::Organization
                    },
                    name,
                    aliases: vec![],
                    titles: vec![],
                    roles: vec![],
                    acronym: None,
                    attributes: vec![],
                    mentions: vec![span],
                }),
            }
        }
    }
    by_name
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "/work/shared/data/bbc".to_string());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut files = Vec::new();
    txt_files(std::path::Path::new(&dir), &mut files);
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();

    let t0 = Instant::now();
    let docs: Vec<Doc> = texts
        .iter()
        .map(|t| newsparse_text::segment(t, &newsparse_layout::analyze(t).blocks))
        .collect();
    let segment_secs = t0.elapsed().as_secs_f64();
    let entities: Vec<Vec<FoundEntity>> = docs.iter().map(stand_in_entities).collect();

    let mut quotes = 0;
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        quotes = 0;
        for (d, e) in docs.iter().zip(&entities) {
            quotes += std::hint::black_box(newsparse_quotes::find(d, e)).0.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} files, {:.2} MB, {} quotes; find: best of {} rounds {:.1} ms = {:.1} MB/s \
         (layout+text for comparison: {:.1} ms = {:.1} MB/s)",
        texts.len(),
        mb,
        quotes,
        rounds,
        best * 1e3,
        mb / best,
        segment_secs * 1e3,
        mb / segment_secs
    );
}
