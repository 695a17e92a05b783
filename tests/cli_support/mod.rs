//! Helpers shared by the CLI integration tests: run the binary, check spans.

#![allow(dead_code)] // each test file uses a different part

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `newsparse ARGS` in `cwd`, with `stdin` piped in (empty if `None`).
pub fn newsparse(cwd: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsparse"))
        .args(args)
        .current_dir(cwd)
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start newsparse");
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            input.write_all(bytes).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    Run {
        status: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The directory of this crate (the repository root).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A directory of `../shared/data` (beside the repository), or `None` with a
/// note when it is absent. Under `CI=true` an absent corpus fails the test
/// instead: CI must not pass a corpus test that did not run.
pub fn shared_data(rel: &str) -> Option<PathBuf> {
    let dir = repo().join("../shared/data").join(rel);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "{} is absent under CI=true: the corpus test cannot run",
        dir.display()
    );
    eprintln!("note: {} is absent; corpus check skipped", dir.display());
    None
}

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/cli")
}

/// Copy a directory tree.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON record"))
        .collect()
}

/// The code points `[start, end)` of `text`, or `None` when out of range.
fn slice(chars: &[char], start: &Value, end: &Value) -> Option<String> {
    let (s, e) = (start.as_u64()? as usize, end.as_u64()? as usize);
    (s <= e && e <= chars.len()).then(|| chars[s..e].iter().collect())
}

/// Every span of a record checked against the source text: it lies inside
/// the text, and every text it carries (mention text, quote text, trigger,
/// time, caption, credit, title, subtitle) equals the code points it covers.
/// Returns one line per problem.
pub fn span_problems(record: &Value, text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut problems = Vec::new();
    if record["source"]["chars"].as_u64() != Some(chars.len() as u64) {
        problems.push(format!(
            "/source/chars is {}, the text has {} code points",
            record["source"]["chars"],
            chars.len()
        ));
    }
    walk(record, "", &chars, &mut problems);
    problems
}

/// Pairs of (text field, span field) that must agree, besides
/// `{start, end, text}` mentions and `{text, span}` objects.
const TEXT_SPAN_PAIRS: [(&str, &str); 4] = [
    ("caption", "span"),
    ("credit", "credit_span"),
    ("title", "title_span"),
    ("subtitle", "subtitle_span"),
];

fn walk(v: &Value, at: &str, chars: &[char], problems: &mut Vec<String>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &format!("{at}/{i}"), chars, problems);
            }
        }
        Value::Object(map) => {
            if let (Some(s), Some(e)) = (map.get("start"), map.get("end")) {
                match slice(chars, s, e) {
                    None => problems.push(format!("{at}: span {s}..{e} is not inside the text")),
                    Some(covered) => {
                        if let Some(t) = map.get("text").and_then(Value::as_str) {
                            if t != covered {
                                problems
                                    .push(format!("{at}: text {t:?} but span covers {covered:?}"));
                            }
                        }
                    }
                }
            }
            let mut pairs = vec![("text", "span")];
            pairs.extend(TEXT_SPAN_PAIRS);
            for (text_key, span_key) in pairs {
                if let (Some(Value::String(t)), Some(Value::Object(span))) =
                    (map.get(text_key), map.get(span_key))
                {
                    if let (Some(s), Some(e)) = (span.get("start"), span.get("end")) {
                        if let Some(covered) = slice(chars, s, e) {
                            if *t != covered {
                                problems.push(format!(
                                    "{at}/{text_key}: {t:?} but {span_key} covers {covered:?}"
                                ));
                            }
                        }
                    }
                }
            }
            for (k, item) in map {
                walk(item, &format!("{at}/{k}"), chars, problems);
            }
        }
        _ => {}
    }
}

/// Schema and invariant problems (`newsparse::schema::check_record`) plus span
/// problems, as lines.
pub fn record_problems(record: &Value, text: &str) -> Vec<String> {
    let mut all: Vec<String> = newsparse::schema::check_record(record)
        .into_iter()
        .map(|p| format!("{}: {}", p.pointer, p.message))
        .collect();
    all.extend(span_problems(record, text));
    all
}
