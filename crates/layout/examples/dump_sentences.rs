//! Prints every sentence the layout and text stages find, one per line,
//! prefixed by its file and paragraph kind: for eyeballing segmentation.
//!
//! Usage: cargo run -p newsparse-layout --example dump_sentences FILE...

fn main() {
    for file in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let layout = newsparse_layout::analyze(&text);
        let doc = newsparse_text::segment(&text, &layout.blocks);
        for s in &doc.sentences {
            let kind = doc.paragraphs[s.paragraph].kind;
            println!(
                "{file}\t{kind:?}\t{}",
                s.span.text(&text).replace('\n', " ")
            );
        }
    }
}
