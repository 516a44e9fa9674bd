#!/usr/bin/env python3
"""Figures of `jaws serve` (docs/local.md): startup time on each example,
first-request and warm-request latency (median and p95) on the Node.js and
Python handlers of tests/local/project, and the memory of the server and of
its handler processes. Whole-process measurements on this machine.

    python3 bench/local.py [--jaws build/compiler/jaws] [--requests 200] [--starts 20]
"""
import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start(jaws, folder):
    began = time.perf_counter()
    proc = subprocess.Popen([jaws, "serve", folder, "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if match:
            return proc, int(match.group(1)), time.perf_counter() - began
    raise RuntimeError(f"jaws serve {folder} did not start")


def stop(proc):
    proc.send_signal(2)
    proc.wait(timeout=30)


def request(port, method, path, body=None, headers=None):
    began = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status}")
    return (time.perf_counter() - began) * 1000


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jaws", default=os.path.join(ROOT, "build/compiler/jaws"))
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--starts", type=int, default=20)
    args = parser.parse_args()

    print("| project | startup, median of 10 (ms) |\n|---|---|")
    for example in sorted(os.listdir(os.path.join(ROOT, "examples"))):
        folder = os.path.join(ROOT, "examples", example)
        if example.startswith(".") or not os.path.isdir(folder):
            continue
        times = []
        for _ in range(10):
            proc, _, took = start(args.jaws, folder)
            times.append(took * 1000)
            stop(proc)
        print(f"| examples/{example} | {statistics.median(times):.0f} |")

    tmp = tempfile.mkdtemp(prefix="jaws-bench-")
    try:
        project = os.path.join(tmp, "project")
        shutil.copytree(os.path.join(ROOT, "tests/local/project"), project)
        routes = {
            "Node.js (GET /hello/{name})": ("GET", "/hello/bench", None, {}),
            "Python (POST /items, validated body)": (
                "POST", "/items", b'{"name": "pen"}', {"Content-Type": "application/json", "X-Request-Id": "b"}),
        }
        print("\n| handler | first request, median of %d (ms) | warm median (ms) | warm p95 (ms) |" % args.starts)
        print("|---|---|---|---|")
        memory = []
        for name, (method, path, body, headers) in routes.items():
            firsts = []
            for _ in range(args.starts):
                proc, port, _ = start(args.jaws, project)
                firsts.append(request(port, method, path, body, headers))
                stop(proc)
            proc, port, _ = start(args.jaws, project)
            request(port, method, path, body, headers)
            warm = [request(port, method, path, body, headers) for _ in range(args.requests)]
            memory.append((name, rss_kib(proc.pid), sum(rss_kib(c) for c in children(proc.pid))))
            stop(proc)
            print(f"| {name} | {statistics.median(firsts):.1f} | {statistics.median(warm):.2f} | {percentile(warm, 95):.2f} |")
        print("\n| after %d requests | jaws serve RSS (MiB) | handler process RSS (MiB) |\n|---|---|---|" % args.requests)
        for name, server, handlers in memory:
            print(f"| {name} | {server / 1024:.1f} | {handlers / 1024:.1f} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
