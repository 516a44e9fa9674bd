#!/usr/bin/env python3
"""Runtime tests of `jaws stubs`: generate handler stubs, then run every
generated handler with the runtime it was written for (node, python3) on
synthesized Lambda events.

  run_stub_runtime_tests.py --fixtures PROGRAM        the hand-built stacks (jaws_stub_fixtures)
  run_stub_runtime_tests.py --jaws JAWS DIR [DIR...]  projects: each copied to a temporary folder first,
                                                      its handler modules deleted, then `jaws stubs` run
  run_stub_runtime_tests.py --jaws JAWS --all-in DIR  every project folder in DIR (examples/)

Checks, per project: every created module passes `node --check` or
`python3 -m py_compile`, and jaws_models.py imports; each route's handler
answers a synthesized API Gateway event (a REST API's payload 1.0 or an HTTP
API's payload 2.0) with 501 and a JSON message naming the function, with the
CORS headers exactly when a REST API has CORS (an HTTP API adds its own); a malformed JSON body gives 400; a module edited the way a user
would (the 501 replaced by an echo of the request) receives the typed
request: parameters converted, header names matched case-insensitively, the
body parsed; bad parameters give 400; a scheduled function answers an
EventBridge scheduled event; an authorizer denies (a REST API's with
Unauthorized, an HTTP API's with a simple response); a function URL request
gets 501, and the echoing module receives the request; SQS and stream batches
report every record as failed (or fail, without reportFailures) until the
user fills the plain function in, and then succeed; SNS, S3 and EventBridge
events reach their plain function, which logs that it is not implemented; a
rule's fixed input reaches its function; a second run of the
generator changes nothing and an edited module survives it. With --jaws, the
handler lint (JW5005, JW5006) of `jaws check` finds every generated handler.
Optionally, when `tsc` is on PATH, the .d.ts models type-check.
"""
import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FAILURES = []
CHECKS = 0


def check(condition, what):
    global CHECKS
    CHECKS += 1
    if not condition:
        FAILURES.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def run(command, stdin=None, cwd=None):
    return subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=cwd, timeout=120)


# ---- events ------------------------------------------------------------------

SAMPLE = {"integer": ("42", 42), "number": ("2.5", 2.5), "boolean": ("true", True), "any": ("any", "any")}
BAD = {"integer": "4x2", "number": "1e", "boolean": "yes"}


def sample(param):
    """The raw string(s) sent for a parameter and the value the request should hold."""
    if param["values"]:
        raw, value = param["values"][-1], param["values"][-1]
    else:
        raw, value = SAMPLE.get(param["type"], ("abc-1", "abc-1"))
    if param["list"]:
        return [raw, raw], [value, value]
    return raw, value


def concrete_path(resource, path_params):
    def fill(match):
        return str(path_params.get(match.group(1).rstrip("+"), "x"))
    return re.sub(r"\{([^}]+)\}", fill, resource)


def api_event(route, values, body=None, origin=None):
    """A REST API proxy event for `route`; `values` maps (in, name) to raw strings."""
    path_params, query, multi_query, headers, multi_headers = {}, {}, {}, {}, {}
    for param in route["params"]:
        key = (param["in"], param["name"])
        if key not in values:
            continue
        raw = values[key]
        many = raw if isinstance(raw, list) else [raw]
        if param["in"] == "path":
            path_params[param["name"]] = many[-1]
        elif param["in"] == "query":
            query[param["name"]] = many[-1]
            multi_query[param["name"]] = many
        else:
            # Header names arrive in whatever case the client used.
            name = param["name"].upper()
            headers[name] = ",".join(many)
            multi_headers[name] = many
    if origin is not None:
        headers["origin"] = origin
        multi_headers["origin"] = [origin]
    method = "GET" if route["method"] == "ANY" else route["method"]
    return {
        "resource": route["resource"],
        "path": concrete_path(route["resource"], path_params),
        "httpMethod": method,
        "headers": headers or None,
        "multiValueHeaders": multi_headers or None,
        "queryStringParameters": query or None,
        "multiValueQueryStringParameters": multi_query or None,
        "pathParameters": path_params or None,
        "stageVariables": None,
        "requestContext": {"resourcePath": route["resource"], "httpMethod": method, "stage": "test",
                           "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef"},
        "body": body,
        "isBase64Encoded": False,
    }


