//! What parsing the sentences that hold an event trigger would add to
//! extraction (issue 14's budget: +25%): times the stages up to events over
//! a directory tree of articles, then the embedded syntax model on just
//! those sentences, with its first parser's beam and greedily, and with
//! the eight parsers' vote.
//!
//! Usage: cargo run --release -p newsparse-events --example bench_event_parse -- [DIR] [ROUNDS] [bare]
//! (default DIR ../shared/data/bbc, ROUNDS 2; `bare`: only the sentences
//! where a trigger got no participant from the rules)

use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "support/articles.rs"]
mod articles;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().map_or("../shared/data/bbc", String::as_str));
    let rounds: u32 = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(2);
    // `bare`: only the sentences where some trigger got no participant.
    let only_bare = args.get(2).is_some_and(|a| a == "bare");
    let docs = articles::read(&dir);
    let ner = newsparse_ner::Model::embedded();
    let syntax = newsparse_syntax::Model::embedded_first();
    let (mut analysis, mut words, mut sentences) = (Duration::ZERO, 0usize, Vec::new());
    for round in 0..rounds {
        for text in &docs {
            let t0 = Instant::now();
            let layout = newsparse_layout::analyze(text);
            let doc = newsparse_text::segment(text, &layout.blocks);
            let mentions = ner.tag(&doc);
            let entities = newsparse_entities::resolve(&doc, &mentions);
            let quotes = newsparse_quotes::find(&doc, &entities);
            let found = newsparse_events::analyze(&doc, &layout, &entities, &quotes.0);
            analysis += t0.elapsed();
            if round > 0 {
                continue;
            }
            words += doc.tokens.len();
            let mut held: Vec<usize> = found
                .events
                .iter()
                .filter(|e| !only_bare || e.participants.is_empty())
                .filter_map(|e| doc.sentence_at(e.trigger.start))
                .collect();
            held.sort_unstable();
            held.dedup();
            for s in held {
                let ws: Vec<String> = doc
                    .sentence_tokens(s)
                    .iter()
                    .map(|t| t.span.text(text).to_string())
                    .collect();
                sentences.push(ws);
            }
        }
    }
    let parsed: usize = sentences.iter().map(Vec::len).sum();
    let analysis = analysis.as_secs_f64() / f64::from(rounds);
    println!(
        "{} articles, {words} tokens; {} trigger sentences, {parsed} tokens ({:.1}%); stages up to events {analysis:.3} s",
        docs.len(),
        sentences.len(),
        100.0 * parsed as f64 / words.max(1) as f64
    );
    let refs: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    // Load the full model outside the timing.
    let all = newsparse_syntax::Model::embedded();
    let beam = all.beam();
    let ways = [
        "first parser, trained beam",
        "first parser, greedy",
        "eight parsers voting",
    ];
    for (k, name) in ways.into_iter().enumerate() {
        let mut secs = f64::MAX;
        for _ in 0..rounds {
            let t = Instant::now();
            for w in &refs {
                std::hint::black_box(match k {
                    0 => syntax.parse_fast(w),
                    1 => syntax.parse_with(w, 1, 1),
                    _ => all.parse_with(w, beam, all.parsers()),
                });
            }
            secs = secs.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{name}: {secs:.3} s, {:.0} tokens/s; +{:.0}% of the stages up to events",
            parsed as f64 / secs,
            100.0 * secs / analysis
        );
    }
}
