//! Ingest: read an input's bytes and turn them into text, or say why not.
//!
//! Plain text is UTF-8 (strict) unless `--encoding` says otherwise
//! ([`decode_text`]); a page's charset comes from its byte-order mark, the
//! HTTP header, a `<meta>` prescan, or a sniff ([`decode_page`]); gzipped
//! inputs are inflated with a cap ([`gunzip`]); [`sniff_format`] tells text,
//! HTML and WARC apart by their first bytes.

use encoding_rs::Encoding;
use std::borrow::Cow;
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
    /// Compressed input that is corrupt, or larger than the limit once inflated.
    Compressed(newsparse_warc::gzip::InflateError),
    /// Not valid in the encoding `--encoding` named.
    NotInEncoding {
        encoding: &'static str,
    },
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
            InputError::Compressed(e) => write!(f, "gzip: {e}"),
            InputError::NotInEncoding { encoding } => {
                write!(f, "not valid {encoding} text (see --encoding)")
            }
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

/// What an input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Warc,
}

/// The format a file's name says: `.txt` text; `.html`, `.htm` (also
/// gzipped) HTML; `.warc`, `.warc.gz` WARC; other names `None`.
pub fn format_by_name(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let plain = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = Path::new(plain).extension()?.to_str()?;
    match ext {
        "txt" if plain.len() == name.len() => Some(Format::Text),
        "html" | "htm" => Some(Format::Html),
        "warc" => Some(Format::Warc),
        _ => None,
    }
}

/// The format of an input by its first bytes (inflated first when gzipped):
/// a WARC version line, the start of an HTML document, or else text.
pub fn sniff_format(head: &[u8]) -> Format {
    if newsparse_warc::looks_like_warc(head) {
        return Format::Warc;
    }
    if newsparse_warc::gzip::is_gzip(head) {
        let mut inflated = Vec::new();
        let mut reader = std::io::Read::take(newsparse_warc::gzip::reader(head), 1024);
        let _ = std::io::Read::read_to_end(&mut reader, &mut inflated);
        return if newsparse_warc::looks_like_html(&inflated) {
            Format::Html
        } else {
            Format::Text
        };
    }
    if newsparse_warc::looks_like_html(head) {
        Format::Html
    } else {
        Format::Text
    }
}

/// Inflate a gzipped input (every member), refusing more than `max_bytes`
/// of output: a gzip bomb costs `max_bytes` of work, not the machine.
pub fn gunzip(bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>, InputError> {
    newsparse_warc::gzip::gunzip_capped(bytes, max_bytes).map_err(InputError::Compressed)
}

/// How a plain-text input is decoded (`--encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextEncoding {
    /// UTF-8, strict: anything else is an error (the default).
    #[default]
    Utf8,
    /// The named encoding (an encoding_rs label, e.g. `windows-1252`).
    Named(&'static Encoding),
    /// UTF-8 when it is; else the byte-order mark's, else a sniffed guess.
    Auto,
}

impl TextEncoding {
    /// `auto`, or a WHATWG encoding label (`utf-8`, `latin1`, `shift_jis`…).
    pub fn parse(label: &str) -> Result<TextEncoding, String> {
        if label.eq_ignore_ascii_case("auto") {
            return Ok(TextEncoding::Auto);
        }
        match Encoding::for_label(label.trim().as_bytes()) {
            Some(e) if e == encoding_rs::UTF_8 => Ok(TextEncoding::Utf8),
            Some(e) => Ok(TextEncoding::Named(e)),
            None => Err(format!(
                "`{label}` is not an encoding label (e.g. utf-8, windows-1252, iso-8859-2, shift_jis, auto)"
            )),
        }
    }
}

/// Decode a plain-text input. UTF-8 text is kept exactly as it was (see
/// [`decode`]), whatever the setting; other encodings are decoded to UTF-8,
/// and the record's offsets index the decoded text.
pub fn decode_text(
    bytes: &[u8],
    max_bytes: u64,
    encoding: TextEncoding,
) -> Result<Cow<'_, str>, InputError> {
    let named = match encoding {
        TextEncoding::Utf8 => return decode(bytes, max_bytes).map(Cow::Borrowed),
        TextEncoding::Named(e) => e,
        TextEncoding::Auto => match decode(bytes, max_bytes) {
            Ok(text) => return Ok(Cow::Borrowed(text)),
            Err(InputError::NotUtf8 { .. } | InputError::Utf16) => match Encoding::for_bom(bytes) {
                Some((e, _)) => e,
                None => sniff(bytes),
            },
            Err(e) => return Err(e),
        },
    };
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::TooLarge {
            bytes: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    let text = if encoding == TextEncoding::Auto {
        // A guess: what does not fit becomes U+FFFD rather than an error.
        named.decode_with_bom_removal(bytes).0
    } else {
        let bytes = match Encoding::for_bom(bytes) {
            Some((e, n)) if e == named => &bytes[n..],
            _ => bytes,
        };
        named
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or(InputError::NotInEncoding {
                encoding: named.name(),
            })?
    };
    if text.contains('\0') {
        return Err(InputError::Binary);
    }
    if text.chars().all(newsparse_lang::chars::is_space) {
        return Err(InputError::Empty);
    }
    Ok(text)
}

/// chardetng's guess for bytes that are not UTF-8.
fn sniff(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, false)
}