def http_event(route, values, body=None, origin=None):
    """An HTTP API event (payload 2.0) for `route`: header names in lower case,
    repeated values joined with commas, cookies apart from the headers."""
    path_params, query, headers, cookies = {}, {}, {}, None
    for param in route["params"]:
        key = (param["in"], param["name"])
        if key not in values:
            continue
        raw = values[key]
        many = raw if isinstance(raw, list) else [raw]
        if param["in"] == "path":
            path_params[param["name"]] = many[-1]
        elif param["in"] == "query":
            query[param["name"]] = ",".join(many)
        elif param["name"].lower() == "cookie":
            cookies = many
        else:
            headers[param["name"].lower()] = ",".join(many)
    if origin is not None:
        headers["origin"] = origin
    method = "GET" if route["method"] == "ANY" else route["method"]
    raw_path = concrete_path(route["resource"], path_params)
    event = {
        "version": "2.0",
        "routeKey": f"{route['method']} {route['resource']}",
        "rawPath": raw_path,
        "rawQueryString": "&".join(f"{k}={v}" for k, v in query.items()),
        "headers": headers,
        "queryStringParameters": query or None,
        "pathParameters": path_params or None,
        "requestContext": {"http": {"method": method, "path": raw_path, "protocol": "HTTP/1.1",
                                    "sourceIp": "192.0.2.1", "userAgent": "test"},
                           "routeKey": f"{route['method']} {route['resource']}", "stage": "$default",
                           "requestId": "JKJaXmPLvHcESHA="},
        "body": body,
        "isBase64Encoded": False,
    }
    if cookies is not None:
        event["cookies"] = cookies
    return {k: v for k, v in event.items() if v is not None or k == "body"}


def route_event(route, values, body=None, origin=None):
    maker = http_event if route.get("kind") == "http" else api_event
    return maker(route, values, body, origin)


def url_event(body="hello", base64_encoded=False):
    """A function URL event (payload 2.0, route key $default)."""
    return {"version": "2.0", "routeKey": "$default", "rawPath": "/some/path", "rawQueryString": "a=1",
            "cookies": ["session=1"], "headers": {"Content-Type": "text/plain", "X-Trace": "t1"},
            "queryStringParameters": {"a": "1"},
            "requestContext": {"http": {"method": "POST", "path": "/some/path", "protocol": "HTTP/1.1",
                                        "sourceIp": "192.0.2.1", "userAgent": "test"},
                               "routeKey": "$default", "stage": "$default"},
            "body": body, "isBase64Encoded": base64_encoded}


def http_authorizer_event():
    return {"version": "2.0", "type": "REQUEST",
            "routeArn": "arn:aws:execute-api:us-east-1:123456789012:abc123/$default/GET/offers",
            "identitySource": ["Bearer nobody"], "routeKey": "GET /offers", "rawPath": "/offers",
            "headers": {"authorization": "Bearer nobody"},
            "requestContext": {"http": {"method": "GET", "path": "/offers"}}}


def scheduled_event(rule="arn:aws:events:us-east-1:123456789012:rule/jaws-test"):
    return {"version": "0", "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "detail-type": "Scheduled Event",
            "source": "aws.events", "account": "123456789012", "time": "2024-01-01T12:00:00Z",
            "region": "us-east-1", "resources": [rule], "detail": {}}


ARN = "arn:aws:{}:us-east-1:123456789012:{}"


def sqs_event(ids):
    return {"Records": [{"messageId": i, "receiptHandle": "handle-" + i, "body": '{"n": 1}', "attributes": {},
                         "messageAttributes": {}, "md5OfBody": "0", "eventSource": "aws:sqs",
                         "eventSourceARN": ARN.format("sqs", "jobs"), "awsRegion": "us-east-1"} for i in ids]}


def kinesis_event(sequences):
    return {"Records": [{"eventID": "shardId-000000000000:" + s, "eventName": "aws:kinesis:record",
                         "eventSource": "aws:kinesis", "eventSourceARN": ARN.format("kinesis", "stream/clicks"),
                         "awsRegion": "us-east-1",
                         "kinesis": {"data": "eyJuIjogMX0=", "partitionKey": "p", "sequenceNumber": s,
                                     "approximateArrivalTimestamp": 1704110400.0, "kinesisSchemaVersion": "1.0"}}
                        for s in sequences]}


