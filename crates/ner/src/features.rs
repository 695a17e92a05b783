//! Token normalization and the feature templates of the tagger.
//!
//! Features are 64-bit hashes of (template, values…): no strings are built
//! per feature, and the same code serves training and tagging.

use crate::hash::{finalize, hash_bytes, hash_str, mix, BuildPassThrough, HashedMap};
use crate::lexicon;

/// Bump when templates change: a model file records the version it was
/// trained with and is refused by code with another.
pub const FEATURE_VERSION: u32 = 12;

/// Number of tags: O, then Begin, Inside, Last and Unit (BILOU) for each of
/// the four types. BILOU rather than BIO lets the weights tell a chunk's
/// last word ("Corp", "Council") and a one-word name apart from the others.
pub const NT: usize = 17;
pub const TYPE_NAMES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Position of a tag in its chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkPos {
    Begin = 0,
    Inside = 1,
    Last = 2,
    Unit = 3,
}

/// Tag index of type `ty` (0..4) at chunk position `pos`.
pub const fn chunk_tag(ty: usize, pos: ChunkPos) -> usize {
    1 + 4 * ty + pos as usize
}

/// Entity type index (0..4) of a non-O tag.
pub const fn tag_type(tag: usize) -> Option<usize> {
    if tag > 0 {
        Some((tag - 1) / 4)
    } else {
        None
    }
}

/// Chunk position (0 Begin … 3 Unit) of a non-O tag; 4 for O.
const fn tag_pos(tag: usize) -> usize {
    if tag > 0 {
        (tag - 1) % 4
    } else {
        4
    }
}

/// Whether the tag continues a chunk begun before it (Inside or Last).
pub const fn continues_chunk(tag: usize) -> bool {
    matches!(tag_pos(tag), 1 | 2)
}

/// Whether the chunk goes on after this tag (Begin or Inside).
pub const fn chunk_goes_on(tag: usize) -> bool {
    matches!(tag_pos(tag), 0 | 1)
}

/// Whether `cur` may follow `prev` (`None` = sentence start) in BILOU.
pub const fn allowed(prev: Option<usize>, cur: usize) -> bool {
    let open = match prev {
        Some(p) if chunk_goes_on(p) => Some(p),
        _ => None,
    };
    match open {
        Some(p) => continues_chunk(cur) && (p - 1) / 4 == (cur - 1) / 4,
        None => !continues_chunk(cur),
    }
}

/// Whether a sentence may end with `tag` (no chunk left open).
pub const fn allowed_last(tag: usize) -> bool {
    !chunk_goes_on(tag)
}

/// BILOU tags of a sentence's chunks `(start, end, type)`; `n` tokens.
pub fn encode_chunks(n: usize, chunks: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut tags = vec![0; n];
    for &(s, e, ty) in chunks {
        if e - s == 1 {
            tags[s] = chunk_tag(ty, ChunkPos::Unit);
            continue;
        }
        tags[s] = chunk_tag(ty, ChunkPos::Begin);
        for t in &mut tags[s + 1..e - 1] {
            *t = chunk_tag(ty, ChunkPos::Inside);
        }
        tags[e - 1] = chunk_tag(ty, ChunkPos::Last);
    }
    tags
}

/// The IOB2 name of a tag ("B-PER", "I-PER", "O"), as CoNLL tools read it.
pub fn iob2_name(tag: usize) -> String {
    match tag_type(tag) {
        Some(ty) => {
            let prefix = if continues_chunk(tag) { "I" } else { "B" };
            format!("{prefix}-{}", TYPE_NAMES[ty])
        }
        None => "O".to_string(),
    }
}

pub const NO_CLUSTER: u16 = u16::MAX;

/// Clusterings of the words from different random starts. The model is the
/// sum of as many members, each trained with one clustering's features, so
/// that one clustering's accidents (a name lumped with verbs) are outvoted
/// by the others.
pub const CLUSTER_SETS: usize = 3;

/// What unlabelled text taught about a (lowercased) word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    /// Cluster ids, coarse to fine (each a refinement of the previous), of
    /// each of the `CLUSTER_SETS` clusterings.
    pub clusters: [[u16; 3]; CLUSTER_SETS],
    /// How often the word is capitalized away from a sentence start:
    /// 0 unseen there, 1 almost never … 4 almost always.
    pub cap: u8,
}

/// Word knowledge keyed by the hash of the lowercased, normalized word.
pub type WordTable = HashedMap<WordInfo>;

/// Map typographic punctuation to the ASCII forms CoNLL uses.
#[inline]
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}' | '\u{BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{A0}' | '\u{FEFF}' => ' ',
        _ => c,
    }
}

