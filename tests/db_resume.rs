//! End to end: `newsparse extract --sqlite/--postgres`, a batch that dies
//! halfway, and `--resume` finishing it with nothing missing or duplicated.
//!
//! The crash is made with the writer's test-only hook
//! `NEWSPARSE_TEST_ABORT_AFTER=N` (exit right after N committed articles) and
//! with a real SIGKILL. PostgreSQL runs need `NEWSPARSE_TEST_PG_URL` (see
//! crates/db/tests/pg_setup.sh); they are `#[ignore]`d, so without a server
//! the summary shows them as not run, and `.ci/run` runs them with
//! `--include-ignored` against the server it starts.

use newsparse_db::driver::{postgres, rusqlite};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const FIRST: [&str; 6] = ["Marta", "Tobias", "Ines", "Corin", "Deliah", "Osric"];
const LAST: [&str; 6] = [
    "Velikova",
    "Renn",
    "Calloway",
    "Brannock",
    "Fenwhistle",
    "Quarrington",
];
const ORGS: [&str; 3] = [
    "Quillfeather Logistics",
    "Harbor Council",
    "Northwind Grain Board",
];
const PLACES: [&str; 3] = ["Port Aldane", "Eskerby", "Mullenford"];

/// `count` invented articles in BBC layout (title, blank line, paragraphs).
fn write_articles(dir: &Path, count: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    (0..count)
        .map(|n| {
            let (first, last) = (FIRST[n % 6], LAST[(n / 6) % 6]);
            let (org, other) = (ORGS[n % 3], ORGS[(n + 1) % 3]);
            let place = PLACES[(n / 3) % 3];
            let text = format!(
                "{org} agrees harbour deal number {n}\n\n\
                 {first} {last}, chief executive of {org}, said on Tuesday that the firm \
                 would expand its warehouses in {place} by {} per cent.\n\n\
                 \"We have waited years for this,\" {last} said. \"The port needs it.\"\n\n\
                 Officials from the {other} met {last} in {place} on 4 March 2021 to discuss \
                 the plan, which one analyst called \"a bold step\".\n",
                n % 40 + 5
            );
            let path = dir.join(format!("article-{n:03}.txt"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn newsparse(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsparse"));
    cmd.args(args).env_remove("NEWSPARSE_TEST_ABORT_AFTER");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    newsparse(args, env).output().expect("newsparse runs")
}

fn show(out: &Output) -> String {
    format!(
        "status {:?}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Row counts of every table, to compare two databases.
const TABLES: [&str; 11] = [
    "articles",
    "inputs",
    "people",
    "organizations",
    "places",
    "photos",
    "photo_people",
    "mentions",
    "quotes",
    "events",
    "event_participants",
];

fn sqlite_counts(path: &Path) -> Vec<i64> {
    let db = rusqlite::Connection::open(path).unwrap();
    TABLES
        .iter()
        .map(|t| {
            db.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect()
}

fn sqlite_inputs(path: &Path) -> Vec<String> {
    let db = rusqlite::Connection::open(path).unwrap();
    let mut st = db.prepare("SELECT path FROM inputs ORDER BY path").unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Extract `input` into a fresh SQLite file in one go: the reference counts.
fn clean_run_counts(dir: &Path, input: &str) -> Vec<i64> {
    let db = dir.join("clean.sqlite");
    let db_s = db.to_str().unwrap();
    let out_dir = dir.join("clean-out");
    let out = run(
        &[
            "extract",
            input,
            "--sqlite",
            db_s,
            "--no-files",
            "-o",
            out_dir.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", show(&out));
    sqlite_counts(&db)
}

#[test]
fn sqlite_batch_killed_halfway_resumes_without_gaps_or_duplicates() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    let files = write_articles(&inputs, 24);
    let input = inputs.to_str().unwrap();
    let db = tmp.path().join("news.sqlite");
    let db_s = db.to_str().unwrap();
    let out_dir = tmp.path().join("out");
    let out_s = out_dir.to_str().unwrap();
    let args = [
        "extract",
        input,
        "--sqlite",
        db_s,
        "--no-files",
        "-o",
        out_s,
    ];

    // The batch dies right after 9 committed articles.
    let out = run(&args, &[("NEWSPARSE_TEST_ABORT_AFTER", "9")]);
    assert_eq!(out.status.code(), Some(70), "{}", show(&out));
    assert_eq!(sqlite_counts(&db)[0], 9);

    // --resume stores only the rest.
    let mut resume_args = args.to_vec();
    resume_args.push("--resume");
    let out = run(&resume_args, &[]);
    assert!(out.status.success(), "{}", show(&out));
    let expected_paths: Vec<String> = {
        let mut v: Vec<String> = files
            .iter()
            .map(|p| p.to_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(sqlite_inputs(&db), expected_paths);
    let counts = sqlite_counts(&db);
    assert_eq!(counts, clean_run_counts(tmp.path(), input), "{TABLES:?}");
    assert_eq!(counts[0], 24);
    assert!(counts[7] > 0, "the fixtures have mentions");

    // Nothing left to do: a second --resume skips everything; a plain re-run
    // replaces every article without duplicating any row.
    let out = run(&resume_args, &[("NEWSPARSE_TEST_ABORT_AFTER", "1")]);
    assert!(out.status.success(), "{}", show(&out));
    let out = run(&args, &[]);
    assert!(out.status.success(), "{}", show(&out));
    assert_eq!(sqlite_counts(&db), counts);
}

#[test]
fn sqlite_batch_hit_by_sigkill_resumes() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    // Enough work that the run is still going when the first rows appear.
    write_articles(&inputs, 400);
    let input = inputs.to_str().unwrap();
    let db = tmp.path().join("news.sqlite");
    let db_s = db.to_str().unwrap();
    let out_dir = tmp.path().join("out");
    let out_s = out_dir.to_str().unwrap();
    let args = [
        "extract",
        input,
        "--sqlite",
        db_s,
        "--no-files",
        "-o",
        out_s,
        "--jobs",
        "1",
    ];

    let mut child = newsparse(&args, &[])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let stored = loop {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no rows appeared"
        );
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the batch finished ({status}) before it could be killed");
        }
        let n = if db.exists() {
            rusqlite::Connection::open(&db)
                .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
                .unwrap_or(0i64)
        } else {
            0
        };
        if n > 0 {
            break n;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let after_kill = sqlite_counts(&db)[0];
    assert!(after_kill >= stored && after_kill < 400, "{after_kill}");

    let mut resume_args = args.to_vec();
    resume_args.push("--resume");
    let out = run(&resume_args, &[]);
    assert!(out.status.success(), "{}", show(&out));
    let counts = sqlite_counts(&db);
    assert_eq!(counts[0], 400);
    assert_eq!(counts[1], 400);
    assert_eq!(counts, clean_run_counts(tmp.path(), input));
}

/// A fresh PostgreSQL database for this test.
fn pg_database(name: &str) -> String {
    let base = std::env::var("NEWSPARSE_TEST_PG_URL")
        .unwrap_or_else(|_| panic!("{name}: NEWSPARSE_TEST_PG_URL is not set"));
    let db = format!("newsparse_e2e_{name}_{}", std::process::id());
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    let (server, _) = base.split('?').next().unwrap().rsplit_once('/').unwrap();
    format!("{server}/{db}")
}

fn pg_counts(url: &str) -> Vec<i64> {
    let mut db = postgres::Client::connect(url, postgres::NoTls).unwrap();
    TABLES
        .iter()
        .map(|t| {
            db.query_one(&format!("SELECT count(*) FROM {t}"), &[])
                .unwrap()
                .get(0)
        })
        .collect()
}

#[test]
#[ignore = "needs NEWSPARSE_TEST_PG_URL"]
fn postgres_batch_killed_halfway_resumes_without_gaps_or_duplicates() {
    let url = pg_database("resume");
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    write_articles(&inputs, 20);
    let input = inputs.to_str().unwrap();
    let out_dir = tmp.path().join("out");
    let out_s = out_dir.to_str().unwrap();
    let args = [
        "extract",
        input,
        "--postgres",
        &url,
        "--no-files",
        "-o",
        out_s,
    ];

    let out = run(&args, &[("NEWSPARSE_TEST_ABORT_AFTER", "6")]);
    assert_eq!(out.status.code(), Some(70), "{}", show(&out));
    assert_eq!(pg_counts(&url)[0], 6);

    let mut resume_args = args.to_vec();
    resume_args.push("--resume");
    let out = run(&resume_args, &[]);
    assert!(out.status.success(), "{}", show(&out));
    let counts = pg_counts(&url);
    assert_eq!(counts[0], 20);
    assert_eq!(counts, clean_run_counts(tmp.path(), input), "{TABLES:?}");

    let out = run(&args, &[]);
    assert!(out.status.success(), "{}", show(&out));
    assert_eq!(pg_counts(&url), counts);
}

#[test]
fn an_unreachable_database_stops_extract_before_any_work() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    write_articles(&inputs, 2);
    let out_dir = tmp.path().join("out");
    let out = run(
        &[
            "extract",
            inputs.to_str().unwrap(),
            "--postgres",
            "postgresql://nobody:hunter2-secret@127.0.0.1:1/news",
            "-o",
            out_dir.to_str().unwrap(),
        ],
        &[],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot connect to PostgreSQL"), "{stderr}");
    assert!(!stderr.contains("hunter2-secret"), "{stderr}");
    // No record was written anywhere.
    let written = std::fs::read_dir(&out_dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(written, 0);
}