def dynamodb_event(sequences):
    return {"Records": [{"eventID": "e" + s, "eventName": "INSERT", "eventSource": "aws:dynamodb",
                         "eventSourceARN": ARN.format("dynamodb", "table/orders/stream/2024-01-01T00:00:00.000"),
                         "awsRegion": "us-east-1",
                         "dynamodb": {"Keys": {"id": {"S": s}}, "NewImage": {"id": {"S": s}}, "SequenceNumber": s,
                                      "SizeBytes": 10, "StreamViewType": "NEW_IMAGE"}} for s in sequences]}


def sns_event():
    return {"Records": [{"EventSource": "aws:sns", "EventVersion": "1.0",
                         "EventSubscriptionArn": ARN.format("sns", "alerts:1"),
                         "Sns": {"Type": "Notification", "MessageId": "n1", "TopicArn": ARN.format("sns", "alerts"),
                                 "Subject": None, "Message": '{"n": 1}', "Timestamp": "2024-01-01T12:00:00.000Z",
                                 "MessageAttributes": {}}}]}


def s3_event():
    return {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
                         "eventTime": "2024-01-01T12:00:00.000Z", "eventName": "ObjectCreated:Put",
                         "s3": {"bucket": {"name": "uploads", "arn": "arn:aws:s3:::uploads"},
                                "object": {"key": "in/a+photo.jpg", "size": 3, "sequencer": "00"}}}]}


def eventbridge_event():
    return {"version": "0", "id": "7bf73129-1428-4cd3-a780-95db273d1602",
            "detail-type": "EC2 Instance State-change Notification", "source": "aws.ec2",
            "account": "123456789012", "time": "2024-01-01T12:00:00Z", "region": "us-east-1",
            "resources": [ARN.format("ec2", "instance/i-0123")], "detail": {"state": "stopped"}}


def authorizer_event():
    return {"type": "TOKEN", "authorizationToken": "Bearer nobody",
            "methodArn": "arn:aws:execute-api:us-east-1:123456789012:abc123/test/GET/admin/todos/1"}


# ---- running handlers --------------------------------------------------------

def invoke(language, module_path, calls, logs=None):
    """Runs [(export, event)] in one process; returns [{"result"} | {"error"}].
    What the handlers log is appended to `logs` when given."""
    payload = json.dumps([{"export": export, "event": event} for export, event in calls])
    if language == "node":
        command = ["node", os.path.join(HERE, "drive_node.mjs"), module_path]
    else:
        command = [sys.executable, os.path.join(HERE, "drive_python.py"), module_path]
    done = run(command, stdin=payload)
    if logs is not None:
        logs.append(done.stderr)
    if done.returncode != 0:
        check(False, f"{module_path}: the driver failed: {done.stderr.strip()[-2000:]}")
        return [{"error": "driver failed"}] * len(calls)
    return json.loads(done.stdout)


def response_json(outcome, what):
    result = outcome.get("result")
    check(isinstance(result, dict) and "statusCode" in result, f"{what}: a proxy response, got {outcome}")
    if not isinstance(result, dict):
        return None, {}, None
    headers = result.get("headers") or {}
    try:
        body = json.loads(result.get("body") or "null")
    except ValueError:
        check(False, f"{what}: the body is JSON, got {result.get('body')!r}")
        body = None
    return result.get("statusCode"), headers, body


def expected_cors(route, origin):
    cors = route["cors"]
    # An HTTP API adds the CORS headers itself: the handler sends none.
    if cors is None or route.get("kind") == "http":
        return None
    if "*" in cors["origins"] and not cors["credentials"]:
        return "*"
    return origin if origin in cors["origins"] or "*" in cors["origins"] else cors["origins"][0]


