//! Reading CoNLL-U: the syntactic words of each sentence (multiword-token
//! ranges `1-2` and empty nodes `1.1` are skipped, as UD evaluation does).

use crate::labels::{Deprel, Upos};

/// One annotated sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub upos: Vec<Upos>,
    /// The language-specific tags (English: Penn Treebank's), `_` if none.
    pub xpos: Vec<String>,
    /// Head of each word: 0 is the root, `i + 1` is `words[i]`.
    pub head: Vec<usize>,
    pub deprel: Vec<Deprel>,
}

impl Sentence {
    /// The sentence read from its last word to its first, its tree the
    /// same.
    pub fn reversed(&self) -> Sentence {
        let n = self.words.len();
        Sentence {
            words: self.words.iter().rev().cloned().collect(),
            upos: self.upos.iter().rev().copied().collect(),
            xpos: self.xpos.iter().rev().cloned().collect(),
            head: self
                .head
                .iter()
                .rev()
                .map(|&h| if h == 0 { 0 } else { n + 1 - h })
                .collect(),
            deprel: self.deprel.iter().rev().copied().collect(),
        }
    }
}

/// Parse CoNLL-U text; `name` is used in error messages.
pub fn parse(text: &str, name: &str) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: vec![],
        upos: vec![],
        xpos: vec![],
        head: vec![],
        deprel: vec![],
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        words: vec![],
                        upos: vec![],
                        xpos: vec![],
                        head: vec![],
                        deprel: vec![],
                    },
                ));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("{name}:{}: expected 10 columns", n + 1));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| format!("{name}:{}: bad id {:?}", n + 1, cols[0]))?;
        if id != cur.words.len() + 1 {
            return Err(format!("{name}:{}: id {id} out of order", n + 1));
        }
        let upos = Upos::from_ud(cols[3]).unwrap_or(Upos::X);
        let head: usize = cols[6]
            .parse()
            .map_err(|_| format!("{name}:{}: bad head {:?}", n + 1, cols[6]))?;
        cur.words.push(cols[1].to_string());
        cur.upos.push(upos);
        cur.xpos.push(cols[4].to_string());
        cur.head.push(head);
        cur.deprel.push(Deprel::parse_ud(cols[7]));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for (i, s) in out.iter().enumerate() {
        if s.head.iter().any(|&h| h > s.words.len()) {
            return Err(format!("{name}: sentence {}: head out of range", i + 1));
        }
    }
    Ok(out)
}

/// Read a CoNLL-U file.
pub fn read(path: &std::path::Path) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_empty_nodes_are_skipped() {
        let text = "# text = Ola's won't.\n\
1-2\tOla's\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tOla\tOla\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n\
2\t's\tbe\tAUX\tVBZ\t_\t4\taux\t_\t_\n\
3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
3.1\twin\t_\t_\t_\t_\t_\t_\t_\t_\n\
4\twon\twin\tVERB\tVBN\t_\t0\troot\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";
        let s = parse(text, "t").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words, ["Ola", "'s", "not", "won", "."]);
        assert_eq!(s[0].head, [4, 4, 4, 0, 4]);
        assert_eq!(s[0].deprel[3], Deprel::Root);
        assert_eq!(s[0].upos[1], Upos::Aux);
        assert_eq!(s[0].xpos[3], "VBN");
        // Read backwards: "." first, its head "won" now word 2.
        let r = s[0].reversed();
        assert_eq!(r.words, [".", "won", "not", "'s", "Ola"]);
        assert_eq!(r.head, [2, 0, 2, 2, 2]);
        assert_eq!(r.xpos[1], "VBN");
        assert_eq!(r.reversed(), s[0]);
    }
}
