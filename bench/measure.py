"""Shared helpers of the bench/ scripts: one command under GNU time, the machine.

`timed(command)` runs a command under `/usr/bin/time -v` and returns its wall
time (measured here), CPU time (user + system of every thread and waited-for
child, from wait4, in microseconds: the figure to compare on a loaded machine)
and peak RSS (GNU time's "Maximum resident set size": the largest single
process, not the sum).
`describe_machine()` is the line a reader needs to judge the figures.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass

GNU_TIME = "/usr/bin/time"
MAX_RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
USER_TIME = re.compile(r"User time \(seconds\): ([0-9.]+)")
SYSTEM_TIME = re.compile(r"System time \(seconds\): ([0-9.]+)")


@dataclass
class Timed:
    wall_ms: float
    cpu_ms: float  # user + system of the process and its waited-for children (includes GNU time's ~1 ms)
    rss_kb: int  # peak RSS of the largest single process (GNU time's definition)
    exit_code: int
    stdout: str
    stderr: str  # the command's own stderr, GNU time's report removed


def timed(command: list[str], cwd: str | None = None, env: dict[str, str] | None = None) -> Timed:
    """Runs `command` under GNU time; raises if GNU time printed no report."""
    full = [GNU_TIME, "-v"] + command
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(full, stdout=out, stderr=err, cwd=cwd, env=env)
        # wait4 gives the CPU time of GNU time and everything it waited for, in
        # microseconds; GNU time prints only hundredths, too coarse for a 40 ms run.
        _, status, usage = os.wait4(process.pid, 0)
        wall_ms = (time.perf_counter() - start) * 1000
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    rss = MAX_RSS.search(stderr)
    user, system = USER_TIME.search(stderr), SYSTEM_TIME.search(stderr)
    if rss is None or user is None or system is None:
        raise RuntimeError(f"no GNU time report for {' '.join(command)} (exit {process.returncode}):\n{stderr[-2000:]}")
    # GNU time appends its report after the command's own stderr.
    marker = stderr.rfind("\tCommand being timed:")
    own_stderr = stderr[:marker] if marker >= 0 else stderr
    own_stderr = "".join(line for line in own_stderr.splitlines(keepends=True)
                         if not line.startswith("Command exited with non-zero status"))
    cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
    return Timed(wall_ms, cpu_ms, int(rss.group(1)), process.returncode, stdout, own_stderr)


def have_gnu_time() -> bool:
    return os.access(GNU_TIME, os.X_OK)


def describe_machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            names = [line.split(":", 1)[1].strip() for line in f if line.startswith("model name")]
        if names:
            cpu = names[0]
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}"


def tree_bytes(path: str) -> tuple[int, int]:
    """(files, bytes) under a folder, or of one file: what a tool wrote."""
    if os.path.isfile(path):
        return 1, os.path.getsize(path)
    files = size = 0
    for folder, _, names in os.walk(path):
        for name in names:
            full = os.path.join(folder, name)
            if os.path.isfile(full) and not os.path.islink(full):
                files += 1
                size += os.path.getsize(full)
    return files, size
