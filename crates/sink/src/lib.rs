//! File sinks: atomic record files, the ordered JSONL stream, `errors.jsonl`.
//!
//! Every file is written to a temporary file in the same directory and then
//! renamed over the target, so an interrupted run never leaves a half-written
//! record: a reader sees the old file, the new one, or none.

/// `eprintln!` that never panics: a closed or full stderr (`2>/dev/full`)
/// loses the message but not the run (its exit status still tells).
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Temporary files are named `.newsparse-PID-XXXXXX.tmp`: the process id
/// tells a later run which ones a killed run left behind.
fn temp_prefix() -> String {
    format!(".newsparse-{}-", std::process::id())
}

/// Remove the temporary files that runs killed before they could clean up
/// (SIGKILL, power loss) left in `dir` (and below it when `recursive`):
/// those whose process is gone. A live run's files are left alone. Linux
/// only (it asks /proc); elsewhere nothing is removed. Returns how many.
pub fn remove_stale_temps(dir: &Path, recursive: bool) -> usize {
    if !cfg!(target_os = "linux") {
        return 0;
    }
    let own = std::process::id().to_string();
    let walk = walkdir::WalkDir::new(dir).max_depth(if recursive { usize::MAX } else { 1 });
    let mut removed = 0;
    for entry in walk.into_iter().filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy();
        let Some(pid) = name
            .strip_prefix(".newsparse-")
            .filter(|_| name.ends_with(".tmp"))
            .and_then(|rest| rest.split_once('-'))
            .map(|(pid, _)| pid)
            .filter(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        if pid != own
            && entry.file_type().is_file()
            && !Path::new("/proc").join(pid).exists()
            && fs::remove_file(entry.path()).is_ok()
        {
            tracing::debug!("removed {} (left by a killed run)", entry.path().display());
            removed += 1;
        }
    }
    removed
}

/// The directory a file `path` is in (`.` for a bare name).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A temporary file beside `path` (same directory, so the rename is atomic).
fn temp_beside(path: &Path) -> io::Result<NamedTempFile> {
    let dir = parent_dir(path);
    fs::create_dir_all(dir)?;
    let prefix = temp_prefix();
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
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

    /// Open the JSONL output before any work starts: a directory, a path
    /// under a regular file or an unwritable directory fails here, not after
    /// the batch.
    pub fn create(path: &Path) -> io::Result<JsonlSink> {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    "is a directory, not a file",
                ))
            }
            Ok(m) if !m.is_file() => {
                let file = std::fs::OpenOptions::new().write(true).open(path)?;
                return Ok(JsonlSink::Special(BufWriter::new(file)));
            }
            _ => {}
        }
        Ok(JsonlSink::File {
            out: BufWriter::new(temp_beside(path)?),
            path: path.to_path_buf(),
        })
    }

    /// Append one record (compact JSON, no newline inside) and a newline.
    /// On stdout or a device the line is flushed at once, so `Ok` means it
    /// reached its destination (a full disk or a closed pipe shows here, on
    /// the first record it hits); a file's lines reach it at `finish`.
    pub fn write_line(&mut self, json: &str) -> io::Result<()> {
        let (out, flush): (&mut dyn Write, bool) = match self {
            JsonlSink::Stdout(w) => (w, true),
            JsonlSink::File { out, .. } => (out, false),
            JsonlSink::Special(w) => (w, true),
        };
        out.write_all(json.as_bytes())?;
        out.write_all(b"\n")?;
        if flush {
            out.flush()?;
        }
        Ok(())
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
                // A full disk can show only when the data is written back.
                tmp.as_file().sync_data()?;
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

/// Whether a failed write will fail for every other file too (a full disk,
/// a read-only file system, an exceeded quota), so the run should stop with
/// one line rather than fail each remaining input alone.
pub fn hits_every_file(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::StorageFull
            | io::ErrorKind::ReadOnlyFilesystem
            | io::ErrorKind::QuotaExceeded
    )
}

/// Check, before any work starts, that new files can be made in `dir`:
/// create it, then write a small temporary file there (removed at once).
/// Catches a path under a regular file, a read-only file system and, for
/// users other than root, a directory without write permission.
pub fn probe_dir(dir: &Path) -> io::Result<()> {
    if fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
        return Err(io::Error::new(
            io::ErrorKind::NotADirectory,
            "is a file, not a directory",
        ));
    }
    fs::create_dir_all(dir)?;
    let mut probe = tempfile::Builder::new()
        .prefix(&temp_prefix())
        .suffix(".tmp")
        .tempfile_in(dir)?;
    probe.write_all(b"newsparse\n")?;
    probe.flush()
}

/// Check, before any work starts, that the failure list can be written at
/// `path`: not a directory, and an existing file is readable (its earlier
/// failures are carried over).
pub fn probe_errors_file(path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory, not a file",
        )),
        Ok(_) => fs::read(path).map(drop),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Update the failure list at `path`: this run's failures (in input order),
