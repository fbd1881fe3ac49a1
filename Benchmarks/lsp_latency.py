#!/usr/bin/env python3
"""Latency of `glossary lsp` as an editor sees it: a scripted client opens a 50 KB id/en/su
Markdown document and makes 1,000 random single-character edits (insertions and deletions, one
`didChange` each, sent when the previous edit's diagnostics arrived), timing each from writing
the `didChange` to reading the `publishDiagnostics` of its version. It reports p50, p95 and the
maximum, the time of the first check (open), the server's processor time per edit (which other
load on the machine inflates less than the latencies), and its resident memory at the end and at
its peak (VmRSS, VmHWM).

Usage: python3 Benchmarks/lsp_latency.py [--binary PATH] [--glossary shipped|100k|PATH]
                                         [--edits 1000] [--seed 1] [--work DIR] [--cache DIR]

The document is made of the paragraphs of the realistic corpus (`../shared/bench/
termbase_corpus.py`, generated under --work as `Benchmarks/run.py` does, with one part), cut
at 50 KB, with a heading every five paragraphs. For the shipped glossary, whose terms the
synthetic corpus does not use, every paragraph also gets terms of that glossary (a deprecated
one now and then), so the server has findings to report. Use a release build
(`swift build -c release --product glossary`); the glossary cache is a fresh folder, warmed by
the open (`--cache DIR` keeps it in DIR: a second run then starts as an editor's server does
after the first start, from the cached glossary). Only the standard library is used: the client
is the JSON-RPC of this file.
"""
import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import queue

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "termbase_corpus.py"))
DOCUMENT_BYTES = 50 * 1024


class Server:
    """`glossary lsp` on pipes, with a reader thread that queues every message it writes."""

    def __init__(self, command, cwd, env):
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            body = stream.read(length)
            self.messages.put((time.perf_counter(), json.loads(body)))

    def send(self, message):
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return time.perf_counter()

    def wait(self, predicate, timeout=600):
        deadline = time.monotonic() + timeout
        while True:
            stamp, message = self.messages.get(timeout=max(0.001, deadline - time.monotonic()))
            if predicate(message):
                return stamp, message

    def cpu_seconds(self):
        """The server's processor time so far (user and system), which other load on the machine
        does not inflate as it does the latencies."""
        fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory_mb(self):
        status = open(f"/proc/{self.process.pid}/status").read()
        def field(name):
            return int(re.search(rf"{name}:\s+(\d+) kB", status).group(1)) / 1024
        return field("VmRSS"), field("VmHWM")


def realistic_data(work):
    folder = os.path.join(work, "termbase-lsp")
    if not os.path.exists(os.path.join(folder, "glossary-100k.tsv")):
        subprocess.run([sys.executable, GENERATOR, "--out", folder, "--parts", "1"], check=True,
                       stdout=subprocess.DEVNULL)
    return folder


def shipped_terms(binary, work):
    """(preferred, deprecated) terms of the shipped glossary, read through `glossary convert`."""
    preferred, deprecated = [], []
    folder = os.path.join(ROOT, "glossary")
    for name in sorted(os.listdir(folder)):
        out = os.path.join(work, name + ".tsv")
        subprocess.run([binary, "convert", os.path.join(folder, name), out, "--to", "tsv", "--csv-layout", "long",
                        "--force"], check=True, capture_output=True)
        with open(out, encoding="utf-8") as rows:
            header = rows.readline().rstrip("\n").split("\t")
            for row in rows:
                cells = dict(zip(header, row.rstrip("\n").split("\t")))
                term, status = cells.get("term", ""), cells.get("status", "preferred") or "preferred"
                if term:
                    (deprecated if status in ("deprecated", "forbidden") else preferred).append(term)
    return preferred, deprecated


