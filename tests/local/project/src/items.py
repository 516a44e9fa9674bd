"""Creates an item: echoes the validated body with a 201."""
import json
import os


def create(event, context):
    print("creating an item in", os.environ.get("AWS_LAMBDA_FUNCTION_NAME"))
    item = json.loads(event["body"])
    return {
        "statusCode": 201,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({
            "item": item,
            "requestId": event["headers"].get("X-Request-Id"),
            "memory": context.memory_limit_in_mb,
            "function": context.function_name,
        }),
    }
