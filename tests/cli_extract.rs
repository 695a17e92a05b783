//! `newsparse extract` end to end: output naming, ordering, determinism, bad
//! inputs, exit statuses, stdin, and offsets into unusual text.

mod cli_support;

use cli_support::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A batch of many invented articles of different lengths, so workers finish
/// out of order.
fn many_articles(dir: &Path, n: usize) {
    let base = fs::read_to_string(fixtures().join("articles/world/001.txt")).unwrap();
    for i in 0..n {
        let sub = dir.join(format!("batch{}", i % 3));
        fs::create_dir_all(&sub).unwrap();
        let mut text = format!("Bulletin number {i}\n\n");
        for _ in 0..(1 + (i * 7) % 13) {
            text.push_str(&base);
            text.push('\n');
        }
        fs::write(sub.join(format!("{i:03}.txt")), text).unwrap();
    }
}

#[test]
fn directory_outputs_mirror_input_paths_without_collisions() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let articles = fixtures().join("articles");
    let r = newsparse(
        tmp.path(),
        &["extract", path_str(&articles), "-o", path_str(&out), "-q"],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    for (rel, input) in [
        ("world/001.json", "world/001.txt"),
        ("sport/001.json", "sport/001.txt"),
        ("sport/results/weekend.json", "sport/results/weekend.txt"),
    ] {
        let rec = read_json(&out.join(rel));
        let shown = rec["source"]["path"].as_str().unwrap();
        assert_eq!(Path::new(shown), articles.join(input));
    }
    assert!(
        !out.join("world/notes.json").exists(),
        "only *.txt files are read"
    );
    assert!(!out.join("errors.jsonl").exists());
}

#[test]
fn colliding_file_arguments_keep_their_parent_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let a = fixtures().join("articles/world/001.txt");
    let b = fixtures().join("articles/sport/001.txt");
    let w = fixtures().join("articles/sport/results/weekend.txt");
    let r = newsparse(
        tmp.path(),
        &[
            "extract",
            path_str(&a),
            path_str(&b),
            path_str(&w),
            "-o",
            "o",
            "-q",
        ],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let o = tmp.path().join("o");
    assert_eq!(
        read_json(&o.join("world/001.json"))["source"]["path"],
        path_str(&a)
    );
    assert_eq!(
        read_json(&o.join("sport/001.json"))["source"]["path"],
        path_str(&b)
    );
    assert_eq!(
        read_json(&o.join("weekend.json"))["source"]["path"],
        path_str(&w)
    );
}

#[test]
fn jsonl_is_in_input_order_whatever_the_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    many_articles(&tmp.path().join("in"), 30);
    let one = newsparse(
        tmp.path(),
        &["extract", "in", "--jsonl", "-", "--jobs", "1", "-q"],
        None,
    );
    let two = newsparse(
        tmp.path(),
        &["extract", "in", "--jsonl", "-", "--jobs", "2", "-q"],
        None,
    );
    assert_eq!(one.status, 0, "{}", one.stderr);
    assert_eq!(two.status, 0, "{}", two.stderr);
    assert_eq!(one.stdout, two.stdout, "same bytes with 1 and 2 workers");
    let paths: Vec<String> = jsonl(&one.stdout)
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths.len(), 30);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "directory inputs in name order");
}

#[test]
fn jsonl_file_gets_errors_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("res")).unwrap();
    fs::write(tmp.path().join("blank.txt"), "  \n").unwrap();
    let good = fixtures().join("articles/world/001.txt");
    let r = newsparse(
        tmp.path(),
        &[
            "extract",
            path_str(&good),
            "blank.txt",
            "--jsonl",
            "res/all.jsonl",
            "-q",
        ],
        None,
    );
    assert_eq!(r.status, 1);
    let records = jsonl(&fs::read_to_string(tmp.path().join("res/all.jsonl")).unwrap());
    assert_eq!(records.len(), 1);
    let errors = fs::read_to_string(tmp.path().join("res/errors.jsonl")).unwrap();
    assert_eq!(
        errors,
        "{\"path\":\"blank.txt\",\"error\":\"empty file (no text)\"}\n"
    );
    assert!(
        !tmp.path().join("outputs").exists(),
        "no record files with --jsonl"
    );
}

