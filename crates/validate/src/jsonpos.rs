//! Where values sit in a JSON text, by JSON pointer, and byte offsets as
//! line:column.
//!
//! Written by hand because neither serde_json nor the JSON Schema validators
//! keep source positions of values, and no common crate maps a JSON pointer
//! back to a position in the text. The scanner runs only on text serde_json has
//! already accepted, so it does not re-check the grammar.

use std::borrow::Cow;
use std::collections::HashMap;

/// Byte offsets of one value: where the value starts, and where its member
/// name starts when it is an object member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub value: usize,
    pub key: Option<usize>,
}

/// The position of every value of one JSON text, by JSON pointer.
#[derive(Debug, Default)]
pub struct Positions {
    by_pointer: HashMap<String, Located>,
}

impl Positions {
    /// Scan `text` (valid JSON) and note where each value starts.
    pub fn scan(text: &str) -> Positions {
        let mut scanner = Scanner {
            bytes: text.as_bytes(),
            at: 0,
            found: HashMap::new(),
        };
        let mut pointer = String::new();
        scanner.value(&mut pointer, None);
        Positions {
            by_pointer: scanner.found,
        }
    }

    /// Where the value at `pointer` starts, if the text has it.
    pub fn get(&self, pointer: &str) -> Option<Located> {
        self.by_pointer.get(pointer).copied()
    }

    /// Where the value at `pointer` starts or, when the text has no such value
    /// (a missing member), where its nearest enclosing value starts.
    pub fn nearest(&self, pointer: &str) -> Located {
        let mut p = pointer;
        loop {
            if let Some(found) = self.get(p) {
                return found;
            }
            match p.rfind('/') {
                Some(cut) => p = &p[..cut],
                None => {
                    return Located {
                        value: 0,
                        key: None,
                    }
                }
            }
        }
    }
}

/// One segment of a JSON pointer, escaped (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn escape_segment(segment: &str) -> Cow<'_, str> {
    if segment.contains(['~', '/']) {
        Cow::Owned(segment.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(segment)
    }
}

struct Scanner<'t> {
    bytes: &'t [u8],
    at: usize,
    found: HashMap<String, Located>,
}

impl<'t> Scanner<'t> {
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn value(&mut self, pointer: &mut String, key: Option<usize>) {
        self.skip_whitespace();
        self.found.insert(
            pointer.clone(),
            Located {
                value: self.at,
                key,
            },
        );
        match self.bytes.get(self.at) {
            Some(b'{') => self.object(pointer),
            Some(b'[') => self.array(pointer),
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while let Some(b) = self.bytes.get(self.at) {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.at += 1;
                }
            }
            None => {}
        }
    }

    fn object(&mut self, pointer: &mut String) {
        self.at += 1; // '{'
        loop {
            self.skip_whitespace();
            match self.bytes.get(self.at) {
                Some(b'"') => {}
                Some(b',') => {
                    self.at += 1;
                    continue;
                }
                Some(b'}') => {
                    self.at += 1;
                    return;
                }
                _ => return,
            }
            let key_at = self.at;
            let raw = self.string();
            let name = unescape(raw);
            self.skip_whitespace();
            if self.bytes.get(self.at) == Some(&b':') {
                self.at += 1;
            }
            let len = pointer.len();
            pointer.push('/');
            pointer.push_str(&escape_segment(&name));
            self.value(pointer, Some(key_at));
            pointer.truncate(len);
        }
    }

    fn array(&mut self, pointer: &mut String) {
        self.at += 1; // '['
        let mut index = 0usize;
        loop {
            self.skip_whitespace();
            match self.bytes.get(self.at) {
                Some(b',') => {
                    self.at += 1;
                    continue;
                }
                Some(b']') => {
                    self.at += 1;
                    return;
                }
                None => return,
                Some(_) => {}
            }
            let len = pointer.len();
            pointer.push('/');
            pointer.push_str(&index.to_string());
            self.value(pointer, None);
            pointer.truncate(len);
            index += 1;
        }
    }

    /// Skip a string starting at its opening quote; returns it with its quotes.
    fn string(&mut self) -> &'t str {
        let start = self.at;
        self.at += 1;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            match b {
                b'\\' => self.at += 1,
                b'"' => break,
                _ => {}
            }
        }
        let bytes: &'t [u8] = self.bytes;
        let end = self.at.min(bytes.len());
        // Both ends are ASCII quotes (or the end of the text), so char boundaries.
        std::str::from_utf8(&bytes[start..end]).unwrap_or("\"\"")
    }
}

/// A quoted JSON string literal's value.
fn unescape(literal: &str) -> Cow<'_, str> {
    if literal.contains('\\') {
        match serde_json::from_str::<String>(literal) {
            Ok(s) => Cow::Owned(s),
            Err(_) => Cow::Borrowed(literal.trim_matches('"')),
        }
    } else {
        Cow::Borrowed(literal.trim_matches('"'))
    }
}

/// Turns byte offsets of one text into 1-based line and column numbers;
/// columns count Unicode code points, as editors do.
pub struct LineIndex<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(starts_after_newlines(text.as_bytes()));
        LineIndex { text, line_starts }
    }

    /// 1-based (line, column) of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        (
            line + 1,
            column_of(self.text, self.line_starts[line], offset),
        )
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }
}

fn starts_after_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

/// 1-based code-point column of byte `offset` in the line starting at `line_start`.
pub fn column_of(text: &str, line_start: usize, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    text[line_start..offset].chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_and_keys_by_pointer() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c/d\": null, \"e~\\\"\": 2\n}";
        let p = Positions::scan(text);
        assert_eq!(p.get("").unwrap().value, 0);
        let a = p.get("/a").unwrap();
        assert_eq!(&text[a.key.unwrap()..a.key.unwrap() + 3], "\"a\"");
        assert_eq!(&text[a.value..a.value + 1], "[");
        assert_eq!(&text[p.get("/a/0").unwrap().value..][..1], "1");
        assert_eq!(&text[p.get("/a/1/b").unwrap().value..][..3], "\"x\"");
        assert_eq!(&text[p.get("/c~1d").unwrap().value..][..4], "null");
        assert_eq!(&text[p.get("/e~0\"").unwrap().value..][..1], "2");
        assert!(p.get("/a/2").is_none());
        assert_eq!(p.nearest("/a/1/zz"), p.get("/a/1").unwrap());
    }

    #[test]
    fn line_and_column_count_code_points() {
        let text = "ab\n\u{e9}\u{e9}x\r\nlast";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_col(0), (1, 1));
        assert_eq!(lines.line_col(1), (1, 2));
        assert_eq!(lines.line_col(3), (2, 1));
        // 'x' follows two 2-byte characters.
        assert_eq!(lines.line_col(7), (2, 3));
        assert_eq!(lines.line_col(text.len()), (3, 5));
        assert_eq!(lines.line_start(3), text.len() - 4);
    }

    #[test]
    fn escapes_pointer_segments() {
        assert_eq!(escape_segment("a/b~c"), "a~1b~0c");
        assert_eq!(escape_segment("plain"), "plain");
    }
}
