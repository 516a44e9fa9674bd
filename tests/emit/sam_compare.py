#!/usr/bin/env python3
"""Compares, resource by resource, the CloudFormation Jaws emits with what
aws-sam-translator produces for the equivalent SAM template, for each case
in CASES: one function behind one REST route (golden case `sam-compare`),
behind one HTTP API route (`sam-compare-http`), with a function URL
(`sam-compare-url`), and invoked by each kind of event source: an SQS queue,
an SNS topic, an S3 bucket, a DynamoDB table's stream, a Kinesis stream and an
EventBridge rule (`sam-compare-sqs`, `-sns`, `-s3`, `-dynamodb`, `-kinesis`,
`-rule`, compiled from tests/emit/projects/).

Equivalent spellings are normalized first (logical IDs mapped by resource
type, or by the case's PAIRS where a type occurs twice, Fn::Sub with a
variable map inlined, `arn:aws:` read as
`arn:${AWS::Partition}:`, one-element lists read as scalars in IAM policy
statements). Every remaining difference must be listed in DIFFERENCES below
and explained in docs/sam-comparison.md under the same key; a new or vanished
difference fails the test, so the document stays true.

Runs offline: sam-translator needs only a region and a managed-policy loader.
"""
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests/emit/golden"
DOC = ROOT / "docs/sam-comparison.md"

# The SAM template equivalent to samCompareStack() in tests/unit/EmitFixtures.cpp.
SAM_TEMPLATE = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Transform": "AWS::Serverless-2016-10-31",
    "Parameters": {"CodeBucket": {"Type": "String"}, "CodeKey": {"Type": "String"}},
    "Resources": {
        "HelloApi": {
            "Type": "AWS::Serverless::Api",
            "Properties": {"StageName": "dev", "Name": "hello-dev-helloApi", "EndpointConfiguration": {"Type": "REGIONAL"}},
        },
        # SAM creates no log group; the equivalent program declares one.
        "HelloLogGroup": {
            "Type": "AWS::Logs::LogGroup",
            "Properties": {"LogGroupName": "/aws/lambda/hello-dev-hello", "RetentionInDays": 14},
        },
        "HelloFunction": {
            "Type": "AWS::Serverless::Function",
            "Properties": {
                "FunctionName": "hello-dev-hello",
                "Handler": "src/hello.handler",
                "Runtime": "nodejs22.x",
                "Architectures": ["x86_64"],
                "MemorySize": 256,
                "Timeout": 10,
                "CodeUri": {"Bucket": {"Ref": "CodeBucket"}, "Key": {"Ref": "CodeKey"}},
                "Events": {
                    "Get": {"Type": "Api", "Properties": {"RestApiId": {"Ref": "HelloApi"}, "Path": "/hello/{name}", "Method": "get"}}
                },
            },
        },
    },
}

# (resource type, property path, how it differs) -> the key explained in the doc.
DIFFERENCES = {
    ("AWS::Lambda::Function", "DependsOn", "jaws only"): "function-depends-on-log-group",
    ("AWS::Lambda::Function", "Properties.Tags", "sam only"): "sam-created-by-tag",
    ("AWS::IAM::Role", "Properties.Tags", "sam only"): "sam-created-by-tag",
    ("AWS::IAM::Role", "Properties.ManagedPolicyArns", "sam only"): "role-least-privilege",
    ("AWS::IAM::Role", "Properties.Policies", "jaws only"): "role-least-privilege",
    ("AWS::ApiGateway::Deployment", "Properties.StageName", "sam only"): "deployment-stage-name",
    ("AWS::ApiGateway::Deployment", "Properties.Description", "differs"): "deployment-description",
    ("AWS::ApiGateway::RestApi", "Properties.Body.info.title", "differs"): "swagger-title-version",
    ("AWS::ApiGateway::RestApi", "Properties.Body.info.version", "differs"): "swagger-title-version",
    ("AWS::ApiGateway::RestApi", "Properties.Body.consumes", "jaws only"): "swagger-media-types",
    ("AWS::ApiGateway::RestApi", "Properties.Body.produces", "jaws only"): "swagger-media-types",
    ("AWS::ApiGateway::RestApi", "Properties.Body.paths./hello/{name}.get.operationId", "jaws only"): "swagger-operation",
    ("AWS::ApiGateway::RestApi", "Properties.Body.paths./hello/{name}.get.parameters", "jaws only"): "swagger-operation",
    ("AWS::ApiGateway::RestApi", "Properties.Body.paths./hello/{name}.get.responses.200", "jaws only"): "swagger-operation",
    ("template", "Description", "jaws only"): "template-description",
    ("template", "Parameters.CodeBucket.Description", "jaws only"): "parameter-descriptions",
    ("template", "Parameters.CodeKey.Description", "jaws only"): "parameter-descriptions",
    ("template", "Parameters.CodeKey.Default", "jaws only"): "code-key-default",
}


