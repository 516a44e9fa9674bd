"""`jaws build` on the generated projects of N = 1,000 and 5,000 functions (bench/generate.py):
each stack is split into a root template and nested stacks, and every template written is
within every CloudFormation quota, every uploaded API body within API Gateway's.

Release only (CTest label no-sanitize): the sanitizers make these sizes slow, and the
splitter's logic is covered under them by the unit tests (tests/unit/StackSplitTests.cpp).
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402

JAWS = os.environ.get("JAWS_BIN", str(ROOT / "build" / "compiler" / "jaws"))

# CloudFormation's quotas (stdlib/limits.jaws, awsLimits) and API Gateway's import limit.
MAX_RESOURCES, MAX_BYTES, MAX_PARAMETERS, MAX_OUTPUTS = 500, 1_000_000, 200, 200
MAX_API_DEFINITION = 6_000_000


class SplitAtScale(unittest.TestCase):
    def build(self, functions, files):
        tmp = pathlib.Path(self.enterContext(tempfile.TemporaryDirectory(prefix="jaws-split-")))
        # One stage (prod) with an account, so each API body, too large for any template,
        # can be uploaded with its functions' ARNs written out (docs/splitting.md).
        generate.generate(functions, 1, 1, files, str(tmp / "p"), account="123456789012")
        result = subprocess.run([JAWS, "build", str(tmp / "p"), "-o", str(tmp / "out")],
                                capture_output=True, text=True, timeout=300)
        self.assertEqual(result.returncode, 0, result.stderr[-3000:])
        self.assertIn("hint[JW4090]", result.stderr)
        return tmp / "out"

    def check_within_quotas(self, out, functions):
        manifest = json.loads((out / "manifest.json").read_text())
        self.assertEqual(len(manifest["stacks"]), 1)
        stack = manifest["stacks"][0]
        self.assertGreater(len(stack["nestedStacks"]), 1)
        templates = {stack["template"]: out / stack["template"]}
        for nested in stack["nestedStacks"]:
            templates[nested["template"]] = out / nested["template"]
        root = json.loads((out / stack["template"]).read_text())
        # Every nested stack of the root is listed, and reads the file the manifest lists.
        urls = {logical: resource["Properties"]["TemplateURL"]["Fn::Sub"]
                for logical, resource in root["Resources"].items() if resource["Type"] == "AWS::CloudFormation::Stack"}
        self.assertEqual(sorted(urls), sorted(n["logicalId"] for n in stack["nestedStacks"]))
        for nested in stack["nestedStacks"]:
            self.assertTrue(urls[nested["logicalId"]].endswith("/" + nested["key"]))
        lambdas = 0
        for name, path in templates.items():
            with self.subTest(template=name):
                text = path.read_bytes()
                document = json.loads(text)
                self.assertLessEqual(len(document["Resources"]), MAX_RESOURCES)
                self.assertLessEqual(len(text), MAX_BYTES)
                self.assertLessEqual(len(document.get("Parameters", {})), MAX_PARAMETERS)
                self.assertLessEqual(len(document.get("Outputs", {})), MAX_OUTPUTS)
                lambdas += sum(r["Type"] == "AWS::Lambda::Function" for r in document["Resources"].values())
        # Every function is written once, in some template.
        self.assertEqual(lambdas, functions)
        bodies = [u for u in stack["uploads"] if u.endswith(".swagger.json")]
        self.assertTrue(bodies)
        for upload in stack["uploads"]:
            self.assertTrue((out / upload).is_file(), upload)
        for body in bodies:
            self.assertLessEqual((out / body).stat().st_size, MAX_API_DEFINITION)

    def test_1000_functions(self):
        self.check_within_quotas(self.build(1000, 1), 1000)

    def test_5000_functions(self):
        # Two APIs of 2,500 routes: one of 5,000 would exceed API Gateway's 6 MB (JW4097).
        self.check_within_quotas(self.build(5000, 2), 5000)


if __name__ == "__main__":
    unittest.main()
