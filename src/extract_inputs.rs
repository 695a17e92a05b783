//! Finding the inputs of `newsparse extract` and naming their outputs.
//!
//! Arguments are files, directories (searched recursively for `*.txt`,
//! `*.html`, `*.htm`, `*.html.gz`, `*.htm.gz`, `*.warc` and `*.warc.gz`) or
//! `-` for stdin. Each input's output path mirrors its path relative to the
//! directory it was found in (a plain file argument gives `<stem>.json`; a
//! `.gz` suffix is dropped first, and a WARC file's records go in a
//! directory named after it: `crawl.warc.gz` → `crawl/00003.json`); when two
//! inputs would get the same output path, the colliding ones take more of
//! their parent directories until the names differ.

pub use crate::ingest::format_by_name;
use crate::ingest::Format;
use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    File(PathBuf),
    Stdin,
}

/// One entry of the batch, in the order the inputs were given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// An input to read. `path` is what the record's `source.path` shows:
    /// the argument as given, a directory argument joined with the file's
    /// relative path, or `-` for stdin.
    Read {
        path: String,
        source: InputSource,
        /// Output path relative to the output directory, ending in `.json`
        /// (for a WARC file, the records go in this path without `.json`).
        output: PathBuf,
        /// The format its name says (`None`: an unknown name or stdin,
        /// sniffed from its first bytes unless `--format` says).
        format: Option<Format>,
    },
    /// A path that could not become an input (missing, a directory without
    /// `.txt` files, a directory entry that could not be read).
    Failed { path: String, error: String },
}

impl Item {
    pub fn path(&self) -> &str {
        match self {
            Item::Read { path, .. } | Item::Failed { path, .. } => path,
        }
    }
}

/// The name given to the record read from stdin when records go to files.
pub const STDIN_OUTPUT: &str = "stdin.json";

/// Turn command-line arguments into the batch's items, in argument order
/// (directory contents sorted by name so runs are reproducible). The same file
/// reached twice (or `-` given twice) is read once, at its first position.
pub fn discover(args: &[PathBuf]) -> Vec<Item> {
    discover_all(args).items
}

/// What a batch's arguments name.
#[derive(Debug, Default)]
pub struct Discovered {
    pub items: Vec<Item>,
    /// Files inside input directories that are not inputs (a `.md`, a
    /// `.json`…): not read, but counted so that nothing is left silently.
    pub ignored: Vec<String>,
}

/// [`discover`], also listing the files of input directories it leaves out.
pub fn discover_all(args: &[PathBuf]) -> Discovered {
    let mut ignored = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut stdin_seen = false;
    for arg in args {
        let shown = arg.to_string_lossy().into_owned();
        if arg.as_os_str() == "-" {
            if !std::mem::replace(&mut stdin_seen, true) {
                found.push(Found::read(shown, InputSource::Stdin, None, None));
            }
            continue;
        }
        let meta = match std::fs::metadata(arg) {
            Ok(m) => m,
            Err(e) => {
                found.push(Found::failed(shown, crate::ingest::io_reason(&e)));
                continue;
            }
        };
        if !meta.is_dir() {
            // A plain file, or anything else readable (a FIFO, /dev/stdin).
            let canonical = std::fs::canonicalize(arg).ok();
            if canonical.as_ref().is_some_and(|c| !seen.insert(c.clone())) {
                tracing::debug!("{shown}: given twice, read once");
                continue;
            }
            let rel = PathBuf::from(arg.file_name().unwrap_or(arg.as_os_str()));
            found.push(Found::read(
                shown,
                InputSource::File(arg.clone()),
                Some(rel),
                canonical,
            ));
            continue;
        }
        let before = found.len();
        let walk = walkdir::WalkDir::new(arg)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let at = e.path().unwrap_or(arg).to_string_lossy().into_owned();
                    let reason = match e.io_error() {
                        Some(io) => crate::ingest::io_reason(io),
                        None => e.to_string(),
                    };
                    found.push(Found::failed(at, reason));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            if format_by_name(entry.path()).is_none() {
                ignored.push(entry.path().to_string_lossy().into_owned());
                continue;
            }
            let canonical = std::fs::canonicalize(entry.path()).ok();
            if canonical.as_ref().is_some_and(|c| !seen.insert(c.clone())) {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(arg)
                .unwrap_or(entry.path())
                .to_path_buf();
            found.push(Found::read(
                entry.path().to_string_lossy().into_owned(),
                InputSource::File(entry.path().to_path_buf()),
                Some(rel),
                canonical,
            ));
        }
        if found.len() == before {
            found.push(Found::failed(
                shown,
                "directory contains no .txt, .html, .htm or .warc files".to_string(),
            ));
        }
    }
    Discovered {
        items: name_outputs(found),
        ignored,
    }
}

