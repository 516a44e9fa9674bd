#pragma once
// The fixed parts of a generated Python handler module: the adapter code
// that turns Lambda events into typed requests. Builtins are reached through
// `_b` because a handler export may shadow them (`src/todos.list` defines a
// module-level `list`).
namespace jaws::stubs::python {

// Every top-level name the module defines or imports besides the user's
// functions, so that user-facing names never collide with them.
inline constexpr const char* kHelperNames[] = {
    "annotations", "TYPE_CHECKING", "Any", "_b", "_base64", "_json", "_re", "_Decimal", "_JawsBadRequest",
    "_jaws_dispatch", "_jaws_handle_http", "_jaws_lower_case_keys", "_jaws_parse_request", "_jaws_param_value",
    "_JAWS_INTEGER", "_JAWS_NUMBER", "_jaws_convert", "_jaws_parse_body", "_jaws_json_default", "_jaws_respond",
    "_jaws_cors_headers", "_jaws_authorize", "_JAWS_CORS", "_jaws_handle_url", "_jaws_authorize_simple"};

// _jaws_dispatch, assembled from the branches the module needs (so that it
// names no helper the module leaves out).
inline constexpr const char* kDispatchHead = R"PY(def _jaws_dispatch(event, context, triggers):
    """Runs the plain function that matches the event."""
    is_dict = _b.isinstance(event, _b.dict)
)PY";
inline constexpr const char* kDispatchAuthorizer = R"PY(    # A Lambda authorizer event (TOKEN or REQUEST).
    if (triggers.get("authorize") and is_dict and event.get("type") in ("TOKEN", "REQUEST")
            and _b.isinstance(event.get("methodArn"), _b.str)):
        return _jaws_authorize(event, context, triggers["authorize"])
)PY";
inline constexpr const char* kDispatchHttp = R"PY(    # An API Gateway REST API proxy event (payload 1.0).
    if (triggers.get("routes") and is_dict and _b.isinstance(event.get("httpMethod"), _b.str)
            and _b.isinstance(event.get("resource"), _b.str)):
        return _jaws_handle_http(event, context, triggers["routes"])
)PY";
// Added (issue 11): the events of payload format 2.0.
inline constexpr const char* kDispatchAuthorizerV2 = R"PY(    # An HTTP API's Lambda authorizer event (payload 2.0).
    if (triggers.get("authorize") and is_dict and event.get("version") == "2.0" and event.get("type") == "REQUEST"
            and _b.isinstance(event.get("routeArn"), _b.str)):
        return _jaws_authorize_simple(event, context, triggers["authorize"])
)PY";
inline constexpr const char* kDispatchHttpV2 = R"PY(    # An HTTP API request (payload 2.0).
    if (triggers.get("routes") and is_dict and event.get("version") == "2.0"
            and _b.isinstance(event.get("routeKey"), _b.str) and event["routeKey"] != "$default"):
        return _jaws_handle_http(event, context, triggers["routes"])
)PY";
inline constexpr const char* kDispatchUrl = R"PY(    # A function URL request (payload 2.0, route key $default).
    if triggers.get("url") and is_dict and event.get("version") == "2.0" and event.get("routeKey") == "$default":
        return _jaws_handle_url(event, context, triggers["url"])
)PY";
inline constexpr const char* kDispatchSchedule = R"PY(    # An EventBridge scheduled event.
    if triggers.get("schedule") and is_dict and event.get("detail-type") == "Scheduled Event":
        return triggers["schedule"](event, context)
)PY";
inline constexpr const char* kDispatchTail =
    R"PY(    raise _b.RuntimeError(f"{triggers['name']} cannot handle this event: it expects {triggers['expects']}")
)PY";

inline constexpr const char* kLowerCaseKeys = R"PY(def _jaws_lower_case_keys(mapping):
    return {_b.str(key).lower(): value for key, value in (mapping or {}).items()}
)PY";

inline constexpr const char* kHttp = R"PY(class _JawsBadRequest(_b.Exception):
    """A request the adapter rejects before your code runs: answered with 400."""


