//! `newsparse text`: web pages in, the articles out as a reader wants them
//! (title, byline, date, body), or one JSON object per page with `--jsonl`.

use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The decompressed size a page may have.
pub const MAX_PAGE_BYTES: u64 = 10 * 1024 * 1024;

pub struct TextOptions {
    pub inputs: Vec<PathBuf>,
    /// `Some("-")` for stdout, `Some(path)` for a file, `None` for reader text.
    pub jsonl: Option<PathBuf>,
}

/// One page's line of `--jsonl`: the keys `score_body.py` and
/// `score_meta.py` read.
#[derive(Serialize)]
pub struct PageLine<'a> {
    pub path: &'a str,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub byline: &'a [String],
    pub published: Option<String>,
    pub body: String,
}

fn is_page_name(p: &Path) -> bool {
    let name = p
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    name.ends_with(".html")
        || name.ends_with(".htm")
        || name.ends_with(".html.gz")
        || name.ends_with(".htm.gz")
}

/// The pages named by the inputs: files as given, directories searched
/// recursively for .html, .htm and .html.gz, sorted by path.
fn page_paths(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && is_page_name(e.path()))
                .map(|e| e.into_path())
                .collect();
            found.sort();
            if found.is_empty() {
                // Reported as an error by the reader below.
                out.push(input.clone());
            }
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    out
}

/// Read a page file and decode it to text the way `extract` does
/// (`ingest`): inflated when gzipped (at most [`MAX_PAGE_BYTES`] either
/// way), then decoded by its byte-order mark, `<meta charset>` declaration,
/// UTF-8 when valid, else chardetng's guess.
pub fn read_page(path: &Path) -> Result<String, String> {
    if path.is_dir() {
        return Err("a directory without .html, .htm or .html.gz files".into());
    }
    let bytes = crate::ingest::read_input(Some(path), MAX_PAGE_BYTES).map_err(|e| e.to_string())?;
    let bytes = if newsparse_warc::gzip::is_gzip(&bytes) {
        crate::ingest::gunzip(&bytes, MAX_PAGE_BYTES).map_err(|e| e.to_string())?
    } else {
        bytes
    };
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    let (text, _) = crate::ingest::decode_page(&bytes, None).map_err(|e| e.to_string())?;
    Ok(text.into_owned())
}

/// Reader text: title, byline, date, then the body paragraphs.
pub fn reader_text(page: &newsparse_html::Page) -> String {
    let mut parts = Vec::new();
    if let Some(t) = &page.title {
        parts.push(t.clone());
    }
    if !page.authors.is_empty() {
        parts.push(format!("By {}", newsparse_html::join_names(&page.authors)));
    }
    if let Some(d) = &page.published {
        parts.push(d.iso());
    }
    parts.push(page.body.join("\n\n"));
    parts.join("\n\n")
}

pub fn run(opts: &TextOptions) -> i32 {
    let paths = page_paths(&opts.inputs);
    let results: Vec<Result<String, String>> = paths
        .par_iter()
        .map(|path| {
            let html = read_page(path)?;
            // A page that crashes the extractor is one error, not the end of the batch.
            let page = std::panic::catch_unwind(|| newsparse_html::render(&html))
                .map_err(|_| "internal error: the extractor crashed on this page".to_string())?
                .map_err(|e| e.to_string())?;
            Ok(match &opts.jsonl {
                Some(_) => {
                    let line = PageLine {
                        path: &path.to_string_lossy(),
                        url: page.url.as_deref(),
                        title: page.title.as_deref(),
                        byline: &page.authors,
                        published: page.published.map(|d| d.iso()),
                        body: page.body.join("\n\n"),
                    };
                    serde_json::to_string(&line).expect("a page line serializes")
                }
                None => reader_text(&page),
            })
        })
        .collect();
    let mut out: Box<dyn Write> = match opts.jsonl.as_deref() {
        Some(p) if p != Path::new("-") => match std::fs::File::create(p) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                crate::say!(
                    "error: {}: cannot write: {}",
                    p.display(),
                    crate::ingest::io_reason(&e)
                );
                return 2;
            }
        },
        _ => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut failed = 0;
    let mut first = true;
    for (path, r) in paths.iter().zip(results) {
        match r {
            Ok(s) => {
                let w = if opts.jsonl.is_some() {
                    writeln!(out, "{s}")
                } else {
                    let sep = if first { "" } else { "\n\n" };
                    first = false;
                    writeln!(out, "{sep}{s}")
                };
                if let Err(e) = w {
                    crate::say!(
                        "error: output: cannot write: {}",
                        crate::ingest::io_reason(&e)
                    );
                    return 1;
                }
            }
            Err(e) => {
                failed += 1;
                crate::say!("error: {}: {e}", path.display());
            }
        }
    }
    if let Err(e) = out.flush() {
        crate::say!(
            "error: output: cannot write: {}",
            crate::ingest::io_reason(&e)
        );
        return 1;
    }
    i32::from(failed > 0)
}
