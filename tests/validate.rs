//! `validate` on deliberately broken records (tests/fixtures/validate/, about
//! an invented harbor town): each problem with the right line:column and
//! JSON pointer, and the right exit status.

mod cli_support;

use newsparse::validate::{run_to, OutputFormat, ValidateOptions};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/validate")
        .join(name)
}

/// Runs validate in-process; returns the exit status and the report lines,
/// with the fixture directory cut from file names.
fn validate(
    files: &[PathBuf],
    source: Option<PathBuf>,
    format: OutputFormat,
) -> (i32, Vec<String>) {
    let mut out = Vec::new();
    let status = run_to(
        &ValidateOptions {
            files: files.to_vec(),
            source,
            format,
        },
        &mut out,
    );
    let dir = format!(
        "{}/",
        fixture("").display().to_string().trim_end_matches('/')
    );
    let text = String::from_utf8(out).unwrap().replace(&dir, "");
    (status, text.lines().map(str::to_string).collect())
}

fn validate_text(name: &str) -> (i32, Vec<String>) {
    validate(&[fixture(name)], None, OutputFormat::Text)
}

#[test]
fn good_record_is_valid_with_and_without_source() {
    assert_eq!(validate_text("good.json"), (0, vec![]));
    let with_file = validate(
        &[fixture("good.json")],
        Some(fixture("harbor.txt")),
        OutputFormat::Text,
    );
    assert_eq!(with_file, (0, vec![]));
    let with_dir = validate(
        &[fixture("good.json")],
        Some(fixture("")),
        OutputFormat::Text,
    );
    assert_eq!(with_dir, (0, vec![]));
}

#[test]
fn wrong_type() {
    assert_eq!(
        validate_text("wrong_type.json"),
        (
            1,
            vec![
                "wrong_type.json:22:19: /article/word_count: expected integer, found string \"31\""
                    .to_string()
            ]
        )
    );
}

#[test]
fn unknown_field_is_shown_at_its_name() {
    assert_eq!(
        validate_text("unknown_field.json"),
        (
            1,
            vec![
                "unknown_field.json:88:5: /quotes/0: missing required field \"speaker\""
                    .to_string(),
                "unknown_field.json:95:7: /quotes/0/speeker: unknown field \"speeker\" \
                 (expected one of: id, text, span, speaker, cue, kind)"
                    .to_string(),
            ]
        )
    );
}

#[test]
fn bad_enum() {
    assert_eq!(
        validate_text("bad_enum.json"),
        (
            1,
            vec![
                "bad_enum.json:100:15: /quotes/0/kind: \"qoute\" is not one of \"direct\", \"partial\", \"scare\""
                    .to_string()
            ]
        )
    );
}

#[test]
fn bad_date_pattern() {
    assert_eq!(
        validate_text("bad_date.json"),
        (
            1,
            vec![
                "bad_date.json:16:18: /article/published: \"05/03/2024\" is not a date YYYY-MM-DD"
                    .to_string()
            ]
        )
    );
}

#[test]
fn duplicate_id() {
    // The place was given a person's id; the event's place ref follows it, so
    // it is also of the wrong kind.
    let (status, lines) = validate_text("duplicate_id.json");
    assert_eq!(status, 1);
    assert_eq!(
        lines,
        vec![
            "duplicate_id.json:75:13: /places/0/id: \"p2\" is not a place id like \"l1\"",
            "duplicate_id.json:75:13: /places/0/id: duplicate id \"p2\" (first used at /people/1/id)",
            "duplicate_id.json:129:16: /events/0/place/ref: \"p2\" is not a place id like \"l1\"",
        ]
    );
}

#[test]
fn dangling_ref() {
    assert_eq!(
        validate_text("dangling_ref.json"),
        (
            1,
            vec![
                "dangling_ref.json:96:16: /quotes/0/speaker/ref: \"p9\" names no id in this record"
                    .to_string()
            ]
        )
    );
}

