//! Ctrl-C during `newsparse extract`: the run stops taking inputs, finishes
//! the ones in progress, leaves only whole record files and no temporary
//! files, and exits with status 130.

mod cli_support;

use cli_support::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn ctrl_c_finishes_in_flight_inputs_and_leaves_no_temporary_files() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir_all(&inputs).unwrap();
    let base = fs::read_to_string(fixtures().join("articles/world/001.txt")).unwrap();
    // Enough work that the signal lands mid-batch on any machine.
    let n = 3000;
    for i in 0..n {
        fs::write(
            inputs.join(format!("{i:04}.txt")),
            format!("Bulletin number {i}\n\n{base}\n{base}"),
        )
        .unwrap();
    }
    let out = tmp.path().join("out");
    let child = Command::new(env!("CARGO_BIN_EXE_newsparse"))
        .args(["extract", "in", "-o", "out", "--jobs", "1"])
        .current_dir(tmp.path())
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the first record, then interrupt.
    let started = Instant::now();
    while fs::read_dir(&out).map_or(0, |d| d.count()) < 2 {
        assert!(started.elapsed() < Duration::from_secs(60), "no output");
        std::thread::sleep(Duration::from_millis(5));
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let done = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(stderr.contains("not attempted"), "{stderr}");

    let mut files = vec![];
    files_under(&out, &mut files);
    let records: Vec<_> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert!(
        !records.is_empty() && records.len() < n,
        "{} records",
        records.len()
    );
    for p in &files {
        let name = p.file_name().unwrap().to_string_lossy();
        assert!(
            !name.starts_with(".newsparse"),
            "temporary file left: {name}"
        );
    }
    for p in records {
        let text = fs::read_to_string(p).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not whole JSON: {e}", p.display()));
        assert!(value.get("id").is_some());
    }
}
