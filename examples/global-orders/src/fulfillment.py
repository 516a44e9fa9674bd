"""The fulfillment worker: takes paid orders off the queue and books them.

Failures are reported per message (ReportBatchItemFailures), so one bad order
does not send the whole batch back to the queue.
"""

import json
import os
import urllib.request

from .common import TABLE

LEDGER_URL = os.environ.get("LEDGER_URL", "")
LEDGER_API_KEY = os.environ.get("LEDGER_API_KEY", "")


def _book(order_id: str) -> None:
    request = urllib.request.Request(
        f"{LEDGER_URL}/bookings",
        data=json.dumps({"orderId": order_id}).encode(),
        headers={"Content-Type": "application/json", "X-Api-Key": LEDGER_API_KEY},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


def fulfill(event, context):
    failures = []
    for record in event["Records"]:
        try:
            order_id = json.loads(record["body"])["orderId"]
            _book(order_id)
            TABLE.update_item(
                Key={"id": order_id},
                UpdateExpression="SET #s = :fulfilled",
                ExpressionAttributeNames={"#s": "status"},
                ExpressionAttributeValues={":fulfilled": "fulfilled"},
            )
        except Exception:  # noqa: BLE001 - every failure goes back to the queue
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