/// An item before its output name is settled.
struct Found {
    path: String,
    source: Option<InputSource>,
    error: String,
    /// Candidate output names, shortest first (each already ends in `.json`).
    candidates: Vec<PathBuf>,
    format: Option<Format>,
}

impl Found {
    fn failed(path: String, error: String) -> Found {
        Found {
            path,
            source: None,
            error,
            candidates: Vec::new(),
            format: None,
        }
    }

    fn read(
        path: String,
        source: InputSource,
        rel: Option<PathBuf>,
        canonical: Option<PathBuf>,
    ) -> Found {
        let format = match &source {
            InputSource::File(p) => format_by_name(p),
            InputSource::Stdin => None,
        };
        let candidates = match rel {
            None => vec![PathBuf::from(STDIN_OUTPUT)],
            Some(rel) => output_candidates(&rel, canonical.as_deref()),
        };
        Found {
            path,
            source: Some(source),
            error: String::new(),
            candidates,
            format,
        }
    }
}

/// `rel` with its extension replaced by `.json`, then ever longer tails of
/// the canonical path (so two different files always end up with different
/// names at the longest candidate).
fn output_candidates(rel: &Path, canonical: Option<&Path>) -> Vec<PathBuf> {
    let rel = normal_parts(rel);
    let mut out = vec![json_name(&rel)];
    if let Some(canonical) = canonical {
        let full = normal_parts(canonical);
        for k in rel.len() + 1..=full.len() {
            out.push(json_name(&full[full.len() - k..]));
        }
    }
    out
}

/// The plain name parts of a path (no root, `.` or `..`), so an output
/// path can never leave the output directory.
fn normal_parts(path: &Path) -> Vec<OsString> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_os_string()),
            _ => None,
        })
        .collect()
}

fn json_name(parts: &[OsString]) -> PathBuf {
    let mut p: PathBuf = parts.iter().collect();
    if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz")) {
        p.set_extension("");
    }
    p.set_extension("json");
    p
}