/// Decode an HTML page: its byte-order mark, else the HTTP header's charset
/// (`http_charset`), else a `<meta charset>` or `http-equiv` declaration in
/// its first 4 KiB, else UTF-8 when it is valid, else chardetng's guess.
/// Bytes that do not fit become U+FFFD, as in a browser. Returns the text
/// and the encoding used.
pub fn decode_page<'a>(
    bytes: &'a [u8],
    http_charset: Option<&str>,
) -> Result<(Cow<'a, str>, &'static Encoding), InputError> {
    let encoding = page_encoding(bytes, http_charset);
    let (text, used, _) = encoding.decode(bytes);
    if text.chars().all(newsparse_lang::chars::is_space) {
        return Err(InputError::Empty);
    }
    Ok((text, used))
}

/// The encoding [`decode_page`] uses.
pub fn page_encoding(bytes: &[u8], http_charset: Option<&str>) -> &'static Encoding {
    if let Some((e, _)) = Encoding::for_bom(bytes) {
        return e;
    }
    let declared = http_charset
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(4096)]));
    if let Some(e) = declared {
        // As browsers do: a page cannot declare itself UTF-16 in ASCII.
        return if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else if e == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            e
        };
    }
    if std::str::from_utf8(bytes).is_ok() {
        return encoding_rs::UTF_8;
    }
    sniff(bytes)
}

/// The charset a `<meta>` tag declares: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
pub fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |j| start + j);
        let tag = &head[start..end];
        let tag_lower = &lower[start..end];
        if let Some(label) = attribute(tag, tag_lower, b"charset") {
            if let Some(e) = Encoding::for_label(label.trim_ascii()) {
                return Some(e);
            }
        }
        let is_content_type = attribute(tag, tag_lower, b"http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case(b"content-type"));
        if is_content_type {
            if let Some(content) = attribute(tag, tag_lower, b"content") {
                let content = String::from_utf8_lossy(content);
                if let Some(label) = newsparse_warc::http::charset_param(&content) {
                    if let Some(e) = Encoding::for_label(label.as_bytes()) {
                        return Some(e);
                    }
                }
            }
        }
        from = end;
    }
    None
}