/// The key form of a word: normalized, lowercased, digits as `0`.
pub fn lower_key(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars().map(normalize_char) {
        if c.is_ascii_digit() {
            out.push('0');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The case-sensitive form of a word: normalized, digits as `0`.
pub fn exact_form(word: &str, out: &mut String) {
    out.clear();
    out.extend(
        word.chars()
            .map(normalize_char)
            .map(|c| if c.is_ascii_digit() { '0' } else { c }),
    );
}

/// The word-table key of a case-sensitive form (given its hash), kept apart
/// from the keys of lowercased forms.
pub fn exact_key(form_hash: u64) -> u64 {
    mix(form_hash, 0xE1)
}

/// Whether a word starts with an uppercase letter.
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Everything the templates read about one token.
#[derive(Debug, Clone, Copy)]
pub struct TokInfo {
    lw: u64,
    exact: u64,
    shape: u64,
    short: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    cl: [[u16; 3]; CLUSTER_SETS],
    /// Clusters of the case-sensitive form.
    xcl: [[u16; 3]; CLUSTER_SETS],
    cap: u8,
    lex: u8,
    /// bit0 initial capital, bit1 no lowercase letter, bit2 has a letter.
    case: u8,
    /// bit0 sentence start, bit1 all-caps sentence.
    sent: u8,
    /// bit0 seen lowercase in the document, bit1 seen capitalized away
    /// from a sentence start in a mixed-case sentence of the document.
    doc: u8,
    /// Known-name matches: bit `type * 3 + k`, k = 0 a one-token name,
    /// 1 the first token of a longer one, 2 a later token.
    gaz: u16,
    /// Whether the word starts or ends longer known names (see `Gazetteer`).
    parts: u8,
}

impl TokInfo {
    pub fn lw_hash(&self) -> u64 {
        self.lw
    }
    pub fn set_name_parts(&mut self, parts: u8) {
        self.parts = parts;
    }
    /// Whether the word starts with a capital (known names must).
    pub fn is_capitalized(&self) -> bool {
        self.case & CASE_INIT != 0
    }
    /// The sentence flags (below [`SENT_FLAGS`]), and what the keys of
    /// `Part::WordSent` depend on as two words: the flags, the word's
    /// capitalization rate, case and short shape, the document's case
    /// memory, and the lowercased form in an all-caps sentence alone (so
    /// most words share their keys with others written alike).
    pub fn word_sent(&self) -> (u8, u64, u64) {
        let small = u64::from(self.sent)
            | u64::from(self.cap) << 8
            | u64::from(self.case) << 16
            | u64::from(self.doc) << 24;
        let lw = if self.sent & SENT_CAPS != 0 {
            self.lw
        } else {
            0
        };
        (self.sent, mix(small, self.short), lw)
    }
}

/// Number of distinct sentence flag values of a token.
pub const SENT_FLAGS: usize = 4;

/// Record that `span` (a token sequence) is a known name of the types in
/// `types` (bit mask). Names must start with a capital letter.
pub fn mark_matches(span: &mut [TokInfo], types: u8) {
    if span[0].case & CASE_INIT == 0 {
        return;
    }
    for ty in 0..4 {
        if types & (1 << ty) == 0 {
            continue;
        }
        if span.len() == 1 {
            span[0].gaz |= 1 << (ty * 3);
        } else {
            span[0].gaz |= 1 << (ty * 3 + 1);
            for t in &mut span[1..] {
                t.gaz |= 1 << (ty * 3 + 2);
            }
        }
    }
}

const CASE_INIT: u8 = 1;
const CASE_NOLOWER: u8 = 2;
const CASE_LETTER: u8 = 4;
const SENT_START: u8 = 1;
const SENT_CAPS: u8 = 2;
const _: () = assert!(((SENT_START | SENT_CAPS) as usize) < SENT_FLAGS);

fn pad(name: &str) -> TokInfo {
    let h = hash_str(name);
    TokInfo {
        lw: h,
        // No template reads a neighbour's `exact`; this one only keeps a
        // pad's form apart from the form of a real word "<S>".
        exact: mix(h, 0x9AD),
        shape: h,
        short: h,
        pre: [h; 4],
        suf: [h; 4],
        cl: [[NO_CLUSTER - 1; 3]; CLUSTER_SETS],
        xcl: [[NO_CLUSTER - 1; 3]; CLUSTER_SETS],
        cap: 7,
        lex: 0,
        case: 0,
        sent: 0,
        doc: 0,
        gaz: 0,
        parts: 0,
    }
}

/// Incremental FNV-1a, finalized through `hash_bytes`' mixer.
struct Fnv(u64);
impl Fnv {
    fn new() -> Self {
        Fnv(0xCBF2_9CE4_8422_2325)
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= b as u64;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01B3);
    }
    fn finish(&self) -> u64 {
        mix(self.0, 0x5A)
    }
}

fn char_class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if c.is_ascii() {
        c as u8
    } else {
        b'~'
    }
}

/// Reusable buffers for preparing tokens without per-token allocation.
#[derive(Default)]
pub struct Scratch {
    norm: String,
    lower: String,
}

pub fn token_info(word: &str, upper: bool, words: &WordTable, sc: &mut Scratch) -> TokInfo {
    sc.norm.clear();
    for c in word.chars().map(normalize_char) {
        let c = if c.is_ascii_digit() { '0' } else { c };
        if upper {
            sc.norm.extend(c.to_uppercase());
        } else {
            sc.norm.push(c);
        }
    }
    if lexicon::is_dotless_abbreviation(&sc.norm) {
        sc.norm.push('.');
    }
    lower_key(&sc.norm, &mut sc.lower);
    let norm = sc.norm.as_str();
    let lower = sc.lower.as_str();

    let (mut shape, mut short) = (Fnv::new(), Fnv::new());
    let (mut last, mut run) = (0u8, 0u32);
    let mut case = 0u8;
    let mut has_lower = false;
    for (i, c) in norm.chars().enumerate() {
        let k = char_class(c);
        if i == 0 && k == b'X' {
            case |= CASE_INIT;
        }
        if c.is_alphabetic() {
            case |= CASE_LETTER;
        }
        has_lower |= k == b'x';
        if k == last {
            run += 1;
        } else {
            last = k;
            run = 1;
            short.byte(k);
        }
        if run <= 2 {
            shape.byte(k);
        }
    }
    if !has_lower {
        case |= CASE_NOLOWER;
    }

    let mut pre = [0u64; 4];
    let mut suf = [0u64; 4];
    let mut idx = lower.char_indices().map(|(i, _)| i).skip(1);
    for (k, p) in pre.iter_mut().enumerate() {
        let end = idx.next().unwrap_or(lower.len());
        *p = mix(hash_str(&lower[..end]), k as u64);
    }
    let mut ridx = lower.char_indices().rev().map(|(i, _)| i);
    for (k, s) in suf.iter_mut().enumerate() {
        let start = ridx.next().unwrap_or(0);
        *s = mix(hash_str(&lower[start..]), 16 + k as u64);
    }

    let lw = hash_str(lower);
    let info = words.get(&lw).copied();
    let exact = hash_bytes(norm.as_bytes());
    let xinfo = words.get(&exact_key(exact));
    TokInfo {
        lw,
        exact,
        xcl: xinfo.map_or([[NO_CLUSTER; 3]; CLUSTER_SETS], |i| i.clusters),
        shape: shape.finish(),
        short: mix(short.finish(), 1),
        pre,
        suf,
        cl: info.map_or([[NO_CLUSTER; 3]; CLUSTER_SETS], |i| i.clusters),
        cap: info.map_or(0, |i| i.cap),
        lex: lexicon::flags_of_hash(lw),
        case,
        sent: 0,
        doc: 0,
        gaz: 0,
        parts: 0,
    }
}

/// One sentence of a document to prepare.
pub struct SentenceIn<'a> {
    pub words: Vec<&'a str>,
    /// Read the words as if upper-cased (a Title Case headline, so that it
    /// looks like the all-caps headlines of the training data).
    pub upper: bool,
}

