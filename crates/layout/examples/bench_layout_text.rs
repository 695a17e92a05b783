//! Throughput of the layout and text stages together over the BBC corpus,
//! held in memory.
//!
//! Usage: cargo run --release -p newsparse-layout --example bench_layout_text [DIR] [ROUNDS]
//! (DIR defaults to ../shared/data/bbc, searched for *.txt one level deep.)

use std::time::Instant;

/// CPU time this thread has run, in seconds (Linux schedstat), so the figure
/// holds on a machine shared with other jobs; `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/data/bbc".to_string());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let mut texts = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(&dir)];
    while let Some(p) = stack.pop() {
        for e in std::fs::read_dir(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())) {
            let path = e.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "txt") {
                let bytes = std::fs::read(&path).expect("read");
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    let total: usize = texts.iter().map(String::len).sum();
    assert!(total > 0, "no .txt files under {dir}");
    let mut checksum = 0usize;
    let mut best = f64::MAX;
    let cpu_start = cpu_seconds();
    for _ in 0..rounds {
        let t = Instant::now();
        for text in &texts {
            let layout = newsparse_layout::analyze(text);
            let doc = newsparse_text::segment(text, &layout.blocks);
            checksum += doc.tokens.len() + doc.sentences.len() + layout.photos.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let cpu = cpu_start.and_then(|a| cpu_seconds().map(|b| b - a));
    // Each stage alone, for the record.
    let layouts: Vec<_> = texts.iter().map(|t| newsparse_layout::analyze(t)).collect();
    let mut best_layout = f64::MAX;
    let mut best_text = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        for text in &texts {
            checksum += newsparse_layout::analyze(text).blocks.len();
        }
        best_layout = best_layout.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        for (text, layout) in texts.iter().zip(&layouts) {
            checksum += newsparse_text::segment(text, &layout.blocks).tokens.len();
        }
        best_text = best_text.min(t.elapsed().as_secs_f64());
    }
    let mb = total as f64 / 1e6;
    println!(
        "layout alone: {:.0} MB/s; text alone: {:.0} MB/s",
        mb / best_layout,
        mb / best_text
    );
    println!(
        "{} files, {:.2} MB; best of {rounds} rounds: {:.1} ms = {:.0} MB/s (one thread); checksum {checksum}",
        texts.len(),
        mb,
        best * 1e3,
        mb / best
    );
    if let Some(cpu) = cpu {
        println!(
            "layout+text by CPU time: {:.0} MB/s per core ({rounds} rounds, {:.2} s CPU)",
            mb * rounds as f64 / cpu,
            cpu
        );
    }
}
