#!/usr/bin/env bash
# Proves the README's Install section: a release binary copied on its own keeps working when the
# build folder is gone. It builds as the README does, `swift build -c release
# --static-swift-stdlib --product glossary` (minutes on two cores; the product alone, as the test
# support targets import Testing, which the static runtime does not provide), copies the binary
# to a temporary folder, moves .build aside (back again on exit, however the script ends), and
# checks the sample draft from an empty folder with the copy.
set -euo pipefail

checkout="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$checkout"
swift build -c release --static-swift-stdlib --product glossary
built="$(swift build -c release --static-swift-stdlib --show-bin-path)/glossary"

work="$(mktemp -d "${TMPDIR:-/tmp}/glossary-installed.XXXXXX")"
aside="$checkout/.build-moved-aside-$$"
restore() {
  if [ -e "$aside" ]; then mv "$aside" "$checkout/.build"; fi
  rm -rf "$work"
}
trap restore EXIT
mkdir -p "$work/bin" "$work/empty"
cp "$built" "$work/bin/glossary"
mv "$checkout/.build" "$aside"
export GLOSSARY_CACHE_DIR="$work/cache"

cd "$work/empty"
"$work/bin/glossary" --version
status=0
"$work/bin/glossary" check -g "$checkout/glossary" "$checkout/Examples/abstract.md" >"$work/out.txt" 2>&1 || status=$?
# 1: findings reported. A missing resource bundle would end the run with a signal instead.
if [ "$status" -ne 1 ]; then
  echo "installed binary: expected exit status 1 (findings), got $status" >&2
  cat "$work/out.txt" >&2
  exit 1
fi
# The Sundanese clitic reading needs the language data that is compiled in.
if ! grep -q "matched 'TKI-na' as 'TKI' + -na" "$work/out.txt"; then
  echo "installed binary: the Sundanese reading of 'TKI-na' is missing" >&2
  cat "$work/out.txt" >&2
  exit 1
fi
echo "installed binary: ok without the build folder ($(tail -n 1 "$work/out.txt"))"
