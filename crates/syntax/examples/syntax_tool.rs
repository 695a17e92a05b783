//! Experiments: train with a configuration and print the report, or score a
//! model file.
//!
//! cargo run --release -p newsparse-syntax --example syntax_tool -- train OUT [key=value]...
//! cargo run --release -p newsparse-syntax --example syntax_tool -- eval MODEL FILE [BEAM [PRUNE]]
//! cargo run --release -p newsparse-syntax --example syntax_tool -- dump FILE [BEAM]
//!
//! `dump` prints the embedded model's tags, heads and relations for every
//! word of FILE, one sentence a line, so two builds' outputs can be compared
//! with `cmp` (the parser's speed work must leave them identical).

use newsparse_syntax::{read_conllu, train_bytes, Model, TrainConfig};
use std::path::Path;

const DATA: &str = "/work/shared/data/ud-english";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("train") => {
            let mut cfg = TrainConfig {
                progress: true,
                snapshot: Some(format!("{}.snapshot", args[1]).into()),
                ..TrainConfig::default()
            };
            let mut limit = usize::MAX;
            for kv in &args[2..] {
                let (k, v) = kv.split_once('=').expect("key=value");
                let n: u64 = v.parse().expect("a number");
                match k {
                    "seed" => cfg.seed = n,
                    "tagger_epochs" => cfg.tagger_epochs = n as usize,
                    "folds" => cfg.folds = n as usize,
                    "parser_epochs" => cfg.parser_epochs = n as usize,
                    "explore_from" => cfg.explore_from = n as usize,
                    "explore_permille" => cfg.explore_permille = n,
                    "min_weight" => cfg.min_weight = n as i16,
                    "beam" => cfg.beam = n as usize,
                    "max_violation" => cfg.max_violation = n != 0,
                    "limit" => limit = n as usize,
                    "max_bytes" => cfg.max_bytes = n as usize,
                    _ => panic!("unknown key {k}"),
                }
            }
            let mut train = read_conllu(&Path::new(DATA).join("en_ewt-ud-train.conllu")).unwrap();
            train.extend(read_conllu(&Path::new(DATA).join("gum-news-train.conllu")).unwrap());
            train.truncate(limit);
            let dev = read_conllu(&Path::new(DATA).join("en_ewt-ud-dev.conllu")).unwrap();
            eprintln!("{cfg:?}");
            let (bytes, report) = train_bytes(&train, &dev, &cfg).unwrap();
            print!("{report}");
            std::fs::write(&args[1], bytes).unwrap();
        }
        Some("tagger") => {
            let mut train = read_conllu(&Path::new(DATA).join("en_ewt-ud-train.conllu")).unwrap();
            train.extend(read_conllu(&Path::new(DATA).join("gum-news-train.conllu")).unwrap());
            let dev_name = args.get(2).map_or("en_ewt-ud-dev.conllu", String::as_str);
            let dev = read_conllu(&Path::new(DATA).join(dev_name)).unwrap();
            for e in args[1].split(',') {
                let e: usize = e.parse().unwrap();
                let a = newsparse_syntax::tagger_experiment(&train, &dev, e, 1);
                println!("tagger epochs {e}: dev {:.2}", 100.0 * a);
            }
        }
        Some("eval") => {
            let mut m = Model::from_bytes(&std::fs::read(&args[1]).unwrap()).unwrap();
            if let Some(p) = args.get(4) {
                m = m.with_pruned_parser(p.parse().unwrap());
                println!("pruned below {p}: {} bytes", m.to_bytes().len());
            }
            let sents = read_conllu(Path::new(&args[2])).unwrap();
            let beam = args.get(3).map_or(m.beam(), |b| b.parse().unwrap());
            println!("beam {beam}");
            print!(
                "{}",
                newsparse_syntax::score_with_beam(&m, &sents, beam).report()
            );
            println!("sizes {:?}", m.sizes());
        }
        Some("dump") => {
            let m = Model::embedded();
            let sents = read_conllu(Path::new(&args[1])).unwrap();
            let beam = args.get(2).map_or(m.beam(), |b| b.parse().unwrap());
            let mut out = String::new();
            for s in &sents {
                let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let p = m.parse_with_beam(&w, beam);
                for i in 0..w.len() {
                    out.push_str(&format!("{} {} {}\t", p.upos[i], p.head[i], p.deprel[i]));
                }
                out.push('\n');
            }
            print!("{out}");
        }
        _ => eprintln!("usage: syntax_tool train OUT [key=value]... | eval MODEL FILE"),
    }
}
