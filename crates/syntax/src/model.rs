//! The model file: magic, the tagger (its classes, dictionary and
//! weights), the number of parsers and each parser's beam, direction and
//! weights; little-endian, every table in key order.

use crate::parser::Parser;
use crate::tagger::Tagger;

pub const MAGIC: &[u8; 8] = b"NSSYN03\n";

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
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err("not a newsparse syntax model (bad magic)".into());
        }
        let mut r = Reader::new(&bytes[MAGIC.len()..]);
        let tagger = Tagger::read(&mut r)?;
        let count = r.u8()?;
        if count == 0 {
            return Err("no parser in the syntax model".into());
        }
        let parsers = (0..count)
            .map(|_| Parser::read(&mut r))
            .collect::<Result<Vec<_>, _>>()?;
        if !r.done() {
            return Err("trailing bytes after the syntax model".into());
        }
        Ok(Model { tagger, parsers })
    }
}

/// The bytes of a model file.
pub fn write(tagger: &Tagger, parsers: &[Parser]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    tagger.write(&mut out);
    out.push(u8::try_from(parsers.len()).expect("at most 255 parsers"));
    for p in parsers {
        p.write(&mut out);
    }
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
    pub fn done(&self) -> bool {
        self.at == self.b.len()
    }
}
