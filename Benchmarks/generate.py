#!/usr/bin/env python3
"""Deterministic generator of benchmark glossaries and a mixed id/en/su corpus.

Usage: generate.py OUTDIR [--corpus-mb 100] [--sizes 1000,10000,100000] [--seed 20261129]

Writes OUTDIR/glossary-<N>.yml for each size and OUTDIR/corpus.txt. Words are built from
syllables so that they look like Indonesian, Sundanese or English words without being real ones;
about 1% of the corpus tokens start a glossary term, some of them inflected (-nya, -na,
reduplication, English plurals, accent-less Sundanese, NFD accents, upper case). No term word is
a filler word or stopword of any language, nor the start of one, so every glossary size finds
the same planted occurrences and nothing else (see blocked_words).
"""
import argparse
import os
import random
import unicodedata

ONSETS_ID = ["b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "ng", "ny", "kr", "tr", "pr", "st"]
VOWELS_ID = ["a", "i", "u", "e", "o", "a", "a", "i"]
CODAS_ID = ["", "", "", "n", "ng", "r", "s", "t", "k", "l", "h", "m"]
VOWELS_SU = ["a", "i", "u", "é", "e", "o", "eu", "a"]
ONSETS_EN = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cl", "pr", "st", "tr", "sh", "th", "ch"]
VOWELS_EN = ["a", "e", "i", "o", "u", "ea", "ou", "ai", "ee", "oo"]
CODAS_EN = ["", "n", "r", "s", "t", "ck", "nd", "st", "ll", "rd", "nt", "ss"]
ENDINGS_EN = ["", "", "", "tion", "ment", "ness", "ity", "our", "er", "ing"]

STOP = {
    "id": "yang dan di ke dari ini itu dengan untuk adalah pada dalam tidak akan atau oleh sebagai juga telah karena bahwa".split(),
    "en": "the of and to in is that for on with as by from at an be has have it which not or their".split(),
    "su": "nu anu jeung di ka ti téh ieu éta nyaéta sarta atawa kana pikeun ku geus teu kudu bisa dina".split(),
}


def word(rng, lang):
    if lang == "en":
        n = rng.choice([1, 2, 2, 3])
        w = "".join(rng.choice(ONSETS_EN) + rng.choice(VOWELS_EN) for _ in range(n)) + rng.choice(CODAS_EN)
        return w + rng.choice(ENDINGS_EN)
    vowels = VOWELS_SU if lang == "su" else VOWELS_ID
    n = rng.choice([2, 2, 3, 3, 4])
    w = "".join(rng.choice(ONSETS_ID) + rng.choice(vowels) for _ in range(n))
    return w + rng.choice(CODAS_ID)


def bare(text):
    """The word without accents, as the matcher's accent folding sees it."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def blocked_words(filler):
    """Every beginning of every filler word and stopword of every language, accent-free.

    A term word must be none of these: otherwise the corpus's filler text would contain the term
    (as the word itself, or read as an inflected form of it: `bakrosna` as `bakros` + -na), and a
    larger glossary would find more in the same corpus only because its random words collide with
    the filler. Every glossary size should find the same planted occurrences.
    """
    blocked = set()
    for words in list(filler.values()) + list(STOP.values()):
        for w in words:
            w = bare(w)
            for end in range(1, len(w) + 1):
                blocked.add(w[:end])
    return blocked


def make_glossary(rng, size, filler):
    concepts = []
    seen = {"id": set(), "en": set(), "su": set()}
    blocked = blocked_words(filler)
    while len(concepts) < size:
        terms = {}
        ok = True
        for lang in ("id", "en", "su"):
            count = rng.choice([1, 1, 1, 2, 2, 3, 4])
            words = [word(rng, lang) for _ in range(count)]
            text = " ".join(words)
            if text in seen[lang] or any(bare(w) in blocked for w in words):
                ok = False
                break
            entries = [(text, "preferred")]
            if rng.random() < 0.25:
                extra = word(rng, lang)
                variant = " ".join(words[:-1] + [extra])
                if variant not in seen[lang] and bare(extra) not in blocked:
                    entries.append((variant, rng.choice(["admitted", "deprecated", "deprecated", "forbidden"])))
            terms[lang] = entries
        if not ok:
            continue
        for lang, entries in terms.items():
            for text, _ in entries:
                seen[lang].add(text)
        concepts.append(terms)
    return concepts


def write_glossary(path, concepts):
    with open(path, "w", encoding="utf-8") as out:
        out.write("concepts:\n")
        for index, terms in enumerate(concepts):
            out.write(f"  - id: c{index}\n    terms:\n")
            for lang, entries in terms.items():
                out.write(f"      {lang}:\n")
                for text, status in entries:
                    if status == "preferred":
                        out.write(f"        - {text}\n")
                    else:
                        out.write(f"        - {{term: {text}, status: {status}}}\n")


def inflect(rng, lang, text):
    """An inflected or differently written occurrence of a term, and what was done."""
    words = text.split(" ")
    r = rng.random()
    if lang == "id":
        if r < 0.15:
            words[-1] += rng.choice(["nya", "lah", "nyalah"])
        elif r < 0.25:
            words[0] = words[0] + "-" + words[0]
    elif lang == "su":
        if r < 0.15:
            words[-1] += "na"
        elif r < 0.25:
            words = [w.replace("é", "e") for w in words]
        elif r < 0.32:
            words = [unicodedata.normalize("NFD", w) for w in words]
    else:
        if r < 0.2 and not words[-1].endswith("s"):
            last = words[-1]
            words[-1] = last[:-1] + "ies" if last.endswith("y") else last + ("es" if last.endswith(("sh", "ch", "x")) else "s")
    out = " ".join(words)
    if rng.random() < 0.05:
        out = out.upper()
    elif rng.random() < 0.2:
        out = out[:1].upper() + out[1:]
    return out


def write_corpus(path, rng, concepts, filler, megabytes):
    target = megabytes * 1024 * 1024
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            lang = rng.choice(["id", "en", "su"])
            sentences = []
            for _ in range(rng.randint(3, 7)):
                tokens = []
                for _ in range(rng.randint(8, 22)):
                    x = rng.random()
                    if x < 0.01:
                        terms = concepts[rng.randrange(len(concepts))][lang]
                        tokens.append(inflect(rng, lang, rng.choice(terms)[0]))
                    elif x < 0.35:
                        tokens.append(rng.choice(STOP[lang]))
                    else:
                        tokens.append(rng.choice(filler[lang]))
                sentence = " ".join(tokens)
                sentences.append(sentence[:1].upper() + sentence[1:] + rng.choice([".", ".", ".", ",", ";", "?"]))
            paragraph = " ".join(sentences) + "\n\n"
            out.write(paragraph)
            written += len(paragraph.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--corpus-mb", type=int, default=100)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--seed", type=int, default=20261129)
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    rng = random.Random(args.seed)
    filler = {lang: sorted({word(rng, lang) for _ in range(6000)}) for lang in ("id", "en", "su")}
    sizes = [int(s) for s in args.sizes.split(",")]
    largest = make_glossary(rng, max(sizes), {k: set(v) for k, v in filler.items()})
    for size in sizes:
        # Smaller glossaries are prefixes of the largest, so the corpus mentions terms of each.
        write_glossary(os.path.join(args.outdir, f"glossary-{size}.yml"), largest[:size])
    # Terms are drawn from the smallest glossary so that every size finds the same occurrences.
    write_corpus(os.path.join(args.outdir, "corpus.txt"), rng, largest[:min(sizes)], filler, args.corpus_mb)


if __name__ == "__main__":
    main()