# ---- HTTP API (issue 11): tests/emit/projects/sam-compare-http ----
SAM_HTTP_TEMPLATE = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Transform": "AWS::Serverless-2016-10-31",
    "Parameters": {"CodeBucket": {"Type": "String"}, "CodeKey": {"Type": "String"}},
    "Resources": {
        "HelloApi": {
            "Type": "AWS::Serverless::HttpApi",
            "Properties": {
                "StageName": "dev",
                "CorsConfiguration": {
                    "AllowOrigins": ["https://app.example.com"],
                    "AllowHeaders": ["Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token"],
                    "AllowMethods": ["GET"],
                    "MaxAge": 600,
                },
                "Auth": {
                    "DefaultAuthorizer": "JwtAuthorizer",
                    "Authorizers": {
                        "JwtAuthorizer": {
                            "JwtConfiguration": {"issuer": "https://example.auth0.com/", "audience": ["hello"]},
                            "IdentitySource": "$request.header.Authorization",
                        }
                    },
                },
            },
        },
        "HelloLogGroup": {
            "Type": "AWS::Logs::LogGroup",
            "Properties": {"LogGroupName": "/aws/lambda/greeter-dev-hello", "RetentionInDays": 14},
        },
        "HelloFunction": {
            "Type": "AWS::Serverless::Function",
            "Properties": {
                "FunctionName": "greeter-dev-hello",
                "Handler": "src/hello.handler",
                "Runtime": "nodejs22.x",
                "Architectures": ["x86_64"],
                "MemorySize": 256,
                "Timeout": 10,
                "CodeUri": {"Bucket": {"Ref": "CodeBucket"}, "Key": {"Ref": "CodeKey"}},
                "Events": {
                    "Get": {"Type": "HttpApi", "Properties": {"ApiId": {"Ref": "HelloApi"}, "Path": "/hello/{name}", "Method": "get"}}
                },
            },
        },
    },
}

COMMON_DIFFERENCES = {
    ("AWS::Lambda::Function", "DependsOn", "jaws only"): "function-depends-on-log-group",
    ("AWS::Lambda::Function", "Properties.Tags", "sam only"): "sam-created-by-tag",
    ("AWS::IAM::Role", "Properties.Tags", "sam only"): "sam-created-by-tag",
    ("AWS::IAM::Role", "Properties.ManagedPolicyArns", "sam only"): "role-least-privilege",
    ("AWS::IAM::Role", "Properties.Policies", "jaws only"): "role-least-privilege",
    ("template", "Description", "jaws only"): "template-description",
    ("template", "Parameters.CodeBucket.Description", "jaws only"): "parameter-descriptions",
    ("template", "Parameters.CodeKey.Description", "jaws only"): "parameter-descriptions",
    ("template", "Parameters.CodeKey.Default", "jaws only"): "code-key-default",
}

HTTP_DIFFERENCES = {
    **COMMON_DIFFERENCES,
    ("AWS::ApiGatewayV2::Stage", "Properties.Tags", "sam only"): "sam-created-by-tag",
    ("AWS::ApiGatewayV2::Api", "Properties.Body.tags", "sam only"): "sam-created-by-tag",
    ("AWS::ApiGatewayV2::Api", "Properties.CorsConfiguration", "jaws only"): "http-cors-configuration",
    ("AWS::ApiGatewayV2::Api", "Properties.Body.info.title", "differs"): "swagger-title-version",
    ("AWS::ApiGatewayV2::Api", "Properties.Body.info.version", "differs"): "swagger-title-version",
    ("AWS::ApiGatewayV2::Api", "Properties.Body.paths./hello/{name}.get.operationId", "jaws only"): "swagger-operation",
    ("AWS::ApiGatewayV2::Api", "Properties.Body.paths./hello/{name}.get.parameters[0].schema", "jaws only"): "swagger-operation",
    ("AWS::ApiGatewayV2::Api", "Properties.Body.paths./hello/{name}.get.responses.200", "jaws only"): "swagger-operation",
    ("AWS::ApiGatewayV2::Api", "Properties.Body.components.securitySchemes.JwtAuthorizer.flows", "jaws only"): "http-jwt-flows",
}

