//! Speed of the entities stage on a folder of articles (default: the BBC
//! corpus), alone and with the stages before it.
//! Usage: cargo run --release -p newsparse-entities --example bench -- [DIR]

use std::time::Instant;

fn texts(dir: &std::path::Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable folder")
        .map(|e| e.expect("folder entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            texts(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/bbc".to_string());
    let mut all = Vec::new();
    texts(std::path::Path::new(&dir), &mut all);
    let bytes: usize = all.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let model = newsparse_ner::Model::embedded();

    let start = Instant::now();
    let prepared: Vec<_> = all
        .iter()
        .map(|t| {
            let layout = newsparse_layout::analyze(t);
            let doc = newsparse_text::segment(t, &layout.blocks);
            let mentions = model.tag(&doc);
            (doc, mentions)
        })
        .collect();
    let before = start.elapsed().as_secs_f64();

    let rounds = 5;
    let start = Instant::now();
    let mut entities = 0;
    for _ in 0..rounds {
        for (doc, mentions) in &prepared {
            entities += newsparse_entities::resolve(doc, mentions).len();
        }
    }
    let resolve = start.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "{} articles, {:.2} MB; entities per pass: {}",
        all.len(),
        mb,
        entities / rounds
    );
    println!(
        "layout+text+ner: {:.3} s ({:.2} MB/s); entities: {:.3} s ({:.1} MB/s); \
         all four: {:.2} MB/s (one thread)",
        before,
        mb / before,
        resolve,
        mb / resolve,
        mb / (before + resolve)
    );
}