/// Hashes a word for an index of forms (FNV-1a: words are short).
#[derive(Default)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ 0xCBF2_9CE4_8422_2325;
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01B3);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        finalize(self.0)
    }
}

pub type BuildWordHasher = std::hash::BuildHasherDefault<WordHasher>;
type WordIndex<'a> = std::collections::HashMap<(&'a str, bool), u32, BuildWordHasher>;

/// A prepared document, with each distinct word prepared once: everything
/// a [`TokInfo`] holds but its sentence flags (and its name matches, which
/// tagging marks a few sentences at a time) depends on the word alone, so
/// a token is a form id and its sentence flags (5 bytes instead of a
/// 160-byte `TokInfo`), and a repeated word costs no second preparation.
pub struct DocForms {
    /// Per distinct (word, upper) form, its `TokInfo` with `sent` 0.
    forms: Vec<TokInfo>,
    /// Per form, the tag its preparer gave it (tagging: its id in the
    /// thread's table of forms).
    tags: Vec<u32>,
    /// Per token, its form.
    ids: Vec<u32>,
    /// Per token, its `TokInfo::sent`.
    sent: Vec<u8>,
}

impl DocForms {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Number of distinct forms; form ids are below it.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// The form ids of the tokens in `r`.
    pub fn ids(&self, r: std::ops::Range<usize>) -> &[u32] {
        &self.ids[r]
    }

    /// The `TokInfo` of token `i` (flattened over the sentences).
    #[inline]
    pub fn tok(&self, i: usize) -> TokInfo {
        let mut t = self.forms[self.ids[i] as usize];
        t.sent = self.sent[i];
        t
    }

    /// What stage 2 reads of token `i`.
    #[inline]
    pub fn doc_tok(&self, i: usize) -> DocTok {
        let f = &self.forms[self.ids[i] as usize];
        DocTok {
            lw: f.lw,
            short: f.short,
            case: f.case,
            sent: self.sent[i],
        }
    }

    /// The tag the preparer gave form `form`.
    pub fn tag_of(&self, form: usize) -> u32 {
        self.tags[form]
    }
}

/// Prepare the tokens of one document, each distinct form once.
pub fn prepare_forms(sents: &[SentenceIn], words: &WordTable, sc: &mut Scratch) -> DocForms {
    prepare_forms_with(sents, |w, upper| (token_info(w, upper, words, sc), 0))
}

/// [`prepare_forms`] with each distinct form's `TokInfo` (`token_info`'s,
/// the name parts may be set) and a tag for it from `prepare`.
pub fn prepare_forms_with(
    sents: &[SentenceIn],
    mut prepare: impl FnMut(&str, bool) -> (TokInfo, u32),
) -> DocForms {
    let n: usize = sents.iter().map(|s| s.words.len()).sum();
    // Sized for a document's distinct words at the outset: growing the
    // maps (rehashing every entry) cost more than filling them.
    let distinct = n / 2 + 16;
    let mut index = WordIndex::with_capacity_and_hasher(distinct, Default::default());
    let mut forms: Vec<TokInfo> = Vec::with_capacity(distinct);
    let mut tags = Vec::with_capacity(distinct);
    let mut ids = Vec::with_capacity(n);
    let mut sent_flags = Vec::with_capacity(n);
    let mut doc_seen: HashedMap<u8> =
        HashedMap::with_capacity_and_hasher(distinct, BuildPassThrough);
    for s in sents {
        let start = ids.len();
        for w in &s.words {
            let id = *index.entry((*w, s.upper)).or_insert_with(|| {
                let (info, tag) = prepare(w, s.upper);
                forms.push(info);
                tags.push(tag);
                forms.len() as u32 - 1
            });
            ids.push(id);
        }
        let sent_ids = &ids[start..];
        let form = |k: usize| &forms[sent_ids[k] as usize];
        let lettered = (0..sent_ids.len()).filter(|&k| form(k).case & CASE_LETTER != 0);
        let all_caps = lettered.clone().count() > 0
            && lettered.clone().all(|k| form(k).case & CASE_NOLOWER != 0);
        for k in 0..sent_ids.len() {
            let mut f = 0;
            if all_caps {
                f |= SENT_CAPS;
            }
            if k == 0 {
                f |= SENT_START;
            }
            sent_flags.push(f);
        }
        // A sentence opening with a quote or dash: the next word starts it too.
        if sent_ids.len() > 1 && form(0).case & CASE_LETTER == 0 {
            sent_flags[start + 1] |= SENT_START;
        }
        for (k, &sent) in sent_flags[start..].iter().enumerate() {
            let t = form(k);
            if t.case & CASE_LETTER == 0 {
                continue;
            }
            let e = doc_seen.entry(t.lw).or_insert(0);
            if t.case & CASE_INIT == 0 && t.case & CASE_NOLOWER == 0 {
                *e |= 1;
            } else if t.case & CASE_INIT != 0 && sent == 0 {
                *e |= 2;
            }
        }
    }
    // `doc` is a function of the lowercased word, so of the form.
    for f in &mut forms {
        f.doc = doc_seen.get(&f.lw).copied().unwrap_or(0);
    }
    DocForms {
        forms,
        tags,
        ids,
        sent: sent_flags,
    }
}

/// Prepare the tokens of one document (flattened, sentence after sentence).
pub fn prepare_doc(sents: &[SentenceIn], words: &WordTable, sc: &mut Scratch) -> Vec<TokInfo> {
    let doc = prepare_forms(sents, words, sc);
    (0..doc.len()).map(|i| doc.tok(i)).collect()
}

#[inline]
fn salt(t: u64) -> u64 {
    (t + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93)
}

