//! No input can hang a batch: the CPU time per byte of the slow corpus (one
//! long article made of BBC texts, and any slow input the fuzzer kept in
//! `fuzz/artifacts/extract/slow-unit-*`) stays within 3× of the BBC
//! corpus's. Bench-style: it compares on-CPU time of this thread (not wall
//! clock) between the two corpora in the same run, so a busy machine moves
//! both sides alike.

mod cli_support;

use cli_support::{repo, shared_data};
use std::path::PathBuf;

/// Nanoseconds this thread has been on a CPU (Linux).
fn thread_cpu_ns() -> u64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").expect("Linux schedstat");
    s.split_whitespace().next().unwrap().parse().unwrap()
}

/// CPU nanoseconds to extract every input, and their total bytes.
fn cost(inputs: &[Vec<u8>]) -> (u64, u64) {
    let started = thread_cpu_ns();
    for bytes in inputs {
        let made = newsparse::extract::record_for_bytes("slow.txt", bytes, 64 << 20);
        assert!(made.is_ok(), "{:?}", made.err());
    }
    let bytes = inputs.iter().map(|b| b.len() as u64).sum();
    (thread_cpu_ns() - started, bytes)
}

/// One article of about `size` bytes: the first BBC text whole, then the
/// bodies (title dropped) of the next ones as more paragraphs.
fn long_article(bbc: &[PathBuf], size: usize) -> Vec<u8> {
    let mut text = String::new();
    for (i, p) in bbc.iter().cycle().enumerate() {
        let t = std::fs::read_to_string(p).unwrap();
        let body = if i == 0 {
            &t[..]
        } else {
            t.split_once('\n').map_or(&t[..], |x| x.1)
        };
        text.push_str(body.trim_matches('\n'));
        text.push_str("\n\n");
        if text.len() >= size {
            break;
        }
    }
    text.into_bytes()
}

#[test]
fn slow_inputs_cost_about_what_news_articles_cost_per_byte() {
    let Some(bbc_dir) = shared_data("bbc") else {
        return;
    };
    let mut bbc: Vec<PathBuf> = walkdir::WalkDir::new(&bbc_dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    bbc.sort();
    assert!(bbc.len() >= 2000, "the BBC corpus: {} texts", bbc.len());
    // Every 10th article: about 0.5 MB of ordinary news.
    let sample: Vec<Vec<u8>> = bbc
        .iter()
        .step_by(10)
        .map(|p| std::fs::read(p).unwrap())
        .collect();

    let mut slow = vec![long_article(&bbc, 2_000_000)];
    let kept = repo().join("fuzz/artifacts/extract");
    if let Ok(entries) = std::fs::read_dir(&kept) {
        for e in entries {
            let p = e.unwrap().path();
            if p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("slow-unit-")
            {
                slow.push(std::fs::read(&p).unwrap());
            }
        }
    }

    cost(&sample[..5]); // load the model and warm caches outside the timing
    let (base_ns, base_bytes) = cost(&sample);
    let (slow_ns, slow_bytes) = cost(&slow);
    let per_byte = |ns: u64, bytes: u64| ns as f64 / bytes as f64;
    let ratio = per_byte(slow_ns, slow_bytes) / per_byte(base_ns, base_bytes);
    eprintln!(
        "BBC sample: {base_bytes} bytes in {:.2} s CPU; slow corpus: {slow_bytes} bytes in {:.2} s CPU; \
         {ratio:.2}x per byte",
        base_ns as f64 / 1e9,
        slow_ns as f64 / 1e9
    );
    assert!(
        ratio <= 3.0,
        "the slow corpus costs {ratio:.2}x the BBC corpus's CPU per byte (limit 3x)"
    );
}
