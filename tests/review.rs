//! `newsparse review` in a real browser: pages are loaded in headless
//! chromium (`--dump-dom`, after the page's script ran) and checked from the
//! DOM. Without chromium the browser tests print a note and pass, except
//! under `CI=true`, where they fail (`.ci/run` installs Debian's chromium).

mod cli_support;

use cli_support::{newsparse, repo};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The chromium binary, or `None` with a note (a failure under `CI=true`).
fn chromium() -> Option<PathBuf> {
    let names = ["chromium", "chromium-browser", "google-chrome"];
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "chromium is absent under CI=true: the browser tests cannot run"
        );
        eprintln!("note: chromium is not installed; browser check skipped");
    }
    found
}

/// The DOM of a page after its script ran.
fn dom(browser: &Path, page: &Path, fragment: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!(
        "file://{}{fragment}",
        page.canonicalize().unwrap().display()
    );
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", &url])
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        dom.contains("</html>"),
        "chromium gave no DOM for {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dom
}

/// Marks in the DOM by kind class (`k-per`…), first pieces only (a span cut
/// by another is one mark).
fn marks(dom: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for piece in dom.split("class=\"m ").skip(1) {
        let classes: Vec<&str> = piece[..piece.find('"').unwrap()].split(' ').collect();
        if !classes.contains(&"cont") {
            *counts.entry(classes[0].to_string()).or_insert(0) += 1;
        }
    }
    counts
}

/// What the record says there should be, by kind class.
fn expected(record: &Value) -> BTreeMap<String, usize> {
    let list = |k: &str| record[k].as_array().unwrap().clone();
    let mentions = |k: &str| {
        list(k)
            .iter()
            .map(|e| e["mentions"].as_array().unwrap().len())
            .sum::<usize>()
    };
    let mut want = BTreeMap::new();
    let mut put = |k: &str, n: usize| {
        if n > 0 {
            want.insert(k.to_string(), n);
        }
    };
    put("k-per", mentions("people"));
    put("k-org", mentions("organizations"));
    put("k-loc", mentions("places"));
    put("k-quote", list("quotes").len());
    put("k-trigger", list("events").len());
    put(
        "k-time",
        list("events")
            .iter()
            .filter(|e| !e["time"].is_null())
            .count(),
    );
    put("k-caption", list("photos").len());
    let credits = list("photos");
    put(
        "k-credit",
        credits
            .iter()
            .filter(|p| !p["credit_span"].is_null())
            .count(),
    );
    put(
        "k-title",
        usize::from(!record["article"]["title_span"].is_null()),
    );
    put(
        "k-subtitle",
        usize::from(!record["article"]["subtitle_span"].is_null()),
    );
    // Byline names have no span in the record: each is marked where the text
    // first has it.
    put(
        "k-byline",
        record["article"]["byline"].as_array().unwrap().len(),
    );
    want
}

fn fixture(name: &str) -> String {
    repo()
        .join("tests/fixtures/review")
        .join(name)
        .display()
        .to_string()
}

