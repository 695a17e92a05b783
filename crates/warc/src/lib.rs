//! WARC files in: the records of a `.warc` or `.warc.gz` file (WARC/1.0 and
//! 1.1), read one at a time with size caps, and the HTTP responses they hold.
//!
//! A WARC file is a sequence of records: a version line (`WARC/1.1`), named
//! header fields (`WARC-Type`, `WARC-Target-URI`, `WARC-Record-ID`,
//! `Content-Length`, …), an empty line, `Content-Length` bytes of block, and
//! two CRLFs. A `.warc.gz` is the same bytes in gzip members (usually one per
//! record), read here as one stream.
//!
//! Written by hand rather than with the `warc` crate (0.4): that reader
//! grows its header and body buffers without bound (a corrupt
//! `Content-Length` or a gzip bomb takes all memory), stops at the first
//! malformed record instead of finding the next one, reads bodies line by
//! line, and brings chrono, nom, url and uuid for what is ~200 lines here.
//! This reader:
//! - caps a record's header at [`MAX_HEADER_BYTES`] and its block at the
//!   caller's limit (a larger block is skipped, not held, and reported);
//! - numbers records from 1 in file order (every record, `warcinfo`
//!   included), so an error or an output can name `file#N`;
//! - after a malformed header, looks for the next `WARC/1.` line and goes
//!   on; a file cut short ends with one error for the incomplete record;
//! - reads a `.warc.gz` member by member ([`gzip::Members`]): a corrupt
//!   member costs the record in it, and reading goes on at the next member
//!   (the `warc` crate's and flate2's multi-member readers stop there).

pub mod gzip;
pub mod http;

use std::fmt;
use std::io::{BufRead, BufReader, Read};

pub use http::{HttpError, HttpResponse};

/// The largest record header accepted (WARC headers are a few hundred bytes).
pub const MAX_HEADER_BYTES: usize = 64 * 1024;

/// One WARC record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based position in the file (every record counts).
    pub number: u64,
    /// `WARC/1.0` or `WARC/1.1` (as written).
    pub version: String,
    /// Named fields in order, names as written.
    pub headers: Vec<(String, String)>,
    /// The record block (`Content-Length` bytes).
    pub block: Vec<u8>,
}

/// A record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The record's 1-based position.
    pub number: u64,
    pub reason: String,
    /// No record after this one can be read (the file ends or its
    /// compressed stream is broken).
    pub fatal: bool,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WARC record {}: {}", self.number, self.reason)
    }
}

impl std::error::Error for RecordError {}

impl Record {
    /// The first header field of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        http::header(&self.headers, name)
    }

    /// `WARC-Type`, lowercased (`response`, `request`, `warcinfo`…).
    pub fn warc_type(&self) -> Option<String> {
        self.header("WARC-Type").map(str::to_ascii_lowercase)
    }

    /// `WARC-Target-URI`, without the angle brackets some writers add.
    pub fn target_uri(&self) -> Option<&str> {
        self.header("WARC-Target-URI")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>'))
    }

    /// `WARC-Record-ID` as written (`<urn:uuid:…>`).
    pub fn record_id(&self) -> Option<&str> {
        self.header("WARC-Record-ID")
    }

    /// `WARC-Date`.
    pub fn date(&self) -> Option<&str> {
        self.header("WARC-Date")
    }

    /// What this record holds for an article reader: an HTML page (the HTTP
    /// response, its body decoded and at most `max_body` bytes), or why it is
    /// skipped. `Err` is a response that should be a page but cannot be read.
    pub fn html_page(&self, max_body: u64) -> Result<Payload, HttpError> {
        if self.warc_type().as_deref() != Some("response") {
            return Ok(Payload::Skip(Skip::NotResponse));
        }
        let is_http = self
            .header("Content-Type")
            .is_some_and(|c| c.to_ascii_lowercase().starts_with("application/http"));
        if !is_http {
            return Ok(Payload::Skip(Skip::NotHttp));
        }
        let head = http::parse_head(&self.block)?;
        if !(200..300).contains(&head.status) {
            return Ok(Payload::Skip(Skip::Status(head.status)));
        }
        let raw = &self.block[head.body_start..];
        let html = match head.mime_type().as_deref() {
            Some("text/html" | "application/xhtml+xml") => true,
            Some(_) => false,
            None => looks_like_html(raw),
        };
        if !html {
            return Ok(Payload::Skip(Skip::NotHtml));
        }
        let body = http::decode_body(&head.headers, raw, max_body)?;
        Ok(Payload::Html(HttpResponse {
            status: head.status,
            headers: head.headers,
            body,
        }))
    }
}

/// What a record gives an article reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    Html(HttpResponse),
    Skip(Skip),
}

