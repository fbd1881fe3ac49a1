#!/usr/bin/env python3
"""The benchmark harness: one command that measures glossary against the ICU floor and Python
baselines on generated data, and prints the figures BENCHMARKS.md reports.

Usage: python3 Benchmarks/run.py [--corpus-mb 100] [--sizes 1000,10000,100000] [--work DIR]
                                 [--repeat 3] [--skip-baselines] [--skip-large-file]

Everything is measured in this one run, so ratios compare like with like on a shared machine.
Each timing (the floor, every check, the baselines' scans) is taken --repeat times and the
fastest counts; peak memory is the largest of the runs. The single-thread checks alternate with
runs of the ICU floor, round by round, so that a check and the floor it is compared with run
minutes apart at most: this machine's speed drifts by 10-20% over minutes. Their ratio is
reported twice: fastest against fastest, and the median of the rounds' own ratios.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR_VERSION = 2


def run(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)


def timed(command, env=None):
    """Runs command under /usr/bin/time -v; returns (elapsed seconds, user seconds, peak RSS MB, exit code)."""
    start = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-v"] + command, text=True, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", process.stderr).group(1)) / 1024
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", process.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", process.stderr).group(1))
    return elapsed, user + system, rss, process.returncode


def best(measure, times):
    """The fastest of `times` runs of measure() (elapsed, cpu, rss, code), with the largest RSS."""
    runs = [measure() for _ in range(times)]
    fastest = min(runs, key=lambda entry: entry[0])
    return (fastest[0], fastest[1], max(entry[2] for entry in runs), fastest[3])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus-mb", type=int, default=100)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--work", default=os.path.join(ROOT, ".build-bench"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-baselines", action="store_true")
    parser.add_argument("--skip-large-file", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # The generator's version is part of the name, so data from an older generator is not reused.
    data = os.path.join(args.work, f"data-v{GENERATOR_VERSION}-{args.corpus_mb}mb")
    cache = os.path.join(args.work, "cache")
    os.makedirs(args.work, exist_ok=True)
    results = {"machine": {"cores": os.cpu_count()}, "repeat": args.repeat}

    print("building (release)…", flush=True)
    run(["swift", "build", "-c", "release", "--product", "glossary"], cwd=ROOT)
    binary = os.path.join(ROOT, ".build", "release", "glossary")
    floor = os.path.join(args.work, "icu_floor")
    run(["cc", "-O2", os.path.join(ROOT, "Benchmarks", "icu_floor.c"), "-licuuc", "-o", floor])

    corpus = os.path.join(data, "corpus.txt")
    if not os.path.exists(corpus):
        print("generating data…", flush=True)
        run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), data,
             "--corpus-mb", str(args.corpus_mb), "--sizes", args.sizes])
    size_mb = os.path.getsize(corpus) / 1048576
    empty = os.path.join(args.work, "one-line.txt")
    with open(empty, "w") as handle:
        handle.write("A short draft.\n")

    floor_result = max((json.loads(run([floor, corpus]).stdout) for _ in range(args.repeat)), key=lambda entry: entry["mbPerSecond"])
    results["icuFloor"] = floor_result
    floor_mbps = floor_result["mbPerSecond"]
    print(f"ICU floor: {floor_mbps:.1f} MB/s", flush=True)

    # The same corpus as 100 files, for checking it on all cores.
    parts = os.path.join(data, "parts")
    if not os.path.isdir(parts):
        os.makedirs(parts)
        with open(corpus, encoding="utf-8") as handle:
            paragraphs = handle.read().split("\n\n")
        per_file = -(-len(paragraphs) // 100)
        for index in range(100):
            with open(os.path.join(parts, f"part{index:03}.txt"), "w", encoding="utf-8") as out:
                out.write("\n\n".join(paragraphs[index * per_file:(index + 1) * per_file]))

    environment = dict(os.environ, GLOSSARY_CACHE_DIR=cache)
    results["glossary"] = []
    for size in sizes:
        glossary = os.path.join(data, f"glossary-{size}.yml")
        shutil.rmtree(cache, ignore_errors=True)
        cold = timed([binary, "check", "--jobs", "1", "-g", glossary, empty], env=environment)
        # Rounds of: the floor, a load alone (a one-line file), the check of the corpus.
        rounds = []
        for _ in range(args.repeat):
            floor_seconds = json.loads(run([floor, corpus]).stdout)["seconds"]
            warm_run = timed([binary, "check", "--jobs", "1", "-g", glossary, empty], env=environment)
            one_run = timed([binary, "check", "--jobs", "1", "--format", "json", "-g", glossary, corpus], env=environment)
            rounds.append((floor_seconds, warm_run, one_run))
        floor_seconds = min(entry[0] for entry in rounds)
        warm = min((entry[1] for entry in rounds), key=lambda run: run[0])
        one = min((entry[2] for entry in rounds), key=lambda run: run[0])
        one = (one[0], one[1], max(entry[2][2] for entry in rounds), one[3])
        round_ratios = sorted(entry[0] / max(entry[2][0] - entry[1][0], 1e-6) for entry in rounds)
        every = best(lambda: timed([binary, "check", "--format", "json", "-g", glossary, parts], env=environment), args.repeat)
        scan_seconds = max(one[0] - warm[0], 1e-6)
        every_seconds = max(every[0] - warm[0], 1e-6)
        entry = {
            "concepts": size,
            "loadColdSeconds": round(cold[0], 3), "loadFromCacheSeconds": round(warm[0], 3),
            "loadFromCachePeakMB": round(warm[2], 1),
            "checkSeconds": round(one[0], 3), "checkPeakMB": round(one[2], 1),
            "checkMBps": round(size_mb / scan_seconds, 2),
            "floorMBpsInTheseRounds": round(size_mb / floor_seconds, 2),
            "ratioToFloor": round(floor_seconds / scan_seconds, 3),
            "ratioToFloorMedianOfRounds": round(round_ratios[len(round_ratios) // 2], 3),
            "ratioToFloorRounds": [round(ratio, 3) for ratio in round_ratios],
            "allCoresSeconds": round(every[0], 3), "allCoresPeakMB": round(every[2], 1),
            "allCoresMBps": round(size_mb / every_seconds, 2),
        }
        results["glossary"].append(entry)
        print(f"{size:>7} concepts: load cold {entry['loadColdSeconds']}s, from cache {entry['loadFromCacheSeconds']}s; "
              f"check {entry['checkMBps']} MB/s single-thread ({entry['ratioToFloor']}× the floor's {entry['floorMBpsInTheseRounds']} MB/s "
              f"in the same rounds; median of the rounds {entry['ratioToFloorMedianOfRounds']}×), peak {entry['checkPeakMB']} MB; "
              f"all cores (as 100 files) {entry['allCoresMBps']} MB/s",
              flush=True)

    # Many files on one core and on all cores.
    files = os.path.join(data, "many")
    if not os.path.isdir(files):
        os.makedirs(files)
        with open(corpus, encoding="utf-8") as handle:
            paragraphs = handle.read(20 * 1048576).split("\n\n")
        per_file = max(1, len(paragraphs) // 1000)
        for index in range(1000):
            with open(os.path.join(files, f"doc{index:04}.txt"), "w", encoding="utf-8") as out:
                out.write("\n\n".join(paragraphs[index * per_file:(index + 1) * per_file]))
    glossary = os.path.join(data, f"glossary-{sizes[-1]}.yml")
    single = best(lambda: timed([binary, "check", "--jobs", "1", "--format", "json", "-g", glossary, files], env=environment), args.repeat)
    multi = best(lambda: timed([binary, "check", "--format", "json", "-g", glossary, files], env=environment), args.repeat)
    results["manyFiles"] = {"files": 1000, "oneCoreSeconds": round(single[0], 3), "allCoresSeconds": round(multi[0], 3),
                            "speedup": round(single[0] / multi[0], 2)}
    print(f"1000 files: one core {single[0]:.2f}s, all cores {multi[0]:.2f}s, speed-up {single[0] / multi[0]:.2f}×", flush=True)

    if not args.skip_baselines:
        results["baselines"] = []
        for size in (sizes[0], sizes[-1]):
            output = run([sys.executable, os.path.join(ROOT, "Benchmarks", "baselines.py"),
                          os.path.join(data, f"glossary-{size}.yml"), corpus, str(args.repeat)]).stdout
            for line in output.splitlines():
                entry = json.loads(line)
                entry["concepts"] = size
                if "scanSeconds" in entry:
                    entry["MBps"] = round(size_mb / entry["scanSeconds"], 2)
                results["baselines"].append(entry)
                print(f"baseline {entry['library']} with {size} concepts: {entry.get('MBps', 'skipped')} MB/s", flush=True)

    if not args.skip_large_file:
        large = os.path.join(data, "large-1gb.txt")
        if not os.path.exists(large):
            with open(large, "wb") as out, open(corpus, "rb") as source:
                chunk = source.read()
                while out.tell() < 1024 * 1048576:
                    out.write(chunk)
        glossary = os.path.join(data, f"glossary-{sizes[0]}.yml")
        big = timed([binary, "check", "--jobs", "1", "--format", "json", "-g", glossary, large], env=environment)
        results["largeFile"] = {"megabytes": round(os.path.getsize(large) / 1048576), "seconds": round(big[0], 2),
                                "peakMB": round(big[2], 1)}
        print(f"1 GB file: {big[0]:.1f}s, peak {big[2]:.0f} MB", flush=True)

    # Ratios against the baselines, at the same glossary size.
    for entry in results["glossary"]:
        for baseline in results.get("baselines", []):
            if baseline["concepts"] == entry["concepts"] and "MBps" in baseline:
                ratio = entry["checkMBps"] / baseline["MBps"]
                entry[f"ratioTo_{baseline['library']}"] = round(ratio, 2)
                print(f"{entry['concepts']:>7} concepts: glossary single-thread / {baseline['library']} = {ratio:.1f}×")

    output = os.path.join(args.work, "results.json")
    with open(output, "w") as handle:
        json.dump(results, handle, indent=2)
    print(f"results: {output}")


if __name__ == "__main__":
    main()
