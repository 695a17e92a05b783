//! How closely the tokenizer follows the NER training data's tokenization:
//! rebuilds running text from CoNLL-2003 sentences (clitics and closing
//! punctuation attached to the word before), tokenizes it again and reports
//! the share of sentences and tokens that come back identical.
//!
//! Usage: cargo run --release -p newsparse-text --example conll_agreement [FILE]
//! (FILE defaults to ../shared/data/conll2003/train.txt)

use newsparse_core::{Block, BlockKind, ByteSpan};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/conll2003/train.txt".to_string());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut sentences: Vec<Vec<&str>> = vec![vec![]];
    for line in data.lines() {
        match line.split(' ').next() {
            Some("-DOCSTART-") => {}
            Some(w) if !w.is_empty() => sentences.last_mut().expect("one").push(w),
            _ => sentences.push(vec![]),
        }
    }
    sentences.retain(|s| !s.is_empty());
    let (mut same_sent, mut same_tok, mut gold_tok) = (0, 0, 0);
    let mut shown = 0;
    for gold in &sentences {
        let mut text = String::new();
        for (i, w) in gold.iter().enumerate() {
            let attach = i > 0
                && (matches!(
                    *w,
                    "," | "."
                        | ";"
                        | ":"
                        | "?"
                        | "!"
                        | ")"
                        | "%"
                        | "'s"
                        | "n't"
                        | "'re"
                        | "'ve"
                        | "'ll"
                        | "'d"
                        | "'m"
                ) || gold[i - 1] == "("
                    || gold[i - 1] == "$");
            if i > 0 && !attach {
                text.push(' ');
            }
            text.push_str(w);
        }
        let block = Block {
            kind: BlockKind::Body,
            span: ByteSpan::new(0, text.len()),
        };
        let doc = newsparse_text::segment(&text, &[block]);
        let got: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
        gold_tok += gold.len();
        // Tokens that match in place (a simple in-order alignment by offsets).
        let gold_set: std::collections::HashSet<(usize, &str)> = {
            let mut at = 0;
            gold.iter()
                .map(|w| {
                    let p = text[at..].find(w).map_or(at, |p| at + p);
                    at = p + w.len();
                    (p, *w)
                })
                .collect()
        };
        same_tok += doc
            .tokens
            .iter()
            .filter(|t| gold_set.contains(&(t.span.start, t.span.text(&text))))
            .count();
        if got == *gold {
            same_sent += 1;
        } else if shown < 15 {
            shown += 1;
            println!("gold: {gold:?}\n got: {got:?}\n");
        }
    }
    println!(
        "{} sentences: {:.1}% tokenized identically; {:.1}% of {} gold tokens recovered",
        sentences.len(),
        100.0 * same_sent as f64 / sentences.len() as f64,
        100.0 * same_tok as f64 / gold_tok as f64,
        gold_tok
    );
}
