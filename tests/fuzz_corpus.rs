//! Every file of the fuzz corpus and of the fuzz artifacts (crashes, slow
//! inputs found by `cargo fuzz`, see README "Fuzzing") replayed on stable
//! through the same entry points as the fuzz targets, so no past crash
//! comes back. A slow input must also stay within a generous time bound
//! here; the CPU-per-byte check is `tests/slow_inputs.rs`.

mod cli_support;

use cli_support::repo;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The files of `fuzz/corpus/TARGET` and `fuzz/artifacts/TARGET`.
fn files(target: &str) -> Vec<PathBuf> {
    let mut all = Vec::new();
    for kind in ["corpus", "artifacts"] {
        let dir = repo().join("fuzz").join(kind).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_file() && !p.file_name().unwrap().to_string_lossy().starts_with('.') {
                all.push(p);
            }
        }
    }
    all.sort();
    all
}

/// Run `f` on every file, each within a bound of its size (a hang is a
/// failure, not a stuck test run); returns how many ran.
fn replay(target: &str, f: impl Fn(&Path, &[u8])) -> usize {
    let files = files(target);
    for p in &files {
        let bytes = std::fs::read(p).unwrap();
        let started = Instant::now();
        f(p, &bytes);
        // Generous: about 1 MB/s in a debug build is far slower than any
        // article needs; a quadratic input blows through it.
        let bound = Duration::from_secs(10) + Duration::from_micros(bytes.len() as u64 * 5);
        assert!(
            started.elapsed() < bound,
            "{}: {:?} for {} bytes",
            p.display(),
            started.elapsed(),
            bytes.len()
        );
    }
    files.len()
}

#[test]
fn extract_corpus_and_artifacts_replay() {
    let n = replay("extract", |p, bytes| {
        if let Err(e) = newsparse::extract::record_for_bytes("fuzz.txt", bytes, 10 << 20) {
            assert!(!e.starts_with("internal error"), "{}: {e}", p.display());
        }
    });
    assert!(n >= 20, "the seed corpus is there: {n} files");
}

#[test]
fn validate_corpus_and_artifacts_replay() {
    let n = replay("validate", |p, bytes| {
        let (clean, reports) = newsparse::validate::check_record_bytes("fuzz", bytes, None);
        assert_eq!(clean, reports.is_empty(), "{}", p.display());
        newsparse::validate::check_record_bytes("fuzz.jsonl", bytes, Some(true));
    });
    assert!(n >= 10, "the seed corpus is there: {n} files");
    // The seed holds both verdicts: the check is not vacuous.
    let good = std::fs::read(repo().join("fuzz/corpus/validate/good.json")).unwrap();
    assert!(newsparse::validate::check_record_bytes("good.json", &good, None).0);
    let bad = std::fs::read(repo().join("fuzz/corpus/validate/wrong_type.json")).unwrap();
    assert!(!newsparse::validate::check_record_bytes("bad.json", &bad, None).0);
}

#[test]
fn layout_corpus_and_artifacts_replay() {
    let n = replay("layout", |p, bytes| {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return;
        };
        let layout = newsparse_layout::analyze(text);
        let spans = layout
            .blocks
            .iter()
            .map(|b| b.span)
            .chain(layout.title)
            .chain(layout.subtitle)
            .chain(layout.agencies.iter().copied())
            .chain(layout.dateline.as_ref().map(|d| d.span))
            .chain(
                layout
                    .photos
                    .iter()
                    .flat_map(|p| std::iter::once(p.caption).chain(p.credit)),
            );
        for s in spans {
            assert!(
                s.start <= s.end && text.get(s.start..s.end).is_some(),
                "{}: span {}..{} is not a slice of the text",
                p.display(),
                s.start,
                s.end
            );
        }
    });
    assert!(n >= 20, "the seed corpus is there: {n} files");
}

#[test]
fn warc_corpus_and_artifacts_replay() {
    let made = std::sync::Mutex::new(0usize);
    let n = replay("warc", |p, bytes| {
        for result in newsparse::extract::records_for_warc(bytes, 1 << 20) {
            match result {
                Ok(_) => *made.lock().unwrap() += 1,
                Err(e) => assert!(!e.starts_with("internal error"), "{}: {e}", p.display()),
            }
        }
    });
    assert!(n >= 4, "the seed corpus is there: {n} files");
    // The seeds hold real pages: the check is not vacuous.
    assert!(*made.lock().unwrap() >= 4, "records made from the seeds");
    let seeds = newsparse::extract::records_for_warc(
        &std::fs::read(repo().join("fuzz/corpus/warc/crawl.warc.gz")).unwrap(),
        1 << 20,
    );
    let verdicts: Vec<bool> = seeds.iter().map(Result::is_ok).collect();
    // warcinfo, request, two pages, a redirect.
    assert_eq!(verdicts, [false, false, true, true, false]);
}

#[test]
fn page_corpus_and_artifacts_replay() {
    let n = replay("page", |p, bytes| {
        let name = p.file_name().unwrap().to_string_lossy();
        match newsparse::extract::record_for_page("fuzz.html", bytes, 10 << 20) {
            Ok((record, _)) => assert!(record.text.is_some(), "{name}"),
            Err(e) => assert!(!e.starts_with("internal error"), "{name}: {e}"),
        }
    });
    assert!(n >= 4, "the seed corpus is there: {n} files");
    let seed = std::fs::read(repo().join("fuzz/corpus/page/harbour.html.gz")).unwrap();
    let (record, _) = newsparse::extract::record_for_page("h.html.gz", &seed, 10 << 20).unwrap();
    assert!(record.text.unwrap().contains("Port Averin"));
}
