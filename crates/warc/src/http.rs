//! The HTTP response inside a WARC `response` record: status, headers, and
//! the payload after transfer decoding (chunked) and content decoding (gzip,
//! deflate), capped in size.

use crate::gzip;
use std::fmt;

/// A parsed HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    /// Header names as sent, in order.
    pub headers: Vec<(String, String)>,
    /// The payload, chunked transfer and gzip/deflate content coding undone.
    pub body: Vec<u8>,
}

/// Why a `response` record's block is not a usable HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    /// No status line or no end of headers.
    Malformed(String),
    /// Chunked transfer coding that does not parse.
    BadChunks,
    /// A content coding newsparse does not decode (e.g. `br`).
    UnsupportedEncoding(String),
    /// The compressed payload is corrupt or too large once decompressed.
    Inflate(gzip::InflateError),
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Malformed(why) => write!(f, "malformed HTTP response: {why}"),
            HttpError::BadChunks => f.write_str("malformed chunked HTTP body"),
            HttpError::UnsupportedEncoding(e) => {
                write!(f, "unsupported HTTP Content-Encoding `{e}`")
            }
            HttpError::Inflate(e) => write!(f, "HTTP body: {e}"),
        }
    }
}

impl std::error::Error for HttpError {}

impl HttpResponse {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// The media type of `Content-Type`, lowercased, without parameters.
    pub fn mime_type(&self) -> Option<String> {
        let ct = self.header("content-type")?;
        let mime = ct.split(';').next().unwrap_or("").trim();
        (!mime.is_empty()).then(|| mime.to_ascii_lowercase())
    }

    /// The `charset` parameter of `Content-Type`, when given.
    pub fn charset(&self) -> Option<&str> {
        charset_param(self.header("content-type")?)
    }
}

/// The `charset` parameter of a `Content-Type` value (quotes removed).
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
            .filter(|v| !v.is_empty())
    })
}

/// The first header of that name (case-insensitive).
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Parse an HTTP/1.x response and decode its body, refusing a body larger
/// than `max_body` bytes once decoded.
pub fn parse_response(block: &[u8], max_body: u64) -> Result<HttpResponse, HttpError> {
    let head = parse_head(block)?;
    let body = decode_body(&head.headers, &block[head.body_start..], max_body)?;
    Ok(HttpResponse {
        status: head.status,
        headers: head.headers,
        body,
    })
}

/// The status line and headers of a response, and where its body starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body_start: usize,
}

impl Head {
    /// The media type of `Content-Type`, lowercased, without parameters.
    pub fn mime_type(&self) -> Option<String> {
        let ct = header(&self.headers, "content-type")?;
        let mime = ct.split(';').next().unwrap_or("").trim();
        (!mime.is_empty()).then(|| mime.to_ascii_lowercase())
    }
}

/// Parse the status line and headers only (the body is left encoded).
pub fn parse_head(block: &[u8]) -> Result<Head, HttpError> {
    let head_end = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or_else(|| HttpError::Malformed("no end of headers".into()))?;
    let head = String::from_utf8_lossy(&block[..head_end.0]);
    let mut lines = head.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.split_ascii_whitespace();
    let version = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/") {
        return Err(HttpError::Malformed(format!(
            "status line `{}`",
            status_line.chars().take(40).collect::<String>()
        )));
    }
    let status: u16 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| HttpError::Malformed("no status code".into()))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            // An obsolete folded line continues the previous header.
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    Ok(Head {
        status,
        headers,
        body_start: head_end.1,
    })
}

