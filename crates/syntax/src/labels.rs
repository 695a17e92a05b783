//! The label sets: Universal POS tags and Universal Dependencies relations.

macro_rules! label_enum {
    ($(#[$m:meta])* $name:ident { $($v:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($v),*
        }

        impl $name {
            /// Every value, in declaration order (`ALL[x as usize] == x`).
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            pub const COUNT: usize = $name::ALL.len();

            /// The label as UD writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$v => $s),*
                }
            }

            /// The label UD writes as `s`, if it is one of ours.
            pub fn from_ud(s: &str) -> Option<$name> {
                match s {
                    $($s => Some($name::$v),)*
                    _ => None,
                }
            }

            pub(crate) fn from_index(i: usize) -> $name {
                $name::ALL[i]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

label_enum! {
    /// A Universal POS tag (UD v2).
    Upos {
        Adj = "ADJ", Adp = "ADP", Adv = "ADV", Aux = "AUX", Cconj = "CCONJ",
        Det = "DET", Intj = "INTJ", Noun = "NOUN", Num = "NUM", Part = "PART",
        Pron = "PRON", Propn = "PROPN", Punct = "PUNCT", Sconj = "SCONJ",
        Sym = "SYM", Verb = "VERB", X = "X",
    }
}

label_enum! {
    /// A dependency relation: the 37 universal relations of UD v2 and the
    /// English subtypes of EWT and GUM that occur in training (`nsubj:pass`,
    /// `obl:agent`, `nmod:poss`…). Other subtypes are read as their
    /// universal part.
    Deprel {
        Acl = "acl", AclRelcl = "acl:relcl", Advcl = "advcl", AdvclRelcl = "advcl:relcl",
        Advmod = "advmod", Amod = "amod", Appos = "appos", Aux = "aux", AuxPass = "aux:pass",
        Case = "case", Cc = "cc", CcPreconj = "cc:preconj", Ccomp = "ccomp", Clf = "clf",
        Compound = "compound", CompoundPrt = "compound:prt", Conj = "conj", Cop = "cop",
        Csubj = "csubj", CsubjOuter = "csubj:outer", CsubjPass = "csubj:pass", Dep = "dep",
        Det = "det", DetPredet = "det:predet", Discourse = "discourse",
        Dislocated = "dislocated", Expl = "expl", Fixed = "fixed", Flat = "flat",
        Goeswith = "goeswith", Iobj = "iobj", List = "list", Mark = "mark", Nmod = "nmod",
        NmodDesc = "nmod:desc", NmodPoss = "nmod:poss", NmodUnmarked = "nmod:unmarked",
        Nsubj = "nsubj", NsubjOuter = "nsubj:outer", NsubjPass = "nsubj:pass",
        Nummod = "nummod", Obj = "obj", Obl = "obl", OblAgent = "obl:agent",
        OblUnmarked = "obl:unmarked", Orphan = "orphan", Parataxis = "parataxis",
        Punct = "punct", Reparandum = "reparandum", Root = "root", Vocative = "vocative",
        Xcomp = "xcomp",
    }
}

impl Deprel {
    /// The relation for a UD label: ours, else its universal part, else
    /// `dep`.
    pub fn parse_ud(s: &str) -> Deprel {
        Deprel::from_ud(s)
            .or_else(|| Deprel::from_ud(s.split(':').next().unwrap_or(s)))
            .unwrap_or(Deprel::Dep)
    }

    /// The universal part (`nsubj:pass` → `nsubj`), as the CoNLL 2018
    /// shared task's LAS compares.
    pub fn universal(self) -> Deprel {
        let s = self.as_str();
        match s.find(':') {
            Some(i) => Deprel::parse_ud(&s[..i]),
            None => self,
        }
    }

    /// A subject of any kind (`nsubj`, `nsubj:pass`, `csubj`…).
    pub fn is_subject(self) -> bool {
        matches!(self.universal(), Deprel::Nsubj | Deprel::Csubj)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for (i, &u) in Upos::ALL.iter().enumerate() {
            assert_eq!(u as usize, i);
            assert_eq!(Upos::from_ud(u.as_str()), Some(u));
        }
        for (i, &d) in Deprel::ALL.iter().enumerate() {
            assert_eq!(d as usize, i);
            assert_eq!(Deprel::parse_ud(d.as_str()), d);
        }
        assert_eq!(Upos::COUNT, 17);
        assert_eq!(Deprel::parse_ud("nmod:tmod"), Deprel::Nmod);
        assert_eq!(Deprel::parse_ud("weird"), Deprel::Dep);
        assert_eq!(Deprel::NsubjPass.universal(), Deprel::Nsubj);
        assert!(Deprel::CsubjPass.is_subject());
    }
}