def echo_copy(language, module_path):
    """The module as a user would edit it: every route function echoes its
    request instead of answering 501. None when the 501s are not found."""
    with open(module_path, encoding="utf-8") as f:
        text = f.read()
    if language == "node":
        pattern = r"return \{\n    statusCode: 501,\n    body: \{ message: .* \},\n  \};"
        replacement = "return { statusCode: 200, body: { request } };"
        suffix = ".echo.mjs"
    else:
        pattern = r"return \{\n        \"statusCode\": 501,\n        \"body\": \{\"message\": .*\},\n    \}"
        replacement = 'return {"statusCode": 200, "body": {"request": request}}'
        suffix = "_echo.py"
    edited, count = re.subn(pattern, replacement, text)
    if count == 0:
        return None
    path = re.sub(r"\.(mjs|py)$", "", module_path) + suffix
    with open(path, "w", encoding="utf-8") as f:
        f.write(edited)
    return path


# ---- the checks --------------------------------------------------------------

def check_route_handlers(project_dir, handler, module_path, echo_path):
    language, export, function = handler["language"], handler["export"], handler["function"]
    for route in handler["routes"]:
        label = f"{handler['module']} {export} {route['method']} {route['resource']}"
        values = {(p["in"], p["name"]): sample(p)[0] for p in route["params"]}
        expected = {"path": {}, "query": {}, "headers": {}}
        for p in route["params"]:
            expected["headers" if p["in"] == "header" else p["in"]][p["name"]] = sample(p)[1]
        body = {"title": "write tests", "n": 1} if route["body"] else None
        if body is not None:
            expected["body"] = body
        origins = (route["cors"] or {}).get("origins", [])
        origin = origins[-1] if origins and origins[-1] != "*" else "https://elsewhere.example"
        good = route_event(route, values, json.dumps(body) if body is not None else None, origin)
        calls = [(export, good)]
        if route["body"]:
            calls.append((export, route_event(route, values, '{"title": "unterminated', origin)))
        bad_params = [p for p in route["params"] if p["type"] in BAD]
        for p in bad_params:
            broken = dict(values)
            broken[(p["in"], p["name"])] = [BAD[p["type"]]] if p["list"] else BAD[p["type"]]
            calls.append((export, route_event(route, broken, good["body"], origin)))
        missing = [p for p in route["params"] if p["required"] and p["in"] != "path"]
        for p in missing:
            calls.append((export, route_event(route, {k: v for k, v in values.items() if k != (p["in"], p["name"])},
                                              good["body"], origin)))
        outcomes = invoke(language, module_path, calls)

        status, headers, payload = response_json(outcomes[0], label)
        check(status == 501, f"{label}: status 501, got {status}")
        message = (payload or {}).get("message", "") if isinstance(payload, dict) else ""
        check(function in message, f"{label}: the JSON message names {function}: {payload}")
        check(headers.get("Content-Type") == "application/json", f"{label}: Content-Type application/json")
        cors = expected_cors(route, origin)
        check(headers.get("Access-Control-Allow-Origin") == cors,
              f"{label}: Access-Control-Allow-Origin {cors!r}, got {headers.get('Access-Control-Allow-Origin')!r}")
        index = 1
        if route["body"]:
            status, headers, payload = response_json(outcomes[index], label + " (malformed body)")
            check(status == 400, f"{label}: a malformed body gives 400, got {status}")
            check(isinstance(payload, dict) and "not valid JSON" in payload.get("message", ""),
                  f"{label}: the 400 says the body is not valid JSON: {payload}")
            check(headers.get("Access-Control-Allow-Origin") == cors, f"{label}: the 400 carries the CORS headers")
            index += 1
        for p in bad_params + missing:
            status, _, payload = response_json(outcomes[index], f"{label} (bad {p['name']})")
            check(status == 400 and p["name"] in (payload or {}).get("message", ""),
                  f"{label}: a bad or missing {p['in']} parameter {p['name']} gives 400 naming it: {status} {payload}")
            index += 1

        if echo_path is not None:
            status, _, payload = response_json(invoke(language, echo_path, [(export, good)])[0], label + " (echo)")
            check(status == 200 and payload == {"request": expected},
                  f"{label}: the typed request is {expected}, got {payload}")


