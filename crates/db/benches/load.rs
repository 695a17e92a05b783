//! Loading speed of the database sinks, in articles/s.
//!
//!   newsparse extract ../shared/data/bbc --jsonl /tmp/bbc.jsonl
//!   cargo bench -p newsparse-db --bench load -- /tmp/bbc.jsonl
//!
//! Loads every record of the JSONL file into a fresh SQLite file, then again
//! (every article replaced); the same into a fresh PostgreSQL database when
//! `NEWSPARSE_BENCH_PG_URL` (or `NEWSPARSE_TEST_PG_URL`) names a server whose
//! user may create databases. Extraction is not timed here: see
//! `crates/db/bench-extract.sh` for the cost of `--sqlite` inside `extract`.

use newsparse_core::record::Record;
use newsparse_db::{DbTarget, DbWriter};
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cargo bench -p newsparse-db --bench load -- RECORDS.jsonl");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).expect("read the JSONL file");
    let records: Vec<(Record, String)> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            (
                serde_json::from_str(l).expect("a record per line"),
                l.to_string(),
            )
        })
        .collect();
    println!("{} records from {path}", records.len());

    let dir = tempfile::tempdir().unwrap();
    let sqlite = DbTarget::Sqlite(dir.path().join("bench.sqlite"));
    load("sqlite, fresh", &sqlite, &records);
    load("sqlite, replace", &sqlite, &records);

    let pg =
        std::env::var("NEWSPARSE_BENCH_PG_URL").or_else(|_| std::env::var("NEWSPARSE_TEST_PG_URL"));
    match pg {
        Ok(admin_url) => {
            let db = format!("newsparse_bench_{}", std::process::id());
            let mut admin = postgres::Client::connect(&admin_url, postgres::NoTls).unwrap();
            admin
                .batch_execute(&format!("CREATE DATABASE {db}"))
                .unwrap();
            let (server, _) = admin_url
                .split('?')
                .next()
                .unwrap()
                .rsplit_once('/')
                .unwrap();
            let target = DbTarget::Postgres(format!("{server}/{db}"));
            load("postgres, fresh", &target, &records);
            load("postgres, replace", &target, &records);
            admin
                .batch_execute(&format!("DROP DATABASE {db} WITH (FORCE)"))
                .unwrap();
        }
        Err(_) => println!("postgres: skipped (set NEWSPARSE_BENCH_PG_URL)"),
    }
}

fn load(label: &str, target: &DbTarget, records: &[(Record, String)]) {
    let start = Instant::now();
    let writer = DbWriter::open(target).unwrap();
    for (rec, json) in records {
        writer.send(rec.clone(), json.clone()).unwrap();
    }
    let stats = writer.finish().unwrap();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{label:>18}: {} articles in {secs:.2} s = {:.0} articles/s ({} transactions, {} replaced)",
        stats.articles_written,
        stats.articles_written as f64 / secs,
        stats.transactions,
        stats.articles_replaced
    );
}