/// Undo a body's transfer coding (chunked) and content coding (gzip,
/// deflate), refusing more than `max_body` bytes.
pub fn decode_body(
    headers: &[(String, String)],
    raw: &[u8],
    max_body: u64,
) -> Result<Vec<u8>, HttpError> {
    let chunked = header(headers, "transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    let mut body = if chunked {
        dechunk(raw, max_body)?
    } else {
        raw.to_vec()
    };
    if let Some(coding) = header(headers, "content-encoding") {
        // Codings are listed in the order applied: undo them last first.
        let codings: Vec<String> = coding
            .split(',')
            .map(|c| c.trim().to_ascii_lowercase())
            .filter(|c| !c.is_empty() && c != "identity")
            .collect();
        for c in codings.iter().rev() {
            body = match c.as_str() {
                // Crawlers often store the payload already decoded but keep
                // the header: bytes that are not gzip are taken as they are.
                "gzip" | "x-gzip" if !gzip::is_gzip(&body) => body,
                "gzip" | "x-gzip" => {
                    gzip::gunzip_capped(&body, max_body).map_err(HttpError::Inflate)?
                }
                "deflate" => match gzip::inflate_capped(&body, max_body) {
                    Ok(b) => b,
                    Err(gzip::InflateError::Corrupt(_)) => body,
                    Err(e) => return Err(HttpError::Inflate(e)),
                },
                other => return Err(HttpError::UnsupportedEncoding(other.to_string())),
            };
        }
    }
    if body.len() as u64 > max_body {
        return Err(HttpError::Inflate(gzip::InflateError::TooLarge {
            limit: max_body,
        }));
    }
    Ok(body)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undo chunked transfer coding. A body cut short after whole chunks keeps
/// what arrived (crawlers truncate long responses); anything else that does
/// not parse is an error.
fn dechunk(mut rest: &[u8], max_body: u64) -> Result<Vec<u8>, HttpError> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = find(rest, b"\n") else {
            return if rest.iter().all(u8::is_ascii_whitespace) {
                Ok(out)
            } else {
                Err(HttpError::BadChunks)
            };
        };
        let line = std::str::from_utf8(&rest[..eol]).map_err(|_| HttpError::BadChunks)?;
        let size_text = line.trim().split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| HttpError::BadChunks)?;
        rest = &rest[eol + 1..];
        if size == 0 {
            return Ok(out);
        }
        if (out.len() + size) as u64 > max_body {
            return Err(HttpError::Inflate(gzip::InflateError::TooLarge {
                limit: max_body,
            }));
        }
        if rest.len() < size {
            return Err(HttpError::BadChunks);
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_headers_and_charset() {
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"Shift_JIS\"\r\nX-Long: a\r\n b\r\n\r\n<p>x</p>",
            100,
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.mime_type().as_deref(), Some("text/html"));
        assert_eq!(r.charset(), Some("Shift_JIS"));
        assert_eq!(r.header("x-long"), Some("a b"));
        assert_eq!(r.body, b"<p>x</p>");
    }

    #[test]
    fn chunked_and_gzip_bodies_are_decoded() {
        let page = b"<html><p>Tarrow ferry</p></html>";
        let gz = crate::gzip::tests_support::gzip(page);
        let mut chunked = Vec::new();
        for part in gz.chunks(7) {
            chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
            chunked.extend_from_slice(part);
            chunked.extend_from_slice(b"\r\n");
        }
        chunked.extend_from_slice(b"0\r\n\r\n");
        let mut block =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        block.extend_from_slice(&chunked);
        assert_eq!(parse_response(&block, 1000).unwrap().body, page);
    }

    #[test]
    fn bad_inputs_are_errors() {
        assert!(matches!(
            parse_response(b"no http here", 100),
            Err(HttpError::Malformed(_))
        ));
        assert_eq!(
            parse_response(
                b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n",
                100
            ),
            Err(HttpError::BadChunks)
        );
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx", 100),
            Err(HttpError::UnsupportedEncoding("br".into()))
        );
        let bomb = crate::gzip::tests_support::gzip(&vec![b' '; 200_000]);
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend_from_slice(&bomb);
        assert!(matches!(
            parse_response(&block, 1000),
            Err(HttpError::Inflate(crate::gzip::InflateError::TooLarge {
                limit: 1000
            }))
        ));
        // Stored already decoded under a gzip header: taken as it is.
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n<p>plain</p>",
            100,
        )
        .unwrap();
        assert_eq!(r.body, b"<p>plain</p>");
    }
}
