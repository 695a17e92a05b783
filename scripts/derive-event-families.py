#!/usr/bin/env python3
"""Derive the word forms of the event trigger families from WordNet 3.0.

The trigger lexicon (crates/events/src/lexicon.rs) names a family by its
core lemma and part of speech instead of typing every form:

    @charge:v    the verb's inflections (charge charges charged charging)
    @charge:n    the noun's singular and plural (charge charges)
    @injure:vn   the verb's inflections and the event nouns WordNet derives
                 from it (injury injuries): derivationally related nouns
                 filed under acts, events, states, communications or
                 phenomena (not people: "attacker", not artifacts: "charger")

This script reads every such reference in the lexicon and writes
crates/events/src/families.rs, which the build reads: neither the build nor
CI needs WordNet. Inflections are generated: WordNet's exception lists give
the irregular forms (sold, took, dying, stopped, men), regular English
morphology the rest. Run it after adding a reference:

    apt-get install wordnet-base          # Debian: WordNet 3.0 in /usr/share/wordnet
    scripts/derive-event-families.py      # rewrites crates/events/src/families.rs

The output is sorted and depends only on the lexicon and WordNet 3.0.
"""
import os
import re
import sys

WN = os.environ.get("WNDIR", "/usr/share/wordnet")
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEXICON = os.path.join(TOP, "crates/events/src/lexicon.rs")
OUT = os.path.join(TOP, "crates/events/src/families.rs")

# WordNet lexicographer files whose nouns name something that happens
# (lexnames(5WN)): noun.act, noun.communication, noun.event,
# noun.phenomenon, noun.state.
EVENT_NOUN_FILES = {4, 10, 11, 19, 26}

VOWELS = set("aeiou")


def read_exceptions(pos):
    """Irregular form -> lemmas, from WordNet's exception list."""
    out = {}
    with open(f"{WN}/{pos}.exc", encoding="latin-1") as f:
        for line in f:
            form, *lemmas = line.split()
            for lemma in lemmas:
                out.setdefault(lemma, set()).add(form)
    return out


def read_data(pos):
    """Synset offset -> (lexicographer file, words, pointers)."""
    out = {}
    with open(f"{WN}/data.{pos}", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence header
            fields = line.split("|")[0].split()
            offset, lexfile, count = fields[0], int(fields[1]), int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(count)]
            i = 4 + 2 * count
            pointers = []
            for _ in range(int(fields[i])):
                symbol, target, tpos, source_target = fields[i + 1 : i + 5]
                pointers.append((symbol, target, tpos, source_target))
                i += 4
            out[offset] = (lexfile, words, pointers)
    return out


def doubles_final(lemma):
    """Whether a verb doubles its last consonant before -ed/-ing: a
    one-syllable verb ending consonant-vowel-consonant (stop, ban, sue not)."""
    if len(lemma) < 3 or "-" in lemma:
        return False
    a, b, c = lemma[-3], lemma[-2], lemma[-1]
    syllables = len(re.findall(r"[aeiouy]+", lemma))
    return syllables == 1 and a not in VOWELS and b in VOWELS and c not in VOWELS | set("wxy")


