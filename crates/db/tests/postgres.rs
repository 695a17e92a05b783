//! The PostgreSQL sink against a real server.
//!
//! Needs `NEWSPARSE_TEST_PG_URL` (a superuser URL, e.g. from
//! `eval "$(bash crates/db/tests/pg_setup.sh start)"`); each test creates its
//! own database. The tests are `#[ignore]`d, so that without a server the
//! summary shows them as not run (never as passed); run them with
//! `cargo test -p newsparse-db --test postgres -- --include-ignored` (as
//! `.ci/run` does), where a missing variable fails them.

mod common;

use common::{check_loaded, page_columns, page_record, record, Query};
use newsparse_db::{DbTarget, DbWriter};

/// A fresh database for one test: (its URL, an admin connection to it).
fn fresh_db(name: &str) -> (String, postgres::Client) {
    let base = std::env::var("NEWSPARSE_TEST_PG_URL").unwrap_or_else(|_| {
        panic!(
            "{name}: NEWSPARSE_TEST_PG_URL is not set \
             (eval \"$(bash crates/db/tests/pg_setup.sh start)\")"
        )
    });
    let db = format!("newsparse_test_{name}_{}", std::process::id());
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).expect("admin connection");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    let (head, query) = match base.split_once('?') {
        Some((h, q)) => (h, format!("?{q}")),
        None => (base.as_str(), String::new()),
    };
    let (server, _) = head.rsplit_once('/').expect("URL with a database path");
    let url = format!("{server}/{db}{query}");
    let client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    (url, client)
}

fn load(url: &str, records: impl IntoIterator<Item = usize>) -> newsparse_db::DbStats {
    let writer = DbWriter::open(&DbTarget::Postgres(url.to_string())).unwrap();
    for n in records {
        let (rec, json) = record(n);
        writer.send(rec, json).unwrap();
    }
    writer.finish().unwrap()
}

#[test]
#[ignore = "needs NEWSPARSE_TEST_PG_URL"]
fn pg_migrates_loads_and_relates() {
    let (url, mut db) = fresh_db("load");
    let stats = load(&url, 0..30);
    assert_eq!(stats.articles_written, 30);
    check_loaded(&mut db, 30);
    assert_eq!(
        db.rows("SELECT version::text FROM newsparse_schema_migrations ORDER BY version"),
        vec![vec!["1".to_string()], vec!["2".to_string()]]
    );
    // JSONB and DATE columns hold real values.
    let (rec, _) = record(5);
    assert_eq!(
        db.rows(&format!(
            "SELECT record->'quotes'->0->>'text', published::text, byline->>0
             FROM articles WHERE id = '{}'",
            rec.id
        )),
        vec![vec![
            "We have a deal".to_string(),
            "2021-06-15".to_string(),
            "Ines Calloway".to_string()
        ]]
    );
}

#[test]
#[ignore = "needs NEWSPARSE_TEST_PG_URL"]
fn pg_rerun_replaces_instead_of_duplicating() {
    let (url, mut db) = fresh_db("rerun");
    load(&url, 0..12);
    let stats = load(&url, 0..12);
    assert_eq!(stats.articles_replaced, 12);
    check_loaded(&mut db, 12);
    // Overlapping second batch: 6 replaced, 6 new.
    let stats = load(&url, 6..18);
    assert_eq!(stats.articles_replaced, 6);
    check_loaded(&mut db, 18);
}

#[test]
#[ignore = "needs NEWSPARSE_TEST_PG_URL"]
fn pg_refuses_a_newer_schema_before_any_work() {
    let (url, mut db) = fresh_db("newer");
    drop(DbWriter::open(&DbTarget::Postgres(url.clone())).unwrap());
    db.execute(
        "INSERT INTO newsparse_schema_migrations (version, description) VALUES (7, 'future')",
        &[],
    )
    .unwrap();
    let err = DbWriter::open(&DbTarget::Postgres(url))
        .err()
        .expect("newer schema refused");
    assert!(err.0.contains("version 7, newer"), "{err}");
}

/// Needs no server: it is the absence of one that is tested.
#[test]
fn pg_down_server_and_bad_url_fail_at_open_without_the_password() {
    // Port 1 on loopback: nothing listens there.
    let err = DbWriter::open(&DbTarget::Postgres(
        "postgresql://someone:s3cret-pw@127.0.0.1:1/news".into(),
    ))
    .err()
    .expect("down server refused");
    assert!(
        err.0
            .contains("cannot connect to PostgreSQL database news on 127.0.0.1:1"),
        "{err}"
    );
    assert!(!err.0.contains("s3cret-pw"), "{err}");
    assert!(err.0.contains("refused"), "the cause is shown: {err}");

    let err = DbWriter::open(&DbTarget::Postgres("postgresql://host:notaport/x".into()))
        .err()
        .expect("bad URL refused");
    assert!(err.0.contains("invalid PostgreSQL URL"), "{err}");
}

