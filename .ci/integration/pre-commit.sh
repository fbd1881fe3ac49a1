#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml with the real pre-commit framework: a temporary repository with a
# glossary and drafts points its .pre-commit-config.yaml at this checkout (local path, HEAD commit);
# a commit that adds a deprecated term must be rejected and a clean one must pass.
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

echo "== files the hook does not cover are not checked"
echo '{"note": "International Labor Organization"}' > data.json
git add data.json
git commit -m "Data file" >"$work/skip.log" 2>&1 || { cat "$work/skip.log"; fail "a JSON file was checked"; }
grep -q "glossary.*(no files to check)Skipped" "$work/skip.log" || { cat "$work/skip.log"; fail "the hook was not skipped for data.json"; }

echo "pre-commit integration: ok (rejected a deprecated term, passed a clean commit, skipped non-text files)"