#[test]
fn span_past_the_end() {
    let want = vec![
        "past_end.json:50:18: /people/0/mentions/1/end: 190 is past the end of the text (182 chars)"
            .to_string(),
    ];
    assert_eq!(validate_text("past_end.json"), (1, want.clone()));
    let with_source = validate(
        &[fixture("past_end.json")],
        Some(fixture("harbor.txt")),
        OutputFormat::Text,
    );
    assert_eq!(with_source, (1, want));
}

#[test]
fn text_mismatch_needs_the_source() {
    assert_eq!(validate_text("text_mismatch.json"), (0, vec![]));
    let (status, lines) = validate(
        &[fixture("text_mismatch.json")],
        Some(fixture("")),
        OutputFormat::Text,
    );
    assert_eq!(status, 1);
    assert_eq!(
        lines,
        vec![
            "text_mismatch.json:46:19: /people/0/mentions/0/text: \"Odo Brannock\" is not the source \
             text at 70..82, which is \"Odo Brannick\""
        ]
    );
}

#[test]
fn source_digest_and_size_are_checked() {
    // Every record claims to be harbor.txt; checked against another text, the
    // digest, sizes and the spans past its end all disagree.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Short note.\n").unwrap();
    let (status, lines) = validate(&[fixture("good.json")], Some(other), OutputFormat::Text);
    assert_eq!(status, 1);
    let record = std::fs::read_to_string(fixture("good.json")).unwrap();
    let claimed: serde_json::Value = serde_json::from_str(&record).unwrap();
    assert_eq!(
        lines[0],
        format!(
            "good.json:6:15: /source/sha256: {} is not the sha256 of the source text, \
             which is f9bc29c55e3ee52b835783e7743bb3ac05b7a58f7afc49e10f030fb42148f3e5",
            claimed["source"]["sha256"]
        )
    );
    assert_eq!(
        lines[1],
        "good.json:7:14: /source/bytes: 188 is not the size of the source text (12 bytes)"
    );
    assert_eq!(
        lines[2],
        "good.json:8:14: /source/chars: 182 is not the length of the source text (12 chars)"
    );
    assert!(lines[3..]
        .iter()
        .all(|l| l.contains("is past the end of the text (12 chars)")));
}

#[test]
fn malformed_json_has_its_position() {
    assert_eq!(
        validate_text("malformed.json"),
        (
            1,
            vec!["malformed.json:101:5: malformed JSON: trailing comma".to_string()]
        )
    );
}

#[test]
fn json_lines_report_the_record_line() {
    let (status, lines) = validate_text("records.jsonl");
    assert_eq!(status, 1);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].starts_with("records.jsonl:2:")
            && lines[0].contains(": /quotes/0/kind: \"qoute\" is not one of"),
        "{lines:#?}"
    );
    assert_eq!(
        lines[1],
        "records.jsonl:3:200: malformed JSON: EOF while parsing a string"
    );
    // The column is the position of the value in its line.
    let record_line = std::fs::read_to_string(fixture("records.jsonl")).unwrap();
    let second = record_line.lines().nth(1).unwrap();
    let column = second.find("\"qoute\"").unwrap() + 1;
    assert!(lines[0].starts_with(&format!("records.jsonl:2:{column}: ")));
}

#[test]
fn machine_output_is_one_json_object_per_problem() {
    let (status, lines) = validate(
        &[
            fixture("bad_enum.json"),
            fixture("good.json"),
            fixture("malformed.json"),
        ],
        None,
        OutputFormat::Json,
    );
    assert_eq!(status, 1);
    let problems: Vec<serde_json::Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0]["line"], 100);
    assert_eq!(problems[0]["column"], 15);
    assert_eq!(problems[0]["record"], 0);
    assert_eq!(problems[0]["pointer"], "/quotes/0/kind");
    assert!(problems[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("bad_enum.json"));
    assert_eq!(problems[1]["pointer"], serde_json::Value::Null);
    assert_eq!(problems[1]["line"], 101);
}

