//! README's example record is what the binary writes for its fixture.
//!
//! The README may trim: an array ending in `…` shows only its first
//! elements, a string ending in `…` only its beginning; everything else
//! (every key, every value shown) must be exactly the binary's.

mod cli_support;

use cli_support::*;
use serde_json::Value;

/// The README's example, parsed, with each `…` array tail made a `"…"`
/// element so the comparison knows the array was trimmed.
fn readme_example() -> Value {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let section = &readme[readme
        .find("## Example record")
        .expect("an example section")..];
    let start = section.find("```json\n").expect("a json block") + "```json\n".len();
    let block = &section[start..start + section[start..].find("```").unwrap()];
    let mut text = String::new();
    let mut rest = block;
    // `, …]` or `, …\n  ]`: a trimmed array.
    while let Some(i) = rest.find('…') {
        text.push_str(&rest[..i]);
        // No escaped quotes in the example: parity tells strings apart.
        let in_string = text.matches('"').count() % 2 == 1;
        text.push_str(if in_string { "…" } else { "\"…\"" });
        rest = &rest[i + '…'.len_utf8()..];
    }
    text.push_str(rest);
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("README example is not JSON: {e}\n{text}"))
}

/// Differences between the README's (possibly trimmed) value and the real one.
fn compare(shown: &Value, real: &Value, at: &str, out: &mut Vec<String>) {
    match (shown, real) {
        (Value::Object(s), Value::Object(r)) => {
            let (sk, rk): (Vec<_>, Vec<_>) = (s.keys().collect(), r.keys().collect());
            if sk != rk {
                out.push(format!("{at}: keys {sk:?}, the binary writes {rk:?}"));
            }
            for (k, v) in s {
                if let Some(rv) = r.get(k) {
                    compare(v, rv, &format!("{at}/{k}"), out);
                }
            }
        }
        (Value::Array(s), Value::Array(r)) => {
            let trimmed = s.last() == Some(&Value::String("…".into()));
            let shown_items = &s[..s.len() - usize::from(trimmed)];
            if (trimmed && r.len() <= shown_items.len()) || (!trimmed && r.len() != s.len()) {
                out.push(format!(
                    "{at}: {} item(s) shown{}, the binary writes {}",
                    shown_items.len(),
                    if trimmed { " and more" } else { "" },
                    r.len()
                ));
            }
            for (i, (sv, rv)) in shown_items.iter().zip(r).enumerate() {
                compare(sv, rv, &format!("{at}/{i}"), out);
            }
        }
        (Value::String(s), Value::String(r)) if s.ends_with('…') => {
            let prefix = s.trim_end_matches('…').trim_end();
            if !r.starts_with(prefix) || r == prefix {
                out.push(format!("{at}: {s:?} does not begin {r:?}"));
            }
        }
        _ if shown != real => out.push(format!(
            "{at}: README shows {shown}, the binary writes {real}"
        )),
        _ => {}
    }
}

#[test]
fn readme_example_record_matches_the_binary() {
    let r = newsparse(
        &repo(),
        &[
            "extract",
            "tests/fixtures/cli/articles/world/001.txt",
            "--jsonl",
            "-",
            "-q",
        ],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let real: Value = serde_json::from_str(r.stdout.trim_end()).unwrap();
    let mut diffs = Vec::new();
    compare(&readme_example(), &real, "", &mut diffs);
    assert!(
        diffs.is_empty(),
        "README's example record differs from the binary's output:\n{}",
        diffs.join("\n")
    );
}

#[test]
fn the_comparison_catches_a_wrong_value_and_a_wrong_trim() {
    let real = serde_json::json!({"a": [1, 2, 3], "s": "hello world"});
    let mut d = Vec::new();
    compare(
        &serde_json::json!({"a": [1, "…"], "s": "hello …"}),
        &real,
        "",
        &mut d,
    );
    assert!(d.is_empty(), "{d:?}");
    compare(
        &serde_json::json!({"a": [1, 2], "s": "help …"}),
        &real,
        "",
        &mut d,
    );
    assert_eq!(d.len(), 2, "{d:?}");
    d.clear();
    compare(&serde_json::json!({"a": [9, "…"]}), &real, "", &mut d);
    assert_eq!(d.len(), 2, "a missing key and a wrong value: {d:?}");
}
