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
                if k == "probe" {
                    cfg.probe_min_weights = v.split(',').map(|x| x.parse().unwrap()).collect();
                    continue;
                }
                let n: u64 = v.parse().expect("a number");
                match k {
                    "seed" => cfg.seed = n,
                    "tagger_epochs" => cfg.tagger_epochs = n as usize,
                    "xpos_min_count" => cfg.xpos_min_count = n as usize,
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
            let xmin: Vec<usize> = args
                .get(3)
                .map_or("0", String::as_str)
                .split(',')
                .map(|x| x.parse().unwrap())
                .collect();
            for e in args[1].split(',') {
                let e: usize = e.parse().unwrap();
                for &x in &xmin {
                    let a = newsparse_syntax::tagger_experiment(&train, &dev, e, 1, x);
                    println!(
                        "tagger epochs {e} xpos_min_count {x}: dev UPOS {:.2}",
                        100.0 * a
                    );
                }
            }
        }
        Some("confusions") => {
            // confusions MODEL FILE: the commonest (gold, predicted)
            // universal relations of words with the right head.
            let m = Model::from_bytes(&std::fs::read(&args[1]).unwrap()).unwrap();
            let sents = read_conllu(Path::new(&args[2])).unwrap();
            let mut c: std::collections::HashMap<(String, String), usize> = Default::default();
            let (mut n, mut wrong) = (0, 0);
            for s in &sents {
                let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let p = m.parse(&w);
                for i in 0..w.len() {
                    n += 1;
                    if p.head[i] == s.head[i] && p.deprel[i].universal() != s.deprel[i].universal()
                    {
                        wrong += 1;
                        *c.entry((
                            s.deprel[i].universal().to_string(),
                            p.deprel[i].universal().to_string(),
                        ))
                        .or_default() += 1;
                    }
                }
            }
            let mut v: Vec<_> = c.into_iter().collect();
            v.sort_by_key(|x| std::cmp::Reverse(x.1));
            println!("{wrong} of {n} words: right head, wrong relation");
            for ((g, p), k) in v.iter().take(30) {
                println!("{k:5} gold {g:12} predicted {p}");
            }
        }
        Some("check") => {
            // check MODEL FILE: the fast tagger and decoder give the plain ones' output.
            let m = Model::from_bytes(&std::fs::read(&args[1]).unwrap()).unwrap();
            let sents = read_conllu(Path::new(&args[2])).unwrap();
            let mut bad = 0;
            for s in &sents {
                let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                if m.parse(&w) != m.parse_reference(&w, m.beam()) {
                    bad += 1;
                }
            }
            println!("{bad} of {} sentences differ", sents.len());
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
