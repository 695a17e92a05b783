//! Benchmark of the embedded tagger and parsers on one core: load time (of
//! the first parser alone, and of all), and
//! tokens per CPU second of tagging alone and of tagging and parsing, over
//! the sentences of a CoNLL-U file (gold tokens).
//!
//! cargo run --release -p newsparse-syntax --example bench_syntax -- [FILE] [ROUNDS]

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
    let file = args.first().map_or(
        "/work/shared/data/ud-english/en_ewt-ud-test.conllu",
        String::as_str,
    );
    let rounds: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3);

    let (t, c) = (Instant::now(), thread_cpu_secs());
    let first = newsparse_syntax::Model::from_bytes_first(newsparse_syntax::embedded_bytes(), 1)
        .expect("embedded model");
    println!(
        "model load, the tagger and first parser alone: {:.1} ms CPU ({:.1} ms wall)",
        (thread_cpu_secs() - c) * 1e3,
        t.elapsed().as_secs_f64() * 1e3,
    );
    drop(first);
    let (t, c) = (Instant::now(), thread_cpu_secs());
    let model = newsparse_syntax::Model::from_bytes(newsparse_syntax::embedded_bytes())
        .expect("embedded model");
    println!(
        "model load: {:.1} ms CPU ({:.1} ms wall), {} bytes",
        (thread_cpu_secs() - c) * 1e3,
        t.elapsed().as_secs_f64() * 1e3,
        newsparse_syntax::embedded_bytes().len()
    );

    let sents = newsparse_syntax::read_conllu(std::path::Path::new(file)).expect("read CoNLL-U");
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = words.iter().map(Vec::len).sum();
    let n = (tokens * rounds) as f64;

    let mut sink = 0usize;
    // Tokens per CPU (and wall) second of `run` over every sentence.
    let mut time = |what: &str, run: &dyn Fn(&[&str]) -> usize| {
        let (t, c) = (Instant::now(), thread_cpu_secs());
        for _ in 0..rounds {
            for w in &words {
                sink += run(w);
            }
        }
        let (wall, cpu) = (t.elapsed().as_secs_f64(), thread_cpu_secs() - c);
        println!(
            "{what}: {tokens} tokens x {rounds} rounds: {:.0} tokens/s per CPU second ({:.0} per wall second)",
            n / cpu,
            n / wall
        );
    };
    time("tagging", &|w| model.tag(w).len());
    time(
        &format!(
            "tagging+parsing (parsers voting: {}; beam {})",
            model.parsers(),
            model.beam()
        ),
        &|w| model.parse(w).head.len(),
    );
    time(
        "tagging+parsing, the first parser alone (parse_fast)",
        &|w| model.parse_fast(w).head.len(),
    );
    time(
        "tagging+parsing, the first parser decoding greedily",
        &|w| model.parse_with(w, 1, 1).head.len(),
    );
    assert_eq!(sink, 4 * tokens * rounds);
}
