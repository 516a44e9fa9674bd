// The webhook API: receiving deliveries and the dashboard's reads.
import { createHmac, timingSafeEqual } from "node:crypto";
import { GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";

import { TABLE, db, error, json } from "./store.mjs";

const SIGNING_SECRETS = {
  github: process.env.GITHUB_SIGNING_SECRET,
  stripe: process.env.STRIPE_SIGNING_SECRET,
};

// The exact bytes the sender signed.
function rawBody(event) {
  if (!event.body) return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? "base64" : "utf8");
}

function signatureValid(source, body, signature) {
  const secret = SIGNING_SECRETS[source];
  if (!secret) return true; // internal senders are authenticated by the authorizer alone
  const expected = Buffer.from("sha256=" + createHmac("sha256", secret).update(body).digest("hex"));
  const given = Buffer.from(signature ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// POST and HEAD /hooks/{source}
export const receive = async (event) => {
  if (event.httpMethod === "HEAD") return json(200);
  const { source } = event.pathParameters;
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const body = rawBody(event);
  if (!signatureValid(source, body, headers["x-signature"])) {
    return error(401, "BAD_SIGNATURE", "the X-Signature header does not match the body", event);
  }
  const id = headers["x-delivery-id"];
  try {
    await db.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          id,
          source,
          status: "received",
          attempts: 0,
          receivedAt: new Date().toISOString(),
          event: JSON.parse(body.toString("utf8")),
        },
        ConditionExpression: "attribute_not_exists(id)", // senders retry: store each delivery once
      }),
    );
  } catch (e) {
    if (e.name !== "ConditionalCheckFailedException") throw e;
  }
  return json(202, { id, status: "received" });
};

// GET /deliveries?source=&status=&page-size=&cursor=
export const list = async (event) => {
  const query = event.queryStringParameters ?? {};
  const limit = Number(query["page-size"] ?? 50);
  const start = query.cursor ? JSON.parse(Buffer.from(query.cursor, "base64url").toString()) : undefined;
  const filter = query.source ? { FilterExpression: "#source = :source", ExpressionAttributeValues: { ":source": query.source } } : {};
  const page = query.status
    ? await db.send(
        new QueryCommand({
          TableName: TABLE,
          IndexName: "byStatus",
          KeyConditionExpression: "#status = :status",
          ExpressionAttributeNames: { "#status": "status", ...(query.source ? { "#source": "source" } : {}) },
          ...filter,
          ExpressionAttributeValues: { ":status": query.status, ...filter.ExpressionAttributeValues },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      )
    : await db.send(
        new ScanCommand({
          TableName: TABLE,
          ...filter,
          ...(query.source ? { ExpressionAttributeNames: { "#source": "source" } } : {}),
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
  const next = page.LastEvaluatedKey ? Buffer.from(JSON.stringify(page.LastEvaluatedKey)).toString("base64url") : undefined;
  return json(200, { items: page.Items ?? [], next });
};

// GET /deliveries/{deliveryId}
export const get = async (event) => {
  const { deliveryId } = event.pathParameters;
  const { Item } = await db.send(new GetCommand({ TableName: TABLE, Key: { id: deliveryId } }));
  return Item ? json(200, Item) : error(404, "NOT_FOUND", `no delivery ${deliveryId}`, event);
};

// POST /deliveries/{deliveryId}/replay: mark it failed so the next sweep runs it again.
export const replay = async (event) => {
  const { deliveryId } = event.pathParameters;
  try {
    await db.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { id: deliveryId },
        ConditionExpression: "attribute_exists(id)",
        UpdateExpression: "SET #status = :failed, lastError = :why",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":failed": "failed", ":why": "replay requested" },
      }),
    );
  } catch (e) {
    if (e.name === "ConditionalCheckFailedException") return error(404, "NOT_FOUND", `no delivery ${deliveryId}`, event);
    throw e;
  }
  return json(202, { id: deliveryId, status: "received" });
};

// GET /internal/stats (IAM-signed callers only)
export const stats = async () => {
  const bySource = {};
  const byStatus = {};
  let oldestPending;
  let start;
  do {
    const page = await db.send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      bySource[item.source] = (bySource[item.source] ?? 0) + 1;
      byStatus[item.status] = (byStatus[item.status] ?? 0) + 1;
      if (item.status === "failed" && (!oldestPending || item.receivedAt < oldestPending)) oldestPending = item.receivedAt;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  const oldestPendingSeconds = oldestPending ? (Date.now() - Date.parse(oldestPending)) / 1000 : undefined;
  return json(200, { bySource, byStatus, oldestPendingSeconds });
};