/// Extract the harbour fixture to `dir/rec/harbour.json`; the record.
fn harbour_record(dir: &Path) -> Value {
    let out = dir.join("rec");
    let run = newsparse(
        dir,
        &[
            "extract",
            &fixture("harbour.txt"),
            "-o",
            out.to_str().unwrap(),
            "-q",
        ],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    serde_json::from_str(&std::fs::read_to_string(out.join("harbour.json")).unwrap()).unwrap()
}

fn review(dir: &Path, args: &[&str]) -> PathBuf {
    let out = dir.join("out");
    let mut all = vec!["review", "-o", out.to_str().unwrap(), "-q"];
    all.extend_from_slice(args);
    let run = newsparse(dir, &all, None);
    assert_eq!(run.status, 0, "review {args:?}: {}", run.stderr);
    out
}

#[test]
fn marked_spans_per_kind_equal_the_record_and_nest() {
    let tmp = tempfile::tempdir().unwrap();
    let record = harbour_record(tmp.path());
    let source = repo().join("tests/fixtures/review");
    let out = review(tmp.path(), &["rec", "--source", source.to_str().unwrap()]);
    let page = out.join("review/harbour.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("0 validation problems"),
        "a valid record shows no problem"
    );
    assert!(std::fs::read_to_string(out.join("index.html"))
        .unwrap()
        .contains("href=\"review/harbour.html\""));
    let Some(browser) = chromium() else { return };
    let dom = dom(&browser, &page, "");
    let want = expected(&record);
    assert!(want.len() >= 10, "the fixture has most kinds: {want:?}");
    assert_eq!(marks(&dom), want);
    // "Dovrin" is drawn inside the quote that holds it.
    let q1 = &dom[dom.find("data-r=\"q1\"").expect("quote q1 marked")..];
    let name = q1.find(">Dovrin</span>").expect("the name in the quote");
    assert!(name < q1.find("agreed to return").unwrap());
    assert!(q1[..name].contains("class=\"m k-per\""));
}

#[test]
fn selecting_marks_every_mention_of_an_entity_and_an_event() {
    let tmp = tempfile::tempdir().unwrap();
    let record = harbour_record(tmp.path());
    let out = review(tmp.path(), &[&fixture("harbour.txt")]);
    let page = out.join("review/harbour.html");
    let Some(browser) = chromium() else { return };
    let result = |dom: &str, attr: &str| -> usize {
        let out = &dom[dom.find("id=\"test-result\"").expect("the test hook ran")..];
        let at = out.find(&format!("{attr}=\"")).expect(attr) + attr.len() + 2;
        out[at..at + out[at..].find('"').unwrap()].parse().unwrap()
    };
    let p2 = &record["people"][1];
    assert_eq!(p2["id"], "p2");
    let dom_p2 = dom(&browser, &page, "#test=select:p2");
    assert_eq!(
        result(&dom_p2, "data-marked"),
        p2["mentions"].as_array().unwrap().len()
    );
    assert_eq!(
        result(&dom_p2, "data-pressed"),
        1,
        "its list button is pressed"
    );
    // The last event: its trigger and its participants' mentions in its sentence.
    let events = record["events"].as_array().unwrap();
    let event = events.last().unwrap();
    let (s0, s1) = (
        event["sentence"]["start"].as_u64().unwrap(),
        event["sentence"]["end"].as_u64().unwrap(),
    );
    let mut want = 1;
    for p in event["participants"].as_array().unwrap() {
        let entity = ["people", "organizations", "places"]
            .iter()
            .flat_map(|k| record[*k].as_array().unwrap())
            .find(|e| e["id"] == p["ref"])
            .unwrap();
        let all = entity["mentions"].as_array().unwrap();
        let inside = all
            .iter()
            .filter(|m| m["start"].as_u64().unwrap() >= s0 && m["end"].as_u64().unwrap() <= s1)
            .count();
        want += if inside > 0 { inside } else { all.len() };
    }
    assert!(want >= 3, "the fixture's last event has participants");
    let id = event["id"].as_str().unwrap();
    let dom_e = dom(&browser, &page, &format!("#test=select:{id}"));
    assert_eq!(result(&dom_e, "data-marked"), want);
}

#[test]
fn text_holding_markup_is_shown_as_text_and_runs_no_script() {
    let tmp = tempfile::tempdir().unwrap();
    let out = review(tmp.path(), &[&fixture("injection.txt")]);
    let page = out.join("review/injection.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-"
    ));
    assert!(!html.contains("<img"), "no image element was written");
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    let Some(browser) = chromium() else { return };
    let dom = dom(&browser, &page, "");
    assert!(!dom.contains("data-pwned=\"1\""), "an injected script ran");
    assert!(!dom.contains("<img"), "an injected image element exists");
    assert_eq!(dom.matches("<script").count(), 1);
    assert!(dom.contains("&lt;script&gt;document.documentElement.setAttribute("));
    assert!(dom.contains("\"&gt;&lt;img src=x onerror="));
    // The marks still cover the text holding the markup.
    assert!(marks(&dom).get("k-title") == Some(&1));
}

#[test]
fn an_invalid_record_gets_its_page_with_problems_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let mut record = harbour_record(tmp.path());
    record["people"][1]["mentions"][0]["text"] = "Ilsa Morrow".into();
    record["quotes"][0]["speaker"]["ref"] = "p99".into();
    record["places"][0]["mentions"][0]["end"] = 99_999.into();
    let file = tmp.path().join("rec/harbour.json");
    std::fs::write(&file, serde_json::to_string_pretty(&record).unwrap()).unwrap();
    let source = repo().join("tests/fixtures/review");
    let out = review(
        tmp.path(),
        &["rec/harbour.json", "--source", source.to_str().unwrap()],
    );
    let page = out.join("review/harbour.html");
    let html = std::fs::read_to_string(&page).unwrap();
    let top = &html[html.find("id=\"problems\"").expect("the problem list")..];
    let top = &top[..top.find("</section>").unwrap()];
    for pointer in [
        "/people/1/mentions/0/text",
        "/quotes/0/speaker/ref",
        "/places/0/mentions/0/end",
    ] {
        assert_eq!(
            top.matches(&format!("<code>{pointer}</code>")).count(),
            1,
            "{pointer} listed once"
        );
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("with validation problems"));
    let Some(browser) = chromium() else { return };
    let dom = dom(&browser, &page, "");
    // The mention whose text differs is drawn, marked as bad; the quote's list
    // item shows its problem; the span past the end is not drawn.
    assert!(dom.contains("class=\"m k-per bad\" data-r=\"p2"));
    assert!(dom.contains("1 span lies outside the text"));
    let want = expected(&record);
    assert_eq!(marks(&dom)["k-loc"], want["k-loc"] - 1);
    let quotes = &dom[dom.find("<h2>Quotes").unwrap()..];
    assert!(quotes.contains("<code>/quotes/0/speaker/ref</code>"));
}

