//! `newsparse text`: pages in, articles out; bad pages are one line each
//! and the batch goes on.

use std::io::Write;
use std::path::Path;
use std::process::Command;

fn newsparse() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsparse"))
}

const PAGE: &str = r#"<html><head><title>Ferry link approved | Kestford Courier</title>
<meta property="og:site_name" content="Kestford Courier">
<meta property="article:published_time" content="2021-03-04T10:00:00-05:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ferry link approved</h1>
<p class="byline">By Ana Lind and Tom Berg</p>
<p>The Velmora harbour council approved a new ferry route to Port Averin on Tuesday, ending two years of talks.</p>
<p>Council leader Marta Keloway said the boats would sail from May, and that fares would stay low for islanders.</p>
</article></body></html>"#;

fn gzip(path: &Path, bytes: &[u8]) {
    let f = std::fs::File::create(path).unwrap();
    let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap();
}

#[test]
fn jsonl_has_the_keys_the_scorers_read_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.html"), PAGE).unwrap();
    gzip(
        &dir.path().join("a.html.gz"),
        PAGE.replace("Ana Lind and ", "").as_bytes(),
    );
    std::fs::write(dir.path().join("notes.txt"), "not a page").unwrap();
    let out = newsparse()
        .args(["text", "--jsonl", "-"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "the .txt file is not a page");
    assert!(lines[0]["path"].as_str().unwrap().ends_with("a.html.gz"));
    assert!(lines[1]["path"].as_str().unwrap().ends_with("b.html"));
    assert_eq!(lines[0]["byline"], serde_json::json!(["Tom Berg"]));
    let b = &lines[1];
    assert_eq!(b["title"], "Ferry link approved");
    assert_eq!(b["byline"], serde_json::json!(["Ana Lind", "Tom Berg"]));
    assert_eq!(b["published"], "2021-03-04");
    assert!(b["url"].is_null());
    let body = b["body"].as_str().unwrap();
    assert!(body.starts_with("The Velmora harbour council"), "{body}");
    assert!(body.contains("talks.\n\nCouncil leader"), "{body}");
    assert!(
        !body.contains("By Ana Lind") && !body.contains("Home"),
        "{body}"
    );
}

#[test]
fn reader_text_prints_title_byline_date_and_body() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.htm");
    std::fs::write(&page, PAGE).unwrap();
    let out = newsparse().arg("text").arg(&page).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "Ferry link approved\n\nBy Ana Lind and Tom Berg\n\n2021-03-04\n\nThe Velmora"
        ),
        "{text}"
    );
}

#[test]
fn bad_pages_are_one_line_each_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.html");
    std::fs::write(&good, PAGE).unwrap();
    let empty = dir.path().join("empty.html");
    std::fs::write(&empty, "").unwrap();
    let bare = dir.path().join("bare.html");
    std::fs::write(
        &bare,
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    )
    .unwrap();
    let corrupt = dir.path().join("corrupt.html.gz");
    std::fs::write(&corrupt, b"\x1f\x8b\x08\x00garbage").unwrap();
    // A gzip bomb: 11 MB of spaces in a few kilobytes.
    let bomb = dir.path().join("bomb.html.gz");
    gzip(&bomb, &vec![b' '; 11 * 1024 * 1024]);
    let missing = dir.path().join("missing.html");
    let out = newsparse()
        .args(["text", "--jsonl", "-"])
        .args([&empty, &good, &bare, &corrupt, &bomb, &missing])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "the good page is still written");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 5, "{stderr}");
    let expect = [
        (&empty, "empty file"),
        (&bare, "no article text"),
        (&corrupt, "gzip"),
        (&bomb, "decompresses to more than 10485760 bytes"),
        (&missing, "no such file"),
    ];
    for (line, (path, reason)) in errors.iter().zip(expect) {
        assert!(
            line.starts_with(&format!("error: {}: ", path.display())),
            "{line}"
        );
        assert!(line.contains(reason), "{line}");
    }
}

#[test]
fn a_declared_charset_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("latin1.html");
    let html = PAGE
        .replace("<head>", "<head><meta charset=\"iso-8859-1\">")
        .replace("Velmora", "V\u{e9}lmora");
    let bytes: Vec<u8> = html.chars().map(|c| c as u32 as u8).collect();
    std::fs::write(&page, bytes).unwrap();
    let out = newsparse()
        .args(["text", "--jsonl", "-"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("Vélmora"));
}