/// The value of attribute `name` in a tag's inside (`tag`, and the same
/// lowercased), quoted or not.
fn attribute<'t>(tag: &'t [u8], lower: &[u8], name: &[u8]) -> Option<&'t [u8]> {
    let mut from = 0;
    while let Some(i) = find(&lower[from..], name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at == 0
            || matches!(
                lower[at - 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'"' | b'\''
            );
        let mut j = at + name.len();
        while j < lower.len() && lower[j].is_ascii_whitespace() {
            j += 1;
        }
        if !before_ok || lower.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while j < lower.len() && lower[j].is_ascii_whitespace() {
            j += 1;
        }
        let (start, end) = match lower.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = lower[j + 1..]
                    .iter()
                    .position(|&b| b == q)
                    .map_or(lower.len(), |k| j + 1 + k);
                (j + 1, end)
            }
            Some(_) => {
                let end = lower[j..]
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b == b';' || b == b'/')
                    .map_or(lower.len(), |k| j + k);
                (j, end)
            }
            None => continue,
        };
        return Some(&tag[start..end]);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
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

    #[test]
    fn text_encodings_named_and_sniffed() {
        // "Café in Zürich" in windows-1252.
        let cp1252 = b"Caf\xe9 in Z\xfcrich opens.";
        let named = TextEncoding::parse("windows-1252").unwrap();
        assert_eq!(
            decode_text(cp1252, 100, named).unwrap(),
            "Café in Zürich opens."
        );
        assert_eq!(
            decode_text(cp1252, 100, TextEncoding::Utf8),
            Err(InputError::NotUtf8 { offset: 3 })
        );
        // UTF-8 stays borrowed, byte for byte, whatever the setting.
        let utf8 = "\u{feff}Café\r\n";
        assert!(matches!(
            decode_text(utf8.as_bytes(), 100, TextEncoding::Auto),
            Ok(Cow::Borrowed(t)) if t == utf8
        ));
        let sjis = encoding_rs::SHIFT_JIS
            .encode("東京の港で新しい船が進水した。市長は喜んだ。")
            .0;
        assert_eq!(
            decode_text(&sjis, 1000, TextEncoding::Auto).unwrap(),
            "東京の港で新しい船が進水した。市長は喜んだ。"
        );
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Tide".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            decode_text(&utf16, 100, TextEncoding::Auto).unwrap(),
            "Tide"
        );
        assert_eq!(
            decode_text(
                b"\x82\xa0\xff\xff",
                100,
                TextEncoding::parse("shift_jis").unwrap()
            ),
            Err(InputError::NotInEncoding {
                encoding: "Shift_JIS"
            })
        );
        assert!(TextEncoding::parse("klingon-8").is_err());
        assert_eq!(TextEncoding::parse("UTF8"), Ok(TextEncoding::Utf8));
    }

    #[test]
    fn page_charsets_in_order_of_authority() {
        let cp = b"<html><head><meta charset=\"windows-1252\"></head><p>Caf\xe9</p>";
        assert_eq!(page_encoding(cp, None), encoding_rs::WINDOWS_1252);
        assert!(decode_page(cp, None).unwrap().0.contains("Café"));
        // The HTTP header wins over the meta tag; the BOM over both.
        assert_eq!(
            page_encoding(cp, Some("iso-8859-2")),
            encoding_rs::ISO_8859_2
        );
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(cp);
        assert_eq!(page_encoding(&bom, Some("iso-8859-2")), encoding_rs::UTF_8);
        let equiv = b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=Shift_JIS'>";
        assert_eq!(meta_charset(equiv), Some(encoding_rs::SHIFT_JIS));
        assert_eq!(meta_charset(b"<meta name=charset content=x>"), None);
        // Undeclared: UTF-8 when valid, else sniffed.
        assert_eq!(
            page_encoding("<p>Zürich</p>".as_bytes(), None),
            encoding_rs::UTF_8
        );
        let sjis = encoding_rs::SHIFT_JIS
            .encode("<p>東京の港で新しい船が進水した。市長は喜んだ。</p>")
            .0;
        assert_eq!(page_encoding(&sjis, None), encoding_rs::SHIFT_JIS);
        assert_eq!(decode_page(b"  \n ", None).unwrap_err(), InputError::Empty);
    }

    #[test]
    fn formats_are_sniffed_from_the_first_bytes() {
        assert_eq!(
            sniff_format(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"),
            Format::Warc
        );
        assert_eq!(sniff_format(b"\n<!DOCTYPE html>\n<html>"), Format::Html);
        assert_eq!(
            sniff_format(b"Harbour reopens\n\nThe harbour"),
            Format::Text
        );
        let gz = {
            use std::io::Write;
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(b"<html><p>x</p></html>").unwrap();
            e.finish().unwrap()
        };
        assert_eq!(sniff_format(&gz), Format::Html);
        assert_eq!(gunzip(&gz, 100).unwrap(), b"<html><p>x</p></html>");
        assert!(matches!(gunzip(&gz, 5), Err(InputError::Compressed(_))));
    }
}
