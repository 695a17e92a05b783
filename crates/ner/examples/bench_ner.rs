//! Benchmark of the embedded NER model: load time and tagging speed on one
//! core, over the documents of a CoNLL file (words only; tags are ignored).
//!
//! cargo run --release -p newsparse-ner --example bench_ner -- [FILE] [ROUNDS]

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args
        .first()
        .map_or("/work/shared/data/conll2003/dev.txt", String::as_str);
    let rounds: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(5);

    let mut loads = vec![];
    for _ in 0..5 {
        let t = Instant::now();
        let m = newsparse_ner::Model::load_embedded().expect("embedded model");
        loads.push(t.elapsed().as_secs_f64() * 1e3);
        drop(m);
    }
    loads.sort_by(f64::total_cmp);
    println!(
        "model load: median {:.1} ms (min {:.1}, max {:.1}) over 5 loads",
        loads[2], loads[0], loads[4]
    );

    let text = std::fs::read_to_string(file).expect("read CoNLL file");
    let docs: Vec<Vec<Vec<&str>>> = text
        .split("-DOCSTART-")
        .map(|d| {
            d.split("\n\n")
                .map(|s| {
                    s.lines()
                        .filter_map(|l| l.split_whitespace().next())
                        .filter(|w| *w != "-X-")
                        .collect::<Vec<_>>()
                })
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|d| !d.is_empty())
        .collect();
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    let model = newsparse_ner::Model::embedded();
    let mut found = 0;
    let t = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            found += model.tag_words(d).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "tagging: {} tokens x {rounds} rounds in {secs:.2} s = {:.0} tokens/s on one thread ({} entities per round)",
        tokens,
        (tokens * rounds) as f64 / secs,
        found / rounds
    );
}