def _jaws_handle_http(event, context, routes):
    # REST APIs send payload 1.0 ("resource", "httpMethod"), HTTP APIs payload
    # 2.0 ("routeKey": "GET /items/{id}").
    http = event.get("version") == "2.0"
    if http:
        method = ((event.get("requestContext") or {}).get("http") or {}).get("method")
        resource = event["routeKey"].partition(" ")[2]
    else:
        method, resource = event["httpMethod"], event["resource"]
    route = _b.next((r for r in routes if r.get("http", False) == http
                     and r["resource"] == resource and r["method"] in ("ANY", method)), None)
    if route is None:
        message = f"No route for {method} {resource}"
        return _jaws_respond({"statusCode": 404, "body": {"message": message}}, None, event)
    try:
        request = _jaws_parse_request(event, route)
    except _JawsBadRequest as error:
        return _jaws_respond({"statusCode": 400, "body": {"message": _b.str(error)}}, route["cors"], event)
    return _jaws_respond(route["handle"](request, event, context), route["cors"], event)


def _jaws_parse_request(event, route):
    headers = _jaws_lower_case_keys(event.get("headers"))
    # Payload 2.0 sends cookies apart from the headers.
    if _b.isinstance(event.get("cookies"), _b.list) and "cookie" not in headers:
        headers["cookie"] = "; ".join(event["cookies"])
    multi_headers = _jaws_lower_case_keys(event.get("multiValueHeaders"))
    request = {"path": {}, "query": {}, "headers": {}}
    for param in route["params"]:
        raw = _jaws_param_value(event, param, headers, multi_headers)
        if raw is None:
            if param["required"]:
                raise _JawsBadRequest(f"Missing required {param['in']} parameter '{param['name']}'")
            continue
        section = request["headers" if param["in"] == "header" else param["in"]]
        if param["list"]:
            section[param["name"]] = [_jaws_convert(value, param) for value in raw]
        else:
            section[param["name"]] = _jaws_convert(raw, param)
    if route["body"]:
        request["body"] = _jaws_parse_body(event)
    return request


def _jaws_param_value(event, param, headers, multi_headers):
    """API Gateway delivers every value as a string; repeated query parameters
    and headers also arrive in the multiValue maps (payload 1.0) or joined
    with commas (payload 2.0). Header names are case-insensitive."""
    multi = None
    if param["in"] == "path":
        single = (event.get("pathParameters") or {}).get(param["name"])
    elif param["in"] == "query":
        single = (event.get("queryStringParameters") or {}).get(param["name"])
        multi = (event.get("multiValueQueryStringParameters") or {}).get(param["name"])
    else:
        single = headers.get(param["name"].lower())
        multi = multi_headers.get(param["name"].lower())
    if param["list"] and _b.isinstance(multi, _b.list):
        return multi
    if single is None:
        return None
    if param["list"] and event.get("version") == "2.0":
        return _b.str(single).split(",")
    return [single] if param["list"] else single


_JAWS_INTEGER = _re.compile(r"-?[0-9]+")
_JAWS_NUMBER = _re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")


def _jaws_convert(value, param):
    what = f"{param['in']} parameter '{param['name']}'"
    kind = param["type"]
    try:
        if kind == "integer" and _JAWS_INTEGER.fullmatch(value):
            return _b.int(value)
        if kind == "number" and _JAWS_NUMBER.fullmatch(value):
            return _b.float(value)
    except _b.ValueError:
        pass  # too many digits
    if kind == "integer":
        raise _JawsBadRequest(f"The {what} must be an integer, not '{value}'")
    if kind == "number":
        raise _JawsBadRequest(f"The {what} must be a number, not '{value}'")
    if kind == "boolean":
        if value in ("true", "false"):
            return value == "true"
        raise _JawsBadRequest(f"The {what} must be true or false, not '{value}'")
    values = param.get("values")
    if values is not None and value not in values:
        raise _JawsBadRequest(f"The {what} must be one of {', '.join(values)}, not '{value}'")
    return value


def _jaws_parse_body(event):
    body = event.get("body")
    if body is None or body == "":
        raise _JawsBadRequest("The request body is missing: this route expects a JSON body")
    try:
        text = _base64.b64decode(body).decode("utf-8") if event.get("isBase64Encoded") else body
        return _json.loads(text)
    except _b.ValueError as error:  # JSONDecodeError, UnicodeDecodeError, binascii.Error
        raise _JawsBadRequest(f"The request body is not valid JSON: {error}") from None
)PY";

// The response half of the HTTP adapter, which function URLs use too.
inline constexpr const char* kRespond = R"PY(def _jaws_json_default(value):
    # DynamoDB returns numbers as Decimal.
    if _b.isinstance(value, _Decimal):
        return _b.int(value) if value == value.to_integral_value() else _b.float(value)
    raise _b.TypeError(f"{_b.type(value).__name__} is not JSON serializable")


