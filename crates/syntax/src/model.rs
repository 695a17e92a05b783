//! The model file: magic, the tagger (its classes, dictionary and
//! weights), the number of parsers, each parser's beam and direction,
//! then the parsers' weight tables written together
//! (`Frozen::write_set`: their shared keys once); little-endian, every
//! table in key order. Files of the first format (`NSSYN03`, each table
//! apart with whole keys) still read.

use crate::parser::{self, Parser};
use crate::perceptron::Frozen;
use crate::tagger::Tagger;

pub const MAGIC: &[u8; 8] = b"NSSYN04\n";
const MAGIC_V3: &[u8; 8] = b"NSSYN03\n";

pub struct Model {
    pub tagger: Tagger,
    /// One parser, or several whose trees are combined (`ensemble`).
    pub parsers: Vec<Parser>,
}

impl Model {
    pub fn to_bytes(&self) -> Vec<u8> {
        write(&self.tagger, &self.parsers)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        Model::from_bytes_first(bytes, usize::MAX)
    }

    /// The tagger and the first `limit` parsers (at least one); the other
    /// parsers' weights are skipped unread.
    pub fn from_bytes_first(bytes: &[u8], limit: usize) -> Result<Model, String> {
        let magic = bytes.get(..MAGIC.len());
        let v3 = magic == Some(MAGIC_V3);
        if !v3 && magic != Some(MAGIC) {
            return Err("not a newsparse syntax model (bad magic)".into());
        }
        let mut r = Reader::new(&bytes[MAGIC.len()..]);
        let tagger = Tagger::read(&mut r, v3)?;
        let count = r.u8()?;
        if count == 0 {
            return Err("no parser in the syntax model".into());
        }
        let keep = usize::from(count).min(limit.max(1));
        let mut parsers = if v3 {
            (0..count)
                .map(|_| {
                    let (beam, reverse) = Parser::read_head(&mut r)?;
                    Ok(Parser::new(
                        Frozen::read_v3(&mut r, parser::NA)?,
                        beam,
                        reverse,
                    ))
                })
                .collect::<Result<Vec<_>, String>>()?
        } else {
            let heads = (0..count)
                .map(|_| Parser::read_head(&mut r))
                .collect::<Result<Vec<_>, _>>()?;
            let tables = Frozen::read_set(&mut r, &vec![parser::NA; keep])?;
            for _ in keep..heads.len() {
                Frozen::skip(&mut r)?;
            }
            heads
                .into_iter()
                .zip(tables)
                .map(|((beam, reverse), t)| Parser::new(t, beam, reverse))
                .collect()
        };
        parsers.truncate(keep);
        if !r.done() {
            return Err("trailing bytes after the syntax model".into());
        }
        Ok(Model { tagger, parsers })
    }
}

/// The bytes of a model file.
pub fn write(tagger: &Tagger, parsers: &[Parser]) -> Vec<u8> {
    write_after(&head(tagger), parsers)
}

/// A model file's bytes up to its parsers: the magic and the tagger
/// (training writes them once for every epoch's file).
pub fn head(tagger: &Tagger) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    tagger.write(&mut out);
    out
}

/// The bytes of a model file: `head`, then `parsers`.
pub fn write_after(head: &[u8], parsers: &[Parser]) -> Vec<u8> {
    let mut out = head.to_vec();
    out.push(u8::try_from(parsers.len()).expect("at most 255 parsers"));
    for p in parsers {
        p.write_head(&mut out);
    }
    let tables: Vec<&Frozen> = parsers.iter().map(Parser::weights).collect();
    Frozen::write_set(&tables, &mut out);
    out
}

/// A cursor over model bytes.
pub struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(b: &'a [u8]) -> Reader<'a> {
        Reader { b, at: 0 }
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let s = self
            .b
            .get(self.at..self.at + N)
            .ok_or("the syntax model is truncated")?;
        self.at += N;
        Ok(s.try_into().expect("length checked"))
    }

    pub fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take::<1>()?[0])
    }
    pub fn i16(&mut self) -> Result<i16, String> {
        Ok(i16::from_le_bytes(self.take()?))
    }
    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take()?))
    }
    pub fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take()?))
    }
    /// A reading direction byte: 0 in order, 1 reversed; `what` names
    /// it in the error.
    pub fn direction(&mut self, what: &str) -> Result<bool, String> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            d => Err(format!("{what} direction {d} in the syntax model")),
        }
    }

    pub fn done(&self) -> bool {
        self.at == self.b.len()
    }

    /// Where the cursor is (bytes read).
    #[cfg(test)]
    pub fn at(&self) -> usize {
        self.at
    }

    /// Pass over a block unread.
    pub fn skip_block(&mut self) -> Result<(), String> {
        let _len = self.u32()?;
        let zlen = self.u32()? as usize;
        if self.b.len() - self.at < zlen {
            return Err("the syntax model is truncated".into());
        }
        self.at += zlen;
        Ok(())
    }

    /// A block `write_block` made: its length, its deflated length, the
    /// deflated bytes; gives them inflated.
    pub fn block(&mut self) -> Result<Vec<u8>, String> {
        use std::io::Read;
        let len = self.u32()? as usize;
        let zlen = self.u32()? as usize;
        let z = self
            .b
            .get(self.at..self.at.saturating_add(zlen))
            .ok_or("the syntax model is truncated")?;
        self.at += zlen;
        // At most one byte past `len`: a block that inflates to more is
        // caught without inflating it all.
        let mut out = Vec::with_capacity(len.min(1 << 28));
        flate2::read::DeflateDecoder::new(z)
            .take(len as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("a damaged block in the syntax model: {e}"))?;
        if out.len() != len {
            return Err("a block of the syntax model has the wrong length".into());
        }
        Ok(out)
    }
}
