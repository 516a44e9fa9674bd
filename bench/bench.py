#!/usr/bin/env python3
"""Measure `jaws check` on generated projects; print a Markdown table.

For each size N (default 1,000 and 10,000 functions and routes) it generates a
project with bench/generate.py, runs `jaws check --stats` once to warm the file
cache, then --runs times under `/usr/bin/time -v`, and reports the .jaws size,
the median wall time (with the range), the median peak RSS, and the share of
each compiler stage from `--stats` (median over the runs). This is a
measurement, not a test: nothing is asserted about the figures.

Needs GNU time (`/usr/bin/time`; Debian: `apt-get install time`). Use a Release
build of jaws, e.g.:

  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build-bench jaws
  bench/bench.py --jaws build-bench/compiler/jaws
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402  (the generator beside this script)
from measure import GNU_TIME, describe_machine, timed  # noqa: E402

# `stats: files=4 bytes=6796 load=0.3ms parse=3.9ms (92%) ... total=4.3ms`: every
# `name=<number>ms` is a stage, whatever stages the compiler reports.
STAGE = re.compile(r"([\w+.-]+)=([0-9.]+)ms")


class Run:
    def __init__(self, wall_ms: float, cpu_ms: float, rss_kb: int, stages: dict[str, float], exit_code: int,
                 diagnostics: dict[str, int]):
        self.wall_ms = wall_ms
        self.cpu_ms = cpu_ms  # user + system: less sensitive than wall time to other load
        self.rss_kb = rss_kb
        self.stages = stages  # stage name -> milliseconds, including "total"
        self.exit_code = exit_code
        self.diagnostics = diagnostics  # severity -> count


def run_once(jaws: str, project: str) -> Run:
    command = [jaws, "check", "--stats", "--format", "json", project]
    done = timed(command)
    stats_lines = [line for line in done.stderr.splitlines() if line.startswith("stats:")]
    if not stats_lines:
        raise RuntimeError(f"unexpected output of {' '.join(command)} (exit {done.exit_code}):\n{done.stderr[-2000:]}")
    stages = {name: float(ms) for name, ms in STAGE.findall(stats_lines[-1])}
    # --format json puts the diagnostics on stdout; counting them tells a reader
    # whether the run measured a clean project or one with findings.
    severities = [d.get("severity", "?") for d in json.loads(done.stdout).get("diagnostics", [])]
    diagnostics = {s: severities.count(s) for s in sorted(set(severities))}
    return Run(done.wall_ms, done.cpu_ms, done.rss_kb, stages, done.exit_code, diagnostics)


def measure(jaws: str, size: int, args: argparse.Namespace, workdir: str) -> dict:
    project = os.path.join(workdir, f"n{size}")
    written = generate.generate(size, args.stages, args.regions, args.files, project)
    run_once(jaws, project)  # warm-up: file cache, page cache of the binary
    runs = [run_once(jaws, project) for _ in range(args.runs)]
    walls = [r.wall_ms for r in runs]
    shares: dict[str, float] = {}
    for name in runs[0].stages:
        if name == "total":
            continue
        shares[name] = statistics.median(
            100.0 * r.stages.get(name, 0.0) / r.stages["total"] for r in runs if r.stages.get("total"))
    return {
        "size": size,
        "files": written["jaws_files"],
        "bytes": written["jaws_bytes"],
        "wall_median": statistics.median(walls),
        "wall_min": min(walls),
        "wall_max": max(walls),
        "cpu_median": statistics.median(r.cpu_ms for r in runs),
        "rss_mb": statistics.median(r.rss_kb for r in runs) / 1024,
        "shares": shares,
        "exit_codes": sorted({r.exit_code for r in runs}),
        "diagnostics": runs[-1].diagnostics,
    }


def table(results: list[dict]) -> str:
    stage_names = []
    for result in results:
        for name in result["shares"]:
            if name not in stage_names:
                stage_names.append(name)
    header = ["N (functions = routes)", ".jaws files", ".jaws size", "wall, median (min–max)", "CPU, median", "peak RSS",
              "parse share"] + [f"{name} share" for name in stage_names if name != "parse"] + ["exit", "diagnostics"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in results:
        cells = [
            f"{r['size']:,}",
            str(r["files"]),
            f"{r['bytes'] / 1024 / 1024:.2f} MiB ({r['bytes']:,} B)",
            f"{r['wall_median']:.0f} ms ({r['wall_min']:.0f}–{r['wall_max']:.0f})",
            f"{r['cpu_median']:.0f} ms",
            f"{r['rss_mb']:.1f} MiB",
            f"{r['shares'].get('parse', 0.0):.0f}%",
        ]
        cells += [f"{r['shares'].get(name, 0.0):.0f}%" for name in stage_names if name != "parse"]
        found = ", ".join(f"{count} {severity}" for severity, count in r["diagnostics"].items()) or "none"
        cells += [",".join(str(c) for c in r["exit_codes"]), found]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jaws", default="build/compiler/jaws", help="the jaws binary (a Release build)")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated N values (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per size (default 5)")
    parser.add_argument("--stages", type=int, default=3)
    parser.add_argument("--regions", type=int, default=1)
    parser.add_argument("--files", type=int, default=1, help="spread functions and routes over this many files")
    parser.add_argument("--workdir", help="where the projects are generated (default: a temporary folder)")
    args = parser.parse_args(argv)

    if not os.access(GNU_TIME, os.X_OK):
        print(f"{GNU_TIME} not found: install GNU time (Debian/Ubuntu: sudo apt-get install time)", file=sys.stderr)
        return 2
    jaws = os.path.abspath(args.jaws)
    if not os.access(jaws, os.X_OK):
        print(f"{args.jaws} is not an executable jaws binary; build one or pass --jaws", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="jaws-bench-") as temporary:
        workdir = args.workdir or temporary
        results = []
        for size in sizes:
            print(f"measuring N={size} ...", file=sys.stderr)
            results.append(measure(jaws, size, args, workdir))

    version = subprocess.run([jaws, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    load_after = os.getloadavg()[0]
    print(f"{version} ({jaws}); {args.runs} runs per size after one warm-up; "
          f"{args.stages} stages x {args.regions} region(s), {args.files} service file(s)")
    print(f"machine: {describe_machine()}")
    # Other work on the machine inflates wall times; the load average says how much there was.
    print(f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after")
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
