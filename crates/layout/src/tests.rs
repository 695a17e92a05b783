use super::*;

fn blocks(text: &str, layout: &Layout) -> Vec<(BlockKind, String)> {
    layout
        .blocks
        .iter()
        .map(|b| (b.kind, b.span.text(text).to_string()))
        .collect()
}

#[test]
fn seed_like_layout() {
    let text = "Varnia’s quiet pressure on Ostland\n\nThe minister stressed that Varnia does not meddle, it is the “greedy” traders who do.\n\nVarnia's Premier Ola Brandt meets Ostland's envoy Pia Lund in Kest, Varnia, July 21, 2020. (photo credit: REUTERS)\nVarnia's Premier Ola Brandt meets Ostland's envoy Pia Lund in Kest, Varnia, July 21, 2020.\n(photo credit: REUTERS)\n\nIn a long campaign, the leadership sent envoys to Kest.\n\nBrandt is a new face. He came to power this spring.\nLund is an energetic envoy.\n";
    let l = analyze(text);
    assert_eq!(
        l.title.unwrap().text(text),
        "Varnia’s quiet pressure on Ostland"
    );
    assert!(l
        .subtitle
        .unwrap()
        .text(text)
        .starts_with("The minister stressed"));
    assert_eq!(l.photos.len(), 1);
    let p = &l.photos[0];
    assert!(p.caption.text(text).ends_with("July 21, 2020."));
    assert_eq!(p.credit.unwrap().text(text), "REUTERS");
    let b = blocks(text, &l);
    let kinds: Vec<BlockKind> = b.iter().map(|x| x.0).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Title,
            BlockKind::Subtitle,
            BlockKind::Caption,
            BlockKind::Credit,
            BlockKind::Repeat,
            BlockKind::Credit,
            BlockKind::Body,
            BlockKind::Body,
            BlockKind::Body,
        ]
    );
}