def _jaws_respond(result, cors, event):
    """`body` is sent as JSON, unless it is a string and the result sets a
    Content-Type that is not JSON (then it is sent as it is)."""
    if not _b.isinstance(result, _b.dict) or not _b.isinstance(result.get("statusCode"), _b.int):
        raise _b.TypeError('A route handler must return {"statusCode": ..., "headers": ..., "body": ...}')
    headers = {**_jaws_cors_headers(cors, event), **(result.get("headers") or {})}
    response = {"statusCode": result["statusCode"], "headers": headers}
    if "body" in result:
        content_type = _b.next((v for k, v in headers.items() if k.lower() == "content-type"), None)
        if content_type is None:
            headers["Content-Type"] = "application/json"
        as_is = (_b.isinstance(result["body"], _b.str) and content_type is not None
                 and "json" not in content_type.lower())
        response["body"] = result["body"] if as_is else _json.dumps(result["body"], default=_jaws_json_default)
    return response


def _jaws_cors_headers(cors, event):
    """The CORS headers of an API that enables CORS (preflight OPTIONS
    requests are answered by API Gateway itself)."""
    if not cors:
        return {}
    origin = _jaws_lower_case_keys(event.get("headers")).get("origin")
    any_origin = "*" in cors["origins"]
    headers = {}
    if any_origin and not cors["credentials"]:
        headers["Access-Control-Allow-Origin"] = "*"
    else:
        # The header names one origin: the caller's when it is allowed.
        allowed = origin is not None and (any_origin or origin in cors["origins"])
        headers["Access-Control-Allow-Origin"] = origin if allowed else cors["origins"][0]
        headers["Vary"] = "Origin"
    if cors["credentials"]:
        headers["Access-Control-Allow-Credentials"] = "true"
    return headers
)PY";

// Added (issue 11): a function URL's requests, and the simple responses of an
// HTTP API's Lambda authorizer.
inline constexpr const char* kUrl = R"PY(def _jaws_handle_url(event, context, handle):
    """A function URL request (payload 2.0): your function gets the method,
    the path, the query, the headers (names in lower case), the cookies and
    the body as text (decoded when it arrives base64-encoded)."""
    request = {"method": ((event.get("requestContext") or {}).get("http") or {}).get("method", "GET"),
               "path": event.get("rawPath") or "/",
               "query": event.get("queryStringParameters") or {},
               "headers": _jaws_lower_case_keys(event.get("headers")),
               "cookies": event.get("cookies") or []}
    if event.get("body") is not None:
        body = event["body"]
        request["body"] = _base64.b64decode(body).decode("utf-8") if event.get("isBase64Encoded") else body
    return _jaws_respond(handle(request, event, context), None, event)
)PY";

inline constexpr const char* kAuthorizerV2 = R"PY(def _jaws_authorize_simple(event, context, authorize):
    """An HTTP API's Lambda authorizer (payload 2.0, simple responses): None
    from your function denies the request (API Gateway answers 403),
    {"principalId": ..., "context": ...} allows it."""
    identity = event.get("identitySource")
    request = {"token": identity[0] if _b.isinstance(identity, _b.list) and identity else None,
               "headers": _jaws_lower_case_keys(event.get("headers")),
               "methodArn": event["routeArn"]}
    result = authorize(request, event, context)
    if not result:
        return {"isAuthorized": False}
    response = {"isAuthorized": True}
    if result.get("context"):
        response["context"] = result["context"]
    return response
)PY";

inline constexpr const char* kAuthorizer = R"PY(def _jaws_authorize(event, context, authorize):
    """A Lambda authorizer (TOKEN or REQUEST): None from your function denies
    the request (API Gateway answers 401), {"principalId": ..., "context": ...}
    allows it."""
    request = {"token": event.get("authorizationToken"),
               "headers": _jaws_lower_case_keys(event.get("headers")),
               "methodArn": event["methodArn"]}
    result = authorize(request, event, context)
    if not result:
        raise _b.Exception("Unauthorized")  # this exact message makes API Gateway answer 401
    # Allow every route of the stage, so a cached policy serves them all.
    api_arn, stage = (event["methodArn"].split("/") + [""])[:2]
    statement = {"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": f"{api_arn}/{stage}/*"}
    response = {"principalId": _b.str(result["principalId"]),
                "policyDocument": {"Version": "2012-10-17", "Statement": [statement]}}
    if result.get("context"):
        response["context"] = result["context"]
    return response
)PY";

}  // namespace jaws::stubs::python