#[test]
#[ignore = "needs NEWSPARSE_TEST_PG_URL"]
fn pg_connection_lost_mid_batch_reports_the_count_and_resume_finishes() {
    let (url, mut db) = fresh_db("lost");
    let writer = DbWriter::open(&DbTarget::Postgres(url.clone())).unwrap();
    for n in 0..10 {
        let (rec, json) = record(n);
        writer.send(rec, json).unwrap();
    }
    // Forces the first 10 to be committed.
    assert_eq!(writer.stored_inputs().unwrap().len(), 10);
    // Kill the writer's server connection, as a server restart would.
    let killed = db.count(
        "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND application_name = 'newsparse') t",
    );
    assert_eq!(killed, 1);
    let mut error = None;
    for n in 10..40 {
        let (rec, json) = record(n);
        if let Err(e) = writer.send(rec, json) {
            error = Some(e);
            break;
        }
    }
    let err = match error {
        Some(e) => e,
        None => writer.finish().expect_err("the batch fails"),
    };
    eprintln!("{err}");
    assert!(
        err.0.contains("failed after 10 articles were stored"),
        "{err}"
    );
    assert!(err.0.contains("--resume"), "{err}");
    assert_eq!(db.count("SELECT count(*) FROM articles"), 10);

    // Resume: skip what is stored, store the rest, nothing twice.
    let writer = DbWriter::open(&DbTarget::Postgres(url)).unwrap();
    let stored = writer.stored_inputs().unwrap();
    let mut sent = 0;
    for n in 0..40 {
        let (rec, json) = record(n);
        if !stored.contains(&(rec.source.path.clone(), rec.source.sha256.clone())) {
            writer.send(rec, json).unwrap();
            sent += 1;
        }
    }
    let stats = writer.finish().unwrap();
    assert_eq!(sent, 30);
    assert_eq!(stats.articles_replaced, 0);
    check_loaded(&mut db, 40);
}

#[test]
#[ignore = "needs NEWSPARSE_TEST_PG_URL"]
fn pg_a_malformed_date_does_not_fail_the_batch() {
    let (url, mut db) = fresh_db("baddate");
    let writer = DbWriter::open(&DbTarget::Postgres(url)).unwrap();
    let (mut rec, _) = record(1);
    rec.article.published = Some("2023-02-29".into());
    let json = serde_json::to_string(&rec).unwrap();
    writer.send(rec, json).unwrap();
    let (rec, json) = record(2);
    writer.send(rec, json).unwrap();
    writer.finish().unwrap();
    assert_eq!(
        db.rows("SELECT coalesce(published::text, 'NULL'), record->'article'->>'published' FROM articles ORDER BY 2"),
        vec![
            vec!["2021-03-15".to_string(), "2021-03-15".to_string()],
            vec!["NULL".to_string(), "2023-02-29".to_string()],
        ]
    );
}

#[test]
#[ignore = "needs NEWSPARSE_TEST_PG_URL"]
fn pg_a_database_of_schema_1_is_migrated_and_stores_pages() {
    let (url, mut db) = fresh_db("v1");
    // Schema version 1 as the previous version made it, with an article.
    db.batch_execute(&format!(
        "CREATE TABLE newsparse_schema_migrations (version BIGINT PRIMARY KEY, \
         description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()); {} \
         INSERT INTO newsparse_schema_migrations (version, description) VALUES (1, 'v1'); \
         INSERT INTO articles (id, schema_version, source_path, sha256, bytes, chars, byline, \
           language, word_count, paragraph_count, warnings, record) \
         VALUES ('00000000000000aa', '1.0', 'old.txt', '00000000000000aa', 5, 5, '[]', 'en', 1, 1, '[]', '{{}}');",
        newsparse_db::schema::MIGRATIONS[0].postgres
    ))
    .unwrap();
    let writer = DbWriter::open(&DbTarget::Postgres(url.clone())).unwrap();
    let (page, json) = page_record(4);
    writer.send(page.clone(), json).unwrap();
    writer.finish().unwrap();
    let s = |v: &str| v.to_string();
    let mut got = page_columns(&mut db);
    got.sort();
    assert_eq!(
        got,
        vec![
            vec![
                s("00000000000000aa"),
                s("text"),
                s("NULL"),
                s("NULL"),
                s("-1")
            ],
            vec![
                page.id.clone(),
                s("warc"),
                s("https://news.example/story-4"),
                s("<urn:uuid:0000-4>"),
                s("880")
            ],
        ]
    );
}
