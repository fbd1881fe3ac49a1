#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml with the real pre-commit framework: a temporary repository with a
# glossary and drafts points its .pre-commit-config.yaml at this checkout (local path, HEAD commit);
# a commit that adds a deprecated term (to a draft, a PO msgstr, an XLIFF <target>) must be rejected
# and a clean one must pass.
#
# pre-commit clones the committed state: uncommitted changes in this checkout are not tested.
# It builds the tool once with `swift build -c release` (minutes on two cores); PRE_COMMIT_HOME
# lives in a temporary folder so no earlier cache is reused and nothing is left behind.
set -euo pipefail

checkout="$(cd "$(dirname "$0")/../.." && pwd)"
rev="$(git -C "$checkout" rev-parse HEAD)"

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "installing pre-commit (pip)"
  python3 -m pip install --quiet --disable-pip-version-check pre-commit
fi
pre-commit --version

if ! git -C "$checkout" diff --quiet HEAD -- .pre-commit-hooks.yaml Package.swift Sources; then
  echo "note: this checkout has uncommitted changes; pre-commit tests the commit $rev"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/glossary-pre-commit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
project="$work/project"
mkdir -p "$project/glossary" "$project/docs/en" "$project/docs/id"
cd "$project"

git init -q
git config user.email "ci@example.com"
git config user.name "CI"
git config commit.gpgsign false

cat > glossary/terms.yml <<'YAML'
concepts:
  - id: ilo
    terms:
      en:
        - International Labour Organization
        - term: International Labor Organization
          status: deprecated
  - id: migrant-worker
    terms:
      en: [migrant worker]
      id:
        - pekerja migran
        - term: TKI
          type: acronym
          status: deprecated
YAML
cat > .glossary.yml <<'YAML'
languages:
  "docs/en/**": en
  "docs/id/**": id
YAML
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $checkout
    rev: $rev
    hooks:
      - id: glossary
YAML
echo "The International Labour Organization met in Geneva." > docs/en/report.md
git add -A
git commit -qm "Project with a glossary" --no-verify

pre-commit install
echo "== building the hook (swift build -c release)"
time pre-commit install-hooks

fail() { echo "pre-commit integration: $*" >&2; exit 1; }

echo "== a commit with a deprecated term must be rejected"
echo "Banyak TKI berangkat dari Kupang tanpa kontrak kerja tertulis." > docs/id/laporan.md
git add docs/id/laporan.md
if git commit -m "Add a draft with a deprecated term" >"$work/bad.log" 2>&1; then
  cat "$work/bad.log"
  fail "the commit with 'TKI' was accepted"
fi
cat "$work/bad.log"
grep -q "docs/id/laporan.md:1:8: warning: 'TKI' is deprecated" "$work/bad.log" \
  || fail "the rejection does not name the finding"
[ "$(git rev-list --count HEAD)" = 1 ] || fail "a commit was recorded"

echo "== the fixed draft must pass"
echo "Banyak pekerja migran berangkat dari Kupang tanpa kontrak kerja tertulis." > docs/id/laporan.md
git add docs/id/laporan.md
git commit -m "Add a clean draft" >"$work/good.log" 2>&1 || { cat "$work/good.log"; fail "the clean commit was rejected"; }
cat "$work/good.log"
grep -q "glossary.*Passed" "$work/good.log" || fail "the hook did not run on the clean commit"
[ "$(git rev-list --count HEAD)" = 2 ] || fail "the clean commit was not recorded"

echo "== translation files: a deprecated term in a staged msgstr or <target> must be rejected"
mkdir -p locale app
write_po() {
  printf 'msgid ""\nmsgstr ""\n"Language: id\\n"\n\nmsgid "Many migrant workers left Kupang."\nmsgstr "%s"\n' "$1" > locale/id.po
}
write_xliff() {
  cat > app/strings.id.xlf <<XLF
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="id" datatype="plaintext" original="app">
    <body>
      <trans-unit id="leave">
        <source>The migrant worker left.</source>
        <target>$1</target>
      </trans-unit>
    </body>
  </file>
</xliff>
XLF
}
write_po "Banyak pekerja migran berangkat dari Kupang."
write_xliff "Pekerja migran itu berangkat."
git add locale app
git commit -m "Add clean translation files" >"$work/clean-l10n.log" 2>&1 || { cat "$work/clean-l10n.log"; fail "clean translation files were rejected"; }
[ "$(git rev-list --count HEAD)" = 3 ] || fail "the clean translation files were not committed"

write_po "Banyak TKI berangkat dari Kupang."
git add locale/id.po
if git commit -m "A PO file with a deprecated term" >"$work/po.log" 2>&1; then
  cat "$work/po.log"; fail "the PO file with 'TKI' was accepted"
fi
cat "$work/po.log"
grep -q "locale/id.po:6:16: warning: 'TKI' is deprecated" "$work/po.log" || fail "the PO rejection does not name the finding"
git checkout -q HEAD -- locale/id.po

write_xliff "TKI itu berangkat."
git add app/strings.id.xlf
if git commit -m "An XLIFF file with a deprecated term" >"$work/xliff.log" 2>&1; then
  cat "$work/xliff.log"; fail "the XLIFF file with 'TKI' was accepted"
fi
cat "$work/xliff.log"
grep -q "app/strings.id.xlf:7:17: warning: 'TKI' is deprecated" "$work/xliff.log" || fail "the XLIFF rejection does not name the finding"
[ "$(git rev-list --count HEAD)" = 3 ] || fail "a rejected translation file was committed"

write_xliff "Pekerja migran itu pulang."
git add app/strings.id.xlf
git commit -m "A clean XLIFF change" >"$work/xliff-good.log" 2>&1 || { cat "$work/xliff-good.log"; fail "the clean XLIFF change was rejected"; }
grep -q "glossary.*Passed" "$work/xliff-good.log" || fail "the hook did not run on the clean XLIFF change"

echo "== files the hook does not cover are not checked"
echo '{"note": "International Labor Organization"}' > data.json
git add data.json
git commit -m "Data file" >"$work/skip.log" 2>&1 || { cat "$work/skip.log"; fail "a JSON file was checked"; }
grep -q "glossary.*(no files to check)Skipped" "$work/skip.log" || { cat "$work/skip.log"; fail "the hook was not skipped for data.json"; }

echo "pre-commit integration: ok (rejected a deprecated term in Markdown, PO and XLIFF, passed clean commits, skipped other files)"