// Each component is scrambled by a different bijection before the XOR so that
// (a, b) and (b, a) differ; one finalization per feature keeps hashing cheap.
#[inline]
fn f1(t: u64, a: u64) -> u64 {
    finalize(salt(t) ^ a).max(1)
}
#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    finalize(salt(t) ^ a ^ b.rotate_left(23).wrapping_mul(0x9E37_79B9_7F4A_7C15)).max(1)
}
#[inline]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    finalize(
        salt(t)
            ^ a
            ^ b.rotate_left(23).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ c.rotate_left(41).wrapping_mul(0xC2B2_AE3D_27D4_EB4F),
    )
    .max(1)
}

/// What a feature key depends on. Keys of `Word` depend on the token's
/// normalized form alone, keys of a neighbour part on that neighbour's form
/// alone (or on its being a sentence pad), keys of `WordSent` on the
/// token's form, its sentence flags and the document's case memory of it
/// ([`TokInfo::word_sent`]), keys of `Marks` on the name marks of the
/// token and its neighbours ([`marks_at`]), keys of `Shapes` on the short
/// shapes of the token and its neighbours ([`shapes_at`]); `Context` keys
/// on anything else. Tagging
/// caches the summed scores of every part but `Context`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Word = 0,
    Prev = 1,
    Next = 2,
    Prev2 = 3,
    Next2 = 4,
    Context = 5,
    WordSent = 6,
    Marks = 7,
    Shapes = 8,
}

/// Parts whose scores are cached by form, and their offsets from the token.
pub const FORM_PARTS: [(Part, isize); 5] = [
    (Part::Word, 0),
    (Part::Prev, -1),
    (Part::Next, 1),
    (Part::Prev2, -2),
    (Part::Next2, 2),
];

/// Where the feature keys of a token go.
pub trait KeySink {
    /// File the key `key()` under `part`. A closure, so that a key of a
    /// part the sink does not want is never hashed: tagging wants most
    /// tokens' context keys alone (the form parts' scores are cached).
    fn push_part(&mut self, part: Part, key: impl FnOnce() -> u64);
    #[inline]
    fn word(&mut self, key: impl FnOnce() -> u64) {
        self.push_part(Part::Word, key);
    }
    #[inline]
    fn context(&mut self, key: impl FnOnce() -> u64) {
        self.push_part(Part::Context, key);
    }
}

/// All keys in one list, in template order (training).
impl KeySink for Vec<u64> {
    #[inline]
    fn push_part(&mut self, _: Part, key: impl FnOnce() -> u64) {
        self.push(key());
    }
}

/// Keys in one list per part (tagging), of the parts `wanted` (bit `part`).
pub struct PartKeys {
    pub lists: [Vec<u64>; 9],
    pub wanted: u16,
}

impl Default for PartKeys {
    fn default() -> Self {
        PartKeys {
            lists: Default::default(),
            wanted: u16::MAX,
        }
    }
}

impl PartKeys {
    pub fn clear(&mut self) {
        self.lists.iter_mut().for_each(Vec::clear);
    }
    pub fn of(&self, part: Part) -> &[u64] {
        &self.lists[part as usize]
    }
}

impl KeySink for PartKeys {
    #[inline]
    fn push_part(&mut self, part: Part, key: impl FnOnce() -> u64) {
        if self.wanted & (1 << part as u8) != 0 {
            self.lists[part as usize].push(key());
        }
    }
}

/// The `Context` keys alone, appended to a list (tagging a token whose
/// other parts' scores are all cached): `part` is a constant at every call
/// of an inlined `push_part`, so the other parts cost nothing.
pub struct ContextKeys<'a>(pub &'a mut Vec<u64>);

impl KeySink for ContextKeys<'_> {
    #[inline(always)]
    fn push_part(&mut self, part: Part, key: impl FnOnce() -> u64) {
        if part == Part::Context {
            self.0.push(key());
        }
    }
}

/// The sentence start and end pads.
static PADS: std::sync::LazyLock<[TokInfo; 2]> =
    std::sync::LazyLock::new(|| [pad("<S>"), pad("</S>")]);

/// Token `j` of the sentence, or the start or end pad beyond its ends
/// (borrowed: a `TokInfo` is 160 bytes, and copies of them were a large
/// part of making a token's keys).
#[inline]
fn token_at(sent: &[TokInfo], j: isize) -> &TokInfo {
    if j < 0 {
        &PADS[0]
    } else {
        sent.get(j as usize).unwrap_or(&PADS[1])
    }
}

/// The form hash of the token `offset` places from token `i` (a pad's
/// beyond the sentence): what the keys of a neighbour part depend on.
pub fn form_at(sent: &[TokInfo], i: usize, offset: isize) -> u64 {
    token_at(sent, i as isize + offset).exact
}

/// What the keys of `Part::Marks` of token `i` depend on: the name marks
/// (`gaz`, `parts`) of the token and of its neighbours, as two words (a
/// pad's are 0).
pub fn marks_at(sent: &[TokInfo], i: usize) -> (u64, u64) {
    let ii = i as isize;
    let (t, p1, n1) = (&sent[i], token_at(sent, ii - 1), token_at(sent, ii + 1));
    let marks = |t: &TokInfo| u64::from(t.gaz) | u64::from(t.parts) << 16;
    (marks(t) | marks(p1) << 24, marks(n1))
}

/// What the keys of `Part::Shapes` of token `i` depend on: the short
/// shapes of the token and of its neighbours (a pad's is its own).
pub fn shapes_at(sent: &[TokInfo], i: usize) -> (u64, u64, u64) {
    let ii = i as isize;
    let (t, p1, n1) = (&sent[i], token_at(sent, ii - 1), token_at(sent, ii + 1));
    (p1.short, t.short, n1.short)
}

