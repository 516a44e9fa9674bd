"""`jaws check --format json` and `--format sarif`: the shape of each field."""
import json
import unittest

from jawscli import JawsTestCase, run

SOURCE = ("function f {\n"
          "  handler = \"src/f.main\"\n"
          "  timeout = 10sec\n"
          "}\n"
          "let s = \"caf\u00e9 \\q\"\n")


class JsonOutput(JawsTestCase):
    def setUp(self):
        super().setUp()
        self.write("app/main.jaws", SOURCE)

    def test_fields(self):
        report = self.check_json("app/main.jaws", cwd=self.tmp)
        self.assertEqual(report["version"], 1)
        unit = self.assertDiagnostic(report, "JW1010")
        self.assertEqual({k: unit[k] for k in ("file", "line", "column", "endLine", "endColumn", "severity", "code")},
                         {"file": "app/main.jaws", "line": 3, "column": 13, "endLine": 3, "endColumn": 18,
                          "severity": "error", "code": "JW1010"})
        self.assertEqual(unit["message"], "unknown unit `sec` in `10sec`")
        self.assertEqual(unit["help"], "did you mean `10s`?")
        self.assertEqual(unit["notes"], [])
        self.assertEqual(unit["fixes"], [{
            "title": "replace with `10s`",
            "edits": [{"file": "app/main.jaws", "line": 3, "column": 13, "endLine": 3, "endColumn": 18,
                       "newText": "10s"}],
        }])
        for d in report["diagnostics"]:
            for key in ("severity", "code", "message", "notes", "fixes"):
                self.assertIn(key, d)

    def test_columns_count_code_points(self):
        report = self.check_json("app/main.jaws", cwd=self.tmp)
        escape = self.assertDiagnostic(report, "JW1006")
        # `let s = "café \q"`: the backslash is the 15th code point (é is 2 bytes).
        self.assertEqual((escape["line"], escape["column"], escape["endColumn"]), (5, 15, 17))

    def test_summary_counts(self):
        report = self.check_json("app/main.jaws", cwd=self.tmp)
        errors = sum(1 for d in report["diagnostics"] if d["severity"] == "error")
        warnings = sum(1 for d in report["diagnostics"] if d["severity"] == "warning")
        self.assertEqual(report["summary"]["errors"], errors)
        self.assertEqual(report["summary"]["warnings"], warnings)
        self.assertGreaterEqual(errors, 2)

    def test_clean_project(self):
        report = self.check_json("examples/todo", expect_exit=0)
        self.assertEqual(report["diagnostics"], [])
        self.assertEqual(report["summary"], {"errors": 0, "warnings": 0, "infos": 0})

    def test_json_goes_to_stdout_only(self):
        proc = run("check", "--format", "json", "app/main.jaws", cwd=self.tmp)
        self.assertEqual(proc.stderr, "")
        json.loads(proc.stdout)


class SarifOutput(JawsTestCase):
    def setUp(self):
        super().setUp()
        self.write("app/main.jaws", SOURCE)
        proc = run("check", "--format", "sarif", "app/main.jaws", cwd=self.tmp)
        self.assertNoCrash(proc)
        self.assertEqual(proc.returncode, 1)
        self.sarif = json.loads(proc.stdout)

    def test_log_shape(self):
        self.assertEqual(self.sarif["version"], "2.1.0")
        self.assertIn("sarif", self.sarif["$schema"])
        self.assertEqual(len(self.sarif["runs"]), 1)
        driver = self.sarif["runs"][0]["tool"]["driver"]
        self.assertEqual(driver["name"], "jaws")
        self.assertRegex(driver["version"], r"^\d+\.\d+\.\d+")

    def test_results_refer_to_rules(self):
        run0 = self.sarif["runs"][0]
        rules = run0["tool"]["driver"]["rules"]
        results = run0["results"]
        self.assertTrue(results)
        for result in results:
            rule = rules[result["ruleIndex"]]
            self.assertEqual(rule["id"], result["ruleId"])
            self.assertIn(result["level"], ("error", "warning", "note"))
            self.assertTrue(result["message"]["text"])
            self.assertTrue(rule["fullDescription"]["text"])
        self.assertEqual(len({r["id"] for r in rules}), len(rules))

    def test_location_and_fix(self):
        results = [r for r in self.sarif["runs"][0]["results"] if r["ruleId"] == "JW1010"]
        self.assertEqual(len(results), 1)
        result = results[0]
        self.assertEqual(result["level"], "error")
        location = result["locations"][0]["physicalLocation"]
        self.assertEqual(location["artifactLocation"]["uri"], "app/main.jaws")
        self.assertEqual(location["region"], {"startLine": 3, "startColumn": 13, "endLine": 3, "endColumn": 18})
        fix = result["fixes"][0]
        self.assertEqual(fix["description"]["text"], "replace with `10s`")
        replacement = fix["artifactChanges"][0]["replacements"][0]
        self.assertEqual(replacement["insertedContent"]["text"], "10s")
        self.assertEqual(replacement["deletedRegion"]["startColumn"], 13)


if __name__ == "__main__":
    unittest.main()
