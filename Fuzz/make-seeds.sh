#!/usr/bin/env bash
# Makes the seed corpus of every fuzz target from the real data in ../shared/data and the
# repository's own files, at run time: the data is never copied into the repository.
#
#   bash Fuzz/make-seeds.sh SHARED CORPUS BINARIES
#
# CORPUS/TARGET/ gets one file per seed (named by its source, so a rerun replaces rather than
# adds). The committed seeds in Fuzz/Seeds/TARGET are passed to the runs beside it. Without
# SHARED, only the repository's files are used. The check targets read a mode byte first
# (Fuzz/Sources/FuzzSupport/CheckInput.swift), the CSV target too: their seeds get one.
set -euo pipefail
shared="$1"
corpus="$2"
binaries="$3"
data="$shared/data"
cd "$(dirname "$0")/.."

if ! [ -d "$data" ]; then
  echo "note: $data not found; seeds from the repository only" >&2
fi

# add TARGET PREFIX_HEX FILE…: each existing FILE becomes a seed, after the bytes PREFIX_HEX.
add() {
  local target="$1" prefix="$2"
  shift 2
  mkdir -p "$corpus/$target"
  for file in "$@"; do
    [ -f "$file" ] || continue
    # Seeds past 256 KB slow every mutation down more than they add.
    [ "$(stat -c %s "$file")" -le 262144 ] || continue
    local name
    name="$(printf '%s' "$prefix:$file" | sha1sum | cut -c1-16)"
    { [ -z "$prefix" ] || printf "\\x$prefix"; cat "$file"; } >"$corpus/$target/seed-$name"
  done
}

shopt -s nullglob globstar

add FuzzYAMLGlossary "" glossary/*.yml Examples/*.yml Tests/**/Fixtures/**/*.yml Sources/GlossaryKit/Languages/Data/*.yml
add FuzzTBX "" "$data"/tbx/**/*.tbx Tests/**/Fixtures/**/*.tbx
add FuzzCSVGlossary 00 "$data"/**/*.csv
add FuzzCSVGlossary 01 "$data"/**/*.tsv
add FuzzCSVGlossary 02 "$data"/parallel/nusax/lexicon-*.csv
add FuzzXLIFF "" "$data"/xliff/**/*.xliff "$data"/xliff/**/*.xlf
add FuzzPO "" "$data"/po/**/*.po
add FuzzTMX "" "$data"/tmx/**/*.tmx
add FuzzStringCatalog "" "$data"/xcstrings/**/*.xcstrings
add FuzzI18nJSON "" "$data"/xliff/locize-xliff/*.json "$data"/lang-resources/stopwords-iso/stopwords-en.json
# Pairs of message files: en.json, a NUL, then the other language's file.
if [ -f "$data/i18n-json/vee-validate/en.json" ]; then
  mkdir -p "$corpus/FuzzI18nJSON"
  { cat "$data/i18n-json/vee-validate/en.json"; printf '\0'; cat "$data/i18n-json/vee-validate/id.json"; } \
    >"$corpus/FuzzI18nJSON/seed-vee-validate-pair"
fi
add FuzzMarkdownMasking "" "$data"/**/*.md "$data"/parallel/udhr/*.html Examples/*.md docs/*.md
add FuzzConfiguration "" Fuzz/Seeds/FuzzConfiguration/*
texts=("$data"/texts-id/**/*.md "$data"/parallel/udhr/*.derived.txt "$shared"/seed/*.txt Examples/*.md Tests/**/Fixtures/cross/*.md)
# As Markdown with the language detected (chunks of 48, 300 bytes and the default) and as plain
# Indonesian in chunks of 48 bytes.
for mode in 01 02 09 19; do
  add FuzzCheckText "$mode" "${texts[@]}"
  add FuzzCheckStreaming "$mode" "${texts[@]}"
done

# Cache entries: the content of the entry the cache stores for each glossary, made by the
# target itself from the glossary files.
if [ -x "$binaries/FuzzCacheEntry" ]; then
  mkdir -p "$corpus/FuzzCacheEntry"
  for glossary in glossary Examples/udhr-glossary.yml "$data"/glossaries/**/*.tsv "$data"/tbx/weblate/*.tbx; do
    [ -e "$glossary" ] || continue
    name="$(printf '%s' "$glossary" | sha1sum | cut -c1-16)"
    GLOSSARY_FUZZ_ENCODE="$glossary" GLOSSARY_FUZZ_ENCODE_TO="$corpus/FuzzCacheEntry/seed-$name" \
      ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$binaries/FuzzCacheEntry" \
      || echo "note: no cache seed from $glossary" >&2
  done
else
  echo "note: $binaries/FuzzCacheEntry is not built; no cache entry seeds" >&2
fi

for folder in "$corpus"/*/; do
  echo "$(basename "$folder"): $(find "$folder" -type f | wc -l) seeds"
done
