#!/usr/bin/env python3
"""The benchmark harness: one command that measures glossary against the ICU floor and Python
baselines on generated data, and prints the figures BENCHMARKS.md reports.

Usage: python3 Benchmarks/run.py [--data realistic|sparse|both] [--seeds default,12345]
                                 [--corpus-mb 100] [--sizes 1000,10000,100000] [--work DIR]
                                 [--repeat 5] [--libraries LIST] [--skip-baselines]
                                 [--skip-large-file] [--self-check]

Two kinds of data:

- realistic (the headline figures, run by default): `../shared/bench/termbase_corpus.py`, read
  where it lies at run time, writes glossaries whose terms are made of the text's own words, so
  that about 28% of the corpus's words start a term with 1k concepts and 73% with 100k. Its
  figures should not depend on the seed, so it runs once per seed (`--seeds`; the generator's
  default and 12345 unless told). Its TSV glossaries (a `concept`, `lang`, `term` header, the
  long layout of docs/csv.md) are read by glossary and by the baselines as they are.
- sparse (`--data sparse` or `both`): `Benchmarks/generate.py`, whose term words never occur in
  the filler text (about 1% of words start a term at every size). It also measures the many
  files and the 1.1 GB file, as before.

The default is the realistic data alone, with pyahocorasick as its only baseline (the issue's
targets name no other; `--libraries pyahocorasick,flashtext` adds flashtext): a round takes about
a minute on 2 idle cores, so two seeds of five rounds and their all-core checks take about twelve
minutes, plus about a minute per seed to generate the data the first time. The sparse case takes
about fifteen minutes more, which would put the default past twenty.

Everything compared is measured in the same run, so ratios compare like with like on a shared
machine. Each timing (the floor, every check, the baselines' scans) is taken --repeat times and
the fastest counts; peak memory is the largest of the runs. The single-thread checks run in
rounds, one set of rounds per data set (per seed): the ICU floor on that corpus, then for each
glossary size a compile without a cache, a load alone (a one-line file), a small file (one
paragraph) and the check of the corpus, then the baselines' scans; so everything compared runs
within a minute or two: this machine's speed drifts by 10-20% over minutes. Ratios (to the floor,
of each size's throughput to the smallest's, to the baselines) are reported twice: fastest
against fastest, and the median of the rounds' own ratios. The run ends with a table of the
targets of issue 18, each met only if every seed meets it: ratios by the medians of the rounds,
times by the fastest run, memory by the largest peak.

Generated data is kept under --work in folders named after the generator file's hash, the seed
and the size, so an edited generator makes new data and nothing stale is reused.
"""
import argparse
import atexit
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REALISTIC_GENERATOR = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "termbase_corpus.py"))
SPARSE_GENERATOR = os.path.join(ROOT, "Benchmarks", "generate.py")
BASELINES = os.path.join(ROOT, "Benchmarks", "baselines.py")
SHIPPED_GLOSSARY = os.path.join(ROOT, "glossary")
# The realistic generator writes these sizes only.
REALISTIC_SIZES = (1000, 10000, 100000)
# A "small file" is the corpus's first paragraph of at least this many bytes: prose, not a title.
SMALL_FILE_MIN_BYTES = 500


def run(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)


# The program that times a run (Benchmarks/timed.c), compiled when first needed.
TIMER = None


def timer():
    """The path of the compiled timer, compiling it the first time."""
    global TIMER
    if TIMER is None:
        folder = tempfile.mkdtemp(prefix="glossary-timer-")
        atexit.register(shutil.rmtree, folder, True)
        TIMER = os.path.join(folder, "timed")
        run(["cc", "-O2", os.path.join(ROOT, "Benchmarks", "timed.c"), "-o", TIMER])
    return TIMER


def timed(command, env=None):
    """Runs command; returns (elapsed seconds, cpu seconds, peak RSS MB, exit code).

    `Benchmarks/timed.c` starts the command and measures it: the wall time from its fork to its
    exit, and its CPU time (user + system) and peak RSS from wait4. Not under `/usr/bin/time -v`,
    whose own start added 1-2 ms to every wall time (a tenth of the small-file target); and not
    from this Python process, whose own peak memory Linux would count in the child's (a process's
    ru_maxrss keeps the largest resident set of every program it ran, the one before exec too).
    The output goes to /dev/null and the errors to a file, read only when the run fails. `check`
    exits 0, or 1 when findings fail the run; anything else means it did not do the work being
    timed, and stops the harness with its error.
    """
    with tempfile.NamedTemporaryFile() as errors:
        report = subprocess.run([timer(), errors.name] + command, check=True, text=True, capture_output=True,
                                env=env).stdout.split()
        nanoseconds, cpu_microseconds, rss_kilobytes, code = (int(value) for value in report)
        if code not in (0, 1):
            message = open(errors.name, encoding="utf-8", errors="replace").read()[-2000:]
            sys.exit(f"error: {' '.join(command)} exited with {code}:\n{message}")
    return nanoseconds / 1e9, cpu_microseconds / 1e6, rss_kilobytes / 1024, code