def implemented_copy(language, module_path):
    """The module as a user would edit it: the plain functions of events do
    their work (here: nothing) instead of failing."""
    with open(module_path, encoding="utf-8") as f:
        text = f.read()
    if language == "node":
        pattern, replacement, suffix = r"throw new Error\(\"Function [^\n]*\);", "return;", ".done.mjs"
    else:
        pattern, replacement, suffix = r"raise (_b\.)?NotImplementedError\(\"Function [^\n]*\)", "return None", "_done.py"
    edited, count = re.subn(pattern, replacement, text)
    if count == 0:
        return None
    path = re.sub(r"\.(mjs|py)$", "", module_path) + suffix
    with open(path, "w", encoding="utf-8") as f:
        f.write(edited)
    return path


def check_event_handlers(module, language, module_path, export, handlers):
    """The events of one export (shared by `handlers`): batches report every
    record as failed until implemented (or fail, without reportFailures),
    other events are unpacked and logged, a fixed input reaches its function."""
    events = [event for handler in handlers for event in handler["events"]]
    kinds = {event["kind"] for event in events}
    owner = handlers[0]["function"]  # whose plain functions the export runs

    def reports(kind):
        return all(e["reportFailures"] for e in events if e["kind"] == kind)

    calls, expected = [], []
    if "sqs" in kinds:
        calls.append((export, sqs_event(["m1", "m2"])))
        expected.append(("sqs", reports("sqs"), ["m1", "m2"]))
    if "stream" in kinds:
        calls.append((export, kinesis_event(["101", "102"])))
        expected.append(("stream", reports("stream"), ["101", "102"]))
        calls.append((export, dynamodb_event(["201", "202"])))
        expected.append(("stream", reports("stream"), ["201", "202"]))
    for kind, event in (("sns", sns_event()), ("s3", s3_event()), ("rule", eventbridge_event())):
        if kind in kinds:
            calls.append((export, event))
            expected.append((kind, None, None))
    if any(e["fixedInput"] for e in events):
        calls.append((export, {"fixed": "input"}))
        expected.append(("input", None, None))
    if not calls:
        return
    logs = []
    outcomes = invoke(language, module_path, calls, logs)
    for (kind, report, ids), outcome in zip(expected, outcomes):
        label = f"{module} {export} ({kind})"
        if report is True:
            failures = [{"itemIdentifier": i} for i in ids]
            check(outcome.get("result") == {"batchItemFailures": failures},
                  f"{label}: every record is reported as failed: {outcome}")
        elif report is False:
            check(owner in outcome.get("error", ""), f"{label}: the batch fails naming {owner}: {outcome}")
        else:
            check("error" not in outcome, f"{label}: handled without an error: {outcome}")
    for kind in kinds & {"sns", "s3", "rule"}:
        check(f"Function {owner} (" in "".join(logs), f"{module} {export}: the {kind} stub logs that {owner} is not implemented")

    # Implemented, the same batches succeed. (SNS, S3 and EventBridge stubs only
    # log, so a module with none of the batch kinds has nothing to fill in.)
    if not kinds & {"sqs", "stream"}:
        return
    done_path = implemented_copy(language, module_path)
    check(done_path is not None, f"{module}: the event functions can be filled in")
    if done_path is None:
        return
    outcomes = invoke(language, done_path, calls)
    for (kind, report, ids), outcome in zip(expected, outcomes):
        if kind in ("sqs", "stream"):
            check(outcome.get("result") == {"batchItemFailures": []},
                  f"{module} {export} ({kind}, implemented): no record fails: {outcome}")
    os.remove(done_path)


