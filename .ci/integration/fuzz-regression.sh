#!/usr/bin/env bash
# Run by .ci/run: replays the fuzz targets' stored inputs. Every target of Fuzz/ runs once over
# its seeds (made from ../shared/data, and committed in Fuzz/Seeds/TARGET) and the reproducers
# of the crashes fixed so far (Fuzz/Regressions/TARGET), built with AddressSanitizer and
# libFuzzer. Any crash, broken invariant or sanitizer report fails the run. No fuzzing happens
# here: that is `Fuzz/fuzz.sh run` (docs/fuzzing.md).
#
# The build is most of the cost (the main package once more, with sanitizers and coverage, in
# its own scratch folder .build-fuzz, about a minute from scratch); the replay takes about 30 s.
set -euo pipefail
cd "$(dirname "$0")/../.."

shared="${GLOSSARY_SHARED:-$PWD/../shared}"
if ! [ -d "$shared/data" ]; then
  echo "fuzz regression: SKIPPED, $shared/data not found (the seed corpora are made from it)"
  exit 0
fi

start=$SECONDS
# Two jobs: CI has two cores, and the test suite has already been built.
Fuzz/fuzz.sh build --jobs 2
echo "fuzz targets built in $((SECONDS - start))s"
GLOSSARY_SHARED="$shared" Fuzz/fuzz.sh regress
echo "fuzz regression passed in $((SECONDS - start))s"
