"""`jaws build` on every example: the artifacts pass cfn-lint and
openapi-spec-validator, builds are byte-for-byte deterministic (also when the
project's files are named and so listed in another order), and a build with
errors writes nothing. A missing validator fails the test, it never skips."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JAWS = os.environ.get("JAWS_BIN", str(ROOT / "build" / "compiler" / "jaws"))
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir() and not p.name.startswith("."))


def build(project, out, *extra):
    return subprocess.run([JAWS, "build", str(project), "-o", str(out), *extra], capture_output=True, text=True, timeout=300)


def tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


class BuildExamples(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="jaws-build-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_examples_exist(self):
        self.assertGreaterEqual(len(EXAMPLES), 3)

    def test_artifacts_pass_the_validators(self):
        """Every example built as JSON and as YAML: the JSON builds' templates
        through cfn-lint in their regions, their Swagger/OpenAPI documents
        through openapi-spec-validator, and each YAML template must load to
        the JSON build's (tests/emit/validate_artifacts.py, in one process:
        starting cfn-lint costs about two seconds)."""
        self.assertIsNotNone(shutil.which("cfn-lint"), "cfn-lint is not installed")
        self.assertIsNotNone(shutil.which("openapi-spec-validator"), "openapi-spec-validator is not installed")
        args = []
        for example in EXAMPLES:
            outs = {}
            for fmt in ("json", "yaml"):
                out = outs[fmt] = self.tmp / f"{example.name}-{fmt}"
                result = build(example, out, "--format", fmt)
                self.assertEqual(result.returncode, 0, f"{example.name} ({fmt}): {result.stderr}")
                self.assertTrue(sorted(out.glob(f"*/*/template.{fmt}")), f"{example.name} ({fmt}): no template was written")
            documents = sorted(outs["json"].glob("*/*/*.swagger.json")) + sorted(outs["json"].glob("openapi/*.json"))
            self.assertTrue(documents, f"{example.name}: no Swagger or OpenAPI document was written")
            args += ["--yaml-of", f"{outs['yaml']}={outs['json']}"]
        validate = subprocess.run([sys.executable, str(ROOT / "tests" / "emit" / "validate_artifacts.py"), *args],
                                  capture_output=True, text=True, timeout=900)
        self.assertEqual(validate.returncode, 0, validate.stdout[-6000:] + validate.stderr[-3000:])
        # Every template was read: the JSON ones linted, the YAML ones compared.
        self.assertRegex(validate.stdout, r"\d+ templates \(\d+ linted")

    def test_builds_are_deterministic(self):
        for example in EXAMPLES:
            with self.subTest(example=example.name):
                first, second = self.tmp / f"{example.name}-1", self.tmp / f"{example.name}-2"
                self.assertEqual(build(example, first).returncode, 0)
                self.assertEqual(build(example, second).returncode, 0)
                self.assertEqual(tree(first), tree(second))

    def test_file_order_does_not_change_the_output(self):
        # Copy the examples folder, then rename every .jaws file of the copy so
        # the directory lists them in the reverse order.
        copy = self.tmp / "examples"
        shutil.copytree(ROOT / "examples", copy)
        for example in EXAMPLES:
            with self.subTest(example=example.name):
                project = copy / example.name
                names = sorted(project.glob("*.jaws"))
                for i, path in enumerate(names):
                    path.rename(project / f"{chr(ord('z') - i)}_{path.name}")
                original, renamed = self.tmp / f"{example.name}-orig", self.tmp / f"{example.name}-renamed"
                self.assertEqual(build(example, original).returncode, 0)
                result = build(project, renamed)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(tree(original), tree(renamed))

    def copy_example(self, name):
        # The whole examples folder: examples import a shared folder beside them.
        shutil.copytree(ROOT / "examples", self.tmp / "copy")
        return self.tmp / "copy" / name

    def test_a_build_with_errors_writes_nothing(self):
        project = self.copy_example("todo")
        # An earlier, successful build...
        out = self.tmp / "out"
        self.assertEqual(build(project, out).returncode, 0)
        before = tree(out)
        # ...survives a build of a broken project untouched.
        main = sorted(project.glob("*.jaws"))[0]
        main.write_text(main.read_text() + "\nfunction broken { memory = 64MB }\n")
        result = build(project, out)
        self.assertEqual(result.returncode, 1)
        self.assertIn("nothing was written", result.stderr)
        self.assertEqual(tree(out), before)
        fresh = self.tmp / "fresh"
        self.assertEqual(build(project, fresh).returncode, 1)
        self.assertFalse(fresh.exists())

    def test_a_template_over_the_size_limit_is_refused(self):
        # Few resources (JW4090 stays quiet) but a 1.1 MB property: the size is
        # known only once the template is laid out, and nothing is written.
        # Split (the default), the one resource fits no template (JW4092); with
        # split = "off", the one template is over the quota (JW4091).
        for split, expected in (("", r"main\.jaws:3:10: error\[JW4092\]: resource `topic` needs 1[0-9]{6} bytes in one "
                                     r"template, more than a template of a split stack holds \(800000 bytes\)"),
                                ('  split = "off"', r"main\.jaws:1:9: error\[JW4091\]: the template of big-dev in us-east-1 is "
                                                   r"1[0-9]{6} bytes; CloudFormation accepts at most 1000000")):
            with self.subTest(split=split):
                project = self.tmp / ("big" + ("-off" if split else ""))
                project.mkdir()
                (project / "main.jaws").write_text(
                    'project big { runtime = "nodejs22.x"' + split + ' }\nstage dev { }\n'
                    'resource topic: "AWS::SNS::Topic" {\n  DisplayName = "' + "x" * 1_100_000 + '"\n}\n')
                out = self.tmp / ("out" + ("-off" if split else ""))
                result = build(project, out)
                self.assertEqual(result.returncode, 1)
                self.assertRegex(result.stderr, expected)
                self.assertNotIn("JW4095", result.stderr)
                self.assertEqual(result.stderr.count("error["), 1, result.stderr)
                self.assertIn("nothing was written", result.stderr)
                self.assertFalse(out.exists())

    def test_an_output_folder_that_cannot_be_written_is_reported(self):
        blocker = self.tmp / "blocker"
        blocker.write_text("a file where the output folder would go\n")
        result = build(ROOT / "examples" / "todo", blocker / "out")
        self.assertEqual(result.returncode, 1)
        self.assertRegex(result.stderr, r"error\[JW9005\]: cannot write .*blocker/out.*: Not a directory")
        self.assertEqual(blocker.read_text(), "a file where the output folder would go\n")

    def test_manifest_lists_what_was_written(self):
        import json
        # A REST API (todo) and an HTTP API with an account, so an import body (http-auth).
        for name, project in (("todo", ROOT / "examples" / "todo"), ("http", ROOT / "tests/emit/projects/http-auth")):
            out = self.tmp / name
            self.assertEqual(build(project, out).returncode, 0)
            manifest = json.loads((out / "manifest.json").read_text())
            listed = {"manifest.json"}
            for stack in manifest["stacks"]:
                listed.add(stack["template"])
                for api in stack.get("apis", []):
                    listed.update(api[key] for key in ("body", "importBody", "openapi") if key in api)
            listed.update(artifact["file"] for artifact in manifest["artifacts"])
            written = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
            self.assertEqual(written, listed, name)
        kinds = {api["kind"] for stack in manifest["stacks"] for api in stack["apis"]}
        self.assertEqual(kinds, {"http"})

    def test_changed_code_changes_the_code_key(self):
        project = self.copy_example("todo")
        first, second = self.tmp / "a", self.tmp / "b"
        self.assertEqual(build(project, first).returncode, 0)
        handler = next(project.rglob("*.mjs"))
        handler.write_text(handler.read_text() + "\n// changed\n")
        self.assertEqual(build(project, second).returncode, 0)
        self.assertNotEqual(sorted(p.name for p in (first / "artifacts").iterdir()),
                            sorted(p.name for p in (second / "artifacts").iterdir()))


if __name__ == "__main__":
    unittest.main()