def verb_forms(lemma, exceptions):
    irregular = exceptions.get(lemma, set())
    slots = {"ing": False, "s": False, "past": False}
    for form in irregular:
        if form.endswith("ing"):
            slots["ing"] = True
        elif form.endswith("s") and not lemma.endswith("s"):
            slots["s"] = True
        else:
            slots["past"] = True
    forms = {lemma} | irregular
    # A British past in -t (burnt, learnt, spelt) has the regular -ed
    # beside it; "left", "sent", "bought" have none.
    past = {f for f in irregular if not f.endswith(("ing", "s"))}
    british = {lemma + "t"} | ({lemma[:-1] + "t"} if lemma.endswith("ll") else set())
    if past and past <= british:
        slots["past"] = False
    stem = lemma
    if not slots["s"]:
        if re.search(r"(s|x|z|ch|sh|o)$", lemma):
            forms.add(lemma + "es")
        elif re.search(r"[^aeiou]y$", lemma):
            forms.add(lemma[:-1] + "ies")
        else:
            forms.add(lemma + "s")
    if doubles_final(lemma):
        stem = lemma + lemma[-1]
    if not slots["past"]:
        if lemma.endswith("e"):
            forms.add(lemma + "d")
        elif re.search(r"[^aeiou]y$", lemma):
            forms.add(lemma[:-1] + "ied")
        else:
            forms.add(stem + "ed")
    if not slots["ing"]:
        if lemma.endswith("ie"):
            forms.add(lemma[:-2] + "ying")
        elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
            forms.add(lemma[:-1] + "ing")
        else:
            forms.add(stem + "ing")
    # British doubling of a final l (travelled) has the American single-l
    # forms beside it.
    if lemma.endswith("l") and lemma + "led" in irregular:
        forms.update({lemma + "ed", lemma + "ing"})
    return forms


def noun_forms(lemma, exceptions):
    irregular = exceptions.get(lemma, set())
    if irregular:
        return {lemma} | irregular
    if re.search(r"(s|x|z|ch|sh)$", lemma):
        return {lemma, lemma + "es"}
    if re.search(r"[^aeiou]y$", lemma):
        return {lemma, lemma[:-1] + "ies"}
    return {lemma, lemma + "s"}


def event_nouns(lemma, verbs, nouns):
    """Nouns WordNet derives from the verb that name an event."""
    out = set()
    for lexfile, words, pointers in verbs.values():
        if lemma not in words:
            continue
        number = words.index(lemma) + 1
        for symbol, target, tpos, source_target in pointers:
            if symbol != "+" or tpos != "n" or int(source_target[:2], 16) != number:
                continue
            nfile, nwords, _ = nouns[target]
            if nfile in EVENT_NOUN_FILES:
                word = nwords[int(source_target[2:], 16) - 1]
                out.add(re.sub(r"\(.*\)$", "", word).replace("_", " "))
    return {w for w in out if " " not in w}


def main():
    text = open(LEXICON, encoding="utf-8").read()
    # References inside string literals only (the doc comments show some).
    literals = " ".join(re.findall(r'"([^"\n]*)"', text))
    refs = sorted(set(re.findall(r"@([a-z-]+):(vn|v|n)\b", literals)))
    verb_exc, noun_exc = read_exceptions("verb"), read_exceptions("noun")
    verbs, nouns = read_data("verb"), read_data("noun")
    known_verbs = {w for _, ws, _ in verbs.values() for w in ws}
    known_nouns = {w for _, ws, _ in nouns.values() for w in ws}
    lines = []
    for lemma, pos in refs:
        forms = set()
        if "v" in pos:
            if lemma not in known_verbs:
                sys.exit(f"@{lemma}:{pos}: not a WordNet verb")
            forms |= verb_forms(lemma, verb_exc)
        if pos == "n":
            if lemma not in known_nouns:
                sys.exit(f"@{lemma}:{pos}: not a WordNet noun")
            forms |= noun_forms(lemma, noun_exc)
        if pos == "vn":
            for noun in event_nouns(lemma, verbs, nouns):
                forms |= noun_forms(noun, noun_exc)
        lines.append(f'    ("@{lemma}:{pos}", "{" ".join(sorted(forms))}"),')
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "//! Word forms of the trigger families the lexicon names (`@lemma:pos`).\n"
            "//! Generated by scripts/derive-event-families.py from WordNet 3.0: do\n"
            "//! not edit; run the script after adding a reference to the lexicon.\n\n"
            "/// (reference, space-separated lowercase forms), sorted by reference.\n"
            "#[rustfmt::skip]\n"
            "pub static FAMILIES: &[(&str, &str)] = &[\n"
        )
        f.write("\n".join(lines) + ("\n" if lines else ""))
        f.write("];\n")
    print(f"{len(refs)} families written to {os.path.relpath(OUT, TOP)}")


if __name__ == "__main__":
    main()
