#!/usr/bin/env python3
"""Lists the public declarations of a module that have no doc comment, and fails if there are any.

Reads the symbol graph that `swift package dump-symbol-graph --skip-synthesized-members` writes
(`<dir>/GlossaryKit.symbols.json`): every public symbol of the module, each with its doc comment
when it has one. A member that implements a protocol requirement without a comment of its own
carries the requirement's comment there, as DocC shows it, so it counts as documented; members the
compiler synthesizes (`!=`, `>`) are not in the graph. Declarations narrowed to `package` or less
are not in it either.

Output: one line per undocumented declaration, `path:line:column: error: ...`, sorted by file and
line so that an editor or a terminal jumps to each; then a count per kind of declaration.
"""
import collections
import json
import os
import sys
from urllib.parse import unquote, urlparse

KIND_NAMES = {
    "swift.enum.case": "enum case",
    "swift.init": "initializer",
    "swift.property": "property",
    "swift.type.property": "static property",
    "swift.method": "method",
    "swift.type.method": "static method",
    "swift.subscript": "subscript",
    "swift.func.op": "operator",
    "swift.typealias": "type alias",
    "swift.associatedtype": "associated type",
}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: documentation-coverage.py MODULE.symbols.json")
    path = sys.argv[1]
    with open(path, encoding="utf-8") as file:
        graph = json.load(file)
    module = graph["module"]["name"]
    root = os.getcwd() + os.sep
    missing = []
    public = 0
    for symbol in graph["symbols"]:
        if symbol.get("accessLevel") not in ("public", "open"):
            continue
        if "::SYNTHESIZED::" in symbol["identifier"]["precise"]:
            continue
        public += 1
        comment = symbol.get("docComment", {}).get("lines", [])
        if any(line.get("text", "").strip() for line in comment):
            continue
        location = symbol.get("location", {})
        file = unquote(urlparse(location.get("uri", "")).path) or "<unknown>"
        if file.startswith(root):
            file = file[len(root):]
        position = location.get("position", {})
        kind = symbol["kind"]["identifier"]
        missing.append((
            file, position.get("line", 0) + 1, position.get("character", 0) + 1,
            KIND_NAMES.get(kind, symbol["kind"]["displayName"].lower()),
            ".".join(symbol["pathComponents"]),
        ))
    missing.sort()
    for file, line, column, kind, name in missing:
        print(f"{file}:{line}:{column}: error: public {kind} '{name}' has no doc comment")
    if missing:
        counts = collections.Counter(kind for *_, kind, _ in missing)
        summary = ", ".join(f"{count} {kind}" for kind, count in counts.most_common())
        print(f"{len(missing)} of {public} public declarations of {module} have no doc comment ({summary}).")
        sys.exit(1)
    print(f"All {public} public declarations of {module} have a doc comment.")


if __name__ == "__main__":
    main()
