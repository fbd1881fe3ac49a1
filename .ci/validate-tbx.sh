#!/usr/bin/env bash
# Exports the project's glossary to TBX with `glossary convert` and validates the result:
#  1. xmllint (Debian's libxml2-utils) checks that the file is well-formed XML;
#  2. the exported file is read back with `glossary lint`, which applies the TBX-Core and
#     TBX-Basic rules of Sources/GlossaryKit/Formats/TBXValidator.swift and fails on any violation;
#  3. the root must declare TBX-Basic (the writer falls back to TBX-Core only for data outside
#     TBX-Basic, which the project glossary must not have).
# The official TBX RELAX NG and Schematron files cannot be fetched here; see docs/tbx.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v xmllint >/dev/null 2>&1; then
  echo "installing libxml2-utils (xmllint)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq libxml2-utils >/dev/null
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
swift build --product glossary >/dev/null
bin="$(swift build --show-bin-path)/glossary"

"$bin" convert glossary "$out/project.tbx"
xmllint --noout --nonet "$out/project.tbx"
echo "well-formed: $out/project.tbx"

if ! head -n 2 "$out/project.tbx" | grep -q '<tbx type="TBX-Basic" style="dca"'; then
  echo "the export does not declare TBX-Basic:" >&2
  head -n 2 "$out/project.tbx" >&2
  exit 1
fi

# Lint exits 1 on findings; TBX rule violations are errors.
"$bin" lint --fail-on error "$out/project.tbx"

# A round trip back to YAML must load and lint clean too.
"$bin" convert "$out/project.tbx" "$out/project.yml"
"$bin" lint --fail-on error "$out/project.yml"
echo "TBX export: ok"