/// The cluster features of one clustering (`set`) for a token `t` with
/// neighbours `p1`, `n1`, `p2`, `n2`.
fn cluster_features(
    set: usize,
    t: &TokInfo,
    p1: &TokInfo,
    n1: &TokInfo,
    p2: &TokInfo,
    n2: &TokInfo,
    out: &mut impl KeySink,
) {
    let c = |x: u16| x as u64;
    // Set 0 keeps the template ids it always had.
    let id = |template: u64| template + 100 * set as u64;
    let (cl, p1c, n1c) = (&t.cl[set], &p1.cl[set], &n1.cl[set]);
    for (k, &x) in cl.iter().enumerate() {
        out.word(|| f1(id(22 + k as u64), c(x)));
    }
    out.push_part(Part::Prev, || f1(id(25), c(p1c[1])));
    out.push_part(Part::Prev, || f1(id(26), c(p1c[2])));
    out.push_part(Part::Next, || f1(id(27), c(n1c[1])));
    out.push_part(Part::Next, || f1(id(28), c(n1c[2])));
    out.push_part(Part::Prev2, || f1(id(29), c(p2.cl[set][1])));
    out.push_part(Part::Next2, || f1(id(30), c(n2.cl[set][1])));
    out.word(|| f2(id(39), c(cl[1]), t.short));
    out.context(|| f2(id(40), c(p1c[1]), c(cl[1])));
    for (k, &x) in t.xcl[set].iter().enumerate() {
        out.word(|| f1(id(47 + k as u64), c(x)));
    }
    out.push_part(Part::Prev, || f1(id(50), c(p1.xcl[set][1])));
    out.push_part(Part::Next, || f1(id(51), c(n1.xcl[set][1])));
}

/// Append the feature keys of token `i` of the sentence `sent` to `out`,
/// with the cluster features of every clustering (the shipped model is an
/// ensemble of members that each read one).
pub fn token_features(sent: &[TokInfo], i: usize, out: &mut impl KeySink) {
    token_features_of_set(sent, i, None, out)
}

/// `token_features` with the cluster features of one clustering only
/// (`Some(set)`, for training an ensemble member) or of all (`None`).
pub fn token_features_of_set(
    sent: &[TokInfo],
    i: usize,
    cluster_set: Option<usize>,
    out: &mut impl KeySink,
) {
    let at = |j: isize| token_at(sent, j);
    let ii = i as isize;
    let t = &sent[i];
    let (p1, p2, n1, n2) = (at(ii - 1), at(ii - 2), at(ii + 1), at(ii + 2));
    out.word(|| f1(0, 0));
    out.word(|| f1(1, t.lw));
    out.word(|| f1(2, t.exact));
    out.push_part(Part::Prev, || f1(3, p1.lw));
    out.push_part(Part::Next, || f1(4, n1.lw));
    out.push_part(Part::Prev2, || f1(5, p2.lw));
    out.push_part(Part::Next2, || f1(6, n2.lw));
    out.context(|| f2(7, p1.lw, t.lw));
    out.context(|| f2(8, t.lw, n1.lw));
    out.word(|| f1(9, t.shape));
    out.word(|| f1(10, t.short));
    out.push_part(Part::Prev, || f1(11, p1.short));
    out.push_part(Part::Next, || f1(12, n1.short));
    out.push_part(Part::Shapes, || f3(13, p1.short, t.short, n1.short));
    for k in 0..4 {
        out.word(|| f1(14 + k as u64, t.pre[k]));
        out.word(|| f1(18 + k as u64, t.suf[k]));
    }
    let sets = match cluster_set {
        Some(set) => set..set + 1,
        None => 0..CLUSTER_SETS,
    };
    for set in sets {
        cluster_features(set, t, p1, n1, p2, n2, out);
    }
    out.push_part(Part::WordSent, || {
        f3(31, t.cap as u64, t.sent as u64, (t.case & CASE_INIT) as u64)
    });
    out.word(|| f1(32, t.lex as u64));
    out.push_part(Part::Prev, || f1(33, p1.lex as u64));
    out.push_part(Part::Next, || f1(34, n1.lex as u64));
    out.push_part(Part::Prev2, || f1(35, p2.lex as u64));
    out.push_part(Part::WordSent, || f2(36, t.sent as u64, t.short));
    if t.sent & SENT_CAPS != 0 {
        out.push_part(Part::WordSent, || f1(37, t.lw));
    }
    out.push_part(Part::WordSent, || {
        f3(38, t.doc as u64, t.sent as u64, t.case as u64)
    });
    out.context(|| f2(41, p1.lw, t.short));
    out.context(|| f2(42, n1.lw, t.short));
    out.push_part(Part::Shapes, || f2(43, p1.short, t.short));
    if t.gaz != 0 {
        out.push_part(Part::Marks, || f1(44, t.gaz as u64));
        for b in 0..12 {
            if t.gaz & (1 << b) != 0 {
                out.push_part(Part::Marks, || f1(45, b));
            }
        }
    }
    out.push_part(Part::Marks, || f2(46, p1.gaz as u64, n1.gaz as u64));
    if t.parts != 0 {
        out.push_part(Part::Marks, || f1(58, t.parts as u64));
    }
    out.push_part(Part::Marks, || f2(59, p1.parts as u64, n1.parts as u64));
}

/// Stage 1's tag beyond the sentence, in [`around_tags_key`].
pub const NO_TAG: u64 = 99;

/// The key of stage 1's tag of a token (a document-level feature).
pub fn own_tag_key(own: u64) -> u64 {
    f1(60, own)
}

/// The key of stage 1's tags before and after a token ([`NO_TAG`] beyond
/// the sentence).
pub fn around_tags_key(prev: u64, next: u64) -> u64 {
    f2(61, prev, next)
}

/// What the document-level features read of a token.
#[derive(Debug, Clone, Copy)]
pub struct DocTok {
    lw: u64,
    short: u64,
    case: u8,
    sent: u8,
}

impl TokInfo {
    pub fn doc_tok(&self) -> DocTok {
        DocTok {
            lw: self.lw,
            short: self.short,
            case: self.case,
            sent: self.sent,
        }
    }
}

/// Calls `f(start, end, type)` for each of stage 1's chunks of more than
/// one token in the sentence `r` (chunks never cross a sentence).
fn long_chunks(r: std::ops::Range<usize>, tags1: &[u8], mut f: impl FnMut(usize, usize, usize)) {
    let mut i = r.start;
    while i < r.end {
        let Some(ty) = tag_type(tags1[i] as usize) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < r.end
            && continues_chunk(tags1[j] as usize)
            && tag_type(tags1[j] as usize) == Some(ty)
        {
            j += 1;
        }
        if j - i > 1 {
            f(i, j, ty);
        }
        i = j;
    }
}

