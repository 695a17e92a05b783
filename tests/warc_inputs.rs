//! Pages and WARC files through `newsparse extract`: a WARC written here by
//! hand (WARC/1.0 headers, one gzip member per record) gives the same records
//! as its pages one by one, in record order whatever --jobs; a truncated or
//! corrupt WARC costs only its bad records; gzip bombs are refused; declared
//! and sniffed charsets decode; --resume works per WARC record.

mod cli_support;

use cli_support::{newsparse, shared_data};
use flate2::write::GzEncoder;
use flate2::Compression;
use newsparse_db::driver::rusqlite;
use serde_json::Value;
use std::fs;
use std::io::{Read, Write};
use std::path::Path;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

/// One WARC/1.0 record.
fn warc_record(kind: &str, uri: &str, id: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// An HTTP response record holding `body` under `headers`.
fn response(uri: &str, id: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    block.extend_from_slice(body);
    warc_record(
        "response",
        uri,
        id,
        "application/http; msgtype=response",
        &block,
    )
}

fn warcinfo() -> Vec<u8> {
    warc_record(
        "warcinfo",
        "",
        "00000000-info",
        "application/warc-fields",
        b"software: hand-written test\r\n",
    )
}

/// A chunked, gzip-encoded HTTP body, as a server might send it.
fn chunked_gzip(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in gzip(body).chunks(500) {
        out.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        out.extend_from_slice(part);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// Invented news pages.
fn invented_pages() -> Vec<(String, Vec<u8>)> {
    let pages = [
        ("harbour", "Harbour council approves ferry link to Port Averin", "The Velmora harbour council has approved a ferry route to Port Averin, its leader Marta Keloway said on Tuesday.", "\"This will bring the islands back into the life of the coast,\" Ms Keloway said. The Dunmore Ferry Company will run two crossings a day from May."),
        ("mill", "Old mill in Brackenford reopens as a museum", "The mill closed in 1962 and has been restored by volunteers led by Tomas Arvel.", "Mr Arvel said the wheel turned again for the first time on Saturday. The Brackenford Heritage Trust paid for the new roof."),
        ("bridge", "Kestford bridge opens after two years of work", "The mayor of Kestford, Ola Brandt, opened the bridge on Friday.", "\"It joins the two halves of the town,\" Ms Brandt told reporters. Engineers from Halvorsen Works built the span over the river Tane."),
    ];
    pages
        .iter()
        .map(|(name, title, lead, body)| {
            let html = format!(
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
                 <body><article><h1>{title}</h1>\n\n<p>{lead}</p>\n\n<p>{body}</p>\n\n</article></body></html>\n"
            );
            (name.to_string(), html.into_bytes())
        })
        .collect()
}

/// A few benchmark pages (decompressed), when the shared data is here.
fn benchmark_pages(n: usize) -> Vec<(String, Vec<u8>)> {
    let Some(dir) = shared_data("article-extraction/html") else {
        return Vec::new();
    };
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    names.sort();
    names
        .into_iter()
        .take(n)
        .enumerate()
        .map(|(i, p)| (format!("bench{i}"), gunzip(&fs::read(p).unwrap())))
        .collect()
}

fn jsonl(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A record without the fields that say where it came from.
fn without_source_place(mut r: Value) -> Value {
    let source = r["source"].as_object_mut().unwrap();
    for k in ["path", "format", "url", "warc_record_id"] {
        source.remove(k);
    }
    r
}

#[test]
fn a_warc_gives_the_same_records_as_its_pages_in_record_order() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut pages = invented_pages();
    pages.extend(benchmark_pages(4));
    fs::create_dir_all(d.join("pages")).unwrap();
    // One gzip member per record, as crawlers write them; a request, a
    // redirect and an image among the pages, to be skipped.
    let mut warc = gzip(&warcinfo());
    for (i, (name, html)) in pages.iter().enumerate() {
        // Pages as files: named in the WARC's order, some gzipped.
        let file = format!("{i:02}_{name}.html");
        if i % 2 == 0 {
            fs::write(d.join("pages").join(format!("{file}.gz")), gzip(html)).unwrap();
        } else {
            fs::write(d.join("pages").join(file), html).unwrap();
        }
        let uri = format!("https://news.example/{name}");
        warc.extend(gzip(&warc_record(
            "request",
            &uri,
            &format!("{i}-req"),
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n",
        )));
        let record = if i % 2 == 0 {
            response(
                &uri,
                &format!("{i}-resp"),
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked_gzip(html),
            )
        } else {
            response(
                &uri,
                &format!("{i}-resp"),
                &format!(
                    "Content-Type: text/html\r\nContent-Length: {}\r\n",
                    html.len()
                ),
                html,
            )
        };
        warc.extend(gzip(&record));
        if i == 1 {
            let mut redirect = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\nContent-Type: text/html\r\n\r\n<a href=/x>moved</a>".to_vec();
            warc.extend(gzip(&warc_record(
                "response",
                "https://news.example/old",
                "r301",
                "application/http; msgtype=response",
                &redirect,
            )));
            redirect.clear();
            warc.extend(gzip(&response(
                "https://news.example/logo.png",
                "png",
                "Content-Type: image/png\r\n",
                b"\x89PNG\r\n\x1a\n",
            )));
        }
    }
    fs::write(d.join("crawl.warc.gz"), &warc).unwrap();

    let r = newsparse(
        d,
        &["extract", "pages", "--jsonl", "pages.jsonl", "-j", "2"],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let mut by_warc = Vec::new();
    for jobs in ["1", "2"] {
        let out = format!("warc{jobs}.jsonl");
        let r = newsparse(
            d,
            &["extract", "crawl.warc.gz", "--jsonl", &out, "-j", jobs],
            None,
        );
        assert_eq!(r.status, 0, "{}", r.stderr);
        assert!(
            r.stderr.contains(&format!(
                "{} inputs, {} records written",
                pages.len(),
                pages.len()
            )),
            "{}",
            r.stderr
        );
        // warcinfo, a request per page, the redirect and the image.
        let skipped = 1 + pages.len() + 2;
        assert!(
            r.stderr.contains(&format!(
                "{skipped} WARC record(s) skipped (not HTML responses)"
            )),
            "{}",
            r.stderr
        );
        by_warc.push(fs::read(d.join(out)).unwrap());
    }
    assert_eq!(
        by_warc[0], by_warc[1],
        "JSONL is in record order whatever --jobs"
    );

    let from_pages = jsonl(&d.join("pages.jsonl"));
    let from_warc = jsonl(&d.join("warc1.jsonl"));
    assert_eq!(from_pages.len(), pages.len());
    assert_eq!(from_warc.len(), pages.len());
    for (i, (p, w)) in from_pages.iter().zip(&from_warc).enumerate() {
        let name = &pages[i].0;
        assert_eq!(p["source"]["format"], "html");
        assert_eq!(w["source"]["format"], "warc");
        assert_eq!(w["source"]["url"], format!("https://news.example/{name}"));
        assert_eq!(
            w["source"]["warc_record_id"],
            format!("<urn:uuid:{i}-resp>")
        );
        // Record 1 is warcinfo; each page is a request then a response; the
        // redirect and the image follow page 1.
        let number = 2 + 2 * i + 1 + if i > 1 { 2 } else { 0 };
        assert_eq!(w["source"]["path"], format!("crawl.warc.gz#{number}"));
        assert_eq!(
            without_source_place(p.clone()),
            without_source_place(w.clone()),
            "page {name}: the WARC record differs from the page's"
        );
    }

    // Record files: one directory per WARC file, named by record number.
    let r = newsparse(d, &["extract", "crawl.warc.gz", "-o", "out"], None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let first: Value =
        serde_json::from_str(&fs::read_to_string(d.join("out/crawl/00003.json")).unwrap()).unwrap();
    assert_eq!(first, from_warc[0]);
}

#[test]
fn a_truncated_or_corrupt_warc_costs_only_its_bad_records() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let pages = invented_pages();
    let records: Vec<Vec<u8>> = pages
        .iter()
        .enumerate()
        .map(|(i, (name, html))| {
            response(
                &format!("https://news.example/{name}"),
                &format!("{i}"),
                "Content-Type: text/html; charset=utf-8\r\n",
                html,
            )
        })
        .collect();
    // Cut in the middle of the last record.
    let mut cut = records.concat();
    cut.truncate(cut.len() - 100);
    fs::write(d.join("cut.warc"), &cut).unwrap();
    // A Content-Length that is no number in record 2 of 3.
    let mut bad = records[1].clone();
    let at = String::from_utf8_lossy(&bad)
        .find("Content-Length: ")
        .unwrap()
        + 16;
    bad[at] = b'z';
    fs::write(
        d.join("corrupt.warc"),
        [records[0].clone(), bad, records[2].clone()].concat(),
    )
    .unwrap();
    // A gzipped WARC cut short.
    let gz: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    fs::write(d.join("cutgz.warc.gz"), &gz[..gz.len() - 40]).unwrap();

    let r = newsparse(
        d,
        &[
            "extract",
            "cut.warc",
            "corrupt.warc",
            "cutgz.warc.gz",
            "-o",
            "out",
        ],
        None,
    );
    assert_eq!(r.status, 1, "{}", r.stderr);
    let errors: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 3, "{}", r.stderr);
    assert!(
        errors[0].starts_with("error: cut.warc#3: truncated"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("error: corrupt.warc#2: invalid Content-Length"),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].starts_with("error: cutgz.warc.gz#3: "),
        "{}",
        errors[2]
    );
    for f in [
        "cut/00001.json",
        "cut/00002.json",
        "corrupt/00001.json",
        "corrupt/00003.json",
        "cutgz/00001.json",
        "cutgz/00002.json",
    ] {
        assert!(d.join("out").join(f).is_file(), "{f} is written");
    }
    assert!(!d.join("out/cut/00003.json").exists());
    let listed = fs::read_to_string(d.join("out/errors.jsonl")).unwrap();
    let paths: Vec<String> = listed
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["cut.warc#3", "corrupt.warc#2", "cutgz.warc.gz#3"]);
}

#[test]
fn gzip_bombs_and_pages_without_an_article_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // 64 MiB of spaces in a few dozen KiB.
    let mut bomb_html = b"<html><body><p>Boom</p>".to_vec();
    bomb_html.resize(64 << 20, b' ');
    let bomb = gzip(&bomb_html);
    assert!(bomb.len() < 1 << 20);
    fs::write(d.join("bomb.html.gz"), &bomb).unwrap();
    fs::write(d.join("empty.html"), "<html><body>  </body></html>").unwrap();
    let (name, html) = &invented_pages()[0];
    let warc = [
        response(
            "https://news.example/bomb",
            "b",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            &bomb,
        ),
        response(
            &format!("https://news.example/{name}"),
            "ok",
            "Content-Type: text/html\r\n",
            html,
        ),
    ]
    .concat();
    fs::write(d.join("mixed.warc"), warc).unwrap();
    let r = newsparse(
        d,
        &[
            "extract",
            "bomb.html.gz",
            "empty.html",
            "mixed.warc",
            "--max-bytes",
            "1M",
            "--jsonl",
            "out.jsonl",
        ],
        None,
    );
    assert_eq!(r.status, 1, "{}", r.stderr);
    let errors: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 3, "{}", r.stderr);
    assert!(
        errors[0].starts_with("error: bomb.html.gz: gzip: decompresses to more than 1048576 bytes"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("error: empty.html: "),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].starts_with("error: mixed.warc#1: HTTP body: decompresses to more than"),
        "{}",
        errors[2]
    );
    let records = jsonl(&d.join("out.jsonl"));
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"]["path"], "mixed.warc#2");
}

