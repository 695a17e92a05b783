//! Every sink's failure is reported truly: unusable outputs are found
//! before any work (exit 2, one line), a write that fails later is one line
//! naming the output and the reason, counted in the summary, and a full or
//! closed stdout is an error line, never a panic.

mod cli_support;

use cli_support::*;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

/// Run `newsparse ARGS` in `cwd` with stdout going to `stdout`.
fn newsparse_out(cwd: &Path, args: &[&str], stdout: Stdio) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsparse"))
        .args(args)
        .current_dir(cwd)
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("start newsparse");
    (
        out.status.code().expect("exited normally, not by a signal"),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn dev_full() -> Stdio {
    Stdio::from(
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap(),
    )
}

fn articles() -> String {
    fixtures().join("articles").to_str().unwrap().to_string()
}

fn assert_no_panic(stderr: &str) {
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Unusable outputs stop the run before any input is read: exit 2 and one
/// line naming the output and why.
#[test]
fn unusable_outputs_are_one_line_and_exit_2_before_any_work() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::write(d.join("plain"), "a regular file").unwrap();
    fs::create_dir_all(d.join("adir")).unwrap();
    fs::create_dir_all(d.join("out/errors.jsonl")).unwrap();
    let a = articles();
    let cases: [(&[&str], &str); 6] = [
        (
            &["--jsonl", "adir"],
            "error: adir: cannot write the JSONL output: is a directory, not a file",
        ),
        (
            &["--jsonl", "plain/all.jsonl"],
            "error: plain/all.jsonl: cannot write the JSONL output: ",
        ),
        (
            &["-o", "plain/sub"],
            "error: plain/sub: cannot write in the output directory: ",
        ),
        (
            &["-o", "plain"],
            "error: plain: cannot write in the output directory: is a file, not a directory",
        ),
        (
            &["-o", "out"],
            "error: out/errors.jsonl: cannot write the failure list: is a directory, not a file",
        ),
        (
            &["--sqlite", "plain/x.db", "--no-files", "-o", "o2"],
            "error: database: cannot open",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["extract", &a];
        args.extend(extra);
        let r = newsparse(d, &args, None);
        assert_eq!(r.status, 2, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{args:?}: {}", r.stderr);
        assert!(r.stderr.starts_with(expected), "{args:?}: {}", r.stderr);
        assert!(
            !r.stderr.contains("records written"),
            "no work: {}",
            r.stderr
        );
    }
    assert_eq!(
        fs::read_dir(d.join("out")).unwrap().count(),
        1,
        "nothing but the errors.jsonl directory in out/"
    );
}

/// A JSONL device that refuses every byte: nothing reached it, so nothing
/// is counted as written, the failure is one line, exit 2.
#[test]
fn jsonl_to_a_full_device_counts_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let a = articles();
    let r = newsparse(tmp.path(), &["extract", &a, "--jsonl", "/dev/full"], None);
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert_no_panic(&r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines[0], "error: /dev/full: cannot write: No space left on device",
        "{}",
        r.stderr
    );
    assert_eq!(
        lines.len(),
        2,
        "one error line and the summary: {}",
        r.stderr
    );
    assert!(
        lines[1].starts_with("newsparse: 3 inputs, 0 records written, 0 failed"),
        "{}",
        r.stderr
    );
    assert!(lines[1].contains("1 output(s) failed"), "{}", r.stderr);
}

/// The same for `--jsonl -` when stdout is full.
#[test]
fn jsonl_to_a_full_stdout_counts_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let a = articles();
    let (status, stderr) = newsparse_out(tmp.path(), &["extract", &a, "--jsonl", "-"], dev_full());
    assert_eq!(status, 2, "{stderr}");
    assert_no_panic(&stderr);
    assert!(
        stderr.starts_with("error: stdout: cannot write: No space left on device\n"),
        "{stderr}"
    );
    assert!(stderr.contains("0 records written"), "{stderr}");
}

/// `extract --jsonl - | head -c1`: the reader goes away after one byte; the
/// run stops with one line, counting only the records that went out.
#[test]
fn jsonl_to_a_closed_pipe_stops_with_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let base = fs::read_to_string(fixtures().join("articles/world/001.txt")).unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir_all(&inputs).unwrap();
    // Far more than a pipe's buffer (64 KiB), so writes go on after the close.
    for i in 0..60 {
        fs::write(
            inputs.join(format!("{i:03}.txt")),
            format!("Bulletin {i}\n\n{base}"),
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsparse"))
        .args(["extract", "in", "--jsonl", "-", "--jobs", "1"])
        .current_dir(tmp.path())
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe's read end is dropped here, as `head -c1` exits.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(first[0], b'{');
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_no_panic(&stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(
        errors,
        ["error: stdout: cannot write: Broken pipe"],
        "{stderr}"
    );
    let summary = stderr.lines().last().unwrap();
    let written: u64 = summary
        .split(", ")
        .nth(1)
        .and_then(|s| s.strip_suffix(" records written"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{summary}"));
    assert!((1..60).contains(&written), "{summary}");
    assert!(
        summary.contains("not attempted") || summary.contains("not written"),
        "{summary}"
    );
}

#[test]
fn schema_to_a_full_stdout_is_an_error_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let (status, stderr) = newsparse_out(tmp.path(), &["schema"], dev_full());
    assert_eq!(status, 1, "{stderr}");
    assert_eq!(
        stderr,
        "error: stdout: cannot write: No space left on device\n"
    );
}

#[test]
fn validate_to_a_full_stdout_says_its_report_was_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = repo().join("tests/fixtures/validate/wrong_type.json");
    let good = repo().join("tests/fixtures/validate/good.json");
    let (status, stderr) =
        newsparse_out(tmp.path(), &["validate", bad.to_str().unwrap()], dev_full());
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("error: stdout: cannot write the report: No space left on device"),
        "{stderr}"
    );
    assert_no_panic(&stderr);
    // A valid record has no report lines: nothing is lost, exit 0.
    let (status, stderr) = newsparse_out(
        tmp.path(),
        &["validate", good.to_str().unwrap()],
        dev_full(),
    );
    assert_eq!(status, 0, "{stderr}");
}

/// A full stderr loses the messages but not the run: no panic, and the exit
/// status still tells (0 for a good batch, 1 with a bad input).
#[test]
fn a_full_stderr_is_no_panic_and_the_status_still_tells() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("empty.txt"), "").unwrap();
    let a = articles();
    for (args, want) in [
        (vec!["extract", a.as_str(), "-o", "out"], 0),
        (vec!["extract", a.as_str(), "empty.txt", "-o", "out2"], 1),
        (vec!["extract"], 2),
    ] {
        let status = Command::new(env!("CARGO_BIN_EXE_newsparse"))
            .args(&args)
            .current_dir(tmp.path())
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(dev_full())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(want), "{args:?}");
    }
    assert!(tmp.path().join("out/world/001.json").is_file());
    assert!(tmp.path().join("out2/errors.jsonl").is_file());
}
