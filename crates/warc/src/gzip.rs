//! Gzip and deflate decompression that stops at a size cap (a gzip bomb
//! costs the time to inflate `cap` bytes, never the memory of the whole).

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use std::fmt;
use std::io::{BufRead, Read};

/// Why compressed bytes could not be inflated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InflateError {
    /// More than `limit` bytes once decompressed.
    TooLarge { limit: u64 },
    /// Not valid compressed data, or cut short.
    Corrupt(String),
}

impl fmt::Display for InflateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InflateError::TooLarge { limit } => write!(
                f,
                "decompresses to more than {limit} bytes, the limit (see --max-bytes)"
            ),
            InflateError::Corrupt(why) => write!(f, "corrupt compressed data: {why}"),
        }
    }
}

impl std::error::Error for InflateError {}

/// Whether bytes start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// A reader inflating every gzip member of `bytes` (no cap: take what you need).
pub fn reader(bytes: &[u8]) -> impl Read + '_ {
    MultiGzDecoder::new(bytes)
}

/// Inflate every gzip member of `bytes`, refusing more than `limit` bytes of output.
pub fn gunzip_capped(bytes: &[u8], limit: u64) -> Result<Vec<u8>, InflateError> {
    read_capped(MultiGzDecoder::new(bytes), limit)
}

/// Inflate HTTP `deflate` content: zlib-wrapped as the standard says, or raw
/// deflate as some servers send it.
pub fn inflate_capped(bytes: &[u8], limit: u64) -> Result<Vec<u8>, InflateError> {
    let zlib_header = bytes.len() >= 2
        && bytes[0] & 0x0f == 8
        && (u16::from(bytes[0]) << 8 | u16::from(bytes[1])) % 31 == 0;
    if zlib_header {
        read_capped(ZlibDecoder::new(bytes), limit)
    } else {
        read_capped(DeflateDecoder::new(bytes), limit)
    }
}

/// The inflated bytes of gzip members one after another, as one stream. A
/// member that is corrupt or cut short gives one [`MemberError`] (an
/// `InvalidData` I/O error), after which reading goes on at the next member
/// (the next gzip magic number in the input), so one bad member of a
/// `.warc.gz` costs the records in it, not the rest of the file.
pub struct Members<R: BufRead> {
    input: Option<R>,
    member: Option<flate2::bufread::GzDecoder<R>>,
    /// Whether the current member gave any bytes (then a failure at its
    /// end, a bad checksum, leaves the input at the next member's header).
    produced: bool,
}

/// A gzip member that could not be inflated (reading goes on after it).
#[derive(Debug)]
pub struct MemberError(pub String);

impl fmt::Display for MemberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MemberError {}

impl<R: BufRead> Members<R> {
    pub fn new(input: R) -> Self {
        Members {
            input: Some(input),
            member: None,
            produced: false,
        }
    }
}

/// Consume input up to the next gzip member header (`1f 8b 08`), or to the
/// end; with `here`, a header right at the start counts.
fn skip_to_member(input: &mut impl BufRead, here: bool) -> std::io::Result<()> {
    let mut first = !here;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        // Unless `here`, the first byte is where the bad member started:
        // a header further on is looked for.
        let skip = usize::from(std::mem::take(&mut first));
        let found = buf
            .windows(3)
            .skip(skip)
            .position(|w| w == [0x1f, 0x8b, 0x08])
            .map(|i| i + skip);
        match found {
            Some(i) => {
                input.consume(i);
                return Ok(());
            }
            // Keep the last two bytes: a header may straddle the buffer.
            None if buf.len() > 2 => {
                let n = buf.len() - 2;
                input.consume(n);
            }
            None => {
                let n = buf.len();
                input.consume(n);
                if input.fill_buf()?.is_empty() {
                    return Ok(());
                }
            }
        }
    }
}

impl<R: BufRead> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let Some(member) = &mut self.member else {
                let Some(mut input) = self.input.take() else {
                    return Ok(0);
                };
                if input.fill_buf()?.is_empty() {
                    return Ok(0);
                }
                self.member = Some(flate2::bufread::GzDecoder::new(input));
                self.produced = false;
                continue;
            };
            match member.read(buf) {
                Ok(0) if !buf.is_empty() => {
                    // The member ended; the next one (or the end) follows.
                    self.input = self.member.take().map(|m| m.into_inner());
                }
                Ok(n) => {
                    self.produced |= n > 0;
                    return Ok(n);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let mut input = self.member.take().map(|m| m.into_inner());
                    if let Some(input) = &mut input {
                        skip_to_member(input, self.produced)?;
                    }
                    self.input = input;
                    let why = if e.kind() == std::io::ErrorKind::UnexpectedEof {
                        "a gzip member is cut short (truncated file)".to_string()
                    } else {
                        format!("corrupt gzip member: {e}")
                    };
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        MemberError(why),
                    ));
                }
            }
        }
    }
}

fn read_capped(reader: impl Read, limit: u64) -> Result<Vec<u8>, InflateError> {
    let mut out = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| InflateError::Corrupt(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(InflateError::TooLarge { limit });
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests_support {
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    /// One gzip member holding `bytes`.
    pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::gzip;
    use super::*;
    use flate2::Compression;
    use std::io::Write;

    #[test]
    fn inflates_within_the_cap_and_refuses_a_bomb() {
        let page = b"<p>The quay at Lornhaven.</p>".repeat(10);
        assert_eq!(gunzip_capped(&gzip(&page), 1000).unwrap(), page);
        let bomb = gzip(&vec![b'a'; 5_000_000]);
        assert!(bomb.len() < 10_000, "a real bomb: {} bytes", bomb.len());
        assert_eq!(
            gunzip_capped(&bomb, 1_000_000),
            Err(InflateError::TooLarge { limit: 1_000_000 })
        );
    }

    #[test]
    fn truncated_gzip_is_corrupt() {
        let g = gzip(b"Some words about the Ferrow valley, more than once. Some words.");
        assert!(matches!(
            gunzip_capped(&g[..g.len() - 6], 1000),
            Err(InflateError::Corrupt(_))
        ));
    }

    #[test]
    fn deflate_comes_zlib_wrapped_or_raw() {
        let text = b"Harbour news from Skelby".repeat(4);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), Compression::default());
        z.write_all(&text).unwrap();
        assert_eq!(inflate_capped(&z.finish().unwrap(), 1000).unwrap(), text);
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), Compression::default());
        d.write_all(&text).unwrap();
        assert_eq!(inflate_capped(&d.finish().unwrap(), 1000).unwrap(), text);
    }
}