#[test]
fn output_is_byte_identical_run_to_run() {
    let tmp = tempfile::tempdir().unwrap();
    many_articles(&tmp.path().join("in"), 8);
    let mut runs = Vec::new();
    for (k, jobs) in ["1", "2"].iter().enumerate() {
        let out = format!("out{k}");
        let r = newsparse(
            tmp.path(),
            &["extract", "in", "-o", &out, "--jobs", jobs, "-q"],
            None,
        );
        assert_eq!(r.status, 0, "{}", r.stderr);
        let mut files = Vec::new();
        for batch in 0..3 {
            let dir = tmp.path().join(&out).join(format!("batch{batch}"));
            let mut names: Vec<_> = fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            names.sort();
            for p in names {
                files.push((p.file_name().unwrap().to_owned(), fs::read(&p).unwrap()));
            }
        }
        runs.push(files);
    }
    assert_eq!(runs[0].len(), 8);
    assert_eq!(runs[0], runs[1]);
}

#[test]
fn every_bad_input_gets_one_line_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::create_dir_all(d.join("in/nothing_here")).unwrap();
    fs::write(d.join("in/nothing_here/readme.md"), "no text files").unwrap();
    fs::write(
        d.join("in/a_latin1.txt"),
        b"Caf\xe9 prices rise\n\nThe price rose.\n",
    )
    .unwrap();
    fs::write(d.join("in/b_binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fs::write(d.join("in/c_empty.txt"), b"").unwrap();
    fs::write(d.join("in/d_big.txt"), "Big story\n\n".repeat(200)).unwrap();
    fs::copy(
        fixtures().join("articles/sport/001.txt"),
        d.join("in/e_good.txt"),
    )
    .unwrap();
    fs::write(d.join("in/f_utf16.txt"), b"\xff\xfeH\0i\0").unwrap();
    let r = newsparse(
        d,
        &[
            "extract",
            "in",
            "missing.txt",
            "in/nothing_here",
            "--max-bytes",
            "1K",
            "-o",
            "out",
        ],
        None,
    );
    assert_eq!(r.status, 1, "{}", r.stderr);
    let expected = [
        ("in/a_latin1.txt", "not UTF-8"),
        ("in/b_binary.txt", "binary"),
        ("in/c_empty.txt", "empty"),
        ("in/d_big.txt", "too large: 2200 bytes, limit is 1024"),
        ("in/f_utf16.txt", "UTF-16"),
        ("missing.txt", "no such file or directory"),
        ("in/nothing_here", "no .txt, .html, .htm or .warc files"),
    ];
    let lines: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(
        lines.len(),
        expected.len(),
        "one line per bad input:\n{}",
        r.stderr
    );
    for ((path, reason), line) in expected.iter().zip(&lines) {
        let prefix = format!("error: {path}: ");
        assert!(
            line.starts_with(&prefix) && line.contains(reason),
            "{line:?} should name {path} and say {reason:?}"
        );
    }
    assert!(
        d.join("out/e_good.json").exists(),
        "the good input still gives a record"
    );
    assert!(
        r.stderr.contains("1 records written, 7 failed"),
        "summary: {}",
        r.stderr
    );

    let errors: Vec<Value> = jsonl(&fs::read_to_string(d.join("out/errors.jsonl")).unwrap());
    let listed: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e["path"].as_str().unwrap(), e["error"].as_str().unwrap()))
        .collect();
    assert_eq!(listed.len(), expected.len());
    for ((path, reason), (lpath, lerror)) in expected.iter().zip(&listed) {
        assert_eq!(path, lpath);
        assert!(lerror.contains(reason), "{lerror}");
    }

    let earlier = fs::read_to_string(d.join("out/errors.jsonl")).unwrap();

    // A clean run of another input keeps the record of the earlier failures
    // and says so.
    let r = newsparse(d, &["extract", "in/e_good.txt", "-o", "out"], None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        fs::read_to_string(d.join("out/errors.jsonl")).unwrap(),
        earlier
    );
    assert!(
        r.stderr
            .contains("out/errors.jsonl still lists 7 failure(s) of an earlier run"),
        "{}",
        r.stderr
    );

    // Fixed inputs settle their entries: the bad files are gone and the
    // empty directory has an article now; missing.txt is still missing.
    for f in ["a_latin1", "b_binary", "c_empty", "d_big", "f_utf16"] {
        fs::remove_file(d.join(format!("in/{f}.txt"))).unwrap();
    }
    fs::copy(
        fixtures().join("articles/sport/001.txt"),
        d.join("in/nothing_here/story.txt"),
    )
    .unwrap();
    let r = newsparse(d, &["extract", "in", "-o", "out", "-q"], None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let left = fs::read_to_string(d.join("out/errors.jsonl")).unwrap();
    assert_eq!(left.lines().count(), 1, "{left}");
    assert!(left.contains("\"missing.txt\""), "{left}");

    // Once that one is fixed too, the list is gone.
    fs::copy(
        fixtures().join("articles/sport/001.txt"),
        d.join("missing.txt"),
    )
    .unwrap();
    let r = newsparse(d, &["extract", "missing.txt", "-o", "out", "-q"], None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!d.join("out/errors.jsonl").exists());
}

