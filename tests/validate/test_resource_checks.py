"""Raw resources: what cfn-lint finds in a template, `jaws check` finds in the
source first.

Each case is one CloudFormation resource (and outputs reading it) with one
mistake. The test writes it as a template and lints it with cfn-lint, writes
the same resource as a `.jaws` project and checks it with jaws, and asserts
that cfn-lint reports an error of the expected class (so the case is a real
mistake) and jaws the expected code. The clean cases must pass both. The
table it prints is the one in docs/resources.md.

Also: scripts/resource-spec.py, run on the installed cfn-lint, writes exactly
the committed stdlib/resources.spec (skipped when cfn-lint is not installed,
or is another version than the one the file was written from)."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JAWS = os.environ.get("JAWS_BIN", str(ROOT / "build" / "compiler" / "jaws"))
SPEC = ROOT / "stdlib" / "resources.spec"

TABLE = {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
         "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
         "BillingMode": "PAY_PER_REQUEST"}

# name, type, properties, outputs {name: (jaws expression, template value)},
# the cfn-lint codes of the mistake (any of them), the jaws code, and regions.
CASES = [
    ("unknown type", "AWS::SQS::Queu", {}, {}, {"E3006"}, "JW2125", None),
    ("SAM type without a transform", "AWS::Serverless::SimpleTable", {}, {}, {"E3006", "E0001"}, "JW4080", None),
    ("misspelt property", "AWS::SQS::Queue", {"VisibilityTimeOut": 30}, {}, {"E3002"}, "JW3056", None),
    ("resource option as a property", "AWS::SQS::Queue", {"DeletionPolicy": "Retain"}, {}, {"E3002"}, "JW3056", None),
    ("misspelt key inside an object", "AWS::DynamoDB::Table",
     dict(TABLE, KeySchema=[{"AttributeName": "id", "KeyTyp": "HASH"}]), {}, {"E3002", "E3003"}, "JW3056", None),
    ("missing required property", "AWS::DynamoDB::Table", {"BillingMode": "PAY_PER_REQUEST"}, {}, {"E3003"}, "JW3058", None),
    ("missing required key", "AWS::DynamoDB::Table",
     dict(TABLE, AttributeDefinitions=[{"AttributeName": "id"}]), {}, {"E3003"}, "JW3058", None),
    ("object for a list", "AWS::SQS::Queue", {"Tags": {"team": "a"}}, {}, {"E3012"}, "JW3057", None),
    ("word for a boolean", "AWS::SQS::Queue", {"FifoQueue": "yes"}, {}, {"E3012"}, "JW3057", None),
    ("word for a number", "AWS::SQS::Queue", {"DelaySeconds": "soon"}, {}, {"E3012"}, "JW3057", None),
    ("list for an object", "AWS::SNS::Topic", {"Subscription": [["https://example.com", "https"]]}, {}, {"E3012"}, "JW3057", None),
    # cfn-lint 1.51.0 does not report read-only properties; CloudFormation refuses them.
    ("read-only property", "AWS::SQS::Queue", {"Arn": "arn:aws:sqs:us-east-1:123456789012:jobs"}, {}, set(), "JW3059", None),
    ("value not allowed", "AWS::DynamoDB::Table",
     dict(TABLE, AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "STRING"}]), {}, {"E3030"}, "JW3060", None),
    ("number over its maximum", "AWS::SQS::Queue", {"DelaySeconds": 1000}, {}, {"E3034"}, "JW3061", None),
    ("number under its minimum", "AWS::SQS::Queue", {"MessageRetentionPeriod": 30}, {}, {"E3034"}, "JW3061", None),
    ("string too short", "AWS::SNS::Topic", {"Tags": [{"Key": "", "Value": "x"}]}, {}, {"E3033"}, "JW3062", None),
    ("pattern", "AWS::DynamoDB::Table",
     dict(TABLE, AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}, {"AttributeName": "at", "AttributeType": "S"}],
          LocalSecondaryIndexes=[{"IndexName": "by date", "Projection": {"ProjectionType": "ALL"},
                                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}]}]),
     {}, {"E3031"}, "JW3063", None),
    ("exactly one of two", "AWS::CloudWatch::Alarm", {"ComparisonOperator": "GreaterThanThreshold", "EvaluationPeriods": 1},
     {}, {"E3014", "E3015", "E3003"}, "JW3067", None),
    ("at least one key", "AWS::DynamoDB::Table", dict(TABLE, WarmThroughput={}), {}, {"E3015", "E3003", "E3014"}, "JW3068", None),
    ("unknown attribute", "AWS::SQS::Queue", {}, {"QueueArn": ("r.Arnn", {"Fn::GetAtt": ["R", "Arnn"]})}, {"E1010", "E6101"}, "JW2126", None),
    ("type not in the region", "AWS::DeviceFarm::Project", {"Name": "tests"}, {}, {"E3006"}, "JW4081", "eu-south-2"),
    ("clean queue", "AWS::SQS::Queue", {"VisibilityTimeout": 60, "DelaySeconds": "5", "Tags": [{"Key": "team", "Value": "a"}]},
     {"QueueArn": ("r.arn", {"Fn::GetAtt": ["R", "Arn"]})}, set(), None, None),
    ("clean table", "AWS::DynamoDB::Table", TABLE, {"StreamArn": ("r.StreamArn", {"Fn::GetAtt": ["R", "StreamArn"]})}, set(), None, None),
    ("clean topic, ARN by Ref", "AWS::SNS::Topic", {"TopicName": "events"}, {"TopicArn": ("r.arn", {"Ref": "R"})}, set(), None, None),
]

# SNS topics have no `Arn` attribute: what `topic.arn` emitted before.
TOPIC_GETATT = ("topic.arn as GetAtt Arn", "AWS::SNS::Topic", {}, {"TopicArn": ("r.arn", {"Fn::GetAtt": ["R", "Arn"]})}, {"E1010", "E6101"})


def jaws_literal(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(jaws_literal(v) for v in value) + "]"
    return "{ " + ", ".join(f"{k} = {jaws_literal(v)}" for k, v in value.items()) + " }"


def template(type_name, properties, outputs):
    resource = {"Type": type_name}
    if properties:
        resource["Properties"] = properties
    doc = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"R": resource}}
    if outputs:
        doc["Outputs"] = {name: {"Value": cfn} for name, (_, cfn) in outputs.items()}
    return doc


def source(type_name, properties, outputs, region):
    regions = f' regions = ["{region}"] ' if region else " "
    lines = [f"project p {{{regions}}}", "stage dev { }", f'resource r: "{type_name}" {{']
    lines += [f"  {key} = {jaws_literal(value)}" for key, value in properties.items()]
    lines.append("}")
    lines += [f"output {name[0].lower() + name[1:]} = {expr}" for name, (expr, _) in outputs.items()]
    return "\n".join(lines) + "\n"


class ResourceChecks(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="jaws-resources-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def lint(self, name, doc, region):
        return self.lint_all({name: (doc, region)})[name]

    def lint_all(self, cases):
        """cfn-lint's errors per case: one run per region (its start-up is most of its time)."""
        found = {name: set() for name in cases}
        by_region = {}
        for name, (doc, region) in cases.items():
            path = self.tmp / f"{name}.json"
            path.write_text(json.dumps(doc))
            by_region.setdefault(region, []).append(path)
        for region, paths in by_region.items():
            args = ["cfn-lint", "--format", "parseable"] + (["--regions", region] if region else []) + ["--"] + [str(p) for p in paths]
            result = subprocess.run(args, capture_output=True, text=True, timeout=300)
            for line in result.stdout.splitlines():
                m = re.match(r"(.*?\.json):\d+:\d+:\d+:\d+:(E\d{4}):", line)
                if m:
                    found[Path(m.group(1)).stem].add(m.group(2))
        return found

    def check(self, name, text):
        folder = self.tmp / name
        folder.mkdir()
        (folder / "main.jaws").write_text(text)
        result = subprocess.run([JAWS, "check", str(folder), "--format", "json"], capture_output=True, text=True, timeout=60)
        return {d["code"] for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"}

    def test_jaws_check_catches_what_cfn_lint_finds(self):
        self.assertIsNotNone(shutil.which("cfn-lint"), "cfn-lint is not installed")
        rows = []
        linted = self.lint_all({f"case{index}": (template(type_name, properties, outputs), region)
                                for index, (_, type_name, properties, outputs, _, _, region) in enumerate(CASES)})
        for index, (label, type_name, properties, outputs, lint_codes, jaws_code, region) in enumerate(CASES):
            with self.subTest(case=label):
                found_by_lint = linted[f"case{index}"]
                found_by_jaws = self.check(f"case{index}", source(type_name, properties, outputs, region))
                rows.append((label, ", ".join(sorted(found_by_lint)) or "-", ", ".join(sorted(found_by_jaws)) or "-"))
                if jaws_code is None:
                    self.assertEqual(found_by_lint, set(), "cfn-lint finds an error in a clean case")
                    self.assertEqual(found_by_jaws, set(), "jaws finds an error in a clean case")
                elif not lint_codes:
                    # A mistake cfn-lint lets through and CloudFormation refuses.
                    self.assertEqual(found_by_lint, set(), "cfn-lint now finds this case: name its code")
                    self.assertIn(jaws_code, found_by_jaws)
                else:
                    self.assertTrue(found_by_lint & lint_codes, f"cfn-lint found {found_by_lint}, expected one of {lint_codes}")
                    self.assertIn(jaws_code, found_by_jaws)
        print("\n| mistake | cfn-lint on the template | `jaws check` on the source |\n|---|---|---|", file=sys.stderr)
        for row in rows:
            print("| " + " | ".join(row) + " |", file=sys.stderr)

    def test_topic_arn_is_a_ref(self):
        """cfn-lint refuses GetAtt Arn on a topic; jaws emits Ref, which it accepts."""
        label, type_name, properties, outputs, lint_codes = TOPIC_GETATT
        self.assertTrue(self.lint("topic", template(type_name, properties, outputs), None) & lint_codes)
        folder = self.tmp / "topic"
        folder.mkdir()
        (folder / "main.jaws").write_text(source(type_name, properties, outputs, None))
        result = subprocess.run([JAWS, "build", str(folder), "-o", str(self.tmp / "out")], capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        built = json.loads((self.tmp / "out" / "dev" / "us-east-1" / "template.json").read_text())
        self.assertEqual(built["Outputs"]["TopicArn"]["Value"], {"Ref": "R"})
        self.assertEqual(self.lint("built", built, None), set())


class SpecificationData(unittest.TestCase):
    def test_the_committed_data_is_what_the_script_writes(self):
        try:
            from cfnlint.version import __version__ as installed
        except ImportError:
            self.skipTest("cfn-lint is not installed: stdlib/resources.spec cannot be regenerated here")
        committed = re.search(r"^V cfn-lint (\S+)$", SPEC.read_text(), re.M).group(1)
        if installed != committed:
            self.skipTest(f"cfn-lint {installed} is installed, stdlib/resources.spec comes from {committed}")
        out = Path(tempfile.mkdtemp(prefix="jaws-spec-")) / "resources.spec"
        try:
            subprocess.run([sys.executable, str(ROOT / "scripts" / "resource-spec.py"), str(out)], check=True, timeout=600)
            self.assertTrue(out.read_bytes() == SPEC.read_bytes(),
                            "stdlib/resources.spec differs from what scripts/resource-spec.py writes: run it and commit the result")
        finally:
            shutil.rmtree(out.parent, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
