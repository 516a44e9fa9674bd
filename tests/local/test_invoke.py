"""`jaws invoke`: one function, once, with a file, stdin or a sample event."""
import json
import os
import unittest

from localserve import LocalTestCase

ECHO_NODE = """export const handler = async (event, context) => ({ event, name: context.functionName });
export const fails = async () => { throw new RangeError("out of range"); };
"""
ECHO_PYTHON = """def handler(event, context):
    print("python sees", sorted(event)[:3])
    return {"event": event, "name": context.function_name}
"""


class Invoke(LocalTestCase):
    def setUp(self):
        super().setUp()
        self.write("src/echo.mjs", ECHO_NODE)
        self.write("src/echo_py.py", ECHO_PYTHON)
        self.write("echo.jaws", """
function echo { handler = "src/echo.handler" }
function echoPy { handler = "src/echo_py.handler"  runtime = "python3.12" }
function fails { handler = "src/echo.fails" }
""")

    def run_json(self, *args, stdin=None, expect=0):
        proc = self.invoke(*args, stdin=stdin)
        self.assertEqual(proc.returncode, expect, proc.stdout + proc.stderr)
        return json.loads(proc.stdout), proc

    def test_each_sample_event_kind(self):
        for function in ("echo", "echoPy"):
            for kind in ("sqs", "sns", "s3", "stream", "rule", "schedule", "http"):
                result, proc = self.run_json(function, self.project, "--event", kind)
                event = result["event"]
                self.assertTrue(result["name"].startswith("localtest-dev-"), result)
                if kind == "sqs":
                    self.assertEqual(event["Records"][0]["eventSource"], "aws:sqs")
                    self.assertTrue(event["Records"][0]["eventSourceARN"].startswith("arn:aws:sqs:us-east-1:000000000000:"))
                elif kind == "sns":
                    self.assertEqual(event["Records"][0]["EventSource"], "aws:sns")
                    self.assertEqual(event["Records"][0]["Sns"]["Type"], "Notification")
                elif kind == "s3":
                    self.assertEqual(event["Records"][0]["eventName"], "ObjectCreated:Put")
                    self.assertIn("bucket", event["Records"][0]["s3"])
                elif kind == "stream":
                    self.assertEqual(event["Records"][0]["eventSource"], "aws:kinesis")
                elif kind == "rule":
                    self.assertEqual(event["source"], "jaws.local")
                elif kind == "schedule":
                    self.assertEqual(event["detail-type"], "Scheduled Event")
                    self.assertEqual(event["source"], "aws.events")
                else:
                    self.assertEqual(event["httpMethod"], "GET")
                    self.assertEqual(event["requestContext"]["stage"], "dev")
                self.assertIn("REPORT RequestId:", proc.stderr)

    def test_samples_follow_the_functions_declared_event_sources(self):
        self.write("events.jaws", """
resource jobs: "AWS::SQS::Queue" { VisibilityTimeout = 1m }
resource alerts: "AWS::SNS::Topic" {}
resource uploads: "AWS::S3::Bucket" {}
resource clicks: "AWS::Kinesis::Stream" { ShardCount = 1 }
resource orders: "AWS::DynamoDB::Table" {
  BillingMode          = "PAY_PER_REQUEST"
  KeySchema            = [{ AttributeName = "id", KeyType = "HASH" }]
  AttributeDefinitions = [{ AttributeName = "id", AttributeType = "S" }]
  StreamSpecification  = { StreamViewType = "NEW_IMAGE" }
}
function worker {
  handler = "src/echo.handler"
  events = [
    sqs(jobs), sns(alerts), s3(uploads, { prefix = "in/", suffix = ".png" }), stream(clicks, { start = "LATEST" }),
    rule({ source = ["aws.ec2"], "detail-type" = ["EC2 Instance State-change Notification"] }),
  ]
}
function ledger {
  handler = "src/echo.handler"
  events  = [stream(orders, { start = "TRIM_HORIZON" }), schedule("rate(1 day)", { input = { full = true } })]
}
""")
        arn = "arn:aws:{}:us-east-1:000000000000:{}"
        record = lambda kind: self.run_json("worker", self.project, "--event", kind)[0]["event"]["Records"][0]
        self.assertEqual(record("sqs")["eventSourceARN"], arn.format("sqs", "jobs"))
        self.assertEqual(record("sns")["Sns"]["TopicArn"], arn.format("sns", "alerts"))
        s3 = record("s3")["s3"]
        self.assertEqual((s3["bucket"]["name"], s3["object"]["key"]), ("uploads", "in/example.png"))
        kinesis = record("stream")
        self.assertEqual((kinesis["eventSource"], kinesis["eventSourceARN"]), ("aws:kinesis", arn.format("kinesis", "stream/clicks")))
        event = self.run_json("worker", self.project, "--event", "rule")[0]["event"]
        self.assertEqual((event["source"], event["detail-type"]), ("aws.ec2", "EC2 Instance State-change Notification"))
        table = self.run_json("ledger", self.project, "--event", "stream")[0]["event"]["Records"][0]
        self.assertEqual(table["eventSource"], "aws:dynamodb")
        self.assertTrue(table["eventSourceARN"].startswith(arn.format("dynamodb", "table/orders/stream/")))
        # A schedule with a fixed input sends the input itself.
        self.assertEqual(self.run_json("ledger", self.project, "--event", "schedule")[0]["event"], {"full": True})
        # Without a declared source of the kind, the generic sample.
        self.assertEqual(self.run_json("echo", self.project, "--event", "rule")[0]["event"]["source"], "jaws.local")

    def test_the_http_sample_follows_the_functions_route(self):
        result, _ = self.run_json("pyItems", self.project, "--event", "http", expect=0)
        self.assertEqual(result["statusCode"], 201)
        body = json.loads(result["body"])
        self.assertEqual(body["item"], {"name": "example"})
        self.assertEqual(body["function"], "localtest-dev-pyItems")

    def test_an_event_file_and_stdin(self):
        path = os.path.join(self.tmp, "event.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"hello": "file"}, f)
        result, _ = self.run_json("echo", self.project, "--event", path)
        self.assertEqual(result["event"], {"hello": "file"})
        result, proc = self.run_json("echoPy", self.project, "--event", "-", stdin='{"from": "stdin"}')
        self.assertEqual(result["event"], {"from": "stdin"})
        self.assertIn("[echoPy] python sees ['from']", proc.stderr)
        result, _ = self.run_json("echo", self.project)
        self.assertEqual(result["event"], {})

    def test_a_handler_that_throws_exits_1_with_the_error(self):
        result, proc = self.run_json("fails", self.project, "--event", "sqs", expect=1)
        self.assertEqual(result["errorType"], "RangeError")
        self.assertEqual(result["errorMessage"], "out of range")
        self.assertIn("RangeError: out of range", proc.stderr)

    def test_crash_and_timeout(self):
        result, _ = self.run_json("crash", self.project, "--event", "schedule", expect=1)
        self.assertEqual(result["errorType"], "Runtime.ExitError")
        self.assertIn("exit status 3", result["errorMessage"])
        result, _ = self.run_json("hang", self.project, expect=1)
        self.assertEqual(result["errorType"], "Sandbox.Timedout")
        self.assertIn("Task timed out after 1.00 seconds", result["errorMessage"])

    def test_bad_inputs(self):
        proc = self.invoke("nope", self.project)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("no function `nope`", proc.stderr)
        proc = self.invoke("ech", self.project)
        self.assertIn("did you mean `echo`?", proc.stderr)
        bad = os.path.join(self.tmp, "bad.json")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("{ nope")
        proc = self.invoke("echo", self.project, "--event", bad)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("error[JW9027]", proc.stderr)
        self.assertIn("not valid JSON", proc.stderr)
        proc = self.invoke("echo", self.project, "--event", "sqss")
        self.assertIn("error[JW9027]", proc.stderr)

    def test_local_values_file_problems_are_coded(self):
        self.write("jaws.local.json", '{ "values": { "items.ref": ["x"], "itemz.ref": "y" }, "extra": 1 }')
        proc = self.invoke("echo", self.project)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("error[JW3044]", proc.stderr)
        self.assertIn("warning[JW3045]", proc.stderr)
        self.assertIn("did you mean `items.ref`?", proc.stderr)
        self.assertIn("error[JW9023]", proc.stderr)
        self.assertIn("jaws.local.json:1:", proc.stderr)
        self.write("jaws.local.json", '{ "values": { "items.ref": "x", } }')
        proc = self.invoke("echo", self.project)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("error[JW9023]", proc.stderr)
        self.assertIn("not valid JSON", proc.stderr)
        # --value wins over the file, and a missing --values file is an error.
        self.write("jaws.local.json", '{ "values": { "items.ref": "from-file" } }')
        proc = self.invoke("hello", self.project, "--value", "items.ref=from-flag", "--event", "http")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(json.loads(json.loads(proc.stdout)["body"])["env"]["TABLE"], "from-flag")
        proc = self.invoke("echo", self.project, "--values", os.path.join(self.tmp, "missing.json"))
        self.assertEqual(proc.returncode, 1)
        self.assertIn("error[JW9023]", proc.stderr)

    def test_local_values_and_event_files_are_read_as_sources_are(self):
        # A values file that is a link out of the project, or to /proc, is
        # refused without its text ever appearing (docs/security.md).
        os.environ["JAWS_TEST_CANARY"] = "canary-6f1e"
        try:
            values = os.path.join(self.project, "jaws.local.json")
            if os.path.lexists(values):
                os.remove(values)
            os.symlink("/proc/self/environ", values)
            proc = self.invoke("echo", self.project)
            self.assertEqual(proc.returncode, 1, proc.stderr)
            self.assertIn("error[JW9023]", proc.stderr)
            self.assertNotIn("canary-6f1e", proc.stdout + proc.stderr)
            os.remove(os.path.join(self.project, "jaws.local.json"))
            outside = os.path.join(self.tmp, "outside.json")
            with open(outside, "w", encoding="utf-8") as f:
                f.write('{ "values": { "secret-canary-7d2a": [1] } }')
            os.symlink(outside, os.path.join(self.project, "jaws.local.json"))
            proc = self.invoke("echo", self.project)
            self.assertEqual(proc.returncode, 1, proc.stderr)
            self.assertIn("leads outside the project", proc.stderr)
            self.assertNotIn("secret-canary-7d2a", proc.stderr)
            os.remove(os.path.join(self.project, "jaws.local.json"))
            # An event that is a FIFO is refused at once instead of blocking.
            fifo = os.path.join(self.tmp, "event.fifo")
            os.mkfifo(fifo)
            proc = self.invoke("echo", self.project, "--event", fifo)
            self.assertEqual(proc.returncode, 1, proc.stderr)
            self.assertIn("error[JW9027]", proc.stderr)
            self.assertIn("FIFO", proc.stderr)
        finally:
            del os.environ["JAWS_TEST_CANARY"]

    def test_a_runtime_that_does_not_run_locally(self):
        self.write("java.jaws", 'function javaFn { handler = "src/java.handle"  runtime = "java21" }\n')
        proc = self.invoke("javaFn", self.project)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("warning[JW9025]", proc.stderr)
        self.assertEqual(json.loads(proc.stdout)["errorType"], "Runtime.Unavailable")


if __name__ == "__main__":
    unittest.main()