#[test]
fn default_is_inputs_to_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("articles"), &tmp.path().join("inputs"));
    let r = newsparse(tmp.path(), &["extract"], None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("3 records written, 0 failed"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("MB/s") && r.stderr.contains("articles/s"));
    let rec = read_json(&tmp.path().join("outputs/sport/results/weekend.json"));
    assert_eq!(rec["source"]["path"], "inputs/sport/results/weekend.txt");
    let leftovers: Vec<_> = walk_files(&tmp.path().join("outputs"))
        .into_iter()
        .filter(|p| !p.ends_with(".json"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

fn walk_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk_files(&p));
        } else {
            out.push(p.to_string_lossy().into_owned());
        }
    }
    out
}

#[test]
fn no_arguments_and_no_inputs_directory_prints_usage() {
    let tmp = tempfile::tempdir().unwrap();
    let r = newsparse(tmp.path(), &["extract", "-q"], None);
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert_eq!(r.stderr.trim(), newsparse::extract::NO_INPUTS_HELP);
    assert!(r.stderr.contains("Usage: newsparse extract [INPUT]..."));
    assert_eq!(
        fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "no outputs/ and no errors.jsonl made"
    );
}

#[test]
fn unknown_files_in_input_directories_are_counted_as_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("articles"), &tmp.path().join("in"));
    fs::write(tmp.path().join("in/notes.md"), "# notes").unwrap();
    let r = newsparse(tmp.path(), &["extract", "in", "-o", "out", "-v"], None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    // The fixture has world/notes.md; this adds in/notes.md. (With -v the
    // stage times follow the summary.)
    let summary = r
        .stderr
        .lines()
        .find(|l| l.contains("records written"))
        .unwrap();
    assert!(
        summary.contains("3 records written, 0 failed, 2 file(s) skipped (not .txt"),
        "{summary}"
    );
    assert!(
        r.stderr
            .contains("in/notes.md: not an input (.txt, .html, .htm, .warc), skipped"),
        "{}",
        r.stderr
    );
}

#[test]
fn jobs_are_capped_at_the_number_of_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let a = fixtures().join("articles");
    let r = newsparse(
        tmp.path(),
        &["extract", path_str(&a), "-o", "out", "--jobs", "1000", "-v"],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let jobs: usize = r
        .stderr
        .split("jobs=")
        .nth(1)
        .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no jobs= in the log: {}", r.stderr));
    let cores = std::thread::available_parallelism().unwrap().get();
    assert!(jobs <= 3 && jobs <= cores && jobs >= 1, "jobs={jobs}");
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        &["extract", "--jobs", "0"][..],
        &["extract", "--no-such-flag"],
        &["extract", "--max-bytes", "lots"],
        &["extract", "--resume"],
        &["frobnicate"],
        &[],
    ] {
        let r = newsparse(tmp.path(), args, None);
        assert_eq!(r.status, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("error") || r.stderr.contains("Usage"),
            "{args:?}: {}",
            r.stderr
        );
    }
}

#[test]
fn help_explains_defaults_and_exit_statuses() {
    let tmp = tempfile::tempdir().unwrap();
    let r = newsparse(tmp.path(), &["extract", "--help"], None);
    assert_eq!(r.status, 0);
    for needle in [
        "--jsonl",
        "--jobs",
        "--max-bytes",
        "[default: 10M]",
        "errors.jsonl",
        "Exit status",
        "  2  usage error",
    ] {
        assert!(
            r.stdout.contains(needle),
            "missing {needle:?} in:\n{}",
            r.stdout
        );
    }
}

