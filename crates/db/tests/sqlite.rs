//! The SQLite sink against a real (bundled) SQLite database file.

mod common;

use common::{check_loaded, page_columns, page_record, record, record_variant, Query};
use newsparse_db::{DbTarget, DbWriter};
use std::path::{Path, PathBuf};

fn temp_db(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.sqlite"));
    (dir, path)
}

fn load(path: &Path, records: impl IntoIterator<Item = usize>) -> newsparse_db::DbStats {
    let writer = DbWriter::open(&DbTarget::Sqlite(path.to_path_buf())).unwrap();
    for n in records {
        let (rec, json) = record(n);
        writer.send(rec, json).unwrap();
    }
    writer.finish().unwrap()
}

fn connect(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

#[test]
fn migrations_create_the_schema_once() {
    let (_dir, path) = temp_db("migrate");
    drop(DbWriter::open(&DbTarget::Sqlite(path.clone())).unwrap());
    drop(DbWriter::open(&DbTarget::Sqlite(path.clone())).unwrap());
    let mut db = connect(&path);
    assert_eq!(
        db.rows("SELECT version FROM newsparse_schema_migrations"),
        vec![vec!["1".to_string()], vec!["2".to_string()]]
    );
    for t in newsparse_db::schema::INSERT_ORDER {
        assert_eq!(db.count(&format!("SELECT count(*) FROM {}", t.name)), 0);
    }
}

#[test]
fn stores_articles_with_their_relations() {
    let (_dir, path) = temp_db("load");
    let stats = load(&path, 0..25);
    assert_eq!(stats.articles_written, 25);
    assert_eq!(stats.articles_replaced, 0);
    assert!(stats.transactions >= 1);
    let mut db = connect(&path);
    check_loaded(&mut db, 25);
    // Foreign keys hold and the whole record is kept as JSON.
    assert!(db.rows("PRAGMA foreign_key_check").is_empty());
    let (rec, _) = record(3);
    assert_eq!(
        db.rows(&format!(
            "SELECT json_extract(record, '$.quotes[0].text'), title FROM articles WHERE id = '{}'",
            rec.id
        )),
        vec![vec![
            "We have a deal".to_string(),
            "Harbor deal number 3 signed".to_string()
        ]]
    );
}

#[test]
fn rerunning_the_same_inputs_replaces_instead_of_duplicating() {
    let (_dir, path) = temp_db("rerun");
    load(&path, 0..10);
    let stats = load(&path, 0..10);
    assert_eq!(stats.articles_written, 10);
    assert_eq!(stats.articles_replaced, 10);
    check_loaded(&mut connect(&path), 10);

    // Same id, new content: the old rows are gone, the new ones are there.
    let (mut rec, _) = record(4);
    rec.people.truncate(1);
    rec.photos[0].people.clear();
    rec.quotes.truncate(1);
    let json = serde_json::to_string(&rec).unwrap();
    let writer = DbWriter::open(&DbTarget::Sqlite(path.clone())).unwrap();
    writer.send(rec.clone(), json).unwrap();
    writer.finish().unwrap();
    let mut db = connect(&path);
    let q = |t: &str| format!("SELECT count(*) FROM {t} WHERE article_id = '{}'", rec.id);
    assert_eq!(db.count(&q("people")), 1);
    assert_eq!(db.count(&q("quotes")), 1);
    assert_eq!(db.count(&q("mentions")), 7);
    assert_eq!(db.count("SELECT count(*) FROM articles"), 10);
    // The writer does not have SQLite check references on insert; they
    // must hold after replacing rows all the same.
    assert!(db.rows("PRAGMA foreign_key_check").is_empty());
}

#[test]
fn same_bytes_under_two_paths_are_one_article_and_two_inputs() {
    let (_dir, path) = temp_db("dup");
    let writer = DbWriter::open(&DbTarget::Sqlite(path.clone())).unwrap();
    let (a, ja) = record_variant(1, 0, "a/one.txt");
    let (b, jb) = record_variant(1, 0, "b/one-copy.txt");
    writer.send(a, ja).unwrap();
    writer.send(b, jb).unwrap();
    let stored = writer.stored_inputs().unwrap();
    writer.finish().unwrap();
    assert_eq!(stored.len(), 2);
    assert!(stored.contains(&("a/one.txt".to_string(), common::sha(1, 0))));
    let mut db = connect(&path);
    assert_eq!(db.count("SELECT count(*) FROM articles"), 1);
    assert_eq!(db.count("SELECT count(*) FROM people"), 2);
    assert_eq!(db.count("SELECT count(*) FROM inputs"), 2);
}

#[test]
fn stored_inputs_lists_every_path_and_hash_for_resume() {
    let (_dir, path) = temp_db("resume");
    load(&path, 0..7);
    let writer = DbWriter::open(&DbTarget::Sqlite(path.clone())).unwrap();
    let stored = writer.stored_inputs().unwrap();
    assert_eq!(stored.len(), 7);
    for n in 0..7 {
        let (rec, _) = record(n);
        assert!(stored.contains(&(rec.source.path.clone(), rec.source.sha256.clone())));
    }
    // A changed file (same path, new bytes) is not "stored".
    let (changed, _) = record_variant(2, 1, "in/article-002.txt");
    assert!(!stored.contains(&(changed.source.path, changed.source.sha256)));
    writer.finish().unwrap();
}

#[test]
fn refuses_a_schema_newer_than_this_build() {
    let (_dir, path) = temp_db("newer");
    drop(DbWriter::open(&DbTarget::Sqlite(path.clone())).unwrap());
    connect(&path)
        .execute(
            "INSERT INTO newsparse_schema_migrations (version, description) VALUES (99, 'future')",
            [],
        )
        .unwrap();
    let err = DbWriter::open(&DbTarget::Sqlite(path.clone()))
        .err()
        .expect("newer schema refused");
    assert!(err.0.contains("version 99"), "{err}");
    assert!(err.0.contains("newer"), "{err}");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_its_path() {
    let (dir, _) = temp_db("x");
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "this is not a database, just some text\n".repeat(200),
    )
    .unwrap();
    let err = DbWriter::open(&DbTarget::Sqlite(path.clone()))
        .err()
        .expect("refused");
    assert!(err.0.contains("notes.txt"), "{err}");
    assert!(err.0.contains("not a database"), "{err}");

    let missing_dir = dir.path().join("no/such/dir/db.sqlite");
    let err = DbWriter::open(&DbTarget::Sqlite(missing_dir))
        .err()
        .expect("refused");
    assert!(err.0.contains("cannot use SQLite database"), "{err}");
}

#[test]
fn a_writer_dropped_without_finish_still_commits() {
    let (_dir, path) = temp_db("drop");
    {
        let writer = DbWriter::open(&DbTarget::Sqlite(path.clone())).unwrap();
        for n in 0..3 {
            let (rec, json) = record(n);
            writer.send(rec, json).unwrap();
        }
    }
    check_loaded(&mut connect(&path), 3);
}

#[test]
fn a_database_made_by_schema_1_is_migrated_and_keeps_working() {
    let (_dir, path) = temp_db("v1");
    // What newsparse wrote before pages and WARC files (schema version 1).
    connect(&path)
        .execute_batch(include_str!("fixtures/schema-v1.sqlite.sql"))
        .unwrap();
    let old_id = "9694dc28582a7e9b";
    let writer = DbWriter::open(&DbTarget::Sqlite(path.clone())).unwrap();
    // --resume still sees the old input.
    let stored = writer.stored_inputs().unwrap();
    assert!(
        stored.iter().any(|(p, _)| p.ends_with("world/001.txt")),
        "{stored:?}"
    );
    let (page, json) = page_record(4);
    writer.send(page.clone(), json).unwrap();
    let (text, json) = record(5);
    writer.send(text.clone(), json).unwrap();
    writer.finish().unwrap();
    let mut db = connect(&path);
    assert_eq!(
        db.rows("SELECT version FROM newsparse_schema_migrations ORDER BY version"),
        vec![vec!["1".to_string()], vec!["2".to_string()]]
    );
    let s = |v: &str| v.to_string();
    let mut got = page_columns(&mut db);
    got.sort();
    let mut want = vec![
        vec![s(old_id), s("text"), s("NULL"), s("NULL"), s("-1")],
        vec![
            page.id.clone(),
            s("warc"),
            s("https://news.example/story-4"),
            s("<urn:uuid:0000-4>"),
            s("880"),
        ],
        vec![text.id.clone(), s("text"), s("NULL"), s("NULL"), s("-1")],
    ];
    want.sort();
    assert_eq!(got, want);
    // The old article's rows are all still there and related.
    assert!(
        db.count(&format!(
            "SELECT count(*) FROM mentions WHERE article_id = '{old_id}'"
        )) > 0
    );
    assert!(db.rows("PRAGMA foreign_key_check").is_empty());
    assert_eq!(
        db.rows("SELECT path FROM inputs WHERE path LIKE 'crawl%'"),
        vec![vec![s("crawl.warc.gz#4")]]
    );
}
