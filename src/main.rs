//! The `newsparse` command line. (Minimal harness; the CLI helper extends it.)

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("extract") {
        eprintln!("usage: newsparse extract FILE...");
        std::process::exit(2);
    }
    for path in &args[1..] {
        let bytes = std::fs::read(PathBuf::from(path)).expect("read");
        let text = newsparse::ingest::decode(&bytes, newsparse::ingest::DEFAULT_MAX_BYTES)
            .expect("decode");
        let info = newsparse::pipeline::SourceInfo {
            path,
            bytes: &bytes,
        };
        let rec = newsparse::pipeline::extract(&info, text);
        println!("{}", serde_json::to_string_pretty(&rec).unwrap());
    }
}