/// Settle each input's output name: start from the shortest candidate and
/// lengthen the names of every input that collides until none do.
fn name_outputs(found: Vec<Found>) -> Vec<Item> {
    let mut level = vec![0usize; found.len()];
    loop {
        let mut by_name: HashMap<&Path, Vec<usize>> = HashMap::new();
        for (i, f) in found.iter().enumerate() {
            if let Some(c) = f.candidates.get(level[i]) {
                by_name.entry(c.as_path()).or_default().push(i);
            }
        }
        let mut bumped = false;
        for group in by_name.values().filter(|g| g.len() > 1) {
            for &i in group {
                if level[i] + 1 < found[i].candidates.len() {
                    level[i] += 1;
                    bumped = true;
                }
            }
        }
        if !bumped {
            break;
        }
    }
    found
        .into_iter()
        .zip(level)
        .map(|(f, lvl)| match f.source {
            Some(source) => Item::Read {
                path: f.path,
                source,
                output: f.candidates[lvl].clone(),
                format: f.format,
            },
            None => Item::Failed {
                path: f.path,
                error: f.error,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn outputs(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Item::Read { output, .. } => output.to_string_lossy().into_owned(),
                Item::Failed { path, error } => format!("FAILED {path}: {error}"),
            })
            .collect()
    }

    #[test]
    fn directory_outputs_mirror_relative_paths() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("a")).unwrap();
        fs::create_dir_all(d.path().join("b")).unwrap();
        fs::write(d.path().join("a/001.txt"), "x").unwrap();
        fs::write(d.path().join("b/001.txt"), "x").unwrap();
        fs::write(d.path().join("b/notes.md"), "x").unwrap();
        let found = discover_all(&[d.path().to_path_buf()]);
        assert_eq!(outputs(&found.items), ["a/001.json", "b/001.json"]);
        assert_eq!(
            found.ignored,
            [d.path().join("b/notes.md").to_string_lossy()],
            "the .md file is counted as left out"
        );
    }

    #[test]
    fn colliding_file_arguments_take_their_parent_directory() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("a")).unwrap();
        fs::create_dir_all(d.path().join("b")).unwrap();
        fs::write(d.path().join("a/001.txt"), "x").unwrap();
        fs::write(d.path().join("b/001.txt"), "x").unwrap();
        fs::write(d.path().join("b/002.txt"), "x").unwrap();
        let items = discover(&[
            d.path().join("a/001.txt"),
            d.path().join("b/001.txt"),
            d.path().join("b/002.txt"),
        ]);
        assert_eq!(outputs(&items), ["a/001.json", "b/001.json", "002.json"]);
    }

    #[test]
    fn same_file_twice_is_read_once_and_stdin_once() {
        let d = tempfile::tempdir().unwrap();
        fs::write(d.path().join("one.txt"), "x").unwrap();
        let items = discover(&[
            PathBuf::from("-"),
            d.path().to_path_buf(),
            d.path().join("one.txt"),
            PathBuf::from("-"),
        ]);
        assert_eq!(outputs(&items), ["stdin.json", "one.json"]);
        assert_eq!(items[0].path(), "-");
    }

    #[test]
    fn missing_paths_and_empty_directories_are_failures_in_place() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("empty")).unwrap();
        fs::write(d.path().join("x.txt"), "x").unwrap();
        let missing = d.path().join("missing.txt");
        let items = discover(&[
            missing.clone(),
            d.path().join("empty"),
            d.path().join("x.txt"),
        ]);
        let got = outputs(&items);
        assert_eq!(got.len(), 3);
        assert!(
            got[0].ends_with("missing.txt: no such file or directory"),
            "{got:?}"
        );
        assert!(
            got[1].ends_with("empty: directory contains no .txt, .html, .htm or .warc files"),
            "{got:?}"
        );
        assert_eq!(got[2], "x.json");
    }

    #[test]
    fn pages_and_warc_files_are_inputs_beside_text() {
        let d = tempfile::tempdir().unwrap();
        for name in [
            "a.txt",
            "b.html",
            "c.HTM",
            "d.html.gz",
            "e.warc",
            "f.warc.gz",
            "g.txt.gz",
            "h.json",
        ] {
            fs::write(d.path().join(name), "x").unwrap();
        }
        let found = discover_all(&[d.path().to_path_buf()]);
        assert_eq!(
            outputs(&found.items),
            ["a.json", "b.json", "c.json", "d.json", "e.json", "f.json"]
        );
        let formats: Vec<Option<Format>> = found
            .items
            .iter()
            .map(|i| match i {
                Item::Read { format, .. } => *format,
                Item::Failed { .. } => None,
            })
            .collect();
        use Format::*;
        assert_eq!(
            formats,
            [
                Some(Text),
                Some(Html),
                Some(Html),
                Some(Html),
                Some(Warc),
                Some(Warc)
            ]
        );
        assert_eq!(found.ignored.len(), 2, "{:?}", found.ignored);
        assert_eq!(format_by_name(Path::new("page.php")), None);
    }

    #[test]
    fn source_path_joins_directory_argument_and_relative_path() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("sub")).unwrap();
        fs::write(d.path().join("sub/k.TXT"), "x").unwrap();
        let items = discover(&[d.path().to_path_buf()]);
        assert_eq!(
            items[0].path(),
            d.path().join("sub/k.TXT").to_string_lossy()
        );
        assert_eq!(outputs(&items), ["sub/k.json"]);
    }
}
