#!/usr/bin/env python3
"""The benchmark harness: one command that measures glossary against the ICU floor and Python
baselines on generated data, and prints the figures BENCHMARKS.md reports.

Usage: python3 Benchmarks/run.py [--corpus-mb 100] [--sizes 1000,10000,100000] [--work DIR]
                                 [--repeat 3] [--skip-baselines] [--skip-large-file]

Everything is measured in this one run, so ratios compare like with like on a shared machine.
Each timing (the floor, every check, the baselines' scans) is taken --repeat times and the
fastest counts; peak memory is the largest of the runs. The single-thread checks run in rounds:
the ICU floor, then each glossary size's load and check, so that everything compared runs within
a minute or so: this machine's speed drifts by 10-20% over minutes. Ratios (to the floor, and of
each size's scan time to the smallest's) are reported twice: fastest against fastest, and the
median of the rounds' own ratios.
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
    glossaries = {size: os.path.join(data, f"glossary-{size}.yml") for size in sizes}
    # Cold loads first: each glossary parsed, compiled and written to an empty cache.
    shutil.rmtree(cache, ignore_errors=True)
    colds = {size: timed([binary, "check", "--jobs", "1", "-g", glossaries[size], empty], env=environment) for size in sizes}
    # Then rounds of: the floor, and for each glossary a load alone (a one-line file) and the
    # check of the corpus. Every ratio (to the floor, or of one glossary size to another) is
    # taken within rounds of a minute or so.
    # With the baselines, a round also scans the corpus once with each Python library, for the
    # smallest and the largest glossary.
    baseline_sizes = [] if args.skip_baselines else sorted({sizes[0], sizes[-1]})
    libraries = ("pyahocorasick", "flashtext")
    rounds = []
    for _ in range(args.repeat):
        entry = {"floorRun": json.loads(run([floor, corpus]).stdout)}
        entry["floor"] = entry["floorRun"]["seconds"]
        for size in sizes:
            warm_run = timed([binary, "check", "--jobs", "1", "-g", glossaries[size], empty], env=environment)
            one_run = timed([binary, "check", "--jobs", "1", "--format", "json", "-g", glossaries[size], corpus], env=environment)
            entry[size] = (warm_run, one_run, max(one_run[0] - warm_run[0], 1e-6))
        for size in baseline_sizes:
            for library in libraries:
                output = run([sys.executable, os.path.join(ROOT, "Benchmarks", "baselines.py"),
                              glossaries[size], corpus, "1", library]).stdout
                entry[(library, size)] = json.loads(output.splitlines()[0])
        rounds.append(entry)
    floor_seconds = min(entry["floor"] for entry in rounds)
    results["icuFloor"] = dict(min((entry["floorRun"] for entry in rounds), key=lambda run: run["seconds"]),
                               secondsPerRound=[round(entry["floor"], 3) for entry in rounds])
    print(f"ICU floor: {size_mb / floor_seconds:.1f} MB/s (fastest of {args.repeat} rounds)", flush=True)

    def median(values):
        values = sorted(values)
        return values[len(values) // 2]

    results["glossary"] = []
    for size in sizes:
        glossary = glossaries[size]
        warm = min((entry[size][0] for entry in rounds), key=lambda run: run[0])
        one = min((entry[size][1] for entry in rounds), key=lambda run: run[0])
        one = (one[0], one[1], max(entry[size][1][2] for entry in rounds), one[3])
        round_ratios = sorted(entry["floor"] / entry[size][2] for entry in rounds)
        every = best(lambda: timed([binary, "check", "--format", "json", "-g", glossary, parts], env=environment), args.repeat)
        scan_seconds = max(one[0] - warm[0], 1e-6)
        every_seconds = max(every[0] - warm[0], 1e-6)
        entry = {
            "concepts": size,
            "loadColdSeconds": round(colds[size][0], 3), "loadFromCacheSeconds": round(warm[0], 3),
            "loadFromCachePeakMB": round(warm[2], 1),
            "checkSeconds": round(one[0], 3), "checkPeakMB": round(one[2], 1),
            "checkMBps": round(size_mb / scan_seconds, 2),
            "ratioToFloor": round(floor_seconds / scan_seconds, 3),
            "ratioToFloorMedianOfRounds": round(median(round_ratios), 3),
            "ratioToFloorRounds": [round(ratio, 3) for ratio in round_ratios],
            # The cost of the glossary's size: this scan against the smallest glossary's, round by round.
            "scanTimeToSmallest": round(scan_seconds / min(entry[sizes[0]][2] for entry in rounds), 3),
            "scanTimeToSmallestMedianOfRounds": round(median(entry[size][2] / entry[sizes[0]][2] for entry in rounds), 3),
            "allCoresSeconds": round(every[0], 3), "allCoresPeakMB": round(every[2], 1),
            "allCoresMBps": round(size_mb / every_seconds, 2),
        }
        results["glossary"].append(entry)
        print(f"{size:>7} concepts: load cold {entry['loadColdSeconds']}s, from cache {entry['loadFromCacheSeconds']}s; "
              f"check {entry['checkMBps']} MB/s single-thread ({entry['ratioToFloor']}× the floor; median of the rounds "
              f"{entry['ratioToFloorMedianOfRounds']}×; scan time {entry['scanTimeToSmallestMedianOfRounds']}× the {sizes[0]}-concept "
              f"one, median of the rounds), peak {entry['checkPeakMB']} MB; all cores (as 100 files) {entry['allCoresMBps']} MB/s",
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
    # Rounds of one core, then all cores: a single thread's speed here moves by a third from one
    # run to the next, so each speed-up compares two runs made seconds apart.
    pairs = []
    for _ in range(args.repeat):
        single_run = timed([binary, "check", "--jobs", "1", "--format", "json", "-g", glossary, files], env=environment)
        multi_run = timed([binary, "check", "--format", "json", "-g", glossary, files], env=environment)
        pairs.append((single_run[0], multi_run[0]))
    single = min(pair[0] for pair in pairs)
    multi = min(pair[1] for pair in pairs)
    speedups = sorted(pair[0] / pair[1] for pair in pairs)
    results["manyFiles"] = {"files": 1000, "oneCoreSeconds": round(single, 3), "allCoresSeconds": round(multi, 3),
                            "speedup": round(single / multi, 2), "speedupMedianOfRounds": round(median(speedups), 2),
                            "speedupRounds": [round(value, 2) for value in speedups]}
    print(f"1000 files: one core {single:.2f}s, all cores {multi:.2f}s (fastest runs), speed-up {single / multi:.2f}×; "
          f"median of the rounds {median(speedups):.2f}× ({', '.join(f'{value:.2f}' for value in speedups)})", flush=True)

    if baseline_sizes:
        results["baselines"] = []
        for size in baseline_sizes:
            for library in libraries:
                runs = [entry[(library, size)] for entry in rounds]
                if "scanSeconds" not in runs[0]:
                    results["baselines"].append(dict(runs[0], concepts=size))
                    print(f"baseline {library} with {size} concepts: skipped ({runs[0].get('skipped')})", flush=True)
                    continue
                fastest = min(runs, key=lambda run: run["scanSeconds"])
                # The check's scan time over the library's, round by round.
                per_round = [entry[(library, size)]["scanSeconds"] / entry[size][2] for entry in rounds]
                baseline = dict(fastest, concepts=size, runs=len(runs), MBps=round(size_mb / fastest["scanSeconds"], 2),
                                checkSpeedRatioMedianOfRounds=round(median(per_round), 2),
                                checkSpeedRatioRounds=[round(ratio, 2) for ratio in sorted(per_round)])
                results["baselines"].append(baseline)
                print(f"baseline {library} with {size} concepts: {baseline['MBps']} MB/s; "
                      f"glossary single-thread / {library}, median of the rounds: {baseline['checkSpeedRatioMedianOfRounds']}×", flush=True)

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
                entry[f"allCoresRatioTo_{baseline['library']}"] = round(entry["allCoresMBps"] / baseline["MBps"], 2)
                print(f"{entry['concepts']:>7} concepts: glossary / {baseline['library']} = {ratio:.1f}× single-thread "
                      f"(fastest runs), {entry['allCoresMBps'] / baseline['MBps']:.1f}× on all cores")

    output = os.path.join(args.work, "results.json")
    with open(output, "w") as handle:
        json.dump(results, handle, indent=2)
    print(f"results: {output}")


if __name__ == "__main__":
    main()