/// Why a record holds no page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// `warcinfo`, `request`, `metadata`, `revisit`…
    NotResponse,
    /// A `response` record that is not HTTP (e.g. DNS).
    NotHttp,
    /// An HTTP status outside 2xx (redirects, errors).
    Status(u16),
    /// A response whose media type is not HTML.
    NotHtml,
}

/// Whether bytes start like an HTML document (after whitespace and a BOM).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = &start[start
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(start.len())..];
    let head: Vec<u8> = start.iter().take(64).map(u8::to_ascii_lowercase).collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<!--",
        b"<meta",
        b"<title",
    ]
    .iter()
    .any(|p| head.starts_with(p))
}

/// Whether bytes start like a WARC file (plain or gzip; for gzip, the first
/// inflated bytes are looked at).
pub fn looks_like_warc(bytes: &[u8]) -> bool {
    if gzip::is_gzip(bytes) {
        let mut head = Vec::new();
        let _ = flate2::read::GzDecoder::new(bytes)
            .take(16)
            .read_to_end(&mut head);
        return head.starts_with(b"WARC/1.");
    }
    bytes.starts_with(b"WARC/1.")
}

/// Reads the records of a WARC file one at a time.
pub struct Reader<'r> {
    input: Box<dyn BufRead + Send + 'r>,
    max_block: u64,
    number: u64,
    done: bool,
    /// After a malformed header: look for the next `WARC/1.` line first.
    resync: bool,
    /// A read error met between records, reported as the next record's.
    pending: Option<std::io::Error>,
}

impl<'r> Reader<'r> {
    /// A reader over a plain or gzipped WARC stream (told apart by its
    /// first bytes). A record whose block is larger than `max_block` bytes
    /// is skipped and reported.
    pub fn new(input: impl BufRead + Send + 'r, max_block: u64) -> std::io::Result<Reader<'r>> {
        let mut input = input;
        let gz = gzip::is_gzip(input.fill_buf()?);
        let input: Box<dyn BufRead + Send + 'r> = if gz {
            Box::new(BufReader::with_capacity(
                256 * 1024,
                gzip::Members::new(input),
            ))
        } else {
            Box::new(input)
        };
        Ok(Reader {
            input,
            max_block,
            number: 0,
            done: false,
            resync: false,
            pending: None,
        })
    }

    fn fail(&mut self, reason: String, fatal: bool) -> Option<Result<Record, RecordError>> {
        if fatal {
            self.done = true;
        } else {
            self.resync = true;
        }
        Some(Err(RecordError {
            number: self.number,
            reason,
            fatal,
        }))
    }

