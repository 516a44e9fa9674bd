"""`jaws import` on the corpus (tests/import/corpus/): for every serverless.yml,
the import's exit code and diagnostics, the generated .jaws files (baselines in
tests/import/expected/<project>/), `jaws fmt --check` on them (the importer
writes canonical layout), then `jaws check`, `jaws build` and cfn-lint on the
templates. A deprecated runtime is kept as written (the checker explains the
upgrade); to see whether the rest builds, the test then swaps it for a current
one. What each project reaches is in expected/<project>/status.txt, and the
figures of docs/import.md are printed. JAWS_UPDATE_BASELINES=1 rewrites the
expected files."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JAWS = os.environ.get("JAWS_BIN", str(ROOT / "build" / "compiler" / "jaws"))
CORPUS = ROOT / "tests" / "import" / "corpus"
EXPECTED = ROOT / "tests" / "import" / "expected"
UPDATE = os.environ.get("JAWS_UPDATE_BASELINES") == "1"
CURRENT = {"nodejs": "nodejs22.x", "python": "python3.13", "ruby": "ruby3.3", "go": "provided.al2023", "java": "java21"}


def run(*args, cwd=None):
    return subprocess.run([JAWS, *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd)


def codes(text):
    """`file:line:col: severity[CODE]` lines, paths relative to the project."""
    return sorted(set(re.findall(r"^\S*?([^/\s]+:\d+:\d+): (\w+)\[(JW\d+)\]", text, re.M)))


class ImportCorpus(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="jaws-import-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def compare(self, expected: Path, actual: str):
        if UPDATE:
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_text(actual)
            return
        self.assertTrue(expected.exists(), f"{expected} is missing (JAWS_UPDATE_BASELINES=1 writes it)")
        self.assertEqual(expected.read_text(), actual, f"{expected} differs")

    def import_one(self, source: Path):
        project = self.tmp / source.name
        shutil.copytree(source, project)
        before = {p.name for p in project.iterdir()}
        result = run("import", project / "serverless.yml")
        written = sorted(p for p in project.glob("*.jaws") if p.name not in before)
        status = {"import": "complete" if result.returncode == 0 else "partial" if written else "failed"}
        expected = EXPECTED / source.name
        diagnostics = "".join(f"{where} {severity} {code}\n" for where, severity, code in codes(result.stderr))
        self.compare(expected / "import.txt", diagnostics)
        for file in written:
            self.compare(expected / file.name, file.read_text())
        if not written:
            return status, None
        fmt = run("fmt", "--check", project)
        self.assertEqual(fmt.returncode, 0, f"jaws fmt would change the import: {fmt.stdout}{fmt.stderr}")
        check = run("check", project)
        status["check"] = "ok" if check.returncode == 0 else "errors"
        if check.returncode != 0 and set(re.findall(r"error\[(JW\d+)\]", check.stderr)) <= {"JW4013", "JW3008"}:
            # Only the runtime: swap it for a current one of its language.
            for file in written:
                text = re.sub(r'runtime(\s*)= "([a-z]+)[^"]*"', lambda m: f'runtime{m.group(1)}= "{CURRENT.get(m.group(2), m.group(0))}"', file.read_text())
                file.write_text(text)
            check = run("check", project)
            status["check"] = "ok after the runtime upgrade" if check.returncode == 0 else "errors"
        if check.returncode != 0:
            return status, None
        out = self.tmp / f"{source.name}-out"
        build = run("build", project, "-o", out)
        self.assertEqual(build.returncode, 0, build.stderr)
        status["build"] = "ok"
        return status, sorted(out.glob("*/*/template.json"))

    def test_serverless_corpus(self):
        self.assertIsNotNone(shutil.which("cfn-lint"), "cfn-lint is not installed")
        projects = sorted(p for p in CORPUS.iterdir() if (p / "serverless.yml").exists())
        self.assertGreaterEqual(len(projects), 20)
        statuses, templates = {}, {}
        for source in projects:
            with self.subTest(project=source.name):
                statuses[source.name], templates[source.name] = self.import_one(source)
        everything = [t for ts in templates.values() if ts for t in ts]
        lint = subprocess.run(["cfn-lint", "--format", "parseable", *map(str, everything)], capture_output=True, text=True, timeout=600)
        for name, status in statuses.items():
            if templates.get(name):
                errors = [line for line in lint.stdout.splitlines() if f"/{name}-out/" in line and ":E" in line]
                status["cfn-lint"] = "clean" if not errors else f"{len(errors)} errors"
            with self.subTest(project=name):
                self.compare(EXPECTED / name / "status.txt", "".join(f"{k}: {v}\n" for k, v in status.items()))
        total = len(statuses)
        count = lambda key, value: sum(1 for s in statuses.values() if s.get(key, "").startswith(value))
        print(f"\n{total} projects: {count('import', 'complete')} import completely, "
              f"{count('check', 'ok')} check ({count('check', 'ok after')} after the runtime upgrade), "
              f"{count('build', 'ok')} build, {count('cfn-lint', 'clean')} lint clean")


class ImportInputs(unittest.TestCase):
    """Bad inputs and items left out, each a coded diagnostic at the YAML's line:col."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="jaws-import-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def imported(self, text):
        (self.tmp / "serverless.yml").write_text(text)
        return run("import", self.tmp / "serverless.yml")

    def test_invalid_yaml(self):
        result = self.imported("service: a\nprovider: [\n")
        self.assertEqual(result.returncode, 1)
        self.assertIn("error[JW6000]", result.stderr)
        self.assertEqual(list(self.tmp.glob("*.jaws")), [])

    def test_unknown_format(self):
        result = self.imported("hello: world\n")
        self.assertEqual(result.returncode, 1)
        self.assertIn("serverless.yml:1:1: error[JW6001]", result.stderr)

    def test_existing_files_are_never_overwritten(self):
        (self.tmp / "project.jaws").write_text("// mine\n")
        result = self.imported("service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n")
        self.assertEqual(result.returncode, 1)
        self.assertIn("JW6002", result.stderr)
        self.assertEqual((self.tmp / "project.jaws").read_text(), "// mine\n")

    def test_left_out_items_and_exit_code(self):
        text = ("service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  tracing:\n    lambda: true\n"
                "functions:\n  f:\n    handler: h.main\n    environment:\n      A: !ImportValue other\n"
                "      B: ${file(./x.yml):b}\n    events:\n      - websocket: $connect\n")
        (self.tmp / "h.js").write_text("exports.main = async () => {};\n")
        result = self.imported(text)
        self.assertEqual(result.returncode, 1)
        for expected in ["5:3: warning[JW6005]", "11:10: warning[JW6008]", "12:10: warning[JW6004]", "14:9: warning[JW6003]"]:
            self.assertIn(expected, result.stderr)
        self.assertEqual(run("check", self.tmp).returncode, 0)

    def test_complete_import_exits_0(self):
        (self.tmp / "h.js").write_text("exports.main = async () => {};\n")
        result = self.imported("service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  stage: ${opt:stage, 'prod'}\n"
                               "functions:\n  f:\n    handler: h.main\n    environment:\n      S: ${sls:stage}-${aws:region}\n"
                               "    events:\n      - schedule: rate(1 hour)\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        functions = (self.tmp / "functions.jaws").read_text()
        self.assertIn('env     = { S = "${stage}-${region}" }', functions)
        self.assertIn('events  = [schedule("rate(1 hour)")]', functions)
        self.assertIn("stage prod {}", (self.tmp / "project.jaws").read_text())


if __name__ == "__main__":
    unittest.main()