/// then the entries of an earlier run's list whose inputs this run did not
/// settle (`settled` says which: those that got a record, were already
/// stored or failed again, and those gone from a directory this run read),
/// so a clean run of other inputs into the same directory does not erase
/// the record of failures nobody fixed. The file is removed when nothing is
/// left. Returns how many earlier entries were kept.
pub fn update_errors(
    path: &Path,
    failures: &[FailedInput],
    settled: &dyn Fn(&str) -> bool,
) -> io::Result<usize> {
    let mut text = String::new();
    for f in failures {
        text.push_str(&serde_json::to_string(f).map_err(io::Error::other)?);
        text.push('\n');
    }
    let earlier = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let mut kept = 0;
    for line in earlier.lines().filter(|l| !l.trim().is_empty()) {
        // A line that is not ours is kept as it is: we cannot tell it is fixed.
        let done = serde_json::from_str::<FailedInput>(line).is_ok_and(|f| settled(&f.path));
        if !done {
            text.push_str(line);
            text.push('\n');
            kept += 1;
        }
    }
    if text.is_empty() {
        return match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(0),
        };
    }
    write_atomic(path, text.as_bytes())?;
    Ok(kept)
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

    fn failed(path: &str) -> FailedInput {
        FailedInput {
            path: path.into(),
            error: "empty file (no text)".into(),
        }
    }

    #[test]
    fn errors_file_is_written_then_removed_when_fixed() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("errors.jsonl");
        let failures = [failed("in/a.txt")];
        let none = |_: &str| false;
        assert_eq!(update_errors(&p, &failures, &none).unwrap(), 0);
        let line = fs::read_to_string(&p).unwrap();
        let back: FailedInput = serde_json::from_str(line.trim_end()).unwrap();
        assert_eq!(back, failures[0]);
        let fixed = |p: &str| p == "in/a.txt";
        assert_eq!(update_errors(&p, &[], &fixed).unwrap(), 0);
        assert!(!p.exists());
        update_errors(&p, &[], &fixed).unwrap();
    }

    #[test]
    fn earlier_failures_of_other_inputs_are_kept() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("errors.jsonl");
        update_errors(&p, &[failed("a.txt"), failed("b.txt")], &|_| false).unwrap();
        fs::write(&p, format!("{}not json\n", fs::read_to_string(&p).unwrap())).unwrap();
        // A clean run over b.txt and c.txt: b is fixed, a and the foreign line stay.
        let settled = |p: &str| ["b.txt", "c.txt"].contains(&p);
        assert_eq!(update_errors(&p, &[], &settled).unwrap(), 2);
        let text = fs::read_to_string(&p).unwrap();
        assert!(
            text.contains("\"a.txt\"") && !text.contains("\"b.txt\""),
            "{text}"
        );
        assert!(text.ends_with("not json\n"), "{text}");
        // A run where c.txt fails: its failure comes first, a's stays.
        update_errors(&p, &[failed("c.txt")], &settled).unwrap();
        let text = fs::read_to_string(&p).unwrap();
        assert!(text.starts_with("{\"path\":\"c.txt\""), "{text}");
        assert!(text.contains("\"a.txt\""), "{text}");
    }

    #[test]
    fn unusable_outputs_are_found_before_work() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("plain");
        fs::write(&file, "x").unwrap();
        assert!(probe_dir(&file.join("sub")).is_err(), "a path under a file");
        assert!(probe_dir(&file).is_err(), "a file given as the directory");
        probe_dir(&d.path().join("new/dir")).unwrap();
        assert_eq!(fs::read_dir(d.path().join("new/dir")).unwrap().count(), 0);
        let e = JsonlSink::create(d.path()).err().expect("a directory");
        assert!(e.to_string().contains("is a directory"), "{e}");
        assert!(probe_errors_file(d.path()).is_err());
        assert!(probe_errors_file(&file).is_ok());
        assert!(probe_errors_file(&d.path().join("none")).is_ok());
    }

    #[test]
    fn temporary_files_of_dead_runs_are_removed_and_others_kept() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("sub")).unwrap();
        // PID 0 is never a process with a /proc entry; our own is alive.
        let dead = d.path().join("sub/.newsparse-0-abc123.tmp");
        let own = d
            .path()
            .join(format!(".newsparse-{}-abc.tmp", std::process::id()));
        let live = d.path().join(".newsparse-1-abc.tmp"); // init
        let other = d.path().join(".newsparse-x.tmp");
        for p in [&dead, &own, &live, &other] {
            fs::write(p, "partial").unwrap();
        }
        assert_eq!(
            remove_stale_temps(d.path(), false),
            0,
            "sub/ is not searched"
        );
        assert_eq!(remove_stale_temps(d.path(), true), 1);
        assert!(!dead.exists());
        assert!(own.exists() && live.exists() && other.exists());
    }

    #[test]
    fn a_full_device_fails_on_the_first_line() {
        let mut sink = JsonlSink::create(Path::new("/dev/full")).unwrap();
        let e = sink.write_line("{}").unwrap_err();
        assert_eq!(e.raw_os_error(), Some(28), "ENOSPC: {e}");
    }
}