def best(measure, times):
    """The fastest of `times` runs of measure() (elapsed, cpu, rss, code), with the largest RSS."""
    runs = [measure() for _ in range(times)]
    fastest = min(runs, key=lambda entry: entry[0])
    return (fastest[0], fastest[1], max(entry[2] for entry in runs), fastest[3])


def fastest_of(runs):
    """The fastest of timed() runs, with the largest peak RSS among them."""
    fastest = min(runs, key=lambda entry: entry[0])
    return (fastest[0], fastest[1], max(entry[2] for entry in runs), fastest[3])


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def file_hash(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:12]


def write_small_file(corpus, path):
    """Writes the corpus's first paragraph of SMALL_FILE_MIN_BYTES or more (a line: both generators
    write one paragraph per line) to path, for the small-file measures."""
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            if len(line.encode("utf-8")) >= SMALL_FILE_MIN_BYTES:
                break
        else:
            sys.exit(f"error: {corpus} has no paragraph of {SMALL_FILE_MIN_BYTES} bytes or more")
    with open(path, "w", encoding="utf-8") as out:
        out.write(line.rstrip("\n") + "\n")


def realistic_data(args, seed):
    """Generates (once) the realistic data for seed ("default": the generator's own) and returns its paths.

    --corpus-mb N asks the generator for N parts of 1 MiB. The generator draws the glossaries
    first and then the corpus part by part from one random stream, so a smaller corpus is a prefix
    of the default 100 MiB one, with the same glossaries.
    """
    if not os.path.exists(REALISTIC_GENERATOR):
        sys.exit(f"error: the realistic generator is not at {REALISTIC_GENERATOR} (../shared/bench)")
    folder = os.path.join(args.work, f"termbase-{file_hash(REALISTIC_GENERATOR)}-seed-{seed}-{args.corpus_mb}mb")
    if not os.path.exists(os.path.join(folder, "manifest.json")):
        print(f"generating realistic data (seed {seed}, {args.corpus_mb} MiB)…", flush=True)
        partial = folder + ".partial"
        shutil.rmtree(partial, ignore_errors=True)
        command = [sys.executable, REALISTIC_GENERATOR, "--out", partial, "--parts", str(args.corpus_mb)]
        if seed != "default":
            command += ["--seed", seed]
        run(command)
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(partial, folder)
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    # The TSV files are long-layout glossaries (`concept`, `lang`, `term` header), which
    # `glossary` reads as they are (docs/csv.md): no conversion.
    glossaries = {size: os.path.join(folder, f"glossary-{size // 1000}k.tsv") for size in args.size_list}
    corpus = os.path.join(folder, "corpus-all.txt")
    small = os.path.join(folder, "small-file.txt")
    if not os.path.exists(small):
        write_small_file(corpus, small)
    return {"label": f"realistic seed {manifest['seed']}", "kind": "realistic", "seed": manifest["seed"],
            "folder": folder, "corpus": corpus, "parts": os.path.join(folder, "corpus"), "glossaries": glossaries,
            "smallFile": small, "generator": os.path.relpath(REALISTIC_GENERATOR, ROOT),
            "generatorSHA256": file_hash(REALISTIC_GENERATOR), "corpusSHA256": manifest["corpus"]["sha256_all"],
            "termStartRate": manifest["corpus"]["term_start_rate"]}


