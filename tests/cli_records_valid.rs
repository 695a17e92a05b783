//! Whatever the stages extract, every record is valid and every span points
//! at its text: for `inputs/` and for a sample of the BBC corpus.

mod cli_support;

use cli_support::*;
use std::fs;
use std::path::PathBuf;

/// Run `extract --jsonl -` on `files` and check each record against its text.
fn check_all(files: &[PathBuf]) {
    let tmp = tempfile::tempdir().unwrap();
    let mut args: Vec<&str> = vec!["extract", "--jsonl", "-", "-q"];
    args.extend(files.iter().map(|p| p.to_str().unwrap()));
    let r = newsparse(tmp.path(), &args, None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let records = jsonl(&r.stdout);
    assert_eq!(records.len(), files.len());
    let mut failures = Vec::new();
    for (file, record) in files.iter().zip(&records) {
        assert_eq!(record["source"]["path"], file.to_str().unwrap());
        let text = fs::read_to_string(file).unwrap();
        for p in record_problems(record, &text) {
            failures.push(format!("{}: {p}", file.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn records_for_inputs_are_valid_and_grounded() {
    let mut files: Vec<PathBuf> = fs::read_dir(repo().join("inputs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "inputs/ holds the sample article");
    check_all(&files);
}

#[test]
fn records_for_a_bbc_sample_are_valid_and_grounded() {
    let Some(bbc) = shared_data("bbc") else {
        return;
    };
    let mut all = Vec::new();
    for cat in fs::read_dir(&bbc).unwrap() {
        let cat = cat.unwrap().path();
        if cat.is_dir() {
            for f in fs::read_dir(&cat).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "txt") {
                    all.push(f);
                }
            }
        }
    }
    all.sort();
    let sample: Vec<PathBuf> = all.into_iter().step_by(50).collect();
    assert!(
        sample.len() >= 40,
        "expected the 2,225-article corpus, sampled {}",
        sample.len()
    );
    check_all(&sample);
}
