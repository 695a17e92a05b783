//! Experiments: train with a configuration and print the report, or score a
//! model file.
//!
//! cargo run --release -p newsparse-syntax --example syntax_tool -- train OUT [key=value]...
//!     (parsers=f1,r1,f2: the parsers, forward or reversed, and their seeds)
//! cargo run --release -p newsparse-syntax --example syntax_tool -- merge OUT MODEL... [FILE]
//!     (the first model's tagger, every model's parsers voting; scored on FILE)
//! cargo run --release -p newsparse-syntax --example syntax_tool -- select OUT MODEL 0,2,… [FILE]
//!     (only those parsers of MODEL, in that order; scored on FILE)
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
                ..TrainConfig::default()
            };
            let mut limit = usize::MAX;
            for kv in &args[2..] {
                let (k, v) = kv.split_once('=').expect("key=value");
                if k == "parsers" {
                    cfg.parsers = newsparse_syntax::ParserRun::parse_list(v).unwrap();
                    continue;
                }
                let n: u64 = v.parse().expect("a number");
                match k {
                    "seed" => cfg.seed = n,
                    "tagger_epochs" => cfg.tagger_epochs = n as usize,
                    "tagger_reverse" => cfg.tagger_reverse = n != 0,
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
        Some("select") => {
            // select OUT MODEL 0,2,… [FILE]: only those parsers, in that order.
            let keep: Vec<usize> = args[3].split(',').map(|k| k.parse().unwrap()).collect();
            let m = Model::from_bytes(&std::fs::read(&args[2]).unwrap())
                .unwrap()
                .with_parsers(&keep);
            std::fs::write(&args[1], m.to_bytes()).unwrap();
            if let Some(t) = args.get(4) {
                let sents = read_conllu(Path::new(t)).unwrap();
                print!("{}", newsparse_syntax::score(&m, &sents).report());
            }
        }
        Some("merge") => {
            let mut files: Vec<&String> = args[2..].iter().collect();
            let test = files
                .last()
                .filter(|f| f.ends_with(".conllu"))
                .map(|f| f.to_string());
            if test.is_some() {
                files.pop();
            }
            let mut m = Model::from_bytes(&std::fs::read(files[0]).unwrap()).unwrap();
            for f in &files[1..] {
                m = m.join(Model::from_bytes(&std::fs::read(f).unwrap()).unwrap());
            }
            let bytes = m.to_bytes();
            std::fs::write(&args[1], &bytes).unwrap();
            if let Some(t) = test {
                let sents = read_conllu(Path::new(&t)).unwrap();
                let n = m.parsers();
                for k in 0..n {
                    let one = Model::from_bytes(&bytes).unwrap().with_parsers(&[k]);
                    let s = newsparse_syntax::score(&one, &sents);
                    println!(
                        "parser {}: UAS {:.2} LAS {:.2}",
                        k + 1,
                        100.0 * s.uas,
                        100.0 * s.las
                    );
                }
                print!("{}", newsparse_syntax::score(&m, &sents).report());
            }
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
                    for reverse in [false, true] {
                        let a = newsparse_syntax::tagger_experiment(&train, &dev, e, 1, x, reverse);
                        println!(
                            "tagger epochs {e} xpos_min_count {x} reverse {reverse}: dev UPOS {:.2}",
                            100.0 * a
                        );
                    }
                }
            }
        }
        Some("goldtags") => {
            // goldtags MODEL FILE: LAS with gold tagger classes.
            let m = Model::from_bytes(&std::fs::read(&args[1]).unwrap()).unwrap();
            let sents = read_conllu(Path::new(&args[2])).unwrap();
            let (mut n, mut ua, mut la) = (0, 0, 0);
            for s in &sents {
                let p = m.parse_gold_tags(s);
                for i in 0..s.words.len() {
                    n += 1;
                    if p.head[i] == s.head[i] {
                        ua += 1;
                        la += usize::from(p.deprel[i].universal() == s.deprel[i].universal());
                    }
                }
            }
            println!(
                "gold tags: UAS {:.2} LAS {:.2}",
                100.0 * ua as f64 / n as f64,
                100.0 * la as f64 / n as f64
            );
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
                m = m.with_pruned_parsers(p.parse().unwrap());
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
