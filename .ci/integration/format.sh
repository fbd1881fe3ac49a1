#!/usr/bin/env bash
# The code is formatted with swift-format (the toolchain's `swift format`) under the project's
# .swift-format configuration; this fails on any file that differs or any lint rule it breaks.
# To fix: swift format -i -r Sources Tests Snippets Plugins Fuzz/Sources Fuzz/Package.swift Package.swift
set -euo pipefail
cd "$(dirname "$0")/../.."
paths=(Sources Tests Snippets Plugins Fuzz/Sources Fuzz/Package.swift Package.swift)
if ! swift format lint --strict --recursive "${paths[@]}"; then
  echo "format: the code differs from swift-format's output (above)." >&2
  echo "  Run: swift format -i -r ${paths[*]}" >&2
  exit 1
fi
echo "format: every Swift file is as swift-format writes it"