def document(corpus, terms, rng):
    paragraphs = [p for p in open(corpus, encoding="utf-8").read().split("\n\n") if p.strip()]
    parts, size = [], 0
    for index, paragraph in enumerate(paragraphs):
        if index % 5 == 0:
            parts.append(f"## Bagian {index // 5 + 1}")
        if terms:
            words = paragraph.split(" ")
            preferred, deprecated = terms
            for _ in range(3):
                words.insert(rng.randrange(len(words) + 1), rng.choice(preferred))
            if index % 4 == 0 and deprecated:
                words.insert(rng.randrange(len(words) + 1), rng.choice(deprecated))
            paragraph = " ".join(words)
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        if size >= DOCUMENT_BYTES:
            break
    return "\n\n".join(parts) + "\n"


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "glossary"))
    parser.add_argument("--glossary", default="shipped", help="shipped, 100k (the realistic generator's) or a path")
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default=os.path.join(ROOT, ".build-bench"))
    parser.add_argument("--cache", help="the glossary cache folder to use (a warm one: the server loads the compiled "
                        "glossary from it, as every start after the first does); default a fresh one")
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    os.makedirs(args.work, exist_ok=True)
    rng = random.Random(args.seed)
    data = realistic_data(args.work)
    if args.glossary == "shipped":
        glossary = os.path.join(ROOT, "glossary")
        terms = shipped_terms(args.binary, tempfile.mkdtemp(dir=args.work))
    else:
        glossary = os.path.join(data, "glossary-100k.tsv") if args.glossary == "100k" else os.path.abspath(args.glossary)
        terms = None
    text = document(os.path.join(data, "corpus-all.txt"), terms, rng)

    workspace = tempfile.mkdtemp(prefix="lsp-latency-", dir=args.work)
    os.mkdir(os.path.join(workspace, ".git"))
    cache = os.path.abspath(args.cache) if args.cache else tempfile.mkdtemp(prefix="cache-", dir=args.work)
    os.makedirs(cache, exist_ok=True)
    env = {**os.environ, "GLOSSARY_CACHE_DIR": cache}
    server = Server([args.binary, "lsp", "--glossary", glossary], workspace, env)
    uri = "file://" + os.path.join(workspace, "draft.md")
    server.send({"id": 1, "method": "initialize", "params": {
        "processId": os.getpid(), "rootUri": "file://" + workspace, "capabilities": {}}})
    server.wait(lambda m: m.get("id") == 1)
    server.send({"method": "initialized", "params": {}})

    def diagnostics_of(version):
        return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri and m["params"].get("version") == version)

    sent = server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    stamp, first = server.wait(diagnostics_of(1))
    open_ms = (stamp - sent) * 1000

    lines = text.split("\n")
    latencies, counts = [], []
    cpu_before = server.cpu_seconds()
    letters = "abcdefghijklmnoprstuwy "
    for version in range(2, args.edits + 2):
        candidates = [i for i, line in enumerate(lines) if line]
        line = rng.choice(candidates)
        column = rng.randrange(len(lines[line]) + 1)
        character = utf16_length(lines[line][:column])
        if rng.random() < 0.5 or column == len(lines[line]):
            inserted = rng.choice(letters)
            lines[line] = lines[line][:column] + inserted + lines[line][column:]
            change = {"range": {"start": {"line": line, "character": character},
                                "end": {"line": line, "character": character}}, "text": inserted}
        else:
            end = character + utf16_length(lines[line][column])
            lines[line] = lines[line][:column] + lines[line][column + 1:]
            change = {"range": {"start": {"line": line, "character": character},
                                "end": {"line": line, "character": end}}, "text": ""}
        sent = server.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        stamp, published = server.wait(diagnostics_of(version))
        latencies.append((stamp - sent) * 1000)
        counts.append(len(published["params"]["diagnostics"]))
    cpu = server.cpu_seconds() - cpu_before
    rss, peak = server.memory_mb()
    server.send({"id": 2, "method": "shutdown"})
    server.wait(lambda m: m.get("id") == 2)
    server.send({"method": "exit"})
    server.process.wait(timeout=30)

    latencies.sort()
    def percentile(p):
        return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))]
    result = {
        "glossary": args.glossary, "documentBytes": len(text.encode("utf-8")), "edits": len(latencies),
        "diagnosticsMin": min(counts), "diagnosticsMax": max(counts), "openMs": round(open_ms, 1),
        "p50Ms": round(percentile(50), 2), "p95Ms": round(percentile(95), 2), "maxMs": round(latencies[-1], 2),
        "meanMs": round(statistics.mean(latencies), 2), "cpuMsPerEdit": round(cpu * 1000 / len(latencies), 2),
        "rssMB": round(rss, 1), "peakRssMB": round(peak, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
