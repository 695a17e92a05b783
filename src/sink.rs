//! File sinks: atomic record files, the ordered JSONL stream, `errors.jsonl`.
//!
//! Every file is written to a temporary file in the same directory and then
//! renamed over the target, so an interrupted run never leaves a half-written
//! record: a reader sees the old file, the new one, or none.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// A temporary file beside `path` (same directory, so the rename is atomic).
fn temp_beside(path: &Path) -> io::Result<NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".newsparse-").suffix(".tmp");
    #[cfg(unix)]
    {
        // NamedTempFile defaults to 0600; records are ordinary output files.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    builder.tempfile_in(dir)
}

/// Write `contents` to `path` atomically, creating parent directories.
/// No fsync: the rename makes the write atomic for readers and against an
/// interrupted process, which is what matters here; syncing every record
/// would cost more than the extraction itself.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(contents)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Where JSONL records go: stdout, or a file that appears (atomically, by
/// rename) only when the run finishes.
pub enum JsonlSink {
    Stdout(BufWriter<io::Stdout>),
    File {
        out: BufWriter<NamedTempFile>,
        path: PathBuf,
    },
    /// A device or pipe (`/dev/null`, a FIFO): written in place, since
    /// renaming a temp file onto it would replace the device.
    Special(BufWriter<std::fs::File>),
}

impl JsonlSink {
    pub fn stdout() -> JsonlSink {
        JsonlSink::Stdout(BufWriter::new(io::stdout()))
    }

    pub fn create(path: &Path) -> io::Result<JsonlSink> {
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = std::fs::OpenOptions::new().write(true).open(path)?;
            return Ok(JsonlSink::Special(BufWriter::new(file)));
        }
        Ok(JsonlSink::File {
            out: BufWriter::new(temp_beside(path)?),
            path: path.to_path_buf(),
        })
    }

    /// Append one record (compact JSON, no newline inside) and a newline.
    pub fn write_line(&mut self, json: &str) -> io::Result<()> {
        let out: &mut dyn Write = match self {
            JsonlSink::Stdout(w) => w,
            JsonlSink::File { out, .. } => out,
            JsonlSink::Special(w) => w,
        };
        out.write_all(json.as_bytes())?;
        out.write_all(b"\n")
    }

    /// Whether the lines go to a temporary file that `finish` renames into
    /// place (rather than straight to stdout or a device).
    pub fn is_file(&self) -> bool {
        matches!(self, JsonlSink::File { .. })
    }

    /// Flush, and for a file, rename it into place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            JsonlSink::Stdout(mut w) => w.flush(),
            JsonlSink::Special(mut w) => w.flush(),
            JsonlSink::File { out, path } => {
                let tmp = out.into_inner().map_err(|e| e.into_error())?;
                tmp.persist(&path).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }
}

/// One failed input, as listed in `errors.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FailedInput {
    pub path: String,
    pub error: String,
}

/// Write the failures to `path` (one JSON object per line, in input order),
/// or, when there are none, remove a stale file left by an earlier run.
pub fn write_errors(path: &Path, failures: &[FailedInput]) -> io::Result<()> {
    if failures.is_empty() {
        return match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    let mut text = String::new();
    for f in failures {
        text.push_str(&serde_json::to_string(f).map_err(io::Error::other)?);
        text.push('\n');
    }
    write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_creates_parents_and_replaces() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("x/y/r.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(d.path().join("x/y")).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn jsonl_to_a_device_writes_in_place() {
        let mut sink = JsonlSink::create(Path::new("/dev/null")).unwrap();
        assert!(matches!(sink, JsonlSink::Special(_)));
        sink.write_line("{}").unwrap();
        sink.finish().unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file(), "/dev/null must stay a device");
    }

    #[test]
    fn jsonl_file_appears_only_when_finished() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("all.jsonl");
        let mut sink = JsonlSink::create(&p).unwrap();
        sink.write_line("{\"a\":1}").unwrap();
        sink.write_line("{\"a\":2}").unwrap();
        assert!(!p.exists());
        sink.finish().unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "{\"a\":1}\n{\"a\":2}\n");
    }

    #[test]
    fn errors_file_is_written_then_removed_when_clean() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("errors.jsonl");
        let failures = [FailedInput {
            path: "in/a.txt".into(),
            error: "empty file (no text)".into(),
        }];
        write_errors(&p, &failures).unwrap();
        let line = fs::read_to_string(&p).unwrap();
        let back: FailedInput = serde_json::from_str(line.trim_end()).unwrap();
        assert_eq!(back, failures[0]);
        write_errors(&p, &[]).unwrap();
        assert!(!p.exists());
        write_errors(&p, &[]).unwrap();
    }
}
