#!/usr/bin/env bash
# GlossaryKit's documentation, as a Swift developer reads it: the DocC catalog
# (Sources/GlossaryKit/GlossaryKit.docc) and every doc comment build with swift-docc-plugin, and
# any warning fails: a symbol link that resolves to nothing, a snippet or slice that does not
# exist, a parameter a comment does not describe.
#
# The snippets the articles show are compiled by `swift build` and run by the test suite
# (DocumentationSnippetTests); that every public declaration has a doc comment is checked by
# public-api.sh, beside the record of the public API.
set -euo pipefail
cd "$(dirname "$0")/../.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# --warnings-as-errors is docc's flag, which the plugin passes on; the grep also catches a warning
# that a docc version would print without failing.
if swift package generate-documentation --target GlossaryKit --warnings-as-errors >"$log" 2>&1 \
  && ! sed -n "/^Building documentation for 'GlossaryKit'/,\$p" "$log" | grep -qE "(warning|error):"; then
  echo "docs: the documentation builds without warnings (.build/plugins/Swift-DocC/outputs/GlossaryKit.doccarchive)"
else
  cat "$log" >&2
  echo "docs: the documentation has warnings or errors (above)" >&2
  exit 1
fi