    /// A line (with its end) of at most `cap` bytes; `Ok(false)` at the end
    /// of the input, `Err(None)` when longer than `cap`.
    fn read_line(
        &mut self,
        line: &mut Vec<u8>,
        cap: usize,
    ) -> Result<bool, Option<std::io::Error>> {
        line.clear();
        loop {
            let buf = self.input.fill_buf().map_err(Some)?;
            if buf.is_empty() {
                return Ok(!line.is_empty());
            }
            let (take, end) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            if line.len() + take > cap {
                let room = cap - line.len();
                line.extend_from_slice(&buf[..room]);
                self.input.consume(room);
                return Err(None);
            }
            line.extend_from_slice(&buf[..take]);
            self.input.consume(take);
            if end {
                return Ok(true);
            }
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    if let Some(member) = member_error(e) {
        return member.0.clone();
    }
    match e.kind() {
        ErrorKind::UnexpectedEof => "the file ends inside compressed data (truncated)".into(),
        ErrorKind::InvalidData | ErrorKind::InvalidInput | ErrorKind::Other => {
            format!("corrupt gzip data: {e}")
        }
        _ => format!("cannot read: {e}"),
    }
}

/// A bad gzip member, after which the reader goes on at the next one.
fn member_error(e: &std::io::Error) -> Option<&gzip::MemberError> {
    e.get_ref()?.downcast_ref::<gzip::MemberError>()
}

/// Whether no record can be read after this error.
fn is_fatal(e: &std::io::Error) -> bool {
    member_error(e).is_none()
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

impl Iterator for Reader<'_> {
    type Item = Result<Record, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if let Some(e) = self.pending.take() {
            self.number += 1;
            return self.fail(io_reason(&e), is_fatal(&e));
        }
        let mut line = Vec::new();
        // The version line: skip blank lines (and, after a malformed
        // record, anything) before it.
        loop {
            match self.read_line(&mut line, MAX_HEADER_BYTES) {
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Ok(true) => {}
                // A bad gzip member while looking for the next record
                // after a bad one: still that record's trouble.
                Err(Some(e)) if self.resync && !is_fatal(&e) => continue,
                Err(Some(e)) => {
                    self.number += 1;
                    return self.fail(io_reason(&e), is_fatal(&e));
                }
                // An overlong line is no version line: go on looking.
                Err(None) => {
                    if !self.resync {
                        self.number += 1;
                        return self.fail("not a WARC record header".into(), false);
                    }
                    continue;
                }
            }
            if trim_eol(&line).is_empty() {
                continue;
            }
            if line.starts_with(b"WARC/") {
                break;
            }
            if !self.resync {
                self.number += 1;
                let shown: String = String::from_utf8_lossy(trim_eol(&line))
                    .chars()
                    .take(40)
                    .collect();
                return self.fail(
                    format!("not a WARC record header (starts `{shown}`)"),
                    false,
                );
            }
        }
        self.resync = false;
        self.number += 1;
        let version = String::from_utf8_lossy(trim_eol(&line)).into_owned();
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = line.len();
        loop {
            match self.read_line(
                &mut line,
                MAX_HEADER_BYTES.saturating_sub(header_bytes).max(1),
            ) {
                Ok(false) => {
                    return self.fail(
                        "truncated: the file ends inside the record header".into(),
                        true,
                    )
                }
                Ok(true) => {}
                Err(Some(e)) => return self.fail(io_reason(&e), is_fatal(&e)),
                Err(None) => {
                    return self.fail(
                        format!("record header longer than {MAX_HEADER_BYTES} bytes"),
                        false,
                    )
                }
            }
            header_bytes += line.len();
            let l = trim_eol(&line);
            if l.is_empty() {
                break;
            }
            let l = String::from_utf8_lossy(l);
            if l.starts_with([' ', '\t']) {
                if let Some(last) = headers.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(l.trim());
                }
                continue;
            }
            match l.split_once(':') {
                Some((k, v)) => headers.push((k.trim().to_string(), v.trim().to_string())),
                None => {
                    return self.fail(
                        format!(
                            "malformed header line `{}`",
                            l.chars().take(40).collect::<String>()
                        ),
                        false,
                    )
                }
            }
        }
        let length = match http::header(&headers, "Content-Length").map(|v| v.parse::<u64>()) {
            Some(Ok(n)) => n,
            Some(Err(_)) => return self.fail("invalid Content-Length".into(), false),
            None => return self.fail("no Content-Length".into(), false),
        };
        // A block over the limit is skipped without holding it; the next
        // record follows.
        let too_big = length > self.max_block;
        let mut block = Vec::new();
        let read = if too_big {
            std::io::copy(&mut (&mut self.input).take(length), &mut std::io::sink())
        } else {
            block.reserve_exact(length as usize);
            (&mut self.input)
                .take(length)
                .read_to_end(&mut block)
                .map(|n| n as u64)
        };
        match read {
            Ok(n) if n == length => {}
            Ok(n) => {
                return self.fail(
                    format!("truncated: the file ends {n} bytes into a block of {length}"),
                    true,
                )
            }
            Err(e) => return self.fail(io_reason(&e), is_fatal(&e)),
        }
        self.skip_record_end();
        if too_big {
            return Some(Err(RecordError {
                number: self.number,
                reason: format!(
                    "record block of {length} bytes is larger than the limit, {} (see --max-bytes)",
                    self.max_block
                ),
                fatal: false,
            }));
        }
        Some(Ok(Record {
            number: self.number,
            version,
            headers,
            block,
        }))
    }
}

