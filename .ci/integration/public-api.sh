#!/usr/bin/env bash
# GlossaryKit's public API must be the one recorded in api/GlossaryKit.api.txt, and every public
# declaration must have a doc comment: a change to what adopters can use is then made on purpose
# and reviewed as such, never by the side effect of a `public` keyword.
#
#   .ci/integration/public-api.sh           check (what .ci/run does)
#   .ci/integration/public-api.sh --update  rewrite the record after a deliberate change
#
# Reads the debug build's module (building it if needed), so after `swift build` it takes seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."

record=api/GlossaryKit.api.txt
swift build --target GlossaryKit >/dev/null
bin=$(swift build --show-bin-path)
modules="$bin/Modules"
[ -d "$modules" ] || modules="$bin"
triple=$(swift -print-target-info | python3 -c 'import json, sys; print(json.load(sys.stdin)["target"]["triple"])')
extract=$(command -v swift-symbolgraph-extract || echo "$(dirname "$(readlink -f "$(command -v swift)")")/swift-symbolgraph-extract")

# GlossaryKit imports two C modules, CICU and Yams's CYaml: the extractor needs their module maps.
flags=()
for map in "$bin/CICU.build/module.modulemap" $(find .build/checkouts -path '*/CYaml/include/module.modulemap'); do
  flags+=(-Xcc "-fmodule-map-file=$map")
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$extract" -module-name GlossaryKit -I "$modules" "${flags[@]}" -target "$triple" \
  -minimum-access-level public -skip-inherited-docs -output-dir "$work"

{
  echo "# The public API of GlossaryKit, one declaration a line (see docs/architecture.md, \"Public API\")."
  echo "# Written by .ci/integration/public-api.sh --update; CI fails when the code differs from it."
  python3 .ci/list-public-api.py "$work" GlossaryKit
} >"$work/api.txt"

status=0
if [ "${1:-}" = "--update" ]; then
  cp "$work/api.txt" "$record"
  echo "public API: wrote $record ($(grep -vc '^#' "$record") lines); commit it and say in the commit why the API changed"
else
  if ! diff -u "$record" "$work/api.txt" >"$work/api.diff"; then
    cat "$work/api.diff" >&2
    echo "public API: GlossaryKit's public declarations differ from $record (diff above: - recorded, + now)." >&2
    echo "  If the change is deliberate, run .ci/integration/public-api.sh --update and commit the record" >&2
    echo "  with a note in the commit on why; otherwise make the new declarations 'package' or 'internal'." >&2
    status=1
  else
    echo "public API: ok ($(grep -vc '^#' "$record") lines, as recorded)"
  fi
fi

python3 .ci/list-public-api.py "$work" GlossaryKit --undocumented >"$work/undocumented.txt"
if [ -s "$work/undocumented.txt" ]; then
  sed 's/$/: public declaration without a doc comment/' "$work/undocumented.txt" >&2
  echo "public API: $(wc -l <"$work/undocumented.txt") public declarations have no doc comment; add a /// summary to each" >&2
  status=1
else
  echo "public API: every public declaration has a doc comment"
fi
exit "$status"
