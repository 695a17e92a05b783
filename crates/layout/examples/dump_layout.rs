//! Writes what the layout stage finds as minimal records, one
//! `OUT/<folder>/<name>.json` per input, so `score.py` can rate the metadata
//! and photo rows on their own (every other row stays empty).
//!
//! Usage: cargo run -p newsparse-layout --example dump_layout OUT FILE...

use serde_json::json;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("usage: dump_layout OUT FILE..."));
    for file in args {
        let path = std::path::Path::new(&file);
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let l = newsparse_layout::analyze(&text);
        let span_text = |s: newsparse_core::ByteSpan| s.text(&text).to_string();
        let record = json!({
            "source": {"path": file},
            "article": {
                "title": l.title.map(span_text),
                "subtitle": l.subtitle.map(span_text),
                "byline": l.byline,
                "published": l.published.map(newsparse_core::date::iso_day),
                "dateline": l.dateline.as_ref().map(|d| json!({"place": d.place, "date": d.date.map(newsparse_core::date::iso_day)})),
            },
            "photos": l.photos.iter().map(|p| json!({
                "caption": span_text(p.caption),
                "credit": p.credit.map(span_text),
            })).collect::<Vec<_>>(),
            "blocks": l.blocks.iter().map(|b| format!("{:?}: {}", b.kind, b.span.text(&text).chars().take(60).collect::<String>())).collect::<Vec<_>>(),
        });
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .unwrap_or_default();
        let dir = out.join(folder);
        std::fs::create_dir_all(&dir).expect("mkdir");
        let name = path.with_extension("json");
        let target = dir.join(name.file_name().expect("file name"));
        std::fs::write(
            &target,
            serde_json::to_string_pretty(&record).expect("json"),
        )
        .expect("write");
    }
}
