# The Python runtime client of `jaws serve` and `jaws invoke`: what Lambda's
# own runtime does, in a few lines. It imports the handler named by _HANDLER
# with LAMBDA_TASK_ROOT on sys.path, then loops on the Lambda Runtime API at
# AWS_LAMBDA_RUNTIME_API: GET .../invocation/next, call the handler, POST
# .../response or .../error. A failure to import is reported to .../init/error.
# The jaws binary carries this file and runs it with `python3 -u -c`.
import http.client
import importlib
import json
import os
import sys
import time
import traceback

HOST = os.environ["AWS_LAMBDA_RUNTIME_API"]
BASE = "/2018-06-01/runtime"


def call(method, path, body=None, headers=None):
    """One request on a fresh connection; a connection error means jaws is gone."""
    try:
        connection = http.client.HTTPConnection(HOST)
        connection.request(method, BASE + path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    except OSError:
        sys.exit(0)


def post_error(path, error, error_type, header_type=None):
    payload = {
        "errorMessage": str(error),
        "errorType": error_type,
        "requestId": "",
        "stackTrace": traceback.format_exception(type(error), error, error.__traceback__)[1:]
        if isinstance(error, BaseException) else [],
    }
    headers = {"Content-Type": "application/json"}
    if header_type:
        headers["Lambda-Runtime-Function-Error-Type"] = header_type
    call("POST", path, json.dumps(payload).encode("utf-8"), headers)


class LambdaContext:
    def __init__(self, headers):
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.aws_request_id = headers.get("lambda-runtime-aws-request-id")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = None
        self.client_context = None
        self._deadline = int(headers.get("lambda-runtime-deadline-ms", "0"))

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline - int(time.time() * 1000))


def load_handler():
    """`src/orders.create`: module `src.orders` under LAMBDA_TASK_ROOT, function `create`."""
    handler = os.environ.get("_HANDLER", "")
    module_path, _, name = handler.rpartition(".")
    if not module_path or not name:
        raise LambdaError("Runtime.MalformedHandlerName", f"Bad handler '{handler}'")
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    try:
        module = importlib.import_module(module_path.replace("/", "."))
    except ImportError as e:
        raise LambdaError("Runtime.ImportModuleError", f"Unable to import module '{module_path}': {e}") from e
    except SyntaxError as e:
        raise LambdaError("Runtime.UserCodeSyntaxError", f"Syntax error in module '{module_path}': {e}") from e
    function = getattr(module, name, None)
    if not callable(function):
        raise LambdaError("Runtime.HandlerNotFound", f"Handler '{name}' missing on module '{module_path}'")
    return function


class LambdaError(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


def main():
    try:
        handler = load_handler()
    except Exception as e:
        error_type = getattr(e, "error_type", "Runtime.Unknown")
        print(f"[ERROR] {error_type}: {e}", file=sys.stderr)
        post_error("/init/error", e, error_type, error_type)
        sys.exit(1)
    while True:
        status, headers, body = call("GET", "/invocation/next")
        if status != 200:
            sys.exit(0)
        request_id = headers.get("lambda-runtime-aws-request-id", "")
        if "lambda-runtime-trace-id" in headers:
            os.environ["_X_AMZN_TRACE_ID"] = headers["lambda-runtime-trace-id"]
        try:
            result = handler(json.loads(body), LambdaContext(headers))
        except Exception as e:
            traceback.print_exc()
            post_error(f"/invocation/{request_id}/error", e, type(e).__name__, "Unhandled")
            continue
        try:
            payload = json.dumps(result).encode("utf-8")
        except (TypeError, ValueError) as e:
            post_error(f"/invocation/{request_id}/error", e, "Runtime.MarshalError")
            continue
        call("POST", f"/invocation/{request_id}/response", payload, {"Content-Type": "application/json"})


main()
