//! Print the recognizer's mentions and the resolved entities of each file.
//! Usage: cargo run --release -p newsparse-entities --example dump -- FILE...

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
        let layout = newsparse_layout::analyze(&text);
        let doc = newsparse_text::segment(&text, &layout.blocks);
        let mentions = newsparse_ner::Model::embedded().tag(&doc);
        println!("== {path}");
        let tags: Vec<String> = mentions
            .iter()
            .map(|m| format!("{:?}:{}", m.kind, m.span.text(&text)))
            .collect();
        println!("mentions: {}", tags.join(" | "));
        for e in newsparse_entities::resolve(&doc, &mentions) {
            println!(
                "{} {:?} name={:?} aliases={:?} titles={:?} roles={:?} attrs={:?} acr={:?} n={}",
                e.id,
                e.kind,
                e.name,
                e.aliases,
                e.titles,
                e.roles,
                e.attributes,
                e.acronym,
                e.mentions.len()
            );
        }
    }
}
