"""The daily report, run by an EventBridge schedule (see functions.jaws)."""

import os
from collections import Counter
from datetime import datetime, timedelta, timezone

import boto3
from boto3.dynamodb.conditions import Attr

from .common import TABLE

SNS = boto3.client("sns")
TOPIC_ARN = os.environ.get("TOPIC_ARN", "")


def daily_report(event, context):
    since = (datetime.now(timezone.utc) - timedelta(days=1)).isoformat()
    counts: Counter = Counter()
    arguments = {"FilterExpression": Attr("createdAt").gte(since)}
    while True:
        page = TABLE.scan(**arguments)
        counts.update(item["status"] for item in page.get("Items", []))
        if "LastEvaluatedKey" not in page:
            break
        arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    lines = [f"{status}: {count}" for status, count in sorted(counts.items())] or ["no orders"]
    SNS.publish(
        TopicArn=TOPIC_ARN,
        Subject=f"Orders in {os.environ.get('AWS_REGION')} since {since[:10]}",
        Message="\n".join(lines),
    )
    return {"orders": sum(counts.values())}