/// What the document-level features count over the whole document from
/// stage 1's tags; the keys themselves are made a sentence at a time
/// ([`DocCounts::sentence_keys`]), so a long document never holds them all.
pub struct DocCounts {
    /// Per word: how many capitalized occurrences were O, PER, ORG, LOC, MISC.
    counts: HashedMap<[u16; 5]>,
    /// Per word: in how many multi-word names of each type (stage 1's
    /// chunks) it stands in the document ("Leicester" after "Leicester City").
    in_long: HashedMap<[u16; 4]>,
    /// Per word: how many multi-word names of each type it ends ("City").
    heads: HashedMap<[u16; 4]>,
    /// Per token of the current sentence, the type of the multi-word name
    /// it is in, to leave itself out.
    own_long: Vec<Option<usize>>,
}

fn label(tag: u8) -> usize {
    tag_type(tag as usize).map_or(0, |t| t + 1)
}

impl DocCounts {
    /// Count over a document of `tags1.len()` tokens (`tok(i)` reads token
    /// `i`) split into `sentences`.
    pub fn new(
        tok: impl Fn(usize) -> DocTok,
        sentences: &[std::ops::Range<usize>],
        tags1: &[u8],
    ) -> DocCounts {
        let mut counts: HashedMap<[u16; 5]> = HashedMap::default();
        for (j, &tag) in tags1.iter().enumerate() {
            let t = tok(j);
            if t.case & CASE_INIT != 0 {
                let c = counts.entry(t.lw).or_insert([0; 5]);
                c[label(tag)] = c[label(tag)].saturating_add(1);
            }
        }
        let mut in_long: HashedMap<[u16; 4]> = HashedMap::default();
        let mut heads: HashedMap<[u16; 4]> = HashedMap::default();
        for r in sentences {
            long_chunks(r.clone(), tags1, |i, j, ty| {
                for k in i..j {
                    let c = in_long.entry(tok(k).lw).or_insert([0; 4]);
                    c[ty] = c[ty].saturating_add(1);
                }
                let c = heads.entry(tok(j - 1).lw).or_insert([0; 4]);
                c[ty] = c[ty].saturating_add(1);
            });
        }
        DocCounts {
            counts,
            in_long,
            heads,
            own_long: vec![],
        }
    }

    /// Append the keys of each token of sentence `r` to `out`, pushing to
    /// `offsets` the end of each token's keys; those of stage 1's tags
    /// alone ([`own_tag_key`], [`around_tags_key`]) only if `tag_keys`
    /// (tagging adds their scores from a table made once per model).
    pub fn sentence_keys(
        &mut self,
        tok: impl Fn(usize) -> DocTok,
        r: std::ops::Range<usize>,
        tags1: &[u8],
        tag_keys: bool,
        out: &mut Vec<u64>,
        offsets: &mut Vec<usize>,
    ) {
        let own_long = &mut self.own_long;
        own_long.clear();
        own_long.resize(r.len(), None);
        long_chunks(r.clone(), tags1, |i, j, ty| {
            own_long[i - r.start..j - r.start].fill(Some(ty));
        });
        let own_long = |i: usize| own_long[i - r.start];
        for i in r.clone() {
            let t = tok(i);
            let own = tags1[i] as u64;
            let prev = if i > r.start {
                tags1[i - 1] as u64
            } else {
                NO_TAG
            };
            let next = if i + 1 < r.end {
                tags1[i + 1] as u64
            } else {
                NO_TAG
            };
            if t.case & CASE_INIT != 0 {
                if let Some(mut c) = self.in_long.get(&t.lw).copied() {
                    if let Some(ty) = own_long(i) {
                        c[ty] -= 1;
                    }
                    for (ty, &n) in c.iter().enumerate() {
                        if n > 0 {
                            out.push(f2(67, ty as u64, own_long(i).is_some() as u64));
                        }
                    }
                }
            }
            if t.case & CASE_INIT != 0 {
                if let Some(c) = self.heads.get(&t.lw) {
                    // Leave out the name this token itself ends.
                    let ends_own = own_long(i).is_some()
                        && (i + 1 == r.end
                            || own_long(i + 1).is_none()
                            || !continues_chunk(tags1[i + 1] as usize));
                    for (ty, &n) in c.iter().enumerate() {
                        if n > (ends_own && own_long(i) == Some(ty)) as u16 {
                            out.push(f2(68, ty as u64, own_long(i).is_some() as u64));
                        }
                    }
                }
            }
            if tag_keys {
                out.push(own_tag_key(own));
                out.push(around_tags_key(prev, next));
            }
            out.push(f2(62, own, t.short));
            if t.case & CASE_INIT != 0 {
                let mut c = self.counts[&t.lw];
                c[label(tags1[i])] -= 1;
                let total: u32 = c.iter().map(|&x| x as u32).sum();
                if total == 0 {
                    out.push(f2(63, own, t.sent as u64));
                } else {
                    let major = (0..5).fold(0, |b, k| if c[k] > c[b] { k } else { b });
                    let unanimous = (c[major] as u32 == total) as u64;
                    out.push(f3(64, major as u64, unanimous, t.sent as u64));
                    out.push(f2(65, major as u64, own));
                    for (k, &n) in c.iter().enumerate() {
                        if n > 0 {
                            out.push(f2(66, k as u64, (n as u64 * 4) / total as u64));
                        }
                    }
                }
            }
            offsets.push(out.len());
        }
    }
}

