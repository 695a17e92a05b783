//! The subcommands besides `extract` are wired to their modules: `schema`,
//! `validate` (with its options and exit statuses), `eval-ner` errors.

mod cli_support;

use cli_support::*;
use std::fs;

#[test]
fn schema_prints_the_embedded_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let r = newsparse(tmp.path(), &["schema"], None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.trim_end(),
        newsparse::schema::SCHEMA_JSON.trim_end()
    );
    let _: serde_json::Value = serde_json::from_str(&r.stdout).expect("the schema is JSON");
}

#[test]
fn validate_accepts_extracted_records_and_rejects_a_broken_one() {
    let tmp = tempfile::tempdir().unwrap();
    let article = fixtures().join("articles/world/001.txt");
    let r = newsparse(
        tmp.path(),
        &[
            "extract",
            article.to_str().unwrap(),
            "--jsonl",
            "all.jsonl",
            "-q",
        ],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);

    let ok = newsparse(tmp.path(), &["validate", "all.jsonl"], None);
    assert_eq!(ok.status, 0, "{}{}", ok.stdout, ok.stderr);
    let with_source = newsparse(
        tmp.path(),
        &[
            "validate",
            "all.jsonl",
            "--source",
            article.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        with_source.status, 0,
        "{}{}",
        with_source.stdout, with_source.stderr
    );

    // The same record from stdin (no FILE means stdin).
    let line = fs::read(tmp.path().join("all.jsonl")).unwrap();
    let stdin = newsparse(tmp.path(), &["validate"], Some(&line));
    assert_eq!(stdin.status, 0, "{}{}", stdin.stdout, stdin.stderr);

    let mut record: serde_json::Value = serde_json::from_slice(&line).unwrap();
    record["schema_version"] = serde_json::Value::from(7);
    fs::write(tmp.path().join("bad.json"), record.to_string()).unwrap();
    for format in ["text", "json"] {
        let bad = newsparse(
            tmp.path(),
            &["validate", "bad.json", "--format", format],
            None,
        );
        assert_eq!(bad.status, 1, "{format}: {}{}", bad.stdout, bad.stderr);
        assert!(
            bad.stdout.contains("schema_version"),
            "{format}: {}",
            bad.stdout
        );
    }
    let usage = newsparse(
        tmp.path(),
        &["validate", "--format", "xml", "bad.json"],
        None,
    );
    assert_eq!(usage.status, 2);
}

#[test]
fn eval_ner_on_a_missing_file_is_one_error_line_and_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let r = newsparse(tmp.path(), &["eval-ner", "no-such-file.conll"], None);
    assert_eq!(r.status, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let usage = newsparse(tmp.path(), &["eval-ner"], None);
    assert_eq!(usage.status, 2);
}

/// `validate` with no FILE and a terminal on stdin says what it expects
/// instead of waiting silently. `script` (util-linux) gives it a terminal.
#[test]
fn validate_without_files_at_a_terminal_says_what_it_expects() {
    let tmp = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_newsparse");
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("{bin} validate; echo status=$?"),
            "/dev/null",
        ])
        .current_dir(tmp.path())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("`script` (util-linux) runs the command on a terminal");
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(
        text.contains("newsparse validate: no FILE given, and stdin is a terminal."),
        "{text}"
    );
    assert!(text.contains("newsparse validate outputs/"), "{text}");
    assert!(text.contains("status=2"), "{text}");
    // Piped input is read as before.
    let r = newsparse(tmp.path(), &["validate"], Some(b""));
    assert!(!r.stderr.contains("stdin is a terminal"), "{}", r.stderr);
}
