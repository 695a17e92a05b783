//! Counts in `article`: a text of one line has one paragraph and its words.

use newsparse::pipeline::{extract, SourceInfo};

fn article(text: &str) -> serde_json::Value {
    let source = SourceInfo::text("invented.txt", text.as_bytes());
    serde_json::to_value(extract(&source, text)).unwrap()["article"].clone()
}

#[test]
fn a_one_line_article_has_one_paragraph() {
    let a = article("Kest council approves the harbour plan");
    assert_eq!(a["paragraph_count"], 1);
    assert_eq!(a["word_count"], 6);
    let a = article("Kest council approves plan\n\nThe vote was close.\n\nWork starts soon.\n");
    assert_eq!(a["paragraph_count"], 2);
    assert_eq!(article(" \n")["paragraph_count"], 0);
}