/// Document-level features for the second stage, from the first stage's
/// tags of the whole document (`tags1`, flattened like `toks`): how the
/// other capitalized occurrences of the same word were tagged, the types of
/// the multi-word names it stands in (and ends) elsewhere, and the first
/// stage's own tags around the token. Keys of token `i` go to
/// `out[offsets[i]..offsets[i + 1]]` (`offsets` gets one entry per token
/// and starts with the current `out.len()`).
pub fn nonlocal_features(
    toks: &[TokInfo],
    sentences: &[std::ops::Range<usize>],
    tags1: &[usize],
    out: &mut Vec<u64>,
    offsets: &mut Vec<usize>,
) {
    let tags1: Vec<u8> = tags1.iter().map(|&t| t as u8).collect();
    let tok = |i: usize| toks[i].doc_tok();
    let mut counts = DocCounts::new(tok, sentences, &tags1);
    if offsets.is_empty() {
        offsets.push(out.len());
    }
    for r in sentences {
        counts.sentence_keys(tok, r.clone(), &tags1, true, out, offsets);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prep(words: &[&str], upper: bool) -> Vec<TokInfo> {
        let s = SentenceIn {
            words: words.to_vec(),
            upper,
        };
        prepare_doc(&[s], &WordTable::default(), &mut Scratch::default())
    }

    #[test]
    fn curly_apostrophe_reads_as_straight() {
        let a = prep(&["Zorvan", "\u{2019}s"], false);
        let b = prep(&["Zorvan", "'s"], false);
        assert_eq!(a[1].lw, b[1].lw);
        assert_eq!(a[1].exact, b[1].exact);
    }

    #[test]
    fn shapes_and_case() {
        let t = prep(&["Quelbert", "ABC", "1996-08-22", "walks"], false);
        assert_eq!(t[0].case, CASE_INIT | CASE_LETTER);
        assert_eq!(t[1].case, CASE_INIT | CASE_NOLOWER | CASE_LETTER);
        assert_eq!(t[0].sent & SENT_START, SENT_START);
        assert_eq!(t[1].sent & SENT_START, 0);
        let u = prep(&["Xyzzy", "Plonk"], false);
        assert_eq!(t[0].short, u[1].short, "Xx collapses");
        assert_ne!(t[0].short, t[1].short);
        assert_eq!(t[0].shape, u[0].shape, "runs are capped at 2");
        let v = prep(&["Ox"], false);
        assert_ne!(
            t[0].shape, v[0].shape,
            "long shape keeps run lengths up to 2"
        );
        assert_eq!(t[0].short, v[0].short);
    }

    #[test]
    fn upper_flag_makes_a_caps_sentence() {
        let t = prep(&["Zorvan", "Wins", "Cup"], true);
        assert!(t.iter().all(|x| x.sent & SENT_CAPS != 0));
        assert_eq!(t[0].lw, prep(&["zorvan"], false)[0].lw);
        let m = prep(&["Zorvan", "wins"], false);
        assert!(m.iter().all(|x| x.sent & SENT_CAPS == 0));
    }

    #[test]
    fn a_repeated_word_is_prepared_once_and_reads_the_same() {
        let s = SentenceIn {
            words: vec!["Zorvan", "met", "Zorvan", "ZORVAN"],
            upper: false,
        };
        let t = SentenceIn {
            words: vec!["Zorvan"],
            upper: true,
        };
        let doc = prepare_forms(&[s, t], &WordTable::default(), &mut Scratch::default());
        assert_eq!(
            doc.forms.len(),
            4,
            "Zorvan, met, ZORVAN, Zorvan upper-cased"
        );
        let fresh = token_info(
            "Zorvan",
            false,
            &WordTable::default(),
            &mut Scratch::default(),
        );
        assert_eq!((doc.tok(2).lw, doc.tok(2).exact), (fresh.lw, fresh.exact));
        assert_eq!(doc.tok(0).sent & SENT_START, SENT_START);
        assert_eq!(doc.tok(2).sent, 0, "the same form, not at the start");
        assert_eq!(doc.tok(4).exact, doc.tok(3).exact, "read upper-cased");
        assert_eq!(doc.tok(4).sent, SENT_START | SENT_CAPS);
    }

    #[test]
    fn document_case_memory() {
        let s1 = SentenceIn {
            words: vec!["BLENKO", "WINS"],
            upper: false,
        };
        let s2 = SentenceIn {
            words: vec!["Yesterday", "Blenko", "said", "wins", "matter"],
            upper: false,
        };
        let t = prepare_doc(&[s1, s2], &WordTable::default(), &mut Scratch::default());
        assert_eq!(t[0].doc, 2, "seen capitalized mid-sentence");
        assert_eq!(t[1].doc, 1, "seen lowercase");
    }

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let t = prep(&["Mr", "Quelbert", "spoke"], false);
        let (mut a, mut b) = (vec![], vec![]);
        token_features(&t, 1, &mut a);
        token_features(&t, 1, &mut b);
        assert_eq!(a, b);
        let u = prep(&["Dr", "Quelbert", "spoke"], false);
        let mut c = vec![];
        token_features(&u, 1, &mut c);
        assert_ne!(a, c);
        assert!(a.iter().all(|&k| k != 0));
    }

    #[test]
    fn form_part_keys_depend_on_that_form_alone() {
        // Tagging caches the scores of each form part's keys by the form
        // they depend on: the same form must give the same keys of that part
        // in any context (sentence start or not, all-caps sentence or not,
        // other words around).
        let keys = |words: Vec<&str>, i: usize| {
            let s = SentenceIn {
                words,
                upper: false,
            };
            let toks = prepare_doc(&[s], &WordTable::default(), &mut Scratch::default());
            let mut parts = PartKeys::default();
            token_features(&toks, i, &mut parts);
            let mut all = vec![];
            token_features(&toks, i, &mut all);
            let n: usize = parts.lists.iter().map(Vec::len).sum();
            assert_eq!(n, all.len(), "every key goes to one part");
            parts
        };
        // "Zorvan" as the word, then as each neighbour of "met".
        let a = keys(vec!["Zorvan", "said"], 0);
        let b = keys(vec!["Minister", "Zorvan", "Blenko", "of", "Plimton"], 1);
        let c = keys(vec!["SAID", "Zorvan", "."], 1);
        assert!(!a.of(Part::Word).is_empty());
        assert_eq!(a.of(Part::Word), b.of(Part::Word));
        assert_eq!(a.of(Part::Word), c.of(Part::Word));
        assert_ne!(a.of(Part::Context), b.of(Part::Context));
        let around = |words: Vec<&str>| keys(words, 2);
        let x = around(vec!["Zorvan", "Blenko", "met", "Plimton", "Quelbert"]);
        let y = around(vec!["Zorvan", "Zorvan", "met", "Plimton", "Plimton"]);
        let z = around(vec!["Yes", "Zorvan", "met", "Zorvan", "Quelbert"]);
        assert_eq!(x.of(Part::Prev2), y.of(Part::Prev2));
        assert_eq!(x.of(Part::Next), y.of(Part::Next));
        assert_ne!(x.of(Part::Prev), y.of(Part::Prev), "another word before");
        // No name marks around: the same keys of the marks, whatever the words.
        assert!(!x.of(Part::Marks).is_empty());
        assert_eq!(x.of(Part::Marks), a.of(Part::Marks));
        // Words written alike around: the same keys of the shapes.
        assert!(!x.of(Part::Shapes).is_empty());
        assert_eq!(x.of(Part::Shapes), y.of(Part::Shapes));
        // The word in its sentence: the same form and sentence flags (and
        // the same case memory: one sentence) give the same keys.
        assert_eq!(
            b.of(Part::WordSent),
            keys(vec!["Mr", "Zorvan", "met"], 1).of(Part::WordSent)
        );
        assert_ne!(a.of(Part::WordSent), b.of(Part::WordSent), "sentence start");
        // ... and so do other words written alike (tagging caches the
        // part by what `TokInfo::word_sent` gives, not by the form).
        assert_eq!(
            b.of(Part::WordSent),
            keys(vec!["Mr", "Blenko", "met"], 1).of(Part::WordSent)
        );
        assert!(!a.of(Part::WordSent).is_empty());
        assert_eq!(y.of(Part::Prev), z.of(Part::Prev));
        assert_eq!(x.of(Part::Next2), z.of(Part::Next2));
        // A pad is a form of its own, not the word "<S>".
        let start = keys(vec!["Zorvan", "met"], 0);
        let fake = keys(vec!["<S>", "Zorvan", "met"], 1);
        assert_ne!(start.of(Part::Prev), fake.of(Part::Prev));
        let toks = prepare_doc(
            &[SentenceIn {
                words: vec!["<S>", "x"],
                upper: false,
            }],
            &WordTable::default(),
            &mut Scratch::default(),
        );
        assert_ne!(form_at(&toks, 1, -1), form_at(&toks, 0, -1));
    }

    #[test]
    fn every_clustering_gives_features() {
        let info = |clusters| WordInfo { clusters, cap: 3 };
        let key = hash_str("zorvan");
        let mut words = WordTable::default();
        words.insert(key, info([[1, 2, 3]; CLUSTER_SETS]));
        let s = || SentenceIn {
            words: vec!["Zorvan"],
            upper: false,
        };
        let feats = |words: &WordTable| {
            let toks = prepare_doc(&[s()], words, &mut Scratch::default());
            let mut out = vec![];
            token_features(&toks, 0, &mut out);
            out
        };
        let base = feats(&words);
        for set in 0..CLUSTER_SETS {
            let mut other = [[1, 2, 3]; CLUSTER_SETS];
            other[set] = [4, 5, 6];
            let mut changed = WordTable::default();
            changed.insert(key, info(other));
            assert_ne!(feats(&changed), base, "clustering {set} is read");
        }
    }

    #[test]
    fn words_of_multi_word_names_elsewhere_are_features() {
        use ChunkPos::*;
        let s1 = SentenceIn {
            words: vec!["Plimton", "Rovers", "won"],
            upper: false,
        };
        let s2 = SentenceIn {
            words: vec!["Then", "Plimton", "lost"],
            upper: false,
        };
        let toks = prepare_doc(&[s1, s2], &WordTable::default(), &mut Scratch::default());
        let tags1 = [chunk_tag(1, Begin), chunk_tag(1, Last), 0, 0, 0, 0];
        let (mut keys, mut offsets) = (vec![], vec![]);
        nonlocal_features(&toks, &[0..3, 3..6], &tags1, &mut keys, &mut offsets);
        let org_elsewhere = f2(67, 1, 0);
        let of = |i: usize| &keys[offsets[i]..offsets[i + 1]];
        assert!(of(4).contains(&org_elsewhere), "the later lone Plimton");
        assert!(
            !of(4).contains(&f2(68, 1, 0)),
            "Plimton does not end the name"
        );
        assert!(
            !of(1).contains(&f2(68, 1, 1)),
            "Rovers ends only its own name"
        );
        assert!(
            of(0)
                .iter()
                .all(|&k| k != org_elsewhere && k != f2(67, 1, 1)),
            "a name's own words do not count"
        );
    }

    #[test]
    fn bilou_constraints() {
        use ChunkPos::*;
        assert!(allowed(None, chunk_tag(0, Begin)));
        assert!(allowed(None, chunk_tag(0, Unit)));
        assert!(!allowed(None, chunk_tag(0, Inside)));
        assert!(!allowed(None, chunk_tag(0, Last)));
        assert!(allowed(Some(chunk_tag(1, Begin)), chunk_tag(1, Inside)));
        assert!(allowed(Some(chunk_tag(1, Inside)), chunk_tag(1, Last)));
        assert!(!allowed(Some(chunk_tag(1, Begin)), chunk_tag(2, Last)));
        assert!(
            !allowed(Some(chunk_tag(1, Begin)), 0),
            "an open chunk must close"
        );
        assert!(!allowed(Some(chunk_tag(1, Unit)), chunk_tag(1, Last)));
        assert!(allowed(Some(chunk_tag(1, Last)), chunk_tag(1, Unit)));
        assert!(!allowed(Some(0), chunk_tag(3, Inside)));
        assert!(allowed_last(chunk_tag(2, Last)) && allowed_last(0));
        assert!(!allowed_last(chunk_tag(2, Begin)));
    }

    #[test]
    fn chunks_encode_as_bilou_and_name_as_iob2() {
        use ChunkPos::*;
        let tags = encode_chunks(5, &[(0, 1, 2), (2, 5, 1)]);
        let (u, b, i, l) = (
            chunk_tag(2, Unit),
            chunk_tag(1, Begin),
            chunk_tag(1, Inside),
            chunk_tag(1, Last),
        );
        assert_eq!(tags, vec![u, 0, b, i, l]);
        let names: Vec<String> = tags.iter().map(|&t| iob2_name(t)).collect();
        assert_eq!(names, ["B-LOC", "O", "B-ORG", "I-ORG", "I-ORG"]);
    }
}