# ---- function URL (issue 11): tests/emit/projects/sam-compare-url ----
SAM_URL_TEMPLATE = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Transform": "AWS::Serverless-2016-10-31",
    "Parameters": {"CodeBucket": {"Type": "String"}, "CodeKey": {"Type": "String"}},
    "Resources": {
        "HelloLogGroup": {
            "Type": "AWS::Logs::LogGroup",
            "Properties": {"LogGroupName": "/aws/lambda/greeter-dev-hello", "RetentionInDays": 14},
        },
        "HelloFunction": {
            "Type": "AWS::Serverless::Function",
            "Properties": {
                "FunctionName": "greeter-dev-hello",
                "Handler": "src/hello.handler",
                "Runtime": "nodejs22.x",
                "Architectures": ["x86_64"],
                "MemorySize": 256,
                "Timeout": 10,
                "CodeUri": {"Bucket": {"Ref": "CodeBucket"}, "Key": {"Ref": "CodeKey"}},
                "FunctionUrlConfig": {
                    "AuthType": "NONE",
                    "InvokeMode": "BUFFERED",
                    "Cors": {
                        "AllowOrigins": ["https://app.example.com"],
                        "AllowHeaders": ["Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token"],
                        "AllowMethods": ["*"],
                    },
                },
            },
        },
    },
}

URL_DIFFERENCES = dict(COMMON_DIFFERENCES)


# ---- event sources (issue 11): tests/emit/projects/sam-compare-<kind> ----
def sam_event_template(project, function, resources, events):
    """One AWS::Serverless::Function `function` of the project, with its log
    group (SAM creates none; the Jaws program gets one), its `events` and the
    plain `resources` they read."""
    name = f"{project}-dev-{function}"
    logical = function[0].upper() + function[1:]
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": "AWS::Serverless-2016-10-31",
        "Parameters": {"CodeBucket": {"Type": "String"}, "CodeKey": {"Type": "String"}},
        "Resources": {
            **resources,
            f"{logical}LogGroup": {
                "Type": "AWS::Logs::LogGroup",
                "Properties": {"LogGroupName": f"/aws/lambda/{name}", "RetentionInDays": 14},
            },
            f"{logical}Function": {
                "Type": "AWS::Serverless::Function",
                "Properties": {
                    "FunctionName": name,
                    "Handler": f"src/{function}.handler",
                    "Runtime": "nodejs22.x",
                    "Architectures": ["x86_64"],
                    "MemorySize": 256,
                    "Timeout": 10,
                    "CodeUri": {"Bucket": {"Ref": "CodeBucket"}, "Key": {"Ref": "CodeKey"}},
                    "Events": events,
                },
            },
        },
    }


SAM_SQS_TEMPLATE = sam_event_template(
    "orders", "worker",
    {"Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 120}}},
    {"Jobs": {"Type": "SQS", "Properties": {
        "Queue": {"Fn::GetAtt": ["Jobs", "Arn"]},
        "BatchSize": 100,
        "MaximumBatchingWindowInSeconds": 5,
        "FunctionResponseTypes": ["ReportBatchItemFailures"],
        "ScalingConfig": {"MaximumConcurrency": 5},
    }}})

SAM_SNS_TEMPLATE = sam_event_template(
    "alerts", "pager",
    {"Alarms": {"Type": "AWS::SNS::Topic"}},
    {"Alarms": {"Type": "SNS", "Properties": {
        "Topic": {"Ref": "Alarms"},
        "FilterPolicy": {"severity": ["high", "critical"]},
    }}})

SAM_S3_TEMPLATE = sam_event_template(
    "media", "thumbnails",
    {"Uploads": {"Type": "AWS::S3::Bucket"}},
    {"Uploads": {"Type": "S3", "Properties": {
        "Bucket": {"Ref": "Uploads"},
        "Events": "s3:ObjectCreated:*",
        "Filter": {"S3Key": {"Rules": [{"Name": "prefix", "Value": "incoming/"}, {"Name": "suffix", "Value": ".jpg"}]}},
    }}})

SAM_DYNAMODB_TEMPLATE = sam_event_template(
    "ledger", "projector",
    {
        "Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {
            "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
        }},
        "FailedOrders": {"Type": "AWS::SQS::Queue"},
    },
    {"Orders": {"Type": "DynamoDB", "Properties": {
        "Stream": {"Fn::GetAtt": ["Orders", "StreamArn"]},
        "StartingPosition": "TRIM_HORIZON",
        "BatchSize": 100,
        "MaximumRetryAttempts": 5,
        "BisectBatchOnFunctionError": True,
        "DestinationConfig": {"OnFailure": {"Type": "SQS", "Destination": {"Fn::GetAtt": ["FailedOrders", "Arn"]}}},
    }}})