def sparse_data(args):
    """Generates (once) the sparse data with Benchmarks/generate.py and returns its paths."""
    # The tests look for this data under .build-bench/data-* (TestSupport.benchmarkData).
    folder = os.path.join(args.work, f"data-sparse-{file_hash(SPARSE_GENERATOR)}-{args.corpus_mb}mb")
    corpus = os.path.join(folder, "corpus.txt")
    if not os.path.exists(corpus):
        print("generating sparse data…", flush=True)
        partial = folder + ".partial"
        shutil.rmtree(partial, ignore_errors=True)
        run([sys.executable, SPARSE_GENERATOR, partial, "--corpus-mb", str(args.corpus_mb),
             "--sizes", ",".join(str(size) for size in args.size_list)])
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(partial, folder)
    # The same corpus as 100 files, for checking it on all cores.
    parts = os.path.join(folder, "parts")
    if not os.path.isdir(parts):
        os.makedirs(parts)
        with open(corpus, encoding="utf-8") as handle:
            paragraphs = handle.read().split("\n\n")
        per_file = -(-len(paragraphs) // 100)
        for index in range(100):
            with open(os.path.join(parts, f"part{index:03}.txt"), "w", encoding="utf-8") as out:
                out.write("\n\n".join(paragraphs[index * per_file:(index + 1) * per_file]))
    glossaries = {size: os.path.join(folder, f"glossary-{size}.yml") for size in args.size_list}
    missing = [path for path in glossaries.values() if not os.path.exists(path)]
    if missing:
        sys.exit(f"error: {missing[0]} is missing: delete {folder} to generate again with these --sizes")
    small = os.path.join(folder, "small-file.txt")
    if not os.path.exists(small):
        write_small_file(corpus, small)
    return {"label": "sparse", "kind": "sparse", "folder": folder, "corpus": corpus, "parts": parts,
            "glossaries": glossaries, "smallFile": small, "generator": os.path.relpath(SPARSE_GENERATOR, ROOT),
            "generatorSHA256": file_hash(SPARSE_GENERATOR)}


def measure_case(data, tools, args, libraries):
    """Runs the rounds on one data set and returns its results (the fields of results.json)."""
    binary, floor, one_line = tools["binary"], tools["floor"], tools["oneLine"]
    sizes = args.size_list
    label = data["label"]
    corpus, glossaries, small = data["corpus"], data["glossaries"], data["smallFile"]
    size_mb = os.path.getsize(corpus) / 1048576
    results = {key: value for key, value in data.items() if key not in ("folder", "parts", "glossaries", "smallFile")}
    results.update({"corpus": os.path.relpath(corpus, args.work), "corpusMB": round(size_mb, 2),
                    "smallFileBytes": os.path.getsize(small)})

    cache = os.path.join(args.work, "cache-" + re.sub(r"\W+", "-", label))
    environment = dict(os.environ, GLOSSARY_CACHE_DIR=cache)
    # Cold loads first: each glossary parsed, compiled and written to an empty cache.
    shutil.rmtree(cache, ignore_errors=True)
    colds = {size: timed([binary, "check", "--jobs", "1", "-g", glossaries[size], one_line], env=environment)
             for size in sizes}
    # The shipped glossary's cache entry, so that the rounds time a load from the cache.
    timed([binary, "check", "-g", SHIPPED_GLOSSARY, small], env=environment)
    # A new entry is checked in full on every load until its file has been unchanged for two
    # seconds; the next load records it as checked, and later loads skip the checks
    # (docs/architecture.md, "Checked once per entry file"). Warm each entry past that, so that
    # the rounds time the loads a hook sees.
    time.sleep(2.5)
    for size in sizes:
        timed([binary, "check", "--jobs", "1", "-g", glossaries[size], one_line], env=environment)
    timed([binary, "check", "-g", SHIPPED_GLOSSARY, small], env=environment)

    # Rounds of: the floor; for each glossary a compile without the cache, a load alone (a one-line
    # file), one paragraph as a pre-commit hook checks it, and the check of the corpus; the shipped
    # glossary on the same paragraph; and one scan of the corpus by each Python library with the
    # smallest and the largest glossary.
    baseline_sizes = [] if args.skip_baselines else sorted({sizes[0], sizes[-1]})
    rounds = []
    for index in range(args.repeat):
        print(f"[{label}] round {index + 1} of {args.repeat}…", flush=True)
        entry = {"floorRun": json.loads(run([floor, corpus]).stdout)}
        entry["floor"] = entry["floorRun"]["seconds"]
        for size in sizes:
            # Without --jobs, as a first run compiles: compiling uses a second core when there is
            # one, and --jobs 1 would keep it on one (docs/architecture.md, "Compiling a glossary").
            compile_run = timed([binary, "check", "--no-cache", "-g", glossaries[size], one_line], env=environment)
            warm_run = timed([binary, "check", "--jobs", "1", "-g", glossaries[size], one_line], env=environment)
            small_run = timed([binary, "check", "-g", glossaries[size], small], env=environment)
            one_run = timed([binary, "check", "--jobs", "1", "--format", "json", "-g", glossaries[size], corpus],
                            env=environment)
            entry[size] = {"compile": compile_run, "warm": warm_run, "small": small_run, "one": one_run,
                           "scan": max(one_run[0] - warm_run[0], 1e-6)}
        entry["shipped"] = timed([binary, "check", "-g", SHIPPED_GLOSSARY, small], env=environment)
        for size in baseline_sizes:
            for library in libraries:
                output = run([sys.executable, BASELINES, glossaries[size], corpus, "1", library]).stdout
                entry[(library, size)] = json.loads(output.splitlines()[0])
        rounds.append(entry)

    floor_seconds = min(entry["floor"] for entry in rounds)
    results["icuFloor"] = dict(min((entry["floorRun"] for entry in rounds), key=lambda run: run["seconds"]),
                               MBps=round(size_mb / floor_seconds, 2),
                               secondsPerRound=[round(entry["floor"], 3) for entry in rounds])
    print(f"[{label}] ICU floor: {size_mb / floor_seconds:.1f} MB/s on {size_mb:.1f} MB "
          f"(fastest of {args.repeat} rounds)", flush=True)

    shipped = fastest_of([entry["shipped"] for entry in rounds])
    results["shippedGlossarySmallFile"] = {"seconds": round(shipped[0], 4), "peakMB": round(shipped[2], 1)}
    print(f"[{label}] one paragraph ({results['smallFileBytes']} bytes) with the shipped glossary: "
          f"{shipped[0] * 1000:.1f} ms, peak {shipped[2]:.0f} MB", flush=True)

    smallest = sizes[0]
    results["glossary"] = []
    for size in sizes:
        warm = fastest_of([entry[size]["warm"] for entry in rounds])
        one = fastest_of([entry[size]["one"] for entry in rounds])
        compiled = fastest_of([entry[size]["compile"] for entry in rounds])
        small_run = fastest_of([entry[size]["small"] for entry in rounds])
        round_ratios = sorted(entry["floor"] / entry[size]["scan"] for entry in rounds)
        every = best(lambda: timed([binary, "check", "--format", "json", "-g", glossaries[size], data["parts"]],
                                   env=environment), args.repeat)
        scan_seconds = max(one[0] - warm[0], 1e-6)
        every_seconds = max(every[0] - warm[0], 1e-6)
        smallest_scan = min(entry[smallest]["scan"] for entry in rounds)
        entry = {
            "concepts": size,
            "loadColdSeconds": round(colds[size][0], 3),
            "compileNoCacheSeconds": round(compiled[0], 3), "compileNoCachePeakMB": round(compiled[2], 1),
            "loadFromCacheSeconds": round(warm[0], 3), "loadFromCachePeakMB": round(warm[2], 1),
            "smallFileSeconds": round(small_run[0], 4), "smallFilePeakMB": round(small_run[2], 1),
            "checkSeconds": round(one[0], 3), "checkPeakMB": round(one[2], 1),
            "checkMBps": round(size_mb / scan_seconds, 2),
            "ratioToFloor": round(floor_seconds / scan_seconds, 3),
            "ratioToFloorMedianOfRounds": round(median(round_ratios), 3),
            "ratioToFloorRounds": [round(ratio, 3) for ratio in round_ratios],
            # The cost of the glossary's size: this scan against the smallest glossary's, round by round.
            "scanTimeToSmallest": round(scan_seconds / smallest_scan, 3),
            "scanTimeToSmallestMedianOfRounds": round(median(entry[size]["scan"] / entry[smallest]["scan"]
                                                             for entry in rounds), 3),
            # The same as throughput: this size's MB/s over the smallest size's.
            "throughputToSmallest": round(smallest_scan / scan_seconds, 3),
            "throughputToSmallestMedianOfRounds": round(median(entry[smallest]["scan"] / entry[size]["scan"]
                                                               for entry in rounds), 3),
            "allCoresSeconds": round(every[0], 3), "allCoresPeakMB": round(every[2], 1),
            "allCoresMBps": round(size_mb / every_seconds, 2),
        }
        results["glossary"].append(entry)
        print(f"[{label}] {size:>7} concepts: compile without cache {entry['compileNoCacheSeconds']}s, "
              f"load from cache {entry['loadFromCacheSeconds']}s ({entry['loadFromCachePeakMB']} MB), "
              f"one paragraph {entry['smallFileSeconds'] * 1000:.1f} ms ({entry['smallFilePeakMB']} MB); "
              f"check {entry['checkMBps']} MB/s single-thread ({entry['ratioToFloor']}× the floor; median of the "
              f"rounds {entry['ratioToFloorMedianOfRounds']}×; throughput {entry['throughputToSmallestMedianOfRounds']}× "
              f"the {smallest}-concept one, median of the rounds), peak {entry['checkPeakMB']} MB; "
              f"all cores (as {len(os.listdir(data['parts']))} files) {entry['allCoresMBps']} MB/s",
              flush=True)

    if baseline_sizes:
        results["baselines"] = []
        for size in baseline_sizes:
            for library in libraries:
                runs = [entry[(library, size)] for entry in rounds]
                if "scanSeconds" not in runs[0]:
                    results["baselines"].append(dict(runs[0], concepts=size))
                    print(f"[{label}] baseline {library} with {size} concepts: skipped ({runs[0].get('skipped')})",
                          flush=True)
                    continue
                fastest = min(runs, key=lambda run: run["scanSeconds"])
                # The check's scan time over the library's, round by round: glossary's speed over the library's.
                per_round = [entry[(library, size)]["scanSeconds"] / entry[size]["scan"] for entry in rounds]
                baseline = dict(fastest, concepts=size, runs=len(runs), MBps=round(size_mb / fastest["scanSeconds"], 2),
                                checkSpeedRatioMedianOfRounds=round(median(per_round), 2),
                                checkSpeedRatioRounds=[round(ratio, 2) for ratio in sorted(per_round)])
                results["baselines"].append(baseline)
                print(f"[{label}] baseline {library} with {size} concepts: {baseline['MBps']} MB/s; glossary "
                      f"single-thread / {library}, median of the rounds: {baseline['checkSpeedRatioMedianOfRounds']}×",
                      flush=True)
        # Ratios against the baselines, at the same glossary size, fastest to fastest.
        for entry in results["glossary"]:
            for baseline in results["baselines"]:
                if baseline["concepts"] == entry["concepts"] and "MBps" in baseline:
                    ratio = entry["checkMBps"] / baseline["MBps"]
                    entry[f"ratioTo_{baseline['library']}"] = round(ratio, 2)
                    entry[f"ratioTo_{baseline['library']}MedianOfRounds"] = baseline["checkSpeedRatioMedianOfRounds"]
                    entry[f"allCoresRatioTo_{baseline['library']}"] = round(entry["allCoresMBps"] / baseline["MBps"], 2)
                    print(f"[{label}] {entry['concepts']:>7} concepts: glossary / {baseline['library']} = {ratio:.1f}× "
                          f"single-thread (fastest runs), {entry['allCoresMBps'] / baseline['MBps']:.1f}× on all cores",
                          flush=True)
    return results, environment


def measure_sparse_extras(data, tools, args, environment, results):
    """The many files and the 1.1 GB file, measured on the sparse data as before issue 18."""
    binary, sizes, corpus = tools["binary"], args.size_list, data["corpus"]
    # Many files on one core and on all cores.
    files = os.path.join(data["folder"], "many")
    if not os.path.isdir(files):
        os.makedirs(files)
        with open(corpus, encoding="utf-8") as handle:
            paragraphs = handle.read(20 * 1048576).split("\n\n")
        per_file = max(1, len(paragraphs) // 1000)
        for index in range(1000):
            with open(os.path.join(files, f"doc{index:04}.txt"), "w", encoding="utf-8") as out:
                out.write("\n\n".join(paragraphs[index * per_file:(index + 1) * per_file]))
    glossary = data["glossaries"][sizes[-1]]
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
    print(f"[sparse] 1000 files: one core {single:.2f}s, all cores {multi:.2f}s (fastest runs), speed-up "
          f"{single / multi:.2f}×; median of the rounds {median(speedups):.2f}× "
          f"({', '.join(f'{value:.2f}' for value in speedups)})", flush=True)

    if not args.skip_large_file:
        large = os.path.join(data["folder"], "large-1gb.txt")
        if not os.path.exists(large):
            with open(large, "wb") as out, open(corpus, "rb") as source:
                chunk = source.read()
                while out.tell() < 1024 * 1048576:
                    out.write(chunk)
        glossary = data["glossaries"][sizes[0]]
        big = timed([binary, "check", "--jobs", "1", "--format", "json", "-g", glossary, large], env=environment)
        results["largeFile"] = {"megabytes": round(os.path.getsize(large) / 1048576), "seconds": round(big[0], 2),
                                "peakMB": round(big[2], 1)}
        print(f"[sparse] 1 GB file: {big[0]:.1f}s, peak {big[2]:.0f} MB", flush=True)


def size_entry(case, concepts):
    return next((entry for entry in case.get("glossary", []) if entry["concepts"] == concepts), None)


def baseline_entry(case, library, concepts):
    return next((entry for entry in case.get("baselines", [])
                 if entry.get("library") == library and entry["concepts"] == concepts and "MBps" in entry), None)


def field(case, concepts, name, scale=1):
    """A field of one glossary size's results, times scale (None when not measured)."""
    value = (size_entry(case, concepts) or {}).get(name)
    return None if value is None else round(value * scale, 3)


def own_1k_throughput(case):
    """The 100k scan's throughput over the 1k scan's, when 1k is the smallest size measured."""
    if case["glossary"][0]["concepts"] != 1000:
        return None
    return field(case, 100000, "throughputToSmallestMedianOfRounds")


def pyahocorasick_ratio(case):
    return (baseline_entry(case, "pyahocorasick", 100000) or {}).get("checkSpeedRatioMedianOfRounds")


def shipped_small_file_ms(case):
    shipped = case.get("shippedGlossarySmallFile")
    return None if shipped is None else round(shipped["seconds"] * 1000, 1)


# The targets of issue 18, on the realistic data: (what, bound, whether the bound is a minimum,
# unit, how to read a seed's value from its results).
TARGETS = [
    ("one thread, 100k: ≥ 0.8× the ICU floor (median of rounds)", 0.8, True, "×",
     lambda case: field(case, 100000, "ratioToFloorMedianOfRounds")),
    ("one thread, 100k: ≥ 0.8× its own 1k throughput (median of rounds)", 0.8, True, "×", own_1k_throughput),
    ("one thread, 1k: ≥ 1.0× the ICU floor (median of rounds)", 1.0, True, "×",
     lambda case: field(case, 1000, "ratioToFloorMedianOfRounds")),
    ("≥ 10× pyahocorasick + boundaries at 100k, one thread each (median of rounds)", 10.0, True, "×",
     pyahocorasick_ratio),
    ("one paragraph, 100k glossary from the cache: ≤ 30 ms", 30.0, False, "ms",
     lambda case: field(case, 100000, "smallFileSeconds", 1000)),
    ("one paragraph, 100k glossary from the cache: ≤ 60 MB peak RSS", 60.0, False, "MB",
     lambda case: field(case, 100000, "smallFilePeakMB")),
    ("one paragraph, shipped glossary: ≤ 10 ms", 10.0, False, "ms", shipped_small_file_ms),
    ("compiling the 100k glossary without a cache: ≤ 1.5 s", 1.5, False, "s",
     lambda case: field(case, 100000, "compileNoCacheSeconds")),
    (PEAK_RSS_TARGET := "peak RSS, 100k single-thread check of the 100 MB corpus: ≤ 150 MB", 150.0, False, "MB",
     lambda case: field(case, 100000, "checkPeakMB")),
]


def judge_targets(results):
    """One row per target of issue 18: each seed's value and whether every seed meets it."""
    cases = results.get("realistic", [])
    rows = []
    for name, bound, at_least, unit, read in TARGETS:
        values = [read(case) for case in cases]
        measured = [value for value in values if value is not None]
        if not measured:
            met = None
        else:
            met = all((value >= bound) if at_least else (value <= bound) for value in measured)
            if len(measured) < len(values):
                met = False if not met else None
        row = {"target": name, "bound": bound, "unit": unit,
               "values": {str(case["seed"]): value for case, value in zip(cases, values)}, "met": met}
        if name == PEAK_RSS_TARGET and any(case["corpusMB"] < 99 for case in cases):
            row["note"] = "measured on a corpus smaller than 100 MB"
        rows.append(row)
    sparse = results.get("sparse")
    rows.append({"target": "nothing regresses on the sparse benchmark or on accuracy",
                 "values": {}, "met": None,
                 "note": ("the sparse case ran: compare it with BENCHMARKS.md" if sparse else "run --data both")
                 + "; accuracy: the evaluation sets (Evaluation/)"})
    return rows


def print_targets(rows, seeds):
    print("\nTargets of issue 18 (realistic data; every seed must meet each):", flush=True)
    header = ["target"] + [f"seed {seed}" for seed in seeds] + ["status"]
    lines = []
    for row in rows:
        unit = row.get("unit", "")
        cells = [row["target"]]
        for seed in seeds:
            value = row["values"].get(str(seed))
            cells.append("—" if value is None else f"{value}{'' if unit in ('', '×') else ' '}{unit}")
        status = {True: "met", False: "not met", None: "not judged"}[row["met"]]
        if row.get("note"):
            status += f" ({row['note']})"
        cells.append(status)
        lines.append(cells)
    widths = [max(len(cells[column]) for cells in lines + [header]) for column in range(len(header) - 1)]
    for cells in [header] + lines:
        print("  " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths)) + " | " + cells[-1])