#[test]
fn unreadable_file_fails() {
    let (status, lines) = validate_text("no-such-file.json");
    assert_eq!(status, 1);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("no-such-file.json: cannot read: "),
        "{lines:#?}"
    );
}

#[test]
fn every_file_in_order() {
    let (status, lines) = validate(
        &[
            fixture("dangling_ref.json"),
            fixture("good.json"),
            fixture("bad_enum.json"),
        ],
        None,
        OutputFormat::Text,
    );
    assert_eq!(status, 1);
    let files: Vec<&str> = lines.iter().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(files, vec!["dangling_ref.json", "bad_enum.json"]);
}

/// Extract records with the real pipeline and validate them against their
/// source texts: the invented fixture article, plus a few BBC articles (not
/// in the dev gold set) when the shared data is present.
#[test]
fn records_from_a_real_extraction_validate_clean() {
    let mut inputs = vec![fixture("harbor.txt")];
    // Beside the repository, wherever it is checked out; required under CI.
    if let Some(bbc) = cli_support::shared_data("bbc") {
        for name in ["business/001.txt", "politics/010.txt", "tech/002.txt"] {
            assert!(bbc.join(name).is_file(), "{name} in {}", bbc.display());
            inputs.push(bbc.join(name));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    for (i, input) in inputs.iter().enumerate() {
        let bytes = std::fs::read(input).unwrap();
        let text = newsparse::ingest::decode(&bytes, newsparse::ingest::DEFAULT_MAX_BYTES).unwrap();
        let path = input.display().to_string();
        let info = newsparse::pipeline::SourceInfo::text(&path, &bytes);
        let record = newsparse::pipeline::extract(&info, text);
        let value = serde_json::to_value(&record).unwrap();
        assert_eq!(newsparse::schema::check_record(&value), vec![], "{path}");
        let out = dir.path().join(format!("{i}.json"));
        std::fs::write(&out, serde_json::to_string_pretty(&record).unwrap()).unwrap();
        let (status, lines) = validate(&[out], Some(input.clone()), OutputFormat::Text);
        assert_eq!((status, lines), (0, vec![]), "{path}");
    }
}

// --- The binary: `newsparse validate ...` --------------------------------

fn newsparse(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsparse"))
        .args(args)
        .current_dir(fixture(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn binary_reports_each_problem_and_exits_1() {
    let (status, stdout, stderr) = newsparse(
        &[
            "validate",
            "good.json",
            "bad_enum.json",
            "malformed.json",
            "records.jsonl",
        ],
        None,
    );
    assert_eq!(status, 1, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!(
        lines[0],
        "bad_enum.json:100:15: /quotes/0/kind: \"qoute\" is not one of \"direct\", \"partial\", \"scare\""
    );
    assert_eq!(
        lines[1],
        "malformed.json:101:5: malformed JSON: trailing comma"
    );
    assert!(lines[2].starts_with("records.jsonl:2:"), "{stdout}");
    assert!(
        lines[3].starts_with("records.jsonl:3:200: malformed JSON"),
        "{stdout}"
    );
    assert!(stderr.contains("6 record(s) in 4 file(s)"), "{stderr}");
}

#[test]
fn binary_exits_0_on_valid_records_with_source() {
    let (status, stdout, stderr) = newsparse(&["validate", "--source", ".", "good.json"], None);
    assert_eq!((status, stdout.as_str()), (0, ""), "{stderr}");
    let (status, stdout, _) = newsparse(
        &["validate", "--source", "harbor.txt", "text_mismatch.json"],
        None,
    );
    assert_eq!(status, 1);
    assert!(stdout.starts_with("text_mismatch.json:46:19: /people/0/mentions/0/text: "));
}

#[test]
fn binary_reads_json_lines_from_stdin_and_prints_json() {
    let records = std::fs::read(fixture("records.jsonl")).unwrap();
    let (status, stdout, _) = newsparse(&["validate", "--format", "json", "-"], Some(&records));
    assert_eq!(status, 1);
    let problems: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(problems.len(), 2, "{stdout}");
    assert_eq!(problems[0]["file"], "<stdin>");
    assert_eq!(problems[0]["line"], 2);
    assert_eq!(problems[0]["record"], 1);
    assert_eq!(problems[0]["pointer"], "/quotes/0/kind");
    assert_eq!(problems[1]["line"], 3);
    assert_eq!(problems[1]["pointer"], serde_json::Value::Null);
}

#[test]
fn json_array_of_records_and_directories() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(fixture("good.json")).unwrap();
    let bad = std::fs::read_to_string(fixture("bad_enum.json")).unwrap();
    let array = format!("[\n{},\n{}]\n", good.trim_end(), bad.trim_end());
    std::fs::write(dir.path().join("b.json"), &array).unwrap();
    std::fs::write(dir.path().join("a.json"), &good).unwrap();
    std::fs::write(dir.path().join("errors.jsonl"), "{\"path\": \"x\"}\n").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a record").unwrap();
    let (status, lines) = validate(&[dir.path().to_path_buf()], None, OutputFormat::Json);
    assert_eq!(status, 1);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let problem: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    // Found by text search, independently of the validator's scanner.
    let at = array.find("\"qoute\"").unwrap();
    let line = array[..at].matches('\n').count() + 1;
    let column = at - array[..at].rfind('\n').unwrap();
    assert!(problem["file"].as_str().unwrap().ends_with("b.json"));
    assert_eq!(problem["record"], 1);
    assert_eq!(problem["pointer"], "/quotes/0/kind");
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
}

#[test]
fn source_directory_lookup_uses_tails_of_the_recorded_path() {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("texts/harbor");
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::copy(fixture("harbor.txt"), texts.join("harbor.txt")).unwrap();
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("text_mismatch.json")).unwrap())
            .unwrap();
    record["source"]["path"] = serde_json::json!("/elsewhere/run/harbor/harbor.txt");
    let file = dir.path().join("r.json");
    std::fs::write(&file, serde_json::to_string_pretty(&record).unwrap()).unwrap();
    let (status, lines) = validate(
        std::slice::from_ref(&file),
        Some(dir.path().join("texts")),
        OutputFormat::Text,
    );
    assert_eq!(status, 1);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains("/people/0/mentions/0/text: \"Odo Brannock\" is not the source text"));
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let (status, lines) = validate(std::slice::from_ref(&file), Some(empty), OutputFormat::Text);
    assert_eq!(status, 1);
    assert!(
        lines[0].contains("/source/path: no source text for \"/elsewhere/run/harbor/harbor.txt\""),
        "{lines:#?}"
    );
    // A --source that is neither a file nor a directory stops the run.
    let nowhere = dir.path().join("nowhere");
    assert_eq!(
        validate(&[file], Some(nowhere), OutputFormat::Text),
        (1, vec![])
    );
}

#[test]
fn json_lines_named_json_get_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("batch.json");
    std::fs::copy(fixture("records.jsonl"), &file).unwrap();
    let (status, lines) = validate(&[file], None, OutputFormat::Text);
    assert_eq!(status, 1);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].ends_with(
            ":2:1: malformed JSON: trailing characters (one record per line is JSON Lines: name the file .jsonl)"
        ),
        "{lines:#?}"
    );
}

#[test]
fn byte_order_mark_is_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let good = std::fs::read(fixture("good.json")).unwrap();
    let mut with_bom = "\u{FEFF}".as_bytes().to_vec();
    with_bom.extend_from_slice(&good);
    let path = tmp.path().join("bom.json");
    std::fs::write(&path, &with_bom).unwrap();
    let (status, lines) = validate(std::slice::from_ref(&path), None, OutputFormat::Text);
    assert_eq!((status, lines), (0, vec![]));
    // Problems after the mark keep their editor positions (line 1, column 1).
    std::fs::write(&path, "\u{FEFF}{").unwrap();
    let (status, lines) = validate(&[path], None, OutputFormat::Text);
    assert_eq!(status, 1, "{lines:?}");
    assert!(lines[0].contains("bom.json:1:"), "{lines:?}");
}