def check_module(project_dir, handlers, module, language):
    module_path = os.path.join(project_dir, module)
    echo_path = echo_copy(language, module_path)
    by_export = {}
    for handler in handlers:
        by_export.setdefault(handler["export"], []).append(handler)
    for export, sharing in by_export.items():
        check_event_handlers(module, language, module_path, export, sharing)
    for handler in handlers:
        if handler["routes"]:
            check_route_handlers(project_dir, handler, module_path, echo_path)
        calls, kinds = [], []
        if handler["schedules"]:
            calls.append((handler["export"], scheduled_event()))
            kinds.append("schedule")
        if handler["authorizer"]:
            calls.append((handler["export"], authorizer_event()))
            kinds.append("authorizer")
        if handler.get("httpAuthorizer"):
            calls.append((handler["export"], http_authorizer_event()))
            kinds.append("http authorizer")
        if handler.get("url"):
            calls.append((handler["export"], url_event()))
            kinds.append("url")
        if not (handler["routes"] or handler["schedules"] or handler["authorizer"] or handler.get("httpAuthorizer")
                or handler.get("url") or handler["events"]):
            calls.append((handler["export"], {"anything": True}))
            kinds.append("direct")
        for kind, outcome in zip(kinds, invoke(language, module_path, calls) if calls else []):
            label = f"{module} {handler['export']} ({kind})"
            if kind == "schedule":
                result = outcome.get("result")
                check(isinstance(result, dict) and handler["function"] in result.get("message", ""),
                      f"{label}: an EventBridge event gets a message naming {handler['function']}: {outcome}")
            elif kind == "authorizer":
                check(outcome.get("error", "").endswith("Unauthorized"), f"{label}: denies with Unauthorized: {outcome}")
            elif kind == "http authorizer":
                check(outcome.get("result") == {"isAuthorized": False}, f"{label}: denies with a simple response: {outcome}")
            elif kind == "url":
                status, headers, payload = response_json(outcome, label)
                check(status == 501 and handler["function"] in (payload or {}).get("message", ""),
                      f"{label}: a function URL request gets 501 naming {handler['function']}: {outcome}")
                check("Access-Control-Allow-Origin" not in headers, f"{label}: Lambda adds the CORS headers, not the handler")
            else:
                check(handler["function"] in outcome.get("error", ""),
                      f"{label}: an unimplemented function fails naming itself: {outcome}")
        if handler.get("url") and echo_path is not None:
            check_url_echo(handler, echo_path, language)
    if echo_path is not None:
        os.remove(echo_path)


def check_url_echo(handler, echo_path, language):
    """A function URL's plain function, edited to echo, gets the request."""
    label = f"{handler['module']} {handler['export']} (url echo)"
    plain, encoded = url_event(), url_event(body="aGk=", base64_encoded=True)
    outcomes = invoke(language, echo_path, [(handler["export"], plain), (handler["export"], encoded)])
    expected = {"method": "POST", "path": "/some/path", "query": {"a": "1"},
                "headers": {"content-type": "text/plain", "x-trace": "t1"}, "cookies": ["session=1"], "body": "hello"}
    status, _, payload = response_json(outcomes[0], label)
    check(status == 200 and payload == {"request": expected}, f"{label}: the request is {expected}, got {payload}")
    status, _, payload = response_json(outcomes[1], label + " (base64)")
    check(status == 200 and (payload or {}).get("request", {}).get("body") == "hi",
          f"{label}: a base64 body is decoded, got {payload}")


def check_syntax(project_dir, report):
    for entry in report["files"]:
        if entry["action"] not in ("create", "update"):
            continue
        path = os.path.join(project_dir, entry["path"])
        if path.endswith(".mjs"):
            done = run(["node", "--check", path])
            check(done.returncode == 0, f"node --check {entry['path']}: {done.stderr.strip()}")
        elif path.endswith(".py"):
            done = run([sys.executable, "-m", "py_compile", path])
            check(done.returncode == 0, f"py_compile {entry['path']}: {done.stderr.strip()}")
            if os.path.basename(path) == "jaws_models.py":
                done = run([sys.executable, "-c", "import jaws_models"], cwd=os.path.dirname(path))
                check(done.returncode == 0, f"import {entry['path']}: {done.stderr.strip()}")
        elif path.endswith(".d.ts") and shutil.which("tsc"):
            done = run(["tsc", "--noEmit", "--strict", path])
            check(done.returncode == 0, f"tsc {entry['path']}: {done.stdout.strip()}")


