"""Forwards requests sent to the old receiver's /v1/... URLs to the new one.

Packaged on its own (`source = "legacy"` in functions.jaws), so the handler
path "src/forward.handler" is relative to this folder.
"""

import base64
import os
import urllib.error
import urllib.request

TARGET_URL = os.environ["TARGET_URL"]
FORWARDED_HEADERS = {"content-type", "authorization", "x-signature", "x-delivery-id", "x-retry-count"}


def handler(event, context):
    # /v1/github -> <TARGET_URL>/github
    target = TARGET_URL.rstrip("/") + "/" + event["pathParameters"]["proxy"]
    body = event.get("body") or ""
    data = base64.b64decode(body) if event.get("isBase64Encoded") else body.encode()
    headers = {k: v for k, v in (event.get("headers") or {}).items() if k.lower() in FORWARDED_HEADERS}
    request = urllib.request.Request(target, data=data or None, headers=headers, method=event["httpMethod"])
    try:
        with urllib.request.urlopen(request, timeout=8) as response:
            return {"statusCode": response.status, "body": response.read().decode()}
    except urllib.error.HTTPError as error:
        return {"statusCode": error.code, "body": error.read().decode()}