SAM_KINESIS_TEMPLATE = sam_event_template(
    "analytics", "counter",
    {"Clicks": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}}},
    {"Clicks": {"Type": "Kinesis", "Properties": {
        "Stream": {"Fn::GetAtt": ["Clicks", "Arn"]},
        "StartingPosition": "LATEST",
        "MaximumBatchingWindowInSeconds": 2,
        "ParallelizationFactor": 2,
        "MaximumRecordAgeInSeconds": 3600,
    }}})

SAM_RULE_TEMPLATE = sam_event_template(
    "ops", "watcher", {},
    {"Rule": {"Type": "EventBridgeRule", "Properties": {
        "Pattern": {"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]},
    }}})

SQS_DIFFERENCES = dict(COMMON_DIFFERENCES)
SNS_DIFFERENCES = dict(COMMON_DIFFERENCES)
S3_DIFFERENCES = dict(COMMON_DIFFERENCES)
DYNAMODB_DIFFERENCES = {
    **{k: v for k, v in COMMON_DIFFERENCES.items() if k != ("AWS::IAM::Role", "Properties.Policies", "jaws only")},
    # SAM's role has an inline policy too here (the failure destination's), so the two are compared.
    ("AWS::IAM::Role", "Properties.Policies[0].PolicyName", "differs"): "stream-one-inline-policy",
    ("AWS::IAM::Role", "Properties.Policies[0].PolicyDocument.Version", "jaws only"): "stream-one-inline-policy",
    ("AWS::IAM::Role", "Properties.Policies[0].PolicyDocument.Statement", "differs"): "stream-one-inline-policy",
}
KINESIS_DIFFERENCES = dict(COMMON_DIFFERENCES)
RULE_DIFFERENCES = {
    **COMMON_DIFFERENCES,
    ("AWS::Events::Rule", "Properties.State", "jaws only"): "rule-state-explicit",
    ("AWS::Events::Rule", "Properties.Targets[0].Id", "differs"): "rule-target-id",
}

# (name, golden template, SAM template, differences, SAM logical ID -> Jaws logical ID where a type occurs twice)
CASES = [
    ("REST API", "sam-compare", SAM_TEMPLATE, DIFFERENCES, {}),
    ("HTTP API", "sam-compare-http", SAM_HTTP_TEMPLATE, HTTP_DIFFERENCES, {}),
    ("function URL", "sam-compare-url", SAM_URL_TEMPLATE, URL_DIFFERENCES,
     {"HelloFunctionUrlPublicPermissions": "HelloUrlPermission",
      "HelloFunctionURLInvokeAllowPublicAccess": "HelloUrlInvokePermission"}),
    ("SQS", "sam-compare-sqs", SAM_SQS_TEMPLATE, SQS_DIFFERENCES, {}),
    ("SNS", "sam-compare-sns", SAM_SNS_TEMPLATE, SNS_DIFFERENCES, {}),
    ("S3", "sam-compare-s3", SAM_S3_TEMPLATE, S3_DIFFERENCES, {}),
    ("DynamoDB stream", "sam-compare-dynamodb", SAM_DYNAMODB_TEMPLATE, DYNAMODB_DIFFERENCES, {}),
    ("Kinesis stream", "sam-compare-kinesis", SAM_KINESIS_TEMPLATE, KINESIS_DIFFERENCES, {}),
    ("EventBridge rule", "sam-compare-rule", SAM_RULE_TEMPLATE, RULE_DIFFERENCES, {}),
]

class FakeManagedPolicyLoader:
    def load(self):
        return {"AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}


def translate(template):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    from samtranslator.translator.transform import transform

    return transform(json.loads(json.dumps(template)), {}, FakeManagedPolicyLoader())


def rename_ids(node, renames):
    """Replaces SAM logical IDs by ours everywhere (Ref, GetAtt, ${Sub})."""
    if isinstance(node, dict):
        return {k: rename_ids(v, renames) for k, v in node.items()}
    if isinstance(node, list):
        return [rename_ids(v, renames) for v in node]
    if isinstance(node, str):
        if node in renames:
            return renames[node]
        for old, new in renames.items():
            node = node.replace("${" + old + "}", "${" + new + "}").replace("${" + old + ".", "${" + new + ".")
        return node
    return node


def normalize(node, key=None):
    if isinstance(node, dict):
        if set(node) == {"Fn::Sub"} and isinstance(node["Fn::Sub"], list):
            text, variables = node["Fn::Sub"]
            for name, value in variables.items():
                if isinstance(value, str):
                    text = text.replace("${" + name + "}", value)
                elif isinstance(value, dict) and set(value) == {"Ref"}:
                    text = text.replace("${" + name + "}", "${" + value["Ref"] + "}")
            node = {"Fn::Sub": text}
        if set(node) == {"Fn::Sub"} and isinstance(node["Fn::Sub"], str):
            return {"Fn::Sub": node["Fn::Sub"].replace("arn:aws:", "arn:${AWS::Partition}:")}
        return {k: normalize(v, k) for k, v in node.items()}
    if isinstance(node, list):
        items = [normalize(v, key) for v in node]
        if key in ("Action", "Service") and len(items) == 1:
            return items[0]
        return items
    return node


def is_intrinsic(node):
    return isinstance(node, dict) and len(node) == 1 and (next(iter(node)) == "Ref" or next(iter(node)).startswith("Fn::"))


def diff(ours, theirs, path, kind, out):
    if is_intrinsic(ours) or is_intrinsic(theirs):
        if ours != theirs:
            out.add((kind, path, "differs"))
    elif isinstance(ours, dict) and isinstance(theirs, dict):
        for k in sorted(set(ours) | set(theirs)):
            sub = f"{path}.{k}" if path else k
            if k not in theirs:
                out.add((kind, sub, "jaws only"))
            elif k not in ours:
                out.add((kind, sub, "sam only"))
            else:
                diff(ours[k], theirs[k], sub, kind, out)
    elif isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        for i, (a, b) in enumerate(zip(ours, theirs)):
            diff(a, b, f"{path}[{i}]", kind, out)
    elif ours != theirs:
        out.add((kind, path, "differs"))


def compare(name, golden, sam_template, differences, pairs, doc):
    """Prints the pairs and differences of one case; returns its failures."""
    print(f"== {name} (tests/emit/golden/{golden})")
    ours = json.loads((GOLDEN / golden / "dev/us-east-1/template.json").read_text(encoding="utf-8"))
    sam = translate(sam_template)

    by_type = {}
    for logical_id, resource in ours["Resources"].items():
        by_type.setdefault(resource["Type"], []).append(logical_id)
    renames = {}
    for logical_id, resource in sam["Resources"].items():
        if logical_id in pairs:
            renames[logical_id] = pairs[logical_id]
            continue
        candidates = by_type.get(resource["Type"], [])
        if len(candidates) != 1:
            print(f"FAIL: SAM's {logical_id} ({resource['Type']}) has {len(candidates)} counterparts in the Jaws template")
            return 1
        renames[logical_id] = candidates[0]
    if len(sam["Resources"]) != len(ours["Resources"]):
        print(f"FAIL: SAM has {len(sam['Resources'])} resources, Jaws {len(ours['Resources'])}")
        return 1

    found = set()
    for sam_id, our_id in sorted(renames.items()):
        theirs = normalize(rename_ids(sam["Resources"][sam_id], renames))
        mine = normalize(ours["Resources"][our_id])
        print(f"{mine['Type']}: SAM {sam_id} <-> Jaws {our_id}")
        diff(mine, theirs, "", mine["Type"], found)
    top_ours = {k: v for k, v in ours.items() if k != "Resources"}
    top_sam = {k: v for k, v in sam.items() if k != "Resources"}
    diff(top_ours, top_sam, "", "template", found)

    failures = 0
    for difference in sorted(found - set(differences)):
        print(f"FAIL: unexplained difference {difference}")
        failures += 1
    for difference in sorted(set(differences) - found):
        print(f"FAIL: documented difference no longer occurs {difference}")
        failures += 1
    for key in sorted(set(differences.values())):
        if f"`{key}`" not in doc:
            print(f"FAIL: difference `{key}` is not explained in {DOC.relative_to(ROOT)}")
            failures += 1
    for difference in sorted(found & set(differences)):
        print(f"  {difference[0]} {difference[1]}: {difference[2]} ({differences[difference]})")
    print(f"{len(found)} differences, {failures} failure(s)")
    return failures


def main():
    try:
        import samtranslator  # noqa: F401
    except ImportError as error:
        print(f"FAIL: sam-translator is missing ({error})")
        return 1
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    failures = sum(compare(*case, doc) for case in CASES)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
