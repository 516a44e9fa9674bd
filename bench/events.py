#!/usr/bin/env python3
"""What event sources cost: `jaws check` and `jaws build` of the same generated
functions with and without events (bench/generate.py --events), interleaved run
by run so that both see the same load, and the CPU time added per event source.

Usage: bench/events.py --jaws build/compiler/jaws                  # 2,500 functions x 4 events
       bench/events.py --jaws build/compiler/jaws --functions 1000 --events 10 --runs 5

Like bench/bench.py it is a measurement, not a test. CPU time (user + system) is
the figure to compare on a shared machine; the load average is printed beside it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402
from measure import describe_machine, have_gnu_time, timed  # noqa: E402

ACCOUNT = "123456789012"  # the split stacks upload their API bodies (docs/splitting.md)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jaws", required=True, help="the jaws binary (a Release build)")
    parser.add_argument("--functions", type=int, default=2500)
    parser.add_argument("--events", type=int, default=4, help="event sources per function (default 4)")
    parser.add_argument("--runs", type=int, default=3, help="measured runs of each command (default 3)")
    args = parser.parse_args(argv)
    if not have_gnu_time():
        sys.exit("bench/events.py needs GNU time at /usr/bin/time (apt-get install time)")
    jaws = os.path.abspath(args.jaws)
    sources = args.functions * args.events
    with tempfile.TemporaryDirectory(prefix="jaws-events-") as work:
        projects = {}
        for label, events in (("without events", 0), (f"{args.events} events each", args.events)):
            folder = os.path.join(work, f"p{events}")
            written = generate.generate(args.functions, 3, 1, 1, folder, ACCOUNT, events)
            projects[label] = (folder, written["jaws_bytes"])
        commands = {
            "check": lambda p: [jaws, "check", p],
            "build --stage dev": lambda p: [jaws, "build", p, "-o", os.path.join(work, "out"), "--stage", "dev"],
        }
        load_before = os.getloadavg()[0]
        results = {}
        for run in range(args.runs + 1):  # the first round warms the caches and is not counted
            for name, command in commands.items():
                for label, (folder, _) in projects.items():
                    result = timed(command(folder))
                    if run:
                        results.setdefault((name, label), []).append(result)
        load_after = os.getloadavg()[0]

    print(f"jaws: {jaws}; {args.functions} functions, 3 stages x 1 region; median of {args.runs} runs after one warm-up")
    print(f"machine: {describe_machine()}")
    print(f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after")
    print()
    print("| command | project | .jaws size | wall, median (min–max) | CPU, median (min–max) | peak RSS | exit |")
    print("|---|---|---|---|---|---|---|")
    cpu = {}
    for (name, label), runs in results.items():
        walls = [r.wall_ms for r in runs]
        cpus = [r.cpu_ms for r in runs]
        cpu[(name, label)] = statistics.median(cpus)
        size = projects[label][1]
        print(f"| {name} | {label} | {size / 1024:,.0f} KiB | {statistics.median(walls):.0f} ms ({min(walls):.0f}–{max(walls):.0f}) "
              f"| {statistics.median(cpus):.0f} ms ({min(cpus):.0f}–{max(cpus):.0f}) "
              f"| {statistics.median(r.rss_kb for r in runs) / 1024:.1f} MiB | {sorted({r.exit_code for r in runs})} |")
    print()
    base, with_events = list(projects)
    for name in commands:
        added = cpu[(name, with_events)] - cpu[(name, base)]
        print(f"{name}: {sources:,} event sources add {added:.0f} ms of CPU, {added * 1000 / sources:.1f} µs per event source")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