#[test]
fn declared_and_sniffed_charsets_decode() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let body_1252 = "Café owners in Zürich say the new tariff, announced by the mayor Renée Fässler on Monday, will cost them dearly.";
    let page_1252 = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Café tariff</title></head>\
         <body><article><h1>Café owners protest tariff</h1>\n\n<p>{body_1252}</p>\n\n<p>“We will close,” one owner said.</p></article></body></html>"
    );
    let (bytes_1252, _, bad) = encoding_rs::WINDOWS_1252.encode(&page_1252);
    assert!(!bad);
    fs::write(d.join("cafe.html"), &bytes_1252).unwrap();
    let body_sjis = "東京の港で新しい船が進水した。市長の田中花子は式典で喜びを語った。";
    let page_sjis = format!(
        "<html><head><title>進水式</title></head><body><article><h1>新しい船が進水</h1>\n\n<p>{body_sjis}</p>\n\n<p>{body_sjis}</p></article></body></html>"
    );
    let (bytes_sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(&page_sjis);
    assert!(!bad);
    // Shift_JIS undeclared in a file (sniffed), declared by HTTP in a WARC.
    fs::write(d.join("ship.html"), &bytes_sjis).unwrap();
    fs::write(
        d.join("ship.warc"),
        response(
            "https://news.example/ship",
            "s",
            "Content-Type: text/html; charset=Shift_JIS\r\n",
            &bytes_sjis,
        ),
    )
    .unwrap();
    // A windows-1252 text file, with --encoding.
    let text_1252 = encoding_rs::WINDOWS_1252
        .encode(
            "Café owners protest tariff\n\nCafé owners in Zürich say the tariff will cost them.\n",
        )
        .0;
    fs::write(d.join("cafe.txt"), &text_1252).unwrap();

    let r = newsparse(
        d,
        &[
            "extract",
            "cafe.html",
            "ship.html",
            "ship.warc",
            "--jsonl",
            "out.jsonl",
        ],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let records = jsonl(&d.join("out.jsonl"));
    let text = |i: usize| records[i]["text"].as_str().unwrap().to_string();
    assert!(text(0).contains(body_1252), "{}", text(0));
    assert!(text(0).contains("“We will close,”"), "{}", text(0));
    assert!(text(1).contains(body_sjis), "{}", text(1));
    assert_eq!(text(1), text(2));
    // The id is of the page's bytes as served.
    assert_eq!(records[1]["id"], records[2]["id"]);

    let r = newsparse(d, &["extract", "cafe.txt", "--jsonl", "-"], None);
    assert_eq!(r.status, 1, "UTF-8 is strict by default: {}", r.stderr);
    assert!(r.stderr.contains("not UTF-8"), "{}", r.stderr);
    for enc in ["windows-1252", "auto"] {
        let r = newsparse(
            d,
            &["extract", "cafe.txt", "--encoding", enc, "--jsonl", "-"],
            None,
        );
        assert_eq!(r.status, 0, "{}", r.stderr);
        let rec: Value = serde_json::from_str(r.stdout.trim()).unwrap();
        assert_eq!(
            rec["article"]["title"], "Café owners protest tariff",
            "{enc}"
        );
        assert_eq!(rec["source"]["bytes"], text_1252.len());
    }
    let r = newsparse(d, &["extract", "cafe.txt", "--encoding", "martian"], None);
    assert_eq!(r.status, 2, "{}", r.stderr);
}

#[test]
fn stdin_and_odd_names_are_sniffed_or_told() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let (name, html) = &invented_pages()[1];
    let warc = [
        warcinfo(),
        response(
            &format!("https://news.example/{name}"),
            "m",
            "Content-Type: text/html\r\n",
            html,
        ),
    ]
    .concat();
    fs::write(d.join("crawl.dat"), &warc).unwrap();
    fs::write(d.join("page.php"), html).unwrap();
    let r = newsparse(d, &["extract", "-", "--jsonl", "-"], Some(&gzip(&warc)));
    assert_eq!(r.status, 0, "{}", r.stderr);
    let rec: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(rec["source"]["path"], "-#2");
    assert_eq!(rec["source"]["format"], "warc");
    let r = newsparse(
        d,
        &["extract", "crawl.dat", "page.php", "--jsonl", "-"],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let recs: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["source"]["path"], "crawl.dat#2");
    assert_eq!(recs[1]["source"]["format"], "html");
    assert_eq!(recs[0]["text"], recs[1]["text"]);
    // A pipe given by name: sniffed, and what was sniffed is not lost.
    let r = newsparse(d, &["extract", "/dev/stdin", "--jsonl", "-"], Some(html));
    assert_eq!(r.status, 0, "{}", r.stderr);
    let rec: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(rec["source"]["format"], "html");
    assert_eq!(rec["text"], recs[1]["text"]);
    // Told: the page read as text is a text record.
    let r = newsparse(
        d,
        &["extract", "--format", "text", "-", "--jsonl", "-"],
        Some(html),
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let rec: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert!(rec.get("text").is_none());
    assert_eq!(rec["source"]["path"], "-");
}

#[test]
fn resume_skips_the_warc_records_already_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let pages = invented_pages();
    let records: Vec<Vec<u8>> = pages
        .iter()
        .enumerate()
        .map(|(i, (name, html))| {
            response(
                &format!("https://news.example/{name}"),
                &format!("{i}"),
                "Content-Type: text/html\r\n",
                html,
            )
        })
        .collect();
    fs::write(d.join("crawl.warc"), records[..2].concat()).unwrap();
    let r = newsparse(
        d,
        &[
            "extract",
            "crawl.warc",
            "--sqlite",
            "db.sqlite",
            "--no-files",
        ],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    // The crawl goes on: the same file, one more record.
    fs::write(d.join("crawl.warc"), records.concat()).unwrap();
    let r = newsparse(
        d,
        &[
            "extract",
            "crawl.warc",
            "--sqlite",
            "db.sqlite",
            "--resume",
            "--jsonl",
            "new.jsonl",
        ],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("3 inputs, 1 records written, 0 failed, 2 skipped (already stored)"),
        "{}",
        r.stderr
    );
    let new = jsonl(&d.join("new.jsonl"));
    assert_eq!(new.len(), 1);
    assert_eq!(new[0]["source"]["path"], "crawl.warc#3");
    let db = rusqlite::Connection::open(d.join("db.sqlite")).unwrap();
    let mut paths: Vec<String> = db
        .prepare("SELECT path FROM inputs ORDER BY path")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    paths.sort();
    assert_eq!(paths, ["crawl.warc#1", "crawl.warc#2", "crawl.warc#3"]);
}

#[test]
fn validate_checks_page_records_against_their_text_and_their_source() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let pages = invented_pages();
    fs::create_dir_all(d.join("site")).unwrap();
    fs::write(d.join("site/harbour.html.gz"), gzip(&pages[0].1)).unwrap();
    fs::write(d.join("site/mill.html"), &pages[1].1).unwrap();
    let warc: Vec<u8> = [
        warcinfo(),
        response(
            "https://news.example/bridge",
            "b",
            "Content-Type: text/html\r\n",
            &pages[2].1,
        ),
    ]
    .concat();
    fs::write(d.join("site/crawl.warc.gz"), gzip(&warc)).unwrap();
    let r = newsparse(d, &["extract", "site", "-o", "out"], None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    for (records, source) in [
        ("out", "site"),
        ("out/harbour.json", "site/harbour.html.gz"),
        ("out/mill.json", "site/mill.html"),
        ("out/crawl/00002.json", "site/crawl.warc.gz"),
    ] {
        let r = newsparse(d, &["validate", records, "--source", source], None);
        assert_eq!(
            r.status, 0,
            "{records} against {source}: {}{}",
            r.stdout, r.stderr
        );
    }
    // A record whose text was changed: its spans no longer slice it, and it
    // is not what the page renders to.
    let path = d.join("out/crawl/00002.json");
    let mut rec: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let text = rec["text"]
        .as_str()
        .unwrap()
        .replace("Kestford", "Kestwood");
    rec["text"] = Value::from(text);
    fs::write(&path, serde_json::to_string_pretty(&rec).unwrap()).unwrap();
    let r = newsparse(d, &["validate", "out/crawl/00002.json"], None);
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("is not the record's text at"),
        "{}",
        r.stdout
    );
    let r = newsparse(
        d,
        &[
            "validate",
            "out/crawl/00002.json",
            "--source",
            "site/crawl.warc.gz",
        ],
        None,
    );
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("/text: is not the article text rendered from the source page"),
        "{}",
        r.stdout
    );
    // The wrong record number of the WARC file.
    let r = newsparse(
        d,
        &[
            "validate",
            "out/mill.json",
            "--source",
            "site/crawl.warc.gz",
        ],
        None,
    );
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(r.stdout.contains("names no record"), "{}", r.stdout);
}

