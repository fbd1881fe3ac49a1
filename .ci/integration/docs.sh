#!/usr/bin/env bash
# GlossaryKit's documentation, as a Swift developer reads it:
#  1. the DocC catalog (Sources/GlossaryKit/GlossaryKit.docc) and every doc comment build with
#     swift-docc-plugin, and any warning fails: a symbol link that resolves to nothing, a snippet
#     or slice that does not exist, a parameter a comment does not describe;
#  2. every public declaration of GlossaryKit has a doc comment (.ci/documentation-coverage.py
#     lists the ones that do not, as `file:line:col: error: ...`).
# Both run even when the first fails, so one run shows every problem. The snippets the articles
# show are compiled by `swift build` and run by the test suite (DocumentationSnippetTests).
set -euo pipefail
cd "$(dirname "$0")/../.."

status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# --warnings-as-errors is docc's flag, which the plugin passes on; the grep also catches a warning
# that a future docc would print without failing.
if swift package generate-documentation --target GlossaryKit --warnings-as-errors >"$log" 2>&1 \
  && ! sed -n "/^Building documentation for 'GlossaryKit'/,\$p" "$log" | grep -qE "(warning|error):"; then
  echo "docs: the documentation builds without warnings (.build/plugins/Swift-DocC/outputs/GlossaryKit.doccarchive)"
else
  cat "$log" >&2
  echo "docs: the documentation has warnings or errors (above)" >&2
  status=1
fi

# The symbol graph of GlossaryKit: public declarations only (the default), without the members
# the compiler synthesizes. The command also tries every other module, and fails on the test
# modules when the tests are not built; only GlossaryKit's graph is read, so it must be new.
graph="$(dirname "$(swift build --show-bin-path)")/symbolgraph/GlossaryKit.symbols.json"
rm -f "$graph"
swift package dump-symbol-graph --skip-synthesized-members >"$log" 2>&1 || true
if ! [ -s "$graph" ]; then
  cat "$log" >&2
  echo "docs: could not extract GlossaryKit's symbol graph ($graph)" >&2
  exit 1
fi
if ! python3 .ci/documentation-coverage.py "$graph"; then
  echo "docs: every public declaration of GlossaryKit needs a doc comment (listed above)" >&2
  status=1
fi
exit "$status"
