#!/usr/bin/env bash
# Builds and runs GlossaryKit's fuzz targets (docs/fuzzing.md).
#
#   Fuzz/fuzz.sh build                     build every target (AddressSanitizer + libFuzzer)
#   Fuzz/fuzz.sh seeds                     make the seed corpora from ../shared/data and the repository
#   Fuzz/fuzz.sh run [-t SECONDS] [TARGET…] fuzz each target (all by default) for SECONDS (60)
#   Fuzz/fuzz.sh regress [TARGET…]         run each target once over its seeds (from ../shared/data
#                                          and committed) and crash reproducers; fails on any
#                                          crash (what CI runs)
#   Fuzz/fuzz.sh repro TARGET FILE…        run a target on saved inputs (a crash to reproduce)
#   Fuzz/fuzz.sh minimize TARGET FILE      shrink a crashing input; writes FILE.min
#   Fuzz/fuzz.sh list                      the targets
#
# Everything built or found goes under .build-fuzz/ (ignored by git): the build, the working
# corpora (corpus/TARGET, which a run grows), and what a run finds (findings/TARGET). Set
# FUZZ_CONFIGURATION=release for an optimised build (slower to build, faster to fuzz).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

scratch=.build-fuzz
configuration="${FUZZ_CONFIGURATION:-debug}"
binaries="$scratch/$configuration"
shared="${GLOSSARY_SHARED:-$root/../shared}"
# LeakSanitizer is off: FoundationXML leaks a string per parser error, which is no bug of ours
# and would stop every run. The Swift backtracer is off so that a crash reaches libFuzzer, which
# saves the input, instead of a backtracer that can hang.
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
export SWIFT_BACKTRACE=enable=no

targets() {
  sed -n 's/^    "\(Fuzz[A-Za-z0-9]*\)",$/\1/p' Fuzz/Package.swift
}

# The libFuzzer dictionary of a target's input format, if it has one.
dictionary() {
  case "$1" in
    FuzzTBX|FuzzXLIFF|FuzzTMX) echo Fuzz/Dictionaries/xml.dict ;;
    FuzzYAMLGlossary|FuzzConfiguration) echo Fuzz/Dictionaries/yaml.dict ;;
    FuzzPO) echo Fuzz/Dictionaries/po.dict ;;
    FuzzStringCatalog|FuzzI18nJSON) echo Fuzz/Dictionaries/json.dict ;;
    FuzzCSVGlossary) echo Fuzz/Dictionaries/csv.dict ;;
    FuzzMarkdownMasking|FuzzCheckText|FuzzCheckStreaming) echo Fuzz/Dictionaries/markdown.dict ;;
  esac
}

check_target() {
  targets | grep -qx "$1" || { echo "unknown target '$1' (Fuzz/fuzz.sh list)" >&2; exit 2; }
}

build() {
  # SwiftPM keeps the build plan of a dependency by path across builds and misses a file added
  # to the main package since: plan afresh every time (it costs a second).
  rm -f "$scratch/$configuration.yaml"
  # Every module, the main package's included (C too), is built with AddressSanitizer and
  # instrumented for coverage; libFuzzer itself is linked into the fuzz targets only (see
  # Fuzz/Package.swift). Gold cannot link AddressSanitizer objects: lld links.
  swift build --package-path Fuzz --scratch-path "$scratch" -c "$configuration" \
    --sanitize=address \
    -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
    -Xcc -fsanitize=fuzzer-no-link \
    -Xswiftc -use-ld=lld \
    "$@"
}

require_built() {
  for target in "$@"; do
    [ -x "$binaries/$target" ] || { echo "$binaries/$target is not built: run Fuzz/fuzz.sh build" >&2; exit 2; }
  done
}

# libFuzzer's options for every run. The timeout catches an input that takes superlinear time.
common_options=(-timeout=20 -rss_limit_mb=4096 -detect_leaks=0 -print_final_stats=1)

