#!/usr/bin/env python3
"""Lists a module's public declarations from its symbol graph, one a line, sorted.

Usage: list-public-api.py SYMBOL_GRAPH_FOLDER MODULE [--undocumented]

Each line is the declaration as Swift prints it, after the path of the type that holds it
(`Finding: var severity: Severity`), or a conformance (`Finding: conforms to Hashable`).
Members a protocol extension lends a type (`!=`, `...`) are left out: they are the
protocol's API. With --undocumented, prints instead `path:line: declaration` for each public
declaration written in the source without a doc comment.
"""
import glob
import json
import os
import sys

folder, module = sys.argv[1], sys.argv[2]
undocumented = "--undocumented" in sys.argv[3:]
lines = set()
for path in glob.glob(os.path.join(folder, module + "*.symbols.json")):
    with open(path) as file:
        graph = json.load(file)
    names = {s["identifier"]["precise"]: ".".join(s["pathComponents"]) for s in graph["symbols"]}
    for symbol in graph["symbols"]:
        if "::SYNTHESIZED::" in symbol["identifier"]["precise"]:
            continue
        declaration = " ".join("".join(f["spelling"] for f in symbol.get("declarationFragments", [])).split())
        owner = ".".join(symbol["pathComponents"][:-1])
        prefix = owner + ": " if owner else ""
        if undocumented:
            # Declarations the compiler makes (an enum's init(rawValue:)) have no location.
            location = symbol.get("location")
            if location and not symbol.get("docComment"):
                file = location["uri"].split("/Sources/", 1)[-1]
                lines.add(f"Sources/{file}:{location['position']['line'] + 1}: {prefix}{declaration}")
        else:
            lines.add(prefix + declaration)
    if not undocumented:
        for relation in graph["relationships"]:
            if relation["kind"] == "conformsTo" and relation["source"] in names:
                target = names.get(relation["target"]) or relation.get("targetFallback", relation["target"]).split(".")[-1]
                lines.add(f"{names[relation['source']]}: conforms to {target}")
for line in sorted(lines):
    print(line)
