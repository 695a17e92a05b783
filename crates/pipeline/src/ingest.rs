//! Ingest: read an input's bytes and turn them into text, or say why not.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// Default largest input accepted, in bytes.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Why an input could not be turned into a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    Binary,
    /// UTF-16 text (it starts with a UTF-16 byte-order mark).
    Utf16,
    NotUtf8 {
        offset: usize,
    },
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// A stream (stdin, a pipe) that went on past the limit; its size is unknown.
    StreamTooLarge {
        limit: u64,
    },
    Unreadable(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "empty file (no text)"),
            InputError::Binary => write!(f, "binary file (contains NUL bytes), not text"),
            InputError::Utf16 => write!(
                f,
                "UTF-16 text, not UTF-8 (convert it first, e.g. with iconv)"
            ),
            InputError::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text (invalid byte at offset {offset})")
            }
            InputError::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "too large: {bytes} bytes, limit is {limit} (see --max-bytes)"
                )
            }
            InputError::StreamTooLarge { limit } => {
                write!(
                    f,
                    "too large: more than {limit} bytes, the limit (see --max-bytes)"
                )
            }
            InputError::Unreadable(why) => write!(f, "cannot read: {why}"),
        }
    }
}

impl std::error::Error for InputError {}

/// Read at most `max_bytes` bytes of a file, or of stdin when `path` is
/// `None`. A larger input is refused without reading all of it.
pub fn read_input(path: Option<&Path>, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let unreadable = |e: std::io::Error| InputError::Unreadable(io_reason(&e));
    let mut bytes = Vec::new();
    match path {
        Some(path) => {
            let file = std::fs::File::open(path).map_err(unreadable)?;
            let meta = file.metadata().map_err(unreadable)?;
            if meta.is_dir() {
                return Err(InputError::Unreadable("is a directory".into()));
            }
            if meta.is_file() && meta.len() > max_bytes {
                return Err(InputError::TooLarge {
                    bytes: meta.len(),
                    limit: max_bytes,
                });
            }
            bytes.reserve(meta.len().min(max_bytes) as usize + 1);
            file.take(max_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(unreadable)?;
        }
        None => {
            std::io::stdin()
                .lock()
                .take(max_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(unreadable)?;
        }
    }
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::StreamTooLarge { limit: max_bytes });
    }
    Ok(bytes)
}

/// A short reason for an I/O error, without Rust's "(os error N)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Decode an input's bytes as UTF-8 text. The text is kept exactly as it was
/// (byte-order mark, CR LF, non-breaking spaces included) so that offsets index
/// the original; the stages treat those characters as whitespace.
pub fn decode(bytes: &[u8], max_bytes: u64) -> Result<&str, InputError> {
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::TooLarge {
            bytes: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(InputError::Utf16);
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    if text.chars().all(newsparse_lang::chars::is_space) {
        return Err(InputError::Empty);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_inputs_with_reasons() {
        assert_eq!(decode(b"", 100), Err(InputError::Empty));
        assert_eq!(decode(b" \n\t\r\n", 100), Err(InputError::Empty));
        assert_eq!(decode("\u{feff}\n".as_bytes(), 100), Err(InputError::Empty));
        assert_eq!(decode(b"ab\0cd", 100), Err(InputError::Binary));
        assert_eq!(decode(b"\xff\xfeT\0i\0", 100), Err(InputError::Utf16));
        assert_eq!(
            decode(b"ok \xa3 15", 100),
            Err(InputError::NotUtf8 { offset: 3 })
        );
        assert!(matches!(
            decode(b"abcdef", 3),
            Err(InputError::TooLarge { bytes: 6, limit: 3 })
        ));
    }

    #[test]
    fn keeps_text_as_is() {
        let t = "\u{feff}Title\r\n\r\nBody\u{a0}text.\r\n";
        assert_eq!(decode(t.as_bytes(), 100), Ok(t));
    }
}
