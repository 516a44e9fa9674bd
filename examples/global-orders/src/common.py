"""Helpers shared by the orders handlers: JSON responses, CORS, the table."""

import json
import os
from decimal import Decimal
from typing import Any

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ.get("TABLE", ""))
ALLOWED_ORIGINS = [o for o in os.environ.get("ALLOWED_ORIGINS", "").split(",") if o]


def _default(value: Any) -> Any:
    # DynamoDB returns numbers as Decimal; the API speaks integers.
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot serialize {type(value).__name__}")


def respond(event: dict, status: int, body: Any) -> dict:
    headers = {"Content-Type": "application/json"}
    origin = (event.get("headers") or {}).get("origin", "")
    if origin in ALLOWED_ORIGINS:
        headers["Access-Control-Allow-Origin"] = origin
        headers["Vary"] = "Origin"
    return {"statusCode": status, "headers": headers, "body": json.dumps(body, default=_default)}


def fail(event: dict, status: int, code: str, message: str) -> dict:
    request_id = (event.get("requestContext") or {}).get("requestId")
    return respond(event, status, {"message": message, "code": code, "requestId": request_id})


def body_of(event: dict) -> dict:
    # API Gateway validated the body against the route's model already.
    return json.loads(event.get("body") or "{}")