impl Reader<'_> {
    /// Consume the CR LF CR LF that ends a record (tolerating LFs alone).
    /// A read error here is the next record's.
    fn skip_record_end(&mut self) {
        for _ in 0..4 {
            match self.input.fill_buf() {
                Ok([b'\r' | b'\n', ..]) => self.input.consume(1),
                Ok(_) => break,
                Err(e) => {
                    self.pending = Some(e);
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn page(body: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}").into_bytes()
    }

    fn read_all(bytes: &[u8], max: u64) -> Vec<Result<Record, RecordError>> {
        Reader::new(bytes, max).unwrap().collect()
    }

    #[test]
    fn reads_records_in_order_plain_and_gzipped() {
        let records = [
            record("warcinfo", "x", b"software: test\r\n"),
            record("response", "http://a.example/1", &page("<p>One</p>")),
            record("response", "http://a.example/2", &page("<p>Two</p>")),
        ];
        let plain = read_all(&records.concat(), 1000);
        // One gzip member per record, as crawlers write them.
        let gz: Vec<u8> = records
            .iter()
            .flat_map(|r| crate::gzip::tests_support::gzip(r))
            .collect();
        let zipped = read_all(&gz, 1000);
        assert_eq!(plain, zipped);
        let recs: Vec<Record> = plain.into_iter().map(Result::unwrap).collect();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[2].number, 3);
        assert_eq!(recs[2].target_uri(), Some("http://a.example/2"));
        assert_eq!(recs[2].record_id(), Some("<urn:uuid:http://a.example/2>"));
        match recs[1].html_page(1000).unwrap() {
            Payload::Html(r) => assert_eq!(r.body, b"<p>One</p>"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            recs[0].html_page(1000).unwrap(),
            Payload::Skip(Skip::NotResponse)
        );
    }

    #[test]
    fn a_truncated_file_gives_the_whole_records_and_one_error() {
        let mut file = record("response", "http://a.example/1", &page("<p>One</p>"));
        file.extend(record(
            "response",
            "http://a.example/2",
            &page("<p>Two, cut</p>"),
        ));
        for cut in [file.len() - 10, file.len() - 60] {
            let got = read_all(&file[..cut], 1000);
            assert_eq!(got.len(), 2, "{got:?}");
            assert!(got[0].is_ok());
            let e = got[1].as_ref().unwrap_err();
            assert_eq!(e.number, 2);
            assert!(e.fatal && e.reason.starts_with("truncated"), "{e}");
        }
        let gz = crate::gzip::tests_support::gzip(&file);
        let got = read_all(&gz[..gz.len() - 30], 1000);
        assert!(got.last().unwrap().is_err(), "{got:?}");
    }

    #[test]
    fn a_corrupt_gzip_member_costs_its_record_only() {
        let records: Vec<Vec<u8>> = (1..=3)
            .map(|i| {
                record(
                    "response",
                    &format!("http://a.example/{i}"),
                    &page(&format!("<p>Page {i} of the Ostrel crawl.</p>").repeat(20)),
                )
            })
            .collect();
        let members: Vec<Vec<u8>> = records
            .iter()
            .map(|r| crate::gzip::tests_support::gzip(r))
            .collect();
        let mut bad = members[1].clone();
        let mid = bad.len() / 2;
        for b in &mut bad[mid - 4..mid + 4] {
            *b ^= 0x5a;
        }
        let file = [members[0].clone(), bad, members[2].clone()].concat();
        let got = read_all(&file, 10_000);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].as_ref().unwrap().number, 1);
        // What a corrupt member inflates to before its check fails may
        // read as a bad header first: either way record 2 is the one lost.
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(e.number, 2);
        assert!(!e.fatal, "{e}");
        let third = got[2].as_ref().unwrap();
        assert_eq!(third.number, 3);
        assert_eq!(third.target_uri(), Some("http://a.example/3"));
        assert_eq!(
            third.block,
            page(&"<p>Page 3 of the Ostrel crawl.</p>".repeat(20))
        );
        // Cut short inside the last member: one error, the others whole.
        let cut = [
            members[0].clone(),
            members[1].clone(),
            members[2][..40].to_vec(),
        ]
        .concat();
        let got = read_all(&cut, 10_000);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[2].as_ref().unwrap_err().reason.contains("cut short"));
    }

    #[test]
    fn a_corrupt_header_costs_one_record() {
        let mut file = record("response", "http://a.example/1", &page("<p>One</p>"));
        let mut bad = record("response", "http://a.example/2", &page("<p>Two</p>"));
        // A Content-Length that is not a number.
        let s = String::from_utf8(bad.clone()).unwrap();
        let at = s.find("Content-Length: ").unwrap() + 16;
        bad[at] = b'x';
        file.extend(bad);
        file.extend(record(
            "response",
            "http://a.example/3",
            &page("<p>Three</p>"),
        ));
        let got = read_all(&file, 1000);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].as_ref().unwrap_err().number, 2);
        assert!(!got[1].as_ref().unwrap_err().fatal);
        assert_eq!(got[2].as_ref().unwrap().number, 3);
        assert_eq!(
            got[2].as_ref().unwrap().target_uri(),
            Some("http://a.example/3")
        );
    }

    #[test]
    fn an_oversized_block_is_skipped_and_reported() {
        let mut file = record("response", "http://a.example/big", &page(&"x".repeat(5000)));
        file.extend(record(
            "response",
            "http://a.example/2",
            &page("<p>Two</p>"),
        ));
        let got = read_all(&file, 1000);
        assert_eq!(got.len(), 2);
        let e = got[0].as_ref().unwrap_err();
        assert!(
            e.reason.contains("larger than the limit") && !e.fatal,
            "{e}"
        );
        assert_eq!(got[1].as_ref().unwrap().number, 2);
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><p>"));
        assert!(!looks_like_html(b"Harbour news\n\n<b>"));
        let file = record("warcinfo", "x", b"");
        assert!(looks_like_warc(&file));
        assert!(looks_like_warc(&crate::gzip::tests_support::gzip(&file)));
        assert!(!looks_like_warc(b"WARCHIVE"));
    }
}
