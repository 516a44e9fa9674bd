"""Runs exports of one Python module on Lambda events: reads a JSON list of
{"export", "event"} on stdin and prints a JSON list of {"result"} or
{"error"}. What the handler prints goes to stderr, keeping stdout JSON."""
import importlib.util
import json
import sys

stdout = sys.stdout
sys.stdout = sys.stderr
spec = importlib.util.spec_from_file_location("jaws_stub_under_test", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
out = []
for call in json.load(sys.stdin):
    try:
        handler = getattr(module, call["export"])
        out.append({"result": handler(call["event"], None)})
    except Exception as error:  # noqa: BLE001 - the test reports every failure
        out.append({"error": f"{type(error).__name__}: {error}"})
stdout.write(json.dumps(out))
