#!/usr/bin/env bash
# `glossary report` in a real browser: renders the review pages of the seed (one trilingual
# document), of the UDHR in three parallel files (and twenty times over, to be paged) and of a
# hostile draft (markup in its text and in the title), and checks them in headless Chromium through its DevTools protocol
# (Tests/Browser/review_page.py, Python standard library only): every finding `check` reports is on
# the page, a concept looks the same in every column, keyboard navigation and concept cards work,
# no console error, no network request, text contrast AA in light and dark mode, nothing wider than
# 320 px. Screenshots (desktop, 320 px, dark) go to .build-report-browser/screenshots;
# UPDATE_SCREENSHOTS=1 also copies those of the seed and the UDHR to docs/images.
#
# Debian's chromium is installed with apt-get when it is missing; without it and without apt the
# script says loudly that it skips, and exits 0. The seed and the UDHR texts are read from
# ../shared, never copied.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)

skip() {
  echo "######## report-browser: SKIPPED: $1 ########" >&2
  exit 0
}

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  command -v apt-get >/dev/null 2>&1 || skip "no chromium and no apt-get to install it"
  echo "installing chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  chromium=$(command -v chromium) || skip "chromium could not be installed"
fi
seed=../shared/seed/000_1beee4b83e3e15a5.txt
udhr=(../shared/data/parallel/udhr/udhr-{ind,eng,sun}.derived.txt)
[ -f "$seed" ] && [ -f "${udhr[0]}" ] || skip "../shared (the seed and the UDHR texts) is not beside the checkout"

swift build --product glossary
binary="$(swift build --product glossary --show-bin-path)/glossary"
out=.build-report-browser
rm -rf "$out/screenshots"
mkdir -p "$out"
export GLOSSARY_CACHE_DIR="$out/cache"

# Writes the page NAME of the inputs and the findings `check` reports on them.
render() {
  local name=$1
  shift
  local check=("$@")
  "$binary" report "${report_options[@]}" "$@" -o "$out/$name.html"
  # check exits 1 when it has findings; anything else is a failure.
  local status=0
  "$binary" check --format json "${check_options[@]}" "${check[@]}" >"$out/$name.json" 2>/dev/null || status=$?
  [ "$status" -le 1 ] || { echo "glossary check failed on $name ($status)" >&2; exit 1; }
}

report_options=()
check_options=()
render seed "$seed"
report_options=(-g Examples/udhr-glossary.yml)
check_options=(-g Examples/udhr-glossary.yml --parallel)
render udhr "${udhr[@]}"
# A long text, to be paged: the UDHR twenty times over in each language (640 translation sets).
for language in ind eng sun; do
  for _ in $(seq 20); do cat "../shared/data/parallel/udhr/udhr-$language.derived.txt"; echo; done >"$out/long-$language.txt"
done
render long "$out"/long-{ind,eng,sun}.txt
cat >"$out/hostile.en.md" <<'TEXT'
A draft that tries <script>window.__pwned = 1</script> to run code, and <img src="x" onerror="window.__pwned = 2">
to load an image, while it talks about labour trafficking and "quoted" & 'single' marks.
TEXT
report_options=(--title '<script>window.__pwned = 3</script> review')
check_options=()
render hostile "$out/hostile.en.md"

python3 Tests/Browser/review_page.py "$chromium" "$out/screenshots" \
  seed="$out/seed.html:$out/seed.json" udhr="$out/udhr.html:$out/udhr.json" long="$out/long.html:$out/long.json" \
  hostile="$out/hostile.html:$out/hostile.json"

if [ "${UPDATE_SCREENSHOTS:-0}" = 1 ]; then
  for name in seed udhr; do
    for view in desktop 320 dark; do cp "$out/screenshots/$name-$view.png" "docs/images/review-$name-$view.png"; done
  done
  echo "copied the screenshots to docs/images"
fi
echo "report-browser: passed in $(($(date +%s) - started)) s"
