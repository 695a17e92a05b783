//! Benchmark of the embedded NER model: load time and tagging speed on one
//! core, over the documents of a CoNLL file (words only; tags are ignored).
//!
//! cargo run --release -p newsparse-ner --example bench_ner -- [FILE] [ROUNDS]

use std::time::Instant;

/// CPU time of this thread, in seconds.
fn thread_cpu_secs() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write into.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args
        .first()
        .map_or("/work/shared/data/conll2003/dev.txt", String::as_str);
    let rounds: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(5);

    let mut loads = vec![];
    for _ in 0..5 {
        let (t, c) = (Instant::now(), thread_cpu_secs());
        let m = newsparse_ner::Model::load_embedded().expect("embedded model");
        loads.push((
            t.elapsed().as_secs_f64() * 1e3,
            (thread_cpu_secs() - c) * 1e3,
        ));
        drop(m);
    }
    loads.sort_by(|a, b| a.1.total_cmp(&b.1));
    println!(
        "model load: median {:.1} ms CPU ({:.1} ms wall), min {:.1} ms CPU, over 5 loads",
        loads[2].1, loads[2].0, loads[0].1
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
    let (t, c) = (Instant::now(), thread_cpu_secs());
    for _ in 0..rounds {
        for d in &docs {
            found += model.tag_words(d).len();
        }
    }
    let (wall, cpu) = (t.elapsed().as_secs_f64(), thread_cpu_secs() - c);
    let n = (tokens * rounds) as f64;
    println!(
        "tagging: {tokens} tokens x {rounds} rounds: {:.0} tokens/s per CPU second ({:.0} per wall second; {} entities per round)",
        n / cpu,
        n / wall,
        found / rounds
    );
}