#[test]
fn stdin_dash_reads_one_article() {
    let tmp = tempfile::tempdir().unwrap();
    let text = fs::read(fixtures().join("articles/sport/001.txt")).unwrap();
    let r = newsparse(
        tmp.path(),
        &["extract", "-", "--jsonl", "-", "-q"],
        Some(&text),
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let records = jsonl(&r.stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"]["path"], "-");
    assert_eq!(records[0]["source"]["bytes"], text.len());
    let text = String::from_utf8(text).unwrap();
    assert_eq!(span_problems(&records[0], &text), Vec::<String>::new());

    let r = newsparse(tmp.path(), &["extract", "-", "-q"], Some(b""));
    assert_eq!(r.status, 1);
    assert_eq!(r.stderr.trim(), "error: -: empty file (no text)");
}

#[test]
fn crlf_bom_and_nbsp_keep_offsets_into_the_original_text() {
    let tmp = tempfile::tempdir().unwrap();
    let original = fs::read_to_string(fixtures().join("articles/world/001.txt")).unwrap();
    let text = format!(
        "\u{feff}{}",
        original
            .replace('\n', "\r\n")
            .replace("Marta Keloway", "Marta\u{a0}Keloway")
    );
    fs::write(tmp.path().join("odd.txt"), &text).unwrap();
    let r = newsparse(
        tmp.path(),
        &["extract", "odd.txt", "--jsonl", "-", "-q"],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let rec = &jsonl(&r.stdout)[0];
    assert_eq!(rec["source"]["chars"], text.chars().count());
    assert_eq!(rec["source"]["bytes"], text.len());
    assert_eq!(span_problems(rec, &text), Vec::<String>::new());
    if let Some(span) = rec["article"]["title_span"].as_object() {
        // The title starts right after the BOM: code point 1, not byte 3.
        assert_eq!(span["start"], 1);
    }
}

#[test]
fn span_checker_catches_a_wrong_mention() {
    let text = "Mr\u{a0}Ávila spoke.";
    let good: Value = serde_json::json!({
        "source": {"chars": 15},
        "people": [{"mentions": [{"start": 3, "end": 8, "text": "Ávila"}]}],
        "quotes": [{"text": "spoke", "span": {"start": 9, "end": 14}}]
    });
    assert_eq!(span_problems(&good, text), Vec::<String>::new());
    let mut bad = good.clone();
    bad["people"][0]["mentions"][0]["start"] = 2.into();
    bad["quotes"][0]["span"]["end"] = 40.into();
    assert_eq!(
        span_problems(&bad, text).len(),
        2,
        "{:?}",
        span_problems(&bad, text)
    );
}

#[test]
fn unusable_database_stops_before_any_work() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("plain"), "a file, not a directory").unwrap();
    let articles = fixtures().join("articles");
    let r = newsparse(
        tmp.path(),
        &[
            "extract",
            path_str(&articles),
            "--sqlite",
            "plain/x.db",
            "-o",
            "out",
            "-q",
        ],
        None,
    );
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert!(
        r.stderr.starts_with("error: database: cannot open"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        !tmp.path().join("out/world/001.json").exists(),
        "no work done"
    );
}

#[test]
fn sqlite_sink_with_no_files_and_resume() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("articles"), &tmp.path().join("in"));
    let args = [
        "extract",
        "in",
        "--sqlite",
        "news.db",
        "--no-files",
        "-o",
        "out",
    ];
    let r = newsparse(tmp.path(), &args, None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("3 records written, 0 failed"),
        "{}",
        r.stderr
    );
    assert!(tmp.path().join("news.db").is_file());
    assert!(
        walk_files(&tmp.path().join("out")).is_empty(),
        "--no-files writes no records"
    );

    // One new article: --resume extracts only that one.
    fs::write(
        tmp.path().join("in/world/002.txt"),
        "Bridge reopens in Velmora\n\nThe old bridge reopened on Monday after repairs.\n",
    )
    .unwrap();
    let mut resume = args.to_vec();
    resume.push("--resume");
    let r = newsparse(tmp.path(), &resume, None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("1 records written, 0 failed, 3 skipped (already stored)"),
        "{}",
        r.stderr
    );
}

#[test]
fn verbose_extract_ends_with_the_time_of_each_stage() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let articles = fixtures().join("articles");
    let r = newsparse(
        tmp.path(),
        &["-v", "extract", path_str(&articles), "-o", path_str(&out)],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let at = r
        .stderr
        .find("time per stage")
        .unwrap_or_else(|| panic!("no stage times in: {}", r.stderr));
    let lines: Vec<&str> = r.stderr[at..].lines().skip(1).collect();
    for stage in [
        "read", "layout", "ner", "entities", "quotes", "events", "validate", "write",
    ] {
        let line = lines
            .iter()
            .find(|l| l.split_whitespace().next() == Some(stage))
            .unwrap_or_else(|| panic!("no line for {stage} in: {}", r.stderr));
        assert!(line.ends_with('%'), "{line}");
    }
    // Without -v the summary has no stage lines.
    let quiet = newsparse(
        tmp.path(),
        &["extract", path_str(&articles), "-o", path_str(&out)],
        None,
    );
    assert!(!quiet.stderr.contains("time per stage"), "{}", quiet.stderr);
}