def self_check(args):
    """Checks, without the release build, that the harness reads its own tools' outputs."""
    failures = []

    def expect(condition, what):
        print(f"  {'ok' if condition else 'FAILED'}: {what}")
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as folder:
        elapsed, cpu, rss, code = timed(["true"])
        expect(elapsed > 0 and cpu >= 0 and 0 < rss < 8 and code == 0,
               "a timed run gives its time, CPU time and its own peak RSS (not the harness's)")
        corpus = os.path.join(folder, "corpus.txt")
        with open(corpus, "w", encoding="utf-8") as out:
            out.write("A title\n" + "The migrant worker met a labour inspector at the agency. " * 12 + "\n"
                      + "Pekerja migran dan tenaga kerja.\n")
        small = os.path.join(folder, "small.txt")
        write_small_file(corpus, small)
        with open(small, encoding="utf-8") as handle:
            paragraph = handle.read()
        expect(paragraph.startswith("The migrant") and paragraph.count("\n") == 1,
               "the small file is the first paragraph long enough to be prose")
        tsv = os.path.join(folder, "glossary.tsv")
        with open(tsv, "w", encoding="utf-8") as out:
            out.write("concept\tlang\tterm\nC1\ten\tmigrant worker\nC1\tid\tpekerja migran\nC2\ten\tLabour Inspector\n")
        yaml = os.path.join(folder, "glossary.yml")
        with open(yaml, "w", encoding="utf-8") as out:
            out.write("concepts:\n  - id: c1\n    terms:\n      en:\n        - migrant worker\n"
                      "      id:\n        - {term: pekerja migran, status: preferred}\n")
        for glossary, expected in ((tsv, 3), (yaml, 2)):
            lines = run([sys.executable, BASELINES, glossary, corpus, "1"]).stdout.splitlines()
            results = [json.loads(line) for line in lines]
            expect(len(results) == 2 and all("library" in result for result in results),
                   f"baselines.py prints one JSON line per library ({os.path.basename(glossary)})")
            for result in results:
                if "skipped" in result:
                    print(f"  note: {result['library']} is not installed")
                    continue
                expect(result["terms"] == expected and result["matches"] >= expected and "scanSeconds" in result,
                       f"{result['library']} reads {expected} terms of {os.path.basename(glossary)} and finds them")
        floor = os.path.join(folder, "icu_floor")
        run(["cc", "-O2", os.path.join(ROOT, "Benchmarks", "icu_floor.c"), "-licuuc", "-o", floor])
        report = json.loads(run([floor, corpus]).stdout)
        expect(report["words"] > 100 and report["seconds"] >= 0, "the ICU floor's JSON line gives words and seconds")

    def fake_case(seed, ratio, small_ms):
        return {"seed": seed, "corpusMB": 100.0,
                "glossary": [{"concepts": 1000, "ratioToFloorMedianOfRounds": 1.0, "throughputToSmallestMedianOfRounds": 1.0},
                             {"concepts": 100000, "ratioToFloorMedianOfRounds": ratio,
                              "throughputToSmallestMedianOfRounds": ratio, "smallFileSeconds": small_ms / 1000,
                              "smallFilePeakMB": 50.0, "compileNoCacheSeconds": 1.2, "checkPeakMB": 140.0}],
                "baselines": [{"library": "pyahocorasick", "concepts": 100000, "MBps": 5.0,
                               "checkSpeedRatioMedianOfRounds": 10.0}],
                "shippedGlossarySmallFile": {"seconds": 0.009, "peakMB": 20.0}}
    rows = judge_targets({"realistic": [fake_case(1, 0.8, 30.0), fake_case(2, 0.85, 12.0)]})
    expect(all(row["met"] is True for row in rows[:-1]), "targets exactly at their bounds are met")
    rows = judge_targets({"realistic": [fake_case(1, 0.79, 12.0), fake_case(2, 0.9, 30.1)]})
    by_name = {row["target"]: row["met"] for row in rows}
    expect(by_name[TARGETS[0][0]] is False and by_name[TARGETS[4][0]] is False and by_name[TARGETS[2][0]] is True,
           "one seed past a bound makes the target not met; the others stay met")
    print_targets(rows, [1, 2])
    print(f"self-check: {len(failures)} failed")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description="Benchmarks glossary against the ICU floor and Python baselines.")
    parser.add_argument("--data", choices=("realistic", "sparse", "both"), default="realistic",
                        help="which generated data (default realistic; both: realistic, then sparse)")
    parser.add_argument("--seeds", default="default,12345",
                        help="seeds of the realistic data, comma-separated; 'default' is the generator's own")
    parser.add_argument("--corpus-mb", type=int, default=100, help="corpus size in MiB (default 100)")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--work", default=os.path.join(ROOT, ".build-bench"))
    parser.add_argument("--repeat", type=int, default=5, help="rounds, and runs of each timing outside them")
    parser.add_argument("--libraries", default=None,
                        help="Python baselines, comma-separated (default: pyahocorasick on the realistic data, "
                             "pyahocorasick,flashtext on the sparse data)")
    parser.add_argument("--skip-baselines", action="store_true")
    parser.add_argument("--skip-large-file", action="store_true")
    parser.add_argument("--self-check", action="store_true",
                        help="check that the harness reads its tools' outputs, and stop")
    args = parser.parse_args()
    if args.self_check:
        sys.exit(self_check(args))
    args.size_list = sorted(int(size) for size in args.sizes.split(","))
    if args.data in ("realistic", "both") and not set(args.size_list) <= set(REALISTIC_SIZES):
        parser.error(f"the realistic data has glossaries of {', '.join(map(str, REALISTIC_SIZES))} concepts only")
    seeds = [seed.strip() for seed in args.seeds.split(",") if seed.strip()]
    if any(seed != "default" and not seed.isdigit() for seed in seeds):
        parser.error("--seeds takes integers or 'default'")
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    results = {"machine": {"cores": os.cpu_count()}, "repeat": args.repeat, "data": args.data,
               "command": " ".join(["python3", "Benchmarks/run.py"] + sys.argv[1:])}

    print("building (release)…", flush=True)
    # The build README's install section documents: the Swift runtime linked in, which halves
    # the start of every run (BENCHMARKS.md, "Start-up").
    run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "glossary"], cwd=ROOT)
    floor = os.path.join(args.work, "icu_floor")
    run(["cc", "-O2", os.path.join(ROOT, "Benchmarks", "icu_floor.c"), "-licuuc", "-o", floor])
    one_line = os.path.join(args.work, "one-line.txt")
    with open(one_line, "w") as handle:
        handle.write("A short draft.\n")
    tools = {"binary": os.path.join(ROOT, ".build", "release", "glossary"), "floor": floor, "oneLine": one_line}

    started = time.perf_counter()
    if args.data in ("realistic", "both"):
        libraries = (args.libraries or "pyahocorasick").split(",")
        results["realistic"] = []
        for seed in seeds:
            data = realistic_data(args, seed)
            case, _ = measure_case(data, tools, args, libraries)
            results["realistic"].append(case)
    if args.data in ("sparse", "both"):
        libraries = (args.libraries or "pyahocorasick,flashtext").split(",")
        data = sparse_data(args)
        case, environment = measure_case(data, tools, args, libraries)
        measure_sparse_extras(data, tools, args, environment, case)
        results["sparse"] = case
    results["seconds"] = round(time.perf_counter() - started)

    if "realistic" in results:
        results["targets"] = judge_targets(results)
        print_targets(results["targets"], [case["seed"] for case in results["realistic"]])

    output = os.path.join(args.work, "results.json")
    with open(output, "w") as handle:
        json.dump(results, handle, indent=2, ensure_ascii=False)
    print(f"results: {output} (measured in {results['seconds']} s)")


if __name__ == "__main__":
    main()
