#!/usr/bin/env python3
"""Peak memory of checking one large document of language sections, from a file and from standard input.

Usage: sections_memory.py BINARY [BINARY…] [--repeat 14000] [--format text] [--workdir DIR]

Builds DIR/sections.md from Examples/abstract.md: the document split at its `## ` headings into
its Indonesian, English and Sundanese sections, each section's body repeated --repeat times under
its heading (14,000 times makes 50 MB, above the 32 MiB streaming threshold). Runs `check FILE`
and `cat FILE | check -` with each binary under /usr/bin/time -v from the repository root (the
project glossary) and prints the elapsed time and peak RSS of each run. With two or more binaries
it also says whether their outputs are byte for byte the same (the first binary is the reference).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build(path: str, repeat: int) -> None:
    """Writes the document of repeated sections to `path`."""
    with open(os.path.join(ROOT, "Examples", "abstract.md"), encoding="utf-8") as file:
        text = file.read()
    parts = re.split(r"(?m)^(## .*\n)", text)
    result = parts[0]
    for index in range(1, len(parts), 2):
        body = parts[index + 1].strip("\n") + "\n\n"
        result += parts[index] + body * repeat
    with open(path, "w", encoding="utf-8") as file:
        file.write(result)


def run(command: str, output: str) -> tuple[float, float, int]:
    """Runs `command` (a shell line) under /usr/bin/time -v; (elapsed s, peak RSS MB, exit code)."""
    with open(output, "wb") as out:
        process = subprocess.run(
            ["/usr/bin/time", "-v", "sh", "-c", command], stdout=out, stderr=subprocess.PIPE, cwd=ROOT, text=True)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", process.stderr).group(1)) / 1024
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", process.stderr).group(1)
    seconds = 0.0
    for part in clock.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds, rss, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binaries", nargs="+")
    parser.add_argument("--repeat", type=int, default=14000)
    parser.add_argument("--format", default="text")
    parser.add_argument("--workdir", default=tempfile.mkdtemp(prefix="sections-memory-"))
    arguments = parser.parse_args()
    os.makedirs(arguments.workdir, exist_ok=True)
    os.environ.setdefault("GLOSSARY_CACHE_DIR", os.path.join(arguments.workdir, "cache"))
    document = os.path.join(arguments.workdir, "sections.md")
    build(document, arguments.repeat)
    print(f"{document}: {os.path.getsize(document) / 1e6:.1f} MB")
    outputs: dict[str, list[str]] = {}
    for number, binary in enumerate(arguments.binaries):
        binary = os.path.abspath(binary)
        for kind, command in [
            ("file", f"'{binary}' check --format {arguments.format} '{document}'"),
            ("stdin", f"cat '{document}' | '{binary}' check --format {arguments.format} -"),
        ]:
            output = os.path.join(arguments.workdir, f"{number}-{kind}.out")
            seconds, rss, code = run(command, output)
            outputs.setdefault(kind, []).append(output)
            print(f"{binary} ({kind}): {seconds:.1f} s, peak RSS {rss:.0f} MB, exit {code}")
    for kind, files in outputs.items():
        for other in files[1:]:
            same = subprocess.run(["cmp", "-s", files[0], other]).returncode == 0
            print(f"{kind}: {other} {'is identical to' if same else 'DIFFERS from'} {files[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
