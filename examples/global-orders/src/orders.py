"""Handlers of the orders API (see api.jaws for the routes)."""

import json
import os
import time
import uuid
from datetime import datetime, timezone

import boto3
from boto3.dynamodb.conditions import Attr, Key
from botocore.exceptions import ClientError

from .common import TABLE, body_of, fail, respond

SQS = boto3.client("sqs")
SSM = boto3.client("ssm")
FLAGS_PARAMETER = os.environ.get("FLAGS_PARAMETER", "")
QUEUE_URL = os.environ.get("QUEUE_URL", "")
RETENTION_DAYS = int(os.environ.get("RETENTION_DAYS", "30"))
REGION = os.environ.get("AWS_REGION", "")


def _total(lines: list) -> dict:
    currencies = {line["unitPrice"]["currency"] for line in lines}
    if len(currencies) != 1:
        raise ValueError("all lines must use the same currency")
    amount = sum(line["quantity"] * line["unitPrice"]["amount"] for line in lines)
    return {"amount": amount, "currency": currencies.pop()}


_flags: dict = {}
_flags_read_at: float | None = None


def _flag(name: str) -> bool:
    """A feature flag from the SSM parameter (JSON), re-read at most once a minute."""
    global _flags, _flags_read_at
    if _flags_read_at is None or time.monotonic() - _flags_read_at > 60:
        value = SSM.get_parameter(Name=FLAGS_PARAMETER)["Parameter"]["Value"]
        _flags, _flags_read_at = json.loads(value), time.monotonic()
    return bool(_flags.get(name, False))


def create_order(event, context):
    if _flag("intake_paused"):
        return fail(event, 503, "INTAKE_PAUSED", "orders are paused, try again later")
    request = body_of(event)
    try:
        total = _total(request["lines"])
    except ValueError as error:
        return fail(event, 400, "MIXED_CURRENCIES", str(error))
    now = datetime.now(timezone.utc)
    order = {
        "id": str(uuid.uuid4()),
        "customerId": request["customerId"],
        "status": "paid",  # the payment provider call is elided in this example
        "lines": request["lines"],
        "total": total,
        "shippingAddress": request["shippingAddress"],
        "metadata": request.get("metadata", {}),
        "createdAt": now.isoformat(),
        "region": REGION,
        "expiresAt": int(time.time()) + RETENTION_DAYS * 86400,
    }
    TABLE.put_item(Item=order, ConditionExpression=Attr("id").not_exists())
    SQS.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps({"orderId": order["id"]}))
    return respond(event, 201, order)


def get_order(event, context):
    order_id = event["pathParameters"]["orderId"]
    item = TABLE.get_item(Key={"id": order_id}).get("Item")
    if item is None:
        return fail(event, 404, "NOT_FOUND", f"no order {order_id}")
    return respond(event, 200, item)


def list_orders(event, context):
    customer_id = event["pathParameters"]["customerId"]
    query = event.get("queryStringParameters") or {}
    arguments = {
        "IndexName": "byCustomer",
        "KeyConditionExpression": Key("customerId").eq(customer_id),
        "ScanIndexForward": False,
        "Limit": int(query.get("limit", "25")),
    }
    if "status" in query:
        arguments["FilterExpression"] = Attr("status").eq(query["status"])
    if "cursor" in query:
        arguments["ExclusiveStartKey"] = json.loads(query["cursor"])
    page = TABLE.query(**arguments)
    result = {"items": page.get("Items", [])}
    if "LastEvaluatedKey" in page:
        result["next"] = json.dumps(page["LastEvaluatedKey"])
    return respond(event, 200, result)


def cancel_order(event, context):
    order_id = event["pathParameters"]["orderId"]
    request = body_of(event)
    try:
        updated = TABLE.update_item(
            Key={"id": order_id},
            UpdateExpression="SET #s = :cancelled, cancelReason = :reason",
            ConditionExpression=Attr("status").is_in(["pending", "paid"]),
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues={":cancelled": "cancelled", ":reason": request["reason"]},
            ReturnValues="ALL_NEW",
        )
    except ClientError as error:
        if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return fail(event, 409, "NOT_CANCELLABLE", f"order {order_id} was shipped or does not exist")
        raise
    return respond(event, 200, updated["Attributes"])


def health(event, context):
    return respond(event, 200, {"ok": True, "region": REGION, "version": os.environ.get("VERSION", "")})