command="${1:-}"
[ -n "$command" ] || { sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 2; }
shift
case "$command" in
  list)
    targets
    ;;
  build)
    build "$@"
    ;;
  seeds)
    bash Fuzz/make-seeds.sh "$shared" "$scratch/corpus" "$binaries"
    ;;
  run)
    seconds=60
    if [ "${1:-}" = "-t" ]; then seconds="$2"; shift 2; fi
    selected=("$@")
    [ ${#selected[@]} -gt 0 ] || mapfile -t selected < <(targets)
    for target in "${selected[@]}"; do check_target "$target"; done
    require_built "${selected[@]}"
    [ -d "$scratch/corpus" ] || bash Fuzz/make-seeds.sh "$shared" "$scratch/corpus" "$binaries"
    for target in "${selected[@]}"; do
      corpus="$scratch/corpus/$target"
      findings="$scratch/findings/$target"
      mkdir -p "$corpus" "$findings"
      options=("${common_options[@]}" -max_total_time="$seconds" -max_len=65536 -artifact_prefix="$findings/")
      dict="$(dictionary "$target")"
      [ -n "$dict" ] && options+=(-dict="$dict")
      # The corpus grows with the inputs that found new code; the committed seeds and
      # reproducers are read, never written.
      inputs=("$corpus")
      for folder in "Fuzz/Seeds/$target" "Fuzz/Regressions/$target"; do
        [ -d "$folder" ] && inputs+=("$folder")
      done
      echo "== $target for ${seconds}s"
      status=0
      "$binaries/$target" "${options[@]}" "${inputs[@]}" 2>&1 | tee "$scratch/findings/$target.log" \
        | grep -E '^(#[0-9]+.*(DONE|pulse)|Done|stat::number_of_executed_units|==[0-9]+==ERROR|==== fuzz invariant|SUMMARY)' || status=$?
      if ls "$findings"/crash-* "$findings"/timeout-* "$findings"/oom-* >/dev/null 2>&1; then
        echo "   findings in $findings (log: $scratch/findings/$target.log)"
      fi
    done
    ;;
  regress)
    selected=("$@")
    [ ${#selected[@]} -gt 0 ] || mapfile -t selected < <(targets)
    for target in "${selected[@]}"; do check_target "$target"; done
    require_built "${selected[@]}"
    # The seeds made from ../shared/data, afresh (not the working corpora, which runs grow).
    seeds="$scratch/regress-seeds"
    rm -rf "$seeds"
    bash Fuzz/make-seeds.sh "$shared" "$seeds" "$binaries" >/dev/null
    findings="$scratch/findings/regress"
    mkdir -p "$findings"
    failed=()
    for target in "${selected[@]}"; do
      inputs=()
      for folder in "$seeds/$target" "Fuzz/Seeds/$target" "Fuzz/Regressions/$target"; do
        [ -d "$folder" ] && inputs+=("$folder")
      done
      if [ ${#inputs[@]} -eq 0 ]; then
        echo "$target: no committed seeds or reproducers" >&2
        failed+=("$target")
        continue
      fi
      count=$(find "${inputs[@]}" -type f | wc -l)
      log="$(mktemp)"
      # -runs=0 runs every input once and stops; a crash, an invariant broken or a sanitizer
      # report exits non-zero.
      if "$binaries/$target" "${common_options[@]}" -runs=0 -artifact_prefix="$findings/$target-" "${inputs[@]}" >"$log" 2>&1; then
        echo "$target: $count inputs, no crash"
      else
        echo "$target: FAILED on its committed inputs" >&2
        grep -E '==== fuzz invariant|ERROR|SUMMARY|Running: ' "$log" | tail -n 20 >&2 || tail -n 40 "$log" >&2
        failed+=("$target")
      fi
      rm -f "$log"
    done
    if [ ${#failed[@]} -gt 0 ]; then
      echo "fuzz regression failed: ${failed[*]}" >&2
      exit 1
    fi
    ;;
  repro)
    target="${1:?target}"; shift
    check_target "$target"
    require_built "$target"
    "$binaries/$target" "${common_options[@]}" -artifact_prefix="$scratch/findings/" "$@"
    ;;
  minimize)
    target="${1:?target}"; file="${2:?file}"
    check_target "$target"
    require_built "$target"
    "$binaries/$target" "${common_options[@]}" -minimize_crash=1 -max_total_time=120 \
      -exact_artifact_path="$file.min" "$file"
    echo "minimised input: $file.min"
    ;;
  *)
    echo "unknown command '$command'" >&2
    exit 2
    ;;
esac