/// Each article row of a SQLite database: id, path of its input, format,
/// URL, record id, and the record JSON.
fn article_rows(path: &Path) -> Vec<Vec<String>> {
    let db = rusqlite::Connection::open(path).unwrap();
    let mut st = db
        .prepare(
            "SELECT a.id, i.path, a.source_format, a.url, a.warc_record_id, a.record \
             FROM articles a JOIN inputs i ON i.article_id = a.id ORDER BY i.path",
        )
        .unwrap();
    st.query_map([], |r| (0..6).map(|i| r.get::<_, String>(i)).collect())
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_run_killed_inside_a_warc_resumes_record_by_record() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut pages = invented_pages();
    pages.extend(invented_pages().into_iter().map(|(name, html)| {
        let html = String::from_utf8(html)
            .unwrap()
            .replace("</article>", "<p>Updated on Sunday.</p></article>");
        (format!("{name}-updated"), html.into_bytes())
    }));
    let warc: Vec<u8> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, (name, html))| {
            gzip(&response(
                &format!("https://news.example/{name}"),
                &format!("{i}"),
                "Content-Type: text/html\r\n",
                html,
            ))
        })
        .collect();
    fs::write(d.join("crawl.warc.gz"), warc).unwrap();
    let clean = newsparse(
        d,
        &[
            "extract",
            "crawl.warc.gz",
            "--sqlite",
            "clean.sqlite",
            "--no-files",
        ],
        None,
    );
    assert_eq!(clean.status, 0, "{}", clean.stderr);
    // The writer exits the process once 2 articles are committed.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsparse"))
        .args([
            "extract",
            "crawl.warc.gz",
            "--sqlite",
            "db.sqlite",
            "--no-files",
            "-j",
            "2",
        ])
        .current_dir(d)
        .env("NEWSPARSE_TEST_ABORT_AFTER", "2")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(70),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(article_rows(&d.join("db.sqlite")).len(), 2);
    let r = newsparse(
        d,
        &[
            "extract",
            "crawl.warc.gz",
            "--sqlite",
            "db.sqlite",
            "--no-files",
            "--resume",
        ],
        None,
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "{} records written, 0 failed, 2 skipped (already stored)",
            pages.len() - 2
        )),
        "{}",
        r.stderr
    );
    let rows = article_rows(&d.join("db.sqlite"));
    assert_eq!(rows.len(), pages.len());
    assert_eq!(rows, article_rows(&d.join("clean.sqlite")));
    assert_eq!(rows[0][1], "crawl.warc.gz#1");
    assert_eq!(rows[0][2], "warc");
}

#[test]
fn a_warc_on_stdin_is_extracted_as_it_arrives() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let tmp = tempfile::tempdir().unwrap();
    let pages = invented_pages();
    let record = |i: usize| {
        let (name, html) = &pages[i];
        response(
            &format!("https://news.example/{name}"),
            &format!("{i}"),
            "Content-Type: text/html\r\n",
            html,
        )
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsparse"))
        .args([
            "extract", "-", "--format", "warc", "--jsonl", "-", "-j", "1", "-q",
        ])
        .current_dir(tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            tx.send(line.unwrap()).unwrap();
        }
    });
    stdin.write_all(&[warcinfo(), record(0)].concat()).unwrap();
    stdin.flush().unwrap();
    // The first record's line comes while the file is still open: the
    // WARC is read record by record, not first read whole.
    let first = rx
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("a record line before the end of the input");
    let first: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(first["source"]["path"], "-#2");
    stdin.write_all(&[record(1), record(2)].concat()).unwrap();
    drop(stdin);
    let rest: Vec<String> = rx.iter().collect();
    reader.join().unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(rest.len(), 2);
    let last: Value = serde_json::from_str(&rest[1]).unwrap();
    assert_eq!(last["source"]["path"], "-#4");
}