/// Records in every form a batch takes (a record per `.json`, an array of
/// them, a `.jsonl` line each) get their pages, the same record written
/// differently the same page; a file that is not JSON (to a `Value`) is
/// named on stderr, exit 1, and the others still get theirs.
#[test]
fn records_in_every_form_get_pages_and_a_malformed_file_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let record = harbour_record(tmp.path());
    let mut invalid = record.clone();
    invalid["quotes"][0]["speaker"]["ref"] = "p99".into();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let write = |name: &str, text: String| std::fs::write(input.join(name), text).unwrap();
    write("a.json", serde_json::to_string_pretty(&record).unwrap());
    write(
        "b.json",
        serde_json::to_string(&[&record, &invalid]).unwrap(),
    );
    write("bad.json", "{\"id\": ".into());
    // Nested past serde_json's limit: not JSON to a `Value`, so not a record.
    write(
        "0deep.jsonl",
        format!("{{\"a\":{}{}}}\n", "[".repeat(200), "]".repeat(200)),
    );
    write(
        "c.jsonl",
        format!(
            "{}\n\n{}\n",
            serde_json::to_string(&record).unwrap(),
            invalid
        ),
    );
    let out = tmp.path().join("out");
    let source = repo().join("tests/fixtures/review");
    let run = newsparse(
        tmp.path(),
        &[
            "review",
            "in",
            "--source",
            source.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-q",
        ],
        None,
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        [
            "error: in/0deep.jsonl: line 1: malformed JSON: recursion limit exceeded at line 1 column 132",
            "error: in/bad.json: malformed JSON: EOF while parsing a value at line 1 column 7"
        ]
    );
    // One page per record, in input order: a, b (2), c (2).
    let page = |n: &str| std::fs::read_to_string(out.join(format!("review/{n}.html"))).unwrap();
    let pages: Vec<String> = [
        "harbour",
        "harbour-2",
        "harbour-3",
        "harbour-4",
        "harbour-5",
    ]
    .iter()
    .map(|n| page(n))
    .collect();
    assert!(!out.join("review/harbour-6.html").exists());
    assert_eq!(pages[0], pages[1]);
    assert_eq!(pages[0], pages[3]);
    assert_eq!(pages[2], pages[4]);
    for (i, page) in pages.iter().enumerate() {
        let problems = if i % 2 == 0 && i > 0 { 1 } else { 0 };
        assert!(
            page.contains(&format!(", {problems} validation problem")),
            "page {i}"
        );
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("5 article(s); 2 with validation problems"));
}

#[test]
fn compare_over_directories_lists_the_most_changed_article_first() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut record = harbour_record(dir);
    for side in ["a", "b"] {
        let run = newsparse(
            dir,
            &[
                "extract",
                &fixture("injection.txt"),
                &fixture("harbour.txt"),
                "-o",
                side,
                "-q",
            ],
            None,
        );
        assert_eq!(run.status, 0, "{}", run.stderr);
    }
    // B: one quote's speaker changed, one person removed.
    record["quotes"][2]["speaker"] = serde_json::json!({"ref": "p2", "name": "Ilsa Marrow"});
    record["people"].as_array_mut().unwrap().remove(0);
    std::fs::write(dir.join("b/harbour.json"), record.to_string()).unwrap();
    let out = dir.join("cmp");
    let run = newsparse(
        dir,
        &["review", "--compare", "a", "b", "-o", "cmp", "-q"],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let (harbour, injection) = (
        index.find("review/harbour").unwrap(),
        index.find("review/injection").unwrap(),
    );
    assert!(harbour < injection, "the changed article comes first");
    let page = std::fs::read_to_string(out.join("review/harbour.html")).unwrap();
    assert!(page.contains("2 differ."), "exactly two differences");
    assert!(page.contains("speaker: Rena Holt vs Ilsa Marrow"));
    let same = std::fs::read_to_string(out.join("review/injection.html")).unwrap();
    assert!(same.contains("0 differ."));
}

#[test]
fn the_index_sorts_and_filters() {
    let tmp = tempfile::tempdir().unwrap();
    let out = review(
        tmp.path(),
        &[&fixture("harbour.txt"), &fixture("injection.txt")],
    );
    let index = out.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    // Input order: the harbour article first.
    assert!(
        html.find("review/harbour.html").unwrap() < html.find("review/injection.html").unwrap()
    );
    let Some(browser) = chromium() else { return };
    let first = |fragment: &str| {
        let dom = dom(&browser, &index, fragment);
        let at = dom.find("data-first=\"").expect("the test hook ran") + 12;
        let shown = &dom[dom.find("id=\"shown\"").unwrap()..];
        let shown = &shown[shown.find('>').unwrap() + 1..shown.find("</span>").unwrap()];
        (
            dom[at..at + dom[at..].find('"').unwrap()].to_string(),
            shown.to_string(),
        )
    };
    // People (column 3), ascending: the injection article names fewer.
    let (row, shown) = first("#test=sort:3,filter:");
    assert!(row.starts_with("Harbour board rejects"), "{row}");
    assert_eq!(shown, "2 of 2 shown");
    let (row, shown) = first("#test=sort:3,filter:ferry");
    assert!(row.starts_with("Velmoran ministers"), "{row}");
    assert_eq!(shown, "1 of 2 shown");
}
