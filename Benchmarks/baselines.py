#!/usr/bin/env python3
"""Python baselines for the benchmark: the same glossary terms found in the same corpus with
pyahocorasick (with word-boundary filtering) and flashtext.

Usage: baselines.py GLOSSARY CORPUS.txt [REPEAT] [LIBRARY]  -> prints one JSON line per
available library (or only LIBRARY: pyahocorasick or flashtext), its fastest of REPEAT scans.
GLOSSARY is a generated YAML glossary (Benchmarks/generate.py) or a TSV one with a header row
naming a `term` column, one term per row (../shared/bench/termbase_corpus.py writes
`concept<TAB>lang<TAB>term`).
Matching is case-insensitive (the text is lower-cased first, as both libraries need), whole words
only; neither library knows inflection, so they find fewer occurrences than glossary does.
"""
import json
import sys
import time


def load_terms(path):
    """The terms of a benchmark glossary, lower-cased, in file order (duplicates kept)."""
    if path.endswith(".tsv"):
        return load_tsv_terms(path)
    return load_yaml_terms(path)


def load_yaml_terms(path):
    # The generated glossaries are simple enough to read without a YAML library:
    # "        - text" or "        - {term: text, status: …}".
    terms = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            stripped = line.strip()
            if not stripped.startswith("- ") or stripped.startswith("- id:"):
                continue
            value = stripped[2:]
            if value.startswith("{term:"):
                value = value[len("{term:"):].split(", status:")[0].strip()
            terms.append(value.lower())
    return terms


def load_tsv_terms(path):
    # A long-layout TSV: the header names the columns, and the `term` column holds one term per
    # row. The generated files have no quotes, tabs or line breaks inside a field, so a split on
    # tabs reads them; a row without a term (a concept with no terms) is skipped.
    with open(path, encoding="utf-8-sig") as handle:
        header = handle.readline().rstrip("\r\n").split("\t")
        if "term" not in header:
            raise SystemExit(f"{path}:1:1: error: the header has no `term` column: {header}")
        column = header.index("term")
        terms = []
        for line in handle:
            fields = line.rstrip("\r\n").split("\t")
            if column < len(fields) and fields[column]:
                terms.append(fields[column].lower())
    return terms


def is_word_char(c):
    return c.isalnum() or c == "_"


def run_pyahocorasick(terms, text):
    import ahocorasick
    start = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for index, term in enumerate(terms):
        automaton.add_word(term, index)
    automaton.make_automaton()
    built = time.perf_counter()
    lowered = text.lower()
    count = 0
    length = len(lowered)
    for end, index in automaton.iter(lowered):
        begin = end - len(terms[index]) + 1
        if begin > 0 and is_word_char(lowered[begin - 1]):
            continue
        if end + 1 < length and is_word_char(lowered[end + 1]):
            continue
        count += 1
    done = time.perf_counter()
    return {"library": "pyahocorasick", "terms": len(terms), "matches": count,
            "buildSeconds": round(built - start, 3), "scanSeconds": round(done - built, 3)}


def run_flashtext(terms, text):
    from flashtext import KeywordProcessor
    start = time.perf_counter()
    processor = KeywordProcessor(case_sensitive=False)
    for term in terms:
        processor.add_keyword(term)
    built = time.perf_counter()
    count = len(processor.extract_keywords(text))
    done = time.perf_counter()
    return {"library": "flashtext", "terms": len(terms), "matches": count,
            "buildSeconds": round(built - start, 3), "scanSeconds": round(done - built, 3)}


def main():
    glossary, corpus = sys.argv[1], sys.argv[2]
    # Each library scans this many times; the fastest scan counts, as for glossary itself.
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    only = sys.argv[4] if len(sys.argv) > 4 else None
    terms = sorted(set(load_terms(glossary)))
    with open(corpus, encoding="utf-8") as handle:
        text = handle.read()
    for runner in (run_pyahocorasick, run_flashtext):
        if only is not None and runner.__name__[4:] != only:
            continue
        try:
            result = min((runner(terms, text) for _ in range(repeat)), key=lambda entry: entry["scanSeconds"])
            result["runs"] = repeat
        except ImportError as error:
            result = {"library": runner.__name__[4:], "skipped": str(error)}
        result["bytes"] = len(text.encode("utf-8"))
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
