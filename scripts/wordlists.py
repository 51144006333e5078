#!/usr/bin/env python3
"""Regenerate the spoken-password word lists of carepost.

Writes crates/carepost/src/password/{nl,fr,en}.txt: for each language the
SIZE most frequent words (by wordfreq) that a spelling dictionary knows and
that pass every rule below. The lists are this script's output plus a
hand review, recorded in crates/carepost/src/password/blocked.txt (words and
stems taken out by eye); run it again after editing that file.

Rules, in the order applied (each word is tested against the words already
taken, most frequent first, so the more common of two clashing words stays):
  * 4 to 8 letters, lowercase a-z only (a French word with an accent is
    dropped, never stripped of it);
  * a base form (hunspell stem, in lowercase: no names, no plurals or
    conjugated forms) of the language's spelling dictionary, and for French
    a noun, adjective, verb or adverb;
  * not an inflected form of another known word (huizen, walked; Dutch
    past participles ge...d/t/en), see INFLECTIONS;
  * not more frequent in one of the other two languages (loan words such as
    "bridge" in Dutch are spelled one way and said another);
  * not blocked (blocked.txt: exact words, and stems ending in '*' that
    block every word starting with them);
  * no word taken already is within edit distance 1 (one letter changed,
    added, removed, or two neighbouring letters swapped);
  * no word taken already is a prefix of it, or it of one (boek/boeken,
    walk/walked: a suffix is easily lost on a phone line);
  * no word taken already has the same phonetic key (phonetic.txt).

Needs: Python 3.9+, the PyPI package wordfreq (tested with 3.1.1), and the
Debian packages hunspell-nl, hunspell-en-us and hunspell-fr-classical. Usage:

    python3 scripts/wordlists.py [--size 2048] [--dict-dir /usr/share]

The dictionaries may also be unpacked elsewhere (`apt-get download` and
`dpkg-deb -x PACKAGE.deb DIR`): --dict-dir DIR/usr/share.
"""

import argparse
import os
import re
import sys

import wordfreq

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "crates", "carepost", "src", "password")
WORD = re.compile(r"^[a-z]{4,8}$")
LANGS = ("nl", "fr", "en")
CANDIDATES = 80000

HEADERS = {
    "nl": [
        "Dutch words for carepost's spoken passwords.",
        "Words: the OpenTaal dictionary (Debian package hunspell-nl {wdutch}),",
        "  (c) 1996 Nederlandstalige TeX Gebruikersgroep, (c) 2001-2005 Simon Brouwer e.a.,",
        "  (c) 2006-2020 OpenTaal; used under its BSD licence (revised, 3-clause).",
    ],
    "fr": [
        "French words for carepost's spoken passwords.",
        "Words: the Dicollecte/Grammalecte French dictionary (Debian package",
        "  hunspell-fr-classical {hunspell_fr}), (c) 2007-2018 Dicollecte contributors;",
        "  this file is a derived form of it and is under the Mozilla Public Licence 2.0",
        "  (https://mozilla.org/MPL/2.0/).",
    ],
    "en": [
        "English words for carepost's spoken passwords.",
        "Words: SCOWL (Debian package hunspell-en-us {wamerican}), (c) 2000-2011 Kevin Atkinson",
        "  and the copyrights named in its README; used under its permissive licence",
        "  (use, copy, modify, distribute with the copyright and permission notice).",
    ],
}
COMMON_HEADER = [
    "Order: by frequency from wordfreq {wordfreq} (Robyn Speer; data CC BY-SA 4.0),",
    "  used only to choose and order the words; no frequency data is kept here.",
    "Made by: python3 scripts/wordlists.py --size {size}; rules: scripts/wordlists.py,",
    "  phonetic.txt and blocked.txt beside this file; see docs/design.md.",
    "{count} words, one a line; lines starting with # are comments.",
]


def load_rules(path):
    rules = {lang: [] for lang in LANGS}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            lang, op = parts[0], parts[1]
            if op in ("DOUBLE", "VOWELS"):
                rules[lang].append((op, None, None))
            else:
                to = "" if parts[3] == "-" else parts[3]
                rules[lang].append((op, parts[2], to))
    return rules


def phonetic_key(word, rules):
    """The same algorithm as `phonetic_key` in password.rs's tests."""
    for op, frm, to in rules:
        if op == "R":
            word = word.replace(frm, to)
        elif op == "^":
            if word.startswith(frm):
                word = to + word[len(frm):]
        elif op == "$":
            if word.endswith(frm):
                word = word[: len(word) - len(frm)] + to
        elif op == "DOUBLE":
            word = re.sub(r"(.)\1+", r"\1", word)
        elif op == "VOWELS":
            word = re.sub(r"[aeiouy]+", "a", word)
    return word


def load_blocked(path):
    exact = {lang: set() for lang in LANGS}
    stems = {lang: [] for lang in LANGS}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            lang, *words = line.split()
            targets = LANGS if lang == "*" else (lang,)
            for w in words:
                for t in targets:
                    if w.endswith("*"):
                        stems[t].append(w[:-1])
                    else:
                        exact[t].add(w)
    return exact, stems


