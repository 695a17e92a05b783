//! Ingest: read an input's bytes and turn them into text, or say why not.

use std::fmt;

/// Default largest input accepted, in bytes.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Why an input could not be turned into a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    Binary,
    NotUtf8 { offset: usize },
    TooLarge { bytes: u64, limit: u64 },
    Unreadable(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "empty file (no text)"),
            InputError::Binary => write!(f, "binary file (contains NUL bytes), not text"),
            InputError::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text (invalid byte at offset {offset})")
            }
            InputError::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "too large: {bytes} bytes, limit is {limit} (see --max-bytes)"
                )
            }
            InputError::Unreadable(why) => write!(f, "cannot read: {why}"),
        }
    }
}

impl std::error::Error for InputError {}

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
    if bytes.contains(&0) {
        return Err(InputError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
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