def check_project(project_dir, report, regenerate):
    created = {e["path"] for e in report["files"] if e["action"] == "create"}
    check(created or not report["handlers"], f"{project_dir}: the handlers' modules were generated")
    check_syntax(project_dir, report)
    modules = {}
    for handler in report["handlers"]:
        if handler["module"] in created:
            modules.setdefault((handler["module"], handler["language"]), []).append(handler)
    for (module, language), handlers in sorted(modules.items()):
        check_module(project_dir, handlers, module, language)

    # A user edits a module; the next run changes nothing at all.
    if modules:
        module = sorted(modules)[0][0]
        path = os.path.join(project_dir, module)
        with open(path, "a", encoding="utf-8") as f:
            f.write("\n// edited by hand\n" if module.endswith(".mjs") else "\n# edited by hand\n")
        with open(path, encoding="utf-8") as f:
            edited = f.read()
        second = regenerate()
        changed = [e["path"] for e in second["files"] if e["action"] in ("create", "update")]
        check(not changed, f"{project_dir}: a second run changes nothing, but it wrote {changed}")
        with open(path, encoding="utf-8") as f:
            check(f.read() == edited, f"{module}: the user's edit survives a second run")


def check_handler_lint(jaws, project_dir):
    """The handler lint (JW5005, JW5006) finds every generated handler."""
    done = run([jaws, "check", project_dir, "--format", "json"])
    try:
        diagnostics = json.loads(done.stdout)
    except ValueError:
        check(False, f"jaws check {project_dir} --format json: {done.stdout}{done.stderr}")
        return
    text = json.dumps(diagnostics)
    for code in ("JW5005", "JW5006"):
        check(code not in text, f"{project_dir}: the handler lint finds every handler, but reports {code}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixtures", help="the jaws_stub_fixtures program")
    parser.add_argument("--jaws", help="the jaws binary, to test project folders")
    parser.add_argument("--all-in", help="with --jaws: every project folder in this folder (one holding .jaws files)")
    parser.add_argument("projects", nargs="*", help="project folders (with --jaws)")
    args = parser.parse_args()
    if args.all_in:
        for name in sorted(os.listdir(args.all_in)):
            folder = os.path.join(args.all_in, name)
            if not name.startswith(".") and os.path.isdir(folder) and any(
                    f.endswith(".jaws") for f in os.listdir(folder)):
                args.projects.append(folder)
    if not args.fixtures and not (args.jaws and args.projects):
        parser.error("give --fixtures PROGRAM, or --jaws JAWS and project folders (or --all-in FOLDER)")

    with tempfile.TemporaryDirectory(prefix="jaws-stubs-") as temp:
        work = []
        if args.fixtures:
            def generate():
                done = run([args.fixtures, temp])
                if done.returncode != 0:
                    sys.exit(f"{args.fixtures} failed: {done.stderr}")
                return json.loads(done.stdout)["projects"]
            first = generate()
            for index, project in enumerate(first):
                work.append((project["dir"], project["report"], lambda i=index: generate()[i]["report"]))
        for number, source in enumerate(args.projects):
            # Copied beside the other projects' copies, so that imports of
            # sibling folders (`import "../.shared/x.jaws"`) still resolve.
            source = os.path.abspath(source)
            copy_root = os.path.join(temp, str(number))
            shutil.copytree(os.path.dirname(source), copy_root,
                            ignore=shutil.ignore_patterns("build", ".git", "node_modules", "__pycache__"))
            copy_dir = os.path.join(copy_root, os.path.basename(source))

            def generate(copy_dir=copy_dir, dry_run=False):
                done = run([args.jaws, "stubs", copy_dir, "--format", "json"] + (["--dry-run"] if dry_run else []))
                if done.returncode != 0:
                    sys.exit(f"jaws stubs {copy_dir} failed: {done.stdout}{done.stderr}")
                return json.loads(done.stdout)
            # The project's own handler modules go, so that every handler is generated.
            for entry in generate(dry_run=True)["files"]:
                if entry["kind"] == "handler-module" and entry["action"] in ("unchanged", "missing-exports"):
                    os.remove(os.path.join(copy_dir, entry["path"]))
            work.append((copy_dir, generate(), generate))
        for project_dir, report, regenerate in work:
            check_project(project_dir, report, regenerate)
            if args.jaws:
                check_handler_lint(args.jaws, project_dir)
                done = run([args.jaws, "stubs", project_dir])
                check(done.returncode == 0 and "created 0, updated 0," in done.stdout,
                      f"jaws stubs {project_dir} (text) reports nothing to do: {done.stdout}{done.stderr}")

    print(f"{CHECKS - len(FAILURES)}/{CHECKS} checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