def dictionary(lang, share):
    """The base forms (hunspell stems) the language's spelling dictionary
    knows: no plurals or conjugated forms, and in lowercase, no names.
    For French only nouns, adjectives, verbs and adverbs."""
    path = os.path.join(share, "hunspell", {"nl": "nl.dic", "fr": "fr.dic", "en": "en_US.dic"}[lang])
    wanted = ("po:nom", "po:adj", "po:v", "po:adv")
    words = set()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            stem = line.split("/", 1)[0].split(None, 1)[0].strip()
            if lang != "fr" or any(t in line for t in wanted):
                words.add(stem)
    return words


# Endings of inflected forms: a word that is another known word plus one of
# these (huizen, gelopen, walked, houses) is left out, and so are Dutch past
# participles (ge...d, ge...t, ge...en), which the Dutch stems include.
INFLECTIONS = {
    "nl": ("en", "s", "t", "d", "de", "te"),
    "fr": (),
    "en": ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "est"),
}
PARTICIPLE_NL = re.compile(r"^ge[a-z]{2,}(d|t|en)$")


def inflected(lang, word, known):
    if lang == "nl" and PARTICIPLE_NL.match(word):
        return True
    for ending in INFLECTIONS[lang]:
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= 3 and (base in known or base + "e" in known):
            return True
    return False


class Taken:
    def __init__(self):
        self.words = []
        self.set = set()
        self.subs = set()  # patterns with one ? for each taken word
        self.dels = set()  # each taken word with one letter removed
        self.keys = {}
        self.prefixes = set()

    def clash(self, word, key):
        if key in self.keys:
            return "sounds like " + self.keys[key]
        # substitution: same pattern with one wildcard
        for i in range(len(word)):
            if word[:i] + "?" + word[i + 1:] in self.subs:
                return "one letter from a taken word"
            # word minus a letter is a taken word (insertion)
            if word[:i] + word[i + 1:] in self.set:
                return "a taken word plus a letter"
        # word plus a letter is a taken word: word is a deletion of it
        if word in self.dels:
            return "a taken word minus a letter"
        for i in range(len(word) - 1):
            if word[:i] + word[i + 1] + word[i] + word[i + 2:] in self.set:
                return "a taken word with two letters swapped"
        if word in self.prefixes:
            return "prefix of a taken word"
        for i in range(4, len(word)):
            if word[:i] in self.set:
                return "starts with a taken word"
        return None

    def add(self, word, key):
        self.words.append(word)
        self.set.add(word)
        self.keys[key] = word
        for i in range(len(word)):
            self.subs.add(word[:i] + "?" + word[i + 1:])
            self.dels.add(word[:i] + word[i + 1:])
        for i in range(4, len(word)):
            self.prefixes.add(word[:i])


def build(lang, size, share, rules, blocked):
    exact, stems = blocked
    known = dictionary(lang, share)
    taken = Taken()
    for word in wordfreq.top_n_list(lang, CANDIDATES):
        if not WORD.match(word) or word not in known or inflected(lang, word, known):
            continue
        if word in exact[lang] or any(word.startswith(s) for s in stems[lang]):
            continue
        # A word more common in another of the three languages (a loan word
        # such as "bridge" in Dutch) is spelled one way and said another.
        own = wordfreq.zipf_frequency(word, lang)
        if any(wordfreq.zipf_frequency(word, other) > own for other in LANGS if other != lang):
            continue
        key = phonetic_key(word, rules[lang])
        if taken.clash(word, key):
            continue
        taken.add(word, key)
        if len(taken.words) == size:
            return taken.words
    sys.exit(f"{lang}: only {len(taken.words)} words pass the rules, {size} wanted")


def package_version(share, name):
    path = os.path.join(share, "doc", name, "changelog.Debian.gz")
    try:
        import gzip

        with gzip.open(path, "rt", encoding="utf-8") as f:
            first = f.readline()
        return first.split("(", 1)[1].split(")", 1)[0]
    except (OSError, IndexError):
        return "(version unknown)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=2048)
    parser.add_argument("--dict-dir", default="/usr/share")
    args = parser.parse_args()
    if args.size & (args.size - 1):
        sys.exit("--size must be a power of two")
    rules = load_rules(os.path.join(OUT, "phonetic.txt"))
    blocked = load_blocked(os.path.join(OUT, "blocked.txt"))
    versions = {
        "wdutch": package_version(args.dict_dir, "hunspell-nl"),
        "wamerican": package_version(args.dict_dir, "hunspell-en-us"),
        "hunspell_fr": package_version(args.dict_dir, "hunspell-fr-classical"),
        "wordfreq": wordfreq.__version__ if hasattr(wordfreq, "__version__") else "3.1.1",
        "size": args.size,
        "count": args.size,
    }
    for lang in LANGS:
        words = build(lang, args.size, args.dict_dir, rules, blocked)
        header = [h.format(**versions) for h in HEADERS[lang] + COMMON_HEADER]
        with open(os.path.join(OUT, lang + ".txt"), "w", encoding="utf-8") as f:
            for h in header:
                f.write("# " + h + "\n")
            for w in sorted(words):
                f.write(w + "\n")
        print(f"{lang}: {len(words)} words")


if __name__ == "__main__":
    main()
