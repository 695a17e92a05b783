//! Times `newsparse_events::analyze` over a directory tree of articles and
//! compares it with the stages before it (layout, text, NER, entities,
//! quotes), so the share of events and dates in extraction time shows.
//!
//! Usage: cargo run --release -p newsparse-events --example bench_events -- [DIR] [ROUNDS]
//! (default DIR ../shared/data/bbc, ROUNDS 3)

use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "support/articles.rs"]
mod articles;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().map_or("../shared/data/bbc", String::as_str));
    let rounds: u32 = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let docs = articles::read(&dir);
    let bytes: usize = docs.iter().map(String::len).sum();

    let model = newsparse_ner::Model::embedded();
    let (mut before, mut events_time) = (Duration::ZERO, Duration::ZERO);
    let mut n_events = 0usize;
    for _ in 0..rounds {
        for text in &docs {
            let t0 = Instant::now();
            let layout = newsparse_layout::analyze(text);
            let doc = newsparse_text::segment(text, &layout.blocks);
            let mentions = model.tag(&doc);
            let entities = newsparse_entities::resolve(&doc, &mentions);
            let quotes = newsparse_quotes::find(&doc, &entities);
            let t1 = Instant::now();
            let found = newsparse_events::analyze(&doc, &layout, &entities, &quotes.0);
            let t2 = Instant::now();
            std::hint::black_box(&quotes);
            n_events += found.events.len();
            before += t1 - t0;
            events_time += t2 - t1;
        }
    }
    let mb = (bytes as f64 * rounds as f64) / 1e6;
    let total = before + events_time;
    println!(
        "{} articles, {:.2} MB x {rounds} rounds; {} events per round",
        docs.len(),
        bytes as f64 / 1e6,
        n_events / rounds as usize
    );
    println!(
        "events+dates: {:.3} s, {:.1} MB/s; stages before: {:.3} s, {:.1} MB/s",
        events_time.as_secs_f64(),
        mb / events_time.as_secs_f64(),
        before.as_secs_f64(),
        mb / before.as_secs_f64()
    );
    println!(
        "events+dates share of analysis time: {:.1}%",
        100.0 * events_time.as_secs_f64() / total.as_secs_f64()
    );
}
